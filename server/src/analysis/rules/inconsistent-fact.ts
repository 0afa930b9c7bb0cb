// inconsistent-fact — the story gives one person two different titles, ages
// or party affiliations, or one acronym two different expansions.
//
// Bad:  Mayor Lena Fortescue said ... (line 4)   Councilwoman Lena Fortescue said ... (line 11)
//       Ilona Varga, 57, ...                      Varga, 58, ...
//       Sen. Ted Cruz (R-Texas) ...               Ted Cruz (D-Texas) ...
//       the Federal Bureau of Investigation (FBI) ... the Federal Bureau of Intelligence (FBI)
// Good: Mayor Lena Fortescue ... former Mayor Lena Fortescue   (a past title is not a conflict)
//       Gov. Ana Ruiz ... Colorado Gov. Ana Ruiz                (a longer form of the same title)
//       Sen. Ted Cruz ... Republican presidential candidate Ted Cruz  (a description, not a formal title)
//
// Titles are compared only where they stand before a full name and end in a
// capitalised formal title, so a role in passing ("campaign manager") never
// counts. Each side of a conflict gets a finding whose fix takes the other
// side's words: "Use the title from line 4". Only the reporter knows which is
// right, so neither fix is safe.

import { analyzeEntities } from '../entities';
import { analyzeFacts, factSteps, nameWithoutTitle, type Fact, type FactKind } from '../facts';
import { draftLineStarts, lineNumberAt } from '../lines';
import { foldName } from '../nlp';
import type { Rule, RuleContext } from '../rule';
import type { RuleFinding } from '../types';

/** Spellings of one title: "Sen." is "Senator", "Rep." is "Representative", "Prof" is "Professor". */
const sameTitle: Record<string, string> = {
  sen: 'senator',
  sens: 'senator',
  rep: 'representative',
  reps: 'representative',
  congressman: 'representative',
  congresswoman: 'representative',
  gov: 'governor',
  govs: 'governor',
  lt: 'lieutenant',
  gen: 'general',
  col: 'colonel',
  maj: 'major',
  capt: 'captain',
  sgt: 'sergeant',
  adm: 'admiral',
  supt: 'superintendent',
  atty: 'attorney',
  prof: 'professor',
  profs: 'professor',
  pres: 'president',
  det: 'detective',
  insp: 'inspector',
  cmdr: 'commander',
  amb: 'ambassador',
  chairman: 'chair',
  chairwoman: 'chair',
  chairperson: 'chair',
  councilman: 'councilmember',
  councilwoman: 'councilmember',
};
const noise = new Set(['the', 'of', 'for', 'and']);

function titleWords(title: string): string[] {
  return foldName(title)
    .split(/[^\p{L}]+/u)
    .filter((w) => w && !noise.has(w))
    .map((w) => sameTitle[w] ?? w);
}

/** A formal title before a full name: "Mayor", "Transit Board Chair", "Sen.". */
function isFormalTitle(fact: Fact): boolean {
  const words = fact.text.trim().split(/\s+/);
  return (
    fact.mention.text.includes(' ') &&
    /^\p{Lu}/u.test(words[words.length - 1]) &&
    fact.end <= fact.mention.start + fact.mention.text.length &&
    fact.start <= fact.mention.start
  );
}

/** Whether two facts of one kind say the same thing (or one says more of it). */
function agree(kind: FactKind, a: Fact, b: Fact): boolean {
  if (kind === 'age') return a.text === b.text;
  if (kind === 'affiliation') return a.party === b.party;
  const x = titleWords(a.text);
  const y = titleWords(b.text);
  // "Gov." and "Colorado Gov.", "Federal Bureau of Investigation" and "the Federal Bureau of Investigation".
  return x.every((w) => y.includes(w)) || y.every((w) => x.includes(w));
}

const what: Record<FactKind, string> = { title: 'title', age: 'age', affiliation: 'affiliation', description: 'description', expansion: 'expansion' };

/** Which facts of a kind take part in the comparison. */
function comparable(kind: FactKind, fact: Fact): boolean {
  if (fact.past) return false;
  if (kind === 'title') return fact.kind === 'title' && isFormalTitle(fact) && !organizationPost.test(fact.text);
  // "Democratic presidential candidate Sen. Bernie Sanders (I-Vt.)": a party before a name may be the race, not the member.
  if (kind === 'affiliation') return fact.kind === 'affiliation' && fact.party !== undefined && shapeOf(fact) !== 'prefix';
  return fact.kind === kind;
}

/** The fix writes the other side's words here only where the two read alike: both "(R-Texas)", both "a ... Republican". */
function sameShape(a: Fact, b: Fact): boolean {
  return a.kind !== 'affiliation' || shapeOf(a) === shapeOf(b);
}

function shapeOf(fact: Fact): 'bracket' | 'appositive' | 'prefix' {
  return /^[RDILG]\s*[-–]/.test(fact.text) ? 'bracket' : /^an?\s/.test(fact.text) ? 'appositive' : 'prefix';
}

/**
 * A post in a body ("Senate Foreign Relations Committee Chairman") sits beside
 * an office ("Sen.") rather than replacing it: such titles are not compared.
 */
const organizationPost =
  /\b(?:Committee|Subcommittee|Board|Council|Caucus|Commission|Party|Conference|Foundation|Department|Agency|Association|Club|Campaign|Court)\b/u;

function conflictFindings(ctx: RuleContext, subject: string, kind: FactKind, facts: Fact[]): RuleFinding[] {
  // Once per draft: counting the lines before each fact again took 10-20 ms on a 100,000-word draft.
  const lineStarts = draftLineStarts(ctx);
  const first = facts[0];
  const findings: RuleFinding[] = [];
  const reported: Fact[] = [];
  for (const fact of facts.slice(1)) {
    if (agree(kind, first, fact) || reported.some((r) => agree(kind, r, fact))) continue;
    reported.push(fact);
    for (const [here, there] of [
      [fact, first],
      [first, fact],
    ] as const) {
      const line = lineNumberAt(lineStarts, there.start);
      findings.push({
        start: here.start,
        end: here.end,
        message: `The story gives ${subject} two different ${kind === 'expansion' ? 'expansions' : `${what[kind]}s`}: “${here.text}” here and “${there.text}” on line ${line}.`,
        related: [{ start: there.start, end: there.end, message: `${what[kind]} on line ${line}` }],
        fixes: sameShape(here, there)
          ? [{ title: `Use the ${what[kind]} from line ${line}`, edits: [{ start: here.start, end: here.end, text: there.text }], preferred: here === fact }]
          : [],
      });
    }
  }
  return findings;
}

export const inconsistentFact: Rule = {
  id: 'inconsistent-fact',
  description: 'One person given two different titles, ages or party affiliations, or one acronym two different expansions.',
  // A hint until it is shown right on real copy: on PolNeAR train its first 10 findings were all false, and after
  // those fixes it finds none there, so nothing yet proves it right 90% of the time.
  defaultSeverity: 'hint',
  cost: 'nlp',
  prepare: factSteps,
  check(ctx) {
    const facts = analyzeFacts(ctx);
    const findings: RuleFinding[] = [];
    // One person may be split over entities ("Councilwoman Lena Fortescue" read as a longer name): group by the name itself.
    const people = new Map<string, { name: string; facts: Fact[] }>();
    for (const entity of analyzeEntities(ctx).entities) {
      if (entity.type !== 'person') continue;
      const name = nameWithoutTitle(entity.name);
      if (!name.includes(' ')) continue;
      const key = foldName(name);
      const group = people.get(key) ?? people.set(key, { name, facts: [] }).get(key)!;
      group.facts.push(...(facts.get(entity) ?? []));
    }
    for (const { name, facts: list } of people.values()) {
      list.sort((a, b) => a.start - b.start);
      for (const kind of ['title', 'age', 'affiliation'] as const) {
        const relevant = list.filter((f) => comparable(kind, f));
        if (relevant.length >= 2) findings.push(...conflictFindings(ctx, name, kind, relevant));
      }
    }
    // Expansions are compared per acronym, whichever entity each was read into.
    const expansions = new Map<string, Fact[]>();
    for (const list of facts.values()) {
      for (const fact of list) {
        if (fact.kind !== 'expansion') continue;
        const acronym = /^\s*\(([^)]+)\)/.exec(ctx.draft.text.slice(fact.end, fact.end + 14))?.[1];
        if (acronym) (expansions.get(acronym) ?? expansions.set(acronym, []).get(acronym)!).push(fact);
      }
    }
    for (const [acronym, list] of expansions) {
      list.sort((a, b) => a.start - b.start);
      if (list.length >= 2) findings.push(...conflictFindings(ctx, acronym, 'expansion', list));
    }
    // Titles the other drafts of the workspace give the same people: a hint naming the newer draft's title.
    if (ctx.options.workspaceTitles) {
      for (const hint of ctx.options.workspaceTitles.hintsFor(analyzeEntities(ctx).entities)) {
        findings.push({ start: hint.start, end: hint.end, message: hint.message, severity: 'hint', fixes: [] });
      }
    }
    return findings;
  },
};
