// Abbreviations whose period does not end a sentence (Mr., Sen., Jan., U.S.):
// shared by the sentence splitter and the quotation engine.

/** Abbreviations after which a period does not end a sentence. */
export const abbreviations = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'rev',
  'sr',
  'jr',
  'st',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thurs',
  'fri',
  'sat',
  'sun',
  'no',
  'vs',
  'v',
  'etc',
  'inc',
  'corp',
  'co',
  'ltd',
  'dept',
  'univ',
  'ave',
  'blvd',
  'rd',
  'ft',
  'mt',
  'approx',
  'est',
  'fig',
  'al',
]);

/**
 * The period at `dot` belongs to an abbreviation or an initial ("John F. Kennedy",
 * "U.S."), not a sentence's end; a party and state tag ("Chuck Schumer, D-N.Y.") ends one.
 */
export function abbreviationBefore(text: string, dot: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  const last = word.split('.').pop() ?? '';
  if (abbreviations.has(last.toLowerCase())) return true;
  const partyTag = /\b[DRI]-\p{Lu}[\p{L}.]*$/u.test(text.slice(Math.max(0, dot - 12), dot));
  return /^\p{Lu}$/u.test(last) && !partyTag;
}
