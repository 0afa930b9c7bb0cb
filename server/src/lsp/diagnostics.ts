// Findings to LSP diagnostics. Each diagnostic carries its own fixes in
// `data`, so the code-action handler needs no cache of earlier analyses; only
// a fix of many edits travels as its title (see maxEditsInPublishedFix).
// Types only from vscode-languageserver: the CLI reuses this file.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DiagnosticRelatedInformation, Range, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity, TextEdit as DraftEdit } from '../analysis/types';
import { explainRuleCommand } from '../protocol';
import { toRange } from './positions';

export const diagnosticSource = 'copydesk';

/**
 * The folder of rule docs (docs/rules/<rule-id>.md) shipped beside the
 * bundles: dist/../docs in the extension and the npm package, or the
 * repository's docs/ when run from source.
 */
function shippedRuleDocsFolder(): string | undefined {
  return [join(__dirname, '..', 'docs', 'rules'), join(__dirname, '..', '..', '..', 'docs', 'rules')].find((folder) => existsSync(folder));
}

/** Looked up once per rule: a draft can have tens of thousands of findings. */
const fileLinks = new Map<string, string | undefined>();

/** A file link to the rule's doc, when the doc is there; no link rather than a dead one. */
export function ruleDocFileLink(ruleId: string): string | undefined {
  if (!fileLinks.has(ruleId)) {
    const folder = shippedRuleDocsFolder();
    const file = folder && join(folder, `${ruleId}.md`);
    fileLinks.set(ruleId, file && existsSync(file) ? pathToFileURL(file).toString() : undefined);
  }
  return fileLinks.get(ruleId);
}

/** A command link that opens the rule's doc inside VS Code (the Copydesk client registers the command). */
export function ruleDocCommandLink(ruleId: string): string {
  return `command:${explainRuleCommand}?${encodeURIComponent(JSON.stringify([ruleId]))}`;
}

let ruleDocLink: (ruleId: string) => string | undefined = ruleDocFileLink;

/** Chosen once when a client connects: the Copydesk client opens docs by command, others get file links. */
export function useRuleDocLinks(link: (ruleId: string) => string | undefined): void {
  ruleDocLink = link;
}

export function toTextEdits(document: TextDocument, edits: readonly DraftEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: toRange(document, e.start, e.end), newText: e.text }));
}

const severityCodes: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, info: 3, hint: 4 };

export interface FixData {
  title: string;
  preferred: boolean;
  safe: boolean;
  edits: TextEdit[];
  /** Text the fix selects instead of editing (a placeholder to fill in). */
  select?: Range;
  /** A fix made in another draft (see Fix.otherDraft); the code-action handler builds its edit. */
  otherDraft?: { uri: string; from: string; to: string };
  /** How many edits were left out of `edits` (see maxEditsInPublishedFix); the code-action handler takes them from the session. */
  editsLeftOut?: number;
}

export interface DiagnosticData {
  /** The document version the fixes were computed for; stale fixes are not offered. */
  version: number;
  fixes: FixData[];
}

/**
 * A published diagnostic's fix carries at most this many edits. "Make all 2198
 * straight marks curly" on a long draft made every publish 340 KB, sent on
 * every keystroke; such a fix travels as its title, and its edits are built
 * when the light bulb asks for them. The CLI's JSON keeps every edit. At 50,
 * the "Spell every V as X" fixes of name-variant still made 258 of the 324 KB
 * published after each keystroke in a 100,000-word draft.
 */
export const maxEditsInPublishedFix = 5;

export function toDiagnostic(document: TextDocument, finding: Finding, maxEditsPerFix = Infinity): Diagnostic {
  const related: DiagnosticRelatedInformation[] = (finding.related ?? []).map((r) => ({
    location: { uri: document.uri, range: toRange(document, r.start, r.end) },
    message: r.message,
  }));
  const data: DiagnosticData = {
    version: document.version,
    fixes: finding.fixes.map((fix) => {
      const leaveOut = fix.edits.length > maxEditsPerFix;
      return {
        title: fix.title,
        preferred: fix.preferred ?? false,
        safe: fix.safe ?? false,
        edits: leaveOut ? [] : toTextEdits(document, fix.edits),
        ...(fix.select ? { select: toRange(document, fix.select.start, fix.select.end) } : {}),
        ...(fix.otherDraft ? { otherDraft: fix.otherDraft } : {}),
        ...(leaveOut ? { editsLeftOut: fix.edits.length } : {}),
      };
    }),
  };
  const href = ruleDocLink(finding.ruleId);
  return {
    range: toRange(document, finding.start, finding.end),
    severity: severityCodes[finding.severity],
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: diagnosticSource,
    message: finding.message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
    data,
  };
}
