// Scores who Copydesk credits with each direct quotation against PolNeAR's
// gold attributions (brat standoff: Source, Cue and Content spans, and
// Attribution relations between them).
//
//   npm run eval:attribution -- ../shared/corpora/polnear/dev [--list pronoun|named|wrong|misses|judged] [--misses] [--judged FILE] [--limit N]
//
// A gold direct quotation is a Content span that holds a quotation mark. It is
// matched to Copydesk's quotations by overlap; the speakers Copydesk credits
// are the entities whose attributed quotations overlap it.
// - Gold source that names a person or organization: a credited quotation is
//   right when every credited entity is the source (one of its mentions
//   overlaps the gold source span, or its name is in the source's words after
//   folding). Precision = right / credited, recall = right / all.
// - Gold source that is a pronoun or a role noun ("he", "the spokesman"): the
//   share credited. Which of those are right was judged by hand: the judged
//   file (test/data/attribution-judgments.json) keeps, for each judged
//   quotation, the offset of a mention of its true speaker, so the script
//   re-checks the judgments against what Copydesk credits now.
// - --misses: the gold quotations not credited to their speaker, by cause
//   (the first that applies, in the order of \`causes\` below); --list misses
//   prints each one with its cause.
// The corpus is read in place and never copied; the judgments hold offsets, not text.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createContext } from '../server/src/analysis/analyze';
import { parseDraft } from '../server/src/analysis/draft';
import { isSpeechVerb } from '../server/src/analysis/attribution';
import type { Paragraph } from '../server/src/analysis/draft';
import { analyzeEntities, type Entity } from '../server/src/analysis/entities';
import { foldName } from '../server/src/analysis/nlp';
import { analyzeQuotes } from '../server/src/analysis/quotes';
import { defaultOptions } from '../server/src/analysis/types';

const { values, positionals } = parseArgs({
  options: {
    list: { type: 'string' },
    misses: { type: 'boolean', default: false },
    limit: { type: 'string' },
    judged: { type: 'string', default: join(__dirname, '..', 'test', 'data', 'attribution-judgments.json') },
  },
  allowPositionals: true,
});
const folder = positionals[0];
if (!folder || !existsSync(join(folder, 'attributions'))) {
  process.stderr.write(
    'usage: eval-attribution.ts POLNEAR_SPLIT_FOLDER (with text/ and attributions/) [--list pronoun|named|wrong|misses|judged] [--misses] [--judged FILE]\n',
  );
  process.exit(2);
}

interface Span {
  start: number;
  end: number;
}
interface GoldQuote {
  content: Span[];
  source: Span[];
  sourceText: string;
  /** The cue's words ("said", "told reporters"), or undefined when the attribution has none. */
  cueText?: string;
}

/** Reads a brat .ann file: text-bound annotations and Attribution events. */
function readGold(ann: string): GoldQuote[] {
  const spans = new Map<string, { type: string; spans: Span[]; text: string }>();
  const events: Map<string, string>[] = [];
  for (const line of ann.split('\n')) {
    const t = /^(T\d+)\t(\S+) ([\d ;]+)\t(.*)$/.exec(line);
    if (t) {
      const parts = t[3].split(';').map((p) => p.trim().split(' ').map(Number));
      spans.set(t[1], { type: t[2], spans: parts.map(([start, end]) => ({ start, end })), text: t[4] });
      continue;
    }
    const e = /^E\d+\t(.*)$/.exec(line);
    if (e)
      events.push(
        new Map(
          e[1]
            .trim()
            .split(/\s+/)
            .map((arg) => arg.split(':') as [string, string]),
        ),
      );
  }
  const quotes: GoldQuote[] = [];
  for (const event of events) {
    const content = spans.get(event.get('Content') ?? '');
    const source = spans.get(event.get('Source') ?? '');
    if (!content || !source) continue;
    quotes.push({ content: content.spans, source: source.spans, sourceText: source.text, cueText: spans.get(event.get('Cue') ?? '')?.text });
  }
  return quotes;
}

// The New York Times' copy in PolNeAR opens and closes quotations with two straight single marks ('').
const quotationMark = /["“”«»„]|''/;
const pronouns = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'him', 'her', 'them', 'you', 'his', 'its', 'their', 'me', 'us', 'one', 'who']);

type SourceKind = 'named' | 'pronoun' | 'role';
const determiners = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'his',
  'her',
  'its',
  'their',
  'our',
  'one',
  'some',
  'many',
  'most',
  'several',
  'other',
  'another',
  'both',
  'two',
  'three',
  'all',
  'each',
  'every',
  'no',
]);
function classifySource(sourceText: string): SourceKind {
  const words = sourceText
    .replace(/[’']s$/, '')
    .split(/[\s,]+/)
    .filter((w) => /\p{L}/u.test(w));
  if (words.length === 1 && pronouns.has(words[0].toLowerCase())) return 'pronoun';
  // A name: the head (last word) is capitalised, as in "Sen. Ted Cruz" or "the Washington Post",
  // or the source opens with a name, as in "Joseph, who has four children".
  const head = words[words.length - 1] ?? '';
  const opening = words[0] ?? '';
  const opensWithName = /^\p{Lu}/u.test(opening) && !determiners.has(opening.toLowerCase());
  return /^\p{Lu}/u.test(head) || opensWithName ? 'named' : 'role';
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const wordsOf = (s: string) =>
  ` ${foldName(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

function isSource(entity: Entity, gold: GoldQuote): boolean {
  if (entity.mentions.some((m) => gold.source.some((s) => overlaps(m, s)))) return true;
  const source = wordsOf(gold.sourceText);
  return [entity.name, ...entity.aliases].some((name) => {
    const folded = wordsOf(name);
    return folded.trim().length > 1 && source.includes(folded);
  });
}

/** Why a gold quotation was not credited to its speaker: the first cause that applies, in this order. */
const causes = [
  'quotation not found',
  'credited to someone else',
  'speaker not an entity',
  'joint statement',
  'source in an earlier paragraph',
  'source in a later paragraph',
  'according to',
  'no cue',
  'dash credit after the quotation',
  'cue verb unknown',
  'plural or first-person pronoun',
  'colon before the quotation',
  'speaker before the quotation',
  'speaker after the quotation',
] as const;
type Cause = (typeof causes)[number];

function causeOfMiss(text: string, paragraphs: Paragraph[], gold: GoldQuote, found: boolean, credited: Entity[], entities: Entity[], kind: SourceKind): Cause {
  if (!found) return 'quotation not found';
  if (credited.length > 0) return 'credited to someone else';
  if (kind === 'named' && !entities.some((e) => isSource(e, gold))) return 'speaker not an entity';
  if (/\s(?:and|&)\s/u.test(gold.sourceText) && kind === 'named') return 'joint statement';
  const paragraphOf = (offset: number) => paragraphs.findIndex((p) => offset >= p.start && offset <= p.end);
  const source = gold.source[0];
  const content = gold.content[0];
  const sourceParagraph = paragraphOf(source.start);
  const contentParagraph = paragraphOf(content.start);
  if (sourceParagraph < contentParagraph) return 'source in an earlier paragraph';
  if (sourceParagraph > contentParagraph) return 'source in a later paragraph';
  if (/\baccording\s+to\s*$/i.test(text.slice(Math.max(0, source.start - 20), source.start))) return 'according to';
  if (gold.cueText === undefined) return 'no cue';
  const lastContent = gold.content[gold.content.length - 1];
  if (source.start >= lastContent.end && /^[\s"”.,]*[―—–-]\s*$/.test(text.slice(lastContent.end, source.start))) return 'dash credit after the quotation';
  if (!gold.cueText.split(/[^\p{L}]+/u).some(isSpeechVerb)) return 'cue verb unknown';
  if (kind === 'pronoun' && !/^(?:he|she)$/i.test(gold.sourceText.trim())) return 'plural or first-person pronoun';
  if (source.end <= content.start) {
    return /:\s*["“]?\s*$/.test(text.slice(source.end, content.start)) ? 'colon before the quotation' : 'speaker before the quotation';
  }
  return 'speaker after the quotation';
}

interface Judgment {
  file: string;
  /** Start of the gold quotation's content. */
  offset: number;
  /** Offset of a mention of the true speaker, or null when the story never names them. */
  speakerAt: number | null;
  /** What the quotation was credited with when judged: right or wrong. */
  verdict: 'right' | 'wrong';
}
const judgments: Judgment[] = existsSync(values.judged!) ? JSON.parse(readFileSync(values.judged!, 'utf8')).judgments : [];
const judgmentsByFile = new Map<string, Judgment[]>();
for (const j of judgments) (judgmentsByFile.get(j.file) ?? judgmentsByFile.set(j.file, []).get(j.file)!).push(j);

const counts = {
  articles: 0,
  named: { gold: 0, found: 0, credited: 0, right: 0 },
  pronoun: { gold: 0, credited: 0 },
  role: { gold: 0, credited: 0 },
  judged: { total: 0, right: 0, stillCredited: 0 },
  misses: { named: new Map<Cause, number>(), pronoun: new Map<Cause, number>(), role: new Map<Cause, number>() },
};
const textFiles = new Map(readdirSync(join(folder, 'text')).map((f) => [f.replace(/\.txt$/, ''), f]));
const seenTexts = new Set<string>();
const started = performance.now();
for (const annFile of readdirSync(join(folder, 'attributions'))
  .filter((f) => f.endsWith('.ann'))
  .sort()) {
  const stem = annFile.replace(/_[0-9a-f]{4}\.ann$/, '').replace(/\.ann$/, '');
  const textFile = textFiles.get(stem);
  // Some articles were annotated twice; the first annotation (by file name) counts.
  if (!textFile || seenTexts.has(textFile)) continue;
  if (values.limit && counts.articles >= Number(values.limit)) break;
  seenTexts.add(textFile);
  counts.articles++;
  const text = readFileSync(join(folder, 'text', textFile), 'utf8');
  const ctx = createContext(parseDraft(text, 'plaintext'), defaultOptions);
  const { entities } = analyzeEntities(ctx);
  const found = analyzeQuotes(ctx).quotations.filter((q) => q.depth === 0);
  const credits = entities.flatMap((entity) => entity.quotes.map((q) => ({ entity, start: q.start, end: q.end })));
  const creditedFor = (content: Span[]) => [...new Set(credits.filter((c) => content.some((s) => overlaps(c, s))).map((c) => c.entity))];

  const goldQuotes = readGold(readFileSync(join(folder, 'attributions', annFile), 'utf8')).filter((g) =>
    g.content.some((s) => quotationMark.test(text.slice(s.start, s.end))),
  );
  for (const gold of goldQuotes) {
    const kind = classifySource(gold.sourceText);
    const speakers = creditedFor(gold.content);
    const at = gold.content[0].start;
    const context = () => text.slice(Math.max(0, at - 100), at + 120).replace(/\s+/g, ' ');
    const quotationFound = found.some((q) => gold.content.some((s) => overlaps({ start: q.contentStart, end: q.contentEnd }, s)));
    const right = kind === 'named' && speakers.length > 0 && speakers.every((e) => isSource(e, gold));
    if (!right && (kind === 'named' || speakers.length === 0)) {
      const cause = causeOfMiss(text, ctx.draft.paragraphs, gold, quotationFound, speakers, entities, kind);
      const tally = counts.misses[kind];
      tally.set(cause, (tally.get(cause) ?? 0) + 1);
      if (values.list === 'misses') console.log(`${kind} ${cause}\t${textFile}@${at} gold=${gold.sourceText} cue=${gold.cueText ?? ''}: ${context()}`);
    }
    if (kind === 'named') {
      counts.named.gold++;
      if (quotationFound) counts.named.found++;
      if (speakers.length === 0) {
        if (values.list === 'named') console.log(`MISS ${textFile}@${at} gold=${gold.sourceText}: ${context()}`);
        continue;
      }
      counts.named.credited++;
      if (right) counts.named.right++;
      else if (values.list === 'wrong' || values.list === 'named')
        console.log(`WRONG ${textFile}@${at} gold=${gold.sourceText} credited=${speakers.map((e) => e.name).join('+')}: ${context()}`);
    } else {
      counts[kind].gold++;
      if (speakers.length > 0) counts[kind].credited++;
      if (values.list === 'pronoun' && speakers.length > 0) {
        console.log(
          `${textFile}\t${at}\tgold=${gold.sourceText}\tcredited=${speakers.map((e) => `${e.name}@${e.mentions.map((m) => m.start).join(',')}`).join('+')}\t${context()}`,
        );
      }
    }
  }
  for (const judgment of judgmentsByFile.get(textFile) ?? []) {
    counts.judged.total++;
    const gold = goldQuotes.find((g) => g.content[0].start === judgment.offset);
    const speakers = gold ? creditedFor(gold.content) : [];
    if (speakers.length > 0) counts.judged.stillCredited++;
    const right =
      judgment.speakerAt !== null &&
      speakers.length > 0 &&
      speakers.every((e) => e.mentions.some((m) => m.start <= judgment.speakerAt! && judgment.speakerAt! < m.end));
    if (right) counts.judged.right++;
    else if (values.list === 'judged') {
      const truth = judgment.speakerAt === null ? 'unnamed' : text.slice(judgment.speakerAt, judgment.speakerAt + 24).split(/[,.;:]/)[0];
      console.log(`JUDGED-WRONG ${textFile}@${judgment.offset} speaker=${truth} credited=${speakers.map((e) => e.name).join('+') || '(none)'}`);
    }
  }
}

const percent = (a: number, b: number) => (b === 0 ? null : Math.round((1000 * a) / b) / 10);
const summary = {
  split: basename(folder),
  articles: counts.articles,
  named: {
    gold: counts.named.gold,
    quotationFound: counts.named.found,
    credited: counts.named.credited,
    right: counts.named.right,
    precision: percent(counts.named.right, counts.named.credited),
    recall: percent(counts.named.right, counts.named.gold),
  },
  pronoun: { ...counts.pronoun, creditedShare: percent(counts.pronoun.credited, counts.pronoun.gold) },
  roleNoun: { ...counts.role, creditedShare: percent(counts.role.credited, counts.role.gold) },
  judged: {
    ...counts.judged,
    rightShare: percent(counts.judged.right, counts.judged.total),
    rightOfCreditedShare: percent(counts.judged.right, counts.judged.stillCredited),
  },
  seconds: Math.round((performance.now() - started) / 100) / 10,
};
console.log(
  `named sources: precision ${summary.named.precision}%, recall ${summary.named.recall}% (${summary.named.right} right of ${summary.named.credited} credited, ${summary.named.gold} gold)`,
);
console.log(`pronoun sources: ${counts.pronoun.credited} of ${counts.pronoun.gold} credited; role nouns: ${counts.role.credited} of ${counts.role.gold}`);
console.log(
  `hand-judged pronoun/role attributions: ${counts.judged.right} of ${counts.judged.total} right; ${counts.judged.stillCredited} of them credited now, ${summary.judged.rightOfCreditedShare}% of those right`,
);
if (values.misses) {
  for (const kind of ['named', 'pronoun', 'role'] as const) {
    const tally = counts.misses[kind];
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    console.log(`${kind === 'role' ? 'role-noun' : kind} sources ${kind === 'named' ? 'not credited to their speaker' : 'not credited'}: ${total}`);
    for (const cause of causes) if (tally.has(cause)) console.log(`  ${String(tally.get(cause)).padStart(4)}  ${cause}`);
  }
}
console.log(JSON.stringify(summary));
