// Scores the trained name tagger alone (entities/tagger.ts with the shipped
// weights: each sentence tagged on its own, then its document's draft-level
// step; none of the entity pass's document-level steps) and times it.
//
//   npm run eval:tagger
//   npm run eval:tagger -- --errors 40          (also prints a sample of misses and false names)
//
// Exact span match per type on CoNLL-2003 eng.testa and the GMB development
// slice (every fifth sentence, never trained on), one sentence per paragraph,
// mixed-case sentences only (as eval:ner). Overlap scores are printed too; GMB's
// person spans have their leading titles removed (see scripts/ner-corpus.ts).
// Speed: 60-word paragraphs of testa prose, tagged with and without compromise's parse.

import { join } from 'node:path';
import { clearNlpCache, parseParagraph } from '../server/src/analysis/nlp';
import { tagDraft, tagParagraph, taggerLoadMs, type TagLabel } from '../server/src/analysis/entities/tagger';
import {
  asParagraph,
  buildExamples,
  commandOption,
  corporaFolder,
  detokenise,
  documentGroups,
  emptyTally,
  formatTally,
  readConllSentences,
  readGmbSentences,
  scoreExample,
  spansFromLabels,
  type Example,
  type Span,
} from './ner-corpus';

const option = commandOption;
const corpora = corporaFolder();
const errorSample = Number(option('--errors', '0'));

const testaSentences = readConllSentences(join(corpora, 'conll2003', 'eng.testa'));
const sets: [string, Example[]][] = [
  ['testa', buildExamples(testaSentences, 'conll-testa')],
  ['GMB dev', buildExamples(readGmbSentences(join(corpora, 'gmb', 'ner_dataset.csv')).dev, 'gmb-dev')],
];

for (const [name, examples] of sets) {
  const tally = emptyTally();
  const errors: string[] = [];
  // Each document's sentences are tagged together: one paragraph each, then the draft-level step.
  const labelled = new Array<TagLabel[]>(examples.length);
  for (const group of documentGroups(examples)) {
    const tagged = tagDraft(group.map((i) => asParagraph(examples[i].words)));
    group.forEach((i, k) => (labelled[i] = tagged[k].map((t) => t.label)));
  }
  examples.forEach((example, n) => {
    const labels = labelled[n];
    const predicted = spansFromLabels(example.words, labels);
    scoreExample(example, predicted, tally);
    if (errorSample > 0 && example.mixedCase) {
      const key = (s: Span) => `${s.type}:${s.start}:${s.end}`;
      const goldKeys = new Set(example.gold.map(key));
      const predictedKeys = new Set(predicted.map(key));
      const show = (kind: string, s: Span) => `${kind} ${s.type} ${JSON.stringify(example.text.slice(s.start, s.end))} … ${example.text}`;
      for (const s of example.gold) if (!predictedKeys.has(key(s))) errors.push(show('missed  ', s));
      for (const s of predicted) if (!goldKeys.has(key(s))) errors.push(show('spurious', s));
    }
  });
  console.log(`${name}: ${examples.length} sentences`);
  for (const line of formatTally('tagger', tally)) console.log(line);
  const every = Math.max(1, Math.floor(errors.length / Math.max(1, errorSample)));
  for (const line of errors.filter((_, i) => i % every === 0).slice(0, errorSample)) console.log(line);
}
console.log(`weights load: ${taggerLoadMs().toFixed(1)} ms`);

// ---------------------------------------------------------------------------
// Speed: consecutive testa sentences joined into paragraphs of about 60 words.

const paragraphs: string[] = [];
let current = '';
for (const sentence of testaSentences.sentences) {
  const { text } = detokenise(sentence);
  if (!/\p{Ll}/u.test(text)) continue;
  current = current ? `${current} ${text}` : text;
  if (current.split(/\s+/).length >= 55) {
    paragraphs.push(current);
    current = '';
  }
  if (paragraphs.length === 400) break;
}
clearNlpCache();
let parseAndTag = 0;
let tagOnly = 0;
let words = 0;
for (const text of paragraphs) {
  const started = performance.now();
  const parsed = parseParagraph(text);
  tagParagraph(parsed);
  parseAndTag += performance.now() - started;
  words += parsed.words.length;
  // A copy of the parsed paragraph misses the tagger's per-paragraph cache.
  const again = performance.now();
  tagParagraph({ ...parsed });
  tagOnly += performance.now() - again;
}
const n = paragraphs.length;
console.log(
  `speed: ${n} paragraphs, ${(words / n).toFixed(0)} words each on average; tagging ${(tagOnly / n).toFixed(2)} ms per paragraph, compromise parse + tagging ${(parseAndTag / n).toFixed(2)} ms (timings on a shared machine are noisy)`,
);
