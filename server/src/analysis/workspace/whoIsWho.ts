// The who's who of a workspace as text or Markdown: each person and
// organization, the other forms the drafts write, the titles given (with the
// drafts that give them) and the drafts they appear in. Shared by the CLI
// (`copydesk entities --workspace`) and the editor's "who's who" command.

import type { WhoIsWhoEntry } from './index';

/** How a draft is named in the output: a path relative to the folder, or a link. */
export type DraftLabel = (uri: string) => string;

function titlesOf(entry: WhoIsWhoEntry, label: DraftLabel): string[] {
  return entry.titles.map((t) => `${t.title} (${t.drafts.map(label).join(', ')})`);
}

/** One line per entity: `Dana Whitcombe · person · also Whitcombe · titled Chair (a.md) · in a.md (3), b.md (1)`. */
export function whoIsWhoText(entries: readonly WhoIsWhoEntry[], label: DraftLabel): string {
  return entries
    .map((e) => {
      const parts = [e.name, e.type];
      if (e.variants.length > 0) parts.push(`also ${e.variants.join(', ')}`);
      const titles = titlesOf(e, label);
      if (titles.length > 0) parts.push(`titled ${titles.join('; ')}`);
      parts.push(`in ${e.drafts.map((d) => `${label(d.uri)} (${d.mentions})`).join(', ')}`);
      return parts.join(' · ');
    })
    .join('\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

/** A Markdown document, people first, then organizations; `link` gives each draft's link target. */
export function whoIsWhoMarkdown(entries: readonly WhoIsWhoEntry[], label: DraftLabel, link: (uri: string) => string, heading = "Who's who"): string {
  const lines = [`# ${escapeMarkdown(heading)}`, ''];
  const draftLink = (uri: string) => `[${escapeMarkdown(label(uri))}](${link(uri)})`;
  for (const [type, title] of [
    ['person', 'People'],
    ['organization', 'Organizations'],
  ] as const) {
    const ofType = entries.filter((e) => e.type === type);
    if (ofType.length === 0) continue;
    lines.push(`## ${title}`, '');
    for (const e of ofType) {
      lines.push(
        `- **${escapeMarkdown(e.name)}**${e.titles.length > 0 ? ` — ${e.titles.map((t) => `${escapeMarkdown(t.title)} (${t.drafts.map(draftLink).join(', ')})`).join('; ')}` : ''}`,
      );
      if (e.variants.length > 0) lines.push(`  - also written: ${e.variants.map(escapeMarkdown).join(', ')}`);
      lines.push(`  - in ${e.drafts.length === 1 ? '1 draft' : `${e.drafts.length} drafts`}: ${e.drafts.map((d) => draftLink(d.uri)).join(', ')}`);
    }
    lines.push('');
  }
  if (entries.length === 0) lines.push('No people or organizations found.', '');
  return lines.join('\n');
}
