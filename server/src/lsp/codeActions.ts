// Quick fixes come straight from each diagnostic's `data`; "Fix all
// quotation marks" re-checks the buffer and applies only the fixes marked safe
// (unambiguous), never two that touch the same text.

import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceIndex } from '../analysis/workspace/index';
import { canonicalUri } from '../workspaceScan';
import { parseDraft } from '../analysis/draft';
import { draftLanguageOf } from '../analysis/settings';
import { ignoreInDraftEdit, ignoreInParagraphEdit } from '../analysis/suppression';
import type { Finding } from '../analysis/types';
import { diagnosticSource, type DiagnosticData } from './diagnostics';
import { toRange } from './positions';

export const fixAllQuotesKind = `${CodeActionKind.SourceFixAll}.copydesk`;
const fixAllRuleIds = new Set(['unbalanced-quote']);

function isCopydeskData(data: unknown): data is DiagnosticData {
  return typeof data === 'object' && data !== null && Array.isArray((data as DiagnosticData).fixes);
}

export function quickFixes(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== diagnosticSource || !isCopydeskData(diagnostic.data)) continue;
    // Fixes computed for an older buffer could land in the wrong place.
    if (diagnostic.data.version !== document.version) continue;
    for (const fix of diagnostic.data.fixes) {
      if (fix.otherDraft) continue; // built from the other draft's text by otherDraftFixes
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [document.uri]: fix.edits } },
      });
    }
    actions.push(...ignoreActions(document, diagnostic));
  }
  return actions;
}

/**
 * "Ignore <rule> in this paragraph" puts a suppression directive on its own
 * line above the paragraph (an HTML comment in Markdown, brackets elsewhere);
 * "Ignore <rule> in this draft" appends a copydesk-ignore directive at the
 * end, where it touches neither the headline nor the lede. Both travel with
 * the draft, so the next editor sees the decision.
 */
function ignoreActions(document: TextDocument, diagnostic: Diagnostic): CodeAction[] {
  const ruleId = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
  if (!ruleId) return [];
  const language = draftLanguageOf(document.languageId === 'plaintext' ? document.uri : document.languageId);
  const draft = parseDraft(document.getText(), language);
  const start = document.offsetAt(diagnostic.range.start);
  const toLsp = (e: { start: number; end: number; text: string }): TextEdit => ({ range: toRange(document, e.start, e.end), newText: e.text });
  return [
    {
      title: `Ignore ${ruleId} in this paragraph`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [toLsp(ignoreInParagraphEdit(draft, { start, ruleId }))] } },
    },
    {
      title: `Ignore ${ruleId} in this draft`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [toLsp(ignoreInDraftEdit(draft, ruleId))] } },
    },
  ];
}

/** The safe fixes of the fix-all rules, without overlaps, as one edit. */
export function fixAllQuotes(document: TextDocument, findings: readonly Finding[]): CodeAction | undefined {
  const edits: TextEdit[] = [];
  let lastEnd = -1;
  const candidates = findings
    .filter((f) => fixAllRuleIds.has(f.ruleId))
    .map((f) => f.fixes.find((fix) => fix.safe))
    .filter((fix) => fix !== undefined)
    .sort((a, b) => a.edits[0].start - b.edits[0].start);
  for (const fix of candidates) {
    const starts = fix.edits.map((e) => e.start);
    if (Math.min(...starts) <= lastEnd) continue;
    for (const e of fix.edits) edits.push({ range: toRange(document, e.start, e.end), newText: e.text });
    lastEnd = Math.max(...fix.edits.map((e) => e.end));
  }
  if (edits.length === 0) return undefined;
  return {
    title: 'Fix all quotation marks',
    kind: fixAllQuotesKind,
    edit: { changes: { [document.uri]: edits } },
  };
}

export function wantsKind(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  if (!only) return true;
  return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/**
 * Fixes made in another draft ("Spell it ‘Whitcombe’ in zoning-vote.md
 * instead"): each mention the index records in that draft that still reads
 * the same in its current text has its whole-word `from` replaced by `to`.
 * `textOf` gives the other draft's current text (open buffer or file).
 */
export function otherDraftFixes(
  diagnostics: readonly Diagnostic[],
  index: WorkspaceIndex,
  textOf: (uri: string) => string | undefined,
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== diagnosticSource || !isCopydeskData(diagnostic.data)) continue;
    for (const fix of diagnostic.data.fixes) {
      const other = fix.otherDraft;
      const record = other && index.get(canonicalUri(other.uri));
      const text = other && record && textOf(other.uri);
      if (!other || !record || text === undefined) continue;
      const document = TextDocument.create(other.uri, 'plaintext', 0, text);
      const word = new RegExp(`(?<![\\p{L}\\p{N}])${other.from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
      const edits: TextEdit[] = [];
      const done = new Set<number>();
      for (const entity of record.entities) {
        for (const m of entity.mentions) {
          if (text.slice(m.start, m.end) !== m.text) continue; // the draft changed since it was indexed
          for (const hit of m.text.matchAll(word)) {
            const start = m.start + hit.index!;
            if (done.has(start)) continue;
            done.add(start);
            edits.push({ range: toRange(document, start, start + other.from.length), newText: other.to });
          }
        }
      }
      if (edits.length > 0) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [other.uri]: edits } } });
    }
  }
  return actions;
}
