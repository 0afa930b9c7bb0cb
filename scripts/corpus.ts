// The evaluation, training and benchmark scripts read corpora that sit beside
// the repository (../shared/corpora), never inside it. A fresh clone has none:
// each script says so in one plain line and exits 2 instead of a stack trace.
import { existsSync } from 'node:fs';

/** Exits 2 with one line naming the missing corpus unless every path exists. */
export function requireCorpus(script: string, ...paths: string[]): void {
  for (const path of paths) {
    if (existsSync(path)) continue;
    process.stderr.write(`${script}: corpus not found: ${path} (the corpora live beside the repository in ../shared/corpora; see its README)\n`);
    process.exit(2);
  }
}
