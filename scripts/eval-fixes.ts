// `npm run eval:fixes`: the preferred fixes (Ctrl+. Enter, "Fix all" when safe) that Copydesk
// offers on real copy, judged one by one. The mutation tests of eval-quotes and eval-rules say
// whether a fix restores a fault Copydesk put there; this says whether the fix a reporter is
// offered first is right for the faults published copy really has.
//
//   npm run eval:fixes -- FOLDER... [--files LISTFILE] [--rule ID] [--list] [--unjudged] [--judgments FILE]
//
// Rules run at their default settings (a rule off by default offers nothing). Each preferred fix is
// keyed by article, line, rule and fix title; verdicts live in eval/judgments/fixes.jsonl. --list
// prints every preferred fix, the text before and after it and its verdict; --unjudged only those
// without one. The last line is JSON: per rule, preferred and safe fixes, judged and right.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { articleId, articlesFromArguments } from './corpus';
import { analyze } from '../server/src/analysis/analyze';
import { applyEdits } from '../server/src/analysis/applyFixes';
import { lineNumberAt, lineStartsOf } from '../server/src/analysis/lines';
import { draftLanguageOf } from '../server/src/analysis/settings';
import { rules } from '../server/src/analysis/rules/index';
import { defaultOptions } from '../server/src/analysis/types';

const { values, positionals } = parseArgs({
  options: {
    rule: { type: 'string' },
    list: { type: 'boolean', default: false },
    unjudged: { type: 'boolean', default: false },
    files: { type: 'string' },
    judgments: { type: 'string', default: join(__dirname, '..', 'eval', 'judgments', 'fixes.jsonl') },
  },
  allowPositionals: true,
});
const files = articlesFromArguments(
  'eval-fixes',
  'usage: eval-fixes.ts FOLDER... [--files LISTFILE] [--rule ID] [--list] [--unjudged] [--judgments FILE]',
  positionals,
  values.files,
);
const selected = values.rule ? rules.filter((r) => r.id === values.rule) : rules;

interface Verdict {
  file: string;
  line: number;
  rule: string;
  fix: string;
  verdict: 'right' | 'wrong';
  reason: string;
}
const keyOf = (file: string, line: number, rule: string, fix: string) => `${file}\t${line}\t${rule}\t${fix}`;
const verdicts = new Map<string, Verdict>(
  (existsSync(values.judgments) ? readFileSync(values.judgments, 'utf8').split('\n') : [])
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Verdict)
    .map((v) => [keyOf(v.file, v.line, v.rule, v.fix), v]),
);

/** The stretch around a fix's edits, on one line, before or after it is applied. */
function around(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start - 50), Math.min(text.length, end + 30)).replace(/\r?\n/g, '¶');
}

const tally = new Map<string, { preferred: number; safe: number; judged: number; right: number; safeJudged: number; safeRight: number }>();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const id = articleId(file);
  const { findings } = analyze(text, { ...defaultOptions, language: draftLanguageOf(file) }, 'all', selected);
  const lineStarts = lineStartsOf(text);
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.preferred);
    if (!fix || fix.edits.length === 0) continue;
    const line = lineNumberAt(lineStarts, finding.start);
    const verdict = verdicts.get(keyOf(id, line, finding.ruleId, fix.title));
    const row = tally.get(finding.ruleId) ?? { preferred: 0, safe: 0, judged: 0, right: 0, safeJudged: 0, safeRight: 0 };
    tally.set(finding.ruleId, row);
    row.preferred++;
    if (fix.safe) row.safe++;
    if (verdict) {
      row.judged++;
      if (verdict.verdict === 'right') row.right++;
      if (fix.safe) {
        row.safeJudged++;
        if (verdict.verdict === 'right') row.safeRight++;
      }
    }
    if (values.list || (values.unjudged && !verdict)) {
      const start = Math.min(...fix.edits.map((e) => e.start));
      const end = Math.max(...fix.edits.map((e) => e.end));
      const fixed = applyEdits(
        text,
        [...fix.edits].sort((a, b) => a.start - b.start),
      );
      console.log(`${id}\t${line}\t${finding.ruleId}\t${fix.title}${fix.safe ? ' (safe)' : ''}\t${verdict?.verdict ?? 'unjudged'}`);
      console.log(`    before: ${around(text, start, end)}`);
      console.log(`    after:  ${around(fixed, start, end + fixed.length - text.length)}`);
    }
  }
}
const pct = (a: number, b: number) => (b === 0 ? '-' : `${((a / b) * 100).toFixed(1)}%`);
for (const [rule, r] of [...tally].sort()) {
  console.log(
    `${rule}: ${r.preferred} preferred (${r.safe} safe); judged ${r.judged}, right ${r.right} (${pct(r.right, r.judged)}); safe judged ${r.safeJudged}, right ${r.safeRight}`,
  );
}
console.log(JSON.stringify({ articles: files.length, perRule: Object.fromEntries(tally) }));
