// Compares two checkouts' unbalanced-quote on the same quotation mutations.
//
// eval:quotes draws its mutations as one random stream over the paragraphs
// with no finding on the original; a change that adds or removes a finding
// anywhere moves that stream, and every figure with it. This script draws the
// mutations once, with the base checkout's eligibility, and judges each with
// both checkouts' rules: what changed is what the code does on the same copy.
//
//   npm run compare:quotes -- --base ../copydesk-before [--seed 1] [--mutations 2000] \
//     ../shared/corpora/polnear/dev/text ../shared/corpora/bbc@heldout
//
// The base is another checkout of this repository (git worktree add ../copydesk-before <commit>),
// with node_modules. Prints the outcomes that differ (up to 20), then one JSON line.

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { requireCorpus } from './corpus';
import * as here from './quote-mutations';
import { applyEdits } from '../server/src/analysis/applyFixes';
import type { Fix } from '../server/src/analysis/types';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: 'string' },
    seed: { type: 'string', default: '1' },
    mutations: { type: 'string', default: '2000' },
  },
});
if (!values.base || positionals.length === 0) {
  process.stderr.write('usage: compare-quotes.ts --base OTHER_CHECKOUT [--seed N] [--mutations N] CORPUS...\n');
  process.exit(2);
}
requireCorpus('compare-quotes', ...positionals.map((p) => p.replace(/@\w+$/, '')));
const baseRoot = resolve(values.base);

type Library = typeof here;

function applyFix(text: string, fix: Fix | undefined): string {
  return fix
    ? applyEdits(
        text,
        [...fix.edits].sort((a, b) => a.start - b.start),
      )
    : text;
}

async function main(): Promise<void> {
  const base: Library = await import(resolve(baseRoot, 'scripts', 'quote-mutations.ts'));
  const { seededRandom } = (await import(resolve(baseRoot, 'test', 'support', 'seededRandom.ts'))) as { seededRandom: (seed: number) => () => number };
  const articles = positionals.flatMap((corpus) => base.readCorpus(corpus));
  const candidates = articles.flatMap((article) => base.eligibleParagraphs(article, base.quoteFindings(article.text)));
  const random = seededRandom(Number(values.seed));
  const wanted = Number(values.mutations);
  const zero = () => ({ detected: 0, restored: 0, preferred: 0, preferredRight: 0, safe: 0, safeRight: 0 });
  const tally = { base: zero(), here: zero() };
  let drawn = 0;
  let differ = 0;
  for (let attempt = 0; drawn < wanted && attempt < wanted * 20 && candidates.length > 0; attempt++) {
    const m = base.mutate(random, candidates[Math.floor(random() * candidates.length)]);
    if (!m) continue;
    drawn++;
    const outcome = (library: Library) => {
      const near = library.findingsNear(m, library.quoteFindings(m.mutated));
      const first = near[0]?.fixes[0];
      return {
        detected: near.length > 0,
        restored: near.length > 0 && applyFix(m.mutated, first) === m.article.text,
        preferred: first?.preferred === true,
        safe: first?.preferred === true && first.safe === true,
        message: near[0]?.message ?? '',
      };
    };
    const before = outcome(base);
    const now = outcome(here);
    for (const [key, o] of [
      ['base', before],
      ['here', now],
    ] as const) {
      const t = tally[key];
      if (o.detected) t.detected++;
      if (o.restored) t.restored++;
      if (o.preferred) t.preferred++;
      if (o.preferred && o.restored) t.preferredRight++;
      if (o.safe) t.safe++;
      if (o.safe && o.restored) t.safeRight++;
    }
    if (
      before.detected !== now.detected ||
      before.restored !== now.restored ||
      before.preferred !== now.preferred ||
      before.safe !== now.safe ||
      before.message !== now.message
    ) {
      differ++;
      if (differ <= Number(process.env.SHOW ?? 20)) {
        console.log(`${m.operation} ${m.kind} ${m.article.path}: ${JSON.stringify(m.mutated.slice(Math.max(0, m.at - 50), m.at + 50))}`);
        console.log(`    base: ${before.message || 'nothing near'} (restored ${before.restored}, preferred ${before.preferred}, safe ${before.safe})`);
        console.log(`    here: ${now.message || 'nothing near'} (restored ${now.restored}, preferred ${now.preferred}, safe ${now.safe})`);
      }
    }
  }
  console.log(JSON.stringify({ mutations: drawn, seed: Number(values.seed), base: tally.base, here: tally.here, differing: differ }));
}

void main();
