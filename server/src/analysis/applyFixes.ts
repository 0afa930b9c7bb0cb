// Applying fixes without looking, as `copydesk check --fix` does: only the
// preferred fix of a finding, only when it is marked safe (unambiguous), and
// never two that touch the same text. Line breaks a fix inserts follow the
// draft's own, so a CRLF draft stays CRLF.

import type { Finding, TextEdit } from './types';

/** The line break a draft uses most: \r\n, \r or \n (\n for a draft with none). */
export function dominantLineBreak(text: string): string {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else {
        cr++;
      }
    } else if (c === 10) {
      lf++;
    }
  }
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

export interface SafeFixes {
  /** Non-overlapping edits, in draft order. */
  edits: TextEdit[];
  /** How many findings they fix. */
  fixed: number;
}

/** The preferred, safe fix of each finding, skipping any that overlaps or touches one already taken. */
export function selectSafeFixes(findings: readonly Finding[], text: string): SafeFixes {
  const lineBreak = dominantLineBreak(text);
  const candidates = findings
    .map((f) => f.fixes.find((fix) => fix.preferred && fix.safe))
    .filter((fix) => fix !== undefined && fix.edits.length > 0)
    .map((fix) => [...fix!.edits].sort((a, b) => a.start - b.start))
    .sort((a, b) => a[0].start - b[0].start);
  const edits: TextEdit[] = [];
  let fixed = 0;
  let lastEnd = -1;
  for (const fixEdits of candidates) {
    // Within the fix, edits must not overlap either; a fix that breaks this is not applied.
    const inside = fixEdits.every((e, i) => i === 0 || e.start >= fixEdits[i - 1].end);
    // Two edits at one offset have no defined order: a fix touching the last one waits for the next run.
    if (!inside || fixEdits[0].start <= lastEnd) continue;
    for (const e of fixEdits) edits.push({ ...e, text: e.text.replace(/\r\n|\r|\n/g, lineBreak) });
    lastEnd = fixEdits[fixEdits.length - 1].end;
    fixed++;
  }
  return { edits, fixed };
}

/** Applies non-overlapping edits given in draft order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
