// Features of one word for the trained name tagger (tagger.ts), shared by the
// training script so that training and inference can never disagree. Every
// feature is a short string; the weights file maps the strings it kept to
// per-label weights, and a string it never saw simply contributes nothing.

import { foldName, type NlpWord } from '../nlp';
import titleTable from '../data/titles.json';
import { organizationEndings, organizationHeads, tableByFirstWord } from './tables';

/** Names learnt from the training data: entity type by word form, and by a whole name of 2 to 5 words. */
export interface Gazetteer {
  word(form: string): string | undefined;
  /** Key: the name's word forms (see wordForm) joined by spaces. */
  phrase(key: string): string | undefined;
  /** The word form's cluster bit string (scripts/train-word-clusters.ts), if it has one. */
  cluster(form: string): string | undefined;
}

export const longestGazetteerPhrase = 5;

const honorifics = new Set(titleTable.honorifics);
const roles = new Set(titleTable.roles);
const titleModifiers = new Set(titleTable.titleModifiers);

/** Facts about the whole paragraph that single-word features refer to. */
export interface ParagraphFacts {
  /** No lower-case letter anywhere: a headline or a shouted line, where capitals say little. */
  allCaps: boolean;
  /** Word forms (lower case) written in lower case somewhere in the paragraph. */
  lowerForms: Set<string>;
  /** Word forms (lower case) capitalised somewhere other than at a sentence start. */
  capitalisedMidSentence: Set<string>;
}

const hasLower = /\p{Ll}/u;
const startsUpper = /^\p{Lu}/u;

export function paragraphFacts(words: readonly NlpWord[]): ParagraphFacts {
  const lowerForms = new Set<string>();
  const capitalisedMidSentence = new Set<string>();
  let anyLower = false;
  for (const word of words) {
    if (hasLower.test(word.text)) anyLower = true;
    const form = word.text.toLowerCase();
    if (/^\p{Ll}/u.test(word.text)) lowerForms.add(form);
    else if (!word.sentenceStart && startsUpper.test(word.text)) capitalisedMidSentence.add(form);
  }
  return { allCaps: !anyLower, lowerForms, capitalisedMidSentence };
}

function kindOf(char: string): string {
  const code = char.charCodeAt(0);
  // ASCII first: most words are, and the Unicode classes below are slow.
  if (code >= 65 && code <= 90) return 'X';
  if (code >= 97 && code <= 122) return 'x';
  if (code >= 48 && code <= 57) return 'd';
  if (code < 128) return char;
  return /\p{Lu}/u.test(char) ? 'X' : /\p{Ll}/u.test(char) ? 'x' : /\p{Nd}/u.test(char) ? 'd' : /\p{L}/u.test(char) ? 'L' : char;
}

/** "McCain" -> "XxXx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d": runs of one kind collapse. */
export function wordShape(text: string): string {
  let shape = '';
  for (const char of text) {
    const kind = kindOf(char);
    if (!shape.endsWith(kind)) shape += kind;
  }
  return shape.length > 8 ? shape.slice(0, 8) : shape || 'empty';
}

/** Lower case, digits folded to 0, so "1996" and "2004" share a form. */
export function wordForm(text: string): string {
  return text.toLowerCase().replace(/\p{Nd}/gu, '0') || '<empty>';
}

function titleKind(form: string): string | undefined {
  const bare = form.replace(/\.$/, '');
  if (honorifics.has(bare)) return 'honorific';
  if (roles.has(bare)) return 'role';
  if (titleModifiers.has(bare)) return 'modifier';
  return undefined;
}

function punctuation(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return text === '' ? 'none' : 'space';
  return trimmed.replace(/\p{Pi}|\p{Pf}|["']/gu, 'q').slice(0, 2);
}

/** The features of every word of a paragraph, in order. */
/** B-/I- labels from the longest known names, matched left to right, capitalised words only. */
function phraseMatches(words: readonly NlpWord[], forms: readonly string[], gazetteer: Gazetteer): (string | undefined)[] {
  const matches = new Array<string | undefined>(words.length);
  for (let i = 0; i < words.length; i++) {
    if (!startsUpper.test(words[i].text)) continue;
    for (let length = Math.min(longestGazetteerPhrase, words.length - i); length >= 2; length--) {
      const type = gazetteer.phrase(forms.slice(i, i + length).join(' '));
      if (!type) continue;
      matches[i] = `B-${type}`;
      for (let k = 1; k < length; k++) matches[i + k] = `I-${type}`;
      i += length - 1;
      break;
    }
  }
  return matches;
}

/** Lower-case words that join capitalised words into one run: "Bank of England", "Charles de Gaulle", "Barnes & Noble". */
const runLinks = new Set(['of', 'for', '&', 'de', 'del', 'della', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'bin', 'ibn', 'al', 'el']);

/**
 * Runs of capitalised words, joined over the links above ("of the" too) when a
 * capital follows: the whole candidate name, which a window of two words
 * cannot see. `runOf[i]` is [first, last] of the run holding word i.
 */
function capitalisedRuns(words: readonly NlpWord[], forms: readonly string[]): ([number, number] | undefined)[] {
  const runOf = new Array<[number, number] | undefined>(words.length);
  const joined = (a: number, b: number) => words[a].sentence === words[b].sentence && !words[a].possessive && !/[,;:.!?()"“”]/.test(words[a].post);
  let i = 0;
  while (i < words.length) {
    if (!startsUpper.test(words[i].text)) {
      i++;
      continue;
    }
    let last = i;
    for (;;) {
      const next = last + 1;
      if (next < words.length && startsUpper.test(words[next].text) && joined(last, next)) {
        last = next;
        continue;
      }
      // A link, or "of the", then a capital.
      let k = next;
      // "of" and "for" join only after an organization's head word: "Bank of England", not "Yellen of the Treasury".
      const head = forms[last].replace(/\.$/, '');
      const linkFits = (link: string) => (link === 'of' || link === 'for' ? organizationHeads.has(head) || organizationEndings.has(head) : runLinks.has(link));
      if (k < words.length && linkFits(forms[k]) && joined(last, k)) {
        if (forms[k] === 'of' && forms[k + 1] === 'the' && k + 1 < words.length && joined(k, k + 1)) k++;
        if (k + 1 < words.length && startsUpper.test(words[k + 1].text) && joined(k, k + 1)) {
          last = k + 1;
          continue;
        }
      }
      break;
    }
    const run: [number, number] = [i, last];
    for (let k = i; k <= last; k++) runOf[k] = run;
    i = last + 1;
  }
  return runOf;
}

/** B-/I- where a name of the organization table (data/organizations.json) matches, as written. */
function tableMatches(words: readonly NlpWord[]): (string | undefined)[] {
  const matches = new Array<string | undefined>(words.length);
  // Folded only where needed: folding every word would cost more than the rest of the features.
  const folded = new Array<string | undefined>(words.length);
  const bare = (i: number) => (folded[i] ??= foldName(words[i].text).replace(/\.$/, ''));
  for (let i = 0; i < words.length; i++) {
    if (!/\p{Lu}/u.test(words[i].text)) continue;
    const forms = tableByFirstWord.get(bare(i));
    if (!forms) continue;
    for (const form of forms) {
      const n = form.words.length;
      // A possessive form ("Moody's") never matched the words as the weights were trained: kept so.
      if (form.possessive || i + n > words.length || form.words.some((w, k) => w !== bare(i + k))) continue;
      if (
        form.exactCase !== null &&
        words
          .slice(i, i + n)
          .map((w) => w.text.replace(/\.$/, ''))
          .join(' ') !== form.exactCase.replace(/\.$/, '')
      )
        continue;
      matches[i] = 'B';
      for (let k = 1; k < n; k++) matches[i + k] = 'I';
      i += n - 1;
      break;
    }
  }
  return matches;
}

export function paragraphFeatures(words: readonly NlpWord[], gazetteer: Gazetteer): string[][] {
  const facts = paragraphFacts(words);
  const forms = words.map((w) => wordForm(w.text));
  const shapes = words.map((w) => wordShape(w.text));
  const gazetteerTypes = forms.map((f) => gazetteer.word(f));
  const clusters = forms.map((f) => gazetteer.cluster(f));
  const phrases = phraseMatches(words, forms, gazetteer);
  const runs = facts.allCaps ? [] : capitalisedRuns(words, forms);
  const table = tableMatches(words);
  const at = <T>(list: readonly T[], i: number, outside: T): T => (i >= 0 && i < list.length ? list[i] : outside);
  return words.map((word, i) => {
    const form = forms[i];
    const shape = shapes[i];
    const capsPrefix = facts.allCaps ? 'C' : '';
    const features = [
      'bias',
      `w=${form}`,
      `s=${capsPrefix}${shape}`,
      `w-1=${at(forms, i - 1, '<s>')}`,
      `w+1=${at(forms, i + 1, '</s>')}`,
      `w-2=${at(forms, i - 2, '<s>')}`,
      `w+2=${at(forms, i + 2, '</s>')}`,
      `w-1w=${at(forms, i - 1, '<s>')}|${form}`,
      `ww+1=${form}|${at(forms, i + 1, '</s>')}`,
      `s-1=${capsPrefix}${at(shapes, i - 1, '<s>')}`,
      `s+1=${capsPrefix}${at(shapes, i + 1, '</s>')}`,
      `s-1s+1=${capsPrefix}${at(shapes, i - 1, '<s>')}|${shape}|${at(shapes, i + 1, '</s>')}`,
      `pre=${punctuation(word.pre)}`,
      `post=${punctuation(word.post)}`,
    ];
    if (word.sentenceStart) features.push(`start|s=${capsPrefix}${shape}`);
    if (word.possessive) features.push('possessive');
    const letters = form.replace(/\./g, '');
    for (let n = 1; n <= 4 && n < letters.length; n++) {
      features.push(`suf${n}=${letters.slice(-n)}`);
      if (n <= 3) features.push(`pre${n}=${letters.slice(0, n)}`);
    }
    for (const tag of word.tags) features.push(`t=${tag}`);
    for (const tag of at(words, i - 1, undefined)?.tags ?? []) features.push(`t-1=${tag}`);
    for (const tag of at(words, i + 1, undefined)?.tags ?? []) features.push(`t+1=${tag}`);
    const title = titleKind(form);
    if (title) features.push(`title=${title}`);
    const titleBefore = i > 0 ? titleKind(forms[i - 1]) : undefined;
    if (titleBefore) features.push(`title-1=${titleBefore}`);
    const titleAfter = i + 1 < words.length ? titleKind(forms[i + 1]) : undefined;
    if (titleAfter) features.push(`title+1=${titleAfter}`);
    // Cluster prefixes, coarse to fine: a word seen in the same contexts as names shares their prefix.
    const cluster = clusters[i];
    if (cluster) features.push(`c4=${cluster.slice(0, 4)}`, `c6=${cluster.slice(0, 6)}`, `c10=${cluster.slice(0, 10)}`);
    const clusterBefore = at(clusters, i - 1, undefined);
    if (clusterBefore) features.push(`c-1=${clusterBefore.slice(0, 6)}`);
    const clusterAfter = at(clusters, i + 1, undefined);
    if (clusterAfter) features.push(`c+1=${clusterAfter.slice(0, 6)}`);
    const known = gazetteerTypes[i];
    if (known) features.push(`g=${known}`, `g|s=${known}|${capsPrefix}${shape}`);
    const knownBefore = at(gazetteerTypes, i - 1, undefined);
    if (knownBefore) features.push(`g-1=${knownBefore}`);
    const knownAfter = at(gazetteerTypes, i + 1, undefined);
    if (knownAfter) features.push(`g+1=${knownAfter}`);
    if (phrases[i]) features.push(`gp=${phrases[i]}`);
    if (table[i]) features.push(`tab=${table[i]}`);
    const run = runs[i];
    if (run) {
      // Where the word sits in its capitalised run, and what the whole run looks like.
      const [first, last] = run;
      const length = last - first + 1;
      const position = length === 1 ? 'S' : i === first ? 'B' : i === last ? 'E' : 'I';
      const lastBare = forms[last].replace(/\.$/, '');
      features.push(`r=${position}${Math.min(length, 5)}`, `r-prev=${at(forms, first - 1, '<s>')}`, `r-next=${at(forms, last + 1, '</s>')}`);
      if (i !== last) features.push(`r-end=${lastBare}`);
      if (i !== first) features.push(`r-first=${forms[first]}`);
      if (length > 1 && organizationEndings.has(lastBare)) features.push(`r-org-end|${position}`);
      if (length > 2 && organizationHeads.has(forms[first]) && forms.slice(first, last).includes('of')) features.push('r-org-head');
      if (words[first].sentenceStart) features.push(`r-at-start|${position}`);
    }
    if (!facts.allCaps && startsUpper.test(word.text)) {
      // The same word in lower case elsewhere suggests an ordinary word; capitalised
      // mid-sentence elsewhere suggests a name even at a sentence start.
      if (facts.lowerForms.has(word.text.toLowerCase())) features.push('lower-elsewhere');
      if (word.sentenceStart && facts.capitalisedMidSentence.has(word.text.toLowerCase())) features.push('capitalised-elsewhere');
    }
    return features;
  });
}

// ---------------------------------------------------------------------------
// Document-level features: what the first pass made of the same word elsewhere
// in the draft ("Kowalczyk" tagged a person twice before the sentence that
// opens with it). They are added after every paragraph has been tagged on its
// own, so that each paragraph's own tagging stays cached by its text.

const countedTypes = ['PER', 'ORG', 'LOC', 'MISC'] as const;
/**
 * Slots of a word form's counts: the four types, then O (mid-sentence only),
 * then the four types as the first word of a longer name, then as its last.
 */
const outsideSlot = countedTypes.length;
const firstSlot = outsideSlot + 1;
const lastSlot = firstSlot + countedTypes.length;
const slotCount = lastSlot + countedTypes.length;

/** Capitalised word form -> how the first pass labelled its occurrences (see the slots above). */
export type NameCounts = Map<string, Int32Array>;

/** The slots one capitalised word adds to its form's counts, or none for a word that says nothing. */
function slotsOf(word: NlpWord, i: number, labels: readonly string[]): number[] {
  const label = labels[i];
  if (label === 'O') return word.sentenceStart ? [] : [outsideSlot];
  const type = countedTypes.indexOf(label.slice(2) as (typeof countedTypes)[number]);
  if (type < 0) return [];
  const continued = labels[i + 1] === `I-${label.slice(2)}`;
  if (label.startsWith('B-')) return continued ? [type, firstSlot + type] : [type];
  return continued ? [type] : [type, lastSlot + type];
}

/** How a paragraph's capitalised words were labelled; a paragraph without lower case counts for nothing. */
export function nameCounts(words: readonly NlpWord[], labels: readonly string[]): NameCounts {
  const counts: NameCounts = new Map();
  if (!words.some((w) => hasLower.test(w.text))) return counts;
  words.forEach((word, i) => {
    if (!startsUpper.test(word.text)) return;
    const slots = slotsOf(word, i, labels);
    if (slots.length === 0) return;
    const form = wordForm(word.text);
    let row = counts.get(form);
    if (!row) counts.set(form, (row = new Int32Array(slotCount)));
    for (const slot of slots) row[slot]++;
  });
  return counts;
}

/** The counts of several paragraphs together. */
export function addNameCounts(into: NameCounts, counts: NameCounts): void {
  for (const [form, row] of counts) {
    const total = into.get(form);
    if (total) for (let k = 0; k < slotCount; k++) total[k] += row[k];
    else into.set(form, Int32Array.from(row));
  }
}

/** The slot with the most counts among `count` slots from `from`, or -1 if all are empty. */
function mostCounted(row: Int32Array, from: number, count: number): number {
  let best = -1;
  for (let k = from; k < from + count; k++) if (row[k] > 0 && (best < 0 || row[k] > row[best])) best = k;
  return best;
}

/**
 * Per word of a paragraph, features from the draft's counts less the word's
 * own occurrence: the type most other occurrences were given (O included);
 * whether all of at least
 * two agree; the type of longer names it began or ended ("Clinton" after
 * "Bill Clinton"); and the neighbouring words' types. Only capitalised words
 * get any.
 */
export function documentFeatures(words: readonly NlpWord[], labels: readonly string[], draft: NameCounts): string[][] {
  if (!words.some((w) => hasLower.test(w.text))) return words.map(() => []);
  const others = words.map((word, i) => {
    if (!startsUpper.test(word.text)) return undefined;
    const row = draft.get(wordForm(word.text));
    if (!row) return undefined;
    const rest = Int32Array.from(row);
    for (const slot of slotsOf(word, i, labels)) rest[slot]--;
    return mostCounted(rest, 0, outsideSlot + 1) < 0 ? undefined : rest;
  });
  const majority = others.map((rest) => {
    if (!rest) return undefined;
    const best = mostCounted(rest, 0, outsideSlot + 1);
    return best === outsideSlot ? 'O' : countedTypes[best];
  });
  return words.map((word, i) => {
    const rest = others[i];
    const type = majority[i];
    if (!rest || !type) return [];
    const features = [`doc=${type}`];
    let total = 0;
    for (let k = 0; k <= outsideSlot; k++) total += rest[k];
    if (total >= 2 && rest[type === 'O' ? outsideSlot : countedTypes.indexOf(type as (typeof countedTypes)[number])] === total)
      features.push(`doc-all=${type}`);
    if (word.sentenceStart) features.push(`doc=${type}|start`);
    const first = mostCounted(rest, firstSlot, countedTypes.length);
    if (first >= 0) features.push(`doc-first=${countedTypes[first - firstSlot]}`);
    const last = mostCounted(rest, lastSlot, countedTypes.length);
    if (last >= 0) features.push(`doc-last=${countedTypes[last - lastSlot]}`);
    if (majority[i - 1]) features.push(`doc-1=${majority[i - 1]}`);
    if (majority[i + 1]) features.push(`doc+1=${majority[i + 1]}`);
    return features;
  });
}
