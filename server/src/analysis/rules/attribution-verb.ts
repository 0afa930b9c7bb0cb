// attribution-verb — a "said-bookism" attributing a direct quotation. AP
// prefers the neutral "said": verbs such as claimed, admitted, insisted,
// stated or noted tell the reader what to think of the quote, and "claimed"
// or "admitted" can be unfair to the speaker. A style note, not an error.
//
// Bad:  "We will open it this summer," Whitfield claimed.
//       Whitfield insisted: "The money is there."
//       "It is done," admits the mayor.
// Good: "We will open it this summer," Whitfield said.
//       "It is done," says the mayor.
//       The group claimed responsibility for the attack.   (not attributing a quotation)
//       It fought "false" claims about the drug.           (a quoted word, and a noun after it)
//       "It is done," she added.                            (added, told, wrote, asked are plain)
//       He had to say remarks "misconstrued."              (a noun: "say", "his", "of" before it)
//       a plan the mayor declared "a costly mistake."      (a quoted noun phrase as its object)
//
// Only verbs in attribution position are flagged: right after a quotation's
// closing mark (with the speaker before or after the verb) or right before its
// opening mark. The fix writes "said" for the past tense and "says" for the
// present, keeping a capital.

import { analyzeQuotes } from '../quotes';
import type { Rule } from '../rule';
import { excerptsABook } from '../structure';
import type { RuleFinding } from '../types';

const bookisms = [
  'state',
  'claim',
  'note',
  'admit',
  'insist',
  'declare',
  'exclaim',
  'opine',
  'assert',
  'remark',
  'proclaim',
  'maintain',
  'contend',
  'aver',
  'quip',
  'retort',
  'gush',
  'muse',
  'sniff',
  'snap',
  'bark',
  'chuckle',
  'concede',
  'observe',
];
/** Past and present third-person forms → the plain verb in the same tense. */
const replacements = new Map<string, 'said' | 'says'>();
for (const verb of bookisms) {
  const past = verb.endsWith('e')
    ? `${verb}d`
    : /[^aeiou][aeiou][tp]$/.test(verb) && verb !== 'assert' && verb !== 'gush'
      ? `${verb}${verb.at(-1)}ed`
      : `${verb}ed`;
  const present = /(sh|ch|s|x)$/.test(verb) ? `${verb}es` : `${verb}s`;
  replacements.set(past, 'said');
  replacements.set(present, 'says');
}
replacements.set('averred', 'said');
replacements.set('avers', 'says');
// Lower case only: a capitalised "States" or "Notes" is a name ("United States"), never the verb.
const verbForms = [...replacements.keys()];
const verbAlternation = verbForms.sort((a, b) => b.length - a.length).join('|');

/** A speaker: a pronoun, "the mayor", or up to four capitalised words ("Gov. Jane Smith"). */
const speaker = String.raw`(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t|[Yy]ou|(?:[Tt]he|[Aa]n?)\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+)?|(?:[Tt]he\s+)?[\p{Lu}][\p{L}'’-]*\.?(?:\s+[\p{Lu}][\p{L}'’-]*\.?){0,3}?)`;
/** After the closing mark: `, Whitfield claimed` / `, claimed Whitfield` / `he insisted`. */
const afterQuote = new RegExp(String.raw`^[,;]?\s*(?:${speaker}\s+)?(${verbAlternation})\b`, 'u');
/** Before the opening mark: `Whitfield insisted: ` / `she noted that ` / `he claimed, `. */
/** A capitalised verb right after the closing mark, the speaker after it: `," Claimed the mayor.` */
const capitalForms = verbForms.map((v) => v[0].toUpperCase() + v.slice(1));
const capitalAfterQuote = new RegExp(String.raw`^[,;]?\s*(${capitalForms.join('|')})\s+${speaker}[.!?]`, 'u');
const beforeQuote = new RegExp(String.raw`\b(${verbAlternation})(?:\s+that)?\s*[,:]?\s*$`, 'u');
/**
 * A quotation opening on an indefinite article, typed right after the verb with no comma, colon or
 * "that": a noun phrase the verb takes as its object (declared "a total disaster", noted "an
 * error"), where "said" would not fit.
 */
const quotedNounPhrase = /^an?\s/u;
/**
 * The word before a form that makes it a noun, not a verb of saying: a determiner or possessive
 * ("his remarks", "Trump's remarks", "the senators' claims"; not "he's", which is "he has"), a
 * preposition ("of claims"), or a verb whose object it is ("to say remarks 'misconstrued'",
 * "denied claims").
 */
const nounBefore =
  /\b(?:the|a|an|his|her|their|its|our|my|your|whose|these|those|such|any|no|of|in|on|about|with|to|say|says|said|make|makes|made|repeat|repeats|repeated|deny|denies|denied|dismiss|dismisses|dismissed)\s+$|\b(?!(?:he|she|it|that|who|there|what|here|where)['’]s\b)\p{L}[\p{L}.-]*(?:['’]s|s['’])\s+$/iu;

export const attributionVerb: Rule = {
  id: 'attribution-verb',
  description: 'Attribution verbs that editorialize (claimed, admitted, insisted, stated, noted...) where AP prefers "said".',
  defaultSeverity: 'info',
  cost: 'scan',
  check(ctx) {
    // A book excerpt runs as its author wrote it.
    if (excerptsABook(ctx.draft.paragraphs)) return [];
    const { prose } = ctx.draft;
    const findings: RuleFinding[] = [];
    const seen = new Set<number>();
    const flag = (start: number, verb: string) => {
      if (seen.has(start)) return;
      seen.add(start);
      const plain = replacements.get(verb.toLowerCase())!;
      const text = /^\p{Lu}/u.test(verb) ? plain[0].toUpperCase() + plain.slice(1) : plain;
      findings.push({
        start,
        end: start + verb.length,
        message: `"${verb}" colours the quotation; AP prefers the neutral "${plain}".`,
        fixes: [{ title: `Write "${text}"`, edits: [{ start, end: start + verb.length, text }], preferred: true }],
      });
    };
    for (const q of analyzeQuotes(ctx).quotations) {
      if (q.depth > 0) continue;
      const paragraph = ctx.draft.paragraphs[q.paragraph];
      if (paragraph.isHeadline) continue;
      if (q.close !== undefined) {
        const from = q.close + 1;
        const window = prose.slice(from, Math.min(paragraph.end, from + 60));
        const m = afterQuote.exec(window) ?? capitalAfterQuote.exec(window);
        // A quotation ending in a full stop ends its sentence: what follows starts a new one
        // ("...ever." She noted a rally...), unless the verb closes it ("...ever," she noted.).
        const content = prose.slice(q.contentStart, q.close).trimEnd();
        const endsSentence = /[.!?]$/.test(content);
        // A quoted word or phrase inside the sentence ("false" claims about) is not a quotation
        // being attributed: that one ends in punctuation inside its marks, or a comma follows them.
        const attributed = /[,.!?…—–-]$/.test(content) || /^[,;]/.test(window);
        if (m && attributed && (!endsSentence || /^[.!?]/.test(window.slice(m.index + m[0].length))))
          flag(from + m.index + m[0].indexOf(m[1], m[0].search(/\p{L}/u)), m[1]);
      }
      if (!q.continues) {
        const windowStart = Math.max(paragraph.start, q.open - 60);
        const window = prose.slice(windowStart, q.open);
        const m = beforeQuote.exec(window);
        const objectPhrase = m !== null && /^\p{L}+\s*$/u.test(m[0]) && quotedNounPhrase.test(prose.slice(q.contentStart, q.contentStart + 4));
        if (m && !objectPhrase && !nounBefore.test(window.slice(Math.max(0, m.index - 12), m.index))) flag(windowStart + m.index, m[1]);
      }
    }
    return findings;
  },
};
