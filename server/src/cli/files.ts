// Which files a `copydesk check` run covers: folders given as arguments expand
// to the drafts inside them, in a stable order, so a pipeline can pass `stories/`.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const draftExtensions = ['.txt', '.md', '.article', '.story'];

const isDraftName = (name: string) => draftExtensions.some((extension) => name.toLowerCase().endsWith(extension));

/** Drafts under `folder`, sorted; hidden folders and node_modules are not entered. */
function draftsUnder(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...draftsUnder(path));
    else if (entry.isFile() && isDraftName(entry.name)) found.push(path);
  }
  return found;
}

/**
 * The arguments with each folder replaced by the drafts inside it. Anything
 * that is not a folder (a file, `-`, a path that does not exist) is kept as
 * given: reading it later says what is wrong with it.
 */
export function expandArguments(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    let folder = false;
    try {
      folder = path !== '-' && statSync(path).isDirectory();
    } catch {
      // Missing or unreadable: left for the reader to report.
    }
    return folder ? draftsUnder(path) : [path];
  });
}
