// The vocabulary of the analysis core. Offsets are JavaScript string indices
// (UTF-16 code units) into the draft's text; only server/src/lsp converts them
// to protocol positions.

import type { StyleSheet } from './styleSheet';
import type { WorkspaceNames } from './workspace/names';
import type { WorkspaceTitles } from './workspace/titles';

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
  /**
   * Text to select for the reporter instead of editing it (a placeholder only
   * they can fill in). A fix with a selection has no edits.
   */
  select?: { start: number; end: number };
  /**
   * A fix made in another draft instead of this one (name-variant across
   * drafts: "Spell it Whitcombe in zoning-vote.md"): every whole-word `from`
   * in that draft's mentions becomes `to`. The server builds the edit from the
   * other draft's current text; `edits` is empty.
   */
  otherDraft?: { uri: string; from: string; to: string };
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

/** House-style presets: each sets spelling, quotation style and the AP checks. */
export type HouseStyle = 'ap' | 'reuters' | 'guardian';
export type SpellingPreference = 'american' | 'british';

/** The sub-checks of the ap-style rule, each of which can be switched off. */
export interface ApStyleChecks {
  months: boolean;
  numbers: boolean;
  timeReferences: boolean;
}

export interface AnalysisOptions {
  language: DraftLanguage;
  quoteStyle: QuoteStyleSetting;
  /** Per-rule severity overrides; a rule not named keeps its default. */
  rules: Record<string, SeveritySetting>;
  // The newsroom options below are optional so that a caller who only cares
  // about quotation marks can keep building options by hand; rules read them
  // through newsroomOptions(), which fills in the defaults.
  style?: HouseStyle;
  spelling?: SpellingPreference;
  apStyle?: ApStyleChecks;
  /** Word limits of long-lede and long-sentence. */
  longLedeMaxWords?: number;
  longSentenceMaxWords?: number;
  /** The newsroom's sheet of known names (.copydesk/names.yaml), when there is one. */
  styleSheet?: StyleSheet;
  /** The names the other drafts of the workspace use, for name-variant (filled by the server and `check --workspace`). */
  workspaceNames?: WorkspaceNames;
  /** The titles the other drafts give, for inconsistent-fact (filled by the server). */
  workspaceTitles?: WorkspaceTitles;
}

export const defaultNewsroomOptions = {
  style: 'ap' as HouseStyle,
  spelling: 'american' as SpellingPreference,
  apStyle: { months: true, numbers: true, timeReferences: true } as ApStyleChecks,
  longLedeMaxWords: 40,
  longSentenceMaxWords: 50,
};

export type NewsroomOptions = typeof defaultNewsroomOptions;

/** The newsroom options with every unset one at its default. */
export function newsroomOptions(options: AnalysisOptions): NewsroomOptions {
  return {
    style: options.style ?? defaultNewsroomOptions.style,
    spelling: options.spelling ?? defaultNewsroomOptions.spelling,
    apStyle: options.apStyle ?? defaultNewsroomOptions.apStyle,
    longLedeMaxWords: options.longLedeMaxWords ?? defaultNewsroomOptions.longLedeMaxWords,
    longSentenceMaxWords: options.longSentenceMaxWords ?? defaultNewsroomOptions.longSentenceMaxWords,
  };
}

export const defaultOptions: AnalysisOptions = {
  language: 'plaintext',
  quoteStyle: 'auto',
  rules: {},
};
