// The quotation-mark mutation generator shared by eval-quotes and
// train-quotes: in a paragraph with no finding and at least one quotation
// mark, remove one mark or add one at a word boundary. The original text is
// the known right answer, so every mutation is a free training or test case.
//
// Corpus arguments: a directory, optionally with a part of it after `@`:
// `DIR@train` or `DIR@heldout` splits its files by a hash of their path
// inside DIR (one in five held out), so a corpus without a dev split (BBC)
// can still be evaluated on paragraphs the ranker was not trained on.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../server/src/analysis/analyze';
import { parseDraft } from '../server/src/analysis/draft';
import { analyzeDraftQuotes, type QuoteKind } from '../server/src/analysis/quotes';
import { unbalancedQuote } from '../server/src/analysis/rules/unbalanced-quote';
import { defaultOptions, type Finding } from '../server/src/analysis/types';

export interface Article {
  path: string;
  text: string;
}

function textFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.txt')) found.push(path);
    }
  };
  walk(dir);
  return found;
}

/** FNV-1a over the path inside the corpus: stable across machines and runs. */
function pathHash(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    h ^= path.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function isHeldOut(relativePath: string): boolean {
  return pathHash(relativePath.split('\\').join('/')) % 5 === 0;
}

/** The articles of `DIR`, `DIR@train` or `DIR@heldout`. */
export function readCorpus(arg: string): Article[] {
  const [dir, part] = arg.split('@');
  if (part !== undefined && part !== 'train' && part !== 'heldout') {
    console.error(`unknown corpus part "@${part}" (use @train or @heldout)`);
    process.exit(2);
  }
  return textFiles(dir)
    .filter((path) => part === undefined || isHeldOut(relative(dir, path)) === (part === 'heldout'))
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

export const evalOptions = { ...defaultOptions, language: 'plaintext' as const };

export function quoteFindings(text: string): Finding[] {
  return analyze(text, evalOptions, 'all', [unbalancedQuote]).findings;
}

export interface Eligible {
  article: Article;
  paragraph: number;
}

/** Paragraphs eligible for mutation: no finding in them, at least one quotation mark. */
export function eligibleParagraphs(article: Article, findings: Finding[]): Eligible[] {
  const draft = parseDraft(article.text, 'plaintext');
  const quotes = analyzeDraftQuotes(draft, 'auto');
  const eligible: Eligible[] = [];
  for (const p of draft.paragraphs) {
    const hasFinding = findings.some((f) => f.start >= p.start && f.start <= p.end);
    const hasMark = quotes.marks.some((m) => m.offset >= p.start && m.offset <= p.end);
    if (!hasFinding && hasMark) eligible.push({ article, paragraph: p.index });
  }
  return eligible;
}

export type Operation = 'remove-open' | 'remove-close' | 'add';

export interface Mutation {
  article: Article;
  paragraph: number;
  operation: Operation;
  kind: QuoteKind;
  /** Single marks inside a double quotation (the US nesting). */
  nested: boolean;
  at: number;
  mutated: string;
}

/** One random mutation of one eligible paragraph, or undefined when the paragraph offers none. */
export function mutate(random: () => number, { article, paragraph }: Eligible): Mutation | undefined {
  const original = article.text;
  const draft = parseDraft(original, 'plaintext');
  const p = draft.paragraphs[paragraph];
  const analysis = analyzeDraftQuotes(draft, 'auto');
  const marks = analysis.marks.filter((m) => m.offset >= p.start && m.offset <= p.end);
  if (marks.length === 0) return undefined;
  const model = marks[Math.floor(random() * marks.length)];
  const nested = analysis.quotations.some((q) => q.depth > 0 && (q.open === model.offset || q.close === model.offset));
  if (random() < 0.5) {
    const at = model.offset;
    return {
      article,
      paragraph,
      kind: model.kind,
      nested,
      at,
      operation: model.role === 'open' ? 'remove-open' : 'remove-close',
      mutated: original.slice(0, at) + original.slice(at + model.glyph.length),
    };
  }
  // A stray mark typed at a word boundary, in the style of the marks around it.
  const boundaries: { at: number; opens: boolean }[] = [];
  const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  for (let i = p.start; i <= p.end; i++) {
    if (isWord(original[i]) && !isWord(original[i - 1]) && (i === p.start || /\s/.test(original[i - 1]))) boundaries.push({ at: i, opens: true });
    if (isWord(original[i - 1]) && !isWord(original[i]) && (i === p.end || /\s/.test(original[i]))) boundaries.push({ at: i, opens: false });
  }
  if (boundaries.length === 0) return undefined;
  const b = boundaries[Math.floor(random() * boundaries.length)];
  const glyph = !model.curly ? model.glyph : model.kind === 'double' ? (b.opens ? '“' : '”') : b.opens ? '‘' : '’';
  const insideDouble = analysis.quotations.some((q) => q.kind === 'double' && q.contentStart <= b.at && b.at <= q.contentEnd);
  return {
    article,
    paragraph,
    kind: model.kind,
    nested: model.kind === 'single' && insideDouble,
    at: b.at,
    operation: 'add',
    mutated: original.slice(0, b.at) + glyph + original.slice(b.at),
  };
}

/** The findings near the mutation (its paragraph and the neighbours), nearest first. */
export function findingsNear(m: Mutation, findings: Finding[]): Finding[] {
  const mutatedDraft = parseDraft(m.mutated, 'plaintext');
  const lo = mutatedDraft.paragraphs[Math.max(0, m.paragraph - 1)].start;
  const hi = mutatedDraft.paragraphs[Math.min(mutatedDraft.paragraphs.length - 1, m.paragraph + 1)].end;
  return findings.filter((f) => f.start >= lo && f.start <= hi).sort((a, b) => Math.abs(a.start - m.at) - Math.abs(b.start - m.at));
}
