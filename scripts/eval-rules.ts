// Measures every rule on folders of published articles:
//   - findings per 100 articles on the untouched text (published copy has been
//     through a copy desk, so this is mostly the false-alarm load);
//   - a mutation test per rule: the fault the rule exists for is injected into
//     real copy (seeded, deterministic); reported are the share of mutations
//     the rule detects (a finding of the rule overlapping the injected fault)
//     and, of the detected ones whose finding offers a preferred fix, the share
//     where that fix restores the original text exactly (null: no fix offered);
//   - the precision of a judged sample: eval/judgments/rules.jsonl holds
//     verdicts on findings (file, line, rule, verdict, reason), never the text.
//     A judged finding counts while a finding of that rule still starts on that
//     line; precision is right / judged over those.
// The last line printed is the JSON summary:
//   {"articles", "warningsPer100", "perRule": {"<id>": {"per100", "precision", "judged", "mutation": {"n", "detected", "fixed"}}}}
//
//   npm run eval:rules -- ../shared/corpora/polnear/dev/text ../shared/corpora/bbc
//     [--rule ID] [--mutations 60] [--seed 1] [--list ID] [--unjudged ID] [--judgments FILE]
//   npm run eval:rules -- --files eval/judgments/heldout.files --judgments eval/judgments/heldout.jsonl
//
// --files LISTFILE adds the articles listed there, one path a line relative to the current
// directory (the repository root under npm; blank lines and lines starting with # skipped),
// to those of any FOLDER given: a fixed sample such as the held-out one (its header says how
// it was drawn);
// --list ID prints every finding of that rule (file, line, context) to judge, --list all
// every finding; the judgments file is read again at the end;
// --unjudged ID prints only those not in the judgments file yet; --missed ID prints
// the mutations that rule did not detect, and those its preferred fix did not restore.
// The corpora are read in place and never copied into the project.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { articleId, articlesFromArguments } from './corpus';
import { analyze, createContext } from '../server/src/analysis/analyze';
import { applyEdits } from '../server/src/analysis/applyFixes';
import { parseDraft } from '../server/src/analysis/draft';
import { analyzeEntities } from '../server/src/analysis/entities';
import { draftLanguageOf } from '../server/src/analysis/settings';
import type { Rule } from '../server/src/analysis/rule';
import { rules } from '../server/src/analysis/rules/index';
import type { AnalysisOptions, Finding } from '../server/src/analysis/types';
import { seededRandom } from '../test/support/seededRandom';

const { values, positionals } = parseArgs({
  options: {
    rule: { type: 'string' },
    mutations: { type: 'string', default: '60' },
    seed: { type: 'string', default: '1' },
    list: { type: 'string' },
    unjudged: { type: 'string' },
    missed: { type: 'string' },
    files: { type: 'string' },
    judgments: { type: 'string', default: join(__dirname, '..', 'eval', 'judgments', 'rules.jsonl') },
  },
  allowPositionals: true,
});
const files = articlesFromArguments(
  'eval-rules',
  'usage: eval-rules.ts FOLDER... [--files LISTFILE] [--rule ID] [--mutations N] [--seed N] [--list ID] [--unjudged ID] [--missed ID]',
  positionals,
  values.files,
);
const selected = values.rule ? rules.filter((r) => r.id === values.rule) : rules;
/** Every rule on, so rules that are off by default are measured too. */
const optionsFor = (file: string, measured: readonly Rule[]): AnalysisOptions => ({
  language: draftLanguageOf(file),
  quoteStyle: 'auto',
  rules: Object.fromEntries(measured.map((r) => [r.id, r.defaultSeverity === 'off' ? 'info' : r.defaultSeverity])),
});

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

// ---------------------------------------------------------------------------
// Findings on the untouched text, and the judged sample

interface Judgment {
  file: string;
  line: number;
  rule: string;
  verdict: 'right' | 'wrong';
  reason: string;
}
const readJudgments = (): Judgment[] =>
  existsSync(values.judgments)
    ? readFileSync(values.judgments, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Judgment)
    : [];
const judgedKey = (file: string, line: number, rule: string) => `${file}\t${line}\t${rule}`;
const judgedKeys = new Set(readJudgments().map((j) => judgedKey(j.file, j.line, j.rule)));

const counts = new Map<string, number>(selected.map((r) => [r.id, 0]));
/** Where each rule's findings start in each untouched article: a mutation is detected only by a new finding. */
const originalStarts = new Map<string, Set<number>>();
const firing = new Set<string>();
let warningsAndErrors = 0;
const texts = new Map<string, string>();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  texts.set(file, text);
  const id = articleId(file);
  const result = analyze(text, optionsFor(file, selected), 'all', selected);
  for (const failure of result.failures) process.stderr.write(`rule ${failure.ruleId} failed on ${id}: ${String(failure.error)}\n`);
  for (const finding of result.findings) {
    counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
    const key = `${file}\t${finding.ruleId}`;
    (originalStarts.get(key) ?? originalStarts.set(key, new Set()).get(key)!).add(finding.start);
    // Warnings and errors at the rules' default severities: what a reporter sees.
    if (finding.severity === 'warning' || finding.severity === 'error') warningsAndErrors++;
    const line = lineOf(text, finding.start);
    firing.add(judgedKey(id, line, finding.ruleId));
    const listed =
      values.list === finding.ruleId || values.list === 'all' || (values.unjudged === finding.ruleId && !judgedKeys.has(judgedKey(id, line, finding.ruleId)));
    if (listed) {
      const from = Math.max(0, finding.start - 90);
      const to = Math.min(text.length, finding.end + 90);
      const context = `${text.slice(from, finding.start)}⟦${text.slice(finding.start, finding.end)}⟧${text.slice(finding.end, to)}`.replace(/\s+/g, ' ');
      console.log(
        `${id}\t${line}\t${finding.ruleId}\t${finding.severity}\t${context}\n    → ${finding.message}${finding.fixes[0] ? ` [fix: ${finding.fixes[0].title}]` : ''}`,
      );
    }
  }
}

// ---------------------------------------------------------------------------
// Mutations: each returns the mutated text and the span of the injected fault,
// or undefined when the article offers no place for this fault.

interface Mutation {
  text: string;
  start: number;
  end: number;
}
type Mutator = (text: string, file: string, random: () => number) => Mutation | undefined;

const pick = <T>(items: readonly T[], random: () => number): T | undefined => (items.length === 0 ? undefined : items[Math.floor(random() * items.length)]);
const matchesOf = (text: string, pattern: RegExp) => [...text.matchAll(pattern)];

function peopleOf(text: string, file: string) {
  const options = optionsFor(file, []);
  return analyzeEntities(createContext(parseDraft(text, options.language), options)).entities.filter((e) => e.type === 'person');
}

/** One letter of a word changed, keeping its first and last letters. */
function misspell(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const vowels = 'aeiou';
  const replacement = vowels.includes(word[at]) ? vowels[(vowels.indexOf(word[at]) + 1) % 5] : word[at] === 'n' ? 'm' : 'n';
  return word.slice(0, at) + replacement + word.slice(at + 1);
}

const mutators: Record<string, Mutator> = {
  // A surname misspelt by one letter in a later mention.
  'name-variant': (text, file, random) => {
    const candidates = peopleOf(text, file).flatMap((person) => {
      const surnameMentions = person.mentions.filter((m) => /^\p{Lu}\p{Ll}{4,}$/u.test(m.text));
      return surnameMentions.length >= 2 ? surnameMentions.slice(1) : [];
    });
    const m = pick(candidates, random);
    if (!m) return undefined;
    const wrong = misspell(m.text, random);
    return { text: text.slice(0, m.start) + wrong + text.slice(m.end), start: m.start, end: m.start + wrong.length };
  },
  // The first full-name mention cut to the surname, where no title stands before it.
  'first-reference': (text, file, random) => {
    const candidates = peopleOf(text, file).flatMap((person) => {
      const first = person.mentions[0];
      if (!first || !/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u.test(first.text) || person.mentions.length < 2) return [];
      if (/\p{Lu}[\p{L}.]*\s+$/u.test(text.slice(Math.max(0, first.start - 20), first.start))) return [];
      return [first];
    });
    const m = pick(candidates, random);
    if (!m) return undefined;
    const surname = m.text.split(' ')[1];
    return { text: text.slice(0, m.start) + surname + text.slice(m.end), start: m.start, end: m.start + surname.length };
  },
  // "said" attributing a quotation turned into "claimed".
  'attribution-verb': (text, _file, random) => {
    const m = pick(matchesOf(text, /[,?!]["”]\s+(?:(?:he|she|\p{Lu}\p{Ll}+)\s+)?(said)\b/gu), random);
    if (!m) return undefined;
    const start = m.index! + m[0].length - 4;
    return { text: text.slice(0, start) + 'claimed' + text.slice(start + 4), start, end: start + 7 };
  },
  // A "More news:" line before a paragraph, or a TK after a word.
  leftover: (text, _file, random) => {
    if (random() < 0.5) {
      const m = pick(matchesOf(text, /\n\n(?=\p{Lu})/gu), random);
      if (!m) return undefined;
      const at = m.index! + 2;
      const line = 'More news: Council approves the new budget\n';
      return { text: text.slice(0, at) + line + text.slice(at), start: at, end: at + line.length - 1 };
    }
    const m = pick(matchesOf(text, /\b\p{Ll}{4,} (?=\p{Ll}{4,}\b)/gu), random);
    if (!m) return undefined;
    const at = m.index! + m[0].length;
    return { text: text.slice(0, at) + 'TK ' + text.slice(at), start: at, end: at + 2 };
  },
  // "Oct. 12" spelt out as "October 12".
  'ap-style': (text, _file, random) => {
    const months: Record<string, string> = {
      Jan: 'January',
      Feb: 'February',
      Aug: 'August',
      Sept: 'September',
      Oct: 'October',
      Nov: 'November',
      Dec: 'December',
    };
    const m = pick(matchesOf(text, /\b(Jan|Feb|Aug|Sept|Oct|Nov|Dec)\. (?=\d{1,2}\b)/g), random);
    if (!m) return undefined;
    const full = `${months[m[1]]} `;
    return { text: text.slice(0, m.index!) + full + text.slice(m.index! + m[0].length), start: m.index!, end: m.index! + full.length + 2 };
  },
  // A paragraph '"...," Name said.' loses its attribution, where neither neighbour holds a quotation.
  'unattributed-quote': (text, _file, random) => {
    const candidates = matchesOf(
      text,
      /(?<=^|\n)(["“])([^"“”\n]{30,400}),(["”]) (?:[\p{Lu}\p{Ll}][\p{L}.'’-]*\s+){0,4}said(?: [^.\n"“”]{0,40})?\.(?=\r?\n|$)/gu,
    ).filter((m) => {
      const before =
        text
          .slice(Math.max(0, m.index! - 400), m.index!)
          .split(/\n\s*\n/)
          .at(-2) ?? '';
      const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 400).split(/\n\s*\n/)[1] ?? '';
      return !/["“”]/.test(before) && !/["“”]/.test(after);
    });
    const m = pick(candidates, random);
    if (!m) return undefined;
    const quotation = `${m[1]}${m[2]}.${m[3]}`;
    return { text: text.slice(0, m.index!) + quotation + text.slice(m.index! + m[0].length), start: m.index!, end: m.index! + quotation.length };
  },
  // "the Federal Aviation Administration (FAA)" cut to "the FAA", where the acronym recurs.
  'acronym-first-use': (text, _file, random) => {
    const candidates = matchesOf(text, /\b((?:\p{Lu}\p{Ll}+\s+(?:(?:of|for|and|the|on)\s+)*){1,8})\((\p{Lu}{2,6})\)/gu).flatMap((m) => {
      // The expansion is the run of words whose initials spell the acronym, ending at the parenthesis.
      const words = m[1].trim().split(/\s+/);
      for (let drop = 0; drop < words.length; drop++) {
        const expansion = words.slice(drop).join(' ');
        if (/^\p{Lu}/u.test(expansion) && expansion.match(/\p{Lu}/gu)!.join('') === m[2]) {
          const start = m.index! + m[1].indexOf(words[drop]);
          return text.indexOf(m[2], m.index! + m[0].length) > 0 ? [{ start, end: m.index! + m[0].length, acronym: m[2] }] : [];
        }
      }
      return [];
    });
    const c = pick(candidates, random);
    if (!c) return undefined;
    return { text: text.slice(0, c.start) + c.acronym + text.slice(c.end), start: c.start, end: c.start + c.acronym.length };
  },
  // Two sentences of one paragraph run together with ", and" past the limit.
  'long-sentence': (text, _file, random) => {
    const candidates = matchesOf(text, /(?<=^|\n)[^\n]+/g).flatMap((p) => {
      const joins = matchesOf(p[0], /([a-z]{3,})\. (?=(?:The|It|He|She|They|But|This|That|In|A) [a-z])/g);
      return joins.map((j) => ({ at: p.index! + j.index! + j[1].length, words: p[0].split(/\s+/).length })).filter((c) => c.words > 55);
    });
    const c = pick(candidates, random);
    if (!c) return undefined;
    const mutated = text.slice(0, c.at) + ', and ' + text[c.at + 2].toLowerCase() + text.slice(c.at + 3);
    return { text: mutated, start: c.at, end: c.at + 6 };
  },
  // The lede merged with the paragraph after it, past the limit.
  'long-lede': (text, file) => {
    const options = optionsFor(file, []);
    const draft = parseDraft(text, options.language);
    const lede = draft.paragraphs.find((p) => !p.isHeadline && p.kind === 'prose');
    const next = lede && draft.paragraphs[lede.index + 1];
    if (!lede || !next || next.kind !== 'prose' || (lede.text + next.text).split(/\s+/).length < 50) return undefined;
    return { text: text.slice(0, lede.end) + ' ' + text.slice(next.start), start: lede.start, end: next.end - (next.start - lede.end) + 1 };
  },
  // One pair of curly marks made straight, in an article that uses curly marks.
  'mixed-quotes': (text, _file, random) => {
    if (/"/.test(text)) return undefined;
    const m = pick(matchesOf(text, /“[^“”\n]{3,200}”/g), random);
    if (!m) return undefined;
    const straight = `"${m[0].slice(1, -1)}"`;
    return { text: text.slice(0, m.index!) + straight + text.slice(m.index! + m[0].length), start: m.index!, end: m.index! + straight.length };
  },
  // A quotation's closing mark dropped.
  'unbalanced-quote': (text, _file, random) => {
    const m = pick(matchesOf(text, /[,.](["”])(?= (?:he|she|\p{Lu}\p{Ll}+) said)/gu), random);
    if (!m) return undefined;
    const at = m.index! + 1;
    return { text: text.slice(0, at) + text.slice(at + 1), start: Math.max(0, at - 1), end: at };
  },
  // A closing and an opening mark around an attribution dropped: "A, Name said. B."
  'swallowed-attribution': (text, _file, random) => {
    const m = pick(matchesOf(text, /,(["”]) ((?:[\p{Lu}][\p{L}.'’-]*\s+){1,4}said)\. (["“])(?=\p{Lu})/gu), random);
    if (!m) return undefined;
    const replaced = `, ${m[2]}. `;
    return { text: text.slice(0, m.index!) + replaced + text.slice(m.index! + m[0].length), start: m.index!, end: m.index! + replaced.length };
  },
};

interface MutationScore {
  n: number;
  detected: number | null;
  fixed: number | null;
}

function mutationScore(rule: Rule): MutationScore {
  const mutate = mutators[rule.id];
  if (!mutate) return { n: 0, detected: null, fixed: null };
  const random = seededRandom(Number(values.seed) * 7919 + rule.id.length);
  const limit = Number(values.mutations);
  // Articles in a seeded order, so every rule samples the whole corpus.
  const order = [...files];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let n = 0;
  let detected = 0;
  let withFix = 0;
  let restored = 0;
  for (const file of order) {
    if (n >= limit) break;
    const original = texts.get(file)!;
    const mutation = mutate(original, file, random);
    if (!mutation || mutation.text === original) continue;
    n++;
    const result = analyze(mutation.text, optionsFor(file, [rule]), 'all', [rule]);
    // A new finding on the mutated line (a quotation's finding may sit at its other end), the one
    // overlapping the fault first.
    const delta = mutation.text.length - original.length;
    const before = originalStarts.get(`${file}\t${rule.id}`) ?? new Set<number>();
    const lineStart = mutation.text.lastIndexOf('\n', mutation.start - 1) + 1;
    const lineEnd = mutation.text.indexOf('\n', mutation.end) < 0 ? mutation.text.length : mutation.text.indexOf('\n', mutation.end);
    const fresh = result.findings.filter(
      (f: Finding) => f.start <= lineEnd && f.end >= lineStart && !before.has(f.start < mutation.start ? f.start : f.start - delta),
    );
    const hit = fresh.find((f) => f.start <= mutation.end && f.end >= mutation.start) ?? fresh[0];
    if (!hit) {
      if (values.missed === rule.id) {
        const from = Math.max(0, mutation.start - 90);
        const to = Math.min(mutation.text.length, mutation.end + 90);
        const context = `${mutation.text.slice(from, mutation.start)}⟦${mutation.text.slice(mutation.start, mutation.end)}⟧${mutation.text.slice(mutation.end, to)}`;
        console.log(`missed\t${articleId(file)}\t${lineOf(mutation.text, mutation.start)}\t${context.replace(/\s+/g, ' ')}`);
      }
      continue;
    }
    detected++;
    const preferred = hit.fixes.find((f) => f.preferred) ?? (hit.fixes.length === 1 ? hit.fixes[0] : undefined);
    if (!preferred) continue;
    withFix++;
    const edits = [...preferred.edits].sort((a, b) => a.start - b.start);
    const repaired = applyEdits(mutation.text, edits);
    if (repaired === original) restored++;
    else if (values.missed === rule.id) {
      let at = 0;
      while (at < original.length && original[at] === repaired[at]) at++;
      const context = (t: string) => t.slice(Math.max(0, at - 60), at + 60).replace(/\s+/g, ' ');
      console.log(`unrestored\t${articleId(file)}\t${preferred.title}\n    original: ${context(original)}\n    fixed:    ${context(repaired)}`);
    }
  }
  const share = (x: number, of: number) => (of === 0 ? null : Math.round((x / of) * 1000) / 1000);
  return { n, detected: share(detected, n), fixed: share(restored, withFix) };
}

// ---------------------------------------------------------------------------

// Read last, so verdicts written while the mutations run still count.
const judgments = readJudgments();
const perRule: Record<string, { per100: number; precision: number | null; judged: number; mutation: MutationScore }> = {};
const judgedRight = new Map<string, number>();
for (const rule of selected) {
  const judged = judgments.filter((j) => j.rule === rule.id && firing.has(judgedKey(j.file, j.line, j.rule)));
  const right = judged.filter((j) => j.verdict === 'right').length;
  judgedRight.set(rule.id, right);
  perRule[rule.id] = {
    per100: Math.round(((counts.get(rule.id) ?? 0) / files.length) * 1000) / 10,
    precision: judged.length === 0 ? null : Math.round((right / judged.length) * 1000) / 1000,
    judged: judged.length,
    mutation: mutationScore(rule),
  };
}
// The judged lines summed, over every rule measured and over the rules a writer gets without
// changing a setting: a rule off by default is measured here, but nobody sees its findings.
const tally = (ids: readonly string[]) => {
  const judged = ids.reduce((n, id) => n + perRule[id].judged, 0);
  const right = ids.reduce((n, id) => n + (judgedRight.get(id) ?? 0), 0);
  return `${right} right of ${judged}${judged === 0 ? '' : ` (${((right / judged) * 100).toFixed(1)}%)`}`;
};
console.log(
  `judged lines: every rule ${tally(selected.map((r) => r.id))}; rules on by default ${tally(selected.filter((r) => r.defaultSeverity !== 'off').map((r) => r.id))}`,
);
console.log(JSON.stringify({ articles: files.length, warningsPer100: Math.round((warningsAndErrors / files.length) * 1000) / 10, perRule }));
