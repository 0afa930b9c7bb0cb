// `copydesk check --changed [REF]`: the lines of each draft changed since a git
// ref (HEAD by default), from `git diff -U0 REF` over the working tree. Files git
// does not track yet count as wholly changed. Findings elsewhere are dropped:
// this is for reviewing a story's new copy, not its whole history.
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';

export class GitError extends Error {}

/** Changed 1-based line numbers per file (absolute real path); `'all'` for an untracked file. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new GitError('copydesk: --changed needs git, and git is not installed');
    throw new GitError(
      String(failure.stderr ?? failure.message)
        .trim()
        .split('\n')[0],
    );
  }
}

/** Whether `token` names a commit in the repository around `cwd` (to tell `--changed REF` from `--changed FILE`). */
export function isGitRef(token: string, cwd: string): boolean {
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${token}^{commit}`], { cwd, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Parses `git diff -U0` output into the new-side line numbers of each file. */
export function parseUnifiedDiff(diff: string, root: string): ChangedLines {
  const changed: ChangedLines = new Map();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      if (target === '/dev/null') {
        current = undefined;
        continue;
      }
      // "b/path", or a quoted C string for unusual names.
      const path = target.startsWith('"') ? (JSON.parse(target) as string).slice(2) : target.slice(2);
      current = new Set();
      changed.set(resolve(root, path), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return changed;
}

/**
 * The changed lines of the repository around `cwd` since `ref`. Throws GitError
 * with a plain sentence outside a repository or for an unknown ref.
 */
export function changedLinesSince(ref: string, cwd: string): ChangedLines {
  let root: string;
  try {
    root = git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch (error) {
    if (error instanceof GitError && /not installed/.test(error.message)) throw error;
    throw new GitError(`copydesk: --changed needs a git repository, and ${resolve(cwd)} is not inside one`);
  }
  if (!isGitRef(ref, root)) throw new GitError(`copydesk: --changed: ${ref} is not a commit in this repository`);
  const diff = git(['-c', 'core.quotePath=false', 'diff', '-U0', '--no-color', '--no-ext-diff', '--no-renames', ref, '--'], root);
  const changed = parseUnifiedDiff(diff, root);
  for (const path of git(['ls-files', '--others', '--exclude-standard', '-z'], root).split('\0')) {
    if (path) changed.set(resolve(root, path), 'all');
  }
  return changed;
}

/** The entry for `file` (as given on the command line), through symbolic links. */
export function changedLinesOf(changed: ChangedLines, file: string): Set<number> | 'all' | undefined {
  let real = resolve(file);
  try {
    real = realpathSync(file);
  } catch {
    // A file that vanished: its absolute path is the best guess.
  }
  return changed.get(real) ?? changed.get(resolve(file));
}
