// Findings to LSP diagnostics. Each diagnostic carries its own fixes in
// `data`, so the code-action handler needs no cache of earlier analyses.
// Types only from vscode-languageserver: the CLI reuses this file.

import type { Diagnostic, DiagnosticRelatedInformation, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../analysis/types';
import { toRange } from './positions';

export const diagnosticSource = 'copydesk';
export const rulesDocumentationUrl = 'https://github.com/copydesk/copydesk/blob/main/README.md';

const severityCodes: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, info: 3, hint: 4 };

export interface FixData {
  title: string;
  preferred: boolean;
  safe: boolean;
  edits: TextEdit[];
  /** A fix made in another draft (see Fix.otherDraft); the code-action handler builds its edit. */
  otherDraft?: { uri: string; from: string; to: string };
}

export interface DiagnosticData {
  /** The document version the fixes were computed for; stale fixes are not offered. */
  version: number;
  fixes: FixData[];
}

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const related: DiagnosticRelatedInformation[] = (finding.related ?? []).map((r) => ({
    location: { uri: document.uri, range: toRange(document, r.start, r.end) },
    message: r.message,
  }));
  const data: DiagnosticData = {
    version: document.version,
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      preferred: fix.preferred ?? false,
      safe: fix.safe ?? false,
      edits: fix.edits.map((e) => ({ range: toRange(document, e.start, e.end), newText: e.text })),
      ...(fix.otherDraft ? { otherDraft: fix.otherDraft } : {}),
    })),
  };
  return {
    range: toRange(document, finding.start, finding.end),
    severity: severityCodes[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: `${rulesDocumentationUrl}#${finding.ruleId}` },
    source: diagnosticSource,
    message: finding.message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
    data,
  };
}
