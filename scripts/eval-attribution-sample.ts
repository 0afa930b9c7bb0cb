// Who Copydesk credits with each quotation, judged by hand on news that has no
// gold attributions: held-out copy from outside PolNeAR, where eval:attribution
// tunes. Every credited quotation of the listed articles is one line; its
// verdict is kept as data (the article, where the quotation starts, where a
// mention of its true speaker starts, or null when the story names no one for
// it), so the script re-checks each judgment against what Copydesk credits now.
//
//   npm run eval:attribution-sample -- --files eval/judgments/heldout-attribution.files [--list wrong|unjudged]
//
// A credit is right when every entity credited with the quotation has a mention
// at the judged speaker's offset. Judged quotations no longer credited are
// counted apart: silence is no wrong speaker, but it is a lost credit.
// The corpus is read in place and never copied; the judgments hold offsets, not text.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createContext } from '../server/src/analysis/analyze';
import { parseDraft } from '../server/src/analysis/draft';
import { analyzeEntities, type Entity } from '../server/src/analysis/entities';
import { defaultOptions } from '../server/src/analysis/types';
import { articleId, articlesFromArguments } from './corpus';

const { values, positionals } = parseArgs({
  options: {
    files: { type: 'string' },
    list: { type: 'string' },
    judgments: { type: 'string', default: join(__dirname, '..', 'eval', 'judgments', 'attribution-sample.jsonl') },
  },
  allowPositionals: true,
});
const files = articlesFromArguments(
  'eval-attribution-sample',
  'usage: eval-attribution-sample.ts --files LISTFILE [--list wrong|unjudged] [--judgments FILE]',
  positionals,
  values.files,
);

interface Judgment {
  file: string;
  /** Start of the credited quotation's words. */
  quoteAt: number;
  /** Start of a mention of the true speaker, or null when the story names no one for the quotation. */
  speakerAt: number | null;
}
const judgments: Judgment[] = existsSync(values.judgments!)
  ? readFileSync(values.judgments!, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Judgment)
  : [];
const judgmentOf = new Map(judgments.map((j) => [`${j.file}@${j.quoteAt}`, j]));

const counts = { articles: 0, credited: 0, judged: 0, right: 0, judgedNotCredited: 0 };
const context = (text: string, at: number) => text.slice(Math.max(0, at - 90), at + 90).replace(/\s+/g, ' ');
for (const path of files) {
  const file = articleId(path);
  const text = readFileSync(path, 'utf8');
  counts.articles++;
  const { entities } = analyzeEntities(createContext(parseDraft(text, 'plaintext'), defaultOptions));
  const credits = new Map<number, Entity[]>();
  for (const entity of entities) for (const q of entity.quotes) (credits.get(q.start) ?? credits.set(q.start, []).get(q.start)!).push(entity);
  for (const [quoteAt, speakers] of [...credits].sort((a, b) => a[0] - b[0])) {
    counts.credited++;
    const names = speakers.map((e) => e.name).join(' + ');
    const judgment = judgmentOf.get(`${file}@${quoteAt}`);
    if (!judgment) {
      if (values.list === 'unjudged') console.log(`UNJUDGED ${file}@${quoteAt} credited=${names}: …${context(text, quoteAt)}…`);
      continue;
    }
    counts.judged++;
    const at = judgment.speakerAt;
    const right = at !== null && speakers.every((e) => e.mentions.some((m) => m.start <= at && at < m.end));
    if (right) counts.right++;
    else if (values.list === 'wrong') {
      const truth = at === null ? '(no one named)' : text.slice(at, at + 30).split(/[,.;:]/)[0];
      console.log(`WRONG ${file}@${quoteAt} speaker=${truth} credited=${names}: …${context(text, quoteAt)}…`);
    }
  }
  for (const judgment of judgments) if (judgment.file === file && !credits.has(judgment.quoteAt)) counts.judgedNotCredited++;
}

const percent = (a: number, b: number) => (b === 0 ? null : Math.round((1000 * a) / b) / 10);
console.log(
  `credited quotations: ${counts.credited} in ${counts.articles} articles; judged ${counts.judged}, right ${counts.right} (${percent(counts.right, counts.judged)}%); ` +
    `judged before but not credited now: ${counts.judgedNotCredited}`,
);
console.log(JSON.stringify({ ...counts, precision: percent(counts.right, counts.judged) }));
