// The entry point of the analysis core: text and options in, findings out.
// Each rule runs in isolation, so an exception in one rule is reported with
// its id and the other rules still report.

import { parseDraft, type Draft } from './draft';
import type { Rule, RuleContext, RuleCost } from './rule';
import { rules as allRules } from './rules/index';
import { applySuppression } from './suppression';
import type { AnalysisOptions, Finding, Severity } from './types';

export interface RuleFailure {
  ruleId: string;
  error: unknown;
}

export interface AnalysisResult {
  findings: Finding[];
  failures: RuleFailure[];
}

/** Which rules to run: all of them, or those of the given costs (see Rule.cost). */
export type AnalysisPhase = 'all' | readonly RuleCost[];

/** Run on every change. */
export const keystrokePhase: readonly RuleCost[] = ['keystroke'];
/** Run after a pause in typing. */
export const pausePhase: readonly RuleCost[] = ['scan', 'nlp'];

export function createContext(draft: Draft, options: AnalysisOptions): RuleContext {
  const memos = new Map<string, unknown>();
  return {
    draft,
    options,
    memo<T>(key: string, compute: () => T): T {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
    memoized: (key) => memos.has(key),
  };
}

export function severityFor(rule: Rule, options: AnalysisOptions): Severity | undefined {
  const setting = options.rules[rule.id] ?? rule.defaultSeverity;
  return setting === 'off' ? undefined : setting;
}

/**
 * Runs the rules of a phase on a context, each in isolation, without
 * suppression: callers that run rules a few at a time (the server's time
 * slices) gather the findings and call finishFindings once.
 */
export function runRules(context: RuleContext, phase: AnalysisPhase, rules: readonly Rule[]): AnalysisResult {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  for (const rule of rules) {
    if (phase !== 'all' && !phase.includes(rule.cost)) continue;
    const severity = severityFor(rule, context.options);
    if (!severity) continue;
    try {
      for (const f of rule.check(context)) {
        findings.push({ ...f, ruleId: rule.id, severity: f.severity ?? severity, fixes: f.fixes ?? [] });
      }
    } catch (error) {
      failures.push({ ruleId: rule.id, error });
    }
  }
  return { findings, failures };
}

/** Sorts findings and drops those the draft's directives silence. */
export function finishFindings(context: RuleContext, findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  // Directives in the draft (<!-- copydesk-disable ... -->) silence findings after the rules ran,
  // so no rule has to know about them.
  return applySuppression(context.draft, findings);
}

export function analyze(
  text: string,
  options: AnalysisOptions,
  phase: AnalysisPhase = 'all',
  rules: readonly Rule[] = allRules,
  context: RuleContext = createContext(parseDraft(text, options.language), options),
): AnalysisResult {
  const { findings, failures } = runRules(context, phase, rules);
  return { findings: finishFindings(context, findings), failures };
}
