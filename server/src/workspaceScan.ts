// Finding and reading the drafts of a workspace folder for the workspace
// index, for the language server (its worker thread) and the CLI alike.
// A file that cannot be read, looks like binary data or is over the size
// limit is skipped with the reason, never thrown.

import { readdir } from 'node:fs/promises';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createContext } from './analysis/analyze';
import { parseDraft } from './analysis/draft';
import { checkDraftSize, looksBinary } from './analysis/limits';
import { draftLanguageOf } from './analysis/settings';
import { defaultOptions } from './analysis/types';
import { recordDraft, type DraftRecord } from './analysis/workspace/index';

/** The file names of each checked language; the client watches the same set. */
const extensionsByLanguage: Record<string, string[]> = {
  plaintext: ['.txt'],
  markdown: ['.md', '.markdown'],
  article: ['.article', '.story'],
};
export const draftFilesGlob = '**/*.{txt,md,markdown,article,story}';

/** Folders that hold no drafts and can be huge. */
const skippedFolders = new Set(['node_modules', 'dist', 'out', 'build', 'target', 'vendor', '__pycache__']);

export function draftExtensions(languages: readonly string[]): Set<string> {
  return new Set(languages.flatMap((l) => extensionsByLanguage[l] ?? []));
}

export function isDraftPath(path: string, extensions: ReadonlySet<string>): boolean {
  return extensions.has(extname(path).toLowerCase());
}

function skipFolder(name: string): boolean {
  return name.startsWith('.') || skippedFolders.has(name);
}

/** The same URI for a file however it was spelt (VS Code and Node encode a few characters differently). */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

/**
 * The draft files under `root`, folder by folder, without blocking: each
 * folder is read with one asynchronous call. `stopped` ends the walk early.
 */
export async function* walkDrafts(root: string, extensions: ReadonlySet<string>, stopped: () => boolean = () => false): AsyncGenerator<string> {
  const pending = [root];
  while (pending.length > 0 && !stopped()) {
    const folder = pending.pop()!;
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      continue; // unreadable or vanished folder
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skipFolder(entry.name)) pending.push(path);
      } else if (entry.isFile() && isDraftPath(entry.name, extensions)) {
        yield path;
      }
    }
  }
}

/** The same walk, at once, for the CLI. */
export function listDraftsSync(root: string, extensions: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skipFolder(entry.name)) pending.push(path);
      } else if (entry.isFile() && isDraftPath(entry.name, extensions)) {
        found.push(path);
      }
    }
  }
  return found.sort();
}

/**
 * Largest draft whose people are indexed: the language server's NLP budget
 * (maxNlpDraftSize in lsp/validation.ts), so the index never knows more of a
 * draft than its own hover does.
 */
export const maxIndexedDraftSize = 100_000;

/** 'vanished': deleted between being listed and being read; not counted as a problem. */
export type SkipReason = 'too-large' | 'unreadable' | 'vanished';

export type IndexOutcome = { record: DraftRecord; text: string } | { skipped: SkipReason; reason: string };

/**
 * Reads one draft and records its people and organizations. Over
 * `maxDraftSize` characters, binary, unreadable or vanished (deleted while
 * the index is built): skipped, with the reason in plain words.
 */
export function indexDraftFile(path: string, maxDraftSize: number): IndexOutcome {
  let text: string;
  let stamp: { mtimeMs: number; size: number };
  try {
    const stat = statSync(path);
    stamp = { mtimeMs: stat.mtimeMs, size: stat.size };
    // UTF-8 takes at least one byte per UTF-16 unit, at most three: a file
    // this big is over the limit without reading it.
    if (stat.size > Math.min(maxDraftSize, maxIndexedDraftSize) * 3) return { skipped: 'too-large', reason: `${path} is over copydesk.maxDraftSize` };
    const bytes = readFileSync(path);
    text = bytes.toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { skipped: 'vanished', reason: `${path} no longer exists` };
    return { skipped: 'unreadable', reason: `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (looksBinary(text)) return { skipped: 'unreadable', reason: `${path} looks like binary data` };
  if (checkDraftSize(text, Math.min(maxDraftSize, maxIndexedDraftSize))) return { skipped: 'too-large', reason: `${path} is over copydesk.maxDraftSize` };
  const language = draftLanguageOf(path);
  const context = createContext(parseDraft(text, language), { ...defaultOptions, language });
  return { record: recordDraft(pathToFileURL(path).href, context, stamp), text };
}
