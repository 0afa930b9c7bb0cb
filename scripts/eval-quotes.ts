// Evaluates the quotation-mark engine on real articles read in place.
//
//   npm run eval:quotes -- DIR... [--mutations N] [--seed S] [--sample K]
//
// (a) Findings on the untouched articles, with a seeded sample to read and
//     judge: every one should be a real fault in the text.
// (b) A mutation test: in paragraphs with no finding and at least one
//     quotation mark, remove one mark or add one at a word boundary, then
//     check that unbalanced-quote fires in that paragraph or a neighbour
//     (detected), and that its preferred fix gives back the original text
//     exactly (restored).
// The last line printed is a JSON object; detected and restored are fractions (0..1).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { requireCorpus } from './corpus';
import { join, relative } from 'node:path';
import { analyze } from '../server/src/analysis/analyze';
import { parseDraft } from '../server/src/analysis/draft';
import { analyzeDraftQuotes, startParagraphFixTitle } from '../server/src/analysis/quotes';
import { unbalancedQuote } from '../server/src/analysis/rules/unbalanced-quote';
import { defaultOptions, type Finding } from '../server/src/analysis/types';
import { seededRandom } from '../test/support/seededRandom';

interface Args {
  dirs: string[];
  mutations: number;
  seed: number;
  sample: number;
  verbose: boolean;
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
    else args.dirs.push(a);
  }
  if (args.dirs.length === 0) {
    console.error('usage: eval-quotes DIR... [--mutations N] [--seed S] [--sample K] [--verbose]');
    process.exit(2);
  }
  requireCorpus('eval-quotes', ...args.dirs);
  return args;
}

function textFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.txt')) found.push(path);
    }
  };
  walk(dir);
  return found;
}


const options = { ...defaultOptions, language: 'plaintext' as const };

function quoteFindings(text: string): Finding[] {
  return analyze(text, options, 'all', [unbalancedQuote]).findings;
}

function applyFix(text: string, finding: Finding): string | undefined {
  const fix = finding.fixes.find((f) => f.preferred) ?? finding.fixes[0];
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
  return (start > 0 ? '…' : '') + text.slice(start, offset) + '⟦' + text.slice(offset, offset + 1) + '⟧' + text.slice(offset + 1, end).replace(/\n[^]*$/, '') + (end < text.length ? '…' : '');
}

interface Article {
  path: string;
  text: string;
}

const args = parseArgs(process.argv.slice(2));
const random = seededRandom(args.seed);
const articles: Article[] = [];
for (const dir of args.dirs) for (const path of textFiles(dir)) articles.push({ path, text: readFileSync(path, 'utf8') });

// (a) Findings on the originals.
const started = performance.now();
const originals: { article: Article; finding: Finding }[] = [];
/** Paragraphs eligible for mutation: no finding in them, at least one quotation mark. */
const candidates: { article: Article; paragraph: number }[] = [];
let quoteMilliseconds = 0;
for (const article of articles) {
  const findings = quoteFindings(article.text);
  for (const finding of findings) originals.push({ article, finding });
  const draft = parseDraft(article.text, 'plaintext');
  const t0 = performance.now();
  const quotes = analyzeDraftQuotes(draft, 'auto');
  quoteMilliseconds += performance.now() - t0;
  for (const p of draft.paragraphs) {
    const hasFinding = findings.some((f) => f.start >= p.start && f.start <= p.end);
    const hasMark = quotes.marks.some((m) => m.offset >= p.start && m.offset <= p.end);
    if (!hasFinding && hasMark) candidates.push({ article, paragraph: p.index });
  }
}
const originalsMs = performance.now() - started;

console.log(`articles: ${articles.length}, unbalanced-quote findings on the originals: ${originals.length} (analysis ${originalsMs.toFixed(0)} ms, quote pass alone ${quoteMilliseconds.toFixed(0)} ms)`);
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
type Operation = 'remove-open' | 'remove-close' | 'add';
const tally = new Map<string, { n: number; detected: number; restored: number }>();
let detected = 0;
let restored = 0;
let done = 0;
const failures: string[] = [];
for (let attempt = 0; done < args.mutations && attempt < args.mutations * 20 && candidates.length > 0; attempt++) {
  const { article, paragraph } = candidates[Math.floor(random() * candidates.length)];
  const original = article.text;
  const draft = parseDraft(original, 'plaintext');
  const p = draft.paragraphs[paragraph];
  const marks = analyzeDraftQuotes(draft, 'auto').marks.filter((m) => m.offset >= p.start && m.offset <= p.end);
  if (marks.length === 0) continue;
  const model = marks[Math.floor(random() * marks.length)];
  let mutated: string;
  let at: number;
  let operation: Operation;
  if (random() < 0.5) {
    operation = model.role === 'open' ? 'remove-open' : 'remove-close';
    at = model.offset;
    mutated = original.slice(0, at) + original.slice(at + model.glyph.length);
  } else {
    // A stray mark typed at a word boundary, in the style of the marks around it.
    const boundaries: { at: number; opens: boolean }[] = [];
    const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
    for (let i = p.start; i <= p.end; i++) {
      if (isWord(original[i]) && !isWord(original[i - 1]) && (i === p.start || /\s/.test(original[i - 1]))) boundaries.push({ at: i, opens: true });
      if (isWord(original[i - 1]) && !isWord(original[i]) && (i === p.end || /\s/.test(original[i]))) boundaries.push({ at: i, opens: false });
    }
    if (boundaries.length === 0) continue;
    const b = boundaries[Math.floor(random() * boundaries.length)];
    const glyph = !model.curly ? model.glyph : model.kind === 'double' ? (b.opens ? '“' : '”') : b.opens ? '‘' : '’';
    operation = 'add';
    at = b.at;
    mutated = original.slice(0, at) + glyph + original.slice(at);
  }
  done++;
  const key = `${operation} ${model.kind}`;
  const row = tally.get(key) ?? { n: 0, detected: 0, restored: 0 };
  tally.set(key, row);
  row.n++;
  const mutatedDraft = parseDraft(mutated, 'plaintext');
  const lo = mutatedDraft.paragraphs[Math.max(0, paragraph - 1)].start;
  const hi = mutatedDraft.paragraphs[Math.min(mutatedDraft.paragraphs.length - 1, paragraph + 1)].end;
  const near = quoteFindings(mutated).filter((f) => f.start >= lo && f.start <= hi);
  if (near.length === 0) {
    if (failures.length < 400) failures.push(`MISSED ${key} ${relative(process.cwd(), article.path)}:${lineOf(mutated, at)}\n    ${around(mutated, at)}`);
    continue;
  }
  detected++;
  row.detected++;
  // The finding nearest the mutation is the one a reporter would act on.
  near.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at));
  if (applyFix(mutated, near[0]) === original) {
    restored++;
    row.restored++;
  } else if (failures.length < 400) {
    const fix = near[0].fixes.find((f) => f.preferred);
    const e = fix?.edits[0];
    failures.push(
      `NOT RESTORED ${key} ${relative(process.cwd(), article.path)}:${lineOf(mutated, at)} fix: ${fix ? fix.title : 'none'}\n    mutated: ${around(mutated, at)}\n    fixed:   ${e ? around(mutated.slice(0, e.start) + '⟪' + e.text + '⟫' + mutated.slice(e.end), e.start) : ''}`,
    );
  }
}

if (args.verbose) for (const f of failures) console.log(f);
console.log(`mutations: ${done} (seed ${args.seed}) in ${candidates.length} eligible paragraphs`);
for (const [key, row] of [...tally].sort()) {
  console.log(`  ${key.padEnd(20)} n=${String(row.n).padStart(5)}  detected ${(row.detected / row.n * 100).toFixed(1)}%  restored ${(row.restored / row.n * 100).toFixed(1)}%`);
}
console.log(`detected ${(detected / Math.max(1, done) * 100).toFixed(2)}%, restored ${(restored / Math.max(1, done) * 100).toFixed(2)}%`);
console.log('detected and restored below are fractions of the mutations (0..1):');
console.log(
  JSON.stringify({
    articles: articles.length,
    findingsOnOriginals: originals.length,
    mutations: done,
    detected: Number((detected / Math.max(1, done)).toFixed(4)),
    restored: Number((restored / Math.max(1, done)).toFixed(4)),
  }),
);
