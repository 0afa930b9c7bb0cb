// How the tagger's reading settles organizations (entities/combination.ts),
// with labels written by hand so that each case is exact whatever the
// shipped weights say. Fixture sentences written for these tests.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseParagraph } from '../../server/src/analysis/nlp';
import { followTagger, taggerSpans } from '../../server/src/analysis/entities/combination';
import { paragraphWords } from '../../server/src/analysis/entities/words';
import type { TagLabel, TaggedWord } from '../../server/src/analysis/entities/tagger';
import type { SpanCandidate, Word } from '../../server/src/analysis/entities/types';

function wordsOf(text: string): Word[] {
  return paragraphWords(parseParagraph(text));
}

/** Labels by word text: `{ Harbor: 'B-ORG', Watch: 'I-ORG' }`; every other word is O. */
function labels(words: Word[], byText: Record<string, TagLabel>): TaggedWord[] {
  return words.map((w) => ({ label: byText[w.text] ?? 'O', confidence: 0.9 }));
}

const at = (words: Word[], text: string) => words.findIndex((w) => w.text === text);

function candidate(words: Word[], first: string, last: string, kind: SpanCandidate['kind'], extra: Partial<SpanCandidate> = {}): SpanCandidate {
  return { first: at(words, first), last: at(words, last), role: null, per: 0, org: 0, loc: 0, kind, firm: false, ...extra };
}

const named = (words: Word[], list: SpanCandidate[]) =>
  list
    .filter((c) => c.kind)
    .map(
      (c) =>
        `${c.kind} ${words
          .slice(c.first, c.last + 1)
          .map((w) => w.text)
          .join(' ')}`,
    );

test('the tagger spans are read from BIO labels', () => {
  const words = wordsOf('Harbor Watch and Lena Varga met in Oslo.');
  const spans = taggerSpans(labels(words, { Harbor: 'B-ORG', Watch: 'I-ORG', Lena: 'B-PER', Varga: 'I-PER', Oslo: 'B-LOC' }));
  assert.deepEqual(spans, [
    { first: 0, last: 1, type: 'ORG' },
    { first: 3, last: 4, type: 'PER' },
    { first: 7, last: 7, type: 'LOC' },
  ]);
});

test('an organization the tagger reads as no name, or as a place, is dropped', () => {
  const words = wordsOf('Officials in Riverton said the Harbor Plan would pass.');
  const result = followTagger(
    [candidate(words, 'Riverton', 'Riverton', 'organization'), candidate(words, 'Harbor', 'Plan', 'organization')],
    words,
    labels(words, { Riverton: 'B-LOC' }),
  );
  assert.deepEqual(named(words, result), []);
});

test('firm evidence, and an organization the tagger reads as a person, stand against the tagger', () => {
  const words = wordsOf('Harbor Watch, a consumer group, sued Lakeview Mutual and Orrin Hale.');
  const result = followTagger(
    [
      candidate(words, 'Harbor', 'Watch', 'organization', { firm: true, describedAsOrganization: true }),
      candidate(words, 'Lakeview', 'Mutual', 'organization'),
      candidate(words, 'Orrin', 'Hale', 'person'),
    ],
    words,
    labels(words, { Harbor: 'B-LOC', Watch: 'I-LOC', Lakeview: 'B-PER', Mutual: 'I-PER', Orrin: 'B-PER', Hale: 'I-PER' }),
  );
  assert.deepEqual(named(words, result), ['organization Harbor Watch', 'organization Lakeview Mutual', 'person Orrin Hale']);
});

test("the tagger's boundaries replace an organization's, and two organizations joined by and stay two", () => {
  const words = wordsOf('Shares of Kestrel Mining Ltd and Aldous Bank rose.');
  const tags = labels(words, { Kestrel: 'B-ORG', Mining: 'I-ORG', Ltd: 'I-ORG', Aldous: 'B-ORG', Bank: 'I-ORG' });
  const result = followTagger([candidate(words, 'Kestrel', 'Bank', 'organization')], words, tags);
  assert.deepEqual(named(words, result), ['organization Kestrel Mining Ltd', 'organization Aldous Bank']);
});

test('an organization only the tagger finds is added, in place of an undecided candidate', () => {
  const words = wordsOf('Volunteers from Harbor Watch arrived.');
  const result = followTagger([candidate(words, 'Harbor', 'Watch', undefined)], words, labels(words, { Harbor: 'B-ORG', Watch: 'I-ORG' }));
  assert.deepEqual(named(words, result), ['organization Harbor Watch']);
  assert.equal(result.length, 1);
});

test('a tagger name never runs across a quotation mark, a comma or a colon; a place keeps its comma', () => {
  const words = wordsOf('"We backed Harbor Watch," Vell said in Riverton, Ohio.');
  const result = followTagger(
    [candidate(words, 'Harbor', 'Watch', undefined), candidate(words, 'Vell', 'Vell', 'person')],
    words,
    labels(words, { Harbor: 'B-ORG', Watch: 'I-ORG', Vell: 'I-ORG', Riverton: 'B-LOC', Ohio: 'I-LOC' }),
  );
  assert.deepEqual(named(words, result), ['organization Harbor Watch', 'person Vell']);
  const colon = wordsOf('Senator Cruz: Obama will lose.');
  const spans = followTagger([], colon, labels(colon, { Cruz: 'B-PER', Obama: 'I-PER' }));
  assert.deepEqual(named(colon, spans), ['person Cruz', 'person Obama']);
});

test('a sentence opener the tagger reads into a name is not part of it ("Unlike Harbor Watch", "If Obama")', () => {
  const words = wordsOf('Unlike Harbor Watch, the board said nothing.');
  const result = followTagger([], words, labels(words, { Unlike: 'B-ORG', Harbor: 'I-ORG', Watch: 'I-ORG' }));
  assert.deepEqual(named(words, result), ['organization Harbor Watch']);
  const person = wordsOf('If Obama wins, the ferry runs.');
  assert.deepEqual(named(person, followTagger([], person, labels(person, { If: 'B-PER', Obama: 'I-PER' }))), ['person Obama']);
});

test('people, and names from the organization table, are left as the evidence decided', () => {
  const words = wordsOf('Lena Varga of the Pentagon spoke.');
  const table = { id: 'org-table-x', name: 'Pentagon', forms: [] };
  const result = followTagger(
    [candidate(words, 'Lena', 'Varga', 'person'), candidate(words, 'Pentagon', 'Pentagon', 'organization', { tableEntry: table })],
    words,
    labels(words, { Lena: 'B-ORG', Varga: 'I-ORG' }),
  );
  assert.deepEqual(named(words, result), ['person Lena Varga', 'organization Pentagon']);
});

test('a title the tagger reads into an organization is kept out of it', () => {
  const words = wordsOf('Transit Board Chair Ana Ruiz spoke.');
  const result = followTagger(
    [candidate(words, 'Ana', 'Ruiz', 'person')],
    words,
    labels(words, { Transit: 'B-ORG', Board: 'I-ORG', Chair: 'I-ORG', Ana: 'B-PER', Ruiz: 'I-PER' }),
  );
  assert.deepEqual(named(words, result), ['organization Transit Board', 'person Ana Ruiz']);
});

test("a nationality the tagger reads apart is not part of a person's name", () => {
  const words = wordsOf('Australian Tom Varley took six wickets.');
  const result = followTagger(
    [candidate(words, 'Australian', 'Varley', 'person')],
    words,
    labels(words, { Australian: 'B-MISC', Tom: 'B-PER', Varley: 'I-PER' }),
  );
  assert.deepEqual(named(words, result), ['person Tom Varley']);
});

test('a person only the tagger finds is added, but never a title or a piece of one', () => {
  const words = wordsOf('Petter Lund and Prime Minister Aino Rask spoke.');
  const result = followTagger(
    [candidate(words, 'Aino', 'Rask', 'person')],
    words,
    labels(words, { Petter: 'B-PER', Lund: 'I-PER', Prime: 'B-PER', Aino: 'B-PER', Rask: 'I-PER' }),
  );
  assert.deepEqual(named(words, result), ['person Petter Lund', 'person Aino Rask']);
});

test('a person on weak evidence is dropped where the tagger reads no name; a firm one stays', () => {
  const words = wordsOf('Shares of Tunbridge Wells rose after Mayor Ada Price spoke.');
  const result = followTagger(
    [candidate(words, 'Tunbridge', 'Wells', 'person'), candidate(words, 'Ada', 'Price', 'person', { role: 'Mayor', firm: true })],
    words,
    labels(words, {}),
  );
  assert.deepEqual(named(words, result), ['person Ada Price']);
});

test("a person after a title that holds an organization's word is part of the organization the tagger reads over both", () => {
  const words = wordsOf('Ana Ruiz spoke to Young Presidents Organization of Cincinnati on Monday.');
  const result = followTagger(
    [
      candidate(words, 'Ana', 'Ruiz', 'person', { firm: true }),
      candidate(words, 'Young', 'Young', 'organization'),
      candidate(words, 'Cincinnati', 'Cincinnati', 'person', { firm: true, role: 'Young Presidents Organization of' }),
    ],
    words,
    labels(words, { Ana: 'B-PER', Ruiz: 'I-PER', Young: 'B-ORG', Presidents: 'I-ORG', Organization: 'I-ORG', of: 'I-ORG', Cincinnati: 'I-ORG' }),
  );
  assert.deepEqual(named(words, result), ['person Ana Ruiz', 'organization Young Presidents Organization of Cincinnati']);
});

test("the tagger's longer organization never swallows a name from the organization table", () => {
  const words = wordsOf("He wrote on the Steelworkers' Facebook page.");
  const table = { id: 'org-table-facebook', name: 'Facebook', forms: [] };
  const result = followTagger(
    [
      candidate(words, 'Steelworkers', 'Steelworkers', 'organization', { firm: true }),
      candidate(words, 'Facebook', 'Facebook', 'organization', { tableEntry: table }),
    ],
    words,
    labels(words, { Steelworkers: 'B-ORG', Facebook: 'I-ORG' }),
  );
  assert.deepEqual(named(words, result), ['organization Steelworkers', 'organization Facebook']);
});

test("an organization ends where its officer's title begins", () => {
  const words = wordsOf('Harbor Union Director of Government Affairs Ines Dalby spoke.');
  const result = followTagger(
    [candidate(words, 'Ines', 'Dalby', 'person', { firm: true })],
    words,
    labels(words, {
      Harbor: 'B-ORG',
      Union: 'I-ORG',
      Director: 'I-ORG',
      of: 'I-ORG',
      Government: 'I-ORG',
      Affairs: 'I-ORG',
      Ines: 'B-PER',
      Dalby: 'I-PER',
    }),
  );
  assert.deepEqual(named(words, result), ['organization Harbor Union', 'person Ines Dalby']);
  const kind = wordsOf('"We welcome it," said United Ferryworkers Political Director Tom Waring.');
  const labelled = labels(kind, { United: 'B-ORG', Ferryworkers: 'I-ORG', Political: 'I-ORG', Director: 'I-ORG', Tom: 'B-PER', Waring: 'I-PER' });
  assert.deepEqual(named(kind, followTagger([candidate(kind, 'Tom', 'Waring', 'person', { firm: true })], kind, labelled)), [
    'organization United Ferryworkers',
    'person Tom Waring',
  ]);
});

test('where a name is based is no part of it, and a programme or an institution is no person', () => {
  const words = wordsOf('Vell spoke to the Alabama-based Orrin Hale Ministries and on The Ada Price Show.');
  const result = followTagger(
    [],
    words,
    labels(words, { 'Alabama-based': 'B-ORG', Orrin: 'I-ORG', Hale: 'I-ORG', Ministries: 'I-ORG', Ada: 'B-PER', Price: 'I-PER', Show: 'I-PER' }),
  );
  assert.deepEqual(named(words, result), ['organization Orrin Hale Ministries']);
  const person = wordsOf('Vell thanked Orrin Hale Ministries.');
  assert.deepEqual(named(person, followTagger([], person, labels(person, { Orrin: 'B-PER', Hale: 'I-PER', Ministries: 'I-PER' }))), []);
});

test('two names joined by a slash are no name, and a place after "in" or "from" is no organization or person', () => {
  const words = wordsOf('Vell cited the Harbor Journal/Riverton News poll taken by embassies in Tel Aviv.');
  const result = followTagger(
    [candidate(words, 'Tel', 'Aviv', 'organization', { firm: true })],
    words,
    labels(words, { Harbor: 'B-ORG', 'Journal/Riverton': 'I-ORG', News: 'I-ORG', Tel: 'B-ORG', Aviv: 'I-ORG' }),
  );
  assert.deepEqual(named(words, result), []);
});

test('a lone word the tagger reads as a person is added only if compromise knows it from a name', () => {
  const words = wordsOf('Subscribe here, said Clinton, or write to American Jews.');
  const result = followTagger([], words, labels(words, { Subscribe: 'B-PER', Clinton: 'B-PER', Jews: 'B-PER' }));
  assert.deepEqual(named(words, result), ['person Clinton']);
});

test("a title's last word standing alone after its capitalised modifiers names no one", () => {
  const words = wordsOf('He is a longtime Republican National Committeeman representing Virginia.');
  const result = followTagger(
    [candidate(words, 'Committeeman', 'Committeeman', 'person', { firm: true })],
    words,
    labels(words, { Republican: 'B-ORG', National: 'I-ORG', Committeeman: 'I-ORG' }),
  );
  assert.deepEqual(named(words, result), []);
});

test('a name that is the whole of a quotation is a title, a nickname or an alias, not who or what it names', () => {
  const words = wordsOf("Isabelle, the heroine of ''Opening Belle,'' joins a secret society, “Gang of Nine,” after reading ''The Big Short'' twice.");
  const result = followTagger(
    [candidate(words, 'Isabelle', 'Isabelle', 'person', { firm: true })],
    words,
    labels(words, { Opening: 'B-ORG', Belle: 'I-ORG', Gang: 'B-ORG', of: 'I-ORG', Nine: 'I-ORG', Big: 'B-ORG', Short: 'I-ORG' }),
  );
  assert.deepEqual(named(words, result), ['person Isabelle']);
  const movement = wordsOf('As the “Never Vell” movement grows, Vell said nothing.');
  const read = followTagger([], movement, labels(movement, { Never: 'B-PER', Vell: 'I-PER' }));
  assert.deepEqual(named(movement, read), []);
});

test('a faith, a region or a nationality before a noun, and a state before a political role, are no organizations', () => {
  const words = wordsOf('Vell wants patrols in Muslim neighbourhoods, unlike North American leaders and any Texas Congressman. Apple stores agreed.');
  const result = followTagger([], words, labels(words, { Muslim: 'B-ORG', North: 'B-ORG', American: 'I-ORG', Texas: 'B-ORG', Apple: 'B-ORG' }));
  assert.deepEqual(named(words, result), ['organization Apple']);
});

test('a month the tagger reads as an organization, and a lone "Nazi", are no organizations', () => {
  const words = wordsOf('The poll ran from Dec. 3 to Dec. 7 in a country whose Nazi past weighs on Vell Holdings.');
  const result = followTagger([], words, labels(words, { Dec: 'B-ORG', Nazi: 'B-ORG', Vell: 'B-ORG', Holdings: 'I-ORG' }));
  assert.deepEqual(named(words, result), ['organization Vell Holdings']);
});

test('a title\'s modifiers after an organization\'s "for" or "of" are its own words when no title follows them ("the Center for Global Development")', () => {
  const words = wordsOf('Ana Ruiz is a senior fellow at the Center for Global Development in Washington.');
  const result = followTagger([], words, labels(words, { Center: 'B-ORG', for: 'I-ORG', Global: 'I-ORG', Development: 'I-ORG' }));
  assert.deepEqual(named(words, result), ['organization Center for Global Development']);
  const titled = wordsOf('Transit Authority for Regional Development Director Ana Ruiz spoke.');
  const cut = followTagger(
    [],
    titled,
    labels(titled, { Transit: 'B-ORG', Authority: 'I-ORG', for: 'I-ORG', Regional: 'I-ORG', Development: 'I-ORG', Director: 'I-ORG' }),
  );
  assert.ok(!named(titled, cut).some((n) => /Director/.test(n)), named(titled, cut).join(', '));
});

test('an organization the tagger reads in pieces on either side of its "the" or "to" stays whole; a person or place among the pieces splits it', () => {
  const words = wordsOf('She spoke at the Institute for the Study of Fen Policy on Monday.');
  const pieces = labels(words, { Institute: 'B-ORG', Study: 'B-ORG', of: 'I-ORG', Fen: 'I-ORG', Policy: 'I-ORG' });
  const whole = candidate(words, 'Institute', 'Policy', 'organization');
  assert.deepEqual(named(words, followTagger([whole], words, pieces)), ['organization Institute for the Study of Fen Policy']);
  // Undecided by the evidence, it is decided by the tagger's pieces.
  assert.deepEqual(named(words, followTagger([{ ...whole, kind: undefined }], words, pieces)), ['organization Institute for the Study of Fen Policy']);
  const place = labels(words, { Institute: 'B-ORG', Study: 'B-ORG', Fen: 'B-LOC', Policy: 'B-ORG' });
  assert.ok(!named(words, followTagger([whole], words, place)).includes('organization Institute for the Study of Fen Policy'));
});

test('two organizations the tagger reads end to end over the whole candidate are one name ("Yukos USA", "Our Principles PAC")', () => {
  const words = wordsOf('He moved to Ohio to set up Varga Steel USA last year.');
  const whole = candidate(words, 'Varga', 'USA', 'organization');
  const result = followTagger([whole], words, labels(words, { Varga: 'B-ORG', Steel: 'I-ORG', USA: 'B-ORG', Ohio: 'B-LOC' }));
  assert.deepEqual(named(words, result), ['organization Varga Steel USA']);
  // Apart, with a word between them, they stay two.
  const apart = wordsOf('He left Varga Steel for Harbor Watch last year.');
  const both = candidate(apart, 'Varga', 'Watch', 'organization');
  const split = followTagger([both], apart, labels(apart, { Varga: 'B-ORG', Steel: 'I-ORG', Harbor: 'B-ORG', Watch: 'I-ORG' }));
  assert.deepEqual(named(apart, split), ['organization Varga Steel', 'organization Harbor Watch']);
});

test('a station\'s region ends its name when the tagger reads the region as a place and stops before it ("BBC Radio Wales")', () => {
  const words = wordsOf('He had told BBC Radio Wales: "I have written back to the trust." Harbor Radio Riverton agreed.');
  const result = followTagger(
    [candidate(words, 'BBC', 'Wales', 'organization'), candidate(words, 'Harbor', 'Riverton', 'organization')],
    words,
    labels(words, { BBC: 'B-ORG', Radio: 'I-ORG', Wales: 'B-LOC', Harbor: 'B-ORG', Riverton: 'B-LOC' }),
  );
  // Riverton is no place the lexicon knows: the station ends where the tagger ends it.
  assert.deepEqual(named(words, result), ['organization BBC Radio Wales', 'organization Harbor Radio']);
});
