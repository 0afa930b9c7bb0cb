// Evaluates the quotation-mark engine on real articles read in place.
//
//   npm run eval:quotes -- DIR... [--mutations N] [--seed S] [--sample K] [--verbose] [--list wrong-safe|wrong-preferred]
//
// (a) Findings on the untouched articles, with a seeded sample to read and
//     judge: every one should be a real fault in the text.
// (b) A mutation test: in paragraphs with no finding and at least one
//     quotation mark, remove one mark or add one at a word boundary, then
//     check that unbalanced-quote fires in that paragraph or a neighbour
//     (detected), and that its first-ranked fix gives back the original
//     text exactly (restored); how often that fix is marked preferred (the
//     ranker is sure) or safe (Fix all), and how often it is then right.
// --list prints every wrong fix that was marked safe (or preferred), to read
// what the safety rules let through; --verbose prints the first 400 failures.
// DIR may end in @train or @heldout (see quote-mutations.ts).
// The last line printed is a JSON object of fractions (0..1).

import { relative } from 'node:path';
import { requireCorpus } from './corpus';
import { parseDraft } from '../server/src/analysis/draft';
import { analyzeDraftQuotes, startParagraphFixTitle } from '../server/src/analysis/quotes';
import type { Finding, Fix } from '../server/src/analysis/types';
import { seededRandom } from '../test/support/seededRandom';
import { eligibleParagraphs, findingsNear, mutate, quoteFindings, readCorpus, type Article, type Eligible } from './quote-mutations';

interface Args {
  dirs: string[];
  mutations: number;
  seed: number;
  sample: number;
  verbose: boolean;
  list?: 'wrong-safe' | 'wrong-preferred';
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dirs: [], mutations: 2000, seed: 1, sample: 20, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const number = (name: string) => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0) {
        console.error(`eval-quotes: ${name} needs a whole number.`);
        process.exit(2);
      }
      return value;
    };
    if (a === '--mutations') args.mutations = number(a);
    else if (a === '--seed') args.seed = number(a);
    else if (a === '--sample') args.sample = number(a);
    else if (a === '--verbose') args.verbose = true;
    else if (a === '--list') {
      const what = argv[++i];
      if (what !== 'wrong-safe' && what !== 'wrong-preferred') {
        console.error('eval-quotes: --list takes wrong-safe or wrong-preferred.');
        process.exit(2);
      }
      args.list = what;
    } else args.dirs.push(a);
  }
  if (args.dirs.length === 0) {
    console.error('usage: eval-quotes DIR... [--mutations N] [--seed S] [--sample K] [--verbose] [--list wrong-safe|wrong-preferred]');
    process.exit(2);
  }
  // A folder may name one part of itself (DIR@train, DIR@heldout; see quote-mutations.ts).
  requireCorpus('eval-quotes', ...args.dirs.map((dir) => dir.replace(/@(?:train|heldout)$/, '')));
  return args;
}

function applyFix(text: string, fix: Fix | undefined): string | undefined {
  if (!fix) return undefined;
  let result = text;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function around(text: string, offset: number, width = 70): string {
  const start = Math.max(0, offset - width);
  const end = Math.min(text.length, offset + width);
  return (
    (start > 0 ? '…' : '') +
    text.slice(start, offset) +
    '⟦' +
    text.slice(offset, offset + 1) +
    '⟧' +
    text.slice(offset + 1, end).replace(/\n[^]*$/, '') +
    (end < text.length ? '…' : '')
  );
}

const args = parseArgs(process.argv.slice(2));
const random = seededRandom(args.seed);
const articles: Article[] = [];
for (const dir of args.dirs) articles.push(...readCorpus(dir));

// (a) Findings on the originals.
const started = performance.now();
const originals: { article: Article; finding: Finding }[] = [];
const candidates: Eligible[] = [];
let quoteMilliseconds = 0;
for (const article of articles) {
  const findings = quoteFindings(article.text);
  for (const finding of findings) originals.push({ article, finding });
  const draft = parseDraft(article.text, 'plaintext');
  const t0 = performance.now();
  const quotes = analyzeDraftQuotes(draft, 'auto');
  quoteMilliseconds += performance.now() - t0;
  void quotes;
  candidates.push(...eligibleParagraphs(article, findings));
}
const originalsMs = performance.now() - started;

console.log(
  `articles: ${articles.length}, unbalanced-quote findings on the originals: ${originals.length} (analysis ${originalsMs.toFixed(0)} ms, quote pass alone ${quoteMilliseconds.toFixed(0)} ms)`,
);
const lostBreaks = originals.filter(({ finding }) => finding.fixes.some((f) => f.title === startParagraphFixTitle)).length;
console.log(`  of which ${lostBreaks} look like a lost paragraph break ("We won. "Next season...": a quotation resumed inside one paragraph)`);
const sample = [...originals];
for (let i = sample.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [sample[i], sample[j]] = [sample[j], sample[i]];
}
const shown = args.verbose ? originals : sample.slice(0, args.sample);
console.log(`sample of ${shown.length} findings:`);
for (const { article, finding } of shown) {
  console.log(`${relative(process.cwd(), article.path)}:${lineOf(article.text, finding.start)}: ${finding.message}`);
  console.log(`    ${around(article.text, finding.start)}`);
}

// (b) Mutations.
interface Row {
  n: number;
  detected: number;
  /** The first-ranked fix (the preferred one when there is one) gives back the original. */
  restored: number;
  preferred: number;
  preferredRight: number;
  safe: number;
  safeRight: number;
}
const emptyRow = (): Row => ({ n: 0, detected: 0, restored: 0, preferred: 0, preferredRight: 0, safe: 0, safeRight: 0 });
const tally = new Map<string, Row>();
const total = emptyRow();
let done = 0;
const failures: string[] = [];
const listed: string[] = [];
for (let attempt = 0; done < args.mutations && attempt < args.mutations * 20 && candidates.length > 0; attempt++) {
  const m = mutate(random, candidates[Math.floor(random() * candidates.length)]);
  if (!m) continue;
  const original = m.article.text;
  done++;
  const key = `${m.operation} ${m.kind}${m.nested ? ' in double' : ''}`;
  const row = tally.get(key) ?? emptyRow();
  tally.set(key, row);
  const rows = [row, total];
  for (const r of rows) r.n++;
  const near = findingsNear(m, quoteFindings(m.mutated));
  const place = `${relative(process.cwd(), m.article.path)}:${lineOf(m.mutated, m.at)}`;
  if (near.length === 0) {
    if (failures.length < 400) failures.push(`MISSED ${key} ${place}\n    ${around(m.mutated, m.at)}`);
    continue;
  }
  for (const r of rows) r.detected++;
  // The finding nearest the mutation is the one a reporter would act on.
  const finding: Finding = near[0];
  const first = finding.fixes[0];
  const right = applyFix(m.mutated, first) === original;
  const preferred = first?.preferred === true;
  const safe = preferred && first?.safe === true;
  for (const r of rows) {
    if (right) r.restored++;
    if (preferred) r.preferred++;
    if (preferred && right) r.preferredRight++;
    if (safe) r.safe++;
    if (safe && right) r.safeRight++;
  }
  const wanted = args.list === 'wrong-safe' ? safe : args.list === 'wrong-preferred' ? preferred : false;
  if (!right && (failures.length < 400 || wanted)) {
    const e = first?.edits[0];
    const shown = `NOT RESTORED ${key} ${place} fix: ${first ? first.title : 'none'}${preferred ? ' (preferred)' : ''}${safe ? ' (safe)' : ''}\n    mutated: ${around(m.mutated, m.at)}\n    fixed:   ${e ? around(m.mutated.slice(0, e.start) + '⟪' + e.text + '⟫' + m.mutated.slice(e.end), e.start) : ''}`;
    if (failures.length < 400) failures.push(shown);
    if (wanted) listed.push(shown);
  }
}

const percent = (part: number, whole: number) => (whole === 0 ? '   -  ' : `${((part / whole) * 100).toFixed(1).padStart(5)}%`);
const fraction = (part: number, whole: number) => Number((part / Math.max(1, whole)).toFixed(4));
if (args.verbose) for (const f of failures) console.log(f);
if (args.list) {
  console.log(`${listed.length} ${args.list === 'wrong-safe' ? 'safe' : 'preferred'} fixes that do not restore the original:`);
  for (const f of listed) console.log(f);
}
console.log(`mutations: ${done} (seed ${args.seed}) in ${candidates.length} eligible paragraphs`);
console.log('  kind                              n  detected  restored  preferred (right)  safe (right)');
for (const [key, row] of [...tally, ['all', total] as const].sort((a, b) => (a[0] === 'all' ? 1 : b[0] === 'all' ? -1 : a[0] < b[0] ? -1 : 1))) {
  console.log(
    `  ${key.padEnd(30)} ${String(row.n).padStart(5)}  ${percent(row.detected, row.n)}   ${percent(row.restored, row.n)}   ${percent(row.preferred, row.n)} (${percent(row.preferredRight, row.preferred)})  ${percent(row.safe, row.n)} (${percent(row.safeRight, row.safe)})`,
  );
}
console.log(`detected ${(fraction(total.detected, done) * 100).toFixed(2)}%, restored ${(fraction(total.restored, done) * 100).toFixed(2)}%`);
console.log('detected, restored, preferredShare and safeShare are fractions of the mutations; preferredRight and safeRight of those preferred or safe (0..1):');
console.log(
  JSON.stringify({
    articles: articles.length,
    findingsOnOriginals: originals.length,
    mutations: done,
    detected: fraction(total.detected, done),
    restored: fraction(total.restored, done),
    preferredShare: fraction(total.preferred, done),
    preferredRight: fraction(total.preferredRight, total.preferred),
    safeShare: fraction(total.safe, done),
    safeRight: fraction(total.safeRight, total.safe),
  }),
);
