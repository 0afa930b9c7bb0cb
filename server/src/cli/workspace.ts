// `copydesk entities --workspace DIR [--format text|json|markdown]` and
// `copydesk check --workspace DIR [--format text|json]`: the workspace index
// from a terminal. Every draft under DIR (the languages Copydesk checks, the
// folders a workspace would index) is read once; drafts over
// copydesk.maxDraftSize or the NLP budget, binary and unreadable files are
// skipped and counted on stderr.
//
//   entities --workspace prints a who's who: each person and organization,
//     with variants, titles and the drafts they appear in;
//   check --workspace runs the cross-draft checks: name-variant against the
//     other drafts' spellings (and, once the inconsistent-fact rule is
//     registered, titles across drafts), honouring copydesk.workspace.scope.

import { relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import { createContext } from '../analysis/analyze';
import { parseDraft } from '../analysis/draft';
import { nameVariant } from '../analysis/rules/name-variant';
import { ruleIds } from '../analysis/rules/index';
import { analysisOptionsFor, draftLanguageOf, resolveSettings, type ResolvedSettings } from '../analysis/settings';
import type { Finding } from '../analysis/types';
import { crossDraftTitleHints, whoIsWhoMarkdown, whoIsWhoText, WorkspaceIndex } from '../analysis/workspace/index';
import { toDiagnostic } from '../lsp/diagnostics';
import { withWorkspaceFiles } from '../workspaceFiles';
import { draftExtensions, indexDraftFile, listDraftsSync } from '../workspaceScan';

export interface WorkspaceReport {
  file: string;
  diagnostics: Diagnostic[];
}

/** The settings of a draft, from the newsroom's files above it (the CLI has no editor settings). */
function settingsOf(path: string): ResolvedSettings {
  return withWorkspaceFiles(pathToFileURL(path).href, resolveSettings(undefined));
}

/** Reads and indexes every draft under `dir`; the texts are kept for the checks. */
function buildIndex(dir: string): { index: WorkspaceIndex; texts: Map<string, string>; root: string } {
  const root = resolve(dir);
  const { settings, problems } = settingsOf(resolve(root, 'draft'));
  for (const problem of problems) process.stderr.write(`copydesk: ${problem}\n`);
  const index = new WorkspaceIndex();
  const texts = new Map<string, string>();
  const skipped = { tooLarge: 0, unreadable: 0 };
  for (const path of listDraftsSync(root, draftExtensions(settings.languages))) {
    const outcome = indexDraftFile(path, settingsOf(path).settings.maxDraftSize);
    if ('record' in outcome) {
      index.set(outcome.record);
      texts.set(outcome.record.uri, outcome.text);
    } else if (outcome.skipped === 'too-large') {
      skipped.tooLarge++;
    } else if (outcome.skipped === 'unreadable') {
      skipped.unreadable++;
    }
  }
  if (skipped.tooLarge + skipped.unreadable > 0) {
    const parts = [];
    if (skipped.tooLarge > 0) parts.push(`${skipped.tooLarge} over copydesk.maxDraftSize`);
    if (skipped.unreadable > 0) parts.push(`${skipped.unreadable} unreadable or binary`);
    process.stderr.write(`copydesk: indexed ${index.size} drafts in ${dir}; skipped ${parts.join(' and ')}\n`);
  }
  return { index, texts, root };
}

/** "news/" -> "news" (a loop: a regex anchored at the end would go quadratic on a run of slashes). */
function withoutTrailingSeparators(dir: string): string {
  let end = dir.length;
  while (end > 1 && (dir[end - 1] === '/' || dir[end - 1] === '\\')) end--;
  return dir.slice(0, end);
}

/** A draft's path as the reporter typed the folder: "DIR/sub/draft.md". */
function labelFor(dir: string, root: string): (uri: string) => string {
  return (uri) => {
    const path = fileURLToPath(uri);
    const inside = relative(root, path);
    return dir === '.' ? inside : `${withoutTrailingSeparators(dir)}${sep}${inside}`;
  };
}

export function entitiesOfWorkspace(dir: string, format: string): string {
  const { index, root } = buildIndex(dir);
  const label = labelFor(dir, root);
  const entries = index.whoIsWho();
  if (format === 'json') {
    const json = entries.map((e) => ({
      ...e,
      titles: e.titles.map((t) => ({ title: t.title, drafts: t.drafts.map(label) })),
      drafts: e.drafts.map((d) => ({ file: label(d.uri), mentions: d.mentions, quotes: d.quotes })),
    }));
    return `${JSON.stringify(json, null, 2)}\n`;
  }
  if (format === 'markdown') {
    const link = (uri: string) => encodeURI(relative(root, fileURLToPath(uri)).split(sep).join('/'));
    return whoIsWhoMarkdown(entries, (uri) => relative(root, fileURLToPath(uri)), link, `Who's who: ${dir}`);
  }
  const text = whoIsWhoText(entries, label);
  return text ? `${text}\n` : '';
}

/** The cross-draft findings of every draft under `dir`, one report per draft that has any. */
export function checkWorkspace(dir: string): WorkspaceReport[] {
  const { index, texts, root } = buildIndex(dir);
  const label = labelFor(dir, root);
  const titlesChecked = ruleIds.includes('inconsistent-fact');
  const reports: WorkspaceReport[] = [];
  for (const record of index.allRecords().sort((a, b) => a.uri.localeCompare(b.uri))) {
    const text = texts.get(record.uri)!;
    const path = fileURLToPath(record.uri);
    const { settings, styleSheet } = settingsOf(path);
    const scope = settings.workspace.scope;
    const workspaceNames = index.namesSeenFrom(record.uri, scope);
    if (!workspaceNames) continue;
    const language = draftLanguageOf(path);
    const options = { ...analysisOptionsFor(settings, language, styleSheet), workspaceNames };
    const findings: Finding[] = [];
    const severity = options.rules['name-variant'] ?? nameVariant.defaultSeverity;
    if (severity !== 'off') {
      const context = createContext(parseDraft(text, language), options);
      for (const f of nameVariant.check(context)) {
        // Only the findings against other drafts: the rest is what `check FILE` reports.
        if (f.fixes.some((fix) => fix.otherDraft)) findings.push({ ruleId: nameVariant.id, severity, ...f });
      }
    }
    if (titlesChecked && options.rules['inconsistent-fact'] !== 'off') {
      findings.push(...crossDraftTitleHints(record.uri, record.entities, record.mtimeMs, index, scope).map((h) => ({ ...h, fixes: [] })));
    }
    if (findings.length === 0) continue;
    const document = TextDocument.create(record.uri, language, 1, text);
    reports.push({ file: label(record.uri), diagnostics: findings.sort((a, b) => a.start - b.start).map((f) => toDiagnostic(document, f)) });
  }
  return reports;
}
