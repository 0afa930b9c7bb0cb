// Bad input for the entity pass: all caps, non-Latin scripts, odd Unicode, a
// story with 5,000 names, names of 200 characters. No crash, no hang, and
// every range still covers exactly its text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../server/src/analysis/analyze';
import { parseDraft } from '../../server/src/analysis/draft';
import { analyzeEntities, type EntityAnalysis } from '../../server/src/analysis/entities';
import { defaultOptions } from '../../server/src/analysis/types';

const analyse = (text: string) => analyzeEntities(createContext(parseDraft(text, 'plaintext'), defaultOptions));

function assertRangesExact(text: string, analysis: EntityAnalysis): void {
  for (const e of analysis.entities) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text, e.name);
}

test('an all-caps story and non-Latin scripts give no crash and no guessed names', () => {
  const caps = 'MAYOR LENA FORTESCUE SAID THE HARBOR TRUST WOULD SELL.\n\nFORTESCUE ADDED THAT THE COUNCIL AGREED.';
  assert.deepEqual(analyse(caps).entities, []);
  const mixed =
    'Глава города Лена Фортескью заявила, что сделка состоится.\n\n' +
    'قال رئيس البلدية إن الصفقة ستتم.\n\n' +
    '市长说交易将会完成。 मेयर ने कहा कि सौदा होगा।\n\n' +
    'Mayor Lena Fortescue 👩🏽‍⚖️ said the Harbor Trust\u200b would sell; Fortescue\u0301 agreed.\r\n\r\nA lone surrogate \ud800 and a combining mark e\u0301 sit here.';
  const analysis = analyse(mixed);
  assertRangesExact(mixed, analysis);
  const fortescue = analysis.entities.find((e) => e.name === 'Lena Fortescue');
  assert.ok(fortescue, analysis.entities.map((e) => e.name).join(', '));
  // Cyrillic has capitals and names; scripts without case give no evidence and no names.
  assert.ok(!analysis.entities.some((e) => /[\p{Script=Arabic}\p{Script=Han}\p{Script=Devanagari}]/u.test(e.name)), 'caseless scripts are not read as names');
});

test('a no-break or thin space inside a name ("Sen. Marco\\u00a0Rubio") joins it like a plain space, and the mention keeps the draft\'s own characters', () => {
  const text =
    'Sen. Ted Cruz follows the leader with 16 percent while Sen. Mara\u00a0Velloso comes in third.\n\n' +
    'Gov. Lena\u202fFortescue said Velloso would drop out, and Fortescue\u2009Holdings denied it.';
  const analysis = analyse(text);
  assertRangesExact(text, analysis);
  const names = analysis.entities.map((e) => `${e.type}:${e.name}`);
  assert.ok(names.includes('person:Mara Velloso'), names.join(', '));
  assert.ok(names.includes('person:Lena Fortescue'), names.join(', '));
  assert.ok(!names.some((n) => /:(?:Mara|Lena)$/.test(n)), names.join(', '));
});

test('names of 200 characters', () => {
  const longWord = `Van${'derwalle'.repeat(25)}`.slice(0, 200);
  const longRun = Array.from({ length: 40 }, (_, i) => `Name${String.fromCharCode(97 + (i % 26))}`).join(' ');
  const text = `Mayor Ilse ${longWord} said the fund would pay. ${longWord} added that ${longRun} agreed.\n\nThe spokesman ${longRun}, a lawyer, disagreed.`;
  const analysis = analyse(text);
  assertRangesExact(text, analysis);
  const mayor = analysis.entities.find((e) => e.name === `Ilse ${longWord}`);
  assert.ok(mayor, analysis.entities.map((e) => e.name.slice(0, 30)).join(', '));
  assert.equal(mayor.role, 'Mayor');
});

test('a story with 5,000 names finishes, and lookups stay immediate', { timeout: 600_000 }, () => {
  const first = ['Anna', 'Bruno', 'Chen', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas'];
  const letters = (n: number) => [n % 26, Math.floor(n / 26) % 26, Math.floor(n / 676)].map((d) => String.fromCharCode(97 + d)).join('');
  const paragraphs: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const names = Array.from({ length: 5 }, (_, k) => `${first[(i + k) % 10]} Marr${letters(i * 5 + k)}`);
    paragraphs.push(`${names.slice(0, 4).join(', ')} and ${names[4]} met on Monday.`);
  }
  const text = paragraphs.join('\n\n');
  const analysis = analyse(text);
  assertRangesExact(text, analysis);
  const people = analysis.entities.filter((e) => e.type === 'person').length;
  // Made-up surnames with no title: most, not all, are recognised.
  assert.ok(people >= 3500, `found ${people} people`);
  // A second pass on an unchanged draft reads the caches: no per-paragraph work again.
  const cpu = process.cpuUsage();
  analyse(text);
  const used = process.cpuUsage(cpu);
  assert.ok((used.user + used.system) / 1000 < 5_000, `second pass took ${(used.user + used.system) / 1000} ms of CPU`);
  const lookupCpu = process.cpuUsage();
  for (let offset = 0; offset < text.length; offset += 5) analysis.entityAt(offset);
  const lookups = process.cpuUsage(lookupCpu);
  assert.ok((lookups.user + lookups.system) / 1000 < 500);
});
