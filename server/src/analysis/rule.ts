// The contract every rule in rules/ fulfils. A rule is a pure function of the
// draft and the options; shared, expensive passes (quotation pairing, entity
// resolution) are computed once per analysis through ctx.memo and reused by
// every rule that asks for them.

import type { Draft } from './draft';
import { runToEnd, type Steps } from './steps';
import type { AnalysisOptions, RuleFinding, SeveritySetting } from './types';

export interface RuleContext {
  readonly draft: Draft;
  readonly options: AnalysisOptions;
  /** Compute a value once per analysis, however many rules ask for it. */
  memo<T>(key: string, compute: () => T): T;
  /** Whether a value is kept under `key` already (stepped work skips itself). */
  memoized(key: string): boolean;
}

/** See Rule.cost. */
export type RuleCost = 'keystroke' | 'scan' | 'nlp';

export interface Rule {
  /** Stable id: the file name in rules/, the diagnostic code and the setting copydesk.rules.<id>. */
  readonly id: string;
  /** One line for the README table and the settings description. */
  readonly description: string;
  readonly defaultSeverity: SeveritySetting;
  /**
   * What the rule costs, which decides when the server runs it:
   * - keystroke: cheap on an edit (per-paragraph cached work plus a scan), run on every change;
   * - scan: a pass over the whole text, run after a short pause in typing;
   * - nlp: needs the NLP pass (compromise), run after the pause, within the NLP size budget.
   */
  readonly cost: RuleCost;
  /**
   * The rule's whole-draft groundwork in steps, kept through ctx.memo where check finds it: the
   * server's slow phase pauses between the steps, so that a long draft never leaves it deaf for
   * the length of one rule. check does the same work in one piece when nothing prepared it.
   */
  prepare?(ctx: RuleContext): Steps<unknown>;
  check(ctx: RuleContext): RuleFinding[];
}

/**
 * prepare and check for a rule whose whole check is written in steps: the
 * session's slow phase runs the steps, pausing between them, and check returns
 * what they found; run alone (the CLI, tests), check runs them in one piece.
 */
export function inSteps(id: string, checkSteps: (ctx: RuleContext) => Steps<RuleFinding[]>): Pick<Rule, 'prepare' | 'check'> {
  const key = `${id}:findings`;
  return {
    *prepare(ctx) {
      if (ctx.memoized(key)) return;
      const found = yield* checkSteps(ctx);
      ctx.memo(key, () => found);
    },
    check: (ctx) => ctx.memo(key, () => runToEnd(checkSteps(ctx))),
  };
}
