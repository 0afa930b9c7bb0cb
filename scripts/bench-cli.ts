// `npm run bench:cli -- ../shared/corpora/bbc`: `copydesk check` throughput over
// a folder of articles with --jobs 1 and --jobs 2 (words per second and the
// speed-up), and the peak resident memory of the whole run (the process and its
// worker threads share one RSS). Runs the built CLI (dist/cli.js) as a reporter's
// pipeline would. Prints figures only; on a shared machine they are noisy.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { requireCorpus } from './corpus';

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: bench-cli.ts FOLDER [--runs N]\n');
  process.exit(2);
}
requireCorpus('bench-cli', folder);
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 1;
const cli = path.resolve(__dirname, '..', 'dist', 'cli.js');

function drafts(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return drafts(full);
      return /\.(txt|md|article|story)$/.test(name) && !/^readme/i.test(name) ? [full] : [];
    });
}
const files = drafts(folder);
const words = files.reduce((n, f) => n + (readFileSync(f, 'utf8').match(/\S+/g)?.length ?? 0), 0);

interface Measure {
  seconds: number;
  peakRssMb: number;
  output: string;
}

/** One run under /usr/bin/time -v, which reports the peak RSS of the process (threads included). */
function measure(jobs: number): Measure {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, cli, 'check', '--format', 'json', '--jobs', String(jobs), folder], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0 && run.status !== 1) throw new Error(`copydesk check exited ${run.status}: ${run.stderr.slice(-500)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
  return { seconds, peakRssMb: rss ? Number(rss[1]) / 1024 : NaN, output: run.stdout };
}

const best = (jobs: number) => {
  const all = Array.from({ length: runs }, () => measure(jobs));
  return all.reduce((a, b) => (b.seconds < a.seconds ? b : a));
};
const one = best(1);
const two = best(2);
const same = one.output === two.output;
const figures = {
  drafts: files.length,
  words,
  jobs1: { seconds: +one.seconds.toFixed(1), wordsPerSecond: Math.round(words / one.seconds), peakRssMb: Math.round(one.peakRssMb) },
  jobs2: { seconds: +two.seconds.toFixed(1), wordsPerSecond: Math.round(words / two.seconds), peakRssMb: Math.round(two.peakRssMb) },
  speedup: +(one.seconds / two.seconds).toFixed(2),
  identicalOutput: same,
};
console.log(`copydesk check over ${files.length} drafts, ${words} words (best of ${runs})`);
console.log(`  --jobs 1: ${figures.jobs1.seconds} s, ${figures.jobs1.wordsPerSecond} words/s, peak RSS ${figures.jobs1.peakRssMb} MB`);
console.log(`  --jobs 2: ${figures.jobs2.seconds} s, ${figures.jobs2.wordsPerSecond} words/s, peak RSS ${figures.jobs2.peakRssMb} MB`);
console.log(`  speed-up ${figures.speedup}x (target >= 1.7 on 2 cores); output identical: ${same}`);
console.log(JSON.stringify(figures));
