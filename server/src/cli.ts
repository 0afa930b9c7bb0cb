// `copydesk`: the same analysis as the language server, from a terminal or a
// newsroom pipeline.
//
//   copydesk check [--format text|json] FILE...
//
// Exit status: 1 when anything of error severity is found, 2 on bad usage or
// an unreadable file, else 0.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import { analyze, createContext } from './analysis/analyze';
import { parseDraft } from './analysis/draft';
import { analyzeEntities } from './analysis/entities';
import { checkDraftSize } from './analysis/limits';
import { analysisOptionsFor, defaultSettings, draftLanguageOf, resolveSettings } from './analysis/settings';
import { withWorkspaceFiles } from './workspaceFiles';
import { toDiagnostic } from './lsp/diagnostics';
import { entityLine, entityReport } from './lsp/entityReport';

const usage = `Usage:
  copydesk check [--format text|json] FILE...      check drafts for faults
  copydesk entities [--format text|json] FILE...   list the people and organizations each draft names

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
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : String((error as Error).message);
    throw new UsageError(`copydesk: cannot read ${file}: ${reason}`);
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const reported = new Set<string>();
/** A broken settings file is reported once per run, not once per draft. */
function reportOnce(message: string): void {
  if (reported.has(message)) return;
  reported.add(message);
  process.stderr.write(`${message}\n`);
}

function checkFile(file: string, text: string): { report: FileReport; skipped?: string } {
  const document = TextDocument.create(pathToFileURL(resolve(file)).href, draftLanguageOf(file), 1, text);
  // The newsroom's .copydesk.json and names sheet, from the file's folder upwards.
  const { settings, problems, styleSheet } = withWorkspaceFiles(document.uri, resolveSettings(undefined));
  for (const problem of problems) reportOnce(`copydesk: ${problem}`);
  const refusal = checkDraftSize(text, settings.maxDraftSize);
  if (refusal) return { report: { file, diagnostics: [] }, skipped: refusal };
  const options = analysisOptionsFor(settings, draftLanguageOf(file), styleSheet);
  const { findings, failures } = analyze(text, options);
  for (const failure of failures) {
    process.stderr.write(`copydesk: rule ${failure.ruleId} failed on ${file}: ${String(failure.error)}\n`);
  }
  return { report: { file, diagnostics: findings.map((f) => toDiagnostic(document, f)) } };
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

function runCheck(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string', default: 'text' } },
    allowPositionals: true,
  });
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`copydesk: --format must be text or json, not ${values.format}\n\n${usage}`);
  }
  if (positionals.length === 0) throw new UsageError(`copydesk: check needs at least one file\n\n${usage}`);

  // Read every file first, so an unreadable one fails the run before any output.
  const drafts = positionals.map((file) => ({ file, text: readDraft(file) }));
  const reports: FileReport[] = [];
  for (const { file, text } of drafts) {
    const { report, skipped } = checkFile(file, text);
    if (skipped) process.stderr.write(`${file}: ${skipped}\n`);
    reports.push(report);
  }
  if (values.format === 'json') {
    process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  } else {
    const text = reports.map(formatText).filter((t) => t.length > 0).join('\n');
    if (text) process.stdout.write(`${text}\n`);
  }
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 1)) ? 1 : 0;
}

function runEntities(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string', default: 'text' } },
    allowPositionals: true,
  });
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
