// The vocabulary of the analysis core. Offsets are JavaScript string indices
// (UTF-16 code units) into the draft's text; only server/src/lsp converts them
// to protocol positions.

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** Replace text[start, end) with `text`. An insertion has start === end. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a reader would most likely pick; the editor applies it on Ctrl+. Enter. */
  preferred?: boolean;
  /** Unambiguous: safe to apply without looking, e.g. by "Fix all". */
  safe?: boolean;
}

/** A second place that explains a finding, e.g. where a quotation most likely closes. */
export interface RelatedPlace {
  start: number;
  end: number;
  message: string;
}

export interface Finding {
  ruleId: string;
  start: number;
  end: number;
  message: string;
  severity: Severity;
  fixes: Fix[];
  related?: RelatedPlace[];
}

/** What a rule returns: the engine fills in the severity from the settings. */
export type RuleFinding = Omit<Finding, 'severity' | 'ruleId'> & { severity?: Severity };

export type DraftLanguage = 'article' | 'markdown' | 'plaintext';
export type QuoteStyleSetting = 'auto' | 'us' | 'uk';

export interface AnalysisOptions {
  language: DraftLanguage;
  quoteStyle: QuoteStyleSetting;
  /** Per-rule severity overrides; a rule not named keeps its default. */
  rules: Record<string, SeveritySetting>;
}

export const defaultOptions: AnalysisOptions = {
  language: 'plaintext',
  quoteStyle: 'auto',
  rules: {},
};
