import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseStyleSheet, styleSheetEntryText } from '../../server/src/analysis/styleSheet';
import { readSettingsFile, readStyleSheet } from '../../server/src/workspaceFiles';

const sheet = `# Names the desk has checked
- name: Mevlüt Çavuşoğlu
  type: person
  title: Turkish foreign minister
  aliases: [Cavusoglu, "Çavuşoğlu"]
  notes: Always with the cedillas.
- name: North Atlantic Treaty Organization
  type: organization
  aliases:
    - NATO
    - the alliance
`;

test('a sheet is read with its entries, aliases, lines and a case-insensitive index', () => {
  const { sheet: parsed, problems } = parseStyleSheet(sheet);
  assert.deepEqual(problems, []);
  assert.equal(parsed.entries.length, 2);
  assert.deepEqual(parsed.entries[0], {
    name: 'Mevlüt Çavuşoğlu',
    type: 'person',
    title: 'Turkish foreign minister',
    aliases: ['Cavusoglu', 'Çavuşoğlu'],
    notes: 'Always with the cedillas.',
    line: 2,
  });
  assert.equal(parsed.byName.get('nato')?.name, 'North Atlantic Treaty Organization');
  assert.equal(parsed.entries[1].line, 7);
});

test('the fast scanner and the YAML parser agree, including a top-level names: key', () => {
  const nested = `names:\n${sheet
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .map((l) => (l ? `  ${l}` : l))
    .join('\n')}`;
  const withAnchor = sheet.replace('type: organization', 'type: &org organization');
  const strip = (s: ReturnType<typeof parseStyleSheet>) => s.sheet.entries.map(({ line: _line, ...rest }) => rest);
  assert.deepEqual(strip(parseStyleSheet(nested)), strip(parseStyleSheet(sheet)));
  assert.deepEqual(strip(parseStyleSheet(withAnchor)), strip(parseStyleSheet(sheet)), 'an anchor sends the text to the full parser');
});

test('wrong entries are reported with their lines; the good ones are kept', () => {
  const { sheet: parsed, problems } = parseStyleSheet('- name: A\n  type: persn\n- name: B\n  type: organization\n  alias: Bee\n- type: person\n');
  assert.deepEqual(
    parsed.entries.map((e) => e.name),
    ['A', 'B'],
  );
  assert.deepEqual(
    problems.map((p) => p.line),
    [2, 5, 6],
  );
  assert.match(problems[0].message, /"persn", which is not person or organization/);
});

test('broken YAML gives one problem with its line and an empty sheet', () => {
  const { sheet: parsed, problems } = parseStyleSheet('- name: A\n  type: person\n  aliases: [unclosed\n');
  assert.equal(parsed.entries.length, 0);
  assert.equal(problems.length, 1);
  assert.ok(problems[0].line >= 3);
  assert.match(problems[0].message, /not valid YAML/);
});

test('100,000 names load, every one of them', () => {
  let text = '';
  for (let i = 0; i < 100_000; i++) text += `- name: Person${i} Smith\n  type: person\n  title: Deputy minister\n  aliases: [Smith${i}]\n`;
  const { sheet: parsed, problems } = parseStyleSheet(text);
  assert.equal(parsed.entries.length, 100_000);
  assert.deepEqual(problems, []);
  assert.deepEqual(parsed.entries[99_999].aliases, ['Smith99999']);
});

test('an appended entry reads back as the same entry', () => {
  const entry = { name: "Rachel O'Brien", type: 'person' as const, title: 'spokeswoman: Cascade Energy', aliases: ['Ms. O’Brien'] };
  const text = sheet + styleSheetEntryText(entry, sheet);
  const last = parseStyleSheet(text).sheet.entries.at(-1)!;
  assert.deepEqual({ ...last, line: 0 }, { ...entry, line: 0 });
});

test('settings file and sheet are found in the nearest folder above the draft', () => {
  const root = mkdtempSync(join(tmpdir(), 'copydesk-files-'));
  try {
    mkdirSync(join(root, 'desk', 'stories'), { recursive: true });
    mkdirSync(join(root, '.copydesk'));
    writeFileSync(join(root, '.copydesk.yaml'), 'style: guardian\nrules:\n  leftover: "off"\n');
    writeFileSync(join(root, '.copydesk', 'names.yaml'), sheet);
    const folder = join(root, 'desk', 'stories');
    const settings = readSettingsFile(folder);
    assert.equal(settings.file, join(root, '.copydesk.yaml'));
    assert.equal(settings.value?.style, 'guardian');
    assert.equal(settings.value?.rules.leftover, 'off');
    assert.equal(readStyleSheet(folder).value?.entries.length, 2);
    // A nearer file wins.
    writeFileSync(join(root, 'desk', '.copydesk.json'), '{ "style": "reuters" }');
    assert.equal(readSettingsFile(folder).value?.style, 'reuters');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the JSON schema contributed for the sheet (schemas/names.schema.json) knows the same fields as the parser', () => {
  const schema = JSON.parse(readFileSync(join(__dirname, '../../schemas/names.schema.json'), 'utf8'));
  const entry = schema.definitions.entry;
  assert.deepEqual(Object.keys(entry.properties).sort(), ['aliases', 'name', 'notes', 'title', 'type']);
  assert.deepEqual(entry.properties.type.enum, ['person', 'organization']);
  assert.deepEqual(entry.required, ['name', 'type']);
  // Every field the schema allows is one the parser reads without a complaint.
  const parsed = parseStyleSheet('- name: Tom Brennan\n  type: person\n  title: Councilman\n  aliases: [Brennan]\n  notes: Two n.\n');
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.sheet.entries[0].title, 'Councilman');
  assert.equal(parsed.sheet.entries[0].name, 'Tom Brennan');
});

test("a title typed into a person's name is read as the title, so the sheet keeps the two apart", () => {
  const { sheet, problems } = parseStyleSheet('- name: Councilman Tom Brennan\n  type: person\n- name: Chamber of Commerce\n  type: organization\n');
  assert.deepEqual(problems, []);
  assert.deepEqual([sheet.entries[0].name, sheet.entries[0].title], ['Tom Brennan', 'Councilman']);
  assert.equal(sheet.byName.get('tom brennan'), sheet.entries[0]);
  assert.deepEqual([sheet.entries[1].name, sheet.entries[1].title], ['Chamber of Commerce', undefined]);
});
