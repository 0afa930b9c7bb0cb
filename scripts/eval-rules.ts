// Runs every registered rule over a folder of published articles and prints,
// per rule, the findings per 100 articles and a sample of findings to read.
// Published copy has been through a copy desk, so most findings here are
// false alarms: a rule whose sample reads mostly wrong is not done.
//
//   npm run eval:rules -- ../shared/corpora/polnear/train/text [--sample 15] [--rule ap-style] [--seed 1]
//
// The corpus is read in place and never copied into the project.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { requireCorpus } from './corpus';
import { analyze } from '../server/src/analysis/analyze';
import { draftLanguageOf } from '../server/src/analysis/settings';
import { rules } from '../server/src/analysis/rules/index';
import type { Finding } from '../server/src/analysis/types';

const { values, positionals } = parseArgs({
  options: { sample: { type: 'string', default: '12' }, rule: { type: 'string' }, seed: { type: 'string', default: '1' } },
  allowPositionals: true,
});
const folder = positionals[0];
if (!folder) {
  process.stderr.write('usage: eval-rules.ts FOLDER [--sample N] [--rule ID] [--seed N]\n');
  process.exit(2);
}
requireCorpus('eval-rules', folder);
const files = readdirSync(folder).filter((f) => /\.(txt|md|article|story)$/.test(f)).sort();
const selected = values.rule ? rules.filter((r) => r.id === values.rule) : rules;

interface Hit {
  file: string;
  finding: Finding;
  context: string;
}
const hits = new Map<string, Hit[]>(selected.map((r) => [r.id, []]));
const failures = new Map<string, number>();
const started = performance.now();
let characters = 0;
for (const file of files) {
  const text = readFileSync(join(folder, file), 'utf8');
  characters += text.length;
  // Every rule on, at its default severity, whatever its default.
  const options = { language: draftLanguageOf(file), quoteStyle: 'auto' as const, rules: Object.fromEntries(selected.map((r) => [r.id, 'info' as const])) };
  const result = analyze(text, options, 'all', selected);
  for (const f of result.failures) failures.set(f.ruleId, (failures.get(f.ruleId) ?? 0) + 1);
  for (const finding of result.findings) {
    const from = Math.max(0, finding.start - 60);
    const to = Math.min(text.length, finding.end + 60);
    const context = `${text.slice(from, finding.start)}⟦${text.slice(finding.start, finding.end)}⟧${text.slice(finding.end, to)}`.replace(/\s+/g, ' ');
    hits.get(finding.ruleId)?.push({ file, finding, context });
  }
}
const seconds = (performance.now() - started) / 1000;

// A small deterministic shuffle, so the sample is spread over the corpus and repeatable.
let state = Number(values.seed) || 1;
const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const sampleSize = Number(values.sample);

console.log(`${files.length} articles, ${(characters / 1e6).toFixed(1)} M characters, ${seconds.toFixed(1)} s\n`);
console.log('| rule | findings | per 100 articles | articles with one |');
console.log('|---|---:|---:|---:|');
for (const rule of selected) {
  const list = hits.get(rule.id)!;
  const articles = new Set(list.map((h) => h.file)).size;
  console.log(`| ${rule.id} | ${list.length} | ${((list.length / files.length) * 100).toFixed(1)} | ${articles} |`);
}
for (const [id, count] of failures) console.log(`\nrule ${id} FAILED on ${count} articles`);
for (const rule of selected) {
  const list = [...hits.get(rule.id)!];
  if (list.length === 0) continue;
  console.log(`\n## ${rule.id}: sample of ${Math.min(sampleSize, list.length)} of ${list.length}`);
  for (let i = 0; i < sampleSize && list.length > 0; i++) {
    const [hit] = list.splice(Math.floor(random() * list.length), 1);
    console.log(`- ${hit.file.slice(0, 40)}: ${hit.context}\n    → ${hit.finding.message}`);
  }
}
