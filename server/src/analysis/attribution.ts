// Speaker attribution: which person or organization said each quotation.
//
// A paragraph's attribution clauses are found outside its quotations:
//   "...," Tillerson said.        "...," said Tillerson.
//   Tillerson said: "..."         Tillerson told reporters that "..."
//   ... according to Tillerson.   "...," he said.   (he = the last person named)
// Each outer quotation takes the clause after it in the same sentence, else
// the nearest clause before it in the paragraph. A quotation with no clause
// that continues the previous paragraph's quotation (the multi-paragraph
// convention) inherits that quotation's speaker.

import { analyzeQuotes, type Quotation } from './quotes';
import type { RuleContext } from './rule';
import type { Entity } from './entities/types';

const speechVerbs =
  'said|says|say|told|tells|added|adds|continued|continues|wrote|writes|asked|asks|explained|explains|insisted|insists|claimed|claims|noted|notes|stated|states|argued|argues|replied|replies|warned|warns|declared|declares|announced|acknowledged|conceded|recalled|recalls|observed|remarked|responded|answered|testified|tweeted|posted|cautioned|predicted|suggested|admitted|admits|maintained|maintains';
const verbAfterName = new RegExp(`^(?:\\s+(?:also|later|then|again|earlier|once|has|had|have|\\p{L}+ly|on\\s+\\p{Lu}\\p{L}*(?:\\s+\\d{1,2})?|in\\s+(?:a|an)\\s+\\p{L}+)){0,3}\\s+(?:${speechVerbs})\\b`, 'u');
// "said Mayor Ana Castillo": a title of up to three capitalised words may stand between.
const verbBeforeName = new RegExp(`\\b(?:(?:${speechVerbs})|according\\s+to)\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}.]*\\s+){0,3}$`, 'u');
const pronounClause = new RegExp(`\\b(?:(he|she)\\s+(?:also\\s+|later\\s+|then\\s+)?(?:${speechVerbs})|(?:${speechVerbs})\\s+(he|she))\\b`, 'giu');

interface Clause {
  /** Offset of the clause (where the speaker or the verb is). */
  at: number;
  speaker: Entity;
}

export function attributeQuotes(ctx: RuleContext, entities: Entity[]): void {
  if (entities.length === 0) return;
  let quotations: Quotation[];
  try {
    quotations = analyzeQuotes(ctx).quotations;
  } catch {
    return; // attribution is a bonus on top of recognition; a quotation bug must not hide the entities
  }
  if (quotations.length === 0) return;
  const text = ctx.draft.text;
  const byParagraph = new Map<number, Quotation[]>();
  for (const q of quotations) {
    if (q.depth !== 0) continue;
    (byParagraph.get(q.paragraph) ?? byParagraph.set(q.paragraph, []).get(q.paragraph)!).push(q);
  }
  const mentions = entities
    .flatMap((entity) => entity.mentions.map((m) => ({ ...m, entity })))
    .sort((a, b) => a.start - b.start);
  const people = mentions.filter((m) => m.entity.type === 'person');
  const insideQuote = (offset: number, list: Quotation[]) => list.some((q) => offset >= q.contentStart && offset < q.contentEnd);

  let previousSpeaker: Entity | undefined;
  let previousRunsOn = false;
  for (const paragraph of ctx.draft.paragraphs) {
    const quotes = byParagraph.get(paragraph.index);
    if (!quotes) {
      previousSpeaker = undefined;
      previousRunsOn = false;
      continue;
    }
    const clauses: Clause[] = [];
    for (const m of mentions) {
      if (m.start < paragraph.start || m.end > paragraph.end || insideQuote(m.start, quotes)) continue;
      const possessive = /^['’]s?\b/.test(text.slice(m.end, m.end + 2));
      if (possessive) continue;
      const after = text.slice(m.end, Math.min(paragraph.end, m.end + 60));
      const before = text.slice(Math.max(paragraph.start, m.start - 40), m.start);
      if (verbAfterName.test(after) || verbBeforeName.test(before)) clauses.push({ at: m.start, speaker: m.entity });
    }
    const paragraphText = text.slice(paragraph.start, paragraph.end);
    for (const match of paragraphText.matchAll(pronounClause)) {
      const at = paragraph.start + match.index!;
      if (insideQuote(at, quotes)) continue;
      let last: Entity | undefined;
      for (const p of people) {
        if (p.start >= at) break;
        last = p.entity;
      }
      if (last) clauses.push({ at, speaker: last });
    }
    clauses.sort((a, b) => a.at - b.at);

    let lastSpeakerHere: Entity | undefined;
    for (const q of quotes) {
      const end = q.close ?? q.contentEnd;
      // The clause after the quotation, before the sentence ends...
      const following = clauses.find((c) => c.at >= end && !/[.!?]\s/.test(text.slice(end + 1, c.at)));
      // ...else the closest clause before it in the paragraph, else any clause after it.
      const preceding = [...clauses].reverse().find((c) => c.at < q.open);
      const anyAfter = clauses.find((c) => c.at >= end);
      let speaker = following?.speaker ?? preceding?.speaker ?? anyAfter?.speaker;
      if (!speaker && (q.continues || previousRunsOn) && previousSpeaker) speaker = previousSpeaker;
      if (!speaker) continue;
      const quoted = text.slice(q.contentStart, q.contentEnd);
      const leading = quoted.length - quoted.trimStart().length;
      const trailing = quoted.length - quoted.trimEnd().length;
      speaker.quotes.push({ text: quoted.trim(), start: q.contentStart + leading, end: q.contentEnd - trailing });
      lastSpeakerHere = speaker;
    }
    previousSpeaker = lastSpeakerHere;
    previousRunsOn = quotes.some((q) => q.continuesInNext);
  }
}
