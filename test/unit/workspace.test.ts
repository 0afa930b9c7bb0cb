// The workspace index core (server/src/analysis/workspace) on fixture drafts:
// matching people across drafts, symbol search, name-variant across drafts
// and what it must not flag, titles across drafts, scope, the saved form and
// its corruption, positions with emoji and CRLF; and the CLI's --workspace.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { analyze, createContext } from '../../server/src/analysis/analyze';
import { parseDraft } from '../../server/src/analysis/draft';
import { defaultOptions, type Finding } from '../../server/src/analysis/types';
import {
  crossDraftTitleHints,
  deserialiseIndex,
  lineAndColumn,
  recordDraft,
  sameEntities,
  serialiseIndex,
  WorkspaceIndex,
  type DraftRecord,
} from '../../server/src/analysis/workspace/index';
import { nearAcrossDrafts } from '../../server/src/analysis/workspace/names';

function record(uri: string, text: string, mtimeMs = 1000): DraftRecord {
  const language = uri.endsWith('.md') ? 'markdown' : 'plaintext';
  return recordDraft(uri, createContext(parseDraft(text, language), { ...defaultOptions, language }), { mtimeMs, size: text.length });
}

const zoning = `Zoning vote put off until March

SPRINGFIELD, Ill. — Chairwoman Dana Whitcomb said on Monday that the vote on the Elm Street rezoning would wait until March.

"We need more time to hear from residents," Whitcomb said.
`;
const budget = `Budget talks stall

SPRINGFIELD, Ill. — Commissioner Dana Whitcombe told reporters on Tuesday that the budget would be late.

"Nobody wants this," Whitcombe said. Mayor Luis Ortega did not comment.
`;
const stadium = `Stadium deal signed

SPRINGFIELD, Ill. — Mayor Luis Ortega signed the stadium lease on Friday after a year of talks, and Ben Whitcombe of the parks board said the deal was fair.
`;

const crossDraft = (findings: Finding[]) => findings.filter((f) => f.ruleId === 'name-variant' && f.fixes.some((fix) => fix.otherDraft));

describe('the workspace index', () => {
  const index = new WorkspaceIndex();
  before(() => {
    index.set(record('file:///news/zoning-vote.txt', zoning, 2000));
    index.set(record('file:///news/budget/budget-talks.txt', budget, 1000));
    index.set(record('file:///news/stadium.txt', stadium, 3000));
  });

  test('finds a person in every draft, ignoring case and diacritics in the query', () => {
    const found = index.search('ortéga').map((o) => `${o.entity.name} @ ${o.uri}`);
    assert.deepEqual(found.sort(), ['Luis Ortega @ file:///news/budget/budget-talks.txt', 'Luis Ortega @ file:///news/stadium.txt']);
    assert.deepEqual(index.search('nobody-at-all'), []);
  });

  test('the same person elsewhere, within the scope', () => {
    assert.equal(index.elsewhere('file:///news/stadium.txt', 'person', 'Luis Ortega').length, 1);
    assert.equal(index.elsewhere('file:///news/stadium.txt', 'person', 'Luis Ortega', 'folder').length, 0);
    assert.equal(index.elsewhere('file:///news/stadium.txt', 'person', 'Luis Ortega', 'off').length, 0);
  });

  test('name-variant across drafts: the same first name and a near surname, naming the draft', () => {
    const options = { ...defaultOptions, workspaceNames: index.namesSeenFrom('file:///news/zoning-vote.txt', 'workspace') };
    const findings = crossDraft(analyze(zoning, options).findings);
    assert.deepEqual(
      findings.map((f) => [zoning.slice(f.start, f.end), f.message]),
      [
        ['Whitcomb', '‘Whitcomb’ is spelt ‘Whitcombe’ in budget-talks.txt; use one spelling across the drafts.'],
        ['Whitcomb', '‘Whitcomb’ is spelt ‘Whitcombe’ in budget-talks.txt; use one spelling across the drafts.'],
      ],
    );
    const titles = findings[0].fixes.map((f) => f.title);
    assert.deepEqual(titles, [
      'Write ‘Whitcombe’ (as in budget-talks.txt)',
      'Spell every ‘Whitcomb’ as ‘Whitcombe’',
      'Spell it ‘Whitcomb’ in budget-talks.txt instead',
    ]);
    assert.deepEqual(findings[0].fixes[2].otherDraft, { uri: 'file:///news/budget/budget-talks.txt', from: 'Whitcombe', to: 'Whitcomb' });
    // No fix here is preferred: neither draft is known to be right.
    assert.ok(findings[0].fixes.every((f) => !f.preferred));
  });

  test('name-variant across drafts stays quiet on another first name, on the scope, and without the index', () => {
    // Ben Whitcombe (stadium) is not Dana Whitcomb; the folder scope leaves out budget/.
    for (const scope of ['folder', 'off'] as const) {
      const options = { ...defaultOptions, workspaceNames: index.namesSeenFrom('file:///news/zoning-vote.txt', scope) };
      assert.deepEqual(crossDraft(analyze(zoning, options).findings), [], scope);
    }
    assert.deepEqual(crossDraft(analyze(zoning, defaultOptions).findings), []);
  });

  test('near across drafts: one edit or one final letter, never a plural or a different short name', () => {
    assert.ok(nearAcrossDrafts('Whitcomb', 'Whitcombe'));
    assert.ok(nearAcrossDrafts('Ostrowski', 'Ostrowsky'));
    assert.ok(nearAcrossDrafts('Çavuşoğlu', 'Cavusoglu'));
    assert.ok(!nearAcrossDrafts('Clinton', 'Clintons'));
    assert.ok(!nearAcrossDrafts('Rubio', 'Rubin'));
    assert.ok(!nearAcrossDrafts('Whitcomb', 'Whitcomb'));
  });

  test('titles across drafts: a hint that names the newer draft’s title', () => {
    const here = index.get('file:///news/budget/budget-talks.txt')!;
    const other = record('file:///news/zoning-update.txt', zoning.replaceAll('Whitcomb', 'Whitcombe'), 5000);
    index.set(other);
    try {
      const hints = crossDraftTitleHints(here.uri, here.entities, here.mtimeMs, index, 'workspace');
      assert.equal(hints.length, 1);
      assert.equal(hints[0].severity, 'hint');
      assert.equal(
        hints[0].message,
        'Dana Whitcombe is titled ‘Chairwoman’ in the newer draft zoning-update.txt, ‘Commissioner’ here; titles change, so check which is current.',
      );
      assert.equal(budget.slice(hints[0].start, hints[0].end), 'Dana Whitcombe');
      const fromNewer = crossDraftTitleHints(other.uri, other.entities, other.mtimeMs, index, 'workspace');
      assert.match(fromNewer[0].message, /titled ‘Chairwoman’ here, the newer draft, and ‘Commissioner’ in budget-talks\.txt/);
      assert.deepEqual(crossDraftTitleHints(here.uri, here.entities, here.mtimeMs, index, 'off'), []);
    } finally {
      index.delete(other.uri);
    }
  });

  test('the who’s who groups a person across drafts with titles and drafts', () => {
    const ortega = index.whoIsWho().find((e) => e.name === 'Luis Ortega')!;
    assert.deepEqual(
      ortega.drafts.map((d) => d.uri),
      ['file:///news/budget/budget-talks.txt', 'file:///news/stadium.txt'],
    );
    assert.deepEqual(ortega.titles, [{ title: 'Mayor', drafts: ['file:///news/budget/budget-talks.txt', 'file:///news/stadium.txt'] }]);
  });

  test('rename and delete keep the lookups in step', () => {
    const copy = new WorkspaceIndex();
    copy.set(record('file:///a/one.txt', stadium));
    copy.rename('file:///a/one.txt', 'file:///a/two.txt');
    assert.deepEqual(
      copy.search('Ortega').map((o) => o.uri),
      ['file:///a/two.txt'],
    );
    copy.delete('file:///a/two.txt');
    assert.deepEqual(copy.search('Ortega'), []);
    assert.equal(copy.namesSeenFrom('file:///a/x.txt', 'workspace'), undefined);
  });

  test('the saved form round-trips, and a damaged one is refused in plain words', () => {
    const saved = serialiseIndex('key-1', index.allRecords());
    const loaded = deserialiseIndex(saved);
    assert.ok(!(loaded instanceof Error));
    assert.equal(loaded.key, 'key-1');
    assert.deepEqual(loaded.records, index.allRecords());
    const cut = deserialiseIndex(saved.slice(0, saved.length / 2));
    assert.ok(cut instanceof Error);
    assert.match(cut.message, /not valid JSON|malformed/);
    assert.match((deserialiseIndex('{"format":"something else"}') as Error).message, /not a Copydesk index/);
    assert.match((deserialiseIndex('\u0000\u0001binary') as Error).message, /not valid JSON/);
    assert.match((deserialiseIndex('') as Error).message, /empty/);
  });
});

describe('workspace symbol search', () => {
  /** A record naming people directly, without the entity pass: the search reads names and aliases only. */
  const named = (uri: string, ...people: (string | [string, ...string[]])[]): DraftRecord => ({
    uri,
    mtimeMs: 1000,
    size: 0,
    lineStarts: [0],
    entities: people.map((p) => {
      const [name, ...aliases] = typeof p === 'string' ? [p] : p;
      return { name, type: 'person', aliases, role: null, mentions: [{ start: 0, end: name.length, text: name }], quotes: [] };
    }),
  });
  const names = (found: { entity: { name: string } }[]) => found.map((o) => o.entity.name);

  test('finds a query anywhere in a name or short form, the name starting with it first, then the most drafts', () => {
    const index = new WorkspaceIndex();
    index.set(named('file:///a.txt', 'Dana Whitcombe', 'Whit Stillman', ['Mevlüt Çavuşoğlu', 'Çavuşoğlu']));
    index.set(named('file:///b.txt', 'Dana Whitcombe', 'Ann Whitney'));
    assert.deepEqual(names(index.search('whit')), ['Whit Stillman', 'Dana Whitcombe', 'Dana Whitcombe', 'Ann Whitney']);
    assert.deepEqual(names(index.search('itcomb')), ['Dana Whitcombe', 'Dana Whitcombe']);
    assert.deepEqual(names(index.search('cavusog')), ['Mevlüt Çavuşoğlu']);
    assert.deepEqual(names(index.search('a w')), ['Dana Whitcombe', 'Dana Whitcombe']);
    assert.deepEqual(names(index.search('wh')), ['Whit Stillman', 'Dana Whitcombe', 'Dana Whitcombe', 'Ann Whitney']);
    // Every three-letter piece is in some name, but never together.
    assert.deepEqual(index.search('whitney stillman'), []);
    assert.equal(index.search('').length, 5);
  });

  test('a name leaves the search with the last draft that names it, and comes back with the next', () => {
    const index = new WorkspaceIndex();
    index.set(named('file:///a.txt', 'Dana Whitcombe'));
    index.set(named('file:///b.txt', 'Dana Whitcombe', 'Luis Ortega'));
    index.delete('file:///b.txt');
    assert.deepEqual(names(index.search('orteg')), []);
    assert.deepEqual(names(index.search('whitc')), ['Dana Whitcombe']);
    index.delete('file:///a.txt');
    assert.deepEqual(index.search('whitc'), []);
    index.set(named('file:///c.txt', 'Dana Whitcombe'));
    assert.deepEqual(names(index.search('whitc')), ['Dana Whitcombe']);
  });

  test('a draft recorded again in place: its names, short forms and spellings follow the new record', () => {
    const index = new WorkspaceIndex();
    index.set(named('file:///a.txt', ['Dana Whitcombe', 'Deedee'], 'Luis Ortega'));
    index.set(named('file:///b.txt', 'Luis Ortega', 'Mara Kellerman'));
    index.set(named('file:///a.txt', ['Dana Whitcombe', 'Whitcombe'], 'Ana Ruiz', 'Mara Kelerman'));
    assert.deepEqual(names(index.search('deedee')), []);
    assert.deepEqual(names(index.search('dana')), ['Dana Whitcombe']);
    assert.deepEqual(
      index.search('orteg').map((o) => o.uri),
      ['file:///b.txt'],
    );
    assert.deepEqual(names(index.search('ruiz')), ['Ana Ruiz']);
    // The other draft's spelling of the new name is found from it, as from a draft recorded once.
    const spellings = index.namesSeenFrom('file:///a.txt', 'workspace')!.variantsOf(['Mara', 'Kelerman'], 1, 'person');
    assert.deepEqual(
      spellings.map((v) => [v.spelling, v.uri]),
      [['Kellerman', 'file:///b.txt']],
    );
    // Recorded a third time with the same names: nothing is lost.
    index.set(named('file:///a.txt', ['Dana Whitcombe', 'Whitcombe'], 'Ana Ruiz', 'Mara Kelerman'));
    assert.deepEqual(names(index.search('ruiz')), ['Ana Ruiz']);
    assert.equal(index.namesSeenFrom('file:///b.txt', 'workspace')!.variantsOf(['Mara', 'Kellerman'], 1, 'person').length, 1);
    index.delete('file:///a.txt');
    assert.deepEqual(index.search('ruiz'), []);
    assert.deepEqual(index.namesSeenFrom('file:///b.txt', 'workspace')!.variantsOf(['Mara', 'Kellerman'], 1, 'person'), []);
  });

  test('over the limit, the best-ranked names are the ones kept', () => {
    const index = new WorkspaceIndex();
    for (let i = 0; i < 40; i++)
      index.set(named(`file:///d${i}.txt`, `Person Number${String(i).padStart(2, '0')}`, ...(i % 10 === 0 ? ['Numbers Cruncher'] : [])));
    const found = names(index.search('number', 8));
    assert.deepEqual(found, [
      'Numbers Cruncher',
      'Numbers Cruncher',
      'Numbers Cruncher',
      'Numbers Cruncher',
      'Person Number00',
      'Person Number01',
      'Person Number02',
      'Person Number03',
    ]);
  });
});

test('positions from a record: emoji, accents and CRLF never shift a mention', () => {
  const text = 'Mayor news 🎉\r\n\r\nSPRINGFIELD — Mayor Luis Ortega said the café 🎉 would open.\r\n\rMayor Luis Ortega left.\n';
  const r = record('file:///x/crlf.txt', text);
  const ortega = r.entities.find((e) => e.name === 'Luis Ortega')!;
  const at = (offset: number) => lineAndColumn(r.lineStarts, offset);
  assert.deepEqual(at(ortega.mentions[0].start), { line: 2, character: text.split(/\r\n|\r|\n/)[2].indexOf('Luis') });
  assert.deepEqual(at(ortega.mentions[1].start), { line: 4, character: 6 });
  for (const m of ortega.mentions) assert.equal(text.slice(m.start, m.end), m.text);
});

describe('copydesk --workspace', () => {
  let folder: string;
  const cli = join(__dirname, '..', '..', 'server', 'src', 'cli.ts');
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' });
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'copydesk-cli-workspace-'));
    mkdirSync(join(folder, 'budget'));
    writeFileSync(join(folder, 'zoning-vote.txt'), zoning);
    writeFileSync(join(folder, 'budget', 'budget-talks.md'), budget);
    writeFileSync(join(folder, 'stadium.story'), stadium);
    writeFileSync(join(folder, 'photo.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  test('entities --workspace prints a who’s who in text, json and markdown', () => {
    const text = run('entities', '--workspace', folder);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^Luis Ortega · person · titled Mayor \(.*budget-talks\.md, .*stadium\.story\) · in /m);
    assert.match(text.stderr, /indexed 3 drafts .*skipped 1 unreadable or binary/);
    const json = JSON.parse(run('entities', '--workspace', folder, '--format', 'json').stdout) as { name: string; drafts: { file: string }[] }[];
    assert.deepEqual(json.find((e) => e.name === 'Luis Ortega')!.drafts.length, 2);
    const markdown = run('entities', '--workspace', folder, '--format', 'markdown').stdout;
    assert.match(markdown, /^# Who's who: /);
    assert.match(markdown, /- \*\*Luis Ortega\*\* — Mayor \(\[budget\/budget-talks\.md\]\(budget\/budget-talks\.md\), \[stadium\.story\]\(stadium\.story\)\)/);
  });

  test('check --workspace reports the cross-draft spellings, and bad usage exits 2', () => {
    const result = run('check', '--workspace', folder);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trim().split('\n');
    // name-variant is a hint by default (see the README rule table).
    assert.ok(
      lines.every((l) => / hint name-variant /.test(l)),
      result.stdout,
    );
    assert.ok(
      lines.some((l) => /zoning-vote\.txt:3:\d+ hint name-variant ‘Whitcomb’ is spelt ‘Whitcombe’ in budget-talks\.md/.test(l)),
      result.stdout,
    );
    assert.equal(run('check', '--workspace', join(folder, 'nope')).status, 2);
    assert.equal(run('entities', '--workspace', folder, '--format', 'yaml').status, 2);
    assert.doesNotThrow(() =>
      execFileSync(process.execPath, ['--import', 'tsx', cli, 'check', '--workspace', folder, '--format', 'json'], { encoding: 'utf8' }),
    );
  });
});

test('a draft re-recorded unchanged has the same entities; a moved mention, a new alias or a new quotation is a change', () => {
  const first = record('file:///desk/zoning.txt', zoning);
  assert.ok(sameEntities(first, record('file:///desk/zoning.txt', zoning)));
  assert.ok(!sameEntities(first, record('file:///desk/zoning.txt', `\n${zoning}`)), 'every mention moved');
  assert.ok(!sameEntities(first, record('file:///desk/zoning.txt', zoning.replace('"We need more time', '"We need much more time'))), 'a quotation changed');
  assert.ok(!sameEntities(first, record('file:///desk/zoning.txt', `${zoning}\nDana Whitcomb's office did not reply.\n`)), 'another mention');
  assert.ok(!sameEntities(first, undefined) && sameEntities(undefined, undefined));
});
