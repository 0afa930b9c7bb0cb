// Inline suppression: a reporter silences a rule where it is wrong, in the
// draft itself, so the decision travels with the copy to the next editor.
//
// Markdown writes directives as HTML comments, which never render; plain text
// and article drafts write them in square brackets. Both forms are understood
// in every language. A directive without rule ids applies to every rule.
//
//   <!-- copydesk-disable leftover -->  ...  <!-- copydesk-enable -->
//   [copydesk-disable leftover, ap-style]  ...  [copydesk-enable ap-style]
//   [copydesk-disable-next-paragraph attribution-verb]
//       the rest of the paragraph the directive sits in, or the next
//       paragraph when the directive stands alone
//   [copydesk-ignore long-lede]
//       the whole draft, wherever the directive sits (the "Ignore in this
//       draft" quick fix appends it at the end, where it disturbs neither
//       the headline nor the lede)
//
// `copydesk-enable` with ids ends only those ids' regions; a region opened by
// a bare `copydesk-disable` ends only at a bare `copydesk-enable`. A region
// left open runs to the end of the draft.

import type { Draft } from './draft';
import type { DraftLanguage, Finding, TextEdit } from './types';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-paragraph' | 'ignore';

export interface SuppressionDirective {
  start: number;
  end: number;
  kind: DirectiveKind;
  /** Empty: every rule. */
  ruleIds: string[];
}

export interface SuppressionRegion {
  start: number;
  end: number;
  /** Empty: every rule. */
  ruleIds: string[];
}

const directivePattern =
  /<!--\s*copydesk-(disable-next-paragraph|disable|enable|ignore)(?![\w-])([^>]*?)\s*-->|\[copydesk-(disable-next-paragraph|disable|enable|ignore)(?![\w-])([^\]\r\n]*)\]/g;

export function findDirectives(text: string): SuppressionDirective[] {
  const directives: SuppressionDirective[] = [];
  // Cheap exit: almost no draft has a directive.
  if (!text.includes('copydesk-')) return directives;
  for (const m of text.matchAll(directivePattern)) {
    const kind = (m[1] ?? m[3]) as DirectiveKind;
    const ids = (m[2] ?? m[4] ?? '').split(/[\s,]+/).filter((id) => id.length > 0);
    directives.push({ start: m.index!, end: m.index! + m[0].length, kind, ruleIds: ids });
  }
  return directives;
}

export function suppressionRegions(draft: Draft): SuppressionRegion[] {
  const regions: SuppressionRegion[] = [];
  const end = draft.text.length;
  let allOpenedAt: number | undefined;
  const openedAt = new Map<string, number>();
  for (const d of findDirectives(draft.text)) {
    switch (d.kind) {
      case 'ignore':
        regions.push({ start: 0, end, ruleIds: d.ruleIds });
        break;
      case 'disable-next-paragraph': {
        const target = draft.paragraphs.find((p) => p.end > d.end && draft.prose.slice(Math.max(p.start, d.end), p.end).trim() !== '');
        if (target) regions.push({ start: d.end, end: target.end, ruleIds: d.ruleIds });
        break;
      }
      case 'disable':
        if (d.ruleIds.length === 0) allOpenedAt ??= d.end;
        for (const id of d.ruleIds) if (!openedAt.has(id)) openedAt.set(id, d.end);
        break;
      case 'enable': {
        const closing = d.ruleIds.length === 0 ? [...openedAt.keys()] : d.ruleIds;
        for (const id of closing) {
          const start = openedAt.get(id);
          if (start === undefined) continue;
          regions.push({ start, end: d.start, ruleIds: [id] });
          openedAt.delete(id);
        }
        if (d.ruleIds.length === 0 && allOpenedAt !== undefined) {
          regions.push({ start: allOpenedAt, end: d.start, ruleIds: [] });
          allOpenedAt = undefined;
        }
        break;
      }
    }
  }
  if (allOpenedAt !== undefined) regions.push({ start: allOpenedAt, end, ruleIds: [] });
  for (const [id, start] of openedAt) regions.push({ start, end, ruleIds: [id] });
  return regions;
}

function covers(region: SuppressionRegion, finding: Finding): boolean {
  return finding.start >= region.start && finding.start <= region.end && (region.ruleIds.length === 0 || region.ruleIds.includes(finding.ruleId));
}

/** A draft's regions, found once per parsed draft: the server filters both phases' findings with them. */
const regionsByDraft = new WeakMap<Draft, SuppressionRegion[]>();

function regionsOf(draft: Draft): SuppressionRegion[] {
  let regions = regionsByDraft.get(draft);
  if (!regions) {
    regions = suppressionRegions(draft);
    regionsByDraft.set(draft, regions);
  }
  return regions;
}

/** The findings that no directive silences. */
export function applySuppression(draft: Draft, findings: Finding[]): Finding[] {
  const regions = regionsOf(draft);
  if (regions.length === 0) return findings;
  return findings.filter((f) => !regions.some((r) => covers(r, f)));
}

/** A directive written the way the draft's language hides it best. */
export function directiveText(language: DraftLanguage, kind: DirectiveKind, ruleId?: string): string {
  const body = `copydesk-${kind}${ruleId ? ` ${ruleId}` : ''}`;
  return language === 'markdown' ? `<!-- ${body} -->` : `[${body}]`;
}

/**
 * The edit behind "Ignore <rule> in this paragraph": a directive on its own
 * line right above the paragraph holding the finding.
 */
export function ignoreInParagraphEdit(draft: Draft, finding: Pick<Finding, 'start' | 'ruleId'>): TextEdit {
  const lineStart = Math.max(draft.text.lastIndexOf('\n', finding.start - 1) + 1, 0);
  const paragraph = draft.paragraphs.find((p) => p.start <= finding.start && finding.start <= p.end);
  const at = paragraph ? paragraph.start : lineStart;
  const newline = /\r\n/.test(draft.text) ? '\r\n' : '\n';
  return { start: at, end: at, text: directiveText(draft.language, 'disable-next-paragraph', finding.ruleId) + newline };
}

/** The edit behind "Ignore <rule> in this draft": a copydesk-ignore directive appended at the end. */
export function ignoreInDraftEdit(draft: Draft, ruleId: string): TextEdit {
  const newline = /\r\n/.test(draft.text) ? '\r\n' : '\n';
  const text = draft.text;
  // A loop, not /(\r\n|\r|\n)*$/: that pattern backtracks exponentially on runs of blank CRLF lines.
  let trailingStart = text.length;
  while (trailingStart > 0 && (text[trailingStart - 1] === '\n' || text[trailingStart - 1] === '\r')) trailingStart--;
  const trailing = text.slice(trailingStart);
  // Separate it from the last paragraph by a blank line, and end with a line break.
  const lead = text.length === 0 ? '' : trailing.length === 0 ? newline + newline : /(?:\r\n|\r|\n)(?:\r\n|\r|\n)$/.test(trailing.slice(-4)) ? '' : newline;
  return { start: text.length, end: text.length, text: `${lead}${directiveText(draft.language, 'ignore', ruleId)}${newline}` };
}
