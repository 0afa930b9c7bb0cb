// Every match of a global pattern, found by the pattern itself.
//
// String.prototype.matchAll runs a copy of the pattern, and V8 compiles each
// copy unless its compilation cache still holds the pattern. A garbage
// collection empties that cache, and typing into a draft collects often: the
// pause's analysis compiled the long attribution patterns (alternations of
// hundreds of verbs of saying, 3-11 ms each) again after every burst of typing,
// inside one step, with the server deaf meanwhile. The pattern itself keeps
// its compiled code.

/** The matches `text.matchAll(pattern)` gives, in order. Each call keeps its own place, so the loop body may use the pattern too. */
export function* matchesOf(text: string, pattern: RegExp): Generator<RegExpExecArray, void, undefined> {
  if (!pattern.global) throw new TypeError(`matchesOf needs a global pattern: ${pattern}`);
  let from = 0;
  try {
    while (from <= text.length) {
      pattern.lastIndex = from;
      const match = pattern.exec(text);
      if (!match) return;
      from = pattern.lastIndex;
      // An empty match moves on by one character, as matchAll does (a whole surrogate pair in a Unicode pattern).
      if (match[0] === '') from += pattern.unicode && isSurrogatePairAt(text, from) ? 2 : 1;
      yield match;
    }
  } finally {
    // Left ready for its next use, which starts at the beginning.
    pattern.lastIndex = 0;
  }
}

function isSurrogatePairAt(text: string, index: number): boolean {
  const first = text.charCodeAt(index);
  const second = text.charCodeAt(index + 1);
  return first >= 0xd800 && first <= 0xdbff && second >= 0xdc00 && second <= 0xdfff;
}
