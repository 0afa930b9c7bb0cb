// The shapes the entity pass shares between its stages, and the public ones
// (Entity, Mention...) that rules, the LSP layer and the CLI read.

import type { NlpWord } from '../nlp';

/** A mention's range in draft.text (UTF-16 offsets); a possessive 's is not included. */
export interface Mention {
  start: number;
  end: number;
  text: string;
}

/** A quotation attributed to an entity: the quoted words' range. */
export interface AttributedQuote {
  text: string;
  start: number;
  end: number;
}

export interface Entity {
  id: string;
  /** Canonical name: the fullest form the story uses. */
  name: string;
  type: 'person' | 'organization';
  aliases: string[];
  role: string | null;
  mentions: Mention[];
  quotes: AttributedQuote[];
}

export interface EntityAnalysis {
  entities: Entity[];
  entityAt(offset: number): Entity | undefined;
}

export type Kind = 'person' | 'organization';

/** A row of data/organizations.json, with its forms folded for matching. */
export interface TableEntry {
  id: string;
  name: string;
  /** Folded word sequences, and whether each must match in capitals as written. */
  forms: { words: string[]; exactCase: string | null }[];
}

export interface Word extends NlpWord {
  /** Index in the draft's word list. */
  index: number;
  /** Draft-wide sentence id. */
  sentenceId: number;
  paragraph: number;
  fold: string;
  /** Folded text without a final period ("corp." -> "corp"). */
  bare: string;
  capitalised: boolean;
  has(tag: string): boolean;
}

export interface Candidate {
  /** Word index range [first, last] of the name itself (titles excluded). */
  first: number;
  last: number;
  role: string | null;
  tableEntry?: TableEntry;
  per: number;
  org: number;
  loc: number;
  /** The type decided so far; undefined until evidence or propagation settles it. */
  kind?: Kind;
  /** Decided by strong local evidence (title, table, cue word): may seed propagation. */
  firm: boolean;
}
