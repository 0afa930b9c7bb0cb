// The evaluation, training and benchmark scripts read corpora that sit beside
// the repository (../shared/corpora), never inside it. A fresh clone has none:
// each script says so in one plain line and exits 2 instead of a stack trace.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Exits 2 with one line naming the missing corpus unless every path exists. */
export function requireCorpus(script: string, ...paths: string[]): void {
  for (const path of paths) {
    if (existsSync(path)) continue;
    process.stderr.write(`${script}: corpus not found: ${path} (the corpora live beside the repository in ../shared/corpora; see its README)\n`);
    process.exit(2);
  }
}

/** Articles under a folder, recursively, in a stable order; the corpus readme is not an article. */
export function articlesIn(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder).sort()) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) found.push(...articlesIn(path));
    else if (/\.(txt|md|article|story)$/i.test(entry) && !/^readme/i.test(entry)) found.push(path);
  }
  return found;
}

/** How a judgment names an article: its path below "corpora/" when it is in one, else relative to here. */
export function articleId(path: string): string {
  const absolute = resolve(path);
  const at = absolute.lastIndexOf('/corpora/');
  return at >= 0 ? absolute.slice(at + '/corpora/'.length) : relative(process.cwd(), absolute);
}

/** The articles a --files list names: one path a line, blank lines and lines starting with # skipped. */
export const listedArticles = (listFile: string): string[] =>
  readFileSync(listFile, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));

/**
 * The articles a script is asked to read: those under each folder given, then those a --files list
 * names. With neither, prints the usage line and exits 2; a missing corpus exits 2 as requireCorpus does.
 */
export function articlesFromArguments(script: string, usage: string, folders: readonly string[], listFile: string | undefined): string[] {
  if (folders.length === 0 && listFile === undefined) {
    process.stderr.write(`${usage}\n`);
    process.exit(2);
  }
  const listed = listFile === undefined ? [] : listedArticles(listFile);
  requireCorpus(script, ...folders, ...listed);
  return [...folders.flatMap(articlesIn), ...listed];
}
