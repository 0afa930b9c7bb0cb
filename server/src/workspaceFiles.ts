// The newsroom's shared files, read from disk for the language server and the
// CLI alike:
//
//   .copydesk.json / .copydesk.yaml / .copydesk.yml   the same settings as VS Code's
//       copydesk.* (without the prefix), e.g. { "rules": { "leftover": "off" }, "style": "ap" }
//   .copydesk/names.yaml                               the style sheet of known names
//
// Each is found in the draft's folder or the nearest folder above it. A broken
// file never stops Copydesk: it yields ONE problem sentence naming the file,
// the line and what is wrong, and the defaults apply in its place. Parsed files
// are cached by path, modification time and size, so a 100,000-name sheet is
// read once, not once per draft.

import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { mergeSettings, resolveSettings, type CopydeskSettings, type ResolvedSettings } from './analysis/settings';
import { parseStyleSheet, type StyleSheet } from './analysis/styleSheet';

export const settingsFileNames = ['.copydesk.json', '.copydesk.yaml', '.copydesk.yml'];
export const styleSheetPath = join('.copydesk', 'names.yaml');
/** For the client's file watcher and the server's dynamic registration. */
export const watchedFilesGlob = '**/{.copydesk.json,.copydesk.yaml,.copydesk.yml,.copydesk/names.yaml}';

export interface WorkspaceFileResult<T> {
  /** The file found, if any. */
  file?: string;
  value?: T;
  /** One sentence naming the file and line, when the file is broken or has wrong values. */
  problem?: string;
}

/** The first existing `name` in `folder` or a folder above it. */
export function findUp(folder: string, names: readonly string[]): string | undefined {
  let current = folder;
  for (;;) {
    for (const name of names) {
      const candidate = join(current, name);
      try {
        // Asked for every draft the CLI checks, at every folder up to the root: a missing file is
        // the common answer, and an ENOENT error thrown and caught cost more than the stat.
        if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
      } catch {
        // not readable here; keep looking
      }
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

const cache = new Map<string, { stamp: string; result: WorkspaceFileResult<unknown> }>();

function cached<T>(file: string, parse: (text: string) => WorkspaceFileResult<T>): WorkspaceFileResult<T> {
  let stamp: string;
  try {
    const stat = statSync(file);
    stamp = `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return {};
  }
  const hit = cache.get(file);
  if (hit && hit.stamp === stamp) return hit.result as WorkspaceFileResult<T>;
  let result: WorkspaceFileResult<T>;
  try {
    result = { file, ...parse(readFileSync(file, 'utf8')) };
  } catch (error) {
    result = { file, problem: `${file}: cannot be read (${(error as Error).message}); using the defaults.` };
  }
  cache.set(file, { stamp, result });
  return result;
}

/** Forget parsed files, e.g. when the client reports that one changed. */
export function clearWorkspaceFileCache(): void {
  cache.clear();
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The line on which a setting named in a problem sentence appears, for the message. */
function lineOfSetting(text: string, problem: string): number | undefined {
  const key = /copydesk\.([\w.-]+)/.exec(problem)?.[1]?.split('.').pop();
  if (!key) return undefined;
  const at = text.search(new RegExp(`["']?${key.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}["']?\\s*:`));
  return at >= 0 ? lineAt(text, at) : undefined;
}

/** Parses a settings file's text; exported for tests. */
export function parseSettingsFile(file: string, text: string): WorkspaceFileResult<CopydeskSettings> {
  let raw: unknown;
  if (file.endsWith('.json')) {
    try {
      raw = text.trim() === '' ? {} : JSON.parse(text);
    } catch (error) {
      const message = (error as Error).message;
      const position = /position (\d+)/.exec(message);
      const lineColumn = /line (\d+)/.exec(message);
      const line = lineColumn ? Number(lineColumn[1]) : position ? lineAt(text, Number(position[1])) : undefined;
      const what = message
        .replace(/^JSON\.parse: /, '')
        .replace(/ in JSON at position \d+.*$/, '')
        .replace(/ \(line \d+ column \d+\)$/, '');
      return { problem: `${file}${line ? `, line ${line}` : ''}: this is not valid JSON (${what}); Copydesk uses its defaults until it is fixed.` };
    }
  } else {
    const lineCounter = new YAML.LineCounter();
    const document = YAML.parseDocument(text, { lineCounter });
    if (document.errors.length > 0) {
      const error = document.errors[0];
      const line = error.linePos?.[0].line;
      const what = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      return { problem: `${file}${line ? `, line ${line}` : ''}: this is not valid YAML (${what}); Copydesk uses its defaults until it is fixed.` };
    }
    raw = document.toJS() ?? {};
  }
  const resolved = resolveSettings(raw, file);
  if (resolved.problems.length === 0) return { value: resolved.settings };
  // One message for the whole file, each problem with its line.
  const details = resolved.problems.map((p) => {
    const line = lineOfSetting(text, p);
    return `${line ? `line ${line}: ` : ''}${p.replace(` (${file})`, '')}`;
  });
  return { value: resolved.settings, problem: `${file}: ${details.join(' ')}` };
}

export function readSettingsFile(draftFolder: string): WorkspaceFileResult<CopydeskSettings> {
  const file = findUp(draftFolder, settingsFileNames);
  if (!file) return {};
  return cached(file, (text) => parseSettingsFile(file, text));
}

export function readStyleSheet(draftFolder: string): WorkspaceFileResult<StyleSheet> {
  const file = findUp(draftFolder, [styleSheetPath]);
  if (!file) return {};
  return cached(file, (text) => {
    const { sheet, problems } = parseStyleSheet(text);
    if (problems.length === 0) return { value: sheet };
    const shown = problems.slice(0, 3).map((p) => `${p.line ? `line ${p.line}: ` : ''}${p.message}`);
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    return { value: sheet, problem: `${file}: ${shown.join(' ')}${more}` };
  });
}

/**
 * Adds the newsroom's files to the editor's settings: the draft's nearest
 * .copydesk.json (or .yaml) is the baseline the editor's settings override
 * where they differ from the defaults; the nearest .copydesk/names.yaml is
 * the style sheet. Drafts that are not files (untitled, remote) get the
 * editor's settings alone.
 */
export function withWorkspaceFiles(uri: string, editor: ResolvedSettings): ResolvedSettings {
  if (!uri.startsWith('file:')) return editor;
  let folder: string;
  try {
    folder = dirname(fileURLToPath(uri));
  } catch {
    return editor;
  }
  const settingsFile = readSettingsFile(folder);
  const sheet = readStyleSheet(folder);
  const problems = [...editor.problems];
  if (settingsFile.problem) problems.push(settingsFile.problem);
  if (sheet.problem) problems.push(sheet.problem);
  return {
    settings: settingsFile.value ? mergeSettings(settingsFile.value, editor.settings) : editor.settings,
    problems,
    ...(sheet.value ? { styleSheet: sheet.value } : {}),
  };
}
