// Writes syntaxes/article.tmLanguage.json, the TextMate grammar of the
// `article` language. This file is the source: the regexes are written with
// String.raw and composed from named parts, which the JSON (double escaped,
// parts repeated) cannot show. Edit here, run `npm run build:grammar`, commit
// both; test/unit/package.test.ts fails when the JSON is stale.
//   node scripts/build-grammar.mjs [output path]
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const R = String.raw;

// What may stand right before an opening quotation mark: a line start,
// whitespace, an opening bracket, a dash or slash, or another opening mark.
// (A mark never opens right after another mark of its own kind: ''retire'' is
// old typewriter style for a double quotation, not two single ones.)
const openBefore = (otherMarks) => R`(?<=^|[\s(\[{—–/“‘«„‹${otherMarks}])`;
// Apostrophe forms that begin with a mark but open nothing: ’90s, ’09, ’em,
// ’n’ (rock ’n’ roll), ’tis, ’twas, ’cause, ’til, ’bout, ’bot nets, ’flu.
const ELISION_AFTER = R`(?!\d\d?s\b|\d\d\b|(?i:em|tis|twas|cause|cos|til|bout|bots?|phones?|flu|burbs|copters?)\b|[nN]['’])`;
const LETTER_OR_DIGIT = R`[\p{L}\p{N}]`;

// What cannot begin quoted words: a space, a mark, closing punctuation, or a
// lone full stop (an ellipsis can).
const NOT_QUOTED_START = R`(?![\s"”,;:!?)\]]|\.(?!\.\.))`;
// A straight double mark that opens: after a space, line start, bracket, dash or
// another kind of opening mark, and before the first quoted word.
const DQ_OPENER = R`${openBefore("'")}"${NOT_QUOTED_START}`;
// Curly marks typed the wrong way round (“abhorrent“ in a tweet): a left mark
// glued to the end of a word and followed by a space or punctuation closes.
const CLOSES_AFTER = R`(?=[\s,.;:!?)\]]|$)`;
const LEFT_DOUBLE_AS_CLOSER = R`(?<=\S)“${CLOSES_AFTER}`;
const LEFT_SINGLE_AS_CLOSER = R`(?<=\S)‘${CLOSES_AFTER}`;
const CURLY_DQ_OPENER = R`(?!${LEFT_DOUBLE_AS_CLOSER})“`;
// A straight double mark that closes; 6'8" is a height, not a closing mark.
const DQ_CLOSER = R`(?<!\d['′]\d)(?<!\d['′]\d\d)"`;
// A straight single mark opens like a double one, and not as an elision.
const SQ_OPENER = R`${openBefore('"')}'${NOT_QUOTED_START}(?!')${ELISION_AFTER}`;

// A closing single mark (straight or curly, given as MARK): after a non-space,
// not inside a word (don't, O'Brien), not the second mark of 'n', not a foot
// mark after a digit unless punctuation follows, and not a plural possessive
// (drivers' union) when another closing mark follows later on the line.
const singleCloser = (mark, opener) =>
  R`(?<=\S)(?<!\s${mark}n)(?<!^${mark}n)` +
  R`(?:(?<!\d)|(?=${mark}(?:[,.;:!?)\]”"]|$)))` +
  R`(?:(?<!s)|(?!${mark}\s+\p{Ll}(?:[^${mark}${opener}\n]|${mark}(?=\p{L}))*?\S${mark}(?!${LETTER_OR_DIGIT})))` +
  R`${mark}(?!${LETTER_OR_DIGIT})`;

// A nested single quotation also ends (unclosed) where an enclosing double
// quotation visibly closes: a single quotation cannot contain a closing double.
const EXIT_ON_DOUBLE_CLOSE = R`(?=”|${LEFT_DOUBLE_AS_CLOSER})|(?<=\S)(?="(?!${LETTER_OR_DIGIT}))`;

const begin = (name) => ({ 0: { name: `punctuation.definition.string.begin.${name}` } });
const end = (name) => ({ 1: { name: `punctuation.definition.string.end.${name}` } });

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Article',
  scopeName: 'text.article',
  comment:
    'A news draft: the first line is the headline, paragraphs are separated by blank lines, a paragraph may open with a dateline (WASHINGTON —). Quotations never run past the end of their paragraph, so an unclosed mark colours one paragraph, not the rest of the file.',
  fileTypes: ['article', 'story'],
  patterns: [{ include: '#headline' }, { include: '#paragraph' }],
  repository: {
    headline: {
      comment:
        'The first line of the file. A match rule anchored at \\A: its captured text is re-tokenised with the inline patterns and cut at the line end, so a quotation in the headline cannot leak into the body.',
      match: R`\A[ \t]*\S.*`,
      captures: {
        0: { name: 'markup.heading.article', patterns: [{ include: '#inline' }] },
      },
    },
    paragraph: {
      comment:
        'A run of non-blank lines. The while test fails on a blank line, which pops the paragraph and any quotation still open inside it. A dateline is only recognised in the begin match, i.e. at the start of a paragraph.',
      name: 'meta.paragraph.article',
      begin:
        R`^(?=[ \t]*\S)(?:[ \t]*(` +
        // The city: words in capitals (KUWAIT CITY, ST. LOUIS, WINSTON-SALEM, SÃO PAULO).
        R`(?!(?:BREAKING|UPDATE|EXCLUSIVE|WATCH|LIVE|ANALYSIS|OPINION|EDITORIAL|CORRECTION|NOTE)\b)` +
        // At most three words: longer runs of capitals are section headings.
        R`(\p{Lu}(?:[\p{Lu}\p{M}'’.]|-(?=\p{Lu}))+(?:[ ]\p{Lu}(?:[\p{Lu}\p{M}'’.]|-(?=\p{Lu}))*){0,2})` +
        // An optional region or date after a comma (, Calif. / , Feb. 13 / , 13 Feb).
        R`(?:,[ \t]*([\p{L}\p{N}.,'’ \t]{0,40}?[\p{L}\p{N}.]))?` +
        // An optional wire credit: (Reuters), (AP), (dpa).
        R`(?:[ \t]*(\(\p{L}[\p{L}\p{N} .&/]{0,30}\)))?` +
        // The dash: em or en dash (spaces optional), -- or a hyphen between spaces.
        R`(?:[ \t]*(—|–|--)|[ \t]+(-)(?=[ \t]|$))` +
        R`))?`,
      beginCaptures: {
        1: { name: 'meta.dateline.article' },
        2: { name: 'entity.name.section.dateline.article' },
        3: { name: 'constant.other.date.dateline.article' },
        4: { name: 'support.constant.wire.dateline.article' },
        5: { name: 'punctuation.separator.dateline.article' },
        6: { name: 'punctuation.separator.dateline.article' },
      },
      while: R`^(?=[ \t]*\S)`,
      patterns: [{ include: '#inline' }],
    },
    inline: {
      patterns: [{ include: '#notes' }, { include: '#placeholders' }, { include: '#quotations' }],
    },
    quotations: {
      patterns: [
        { include: '#double-curly' },
        { include: '#double-low' },
        { include: '#double-straight' },
        { include: '#single-curly' },
        { include: '#single-straight' },
        { include: '#guillemets' },
        { include: '#single-guillemets' },
      ],
    },
    'quotation-content': {
      patterns: [{ include: '#notes' }, { include: '#placeholders' }],
    },
    'double-curly': {
      comment:
        'A double quotation cannot contain another: a second opening mark ends the first (it was never closed). Pasted copy mixes styles, so a straight mark shaped like a closing one closes it too; mixed-quotes reports the mix.',
      name: 'string.quoted.double.article',
      begin: CURLY_DQ_OPENER,
      beginCaptures: begin('article'),
      end: R`(”|(?!${DQ_OPENER})${DQ_CLOSER}|${LEFT_DOUBLE_AS_CLOSER})|(?=“|${DQ_OPENER})`,
      endCaptures: end('article'),
      patterns: [
        { include: '#quotation-content' },
        { include: '#single-curly' },
        { include: '#single-straight' },
        { include: '#guillemets' },
        { include: '#single-guillemets' },
      ],
    },
    'double-low': {
      comment: 'German and central European style: „…“ (or „…”).',
      name: 'string.quoted.double.article',
      begin: '„',
      beginCaptures: begin('article'),
      end: R`([“”])|(?=„)`,
      endCaptures: end('article'),
      patterns: [{ include: '#quotation-content' }, { include: '#single-curly' }, { include: '#single-straight' }],
    },
    'double-straight': {
      comment:
        'A straight double mark opens after a space or an opening bracket/dash and before a word. Another opening-shaped mark (or “) inside ends this quotation unclosed, since doubles cannot nest; a ” closes it like a straight one.',
      name: 'string.quoted.double.article',
      begin: DQ_OPENER,
      beginCaptures: begin('article'),
      end: R`(”|(?!${DQ_OPENER})${DQ_CLOSER}|${LEFT_DOUBLE_AS_CLOSER})|(?=“|${DQ_OPENER})`,
      endCaptures: end('article'),
      patterns: [
        { include: '#quotation-content' },
        { include: '#single-curly' },
        { include: '#single-straight' },
        { include: '#guillemets' },
        { include: '#single-guillemets' },
      ],
    },
    'single-curly': {
      comment:
        'A left single mark opens unless it is an apostrophe typed with the wrong mark: glued to a word (Trump‘s) or starting an elision (‘90s). The closing ’ must not be an apostrophe inside a word.',
      name: 'string.quoted.single.article',
      begin: R`(?<![\p{L}\p{N}])‘(?!\s)${ELISION_AFTER}`,
      beginCaptures: begin('article'),
      end: R`(${singleCloser('’', '‘')}|${LEFT_SINGLE_AS_CLOSER})|(?=‘${ELISION_AFTER})|${EXIT_ON_DOUBLE_CLOSE}`,
      endCaptures: end('article'),
      patterns: [{ include: '#quotation-content' }, { include: '#double-curly' }, { include: '#double-low' }, { include: '#double-straight' }],
    },
    'single-straight': {
      comment:
        "A straight single mark is a quotation only where it clearly opens (after a space, line start or opening punctuation, before a word, not an elision) and closes after a word, not before a letter: don't, O'Brien, '90s and 6'8\" stay apostrophes and primes.",
      name: 'string.quoted.single.article',
      begin: SQ_OPENER,
      beginCaptures: begin('article'),
      end: R`(${singleCloser("'", "'")})|(?=${SQ_OPENER})|${EXIT_ON_DOUBLE_CLOSE}`,
      endCaptures: end('article'),
      patterns: [{ include: '#quotation-content' }, { include: '#double-curly' }, { include: '#double-low' }, { include: '#double-straight' }],
    },
    guillemets: {
      comment: 'French style «…»; a « glued to a preceding word is the closing mark of the reversed (Danish/German) »…« style and opens nothing.',
      name: 'string.quoted.double.guillemet.article',
      begin: R`(?<![\p{L}\p{N}])«`,
      beginCaptures: begin('article'),
      end: R`(»)|(?=«)`,
      endCaptures: end('article'),
      patterns: [
        { include: '#quotation-content' },
        { include: '#double-curly' },
        { include: '#double-straight' },
        { include: '#single-curly' },
        { include: '#single-straight' },
        { include: '#single-guillemets' },
      ],
    },
    'single-guillemets': {
      name: 'string.quoted.single.guillemet.article',
      begin: R`(?<![\p{L}\p{N}])‹`,
      beginCaptures: begin('article'),
      end: R`(›)|(?=‹)`,
      endCaptures: end('article'),
      patterns: [{ include: '#quotation-content' }],
    },
    placeholders: {
      comment:
        'Text that must not be published: TK/TKTK (to come), XX, ???, and bracketed placeholders such as [CHECK], [NAME], [TK]. Square brackets as such are left alone: [sic], [the president] and [number of] are legitimate insertions in quotations.',
      patterns: [
        {
          name: 'invalid.illegal.placeholder.article',
          match: R`(?<![\p{L}\p{N}])(?:TK)+(?![\p{L}\p{N}])(?! Maxx| Elevator)`,
        },
        {
          comment: 'XX, XXX as a number or name to come; not the Roman numeral in Super Bowl XX.',
          name: 'invalid.illegal.placeholder.article',
          match: R`(?<![\p{L}\p{N}])(?<!Bowl )(?<!Pius )XX+(?![\p{L}\p{N}])`,
        },
        { name: 'invalid.illegal.placeholder.article', match: R`\?{3,}` },
        {
          name: 'invalid.illegal.placeholder.article',
          match: R`\[[ \t]*(?:(?i:tk|tktk|check|name|names|fact[ -]?check|verify|confirm|tbd|tbc|to come|link|url|photo|pic|xx+)(?![\p{L}\p{N}])|\?+)[^\]\n]*\]`,
        },
      ],
    },
    notes: {
      comment: 'Editor’s notes: [Ed: …], [Editor’s note: …], [Note to desk: …], [TODO: …] and <<…>>. Closed by the bracket or by the end of the paragraph.',
      patterns: [
        {
          name: 'comment.block.editor-note.article',
          begin: R`\[[ \t]*(?i:ed(?:itor)?(?:['’]s)?\.?(?:[ \t]+note)?|note(?:[ \t]+to[ \t]+[\p{L} ]{1,20}?)?|nb|n\.b\.|todo|fixme|query)[ \t]*:`,
          beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.article' } },
          end: R`\]`,
          endCaptures: { 0: { name: 'punctuation.definition.comment.end.article' } },
        },
        {
          name: 'comment.block.editor-note.article',
          begin: '<<',
          beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.article' } },
          end: '>>',
          endCaptures: { 0: { name: 'punctuation.definition.comment.end.article' } },
        },
      ],
    },
  },
};

const defaultOutput = fileURLToPath(new URL('../syntaxes/article.tmLanguage.json', import.meta.url));
writeFileSync(process.argv[2] ?? defaultOutput, JSON.stringify(grammar, null, 2) + '\n');
