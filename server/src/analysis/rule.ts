// The contract every rule in rules/ fulfils. A rule is a pure function of the
// draft and the options; shared, expensive passes (quotation pairing, entity
// resolution) are computed once per analysis through ctx.memo and reused by
// every rule that asks for them.

import type { Draft } from './draft';
import type { AnalysisOptions, RuleFinding, SeveritySetting } from './types';

export interface RuleContext {
  readonly draft: Draft;
  readonly options: AnalysisOptions;
  /** Compute a value once per analysis, however many rules ask for it. */
  memo<T>(key: string, compute: () => T): T;
}

export interface Rule {
  /** Stable id: the file name in rules/, the diagnostic code and the setting copydesk.rules.<id>. */
  readonly id: string;
  /** One line for the README table and the settings description. */
  readonly description: string;
  readonly defaultSeverity: SeveritySetting;
  /**
   * Whether the rule needs the NLP pass (compromise). Rules that do not are
   * published first, because they cost little more than a scan of the text.
   */
  readonly needsNlp: boolean;
  check(ctx: RuleContext): RuleFinding[];
}
