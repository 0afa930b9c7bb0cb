// The names and shapes of Copydesk's own messages between the VS Code client
// and the language server. Compiled into both bundles, so the two sides can
// never disagree on a name or a field. Types and string constants only: the
// client imports this file, so it must pull in nothing from the server.

/** Notification, server → client: the draft's word count for the status bar. */
export const draftStatusNotification = 'copydesk/draftStatus';

export interface DraftStatus {
  uri: string;
  words: number;
  readingMinutes: number;
  /** Set when Copydesk is not analysing this draft, in plain words. */
  paused?: string;
}

/** Request, client → server: the statistics shown when the word count is clicked. */
export const draftStatisticsRequest = 'copydesk/draftStatistics';

export interface DraftStatisticsParams {
  uri: string;
}

export interface DraftStatistics {
  words: number;
  readingMinutes: number;
  paragraphs: number;
  quotations: number;
  /** Absent when the draft is too large for Copydesk to look for names. */
  peopleNamed?: number;
  /** Words per sentence, one decimal; 0 for a draft without sentences. */
  averageSentenceWords: number;
}

/** Request, client → server: the people and organizations of one draft, for the Explorer view. */
export const draftEntitiesRequest = 'copydesk/draftEntities';

export interface DraftEntitiesParams {
  uri: string;
}

/** A zero-based line and UTF-16 character, as in LSP. */
export interface ProtocolPosition {
  line: number;
  character: number;
}

export interface ProtocolRange {
  start: ProtocolPosition;
  end: ProtocolPosition;
}

export interface EntityQuotation {
  text: string;
  range: ProtocolRange;
}

export interface EntitySummary {
  /** The name without any title ("Tom Brennan"). */
  name: string;
  type: 'person' | 'organization';
  /** The title or role the story gives ("Councilman"), when it gives one. */
  title?: string;
  mentionCount: number;
  /** The other forms the story uses: surname, acronym, misspellings. */
  variants: string[];
  quotations: EntityQuotation[];
  /** The first mention, where a click in the view goes. */
  firstMention: ProtocolRange;
  /** The name part of the first mention: rename and find references start there. */
  nameRange: ProtocolRange;
}

export interface DraftEntities {
  uri: string;
  /** Why there are no entities, in plain words, when Copydesk did not look (size, language). */
  unavailable?: string;
  entities: EntitySummary[];
}

/**
 * Client command a quick fix runs to select text for the reporter instead of
 * editing it (a placeholder to fill in). Arguments: document URI, range.
 */
export const selectRangeCommand = 'copydesk.selectRange';

/** Client command that opens a rule's explanation. Argument: the rule id. */
export const explainRuleCommand = 'copydesk.explainRule';

/**
 * Client command the "Add to style sheet" quick fix runs after its edit: it
 * tells the reporter what was added, with an Open button. Arguments: the
 * sheet's URI, the name, the title ('' for none).
 */
export const styleSheetAddedCommand = 'copydesk.styleSheetAdded';
