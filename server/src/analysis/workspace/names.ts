// Full names across drafts, indexed so that name-variant can ask "how do the
// other drafts spell this word of this name?" without comparing every pair.
//
// A full name of n words fills n slots: for each word, the slot holds the
// other words (folded) and the word's position. "Dana Whitcombe" and "Dana
// Whitcomb" share the slot (person, 2 words, position 1, "dana"), so the two
// surnames meet, while "Dana Whitcombe" and "Ben Whitcomb" never do: a
// surname is compared only beside the same first name. Precision before
// recall: a surname alone ("Whitcomb said") is not compared across drafts.

import { compareSpellings, withoutTrailingPunctuation, wordsOf } from '../nameReferences';
import { foldName } from '../nlp';
import type { DraftRecord, IndexedEntity } from './record';

/** How another draft spells one word of a name. */
export interface CrossDraftSpelling {
  spelling: string;
  /** The full name the word belongs to in that draft: "Dana Whitcomb". */
  fullName: string;
  uri: string;
  /** That draft's modification time (ms), -1 when unknown. */
  mtimeMs: number;
}

/** What name-variant asks of the workspace (AnalysisOptions.workspaceNames). */
export interface WorkspaceNames {
  /**
   * The other drafts' spellings of `words[position]` that differ from it only
   * by diacritics, capitals or one edit, within a full name whose other words
   * are the same. Newest draft first; empty when none.
   */
  variantsOf(words: readonly string[], position: number, type: IndexedEntity['type']): CrossDraftSpelling[];
}

interface SlotEntry {
  word: string;
  fullName: string;
  uri: string;
}

function cleanWords(name: string): string[] {
  return wordsOf(name).map(withoutTrailingPunctuation);
}

/** The slot of one word of a name: its kind and its other words, folded (`folded` is the name's words folded and lower-cased). */
function slotKey(type: string, folded: readonly string[], position: number): string {
  const others = folded.map((w, i) => (i === position ? '_' : w));
  return `${type}|${others.join(' ')}`;
}

interface DraftNames {
  list: { type: IndexedEntity['type']; fullName: string }[];
  /** The list as one string, to tell whether a draft's names changed. */
  signature: string;
}

function namesOf(record: DraftRecord): DraftNames {
  const list = record.entities.flatMap((entity) => fullNamesOf(entity).map((fullName) => ({ type: entity.type, fullName })));
  return { list, signature: list.map((n) => `${n.type}|${n.fullName}`).join('\n') };
}

/** The distinct full names (two words or more) an entity is written under in one draft. */
export function fullNamesOf(entity: IndexedEntity): string[] {
  const names = new Set<string>();
  // Each way of writing it once: a person may be mentioned thousands of times in a long draft.
  for (const form of new Set([entity.name, ...entity.mentions.map((m) => m.text)])) {
    const words = cleanWords(form);
    if (words.length >= 2) names.add(words.join(' '));
  }
  return [...names];
}

/**
 * Whether two spellings of one word of a full name (its other words the
 * same) are one name written two ways. As within a draft (compareSpellings),
 * plus one case that rule leaves out because, alone, it is usually a plural
 * or a demonym (Clintons, Israeli): one extra final letter other than s.
 * Beside the same first name, "Dana Whitcomb" and "Dana Whitcombe" are one
 * person spelled two ways, not a plural.
 */
export function nearAcrossDrafts(a: string, b: string): boolean {
  const relation = compareSpellings(a, b);
  if (relation !== 'different') return relation !== 'same';
  const [shorter, longer] = a.length < b.length ? [foldName(a), foldName(b)] : [foldName(b), foldName(a)];
  return (
    shorter.length >= 6 && longer.length === shorter.length + 1 && longer.startsWith(shorter) && !/s$/i.test(longer) && /\p{Ll}/u.test(a) && /\p{Ll}/u.test(b)
  );
}

export class NameSlots {
  private readonly slots = new Map<string, SlotEntry[]>();
  private readonly keysByUri = new Map<string, string[]>();

  /** What each draft's slots were filled from: its names' kinds and full names, in order. */
  private readonly namesByUri = new Map<string, string>();

  add(record: DraftRecord): void {
    this.fill(record.uri, namesOf(record));
  }

  /**
   * Files a draft's new record in place of its old one. A draft re-recorded after typing mostly
   * names the same people the same ways: then its slots are left as they are.
   */
  replace(old: DraftRecord | undefined, record: DraftRecord): void {
    const names = namesOf(record);
    if (old?.uri === record.uri && this.namesByUri.get(record.uri) === names.signature) return;
    if (old) this.remove(old);
    this.fill(record.uri, names);
  }

  private fill(uri: string, names: DraftNames): void {
    const keys: string[] = [];
    for (const { type, fullName } of names.list) {
      const words = cleanWords(fullName);
      const folded = words.map((w) => foldName(w).toLowerCase());
      words.forEach((word, position) => {
        if (!/\p{L}{2}/u.test(word)) return; // initials and particles carry no spelling
        const key = slotKey(type, folded, position);
        const list = this.slots.get(key) ?? [];
        list.push({ word, fullName, uri });
        this.slots.set(key, list);
        keys.push(key);
      });
    }
    this.keysByUri.set(uri, keys);
    this.namesByUri.set(uri, names.signature);
  }

  remove(record: DraftRecord): void {
    for (const key of new Set(this.keysByUri.get(record.uri) ?? [])) {
      const kept = (this.slots.get(key) ?? []).filter((e) => e.uri !== record.uri);
      if (kept.length > 0) this.slots.set(key, kept);
      else this.slots.delete(key);
    }
    this.keysByUri.delete(record.uri);
    this.namesByUri.delete(record.uri);
  }

  viewFrom(uri: string, inScope: (other: string) => boolean, recordOf: (uri: string) => DraftRecord | undefined): WorkspaceNames {
    return {
      variantsOf: (words, position, type) => {
        const clean = words.map(withoutTrailingPunctuation);
        const word = clean[position];
        if (!word || clean.length < 2) return [];
        const found: CrossDraftSpelling[] = [];
        const folded = clean.map((w) => foldName(w).toLowerCase());
        for (const entry of this.slots.get(slotKey(type, folded, position)) ?? []) {
          if (entry.uri === uri || !inScope(entry.uri)) continue;
          if (!nearAcrossDrafts(word, entry.word)) continue;
          if (found.some((f) => f.uri === entry.uri && f.spelling === entry.word)) continue;
          found.push({ spelling: entry.word, fullName: entry.fullName, uri: entry.uri, mtimeMs: recordOf(entry.uri)?.mtimeMs ?? -1 });
        }
        return found.sort((a, b) => b.mtimeMs - a.mtimeMs || a.uri.localeCompare(b.uri));
      },
    };
  }
}
