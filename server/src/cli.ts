// `copydesk`: the same analysis as the language server, from a terminal or a
// newsroom pipeline.
//
//   copydesk check [--format text|json|sarif|github|checkstyle|junit] [--fix]
//                  [--stdin-filename NAME] [--changed [REF]] [--max-warnings N]
//                  [--jobs N] [--output FILE] FILE|FOLDER|-...
//   copydesk check [--format text|json] [--fix] FILE...
//   copydesk check --workspace DIR [--format text|json]
//   copydesk entities --workspace DIR [--format text|json|markdown]
//   (the workspace commands live in cli/workspace.ts)
//
// Exit status: 1 when anything of error severity is found (or more warnings
// than --max-warnings), 2 on bad usage, an unreadable file, or a fix or report
// that could not be written, else 0. The report formats live in cli/formats.ts,
// the worker threads in cli/jobs.ts, --changed in cli/changed.ts.
//
// The CLI never writes to the files it checks unless asked with --fix. Then it
// applies only the preferred fixes marked safe, writes a temporary file in the
// same folder and renames it over the draft (so a reader never sees half a
// file), keeps the byte-order mark and line breaks, and leaves the draft
// untouched on any error.

import './nativeRegexps';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import { applyEdits } from './analysis/applyFixes';
import { clearTextCaches } from './analysis/cache';
import { DraftSession } from './analysis/session';
import { analysisOptionsFor, draftLanguageOf, resolveSettings } from './analysis/settings';
import { withWorkspaceFiles } from './workspaceFiles';
import { toDiagnostic } from './lsp/diagnostics';
import { entityLine, entityReport } from './lsp/entityReport';
import { draftExtensions, expandArguments } from './cli/files';
import { changedLinesOf, changedLinesSince, GitError, isGitRef, type ChangedLines } from './cli/changed';
import { formatNames, formatReports, isFormatName, type FileReport } from './cli/formats';
import { defaultJobCount, isJobWorker, runJobs, serveJobs } from './cli/jobs';
import { progressBar } from './cli/progress';
import { rules } from './analysis/rules/index';
import { version } from './version';
import { checkWorkspace, entitiesOfWorkspace } from './cli/workspace';

const usage = `Usage:
  copydesk check [options] FILE|FOLDER|-...        check drafts for faults (a folder: the .txt .md
                                                   .article .story drafts inside it; -: standard input)
    --format text|json|sarif|github|checkstyle|junit
                                                   how to print the findings (default text)
    --fix                                          apply the safe fixes and rewrite the files
    --stdin-filename NAME                          the name of the draft read from - (its language
                                                   and the .copydesk.json that applies)
    --changed [REF]                                only findings on lines changed since the git
                                                   ref (default HEAD); untracked files count whole
    --max-warnings N                               exit 1 when there are more than N warnings
    --jobs N                                       check in N worker threads (default: core count)
    --output FILE                                  write the report to FILE instead of stdout
  copydesk entities [--format text|json] FILE...   list the people and organizations each draft names
  copydesk --version
  copydesk check --workspace DIR [--format text|json]
                                                   the cross-draft checks over every draft in DIR
  copydesk entities --workspace DIR [--format text|json|markdown]
                                                   a who's who of DIR: people and organizations,
                                                   variants, titles and the drafts they appear in

Exit status: 1 when a finding of error severity is found, or more warnings
than --max-warnings; 2 on bad usage, an unreadable file, a file that vanished
during the run, a fix or a report that could not be written; 0 otherwise.`;

export class UsageError extends Error {}

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

/** One plain sentence for a file that cannot be read, whichever step found it. */
function cannotRead(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'it is a folder, not a file'
        : code === 'EACCES'
          ? 'permission denied'
          : String((error as Error).message);
  return new UsageError(`copydesk: cannot read ${file}: ${reason}`);
}

function readDraftFile(file: string): DraftFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw cannotRead(file, error);
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

/** A draft's session with the newsroom's settings: the same engine, and the same policies, as the editor's. */
function openSession(file: string, text: string): { document: TextDocument; session: DraftSession } {
  const document = TextDocument.create(pathToFileURL(resolve(file)).href, draftLanguageOf(file), 1, text);
  // The newsroom's .copydesk.json and names sheet, from the file's folder upwards.
  const { settings, problems, styleSheet } = withWorkspaceFiles(document.uri, resolveSettings(undefined));
  for (const problem of problems) reportOnce(`copydesk: ${problem}`);
  const options = analysisOptionsFor(settings, draftLanguageOf(file), styleSheet);
  return { document, session: new DraftSession(text, { options, maxDraftSize: settings.maxDraftSize }) };
}

function checkFile(file: string, text: string): { report: FileReport; skipped?: string; session: DraftSession } {
  const { document, session } = openSession(file, text);
  const refusal = session.refusal;
  if (refusal) return { report: { file, diagnostics: [] }, skipped: refusal, session };
  const { findings, failures } = session.allFindings();
  for (const failure of failures) {
    process.stderr.write(`copydesk: rule ${failure.ruleId} failed on ${file}: ${String(failure.error)}\n`);
  }
  return { report: { file, diagnostics: findings.map((f) => toDiagnostic(document, f)) }, session };
}

/**
 * Applies the session's safe fixes (the one fix-all policy) to one draft and
 * rewrites it. Returns how many findings were fixed, or a sentence saying why
 * the file was left unchanged.
 */
function fixFile(draft: DraftFile & { file: string }, session: DraftSession): { fixed: number; text: string } | { error: string } {
  const { edits, fixed } = session.safeFixes();
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

const checkOptions = {
  format: { type: 'string', default: 'text' },
  fix: { type: 'boolean', default: false },
  'stdin-filename': { type: 'string' },
  changed: { type: 'string' },
  'max-warnings': { type: 'string' },
  jobs: { type: 'string' },
  output: { type: 'string' },
  workspace: { type: 'string' },
} as const;

/** The folder of --workspace, which must exist. */
function workspaceFolder(dir: string): string {
  try {
    if (statSync(dir).isDirectory()) return dir;
  } catch {
    // reported below
  }
  throw new UsageError(`copydesk: --workspace needs a folder; ${dir} is not one`);
}

/**
 * Old-generation bound of each check worker, in MB. A worker holds the NLP layer, the tagger and one
 * draft at a time (about 40 MB after a collection for a news story); a draft that needs more is
 * checked on the main thread instead (cli/jobs.ts). Room above that saves collections: on 400 BBC
 * articles with --jobs 2, 128 MB took 15.9 s, 256 MB 14.4 s (peak RSS 365 MB, under the 400 MB
 * target), 2 GB 12.6 s but 637 MB.
 */
const workerHeapLimitMb = 256;

/** What one worker does for one draft. */
interface CheckJob {
  file: string;
  /** The draft read from standard input, already in memory. */
  text?: string;
  /** Only findings touching these 1-based lines are kept (--changed); none means every finding. */
  lines?: number[];
}
interface CheckJobOptions {
  fix: boolean;
}
interface CheckOutcome {
  report: FileReport;
  /** The draft could not be read during the run (it disappeared or became unreadable). */
  unreadable?: boolean;
  /** --fix could not write the draft. */
  failedWrite?: boolean;
}

export function checkJob(job: CheckJob, options: unknown): CheckOutcome {
  const { fix } = options as CheckJobOptions;
  if (job.lines?.length === 0) return { report: { file: job.file, diagnostics: [] } };
  let draft: DraftFile;
  try {
    draft = job.text === undefined ? readDraftFile(job.file) : { text: job.text, bom: false, utf8: true };
  } catch (error) {
    // It was readable when the run started: say it went away, and check the rest.
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}; it changed during the run and was not checked\n`);
    return { report: { file: job.file, diagnostics: [] }, unreadable: true };
  }
  const { skipped, session, ...checked } = checkFile(job.file, draft.text);
  let report = checked.report;
  let failedWrite = false;
  if (skipped) process.stderr.write(`${job.file}: ${skipped}\n`);
  if (fix && !skipped) {
    const outcome = fixFile({ file: job.file, ...draft }, session);
    if ('error' in outcome) {
      process.stderr.write(`${outcome.error}\n`);
      failedWrite = true;
    } else if (outcome.fixed > 0) {
      process.stderr.write(`${job.file}: fixed ${outcome.fixed} ${outcome.fixed === 1 ? 'problem' : 'problems'}\n`);
      // Report what is left in the rewritten draft.
      report = checkFile(job.file, outcome.text).report;
    }
  }
  // Each draft is analysed once: its per-paragraph results (parses, quotation marks, entity
  // candidates) will not be asked for again, and caches sized for an editor would only hold memory.
  clearTextCaches();
  if (job.lines) {
    const lines = new Set(job.lines);
    const touches = (d: Diagnostic) => {
      for (let line = d.range.start.line + 1; line <= d.range.end.line + 1; line++) if (lines.has(line)) return true;
      return false;
    };
    report = { file: report.file, diagnostics: report.diagnostics.filter(touches) };
  }
  return { report, failedWrite };
}

/** Fails the run before any output when a file cannot be opened at all. */
function assertReadable(file: string): void {
  try {
    closeSync(openSync(file, 'r'));
    if (statSync(file).isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
  } catch (error) {
    throw cannotRead(file, error);
  }
}

/** `--changed` takes an optional ref: the next argument is the ref only when git knows it as a commit. */
function splitChangedFlag(args: string[]): string[] {
  const i = args.indexOf('--changed');
  if (i < 0) return args;
  const next = args[i + 1];
  const ref = next !== undefined && !next.startsWith('-') && isGitRef(next, process.cwd()) ? next : undefined;
  return [...args.slice(0, i), `--changed=${ref ?? 'HEAD'}`, ...args.slice(i + (ref ? 2 : 1))];
}

function wholeNumber(flag: string, value: string | undefined, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < minimum)
    throw new UsageError(`copydesk: ${flag} needs a whole number${minimum > 0 ? ` of at least ${minimum}` : ''}, not ${value}\n\n${usage}`);
  return Number(value);
}

function readStandardInput(): string {
  try {
    const text = readFileSync(0, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    throw new UsageError(`copydesk: cannot read standard input: ${(error as Error).message}`);
  }
}

/** Writes the report to --output or standard output; 2 with a plain message when it cannot. */
async function writeReport(output: string, file: string | undefined): Promise<number> {
  if (file !== undefined) {
    try {
      writeFileSync(file, output);
      return 0;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ENOENT'
            ? 'no such folder'
            : code === 'EISDIR'
              ? 'it is a folder'
              : (error as Error).message;
      process.stderr.write(`copydesk: cannot write the report to ${file}: ${reason}\n`);
      return 2;
    }
  }
  if (!output) return 0;
  return new Promise((resolve) => {
    const closed = (error: NodeJS.ErrnoException) => {
      process.stderr.write(`copydesk: cannot write the report: ${error.code === 'EPIPE' ? 'standard output was closed before the end' : error.message}\n`);
      resolve(2);
    };
    process.stdout.once('error', closed);
    process.stdout.write(output, (error) => {
      if (error) return; // reported by the 'error' listener
      process.stdout.off('error', closed);
      resolve(0);
    });
  });
}

async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: splitChangedFlag(args), options: checkOptions, allowPositionals: true });
  const format = values.format;
  if (!isFormatName(format)) throw new UsageError(`copydesk: --format must be ${formatNames.join(', ')}; not ${format}\n\n${usage}`);
  if (values.workspace !== undefined) {
    // The cross-draft checks over a folder (cli/workspace.ts), in any report format.
    if (positionals.length > 0 || values.fix) throw new UsageError(`copydesk: check --workspace takes a folder and no files or --fix\n\n${usage}`);
    const reports = checkWorkspace(workspaceFolder(values.workspace));
    const written = await writeReport(formatReports(format, reports, { rules, version }), values.output);
    if (written !== 0) return written;
    return reports.some((r) => r.diagnostics.some((d) => d.severity === 1)) ? 1 : 0;
  }
  if (positionals.length === 0) throw new UsageError(`copydesk: check needs at least one file (or - for standard input)\n\n${usage}`);
  const maxWarnings = wholeNumber('--max-warnings', values['max-warnings'], 0);
  const workers = wholeNumber('--jobs', values.jobs, 1) ?? defaultJobCount();
  const fromStdin = positionals.filter((p) => p === '-').length;
  if (fromStdin > 1) throw new UsageError(`copydesk: - (standard input) can be given once\n\n${usage}`);
  if (values['stdin-filename'] !== undefined && fromStdin === 0)
    throw new UsageError(`copydesk: --stdin-filename names the draft read from standard input: add - to the files\n\n${usage}`);
  if (values.fix && fromStdin) throw new UsageError(`copydesk: --fix rewrites files, and cannot rewrite standard input\n\n${usage}`);
  if (values.fix && values.changed !== undefined)
    throw new UsageError(`copydesk: --fix and --changed cannot be combined: a fix may touch lines that did not change\n\n${usage}`);

  const files = expandArguments(positionals);
  if (files.length === 0) throw new UsageError(`copydesk: no drafts (${draftExtensions.join(' ')}) in ${positionals.join(', ')}`);
  // Every file must open before anything is checked, so a typo fails the run before any output (or any write).
  for (const file of files) if (file !== '-') assertReadable(file);
  let changed: ChangedLines | undefined;
  if (values.changed !== undefined) {
    try {
      changed = changedLinesSince(values.changed, process.cwd());
    } catch (error) {
      if (error instanceof GitError) throw new UsageError(error.message.startsWith('copydesk:') ? error.message : `copydesk: --changed: ${error.message}`);
      throw error;
    }
  }
  const stdinName = values['stdin-filename'] ?? '<stdin>';
  const jobs: CheckJob[] = files.map((file) => {
    if (file === '-') {
      const text = readStandardInput();
      const lines = changed ? changedLinesOf(changed, stdinName) : undefined;
      return { file: stdinName, text, lines: lines === 'all' || !changed ? undefined : [...(lines ?? [])] };
    }
    if (!changed) return { file };
    const lines = changedLinesOf(changed, file);
    return { file, lines: lines === 'all' ? undefined : [...(lines ?? [])] };
  });

  const progress = progressBar(jobs.length);
  let outcomes: CheckOutcome[];
  try {
    outcomes = await runJobs<CheckJob, CheckOutcome>({
      jobs,
      workers,
      script: __filename,
      options: { fix: values.fix } satisfies CheckJobOptions,
      work: checkJob,
      heapLimitMb: workerHeapLimitMb,
      onProgress: (done) => progress.update(done),
    });
  } finally {
    progress.finish();
  }
  const reports = outcomes.map((o) => o.report);
  const written = await writeReport(formatReports(format, reports, { rules, version }), values.output);
  if (written !== 0 || outcomes.some((o) => o.unreadable || o.failedWrite)) return 2;
  const diagnostics = reports.flatMap((r) => r.diagnostics);
  if (diagnostics.some((d) => d.severity === 1)) return 1;
  const warnings = diagnostics.filter((d) => d.severity === 2).length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`copydesk: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function runEntities(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string', default: 'text' }, workspace: { type: 'string' } },
    allowPositionals: true,
  });
  if (values.workspace !== undefined) {
    if (!['text', 'json', 'markdown'].includes(values.format!))
      throw new UsageError(`copydesk: --format must be text, json or markdown, not ${values.format}\n\n${usage}`);
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
    const { document, session } = openSession(file, text);
    const refusal = session.refusal;
    if (refusal) {
      process.stderr.write(`${file}: ${refusal}\n`);
      return { file, document, entities: [] };
    }
    return { file, document, entities: session.currentEntities().entities };
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

export const commands: Record<string, (args: string[]) => number | Promise<number>> = {
  check: runCheck,
  entities: runEntities,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (command === '--version') {
    process.stdout.write(`copydesk ${version}\n`);
    return 0;
  }
  const run = command === undefined ? undefined : commands[command];
  try {
    if (!run) throw new UsageError(command === undefined ? usage : `copydesk: unknown command ${command}\n\n${usage}`);
    return await run(rest);
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
    // Anything else is a bug of ours: one plain line, not a stack trace.
    process.stderr.write(`copydesk: internal error: ${(error as Error).message ?? String(error)}\n`);
    return 2;
  }
}

if (isJobWorker()) {
  serveJobs(checkJob);
} else if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
