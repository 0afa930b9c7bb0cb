// The features of a capitalised span that the name model counts, shared by
// the training script (scripts/train-name-model.ts) and the runtime model.

export const nameClasses = ['per', 'org', 'loc', 'other'] as const;
export type NameClass = (typeof nameClasses)[number];

function shape(word: string): string {
  return word
    .replace(/\p{Lu}+/gu, 'X')
    .replace(/\p{Ll}+/gu, 'x')
    .replace(/\p{N}+/gu, '9')
    .slice(0, 6);
}

/** Features of one span: its words, their endings and shapes, and its neighbours. */
export function nameFeatures(span: readonly string[], previous: string, next: string): string[] {
  const features: string[] = [];
  span.forEach((raw, i) => {
    const word = raw
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
    const position = span.length === 1 ? 'only' : i === 0 ? 'first' : i === span.length - 1 ? 'last' : 'mid';
    features.push(`w:${word}`, `s3:${word.slice(-3)}`, `s4:${word.slice(-4)}`, `p:${position}:${shape(raw)}`);
    if (i === span.length - 1) features.push(`lw:${word}`);
  });
  features.push(`len:${Math.min(span.length, 4)}`, `prev:${previous}`, `next:${next}`);
  return features;
}

/** GMB sentences left out of training (every fifth), so `eval:ner --gmb` scores unseen text. */
export const isHeldOut = (sentenceNumber: number) => sentenceNumber % 5 === 0;
