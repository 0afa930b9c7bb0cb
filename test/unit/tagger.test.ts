import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseParagraph, type NlpParagraph } from '../../server/src/analysis/nlp';
import { readFileSync } from 'node:fs';
import {
  isTaggerLoaded,
  loadWeights,
  readWeights,
  scanFeatures,
  tagDraft,
  tagLabels,
  tagParagraph,
  taggerLoadMs,
  taggerWeightsPath,
  tagWithModel,
  type TaggedWord,
  type TaggerWeightsFile,
} from '../../server/src/analysis/entities/tagger';
import { addNameCounts, documentFeatures, nameCounts, paragraphFeatures, wordShape } from '../../server/src/analysis/entities/tagger-features';

// Fixture drafts written for these tests, in the manner of wire copy.
const lede =
  'SPRINGDALE, Ark. (AP) — Maria Delgado, a spokeswoman for the American Red Cross, said Tuesday that volunteers ' +
  'from Little Rock would reach the flooded county by nightfall, while Gov. Thomas Whitlock asked the Federal Emergency ' +
  'Management Agency for more trucks.';

/** Names the tagger found, as text and type. */
function names(text: string): string[] {
  const parsed = parseParagraph(text);
  const tagged = tagParagraph(parsed);
  const found: string[] = [];
  let open: { start: number; end: number; type: string } | undefined;
  const close = () => {
    if (open) found.push(`${open.type} ${text.slice(open.start, open.end)}`);
    open = undefined;
  };
  parsed.words.forEach((word, i) => {
    const label = tagged[i].label;
    if (label === 'O' || label.startsWith('B-')) close();
    if (label.startsWith('B-')) open = { start: word.start, end: word.end, type: label.slice(2) };
    else if (label.startsWith('I-') && open) open.end = word.end;
  });
  close();
  return found;
}

function assertWellFormed(paragraph: NlpParagraph, tagged: TaggedWord[]): void {
  assert.equal(tagged.length, paragraph.words.length);
  tagged.forEach((t, i) => {
    assert.ok(tagLabels.includes(t.label), t.label);
    assert.ok(t.confidence > 0 && t.confidence <= 1, `confidence ${t.confidence}`);
    if (t.label.startsWith('I-')) {
      const before = tagged[i - 1]?.label;
      assert.ok(before && before !== 'O' && before.slice(2) === t.label.slice(2), `${before} then ${t.label}`);
    }
  });
}

// Runs first in this file's process: nothing has been tagged yet.
test('the weights load on first use, not on import, and report their load time', () => {
  assert.equal(isTaggerLoaded(), false);
  assert.equal(taggerLoadMs(), 0);
  tagParagraph(parseParagraph(lede));
  assert.equal(isTaggerLoaded(), true);
  assert.ok(taggerLoadMs() > 0);
});

test('one label per word, with BIO order respected', () => {
  const parsed = parseParagraph(lede);
  assertWellFormed(parsed, tagParagraph(parsed));
});

test('the same paragraph is tagged the same way every time', () => {
  const parsed = parseParagraph(lede);
  const first = tagParagraph(parsed);
  // A copy of the parsed paragraph is tagged afresh, not taken from the cache.
  assert.deepEqual(tagParagraph({ ...parsed }), first);
  assert.deepEqual(tagParagraph(parsed), first);
});

test('a clear person and a clear organization are found', () => {
  const found = names(lede);
  assert.ok(found.includes('PER Maria Delgado'), found.join('; '));
  assert.ok(found.includes('PER Thomas Whitlock'), found.join('; '));
  assert.ok(found.includes('ORG Federal Emergency Management Agency'), found.join('; '));
});

// Known miss of the tagger alone: "volunteers from Little Rock" comes out as a
// person. Kept visible as a to-do rather than dropped; the document-level steps
// (places, the style sheet) are expected to reject it.
test('a city is not taken for a person or an organization', { todo: 'the tagger alone reads "from Little Rock" as a person' }, () => {
  const found = names(lede);
  assert.ok(found.includes('LOC Little Rock'), found.join('; '));
  assert.ok(!found.some((n) => /^(PER|ORG) .*Little Rock/.test(n)), found.join('; '));
});

test('a company and a ministry in a business story', () => {
  const found = names(
    'Shares of Halvorsen Shipping fell 4 percent after Chief Executive Lars Engebretsen told analysts the Norwegian ' +
      'Ministry of Trade had delayed its licence.',
  );
  assert.ok(found.includes('PER Lars Engebretsen'), found.join('; '));
  assert.ok(
    found.some((n) => n.startsWith('ORG ') && n.includes('Ministry')),
    found.join('; '),
  );
  assert.ok(!found.some((n) => n.includes('Chief Executive')), found.join('; '));
});

test('emoji, accents and curly quotes do not shift the words the labels belong to', () => {
  const text = '“We are ready 🎉,” said Çağla Öztürk, who leads the Ankara office of Médecins Sans Frontières.';
  const parsed = parseParagraph(text);
  const tagged = tagParagraph(parsed);
  assertWellFormed(parsed, tagged);
  const name = parsed.words.findIndex((w) => w.text === 'Öztürk');
  assert.match(tagged[name].label, /-PER$/);
});

test('bad input: empty, all capitals, non-Latin scripts and a 5,000-word paragraph', () => {
  assert.deepEqual(tagParagraph(parseParagraph('')), []);
  for (const text of [
    'MAYOR VOWS TO REOPEN BRIDGE AFTER STORM DAMAGE IN RIVERTON',
    '北京市政府周二宣布新的交通规定。',
    'قال المتحدث باسم الوزارة إن الاجتماع سيعقد غدا.',
    'Москва — Министр заявил во вторник, что переговоры продолжатся.',
    '🎉🎉 !!! ??? ...',
    `${'x'.repeat(200)} Smith said.`,
  ]) {
    const parsed = parseParagraph(text);
    assertWellFormed(parsed, tagParagraph(parsed));
  }
  // 5,000 words built from one parsed sentence (compromise's own time on such a paragraph is not the tagger's).
  const sentence = 'Officials from Harbor County met Councilwoman Ada Price and the Port Authority on Monday. ';
  const one = parseParagraph(sentence).words;
  const copies = Math.ceil(5000 / one.length);
  const parsed: NlpParagraph = {
    words: Array.from({ length: copies }, (_, n) =>
      one.map((w) => ({ ...w, start: w.start + n * sentence.length, end: w.end + n * sentence.length, sentence: n })),
    ).flat(),
    people: [],
    organizations: [],
    places: [],
  };
  assert.ok(parsed.words.length >= 5000);
  const tagged = tagParagraph(parsed);
  assertWellFormed(parsed, tagged);
});

test('word shapes collapse runs of one kind', () => {
  assert.equal(wordShape('McCain'), 'XxXx');
  assert.equal(wordShape('U.S.'), 'X.X.');
  assert.equal(wordShape('1996-08-22'), 'd-d-d');
  assert.equal(wordShape(''), 'empty');
});

test('features see the whole capitalised run a word sits in, and the organization table', () => {
  const parsed = parseParagraph('Shares of Kestrel Mining Ltd fell after Dana Yost of the Federal Reserve spoke at the Bank of Riverton.');
  const none = { word: () => undefined, phrase: () => undefined, cluster: () => undefined };
  const features = paragraphFeatures(parsed.words, none);
  const of = (text: string) => features[parsed.words.findIndex((w) => w.text === text)];
  // The first word of a company's name sees how the name ends.
  assert.ok(of('Kestrel').includes('r-end=ltd'), of('Kestrel').join(' '));
  assert.ok(of('Kestrel').includes('r-org-end|B'));
  assert.ok(of('Mining').includes('r-prev=of'));
  // "of" joins an organization's head to its place, never a person to an organization.
  assert.ok(of('Bank').includes('r-end=riverton'), of('Bank').join(' '));
  assert.ok(of('Dana').includes('r-end=yost'), of('Dana').join(' '));
  assert.ok(of('Federal').includes('tab=B') && of('Reserve').includes('tab=I'));
  assert.ok(!of('Dana').some((f) => f.startsWith('tab=')));
});

// ---------------------------------------------------------------------------
// The draft-level step: document features from how the rest of the draft was tagged.

const words = (text: string) => parseParagraph(text).words;

test('document features count the other occurrences of a word, never its own', () => {
  const first = words('Officials said Varga would speak.');
  const second = words('Later Varga spoke to Lena Varga.');
  const firstLabels = first.map((w) => (w.text === 'Varga' ? 'B-PER' : 'O'));
  const secondLabels = second.map((w) => (w.text === 'Lena' ? 'B-PER' : w.text === 'Varga' ? (second.indexOf(w) === 1 ? 'B-PER' : 'I-PER') : 'O'));
  const draft = new Map();
  addNameCounts(draft, nameCounts(first, firstLabels));
  addNameCounts(draft, nameCounts(second, secondLabels));
  const alone = new Map();
  addNameCounts(alone, nameCounts(first, firstLabels));
  // A name written once has nothing elsewhere to go by.
  assert.deepEqual(documentFeatures(first, firstLabels, alone), [[], [], [], [], []]);
  const features = documentFeatures(first, firstLabels, draft)[first.findIndex((w) => w.text === 'Varga')];
  assert.ok(features.includes('doc=PER'), features.join(' '));
  assert.ok(features.includes('doc-all=PER'), features.join(' '));
  assert.ok(features.includes('doc-last=PER'), features.join(' '));
  // Lower-case words get none, and an all-capitals paragraph neither gives nor gets any.
  assert.deepEqual(documentFeatures(first, firstLabels, draft)[1], []);
  const shouted = words('VARGA WINS');
  assert.equal(nameCounts(shouted, ['B-PER', 'O']).size, 0);
  assert.deepEqual(documentFeatures(shouted, ['B-PER', 'O'], draft), [[], []]);
});

test('tagging a draft leaves each paragraph\u2019s own tagging as it was', () => {
  const paragraphs = [lede, 'Delgado said the Red Cross had 40 trucks ready.', 'WHITLOCK ASKS FOR TRUCKS'].map(parseParagraph);
  const alone = paragraphs.map((p) => tagParagraph(p));
  const inDraft = tagDraft(paragraphs);
  paragraphs.forEach((p, n) => {
    assertWellFormed(p, inDraft[n]);
    assert.deepEqual(tagParagraph(p), alone[n]);
  });
  assert.deepEqual(tagDraft([]), []);
});

test('in its draft, a surname opening a sentence is read as the person named before', () => {
  const sports = ['Striker Tomas Bakke scored twice as Rosenborg beat Molde 3-1 on Sunday.', 'Bakke now has 14 goals this season for Rosenborg.'];
  const politics = ['Senator Maria Ochoa said the Hartwell Foundation would fund the clinic.', 'Ochoa thanked Hartwell in a statement.'];
  for (const [first, second] of [sports, politics]) {
    const paragraphs = [first, second].map(parseParagraph);
    const surname = paragraphs[1].words[0];
    assert.equal(tagDraft(paragraphs)[1][0].label, 'B-PER', surname.text);
  }
});

test('the weights read from their text make the same model as JSON.parse, and odd text falls back to it', () => {
  const text = readFileSync(taggerWeightsPath(), 'utf8');
  assert.ok(scanFeatures(text), 'the shipped weights are read in place, not through JSON.parse');
  const scanned = readWeights(text);
  const parsed = loadWeights(JSON.parse(text) as TaggerWeightsFile);
  assert.deepEqual([...scanned.rows], [...parsed.rows]);
  assert.deepEqual(scanned.table, parsed.table);
  assert.equal(scanned.scale, parsed.scale);
  assert.deepEqual(scanned.transitions, parsed.transitions);
  const paragraph = parseParagraph(lede);
  assert.deepEqual(tagWithModel(paragraph, scanned), tagWithModel(paragraph, parsed));

  // A small file: an escaped feature, a negative weight, an empty list, and keys after the features.
  const small = (features: string) =>
    `{"labels":${JSON.stringify(tagLabels)},"scale":0.5,"temperature":1,"start":[0,0,0,0,0,0,0,0,0],"transitions":${JSON.stringify(Array(81).fill(0))},"features":${features},"gazetteer":{},"phrases":{}}`;
  const features = '{"w=\\"quoted\\"":[1,-12,3,40],"w=plain":[],"suffix=}":[0,7]}';
  assert.ok(scanFeatures(small(features)));
  const model = readWeights(small(features));
  assert.deepEqual([...model.rows.keys()], ['w="quoted"', 'w=plain', 'suffix=}']);
  assert.deepEqual([...model.table.slice(0, 9)], [0, -12, 0, 40, 0, 0, 0, 0, 0]);
  assert.equal(model.table[2 * 9], 7);
  // Anything else (spaces, a fraction) goes through JSON.parse and gives the same model, or its error.
  const outcome = (load: () => ReturnType<typeof readWeights>) => {
    try {
      const loaded = load();
      return { rows: [...loaded.rows], table: [...loaded.table] };
    } catch (error) {
      return (error as Error).message;
    }
  };
  for (const odd of ['{ "w=a": [1, 2] }', '{"w=a":[1,2.5]}']) {
    assert.deepEqual(
      outcome(() => readWeights(small(odd))),
      outcome(() => loadWeights(JSON.parse(small(odd)) as TaggerWeightsFile)),
    );
  }
  assert.deepEqual(
    outcome(() => readWeights(small('{ "w=a": [1, 2] }'))),
    { rows: [['w=a', 0]], table: [0, 2, 0, 0, 0, 0, 0, 0, 0] },
  );
  assert.match(String(outcome(() => readWeights(small('{"w=a":[1,2.5]}')))), /not a whole multiple/);
});

test('cluster features give the prefixes of a word and its neighbours, and none without a cluster', () => {
  const parsed = parseParagraph('Talks with Kowalczyk ended.');
  const clusterOf: Record<string, string> = { kowalczyk: '1010101000001', with: '0011' };
  const lookup = { word: () => undefined, phrase: () => undefined, cluster: (form: string) => clusterOf[form] };
  const features = paragraphFeatures(parsed.words, lookup);
  const of = (text: string) => features[parsed.words.findIndex((w) => w.text === text)];
  assert.ok(of('Kowalczyk').includes('c4=1010') && of('Kowalczyk').includes('c10=1010101000'), of('Kowalczyk').join(' '));
  assert.ok(of('Kowalczyk').includes('c-1=0011'));
  assert.ok(of('ended').includes('c-1=101010'));
  assert.ok(!of('Talks').some((f) => f.startsWith('c4=')));
});

test('a name never runs on across a comma, a semicolon or a sentence end', () => {
  const parsed = parseParagraph('Lotte and Hyundai, Haitai and Samsung played two games; Kestrel Mining won. Dana Yost left.');
  const tagged = tagParagraph(parsed);
  parsed.words.forEach((word, i) => {
    if (i === 0 || !tagged[i].label.startsWith('I-')) return;
    const before = parsed.words[i - 1];
    assert.ok(!/[,;]/.test(before.post) && before.sentence === word.sentence, `${before.text} ${word.text}: ${tagged[i].label}`);
  });
  const at = (text: string) => tagged[parsed.words.findIndex((w) => w.text === text)].label;
  assert.ok(!at('Haitai').startsWith('I-'), at('Haitai'));
});
