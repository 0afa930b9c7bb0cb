// Keeps slow findings (those that need the NLP pass) on screen while the
// reporter types: findings wholly before or after the edited stretch are
// shifted to their new place; findings touching it are dropped until the
// next full analysis. The edited stretch is found from the common prefix and
// suffix of the old and new text, which costs one linear scan.

import type { Finding, TextEdit } from './types';

export interface EditedStretch {
  /** Length of the common prefix. */
  start: number;
  /** End of the changed stretch in the old text. */
  oldEnd: number;
  /** newText.length - oldText.length */
  delta: number;
}

export function findEditedStretch(oldText: string, newText: string): EditedStretch {
  const shorter = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let suffix = 0;
  while (
    suffix < shorter - start &&
    oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { start, oldEnd: oldText.length - suffix, delta: newText.length - oldText.length };
}

function shift<T extends { start: number; end: number }>(span: T, stretch: EditedStretch): T | undefined {
  if (span.end < stretch.start) return span;
  if (span.start > stretch.oldEnd) return { ...span, start: span.start + stretch.delta, end: span.end + stretch.delta };
  return undefined;
}

export function carryOver(findings: readonly Finding[], stretch: EditedStretch): Finding[] {
  if (stretch.start === stretch.oldEnd && stretch.delta === 0) return [...findings];
  const kept: Finding[] = [];
  for (const finding of findings) {
    const moved = shift(finding, stretch);
    if (!moved) continue;
    const fixes = [];
    let fixesIntact = true;
    for (const fix of finding.fixes) {
      const edits = fix.edits.map((e) => shift(e, stretch));
      if (edits.some((e) => !e)) fixesIntact = false;
      else fixes.push({ ...fix, edits: edits as TextEdit[] });
    }
    // A finding whose fix would reach into the edited stretch is stale: drop it.
    if (!fixesIntact) continue;
    const related = finding.related?.map((r) => shift(r, stretch)).filter((r) => r !== undefined);
    kept.push({ ...moved, fixes, ...(related ? { related } : {}) });
  }
  return kept;
}
