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

export class TextCache<T> {
  private readonly entries = new Map<string, T>();
  private characters = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxCharacters = Infinity,
  ) {
    // Caches are module-level singletons: holding them here keeps nothing alive that would not be anyway.
    allCaches.add(this);
  }

  get(key: string, compute: () => T): T {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Refresh: Map iteration order is insertion order, so re-insert at the end.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    this.characters += key.length;
    while (this.entries.size > 1 && (this.entries.size > this.maxEntries || this.characters > this.maxCharacters)) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.characters -= oldest.length;
    }
    return value;
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
