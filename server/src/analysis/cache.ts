// A least-recently-used cache keyed by text. Per-paragraph results are cached
// by the paragraph's own text, so an edit re-parses only the paragraphs it
// touched and a paragraph that moves keeps its results.
//
// The cache is bounded twice: by entries, and by the characters of the keys
// it holds (a stand-in for the size of what it holds, which grows with the
// text). A draft of 100,000 one-word paragraphs then fits, and so does a
// 100,000-word story, while a workspace of huge drafts cannot pin gigabytes.
//
// Those bounds are sized for an editor, which comes back to the same drafts.
// A batch run (the CLI, the workspace index's reader) checks each draft once:
// it calls clearTextCaches() after each draft, so its memory stays that of
// one draft instead of filling every cache to its bound.

/** Every cache made, so that a batch run can empty them all at once. */
const allCaches = new Set<{ clear(): void }>();

/** Empties every TextCache (for a batch run, between drafts that share nothing). */
export function clearTextCaches(): void {
  for (const cache of allCaches) cache.clear();
}

interface Entry<T> {
  value: T;
  /** Entries and key characters stored before this one was (last) stored. */
  entriesBefore: number;
  charactersBefore: number;
}

/**
 * A copy of a slice that does not keep the whole text it was cut from alive.
 * V8 represents a slice as a view on its parent string, so a paragraph kept
 * across edits (and the cache keys made from it) would otherwise pin one full
 * copy of the draft per keystroke: hundreds of MB while typing in a long draft.
 */
export function detach(slice: string): string {
  return (' ' + slice).slice(1);
}

export class TextCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private characters = 0;
  /** Running totals of what was ever stored: how far down the eviction order an entry has moved. */
  private stored = 0;
  private storedCharacters = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxCharacters = Infinity,
  ) {
    // Caches are module-level singletons: holding them here keeps nothing alive that would not be anyway.
    allCaches.add(this);
  }

  /** The cached value for `key`, else `compute()` stored under `storedKey(key)` (detach, for a slice of a long text). */
  get(key: string, compute: () => T, storedKey?: (key: string) => string): T {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Refresh: Map iteration order is insertion order, so re-insert at the end;
      // but only once half of either bound was stored after the entry. Every
      // keystroke looks up each of a long draft's 4,000 paragraphs in several
      // caches, and moving each every time cost milliseconds. An entry used
      // now therefore survives at least half of either bound of new entries
      // (a strict LRU: all of it), which still holds every open draft.
      if (this.stored - hit.entriesBefore > this.maxEntries / 2 || this.storedCharacters - hit.charactersBefore > this.maxCharacters / 2) {
        this.entries.delete(key);
        this.store(key, hit);
      }
      return hit.value;
    }
    const value = compute();
    key = storedKey ? storedKey(key) : key;
    this.store(key, { value, entriesBefore: 0, charactersBefore: 0 });
    this.characters += key.length;
    while (this.entries.size > 1 && (this.entries.size > this.maxEntries || this.characters > this.maxCharacters)) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.characters -= oldest.length;
    }
    return value;
  }

  private store(key: string, entry: Entry<T>): void {
    entry.entriesBefore = this.stored;
    entry.charactersBefore = this.storedCharacters;
    this.stored++;
    this.storedCharacters += key.length;
    this.entries.set(key, entry);
  }

  /** Whether `key` is cached, without refreshing it. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.characters = 0;
  }
}
