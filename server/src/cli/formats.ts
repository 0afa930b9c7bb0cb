// The report formats of `copydesk check --format`: each takes the per-file
// reports (LSP diagnostics, fixes in `data`) and returns the whole output.
// Lines and columns are 1-based and count UTF-16 code units, as the editor does.
import type { Diagnostic } from 'vscode-languageserver';
import type { Rule } from '../analysis/rule';
import type { DiagnosticData } from '../lsp/diagnostics';
import { ruleDocFileLink } from '../lsp/diagnostics';

export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
}

export const formatNames = ['text', 'json', 'sarif', 'github', 'checkstyle', 'junit'] as const;
export type FormatName = (typeof formatNames)[number];

export const isFormatName = (name: string): name is FormatName => (formatNames as readonly string[]).includes(name);

export interface FormatContext {
  rules: readonly Rule[];
  version: string;
}

const severityNames = ['', 'error', 'warning', 'info', 'hint'] as const;
const severityOf = (d: Diagnostic) => severityNames[d.severity ?? 1];
const ruleOf = (d: Diagnostic) => String(d.code ?? 'copydesk');
const lineOf = (d: Diagnostic) => d.range.start.line + 1;
const columnOf = (d: Diagnostic) => d.range.start.character + 1;

function text(reports: readonly FileReport[]): string {
  const lines = reports.flatMap((r) => r.diagnostics.map((d) => `${r.file}:${lineOf(d)}:${columnOf(d)} ${severityOf(d)} ${ruleOf(d)} ${d.message}`));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function json(reports: readonly FileReport[]): string {
  return `${JSON.stringify(reports, null, 2)}\n`;
}

// --- GitHub workflow commands ----------------------------------------------
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions

const githubData = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const githubProperty = (value: string) => githubData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
const githubCommand = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice', '': 'error' } as const;

function github(reports: readonly FileReport[]): string {
  const lines = reports.flatMap((r) =>
    r.diagnostics.map((d) => {
      const properties = [
        `file=${githubProperty(r.file)}`,
        `line=${lineOf(d)}`,
        `col=${columnOf(d)}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${githubProperty(`Copydesk ${ruleOf(d)}`)}`,
      ];
      return `::${githubCommand[severityOf(d)]} ${properties.join(',')}::${githubData(d.message)}`;
    }),
  );
  return lines.length ? `${lines.join('\n')}\n` : '';
}

// --- XML formats ------------------------------------------------------------

/** Escapes text for an XML attribute or element, dropping characters XML 1.0 cannot hold. */
const xml = (value: string) =>
  value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');

function checkstyle(reports: readonly FileReport[]): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const r of reports) {
    out.push(`  <file name="${xml(r.file)}">`);
    for (const d of r.diagnostics) {
      const severity = severityOf(d) === 'hint' ? 'info' : severityOf(d);
      out.push(
        `    <error line="${lineOf(d)}" column="${columnOf(d)}" severity="${severity}" message="${xml(d.message)}" source="copydesk.${xml(ruleOf(d))}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
}

/** One test suite per draft, one failing test case per finding; a clean draft is one passing case. */
function junit(reports: readonly FileReport[]): string {
  const total = reports.reduce((n, r) => n + Math.max(1, r.diagnostics.length), 0);
  const failures = reports.reduce((n, r) => n + r.diagnostics.length, 0);
  const out = ['<?xml version="1.0" encoding="utf-8"?>', `<testsuites name="copydesk" tests="${total}" failures="${failures}" errors="0">`];
  for (const r of reports) {
    const cases = Math.max(1, r.diagnostics.length);
    out.push(`  <testsuite name="${xml(r.file)}" tests="${cases}" failures="${r.diagnostics.length}" errors="0">`);
    if (r.diagnostics.length === 0) out.push(`    <testcase classname="${xml(r.file)}" name="no findings"/>`);
    for (const d of r.diagnostics) {
      const where = `${r.file}:${lineOf(d)}:${columnOf(d)}`;
      out.push(`    <testcase classname="${xml(r.file)}" name="${xml(`${ruleOf(d)} ${lineOf(d)}:${columnOf(d)}`)}">`);
      out.push(
        `      <failure type="${xml(severityOf(d))}" message="${xml(d.message)}">${xml(`${where} ${severityOf(d)} ${ruleOf(d)} ${d.message}`)}</failure>`,
      );
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

// --- SARIF 2.1.0 --------------------------------------------------------------

const sarifLevels = { error: 'error', warning: 'warning', info: 'note', hint: 'note', '': 'error' } as const;

/** A relative path as a URI reference (forward slashes, each segment percent-encoded). */
function artifactUri(file: string): string {
  return file
    .split(/[\\/]/)
    .map((segment, i) => (i === 0 && segment === '' ? '' : encodeURIComponent(segment)))
    .join('/');
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
const regionOf = (range: Diagnostic['range']): Region => ({
  startLine: range.start.line + 1,
  startColumn: range.start.character + 1,
  endLine: range.end.line + 1,
  endColumn: range.end.character + 1,
});

function sarif(reports: readonly FileReport[], context: FormatContext): string {
  const ruleIndex = new Map(context.rules.map((rule, i) => [rule.id, i]));
  const results = reports.flatMap((r) =>
    r.diagnostics.map((d) => {
      const id = ruleOf(d);
      const location = { artifactLocation: { uri: artifactUri(r.file) }, region: regionOf(d.range) };
      const fixes = ((d.data as DiagnosticData | undefined)?.fixes ?? []).map((fix) => ({
        description: { text: fix.title },
        artifactChanges: [
          {
            artifactLocation: { uri: artifactUri(r.file) },
            replacements: fix.edits.map((edit) => ({ deletedRegion: regionOf(edit.range), insertedContent: { text: edit.newText } })),
          },
        ],
      }));
      return {
        ruleId: id,
        ...(ruleIndex.has(id) ? { ruleIndex: ruleIndex.get(id) } : {}),
        level: sarifLevels[severityOf(d)],
        message: { text: d.message },
        locations: [{ physicalLocation: location }],
        ...(fixes.length ? { fixes } : {}),
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Copydesk',
            version: context.version,
            // No project address exists yet: help points at the rule docs shipped with Copydesk.
            rules: context.rules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
              shortDescription: { text: rule.description },
              ...(ruleDocFileLink(rule.id) ? { helpUri: ruleDocFileLink(rule.id) } : {}),
              help: { text: `${rule.description} See docs/rules/${rule.id}.md in Copydesk.` },
              defaultConfiguration: { level: rule.defaultSeverity === 'off' ? 'none' : sarifLevels[rule.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

export function formatReports(format: FormatName, reports: readonly FileReport[], context: FormatContext): string {
  switch (format) {
    case 'text':
      return text(reports);
    case 'json':
      return json(reports);
    case 'github':
      return github(reports);
    case 'checkstyle':
      return checkstyle(reports);
    case 'junit':
      return junit(reports);
    case 'sarif':
      return sarif(reports, context);
  }
}
