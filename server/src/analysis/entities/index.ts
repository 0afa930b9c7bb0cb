// People and organizations named in a draft, resolved the way a copy editor
// reads a story: the first reference gives the full name and a title, later
// references use the surname or an acronym, and capitals alone prove nothing.
//
// compromise (through nlp.ts) supplies words and tags per paragraph. On top of
// that, the entity pass
//   - builds candidate names (candidates.ts) from runs of capitalised words,
//     keeping titles out of the name and recording them as the person's role;
//   - weighs evidence (evidence.ts): titles and roles, organization cue words,
//     the built-in table of well-known organizations, compromise's own tags,
//     and a small word-statistics model trained on public-domain news;
//   - rejects places, months, days, nationalities and sentence-initial capitals;
//   - propagates what the story establishes to its later mentions
//     (resolution.ts), matching without regard to diacritics;
//   - groups the mentions into entities (grouping.ts) and credits quotations
//     to their speakers (../attribution.ts).

import { attributeQuotes } from '../attribution';
import type { RuleContext } from '../rule';
import { buildCandidates } from './candidates';
import { weighCandidates } from './evidence';
import { groupEntities, withLookup } from './grouping';
import { propagate } from './resolution';
import type { Entity, EntityAnalysis } from './types';
import { collectWords } from './words';

export type { AttributedQuote, Entity, EntityAnalysis, Mention } from './types';

export function analyzeEntities(ctx: RuleContext): EntityAnalysis {
  return ctx.memo('entities', () => {
    const entities = resolveEntities(ctx);
    attributeQuotes(ctx, entities);
    return withLookup(entities);
  });
}

function resolveEntities(ctx: RuleContext): Entity[] {
  const text = ctx.draft.text;
  const words = collectWords(ctx);
  const candidates = buildCandidates(words, text);
  weighCandidates(ctx, words, candidates);
  propagate(candidates, words);
  return groupEntities(candidates.filter((c) => c.kind), words, text);
}
