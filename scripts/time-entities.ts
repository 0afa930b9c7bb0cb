// How long the entity pass takes after one keystroke, with every other
// paragraph already cached: the figure of issue 10 for the entity pass.
// It prints figures only; nothing here passes or fails. CPU time is printed
// beside wall time because on a shared machine the wall time mostly measures
// the other processes.
//
//   node --import tsx scripts/time-entities.ts [--corpus DIR] [--keystrokes N]
//
// Drafts of 10,000 and 100,000 words are joined from the corpus articles
// (default: PolNeAR train texts, read in place). One full pass warms the
// caches; then a character is typed at a time into a paragraph in the middle
// of the draft, and each version is analysed on a fresh RuleContext. The
// quotation pass is run first on that context, as the server's quotation rules
// do, so the entity time below is recognition plus attribution only.

import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createContext } from '../server/src/analysis/analyze';
import { parseDraft } from '../server/src/analysis/draft';
import { analyzeEntities } from '../server/src/analysis/entities';
import { analyzeQuotes } from '../server/src/analysis/quotes';
import { defaultOptions } from '../server/src/analysis/types';

const args = process.argv.slice(2);
const option = (flag: string, fallback: string) => {
  const i = args.indexOf(flag);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const corpus = path.resolve(option('--corpus', path.join(__dirname, '..', '..', 'shared', 'corpora', 'polnear', 'train', 'text')));
const keystrokes = Number(option('--keystrokes', '40'));

function joinedDraft(words: number): string {
  const parts: string[] = [];
  let count = 0;
  for (const name of readdirSync(corpus).sort()) {
    const article = readFileSync(path.join(corpus, name), 'utf8').trim();
    parts.push(article);
    count += article.split(/\s+/).length;
    if (count >= words) break;
  }
  return parts.join('\n\n');
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

function timeDraft(label: string, words: number): void {
  let text = joinedDraft(words);
  const analyse = (t: string) => {
    const ctx = createContext(parseDraft(t, 'plaintext'), defaultOptions);
    analyzeQuotes(ctx);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const analysis = analyzeEntities(ctx);
    const cpu = process.cpuUsage(cpuStarted);
    return { ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, entities: analysis.entities.length };
  };
  const cold = analyse(text);
  // Type into the middle of a paragraph near the middle of the draft.
  const middle = text.indexOf('\n\n', text.length >> 1);
  let cursor = text.lastIndexOf(' ', middle - 40);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < keystrokes; i++) {
    text = text.slice(0, cursor) + 'x' + text.slice(cursor);
    cursor++;
    const { ms, cpuMs } = analyse(text);
    times.push(ms);
    cpuTimes.push(cpuMs);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const realWords = text.split(/\s+/).length;
  console.log(
    `${label.padEnd(5)} ${realWords} words, ${cold.entities} entities: first pass ${cold.ms.toFixed(0)} ms; ` +
      `after a keystroke p50 ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms ` +
      `(CPU time p50 ${percentile(cpuTimes, 0.5).toFixed(2)} ms, p95 ${percentile(cpuTimes, 0.95).toFixed(2)} ms; ${keystrokes} keystrokes)`,
  );
}

timeDraft('10k', 10_000);
timeDraft('100k', 100_000);
