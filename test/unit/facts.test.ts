// The story's facts per entity, on a wire-style draft written for this test,
// and the hover card that shows them with their line numbers.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createContext } from '../../server/src/analysis/analyze';
import { parseDraft } from '../../server/src/analysis/draft';
import { analyzeFacts, type Fact } from '../../server/src/analysis/facts';
import { lineNumberAt, lineStartsOf } from '../../server/src/analysis/lines';
import { defaultOptions } from '../../server/src/analysis/types';
import { entityHoverMarkdown } from '../../server/src/lsp/hover';

const story = `Coach keeps job after losing season

TUCSON, Ariz. (AP) — Mayor Lena Fortescue said Tuesday the city would keep its stadium lease.

Dale Ruiz, who has coached the team since 2009, will stay, the club said.

Ilona Varga, 57, a Tucson Republican, said the lease was too generous.

Sen. Ted Maddox (R-Ariz.) called for a review.

The National Collegiate Athletic Association (NCAA) has not ruled.

A 44-year-old Omar Haddad, a pediatric surgeon, said he was "relieved."
`;

function factsByName(text: string): Map<string, Fact[]> {
  const ctx = createContext(parseDraft(text, 'plaintext'), defaultOptions);
  const result = new Map<string, Fact[]>();
  for (const [entity, facts] of analyzeFacts(ctx)) {
    for (const f of facts) assert.equal(text.slice(f.start, f.end), f.text, `range of a fact about ${entity.name}`);
    result.set(entity.name, [...(result.get(entity.name) ?? []), ...facts]);
  }
  return result;
}
const summary = (facts: Fact[] | undefined) => (facts ?? []).map((f) => `${f.kind}:${f.text}${f.party ? `:${f.party}` : ''}`);

test('titles, appositives, ages, affiliations and expansions, each with its range', () => {
  const facts = factsByName(story);
  assert.deepEqual(summary(facts.get('Lena Fortescue')), ['title:Mayor']);
  assert.deepEqual(summary(facts.get('Dale Ruiz')), ['description:who has coached the team since 2009']);
  assert.deepEqual(summary(facts.get('Ilona Varga')), ['age:57', 'affiliation:a Tucson Republican:R']);
  assert.deepEqual(summary(facts.get('Ted Maddox')), ['title:Sen.', 'affiliation:R-Ariz.:R']);
  assert.deepEqual(summary(facts.get('Omar Haddad')), ['age:44', 'title:a pediatric surgeon']);
  const ncaa = [...facts.entries()].find(([name]) => /National Collegiate/.test(name));
  assert.deepEqual(summary(ncaa?.[1]), ['expansion:National Collegiate Athletic Association']);
});

test('a title opens after a list\'s "and" or "of" and never reaches back past a full stop; a clause after a comma is no appositive', () => {
  const facts = factsByName(
    [
      'Club names new manager',
      '',
      'The club brought on defender Goran Vell, midfielder Gabor Okafor, and striker Ferenc Ruiz. The board named Walter Haddad as the new national manager. Haddad said he was pleased.',
      '',
      'Ana Varga, a Miami lawyer who has been involved in the project, was there. The fund invited Tom Reyes, the campaign has said. It thanked the family of President Omar Lind.',
    ].join('\n'),
  );
  assert.deepEqual(summary(facts.get('Ferenc Ruiz')), ['title:striker']);
  assert.deepEqual(summary(facts.get('Walter Haddad')), []);
  assert.deepEqual(summary(facts.get('Ana Varga')), ['title:a Miami lawyer who has been involved in the project']);
  assert.deepEqual(summary(facts.get('Tom Reyes')), []);
  assert.deepEqual(summary(facts.get('Omar Lind')), ['title:President']);
});

test('a past title is marked past; a headline and a quotation give no facts', () => {
  const text = 'Mayor Ann Park wins\n\nFormer Mayor Ann Park spoke.\n\n"Councilwoman Ann Park was wrong," Omar Haddad said.\n';
  const facts = factsByName(text).get('Ann Park') ?? [];
  assert.deepEqual(
    facts.map((f) => [f.text, f.past]),
    [['Former Mayor', true]],
  );
});

test('line numbers count CRLF, CR and LF once each', () => {
  const lineOf = (text: string, offset: number) => lineNumberAt(lineStartsOf(text), offset);
  assert.equal(lineOf('a\r\nb\rc\nd', 7), 4);
  assert.equal(lineOf('a\r\nb', 3), 2);
  assert.equal(lineOf('a\r\nb', 2), 1);
  assert.equal(lineOf('', 5), 1);
});

test('the hover card lists the facts with the line each comes from', () => {
  const ctx = createContext(parseDraft(story, 'plaintext'), defaultOptions);
  const facts = analyzeFacts(ctx);
  const varga = [...facts.keys()].find((e) => e.name === 'Ilona Varga')!;
  const document = TextDocument.create('file:///story.txt', 'plaintext', 1, story);
  const markdown = entityHoverMarkdown(document, varga, undefined, facts.get(varga));
  assert.match(markdown, /\*\*Ilona Varga\*\* · person/);
  assert.match(markdown, /age: 57 \(line 7\)/);
  assert.match(markdown, /affiliation: a Tucson Republican \(line 7\)/);
  const ruiz = [...facts.keys()].find((e) => e.name === 'Dale Ruiz')!;
  assert.match(entityHoverMarkdown(document, ruiz, undefined, facts.get(ruiz)), /who has coached the team since 2009 \(line 5\)/);
});
