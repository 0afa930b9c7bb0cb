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
  /** Credited from the narration paragraph before it, not from an attribution of its own: unattributed-quote still asks for one. */
  inferred?: boolean;
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
  /**
   * Folded word sequences, whether each must match in capitals as written, and whether it ends in a possessive
   * ("Moody's": compromise reads the word as "Moody" with a possessive, so the form is matched that way).
   */
  forms: { words: string[]; exactCase: string | null; possessive: boolean }[];
}

/** A word of one paragraph; offsets, indices and sentence numbers are paragraph-relative. */
export interface Word extends NlpWord {
  /** Index in the paragraph's word list. */
  index: number;
  /** Index of the sentence within the paragraph. */
  sentenceId: number;
  fold: string;
  /** Folded text without a final period ("corp." -> "corp"). */
  bare: string;
  capitalised: boolean;
  has(tag: string): boolean;
}

/** What the evidence stage knows of a word in a neighbouring paragraph. */
export interface NeighbourWord {
  fold: string;
  bare: string;
  capitalised: boolean;
}

/** A candidate name inside one paragraph, as word indices. */
export interface SpanCandidate {
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
  /** The story says it is an organization: "the retailer Lidl", "Public Citizen, a consumer group". */
  describedAsOrganization?: boolean;
  /** One of a list of companies ("mining companies, including Patriot"): it may be a short name of a longer one. */
  listedAsCompany?: boolean;
  /** Said to be a company in words that never name a person's role ("cables giant Pirelli"). */
  namedAsCompany?: boolean;
  /** A place by where it stands: "in Orlando", "from Tel Aviv". */
  namedAsPlace?: boolean;
  /** A work or a product by the noun before it: "the movie National Treasure", "games such as The Sims". */
  namedAsWork?: boolean;
  /** An award by the words around it: "Oscar nominee Alan Alda", "nominated for an Oscar". */
  namedAsAward?: boolean;
  /** A team's or a firm's name before its officer's role: "Chelsea manager Jose Mourinho". */
  namedAsAffiliation?: boolean;
  /** The short form a law is given in brackets: "the Freedom of Information Act (FOIA)". */
  namedAsLaw?: boolean;
  /** A band's or a label's name by the noun before it ("rock band Franz Ferdinand", "label Domino"), whatever its shape. */
  namedAsAct?: boolean;
}

/**
 * A weighed candidate as document-level resolution reads it: offsets (in the
 * per-paragraph cache relative to the paragraph, in the draft once assembled)
 * and the folded forms that resolution matches on.
 */
export interface Candidate {
  start: number;
  end: number;
  /** Number of words in the name. */
  length: number;
  /** Folded words without final periods, joined by spaces. */
  fold: string;
  firstBare: string;
  /** The last word, or for a name of several words the surname before a generational suffix ("Joseph R. Biden Jr." -> "biden"). */
  lastBare: string;
  /** Initials of the capitalised words, upper case ("European Central Bank" -> "ECB"). */
  acronym: string;
  role: string | null;
  tableEntry?: TableEntry;
  loc: number;
  kind?: Kind;
  firm: boolean;
  /** The story says it is an organization: "the retailer Lidl", "Public Citizen, a consumer group". */
  describedAsOrganization?: boolean;
  /** One of a list of companies ("mining companies, including Patriot"): it may be a short name of a longer one. */
  listedAsCompany?: boolean;
  /** Said to be a company in words that never name a person's role ("cables giant Pirelli", "the retailer Lidl"). */
  namedAsCompany?: boolean;
  /** A place by where it stands ("in Orlando") or by what the evidence found (a known place, a town's state). */
  namedAsPlace?: boolean;
  /** A work or a product by the noun before it ("the movie National Treasure"): so in every mention. */
  namedAsWork?: boolean;
  /** An award by the words around it ("Oscar nominee Alan Alda"): this mention only ("Oscar said" may be a person). */
  namedAsAward?: boolean;
  /** A lone first name before a role and a full name ("Chelsea manager Jose Mourinho"): a team or a firm, in every lone mention. */
  namedAsAffiliation?: boolean;
  /** The short form a law is given in brackets ("the Freedom of Information Act (FOIA)"): so in every mention. */
  namedAsLaw?: boolean;
  /** A band's or a label's name by the noun before it ("rock band Franz Ferdinand"): an organization in every mention. */
  namedAsAct?: boolean;
  /** A shop's or a firm's name that ends in 's ("McDonald's said"): the name shown keeps it, the mention reads without it. */
  namedWithItsS?: boolean;
  /** A name right before "have", "are" or "were": British usage for a team, a firm or a band ("the way Chelsea have reacted"). */
  takesPluralVerb?: boolean;
  /** After a courtesy title ("Mr. Cheney"): a person, whatever verb follows. */
  courtesyTitled?: boolean;
  /** A lower-case noun or adjective follows at once: the name stands as a modifier ("Republican voters"). */
  modifiesNoun?: boolean;
  /** The first word is one compromise's lexicon knows as a first name ("Jacques", "Michael Symmons Roberts"). */
  givenName?: boolean;
  /** A name of three words or more opened by a nationality: "the British Potato Council". */
  opensWithNationality?: boolean;
  /** compromise's lexicon knows the last word as part of a person's name ("Ahmed" in "Mushtaq Ahmed"; not "Tower"). */
  endsWithPersonalName?: boolean;
  /** The name opens a sentence or a quotation: its capital says little of its own. */
  opensSentence?: boolean;
  /** A capitalised word follows at once: the name may be the first part of a longer one ("Homeland Security Secretary"). */
  beforeCapital?: boolean;
  /** Resolution read this lone word as the first word of the story's one organization that opens with it ("Patriot" for Patriot Coal). */
  firstWordOfOrganization?: boolean;
}
