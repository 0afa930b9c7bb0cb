// Pairs quotation marks across a whole draft.
//
// Two passes. The first works on one paragraph at a time and depends on
// nothing outside it: it finds the marks (telling apostrophes, elisions and
// primes apart from quotation marks), infers the direction of straight marks
// from their neighbours, and pairs them with a stack. Its result is cached by
// the paragraph's text, so an edit re-scans only the paragraph it touched. The
// second pass is a cheap scan over those cached results: it links quotations
// that legitimately run on into the next paragraph (the multi-paragraph
// convention), detects US or UK style, and turns what is left unpaired into
// problems with ranked repairs.
//
// Direction of a straight mark: after whitespace, a line start, a bracket or a
// dash it opens; after a letter, digit or punctuation and before whitespace,
// punctuation or the end it closes. A single mark after a letter ("drivers'",
// "nothin'") or a double mark after a digit (12" pipe) may be an apostrophe or
// a prime: such a mark closes a quotation only when one is open and no clearer
// closing mark follows, and it is never reported on its own. We prefer silence
// to a false alarm.

export { startParagraphFixTitle, type ApostropheMark, type Quotation, type QuoteAnalysis, type QuoteKind, type QuoteMark, type QuoteProblem } from './types';
export { analyzeQuotes, analyzeDraftQuotes } from './draftPass';
export { scanParagraph } from './pairing';
export { closingPartner } from './marks';
