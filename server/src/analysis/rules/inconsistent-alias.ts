// inconsistent-alias — several short names for one organization in a story.
// After the first reference a story keeps to one form: "Islamic State ...
// IS ... IS", not "IS ... ISIS ... ISIL".
//
// Bad:  ... the Islamic State group ... IS fighters ... ISIS remains a threat ...
// Good: the North Atlantic Treaty Organization (NATO) ... NATO ... NATO
//       the European Central Bank ... the ECB ... the European Central Bank
//       (repeating the full name is never inconsistent)
//       NATO ... Nato        (one form in two spellings: that is name-variant's)
//       The Washington Post ... Washington Post ... the Post (the full name's last words)
//       the Reserve Bank of Australia ... the Reserve Bank ... the Bank (another short form's last words)
//       U.S. ... US          (periods only: a house-style point, not two names)
//       Lib Dem spokesman ... the Lib Dems (a short form and its plural: the adjective and the noun)
//       Tory leader ... the Tories (the same, in -ies); Conservative hands ... Tory plans (a party's nickname)
//       Standard & Poor (S&P) ... S&P (the full name, without its possessive)
//
// Forms are compared folded (case, diacritics and periods ignored); the full
// name (the entity's fullest form) is always allowed. When the body uses two
// or more other forms, every mention of a form other than the first one used
// is flagged. The headline, boilerplate lines and direct quotations do not
// count: a speaker who says "ISIS" in a story that writes "ISIL" is quoted, not
// inconsistent, and a desk does not change a source's words. The fixes rewrite
// this mention, or every mention, to the chosen form; offered, never safe.

import { analyzeEntities, type Mention } from '../entities';
import { insideQuotation, outsideBody } from '../nameReferences';
import { foldName } from '../nlp';
import type { Rule } from '../rule';
import type { RuleFinding, TextEdit } from '../types';

const formOf = (text: string) => foldName(text).replace(/\./g, '');

/** "Lib Dem spokesman ... the Lib Dems", "Tory leader ... the Tories": a short form and its plural are one form, the adjective and the noun. */
function singularFormOf(text: string): string {
  const form = formOf(text);
  const singular = /\p{Ll}ies$/u.test(text) ? `${form.slice(0, -3)}y` : /\p{Ll}s$/u.test(text) ? form.slice(0, -1) : form;
  return partyNicknames.get(singular) ?? singular;
}

/** A party's nickname and its name's adjective are one form: "Conservative hands ... Tory plans", "GOP leaders ... Republican voters". */
const partyNicknames = new Map([
  ['tory', 'conservative'],
  ['gop', 'republican'],
]);

/**
 * "the Islamic State, also known as ISIS or ISIL", "known by the acronyms ISIL
 * and ISIS": a story that explains the other names is not using them.
 */
function namesTheAlias(prose: string, start: number): boolean {
  const before = prose.slice(Math.max(0, start - 48), start);
  const cues = [
    ...before.matchAll(/\b(?:also known as|known as|aka|a\.k\.a\.|also called|acronyms?|abbreviated(?: as)?|or simply|calls? itself|referred to as)\s/gu),
  ];
  const last = cues.at(-1);
  if (!last) return false;
  // Between the cue and this mention, only the other names of the list: "ISIS, ISIL and ".
  const between = before.slice(last.index! + last[0].length);
  return between
    .split(/[\s,]+/)
    .filter(Boolean)
    .every((token) => /^(?:or|and|the|\p{Lu}[\p{L}]*)$/u.test(token));
}

export const inconsistentAlias: Rule = {
  id: 'inconsistent-alias',
  description: 'Several names for one organization after first reference (Islamic State / IS / ISIS).',
  defaultSeverity: 'warning',
  cost: 'nlp',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const entity of analyzeEntities(ctx).entities) {
      if (entity.type !== 'organization') continue;
      const fullForm = formOf(entity.name);
      // A short form in title case ("Is" at a sentence start) is a word the engine matched, not a name.
      const mentions = entity.mentions.filter(
        (m) =>
          !outsideBody(ctx, m.start) &&
          !insideQuotation(ctx, m.start) &&
          !(m.text.length <= 3 && /\p{Ll}/u.test(m.text)) &&
          !namesTheAlias(ctx.draft.prose, m.start),
      );
      // "The Washington Post ... the Post": the last words of the full name are its short form, house style.
      // Nor is the full name without its possessive a short form ("Standard & Poor" of "Standard & Poor's").
      const allShort = mentions.filter(
        (m) => formOf(m.text) !== fullForm && `${formOf(m.text)}'s` !== fullForm && !` ${fullForm}`.endsWith(` ${formOf(m.text)}`),
      );
      // "the Reserve Bank ... the Bank": the last words of another short form in use are that form shortened again, as "the Post" is.
      const shortForms = new Set(allShort.map((m) => formOf(m.text)));
      const shortensAnother = (form: string) => [...shortForms].some((other) => other !== form && ` ${other}`.endsWith(` ${form}`));
      const shortMentions = allShort.filter((m) => !shortensAnother(formOf(m.text)));
      const forms = new Map<string, Mention[]>();
      for (const m of shortMentions) {
        const form = singularFormOf(m.text);
        (forms.get(form) ?? forms.set(form, []).get(form)!).push(m);
      }
      if (forms.size < 2) continue;
      const chosen = shortMentions[0].text;
      const chosenForm = singularFormOf(chosen);
      const used = [...forms.values()].map((list) => `‘${list[0].text}’`);
      const named = used.length === 2 ? used.join(' and ') : `${used.slice(0, -1).join(', ')} and ${used.at(-1)}`;
      const variants = shortMentions.filter((m) => singularFormOf(m.text) !== chosenForm);
      // One list of edits for the whole entity, shared by its findings' "throughout" fixes.
      const allEdits: TextEdit[] = variants.map((v) => ({ start: v.start, end: v.end, text: chosen }));
      for (const m of variants) {
        findings.push({
          start: m.start,
          end: m.end,
          message: `This story calls ${entity.name} ${named}; after the first reference, keep to one short form (‘${chosen}’ came first).`,
          fixes: [
            { title: `Write ‘${chosen}’`, edits: [{ start: m.start, end: m.end, text: chosen }], preferred: true },
            ...(allEdits.length > 1 ? [{ title: `Call ${entity.name} ‘${chosen}’ throughout`, edits: allEdits }] : []),
          ],
          related: [{ start: shortMentions[0].start, end: shortMentions[0].end, message: `first called ‘${chosen}’ here` }],
        });
      }
    }
    return findings;
  },
};
