// Trains the small word-statistics model that entities.ts consults for names
// no rule settles: a multinomial naive Bayes over the words, suffixes and
// shape of a capitalised span and the words on either side, with four classes
// (person, organization, place, other). It is trained on the Groningen Meaning
// Bank (Voice of America news, public domain), never on the evaluation corpora.
// Every fifth sentence is held out, so `eval:ner --gmb` scores unseen text.
//
//   node --import tsx scripts/train-name-model.ts ../shared/corpora/gmb/ner_dataset.csv
//
// Writes server/src/analysis/data/name-model.json (kept under 1 MB by pruning rare features).

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireCorpus } from './corpus';
import { isHeldOut, nameFeatures, nameClasses, type NameClass } from '../server/src/analysis/nameFeatures';

const path = process.argv[2];
if (!path) {
  console.error('usage: train-name-model.ts GMB_CSV');
  process.exit(2);
}
requireCorpus('train-name-model', path);

interface Token {
  word: string;
  tag: string;
}

function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const f = m[1];
    fields.push(f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f);
    if (m[2] === '') break;
  }
  return fields;
}

const text = new TextDecoder('windows-1252').decode(readFileSync(path));
const sentences: Token[][] = [];
let sentenceNumber = 0;
for (const line of text.split(/\r?\n/).slice(1)) {
  if (!line) continue;
  const [marker, word, , tag] = parseCsvLine(line);
  if (marker.startsWith('Sentence')) {
    sentenceNumber = Number(marker.replace(/\D/g, ''));
    sentences.push([]);
    (sentences[sentences.length - 1] as Token[] & { n?: number }).n = sentenceNumber;
  }
  sentences[sentences.length - 1]?.push({ word, tag: tag ?? 'O' });
}

const classOf = (tag: string): NameClass => {
  const t = tag.slice(2);
  return t === 'per' ? 'per' : t === 'org' ? 'org' : t === 'geo' || t === 'gpe' ? 'loc' : 'other';
};

const counts = new Map<string, number[]>();
const classTotals = [0, 0, 0, 0];
const spanCounts = [0, 0, 0, 0];
const add = (feature: string, c: number) => {
  const row = counts.get(feature) ?? [0, 0, 0, 0];
  row[c]++;
  classTotals[c]++;
  counts.set(feature, row);
};

let trained = 0;
for (const sentence of sentences) {
  if (isHeldOut((sentence as Token[] & { n?: number }).n ?? 0)) continue;
  trained++;
  let i = 0;
  while (i < sentence.length) {
    const t = sentence[i];
    let j = i + 1;
    let cls: NameClass;
    if (t.tag.startsWith('B-')) {
      cls = classOf(t.tag);
      while (j < sentence.length && sentence[j].tag === `I-${t.tag.slice(2)}`) j++;
    } else if (t.tag === 'O' && i > 0 && /^\p{Lu}/u.test(t.word)) {
      // A capitalised run that is not a named entity: "Monday", "Muslim", "Internet".
      cls = 'other';
      while (j < sentence.length && sentence[j].tag === 'O' && /^\p{Lu}/u.test(sentence[j].word)) j++;
    } else {
      i++;
      continue;
    }
    const span = sentence.slice(i, j).map((x) => x.word);
    const c = nameClasses.indexOf(cls);
    spanCounts[c]++;
    for (const f of nameFeatures(span, (sentence[i - 1]?.word ?? '').toLowerCase(), (sentence[j]?.word ?? '').toLowerCase())) add(f, c);
    i = j;
  }
}

const minimumCount = 4;
const features: Record<string, number[]> = {};
for (const [f, row] of counts) if (row.reduce((a, b) => a + b, 0) >= minimumCount) features[f] = row;
const model = {
  source: 'GMB 2.2 (Voice of America, public domain), sentences not divisible by 5',
  classes: nameClasses,
  spans: spanCounts,
  totals: classTotals,
  features,
};
const out = join(__dirname, '../server/src/analysis/data/name-model.json');
writeFileSync(out, JSON.stringify(model));
console.log(
  `${trained} sentences, ${spanCounts.join('/')} spans per/org/loc/other, ${Object.keys(features).length} of ${counts.size} features kept -> ${out} (${Math.round(JSON.stringify(model).length / 1024)} KB)`,
);
