// Quick fixes come straight from each diagnostic's `data`; "Fix all in this
// draft" applies the session's safe fixes (unambiguous), never two that touch
// the same text: the one policy `copydesk check --fix` uses. A fix that selects
// text (a placeholder to fill in) runs the client's select command instead.

import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Draft } from '../analysis/draft';
import type { WorkspaceIndex } from '../analysis/workspace/index';
import { canonicalUri } from '../workspaceScan';
import { ignoreInDraftEdit, ignoreInParagraphEdit } from '../analysis/suppression';
import type { SafeFixes } from '../analysis/applyFixes';
import { selectRangeCommand } from '../protocol';
import type { Finding } from '../analysis/types';
import { diagnosticSource, toTextEdits, type DiagnosticData } from './diagnostics';
import { toRange } from './positions';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.copydesk`;
export const fixAllTitle = 'Fix all in this draft';

function isCopydeskData(data: unknown): data is DiagnosticData {
  return typeof data === 'object' && data !== null && Array.isArray((data as DiagnosticData).fixes);
}

/**
 * The edits of a fix published without them (see maxEditsInPublishedFix): the
 * finding of that rule at the diagnostic's start, among the session's current
 * findings, and its fix of that title.
 */
export type LeftOutEdits = (diagnostic: Diagnostic, fixTitle: string) => TextEdit[] | undefined;

export function leftOutEditsFrom(document: TextDocument, findings: () => readonly Finding[]): LeftOutEdits {
  return (diagnostic, fixTitle) => {
    const start = document.offsetAt(diagnostic.range.start);
    const finding = findings().find((f) => f.ruleId === diagnostic.code && f.start === start);
    const fix = finding?.fixes.find((f) => f.title === fixTitle);
    return fix && toTextEdits(document, fix.edits);
  };
}

/** The fixes each diagnostic carries, and the directives that silence it; `draft` is the session's parse of the current text. */
export function quickFixes(document: TextDocument, diagnostics: readonly Diagnostic[], draft: Draft, leftOutEdits: LeftOutEdits): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== diagnosticSource || !isCopydeskData(diagnostic.data)) continue;
    // Fixes computed for an older buffer could land in the wrong place.
    if (diagnostic.data.version !== document.version) continue;
    for (const fix of diagnostic.data.fixes) {
      if (fix.otherDraft) continue; // built from the other draft's text by otherDraftFixes
      const edits = fix.editsLeftOut ? leftOutEdits(diagnostic, fix.title) : fix.edits;
      if (!edits) continue;
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        ...(fix.select
          ? { command: { title: fix.title, command: selectRangeCommand, arguments: [document.uri, fix.select] } }
          : { edit: { changes: { [document.uri]: edits } } }),
      });
    }
    actions.push(...ignoreActions(document, diagnostic, draft));
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
function ignoreActions(document: TextDocument, diagnostic: Diagnostic, draft: Draft): CodeAction[] {
  const ruleId = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
  if (!ruleId) return [];
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

/**
 * "Fix all in this draft": the session's one fix-all policy (the preferred
 * safe fix of every finding, never two that touch), the same as
 * `copydesk check --fix`, as one edit.
 */
export function fixAllAction(document: TextDocument, fixes: SafeFixes): CodeAction | undefined {
  if (fixes.edits.length === 0) return undefined;
  return {
    title: fixAllTitle,
    kind: fixAllKind,
    edit: { changes: { [document.uri]: toTextEdits(document, fixes.edits) } },
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
export function otherDraftFixes(diagnostics: readonly Diagnostic[], index: WorkspaceIndex, textOf: (uri: string) => string | undefined): CodeAction[] {
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
      if (edits.length > 0)
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [other.uri]: edits } } });
    }
  }
  return actions;
}
