// DraftSession's request policy: requests run the entity pass inline only when
// the last real pass was quick, so the pass must be timed where it does the
// work, not where the rules find it already memoized.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, createContext } from '../../server/src/analysis/analyze';
import { parseDraft } from '../../server/src/analysis/draft';
import { rules } from '../../server/src/analysis/rules/index';
import { DraftSession } from '../../server/src/analysis/session';
import { analysisOptionsFor, resolveSettings } from '../../server/src/analysis/settings';

// Sixty short paragraphs of our own naming people and a council.
const paragraphs = Array.from(
  { length: 60 },
  (_, i) => `Council member Dana Whitcombe${i} met Mayor Lena Fortescue on Monday about the Riverside Transit Authority budget, officials said.`,
);
const draft = ['Council weighs transit budget', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');

test('the slow phase times the entity pass itself, not a memoized lookup', async () => {
  const options = analysisOptionsFor(resolveSettings({}).settings, 'plaintext');
  const session = new DraftSession(draft, { options, maxDraftSize: 1_000_000 });
  const failures = await session.analyzeSlowly({ stillWanted: () => true, pause: async () => undefined, sliceMs: 1e9 });
  assert.deepEqual(failures, []);
  // A real pass over sixty paragraphs of names takes well over half a millisecond; a memo hit, microseconds.
  assert.ok(session.entityPassMs >= 0.5, `entity pass timed at ${session.entityPassMs} ms`);
  assert.ok((session.entities()?.entities.length ?? 0) > 0);
});

// Two hundred paragraphs of our own: a surname misspelt once (name-variant) and a
// commission chair given two ages (inconsistent-fact), an acronym before its expansion (acronym-first-use), among six hundred name mentions;
// one sentence of 60 words (long-sentence) with "September 3" and "yesterday" in it (ap-style).
const longDraft = [
  'Council weighs transit budget',
  '',
  'Planning Commission Chair Dana Whitcombe, 54, said on Monday that the RTA vote would wait.',
  '',
  ...Array.from({ length: 200 }, (_, i) =>
    i === 90
      ? `The commission voted yesterday to delay the September 3 hearing on the budget ${'and the routes '.repeat(15)}that residents had asked about for months.`
      : i === 120
        ? 'Whitcomb said the Riverside Transit Authority would publish its figures first.'
        : i === 150
          ? 'Dana Whitcombe, 61, disagreed with Mayor Lena Fortescue, officials said.'
          : `Resident Arlo Penhallow${i % 70} asked Mayor Lena Fortescue and Whitcombe about the Riverside Transit Authority budget.`,
  ).flatMap((p) => [p, '']),
].join('\n');

test('the groundwork of the rules that read the whole draft runs in steps, and check finds what it finds in one piece', () => {
  const options = analysisOptionsFor(resolveSettings({}).settings, 'plaintext');
  for (const id of ['name-variant', 'inconsistent-fact', 'acronym-first-use', 'long-sentence', 'ap-style']) {
    const rule = rules.find((r) => r.id === id)!;
    assert.ok(rule.prepare, `${id} has stepped groundwork`);
    const prepared = createContext(parseDraft(longDraft, 'plaintext'), options);
    let steps = 0;
    for (const work = rule.prepare(prepared); !work.next().done;) steps++;
    assert.ok(steps > 1, `${id}'s groundwork pauses (${steps} steps)`);
    const inOnePiece = rule.check(createContext(parseDraft(longDraft, 'plaintext'), options));
    assert.ok(inOnePiece.length > 0, `${id} finds something in the draft`);
    assert.deepEqual(rule.check(prepared), inOnePiece);
  }
});

test('the slow phase, pausing at every step, finds what the one-piece analysis finds', async () => {
  const options = analysisOptionsFor(resolveSettings({}).settings, 'plaintext');
  const session = new DraftSession(longDraft, { options, maxDraftSize: 1_000_000 });
  let pauses = 0;
  const failures = await session.analyzeSlowly({ stillWanted: () => true, pause: async () => void pauses++, sliceMs: 0 });
  assert.deepEqual(failures, []);
  assert.ok(pauses > 200, `${pauses} pauses`);
  const strip = (findings: { ruleId: string; start: number; end: number; message: string }[]) =>
    findings.map(({ ruleId, start, end, message }) => ({ ruleId, start, end, message }));
  assert.deepEqual(strip(session.findings()), strip(analyze(longDraft, options).findings));
  assert.ok(session.findings().some((f) => f.ruleId === 'name-variant'));
});
