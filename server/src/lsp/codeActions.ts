// Quick fixes come straight from each diagnostic's `data`; "Fix all in this
// draft" re-checks the buffer and takes every rule's preferred, safe fix, never
// two that touch the same text: the one policy `copydesk check --fix` uses
// (selectSafeFixes). A fix that selects text (a placeholder to fill in) runs
// the client's select command instead of editing.

import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { selectSafeFixes } from '../analysis/applyFixes';
import { parseDraft } from '../analysis/draft';
import { draftLanguageOf } from '../analysis/settings';
import { ignoreInDraftEdit, ignoreInParagraphEdit } from '../analysis/suppression';
import type { Finding } from '../analysis/types';
import { selectRangeCommand } from '../protocol';
import { diagnosticSource, type DiagnosticData } from './diagnostics';
import { toRange } from './positions';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.copydesk`;
export const fixAllTitle = 'Fix all in this draft';

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
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        ...(fix.select
          ? { command: { title: fix.title, command: selectRangeCommand, arguments: [document.uri, fix.select] } }
          : { edit: { changes: { [document.uri]: fix.edits } } }),
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

/** Every rule's preferred, safe fix, without overlaps, as one edit; undefined when there is none. */
export function fixAllInDraft(document: TextDocument, findings: readonly Finding[]): CodeAction | undefined {
  const { edits } = selectSafeFixes(findings, document.getText());
  if (edits.length === 0) return undefined;
  const changes: TextEdit[] = edits.map((e) => ({ range: toRange(document, e.start, e.end), newText: e.text }));
  return { title: fixAllTitle, kind: fixAllKind, edit: { changes: { [document.uri]: changes } } };
}

export function wantsKind(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  if (!only) return true;
  return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}
