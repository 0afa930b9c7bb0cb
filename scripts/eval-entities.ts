// Measures the list of people and organizations a reporter sees (the outline,
// the People view, `copydesk entities`) on published articles, judged entity by
// entity: eval/judgments/entities*.jsonl hold one verdict per listed entity
// (file, kind, name, verdict, reason), never the text. Verdicts:
//   right       a person or organization the story names, of the right kind;
//   unmerged    right, but the story's other name for it is listed apart
//               ("Times" beside "The New York Times");
//   wrong-kind  a person listed as an organization or the other way round;
//   bad-span    a real name cut or run on ("Defense" out of "Defense Secretary");
//   not-entity  a place, a law, a work, a group of people, a common word.
// An entity counts while the draft still lists it under that kind and name;
// precision is (right + unmerged) / judged over those. Judged-right entities
// no longer listed are counted too: merged when another listed entity of the
// same kind now has that name among its aliases, else lost.
// The last line printed is the JSON summary.
//
//   npm run eval:entities -- --files eval/judgments/heldout-k.files [--unjudged] [--list]
//     [--judgments FILE]

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { articleId, listedArticles, requireCorpus } from './corpus';
import { DraftSession } from '../server/src/analysis/session';
import { draftLanguageOf } from '../server/src/analysis/settings';
import { defaultOptions } from '../server/src/analysis/types';
import type { Entity } from '../server/src/analysis/entities/types';

const { values } = parseArgs({
  options: {
    files: { type: 'string' },
    list: { type: 'boolean', default: false },
    unjudged: { type: 'boolean', default: false },
    judgments: { type: 'string' },
  },
});
if (values.files === undefined) {
  process.stderr.write('usage: eval-entities.ts --files LISTFILE [--list] [--unjudged] [--judgments FILE]\n');
  process.exit(2);
}

const verdicts = ['right', 'unmerged', 'wrong-kind', 'bad-span', 'not-entity'] as const;
type Verdict = (typeof verdicts)[number];
interface Judgment {
  file: string;
  kind: Entity['type'];
  name: string;
  verdict: Verdict;
  reason: string;
}

const files = listedArticles(values.files);
requireCorpus('eval-entities', ...files);
/**
 * By default every entities*.jsonl of eval/judgments, one file per stretch of sessions so that none grows past a
 * megabyte, the oldest (entities.jsonl) first: a later verdict for the same entity wins, as a later line does.
 */
const judgmentsFolder = join(__dirname, '..', 'eval', 'judgments');
const judgmentFiles =
  values.judgments !== undefined
    ? [values.judgments]
    : readdirSync(judgmentsFolder)
        .filter((name) => /^entities.*\.jsonl$/.test(name))
        .sort((a, b) => (a === 'entities.jsonl' ? -1 : b === 'entities.jsonl' ? 1 : a.localeCompare(b)))
        .map((name) => join(judgmentsFolder, name));
const judgments: Judgment[] = judgmentFiles
  .filter((path) => existsSync(path))
  .flatMap((path) => readFileSync(path, 'utf8').split('\n'))
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Judgment);
const keyOf = (file: string, kind: string, name: string) => `${file}\t${kind}\t${name}`;
const judged = new Map(judgments.map((j) => [keyOf(j.file, j.kind, j.name), j]));

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

const listedKeys = new Set<string>();
/** Each listed entity's other names, by file and kind: a judged name found there was merged, not lost. */
const aliasOwners = new Map<string, string>();
const tally = { person: new Map<Verdict, number>(), organization: new Map<Verdict, number>() };
let listedCount = 0;
let unjudgedCount = 0;
for (const file of files) {
  const id = articleId(file);
  const text = readFileSync(file, 'utf8');
  const session = new DraftSession(text, { options: { ...defaultOptions, language: draftLanguageOf(file) }, maxDraftSize: 2_000_000 });
  for (const entity of session.currentEntities().entities) {
    listedCount++;
    const key = keyOf(id, entity.type, entity.name);
    listedKeys.add(key);
    for (const alias of entity.aliases) aliasOwners.set(keyOf(id, entity.type, alias), entity.name);
    const judgment = judged.get(key);
    if (judgment) tally[entity.type].set(judgment.verdict, (tally[entity.type].get(judgment.verdict) ?? 0) + 1);
    else unjudgedCount++;
    if (values.list || (values.unjudged && !judgment)) {
      const first = entity.mentions[0];
      const context = first ? oneLine(text.slice(Math.max(0, first.start - 60), first.end + 60)) : '';
      const extras = [entity.role ? `role: ${entity.role}` : '', entity.aliases.length ? `aka ${entity.aliases.join(' / ')}` : '', `${entity.mentions.length}×`]
        .filter(Boolean)
        .join(' · ');
      process.stdout.write(
        `${JSON.stringify({ file: id, kind: entity.type, name: entity.name })}\t${judgment?.verdict ?? '?'}\tline ${first ? lineOf(text, first.start) : '?'} · ${extras}\t${context}\n`,
      );
    }
  }
}

const sampled = new Set(files.map(articleId));
const gone = judgments.filter(
  (j) => sampled.has(j.file) && (j.verdict === 'right' || j.verdict === 'unmerged') && !listedKeys.has(keyOf(j.file, j.kind, j.name)),
);
const merged = gone.filter((j) => aliasOwners.has(keyOf(j.file, j.kind, j.name)));
const lost = gone.filter((j) => !aliasOwners.has(keyOf(j.file, j.kind, j.name)));
const percent = (n: number, of: number) => (of === 0 ? null : Math.round((1000 * n) / of) / 10);
const summary: Record<string, unknown> = { articles: files.length, listed: listedCount, unjudged: unjudgedCount };
for (const kind of ['person', 'organization'] as const) {
  const counts = Object.fromEntries(verdicts.map((v) => [v, tally[kind].get(v) ?? 0]));
  const total = verdicts.reduce((sum, v) => sum + counts[v], 0);
  const right = counts.right + counts.unmerged;
  summary[kind] = { judged: total, right, precision: percent(right, total), ...counts };
  process.stdout.write(
    `${kind === 'person' ? 'people' : 'organizations'}: ${right} right of ${total} judged (${percent(right, total)}%); ` +
      verdicts.map((v) => `${v} ${counts[v]}`).join(', ') +
      '\n',
  );
}
summary.lostRight = lost.length;
summary.mergedRight = merged.length;
process.stdout.write(
  `listed ${listedCount} in ${files.length} articles, ${unjudgedCount} not judged; judged right and now another name of a listed entity: ${merged.length}; judged right and no longer listed: ${lost.length}\n`,
);
for (const j of merged) process.stdout.write(`  merged: ${j.file} ${j.kind} ${j.name} -> ${aliasOwners.get(keyOf(j.file, j.kind, j.name))}\n`);
for (const j of lost) process.stdout.write(`  lost: ${j.file} ${j.kind} ${j.name}\n`);
process.stdout.write(`${JSON.stringify(summary)}\n`);
