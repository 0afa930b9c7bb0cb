import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { compareSpellings } from '../../server/src/analysis/nameReferences';
import { nameVariant } from '../../server/src/analysis/rules/name-variant';
import { parseStyleSheet } from '../../server/src/analysis/styleSheet';
import type { AnalysisOptions, Finding, TextEdit } from '../../server/src/analysis/types';

function check(text: string, extra: Partial<AnalysisOptions> = {}): Finding[] {
  return analyze(text, { language: 'plaintext', quoteStyle: 'auto', rules: {}, ...extra }, 'all', [nameVariant]).findings;
}

function applyEdits(text: string, edits: TextEdit[]): string {
  let result = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}

const flagged = (text: string, extra?: Partial<AnalysisOptions>) => check(text, extra).map((f) => text.slice(f.start, f.end));

test('a doubled letter in a surname is flagged against the first full reference, and both fixes apply', () => {
  const text =
    'Fund is safe, treasurer says\n\nJane Whitaker, the city treasurer, said the fund was safe.\n\nWhittaker said it would grow. Whittaker also said rates would fall.\n';
  const findings = check(text);
  assert.deepEqual(
    findings.map((f) => text.slice(f.start, f.end)),
    ['Whittaker', 'Whittaker'],
  );
  assert.match(findings[0].message, /‘Whittaker’ is also spelled ‘Whitaker’/);
  const [one, all] = findings[0].fixes;
  assert.equal(one.title, 'Write ‘Whitaker’');
  assert.equal(applyEdits(text, one.edits), text.replace('Whittaker said it', 'Whitaker said it'));
  assert.equal(all.title, 'Spell every ‘Whittaker’ as ‘Whitaker’');
  assert.equal(applyEdits(text, all.edits), text.replaceAll('Whittaker', 'Whitaker'));
  assert.equal(one.safe, undefined, 'the first full reference may be the misspelled one');
});

test('diacritics: Cavusoglu against Çavuşoğlu, whichever way the engine groups them', () => {
  const text = 'Talks resume\n\nTurkish Foreign Minister Mevlüt Çavuşoğlu arrived on Monday.\n\nCavusoglu said the talks would resume.\n';
  const findings = check(text);
  assert.deepEqual(
    findings.map((f) => text.slice(f.start, f.end)),
    ['Cavusoglu'],
  );
  assert.equal(applyEdits(text, findings[0].fixes[0].edits), text.replace('Cavusoglu said', 'Çavuşoğlu said'));
});

test('an acronym in two cases (NATO / Nato) is flagged; a dateline in capitals is not', () => {
  assert.deepEqual(flagged('Allies meet\n\nNATO ministers met in Brussels on Monday. Nato officials said the talks went well.\n'), ['Nato']);
  assert.deepEqual(flagged('Storm hits\n\nWASHINGTON (AP) — The storm hit Washington on Monday, officials said.\n'), []);
  assert.deepEqual(flagged('Caucus\n\nFORT PIERCE, Fla. — Residents of Fort Pierce met Mayor Linda Hudson, who said the city would recover.\n'), []);
});

test('a one-letter substitution at the end of a long name is flagged (Ostrowski / Ostrowsky)', () => {
  const text = 'Plant to close\n\nRachel Ostrowski, a spokeswoman for Cascade Energy, confirmed the plan. Ostrowsky said 40 jobs would go.\n';
  assert.deepEqual(flagged(text), ['Ostrowsky']);
});

test('different people are not variants: shared surnames, short names, different first names, plurals and demonyms', () => {
  const text = [
    'Campaign notes',
    '',
    'Former President Bill Clinton campaigned for Hillary Clinton on Monday.',
    'Sen. Marco Rubio met Robert Rubin, a former Treasury secretary.',
    'Ben Carson, a surgeon, spoke to Tucker Carlson, a television host. Carson said he would run.',
    'Michele Bachmann, a former congresswoman, praised Michelle Obama, the first lady.',
    'The Clintons left for Israel, where Israeli officials met them. De Gaulle and de Gaulle are one man.',
    '',
  ].join('\n');
  assert.deepEqual(flagged(text), []);
});

test('two words the dictionary knows are two names: a country and a surname, two towns, two common words', () => {
  const text = [
    'Sprinter settles for bronze',
    '',
    'Tom Greene, the American sprinter, had to settle for bronze in Greece on Sunday. Greene said he would race again in May.',
    'Analysts at Harbour Energy Analysis said prices would fall.',
    'Hartlepool v Boston and Reading v Bolton were the ties drawn. Greene said he supports Bolton.',
    '',
  ].join('\n');
  assert.deepEqual(flagged(text), []);
  // Two surnames stay comparable: Thompson for Thomson is a common slip.
  assert.deepEqual(flagged('Mill to shut\n\nAnna Thomson, the mill manager, confirmed the plan. Thompson said 30 jobs would go.\n'), ['Thompson']);
});

test('an idea and its followers, a place and its people, are two words: Socialism and Socialist, Tunisia and Tunisian', () => {
  const text = [
    'Planners court the old left',
    '',
    'The Union of Soviet Socialist Republics fell in 1991, the historian Mara Ellwood said.',
    'Her lesson is blunt: Socialism is an old promise that keeps coming back.',
    'A Tunisian trade delegation visits Tunisia next week, Ellwood said.',
    '',
  ].join('\n');
  assert.deepEqual(flagged(text), []);
});

test('a name alone is a surname, not a misspelt first name of someone else', () => {
  const text = [
    'Rovers hold on',
    '',
    'Rovers took the lead in 19 minutes and Kenny Marsh made it two. Richie Cowan headed one back for Aberdeen.',
    'Rovers: Mullen, Duff, Wilson, Ritchie, Archibald, Kerr, Marsh.',
    '',
  ].join('\n');
  assert.deepEqual(flagged(text), []);
  // A misspelt first name beside the same surname is still one person spelled two ways.
  assert.deepEqual(flagged('Mill to shut\n\nKatharine Ostrowski, the mill manager, confirmed the plan. Katharina Ostrowski said 30 jobs would go.\n'), [
    'Katharina',
  ]);
});

test('the spelling the story uses far more often is canonical, even when the first full reference is the slip', () => {
  const text = [
    'Falcons draw',
    '',
    'Owen Hurst released Piet Vandermollen in his own 22.',
    'Vandermolen broke through, and Vandermolen then scythed through the middle for a try.',
    'Falcons: Hurst; Ames, Vandermolen, Pryor.',
    '',
  ].join('\n');
  const findings = check(text);
  assert.deepEqual(
    findings.map((f) => text.slice(f.start, f.end)),
    ['Vandermollen'],
  );
  assert.equal(findings[0].fixes[0].title, 'Write ‘Vandermolen’');
});

test("readers' words printed without quotation marks keep their writers' spelling: first-person comments, posts credited to a handle", () => {
  const comments = [
    'Your favourite gadgets',
    '',
    'Readers sent in their favourite gadgets after the list was published.',
    'I still carry my Minidisc player everywhere, and Minidisc beats any phone.',
    'My favourite is the MiniDisc deck my father gave me.',
    '',
  ].join('\n');
  assert.deepEqual(flagged(comments), []);
  const posts = [
    'Readers react',
    '',
    'Readers responded to the column about Dorian Vasquez on social media.',
    'No. Dorion Vasquez has money and thinks he is exempt.',
    '@riverside_reader.',
    '',
  ].join('\n');
  assert.deepEqual(flagged(posts), []);
  // The reporter's own paragraph is still checked.
  assert.deepEqual(flagged(posts.replace('@riverside_reader.', 'Dorion Vasquez did not reply.')), ['Dorion', 'Dorion']);
});

test("a plural and a possessive are two forms of one word, not two spellings (Baftas / Bafta's)", () => {
  assert.equal(compareSpellings('Baftas', "Bafta's"), 'different');
  assert.equal(compareSpellings('Grammys', 'Grammy’s'), 'different');
  assert.equal(compareSpellings('Whittaker', 'Whitaker'), 'near');
});

test('the style sheet is canonical: a close spelling is flagged, its own spelling never', () => {
  const sheet = parseStyleSheet('- name: Rachel Ostrowski\n  type: person\n  title: Cascade Energy spokeswoman\n  notes: ski, not sky\n').sheet;
  const text = 'Plant to close\n\nRachel Ostrowsky, a spokeswoman for Cascade Energy, confirmed the plan.\n';
  const findings = check(text, { styleSheet: sheet });
  assert.deepEqual(
    findings.map((f) => text.slice(f.start, f.end)),
    ['Ostrowsky'],
  );
  assert.match(findings[0].message, /style sheet's spelling ‘Ostrowski’ \(ski, not sky\)/);
  assert.equal(applyEdits(text, findings[0].fixes[0].edits), text.replace('Ostrowsky', 'Ostrowski'));
  assert.deepEqual(flagged(text.replace('Ostrowsky', 'Ostrowski'), { styleSheet: sheet }), []);
  // Without the sheet, one spelling in the story is no inconsistency.
  assert.deepEqual(flagged(text), []);
});

test('a sheet entry with another first name says nothing about a different person', () => {
  const sheet = parseStyleSheet('- name: Ben Carson\n  type: person\n').sheet;
  assert.deepEqual(flagged('Show tonight\n\nTucker Carlson, a television host, said the show would air.\n', { styleSheet: sheet }), []);
});

test("a straight and a curly apostrophe spell one name: O'Neill and O’Neill are not variants", () => {
  const text =
    "Budget passes, senator says\n\nState Sen. Maura O'Neill, who chairs the finance committee, said the budget would pass.\n\nO’Neill said the vote was close. O'Neill added that D’Angelo and D'Angelo agreed.\n";
  assert.deepEqual(flagged(text), []);
  // A real misspelling beside the apostrophe still is one.
  assert.deepEqual(flagged(text.replace('O’Neill said', 'O’Nell said')), ['O’Nell']);
});

test("a spelling inside a quotation is the source's own: not flagged", () => {
  const text =
    'Rally\n\nCouncil member Terence Whitcombe spoke first. Whitcombe said the park would stay open.\n\nThe crowd chanted "Terrence Whitcombe, save our park!" as he left.\n';
  assert.deepEqual(
    analyze(text, { language: 'plaintext', quoteStyle: 'auto', rules: {} }, 'all', [nameVariant]).findings.map((f) => text.slice(f.start, f.end)),
    [],
  );
});

test('a dropped final e is a slip within one story (Whitcombe / Whitcomb)', () => {
  const text =
    'Vote delayed\n\nPlanning Commission Chair Dana Whitcombe said the vote would wait.\n\n"We need more time," Whitcombe said.\n\nWhitcomb added that the county had not filed its plans.\n';
  assert.deepEqual(flagged(text), ['Whitcomb']);
  assert.match(check(text)[0].message, /‘Whitcomb’ is also spelled ‘Whitcombe’/);
});

test('one inner letter changed in a five-letter surname is flagged when the slip is no word', () => {
  const text =
    'Budget talks\n\nCouncil member Ruth Blair said the budget would pass.\n\n"It is a fair plan," Blair said.\n\nBleir added that the vote would come on Tuesday.\n';
  assert.deepEqual(flagged(text), ['Bleir']);
});

test('five-letter words that differ in their ending, or that begin a longer name, are other words (Scots / Scott, Upton Park / Upson)', () => {
  const scots = 'Scots back the plan\n\nHealth Minister Andy Scott said the ban would start in March.\n\n"It will save lives," Scott said.\n';
  assert.deepEqual(flagged(scots), []);
  const ground = 'Defender called up\n\nDefender Matthew Upson joined the squad on Sunday.\n\nUpson last played at Upton Park in February.\n';
  assert.deepEqual(flagged(ground), []);
});

test('a name written with an initial in a team sheet is the same person, not a third one that settles the spelling (M Rourke / Matt Rourke)', () => {
  const text =
    "Rourke starts at prop\n\nProp Matt Rourke returns for Saturday's game against the league leaders.\n\nRourke missed two games with a knee injury. Rouske said he was ready.\n\nTeam: J Allen, M Rourke, P Dunne.\n";
  assert.deepEqual(flagged(text), ['Rouske']);
});

test('a word named once and read as an organization may still be a slip of a person named twice', () => {
  const text =
    'Ferreira out of cup tie\n\nMidfielder Tiago Ferreira will miss the cup tie with a hamstring strain.\n\nFerreira was hurt in training on Tuesday. Ferraira has played every game this season.\n';
  assert.deepEqual(flagged(text), ['Ferraira']);
});

test('without a full name, only a word that is no word is taken for a slip of a surname used twice', () => {
  const slip =
    'Index returns\n\n"It is a good day for the company," Halvorsen said.\n\nHalvorsen took over in 2003, and shares in the firm rose after Halvarsen cut costs.\n';
  assert.deepEqual(flagged(slip), ['Halvarsen']);
  const word = 'Index returns\n\n"It is a good day for the company," Forbes said.\n\nForbes took over in 2003. Forges in the north would close, he said.\n';
  assert.deepEqual(flagged(word), []);
});

test('a company named after a person does not make a slip of her name a name of its own (Okafor Holdings / Okafer)', () => {
  const founderFirst =
    'Founder steps down\n\nIndustrialist Ines Okafor will step down as chair of Okafor Holdings in June.\n\n"It is time," Okafor said on Monday.\n\n"The firm is in good hands," Okafer said.\n';
  assert.deepEqual(flagged(founderFirst), ['Okafer']);
  const companyFirst =
    'Founder steps down\n\nOkafor Holdings said its founder, Ines Okafor, would step down in June.\n\n"It is time," Okafor said on Monday.\n\n"The firm is in good hands," Okafer said.\n';
  assert.deepEqual(flagged(companyFirst), ['Okafer']);
});

test('one person written with and without a middle initial is not two people who settle a spelling (Dana R. Whitcombe / Dana Whitcombe)', () => {
  const text =
    'Vote delayed\n\nPlanning Commission Chair Dana R. Whitcombe said the vote would wait until March.\n\n"We need more time," Whitcombe said. Chair Dana Whitcombe spoke for an hour.\n\n"We have heard the residents," Whitcome said.\n';
  assert.deepEqual(flagged(text), ['Whitcome']);
});

test("an archive abstract before the story's FULL TEXT is not the story's first reference: the story's own spelling is canonical", () => {
  const text =
    'Park plan wins\n\nABSTRACT\n\nThe council backed a plan by Dana Whitcombe for the riverside park.\n\nFULL TEXT\n\nDana Whitcomb, the parks director, won the council’s backing on Tuesday for her riverside park.\n\nThe vote was 5-2.\n';
  assert.deepEqual(flagged(text), ['Whitcombe']);
  assert.equal(check(text)[0].fixes[0].title, 'Write ‘Whitcomb’');
});

test('a person\'s name in capitals is a transcript\'s speaker, not a second spelling: "TRUMP: We will win"', () => {
  const text =
    'Trump speaks in Ohio\n\nDonald Trump spoke in Ohio on Friday. Trump said the state would decide the race. Take a listen.\n\nTRUMP: We will win Ohio, and we will win big.\n';
  assert.deepEqual(flagged(text), []);
});

test('a word that ends a longer capitalised name is no misspelt surname ("American Beauty" beside Warren Beatty); after a title or at a sentence start it may be', () => {
  const film =
    "Actress honoured\n\nAnnette Vell married Warren Beatty in 1992. Vell was the first choice to play the lead in 1999's American Beauty, a film by Sam Okafor.\n";
  assert.deepEqual(flagged(film), []);
  const slips = 'Plant to close\n\nRachel Ostrowski, a spokeswoman, confirmed the plan. Then Ostrowsky said 40 jobs would go. Senator Ostrowsky agreed.\n';
  assert.deepEqual(flagged(slips), ['Ostrowsky', 'Ostrowsky']);
  const lineUp = 'Tigers win\n\nLeicester beat Bath.\n\nReplacements (from): Morris, Kay, W Johnson/B Deacon, H Tuilagi, Bemand, A Tuiliagi, Lloyd, Vesty.\n';
  assert.deepEqual(flagged(lineUp), ['Tuiliagi']);
});
