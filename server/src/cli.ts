// `copydesk`: the same analysis as the language server, from a terminal or a
// newsroom pipeline.
//
//   copydesk check [--format text|json] [--fix] FILE...
//   copydesk check --workspace DIR [--format text|json]
//   copydesk entities --workspace DIR [--format text|json|markdown]
//   (the workspace commands live in cli/workspace.ts)
//
// Exit status: 1 when anything of error severity is found, 2 on bad usage or
// an unreadable file (or one --fix could not write), else 0.
//
// The CLI never writes to the files it checks unless asked with --fix. Then it
// applies only the preferred fixes marked safe, writes a temporary file in the
// same folder and renames it over the draft (so a reader never sees half a
// file), keeps the byte-order mark and line breaks, and leaves the draft
// untouched on any error.

import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import type { Finding } from './analysis/types';
import { analyze, createContext } from './analysis/analyze';
import { applyEdits, selectSafeFixes } from './analysis/applyFixes';
import { parseDraft } from './analysis/draft';
import { analyzeEntities } from './analysis/entities';
import { checkDraftSize } from './analysis/limits';
import { analysisOptionsFor, defaultSettings, draftLanguageOf, resolveSettings } from './analysis/settings';
import { withWorkspaceFiles } from './workspaceFiles';
import { toDiagnostic } from './lsp/diagnostics';
import { entityLine, entityReport } from './lsp/entityReport';
import { checkWorkspace, entitiesOfWorkspace } from './cli/workspace';

const usage = `Usage:
  copydesk check [--format text|json] [--fix] FILE...
                                                   check drafts for faults; --fix applies
                                                   the safe fixes and rewrites the files
  copydesk entities [--format text|json] FILE...   list the people and organizations each draft names
  copydesk check --workspace DIR [--format text|json]
                                                   the cross-draft checks over every draft in DIR
  copydesk entities --workspace DIR [--format text|json|markdown]
                                                   a who's who of DIR: people and organizations,
                                                   variants, titles and the drafts they appear in

Exit status: 1 when a finding of error severity is found, 2 on bad usage
or an unreadable file, 0 otherwise.`;

export class UsageError extends Error {}

const severityNames = ['', 'error', 'warning', 'info', 'hint'];

interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
}

/** Reads a draft as VS Code would show it: UTF-8, without a byte-order mark. */
export function readDraft(file: string): string {
  return readDraftFile(file).text;
}

interface DraftFile {
  text: string;
  /** The file starts with a UTF-8 byte-order mark. */
  bom: boolean;
  /** Writing `text` back as UTF-8 gives the same bytes: it is safe to rewrite. */
  utf8: boolean;
}

function readDraftFile(file: string): DraftFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : String((error as Error).message);
    throw new UsageError(`copydesk: cannot read ${file}: ${reason}`);
  }
  const decoded = bytes.toString('utf8');
  const bom = decoded.charCodeAt(0) === 0xfeff;
  const text = bom ? decoded.slice(1) : decoded;
  return { text, bom, utf8: Buffer.from(decoded, 'utf8').equals(bytes) };
}

/**
 * Replaces `file` with `content` atomically: a temporary file in the same
 * folder (same file system, so the rename is atomic), flushed to disk, then
 * renamed over the real file (through symbolic links). On any error the
 * temporary file is removed and the draft is as it was.
 */
function writeAtomically(file: string, content: Buffer): void {
  const target = realpathSync(file);
  const temporary = join(dirname(target), `.${basename(target)}.copydesk-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const mode = statSync(target).mode & 0o7777;
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, 'wx', mode);
    writeFileSync(descriptor, content);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, target);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw error;
  }
}

const reported = new Set<string>();
/** A broken settings file is reported once per run, not once per draft. */
function reportOnce(message: string): void {
  if (reported.has(message)) return;
  reported.add(message);
  process.stderr.write(`${message}\n`);
}

function checkFile(file: string, text: string): { report: FileReport; skipped?: string; findings: Finding[] } {
  const document = TextDocument.create(pathToFileURL(resolve(file)).href, draftLanguageOf(file), 1, text);
  // The newsroom's .copydesk.json and names sheet, from the file's folder upwards.
  const { settings, problems, styleSheet } = withWorkspaceFiles(document.uri, resolveSettings(undefined));
  for (const problem of problems) reportOnce(`copydesk: ${problem}`);
  const refusal = checkDraftSize(text, settings.maxDraftSize);
  if (refusal) return { report: { file, diagnostics: [] }, skipped: refusal, findings: [] };
  const options = analysisOptionsFor(settings, draftLanguageOf(file), styleSheet);
  const { findings, failures } = analyze(text, options);
  for (const failure of failures) {
    process.stderr.write(`copydesk: rule ${failure.ruleId} failed on ${file}: ${String(failure.error)}\n`);
  }
  return { report: { file, diagnostics: findings.map((f) => toDiagnostic(document, f)) }, findings };
}

/**
 * Applies the safe fixes to one draft and rewrites it. Returns how many
 * findings were fixed, or a sentence saying why the file was left unchanged.
 */
function fixFile(draft: DraftFile & { file: string }, findings: Finding[]): { fixed: number; text: string } | { error: string } {
  const { edits, fixed } = selectSafeFixes(findings, draft.text);
  if (fixed === 0) return { fixed: 0, text: draft.text };
  if (!draft.utf8) return { error: `copydesk: ${draft.file} is not UTF-8 text; not fixed, the file is unchanged` };
  const text = applyEdits(draft.text, edits);
  try {
    writeAtomically(draft.file, Buffer.from((draft.bom ? '\ufeff' : '') + text, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : (error as Error).message;
    return { error: `copydesk: cannot write ${draft.file}: ${reason}; the file is unchanged` };
  }
  return { fixed, text };
}

function formatText(report: FileReport): string {
  return report.diagnostics
    .map((d) => {
      const line = d.range.start.line + 1;
      const column = d.range.start.character + 1;
      return `${report.file}:${line}:${column} ${severityNames[d.severity ?? 1]} ${d.code} ${d.message}`;
    })
    .join('\n');
}

function printReports(reports: FileReport[], format: 'text' | 'json'): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  } else {
    const text = reports.map(formatText).filter((t) => t.length > 0).join('\n');
    if (text) process.stdout.write(`${text}\n`);
  }
}

/** The folder of --workspace, which must exist. */
function workspaceFolder(dir: string): string {
  try {
    if (statSync(dir).isDirectory()) return dir;
  } catch {
    // reported below
  }
  throw new UsageError(`copydesk: --workspace needs a folder; ${dir} is not one`);
}

function runCheck(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string', default: 'text' }, fix: { type: 'boolean', default: false }, workspace: { type: 'string' } },
    allowPositionals: true,
  });
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`copydesk: --format must be text or json, not ${values.format}\n\n${usage}`);
  }
  if (values.workspace !== undefined) {
    if (positionals.length > 0 || values.fix) throw new UsageError(`copydesk: check --workspace takes a folder and no files or --fix\n\n${usage}`);
    const reports = checkWorkspace(workspaceFolder(values.workspace));
    printReports(reports, values.format);
    return reports.some((r) => r.diagnostics.some((d) => d.severity === 1)) ? 1 : 0;
  }
  if (positionals.length === 0) throw new UsageError(`copydesk: check needs at least one file\n\n${usage}`);

  // Read every file first, so an unreadable one fails the run before any output (or any write).
  const drafts = positionals.map((file) => ({ file, ...readDraftFile(file) }));
  const reports: FileReport[] = [];
  let failedWrites = 0;
  for (const draft of drafts) {
    const { skipped, findings, ...checked } = checkFile(draft.file, draft.text);
    let report = checked.report;
    if (skipped) process.stderr.write(`${draft.file}: ${skipped}\n`);
    if (values.fix && !skipped) {
      const outcome = fixFile(draft, findings);
      if ('error' in outcome) {
        process.stderr.write(`${outcome.error}\n`);
        failedWrites++;
      } else if (outcome.fixed > 0) {
        process.stderr.write(`${draft.file}: fixed ${outcome.fixed} ${outcome.fixed === 1 ? 'problem' : 'problems'}\n`);
        // Report what is left in the rewritten draft.
        report = checkFile(draft.file, outcome.text).report;
      }
    }
    reports.push(report);
  }
  printReports(reports, values.format);
  if (failedWrites > 0) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 1)) ? 1 : 0;
}

function runEntities(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string', default: 'text' }, workspace: { type: 'string' } },
    allowPositionals: true,
  });
  if (values.workspace !== undefined) {
    if (!['text', 'json', 'markdown'].includes(values.format!)) throw new UsageError(`copydesk: --format must be text, json or markdown, not ${values.format}\n\n${usage}`);
    if (positionals.length > 0) throw new UsageError(`copydesk: entities --workspace takes a folder and no files\n\n${usage}`);
    process.stdout.write(entitiesOfWorkspace(workspaceFolder(values.workspace), values.format!));
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`copydesk: --format must be text or json, not ${values.format}\n\n${usage}`);
  }
  if (positionals.length === 0) throw new UsageError(`copydesk: entities needs at least one file\n\n${usage}`);
  const drafts = positionals.map((file) => ({ file, text: readDraft(file) }));
  const reports = drafts.map(({ file, text }) => {
    const language = draftLanguageOf(file);
    const document = TextDocument.create(pathToFileURL(resolve(file)).href, language, 1, text);
    const refusal = checkDraftSize(text, defaultSettings.maxDraftSize);
    if (refusal) {
      process.stderr.write(`${file}: ${refusal}\n`);
      return { file, document, entities: [] };
    }
    const options = { language, quoteStyle: defaultSettings.quoteStyle, rules: defaultSettings.rules };
    const entities = analyzeEntities(createContext(parseDraft(text, language), options)).entities;
    return { file, document, entities };
  });
  if (values.format === 'json') {
    const json = reports.map((r) => ({ file: r.file, entities: r.entities.map((e) => entityReport(r.document, e)) }));
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const lines = reports.flatMap((r) => r.entities.map((e) => entityLine(r.file, r.document, e)));
    if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
  }
  return 0;
}

export const commands: Record<string, (args: string[]) => number> = {
  check: runCheck,
  entities: runEntities,
};

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (command === '--version') {
    process.stdout.write('copydesk 0.1.0\n');
    return 0;
  }
  const run = command === undefined ? undefined : commands[command];
  try {
    if (!run) throw new UsageError(command === undefined ? usage : `copydesk: unknown command ${command}\n\n${usage}`);
    return run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    // parseArgs reports unknown flags with a TypeError carrying a code.
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`copydesk: ${(error as Error).message}\n\n${usage}\n`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
