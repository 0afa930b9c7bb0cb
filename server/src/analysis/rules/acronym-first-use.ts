// acronym-first-use — an acronym the story uses before spelling it out, or
// never spells out. AP and most styles give the full name on first reference
// unless readers know the acronym without it (FBI, NATO, UN, CIA, NBA...).
//
// Bad:  The NAB opened an inquiry.                        (never spelled out)
//       The ECB raised rates. ... the European Central Bank said ...   (spelled out too late)
// Good: The Federal Aviation Administration (FAA) said ... The FAA ...
//       The European Central Bank ... the ECB ...
//       FBI agents, NATO allies, the U.S. Senate             (well known: data/acronyms.json)
//       Sen. Ted Cruz (R-TX), the F-35, COVID-19, Louis XIV, @CNN, #MAGA
//
// An expansion is a run of capitalised words whose initials spell the acronym
// (small words such as "of the" skipped), or a longer name the entity engine
// ties to it (Islamic State / IS). A headline that spells the name out counts:
// the reader has just read it. The headline, boilerplate lines and quotations
// (the reporter cannot change a source's words) are not checked. One finding
// per acronym, at its first use. When the story spells the name out later,
// the fix writes "Full Name (ACR)" at the first use. One never spelled out is
// flagged only as a body after "the" (see namesABody): on published copy the
// rest were companies, products and terms the story explained.

import { TextCache } from '../cache';
import acronymTable from '../data/acronyms.json';
import titleTable from '../data/titles.json';
import { analyzeEntities } from '../entities';
import { insideQuotation, outsideBody } from '../nameReferences';
import { parseParagraph } from '../nlp';
import { withPlainSpaces } from '../entities/words';
import type { Paragraph } from '../draft';
import { inSteps, type Rule, type RuleContext } from '../rule';
import type { RuleFinding } from '../types';

const wellKnown = new Set(
  [...acronymTable.organizations, ...acronymTable.terms, ...acronymTable.states, ...titleTable.nonNames].map((a) => a.replace(/\./g, '').toUpperCase()),
);

/** Two to six capitals, or two to four dotted capitals (U.N., H.R.), standing alone. */
const acronymPattern = /(?<![\p{L}\p{N}@#/&.'’-])(?:\p{Lu}{2,6}s?|(?:\p{Lu}\.){2,4})(?![\p{L}\p{N}&'’]|-\p{N}|\.\p{L})/gu;
/** Placeholders (TK, TKTK: "to come"; XX, XXX): leftover reports them, and one fault gets one finding. */
const placeholders = new Set(['TK', 'TKTK', 'XX', 'XXX']);
const romanNumeral = /^(?=[IVXLCDM]{2,}$)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
/** Words an expansion may skip: "Bank of England", "Organization for the ...". */
const smallWords = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'to', 'at', 'de', 'des', 'du', 'la', 'le', 'et', '&', 'y', 'del']);

interface Expansion {
  start: number;
  end: number;
  text: string;
}

/** A word of a run, its offset relative to its paragraph. */
interface RunWord {
  text: string;
  start: number;
  /** Capitalised but not all capitals: a word an initial can stand for. */
  initialWord: boolean;
  /** A small word an expansion may skip ("of the"). */
  small: boolean;
}

const isInitialWord = (word: string) => /^\p{Lu}/u.test(word) && !/^\p{Lu}+$/u.test(word);

/**
 * The runs of a paragraph that could spell an acronym out: capitalised words
 * and the small words between them, one space or line break apart. Kept by the
 * paragraph's text, so a keystroke re-reads one paragraph, not the draft (a
 * word list of the whole draft cost 50 ms a keystroke at 100,000 words), and
 * only these runs are kept, not every word.
 */
const paragraphRuns = new TextCache<RunWord[][]>(20_000, 4_000_000);

function runsOf(text: string): RunWord[][] {
  return paragraphRuns.get(text, () => {
    const runs: RunWord[][] = [];
    let run: RunWord[] = [];
    let previousEnd = -1;
    const close = () => {
      if (run.some((w) => w.initialWord)) runs.push(run);
      run = [];
    };
    for (const m of text.matchAll(/[\p{L}&][\p{L}\p{N}'’-]*/gu)) {
      const word = m[0];
      const initialWord = isInitialWord(word);
      const joins = previousEnd >= 0 && /^[ \t]+$|^ ?\n? ?$/.test(text.slice(previousEnd, m.index));
      if (!joins) close();
      previousEnd = m.index! + word.length;
      const small = smallWords.has(word.toLowerCase());
      if (initialWord || small) run.push({ text: word, start: m.index!, initialWord, small });
      else close();
    }
    close();
    return runs;
  });
}

/** Where a capitalised word opens a possible expansion: a run of a paragraph and the word's place in it. */
interface RunOpening {
  paragraphStart: number;
  run: RunWord[];
  at: number;
}

/**
 * The capitalised words of the runs, by their first letter, in the draft's order: built once per
 * version, so that each acronym looks only at the words its first letter could open (a scan of
 * every run for every acronym cost 50 ms at 100,000 words).
 */
function runOpenings(ctx: RuleContext): Map<string, RunOpening[]> {
  return ctx.memo('acronym-first-use:openings', () => {
    const byLetter = new Map<string, RunOpening[]>();
    for (const paragraph of ctx.draft.paragraphs) {
      for (const run of runsOf(paragraph.text)) {
        run.forEach((word, at) => {
          if (!word.initialWord) return;
          const list = byLetter.get(word.text[0]);
          if (list) list.push({ paragraphStart: paragraph.start, run, at });
          else byLetter.set(word.text[0], [{ paragraphStart: paragraph.start, run, at }]);
        });
      }
    }
    return byLetter;
  });
}

/** Words after which a capitalised word continues the same name: "European Conference of Postal and ...". */
const nameLinks = new Set(['of', 'for', 'de', 'des', 'du', 'del']);

/**
 * Whether the name goes on past the word that spelled the acronym's last letter: "the European
 * Conference of Postal and Telecommunications Administrations (CEPT)" does not spell EC out.
 */
function nameGoesOn(run: RunWord[], last: number): boolean {
  if (!nameLinks.has(run[last + 1]?.text.toLowerCase() ?? '')) return false;
  for (let k = last + 2; k < run.length; k++) if (!run[k].small) return run[k].initialWord;
  return false;
}

/** The first run of capitalised words whose initials spell the acronym, anywhere in the draft. */
function findExpansion(ctx: RuleContext, letters: string): Expansion | undefined {
  for (const { paragraphStart, run, at: i } of runOpenings(ctx).get(letters[0]) ?? []) {
    let matched = 0;
    let last = i;
    // Each initial in turn; small words ("of the") only between them.
    for (let k = i; k < run.length && matched < letters.length; k++) {
      if (run[k].initialWord && run[k].text[0] === letters[matched]) {
        matched++;
        last = k;
      } else if (!(run[k].small && matched > 0)) break;
    }
    if (matched === letters.length && !nameGoesOn(run, last)) {
      const start = paragraphStart + run[i].start;
      const end = paragraphStart + run[last].start + run[last].text.length;
      return { start, end, text: ctx.draft.prose.slice(start, end) };
    }
  }
  return undefined;
}

/** A longer name the entity engine ties to this acronym mention (an organization's full name). */
function entityExpansion(ctx: RuleContext, offset: number): Expansion | undefined {
  const entity = analyzeEntities(ctx).entityAt(offset);
  if (!entity || entity.type !== 'organization') return undefined;
  // The full name, not a longer name built on the acronym ("CUMC Development Office").
  const full = entity.mentions.find((m) => /\s/.test(m.text) && /\p{Ll}/u.test(m.text) && !/(?<![\p{L}])\p{Lu}{2,}(?![\p{L}])/u.test(m.text));
  return full ? { start: full.start, end: full.end, text: full.text } : undefined;
}

/** Contexts where capitals are not an acronym to spell out. */
function notAnAcronym(prose: string, start: number, end: number, acronym: string): boolean {
  if (romanNumeral.test(acronym)) return true;
  const before = prose.slice(Math.max(0, start - 3), start);
  const after = prose.slice(end, end + 2);
  // Party tags and postal codes: (R-TX), D-N.Y.; code names: F-35 is excluded by the pattern.
  if (/[RDI]-$/.test(before) || /-$/.test(before)) return true;
  // Shouted text: an acronym next to other words in capitals.
  const around = prose.slice(Math.max(0, start - 30), Math.min(prose.length, end + 30));
  const capitalWords = around.match(/(?<![\p{L}])\p{Lu}{2,}(?![\p{L}])/gu) ?? [];
  if (capitalWords.length >= 3) return true;
  const rest = prose.slice(end, end + 40);
  // A dateline or a place in capitals: "DES MOINES —", "BOSTON —", "ST. LOUIS".
  if (/^\.?\s+\p{Lu}{2,}\b/u.test(rest) || /^[\s,]*(?:\p{Lu}[\p{L}.]*\s+)*(?:\p{Lu}[\p{L}.]*)?(?:\([^)]*\)\s*)?[—–-]/u.test(rest)) return true;
  // Initials before a surname ("George H.W. Bush", "AWR Hawkins"), TV and radio call letters (WVIT, KTLA).
  if (/^\s+\p{Lu}\p{Ll}/u.test(rest) && (acronym.length <= 3 || /\./.test(prose.slice(start, end)))) return true;
  if (/^[KW][A-Z]{3}$/.test(acronym)) return true;
  // Two dotted letters are a state or an initial (N.H., S.C.), not an organization.
  if (/^\p{Lu}\.\p{Lu}\.$/u.test(prose.slice(start, end))) return true;
  return /^\d/.test(after);
}

/**
 * Capitals inside a longer proper name are part of that name: "Navy SEAL",
 * "USA TODAY", "SITE Intelligence Group", "CREDO Action".
 */
function partOfLongerName(prose: string, start: number, end: number): boolean {
  const before = /(?:^|[^\p{L}])(\p{Lu}[\p{L}]*)[ ]$/u.exec(prose.slice(Math.max(0, start - 20), start))?.[1];
  if (before && !functionWords.has(before.toLowerCase())) {
    // Unless that word starts a sentence ("... on Monday. Senate GOP ...").
    const words = prose
      .slice(Math.max(0, start - 25), start)
      .trimEnd()
      .split(/\s+/);
    const wordBefore = words.length >= 2 ? words[words.length - 2] : '';
    if (!/[.!?:]$/.test(wordBefore) && words.length >= 2) return true;
  }
  return /^ \p{Lu}\p{Ll}/u.test(prose.slice(end, end + 3));
}
const functionWords = new Set([
  'the',
  'a',
  'an',
  'in',
  'at',
  'on',
  'for',
  'by',
  'from',
  'with',
  'and',
  'but',
  'or',
  'of',
  'to',
  'as',
  'if',
  'when',
  'while',
  'after',
  'before',
  'since',
  'like',
  'than',
  'both',
  'said',
  'says',
]);

/**
 * Whether the NLP pass reads the capitals as an acronym or an organization,
 * not as a word shouted for emphasis ("did NOT", "WATCH:", "UPDATE:") or a
 * name in capitals ("JAKE TAPPER:").
 */
function taggedAsAcronym(paragraphText: string, offsetInParagraph: number): boolean {
  const word = parseParagraph(withPlainSpaces(paragraphText)).words.find((w) => w.start === offsetInParagraph);
  if (!word) return true;
  if (word.tags.includes('Person') || word.tags.includes('Verb') || word.tags.includes('Adjective') || word.tags.includes('Adverb')) return false;
  return word.tags.includes('Acronym') || word.tags.includes('Organization');
}

/**
 * Whether an acronym never spelled out reads as a body the reader must be told about:
 * written after "the" ("the IFPI said"), as agencies, unions and committees are, and
 * never after a maker's name ("Sony's PSP", "the Nintendo DS"). Without "the" it is
 * usually a company or a product known by its letters (BT, MSN, JVC) or a technical
 * term the story explains in its own words; the rule cannot tell which, so it stays quiet.
 */
function namesABody(prose: string, paragraph: Paragraph, start: number, written: string): boolean {
  if (!/(?<!\p{L})[Tt]he $/u.test(prose.slice(Math.max(0, start - 5), start))) return false;
  // Described where it stands: "the IFPI industry body", "the ICM survey", "the IFES, an international ... organisation".
  const after = prose.slice(start + written.length, start + written.length + 40);
  if (/^s?,\s+(?:a|an|the|also known as)\s/.test(after)) return false;
  // "Manufacturers' organisation, the EEF,": described just before.
  if (/\p{L}['’]?,\s+the $/u.test(prose.slice(Math.max(0, start - 12), start))) return false;
  // "athletics' ruling body the IAAF", "CES organisers the CEA": what it is, just before.
  if (
    /(?<!\p{L})(?:body|bodies|organi[sz]ations?|organi[sz]ers|regulator|watchdog|union|group|agency|association|federation|council|party|club|firm|company|authority|commission|committee|charity|institute)\s+the $/u.test(
      prose.slice(Math.max(0, start - 30), start),
    )
  )
    return false;
  const next = parseParagraph(withPlainSpaces(paragraph.text)).words.find((w) => w.start > start - paragraph.start);
  // The tagger keeps no Noun tag: a lower-case word that is no verb, preposition, conjunction... describes it.
  if (next && /^\p{Ll}/u.test(next.text) && !next.tags.some((t) => /Verb|Preposition|Conjunction|Determiner|Adverb|Pronoun/.test(t))) return false;
  for (let at = prose.indexOf(written); at >= 0; at = prose.indexOf(written, at + 1)) {
    const maker = /(?:^|[^.!?\s])\s+(\p{Lu}\p{Ll}+)(?:['’]s)? $/u.exec(prose.slice(Math.max(0, at - 30), at))?.[1];
    if (maker && !functionWords.has(maker.toLowerCase())) return false;
  }
  return true;
}

export const acronymFirstUse: Rule = {
  id: 'acronym-first-use',
  description: 'An acronym used before its expansion, or never spelled out, unless readers know it (FBI, NATO, UN...).',
  defaultSeverity: 'hint',
  cost: 'nlp',
  ...inSteps('acronym-first-use', function* (ctx) {
    const { prose } = ctx.draft;
    const findings: RuleFinding[] = [];
    const judged = new Set<string>();
    for (const paragraph of ctx.draft.paragraphs) {
      if (paragraph.index % 50 === 49) yield;
      if (paragraph.isHeadline || !/\p{Ll}/u.test(paragraph.text)) continue;
      for (const m of paragraph.text.matchAll(acronymPattern)) {
        const start = paragraph.start + m.index!;
        // A plural acronym (NGOs) is the acronym without its s.
        const written = m[0].endsWith('s') ? m[0].slice(0, -1) : m[0];
        const end = start + written.length;
        const letters = written.replace(/\./g, '');
        if (judged.has(letters) || wellKnown.has(letters) || placeholders.has(letters)) continue;
        if (outsideBody(ctx, start) || insideQuotation(ctx, start)) continue;
        if (notAnAcronym(prose, start, end, letters)) continue;
        if (partOfLongerName(prose, start, end) || !taggedAsAcronym(paragraph.text, m.index!)) continue;
        judged.add(letters);
        // Defined right here: "Federal Aviation Administration (FAA)".
        if (prose[start - 1] === '(' && prose[end] === ')') continue;
        // "Campaign for an Independent and Neutral Switzerland, or AUNS"; "PUMAs (Party Unity My A--)".
        if (/\p{L}, or $/u.test(prose.slice(Math.max(0, start - 6), start)) || /^s? \(\p{Lu}/u.test(prose.slice(end, end + 4))) continue;
        const expansion = entityExpansion(ctx, start) ?? findExpansion(ctx, letters);
        if (expansion && expansion.start < start) continue;
        // Spelled out right after it: "DMB for Digital Multimedia Broadcasting", "IS, or Islamic State".
        if (expansion && /^s?(?:,? (?:for|or|meaning|standing for|also known as)|\s*[(:—–-])\s*$/.test(prose.slice(end, expansion.start))) continue;
        // "the TV programme The OC": a title, whatever its letters stand for.
        if (/[^.!?\s] +The $/u.test(prose.slice(Math.max(0, start - 8), start))) continue;
        if (expansion) {
          findings.push({
            start,
            end,
            message: `${written} is used before the story spells it out (${expansion.text}); give the full name on first reference.`,
            fixes: [{ title: `Write ‘${expansion.text} (${written})’`, edits: [{ start, end, text: `${expansion.text} (${written})` }], preferred: true }],
            related: [{ start: expansion.start, end: expansion.end, message: 'spelled out here' }],
          });
        } else if (namesABody(prose, paragraph, start, written)) {
          findings.push({
            start,
            end,
            message: `${written} is never spelled out; give the full name on first reference unless readers know it.`,
            fixes: [],
          });
        }
      }
    }
    return findings;
  }),
};
