import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../server/src/analysis/analyze';
import { parseDraft } from '../../server/src/analysis/draft';
import { analyzeEntities, type Entity, type EntityAnalysis } from '../../server/src/analysis/entities';
import { defaultOptions } from '../../server/src/analysis/types';

function entitiesOf(text: string): EntityAnalysis {
  return analyzeEntities(createContext(parseDraft(text, 'plaintext'), defaultOptions));
}

function find(analysis: EntityAnalysis, name: string): Entity {
  const entity = analysis.entities.find((e) => e.name === name);
  assert.ok(entity, `no entity named ${name}; found: ${analysis.entities.map((e) => `${e.type}:${e.name}`).join(', ')}`);
  return entity;
}

/** Every mention's range must cover exactly its text. */
function assertRangesExact(text: string, analysis: EntityAnalysis): void {
  for (const e of analysis.entities) {
    for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text, `mention of ${e.name}`);
    for (const q of e.quotes) assert.equal(text.slice(q.start, q.end), q.text, `quote of ${e.name}`);
  }
}

/** The draft's entities are exactly these names, in order, each mention's range exact. */
function assertEntityNames(text: string, expected: string[]): void {
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.deepEqual(
    analysis.entities.map((e) => e.name),
    expected,
  );
}

const at = (text: string, word: string, nth = 0) => {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(word, index + 1);
  assert.ok(index >= 0, `${word} not in text`);
  return index;
};

// A story shaped like the sample draft (headline, surname-only references,
// acronyms, a title on first reference), written for this test.
const coalitionStory = `Tillerson warns the fight against Islamic State is not over

"Winning the big battles does not mean the job is done" against the IS group, Tillerson told coalition members in Kuwait on February 13.

"ISIS is still a danger to the region and to our homes", he said.

Dozens of countries joined the coalition after IS fighters seized ground in Iraq and Syria in 2014.

"What we learned in Afghanistan is that local forces matter most", the North Atlantic Treaty Organisation chief added.

Turkey is "a valued North Atlantic Treaty Organisation ally", according to Tillerson, who said it faces threats on its border.

Turkish Foreign Minister Mevlüt Çavuşoğlu on February 14 said the coalition should respect the borders of Syria.

Officials said the point of Tillerson's visit was that anything slowing Islamic State's defeat would hurt the peace.

"Partners who want our help should stop arming groups that divide Syria", Çavuşoğlu said in Kuwait City.
`;

test('sample-style story: people, organizations, and places that are neither', () => {
  const analysis = entitiesOf(coalitionStory);
  assertRangesExact(coalitionStory, analysis);

  const tillerson = find(analysis, 'Tillerson');
  assert.equal(tillerson.type, 'person');
  // Headline, told, according to, possessive: every mention, the 's left out of the range.
  assert.equal(tillerson.mentions.length, 4);
  assert.ok(tillerson.mentions.every((m) => m.text === 'Tillerson'));

  const cavusoglu = find(analysis, 'Mevlüt Çavuşoğlu');
  assert.equal(cavusoglu.type, 'person');
  assert.equal(cavusoglu.role, 'Turkish Foreign Minister');
  assert.deepEqual(cavusoglu.aliases, ['Çavuşoğlu']);
  assert.equal(cavusoglu.quotes.length, 1);
  assert.match(cavusoglu.quotes[0].text, /^Partners who want our help/);

  const islamicState = find(analysis, 'Islamic State');
  assert.equal(islamicState.type, 'organization');
  assert.deepEqual([...islamicState.aliases].sort(), ['IS', 'ISIS']);
  assert.equal(islamicState.mentions.length, 5);

  const nato = find(analysis, 'North Atlantic Treaty Organisation');
  assert.equal(nato.type, 'organization');
  assert.equal(nato.mentions.length, 2);

  for (const place of ['Turkey', 'Syria', 'Iraq', 'Kuwait', 'Afghanistan']) {
    assert.equal(analysis.entityAt(at(coalitionStory, place) + 1), undefined, `${place} is not a person or organization`);
    assert.ok(!analysis.entities.some((e) => e.name === place), `${place} listed as an entity`);
  }
  // Months, days and sentence-initial capitals are not names.
  for (const word of ['February', 'Dozens', 'Officials', 'Winning', 'Partners']) {
    assert.equal(analysis.entityAt(at(coalitionStory, word) + 1), undefined, `${word} is not a name`);
  }
});

test('quotations are attributed to their speakers, pronouns to the last person named', () => {
  const analysis = entitiesOf(coalitionStory);
  const tillerson = find(analysis, 'Tillerson');
  const quoted = tillerson.quotes.map((q) => q.text.slice(0, 20));
  assert.deepEqual(quoted, ['Winning the big batt', 'ISIS is still a dang', 'a valued North Atlan']);
  // "the North Atlantic Treaty Organisation chief added": the chief spoke, not the alliance.
  assert.equal(find(analysis, 'North Atlantic Treaty Organisation').quotes.length, 0);
});

test('entityAt finds the entity under the cursor, including right after the name', () => {
  const analysis = entitiesOf(coalitionStory);
  const offset = at(coalitionStory, 'Çavuşoğlu said');
  assert.equal(analysis.entityAt(offset)?.name, 'Mevlüt Çavuşoğlu');
  assert.equal(analysis.entityAt(offset + 'Çavuşoğlu'.length)?.name, 'Mevlüt Çavuşoğlu');
  assert.equal(analysis.entityAt(at(coalitionStory, 'ISIS is') + 2)?.name, 'Islamic State');
  assert.equal(analysis.entityAt(at(coalitionStory, 'coalition members')), undefined);
});

test('the result is memoized per analysis', () => {
  const ctx = createContext(parseDraft(coalitionStory, 'plaintext'), defaultOptions);
  assert.equal(analyzeEntities(ctx), analyzeEntities(ctx));
});

test('spellings with and without diacritics are one person', () => {
  const text = 'Foreign Minister Mevlüt Çavuşoğlu arrived on Tuesday.\n\nCavusoglu said the talks went well.\n';
  const analysis = entitiesOf(text);
  const person = find(analysis, 'Mevlüt Çavuşoğlu');
  assert.equal(person.mentions.length, 2);
  assert.deepEqual(person.aliases, ['Cavusoglu']);
  assert.equal(person.role, 'Foreign Minister');
});

test('an acronym in brackets after its expansion is the same organization, possessive excluded', () => {
  const text =
    "The Regional Water Quality Board (RWQB) fined the plant on Friday.\n\nThe RWQB's inspectors found oil in the creek, said Dana Whitfield, a spokeswoman for the board.\n";
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const board = find(analysis, 'Regional Water Quality Board');
  assert.equal(board.type, 'organization');
  assert.deepEqual(board.aliases, ['RWQB']);
  assert.equal(board.mentions.length, 3);
  assert.equal(board.mentions[2].text, 'RWQB');
  const spokeswoman = find(analysis, 'Dana Whitfield');
  assert.equal(spokeswoman.type, 'person');
  assert.equal(spokeswoman.role, 'a spokeswoman for the board');
});

test('organization cue words, titles and roles', () => {
  const text =
    'Rachel Ostrowski, a spokeswoman for Cascade Energy Inc., said the Ministry of Energy approved the line.\n\n' +
    'Dr. Lena Moreau of Harborview University disagreed, and Sen. Paul Okafor asked the Federal Bureau of Investigation to look into it.\n';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Rachel Ostrowski').role, 'a spokeswoman for Cascade Energy Inc');
  assert.equal(find(analysis, 'Cascade Energy Inc').type, 'organization');
  assert.equal(find(analysis, 'Ministry of Energy').type, 'organization');
  assert.equal(find(analysis, 'Harborview University').type, 'organization');
  const moreau = find(analysis, 'Lena Moreau');
  assert.equal(moreau.type, 'person');
  assert.equal(moreau.role, null, 'an honorific is not a role (issue 11)');
  assert.equal(find(analysis, 'Paul Okafor').role, 'Sen.');
  const fbi = find(analysis, 'Federal Bureau of Investigation');
  assert.equal(fbi.type, 'organization');
});

test('attribution forms: said X, X said:, according to X, and a continuation paragraph', () => {
  const text =
    '"We will rebuild," said Mayor Ana Castillo.\n\n' +
    'Castillo said: "The river will not beat us.\n\n' +
    '"Every family will have a roof by winter."\n\n' +
    'The damage is "worse than 2011", according to Hugo Brandt, an engineer.\n\n' +
    '"It was loud," Brandt added.\n';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const castillo = find(analysis, 'Ana Castillo');
  assert.equal(castillo.role, 'Mayor');
  assert.deepEqual(
    castillo.quotes.map((q) => q.text),
    ['We will rebuild,', 'The river will not beat us.', 'Every family will have a roof by winter.'],
  );
  const brandt = find(analysis, 'Hugo Brandt');
  assert.deepEqual(
    brandt.quotes.map((q) => q.text),
    ['worse than 2011', 'It was loud,'],
  );
});

test('two people sharing a surname keep separate entities; the surname goes to the latest', () => {
  const text = 'Bill Hartley founded the firm. His daughter, Joan Hartley, runs it now.\n\nHartley said sales doubled.\n';
  const analysis = entitiesOf(text);
  assert.equal(find(analysis, 'Bill Hartley').mentions.length, 1);
  assert.equal(find(analysis, 'Joan Hartley').mentions.length, 2);
});

test('names with apostrophes and hyphens are whole names', () => {
  const text = "Seamus O'Neill met Jean-Pierre Raffarin in Lyon on Monday. O'Neill said the talks were useful, and Raffarin agreed.\n";
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, "Seamus O'Neill").mentions.length, 2);
  assert.equal(find(analysis, 'Jean-Pierre Raffarin').mentions.length, 2);
  assert.equal(analysis.entityAt(at(text, 'Lyon') + 1), undefined);
});

test('offsets stay UTF-16 indices after astral characters and CRLF line breaks', () => {
  const text = '🎉🎉 Party time 𝄞.\r\n\r\nPresident Amara Diallo thanked the crowd.\r\n\r\nDiallo left at noon.\r\n';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const diallo = find(analysis, 'Amara Diallo');
  assert.equal(diallo.mentions.length, 2);
  assert.equal(diallo.mentions[0].start, text.indexOf('Amara'));
});

test('all-caps text is left alone rather than guessed at', () => {
  const text = 'THE MAYOR SAID ON MONDAY THAT JOHN SMITH WILL LEAD THE COUNCIL.\n\nIT IS OVER.\n';
  const analysis = entitiesOf(text);
  assert.deepEqual(analysis.entities, []);
});

test('non-Latin scripts never crash and are not misread as names', () => {
  const text =
    'Президент Владимир Путин заявил об этом в понедельник.\n\n習近平在北京會見了代表團。\n\nقال الرئيس إن المحادثات كانت مفيدة.\n\nΟ πρωθυπουργός μίλησε.\n';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  // Whatever is found must be a real span of the text; CJK and Arabic have no capitals to go on.
  for (const e of analysis.entities) assert.ok(!/[\u4e00-\u9fff\u0600-\u06ff]/.test(e.name));
});

test('a story with thousands of names: every name found, every lookup right', () => {
  const first = ['Anna', 'Bruno', 'Chen', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas'];
  const last = ['Alvarez', 'Brennan', 'Castellanos', 'Dubois', 'Eriksen', 'Fujimoto', 'Galloway', 'Haddad', 'Ivanova', 'Jankowski'];
  const paragraphs: string[] = [];
  for (let i = 0; i < 600; i++) {
    // Distinct surnames: a stem plus two letters spelling out i.
    const a = `${first[i % 10]} ${last[(i * 7) % 10]}${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`;
    const b = `${first[(i + 3) % 10]} ${last[(i * 3) % 10]}`;
    paragraphs.push(`${a} met ${b} at the Harbor Trust on Monday, and ${last[(i * 3) % 10]} said the Pine Valley Council agreed.`);
  }
  const text = paragraphs.join('\n\n');
  // Its speed is the benchmark's (`npm run bench`), not a test's.
  const analysis = entitiesOf(text);
  assert.ok(analysis.entities.length > 600, `found ${analysis.entities.length}`);
  assertRangesExact(text, analysis);
  // Every offset finds the entity whose mention holds it, however many mentions there are.
  for (let offset = 0; offset < text.length; offset += 7) {
    const entity = analysis.entityAt(offset);
    if (entity) assert.ok(entity.mentions.some((m) => m.start <= offset && offset <= m.end));
  }
});

test('names in lines of web boilerplate are not people of the story', () => {
  // "Olive" opens a link to another story, and the tagger reads it as a first name.
  const text = [
    'Harbour pilots return to work after pay deal',
    '',
    'Pilots at the port of Kestrel Bay went back to work on Monday, union leader Mara Lindqvist said.',
    'More news: Olive harvest expected to be the smallest in a decade',
    'Related stories: Jonah Pell wins seat on harbour board',
    'Lindqvist said the deal would hold for three years.',
  ].join('\n');
  const analysis = entitiesOf(text);
  const names = analysis.entities.map((e) => e.name);
  find(analysis, 'Mara Lindqvist');
  assert.ok(!names.includes('Olive'), `found ${names.join(', ')}`);
  assert.ok(!names.some((n) => n.includes('Pell')), `found ${names.join(', ')}`);
  assertRangesExact(text, analysis);
});

test('a super PAC is a kind of committee, not an organization by name', () => {
  const text = [
    'Harbor mayor race draws outside money',
    '',
    'A super PAC backing Mayor Lena Fortescue spent $40,000 on mailers, and the major Super PAC on the other side spent more.',
  ].join('\n');
  const analysis = entitiesOf(text);
  const names = analysis.entities.map((e) => e.name);
  assert.ok(!names.includes('PAC') && !names.includes('Super PAC'), `found ${names.join(', ')}`);
  find(analysis, 'Lena Fortescue');
  assertRangesExact(text, analysis);
});

test('a city, a law and a party member are not organizations', () => {
  const text = [
    'Harbor council backs transit plan',
    '',
    'The troops guard the embassy in the capital, Kabul. Mayor Lena Fortescue filed a request under the Freedom of Information Act and said the Second Amendment was not at issue. Initially a Democrat, she registered as a Republican in 1990. The ranking Democrat on the panel, Ida Varga, disagreed.',
    '',
    'The Harbor Transit Authority will run the line, and a Seattle police official said the route was safe.',
  ].join('\n');
  const analysis = entitiesOf(text);
  const organizations = analysis.entities.filter((e) => e.type === 'organization').map((e) => e.name);
  assert.deepEqual(organizations, ['Harbor Transit Authority']);
  find(analysis, 'Lena Fortescue');
  find(analysis, 'Ida Varga');
  assertRangesExact(text, analysis);
});

test("a work's title in title case is no name, while an initial and a king's number stay in one", () => {
  const text = [
    'Band to host radio week',
    '',
    'The Welsh band, whose hits include Design For Life and If You Tolerate This, will take over the station. Their singer chose My Heart Is My Own, a biography.',
    '',
    'Robert A. Levinson, a former agent, and Queen Elizabeth I were named. The Harbor Transit Authority will sponsor the week.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assert.deepEqual(
    analysis.entities.map((e) => e.name),
    ['Robert A. Levinson', 'Elizabeth I', 'Harbor Transit Authority'],
  );
  assertRangesExact(text, analysis);
});

test('a title after an article or an ordinal names no one; a surname spelled like a title still does', () => {
  const text = [
    'Jobs report lifts Bush',
    '',
    'President Walter Bush can celebrate: he is the first President to add jobs in a second term since Herbert Hoover.',
    '',
    'Rep. Steve King welcomed the figures. King said the report was good news.',
  ].join('\n');
  const analysis = entitiesOf(text);
  const names = analysis.entities.map((e) => e.name);
  assert.ok(!names.includes('President'), `found ${names.join(', ')}`);
  find(analysis, 'Herbert Hoover');
  assert.equal(find(analysis, 'Steve King').mentions.length, 2);
  assertRangesExact(text, analysis);
});

test('a two-word surname and a first name compromise knows are the person the story names in full', () => {
  const text = [
    'Poet and coach in the running',
    '',
    "The fourth book is Corpus, Michael Symmons Roberts' fourth collection of poems. Symmons Roberts also makes films.",
    '',
    'Harbor coach Jacques Santini left on Friday. "Jacques has never said why," the club\'s director said.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assert.equal(find(analysis, 'Michael Symmons Roberts').mentions.length, 2);
  assert.equal(find(analysis, 'Jacques Santini').mentions.length, 2);
  assert.equal(analysis.entities.filter((e) => e.type === 'person').length, 2);
  assertRangesExact(text, analysis);
});

test("a question's verb opens no one's name", () => {
  const text = ['Q: Does Lena Fortescue have the votes?', '', 'A: Well, Fortescue might. Lena Fortescue could, but she has not said so.'].join('\n');
  const analysis = entitiesOf(text);
  assert.deepEqual(
    analysis.entities.map((e) => e.name),
    ['Lena Fortescue'],
  );
  assert.equal(find(analysis, 'Lena Fortescue').mentions.length, 3);
  assertRangesExact(text, analysis);
});

test('a role or a title compromise does not list, before a first name, is cut off the name', () => {
  const text = [
    'Harbor council in uproar',
    '',
    'It was a meeting like no other. Backbencher Stephen Pound said members had threatened to walk out.',
    '',
    'Euro MP Robert Kilroy-Silk left early. Grant Dean, the chairman, and Rose Varga stayed.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assert.deepEqual(
    analysis.entities.map((e) => e.name),
    ['Stephen Pound', 'Robert Kilroy-Silk', 'Grant Dean', 'Rose Varga'],
  );
  assertRangesExact(text, analysis);
});

test("a lone word between two lone people in a team's line-up is no organization", () => {
  const text = [
    'Harbor United 4-1 Aberdeen',
    '',
    'Tony Bullock saved well and Barry Robson scored twice. Stevie Crawford and Mark Wilson also played.',
    '',
    'Bullock, Duff, Wilson, Ritchie, Archibald, Scotland (Samuel 63), Brebner, Kerr (Cameron 87), Robson, Crawford, Grady.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assert.ok(!analysis.entities.some((e) => e.name === 'Kerr' && e.type === 'organization'));
  assert.equal(find(analysis, 'Barry Robson').mentions.length, 2);
  assertRangesExact(text, analysis);
});

test('a work or a product named by the noun before it is no one, but a director or a designer is', () => {
  const text = [
    'Harbor studio wins games award',
    '',
    'The prize went to the rhythm game Donkey Konga, while a variant of the MyDoom virus slowed the studio down.',
    '',
    'Film director Ines Varga and game designer Will Wright accepted it for Harbor Games.',
  ].join('\n');
  const analysis = entitiesOf(text);
  const names = analysis.entities.map((e) => e.name);
  for (const wrong of ['Donkey Konga', 'MyDoom']) assert.ok(!names.includes(wrong), `found ${names.join(', ')}`);
  find(analysis, 'Ines Varga');
  find(analysis, 'Will Wright');
  assertRangesExact(text, analysis);
});

test('a work noun used as a verb names no work: "trying to show Bernie Sanders isn\'t" keeps every mention of the man', () => {
  const text = [
    'Clinton presses on banks',
    '',
    'Harriet Okonjo has been attacked on her speeches by Bernie Sanders, who cites them as evidence of close ties to banks.',
    '',
    'Okonjo is trying to show Bernie Sanders isn’t the only candidate ready to break up banks. Polls show Sanders ahead.',
  ].join('\n');
  const analysis = entitiesOf(text);
  const sanders = find(analysis, 'Bernie Sanders');
  assert.equal(sanders.type, 'person');
  assert.deepEqual(
    sanders.mentions.map((m) => m.start),
    [at(text, 'Bernie Sanders'), at(text, 'Bernie Sanders', 1), at(text, 'Sanders ahead')],
  );
  // A noun of a work still names one.
  const film = entitiesOf('Festival opens\n\nThe festival opens with the film Harbour Lights on Friday, director Ines Varga said.\n');
  assert.ok(!film.entities.some((e) => e.name === 'Harbour Lights'));
  assertRangesExact(text, analysis);
});

test('a generational suffix is no surname: two men named Jr. are two people, and each is found by his surname', () => {
  const text = [
    'Council weighs harbor plan',
    '',
    'The meeting drew Deputy Mayor Thomas R. Whitcombe Jr., Harbor Commissioner Ines Varga and Chief Engineer Thomas A. Okafor Jr., the head of the works department.',
    '',
    'Whitcombe said the plan would go ahead. Okafor said the bridge would reopen in May.',
  ].join('\n');
  const analysis = entitiesOf(text);
  const whitcombe = find(analysis, 'Thomas R. Whitcombe Jr');
  const okafor = find(analysis, 'Thomas A. Okafor Jr');
  assert.notEqual(whitcombe, okafor);
  assert.deepEqual(
    whitcombe.mentions.map((m) => m.start),
    [at(text, 'Thomas R. Whitcombe'), at(text, 'Whitcombe said')],
  );
  assert.deepEqual(
    okafor.mentions.map((m) => m.start),
    [at(text, 'Thomas A. Okafor'), at(text, 'Okafor said')],
  );
  assertRangesExact(text, analysis);
});

test('in a sentence about a game, a team may go by its county', () => {
  const text = ['Yorkshire beat Surrey by an innings on Friday.', '', 'Surrey captain Chris Lewis said Yorkshire had played well.'].join('\n');
  const analysis = entitiesOf(text);
  assert.equal(find(analysis, 'Surrey').type, 'organization');
  assert.equal(find(analysis, 'Yorkshire').type, 'organization');
  assertRangesExact(text, analysis);
});

test('a modal or an indefinite pronoun opening a sentence or a numbered item begins no name', () => {
  const text = [
    'Five things to watch in the harbor debate',
    '',
    '1) Can Fortescue hold the lead? Mayor Lena Fortescue has led every poll since June.',
    'Could Varga catch her? Council member Ida Varga says yes. Anyone watching the race knows Varga has the money.',
    '7. Ida Varga. The council member has the most cash on hand.',
  ].join('\n');
  const analysis = entitiesOf(text);
  const names = analysis.entities.map((e) => e.name);
  for (const wrong of ['Can Fortescue', 'Could Varga', 'Anyone']) assert.ok(!names.includes(wrong), `found ${names.join(', ')}`);
  // The lone surnames after the modals are the people the story names in full; a name opening a numbered item keeps its first word.
  assert.equal(find(analysis, 'Lena Fortescue').mentions.length, 2);
  assert.equal(find(analysis, 'Ida Varga').mentions.length, 4);
  assertRangesExact(text, analysis);
});

test('a name opening with the surname of someone named in full is a thing named after them', () => {
  const text = [
    "Dana Whitcombe Raised Her Campaign's Whitcombe Tower Rent",
    '',
    'Dana Whitcombe raised the rent her campaign pays for space in Whitcombe Tower once donors were paying it, records show.',
    '',
    'The campaign paid Whitcombe Tower $35,458 in March. In June it paid Whitcombe Tower $169,758.',
    '',
    'The space in Whitcombe Tower was once used for a television show. Saqlain Hassan and Hassan Ahmed watched it.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assert.deepEqual(
    analysis.entities.map((e) => `${e.type} ${e.name}`),
    ['person Dana Whitcombe', 'person Saqlain Hassan', 'person Hassan Ahmed'],
  );
  assertRangesExact(text, analysis);
});

test("a state after a town is no organization, nor the judges of a court or a county's sheriff part of one", () => {
  const text = [
    'Senator tours the state',
    '',
    '"His record does not match," Senator Ana Ruiz told reporters after a forum in Fort Mill, S.C. "It seems he is nervous."',
    '',
    'Presidents have problems choosing judges and Supreme Court Justices who turn out as they hoped, Ruiz said. Ines Dalby graduated from Keene State College in 2010.',
    '',
    'A woman was killed. "The videos obviously show intention," Clark County Sheriff Joe Lombardo said at a news conference Monday. Clark County officials identified her.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assert.deepEqual(
    analysis.entities.filter((e) => e.type === 'organization').map((e) => e.name),
    ['Supreme Court', 'Keene State College'],
  );
  assertRangesExact(text, analysis);
});

test("a lone surname shared with a relative named in passing stays with the story's subject, unless the relative was named just before it", () => {
  const text = [
    'Evangelicals flock to Okafor',
    '',
    'Senator Dana Okafor has courted evangelical voters for months, and crowds in Burlington have answered. She has won the support of dozens of pastors across the state, and her campaign has opened offices in every county.',
    '',
    'She deployed her father, Samuel Okafor, a retired minister, as a surrogate on the road this winter, and he has spoken at more than forty churches since the autumn.',
    '',
    'With the caucuses three weeks away, volunteers say the work has paid off. Pastors in small towns say they have rarely seen a campaign so organized this early, and many say they will stay with it until the vote.',
    '',
    'Okafor is poised to benefit. Okafor told a rally on Sunday that the race was close.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assert.equal(find(analysis, 'Dana Okafor').mentions.length, 4, 'the headline, the full name and two mentions of Okafor');
  assert.equal(find(analysis, 'Samuel Okafor').mentions.length, 1);
});

test('a full name without its middle initial is the same person, and "de" before a surname is part of the name', () => {
  const text = [
    'Mayor meets candidate',
    '',
    'Donald J. Trump met New York City Mayor Bill de Blasio on Monday. "Donald Trump is welcome here," de Blasio said.',
    '',
    'Clark County Sheriff Joe Lombardo and U.S. District Judge Ana Ruiz were there. Clark County officials said it went well.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assert.deepEqual(
    analysis.entities.map((e) => `${e.type} ${e.name} ${e.mentions.length}`),
    ['person Donald J. Trump 2', 'person Bill de Blasio 2', 'person Joe Lombardo 1', 'person Ana Ruiz 1'],
  );
  assert.equal(find(analysis, 'Bill de Blasio').role, 'New York City Mayor');
  assertRangesExact(text, analysis);
});

test('"the House" is the chamber, not a short form of the White House', () => {
  const text = 'Funding bill fails\n\nThe White House said the bill crafted by the House was a poison pill. The House passed it on Tuesday.';
  const analysis = entitiesOf(text);
  assert.equal(find(analysis, 'White House').mentions.length, 1);
  assert.equal(find(analysis, 'House').mentions.length, 2);
});

test('a war, a convention, a summit, a park, a holiday and a title ending a name are no organizations', () => {
  const text = [
    'Veterans gather in Harlow',
    '',
    'Senate Majority Leader Ruth Okafor spoke after the Harlow Marathon. The Korean War ended long ago, she said, and the Geneva Convention still binds us.',
    '',
    'She will speak at the Democratic National Convention and at the Nuclear Security Summit, and rest on New Year’s Eve in Maple Park.',
    '',
    'The Harlow Union Leader, a newspaper, and the Southern Baptist Convention, a church body, backed her. Dunmore County Sheriff Eli Varga agreed.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assert.deepEqual(
    analysis.entities.map((e) => `${e.type} ${e.name}`),
    ['person Ruth Okafor', 'organization Harlow Union Leader', 'organization Southern Baptist Convention', 'person Eli Varga'],
  );
  assertRangesExact(text, analysis);
});

test('an institution ends its name before a title, a court case names no one, and a state before a political role is a place', () => {
  const text = [
    'Justices weigh the case',
    '',
    'Lena Marsh, a former adviser in the Obama White House, said Republican Party Chairman Eli Varga would speak.',
    '',
    'The Vermont senator spoke to Republicans on Capitol Hill about Roe v. Wade, and the Ohio delegation agreed. Lena Marsh left.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assert.deepEqual(
    analysis.entities.map((e) => `${e.type} ${e.name}`),
    ['person Lena Marsh', 'organization White House', 'organization Republican Party', 'person Eli Varga'],
  );
  assertRangesExact(text, analysis);
});

test('a month before a surname, a faith or a region before a noun, and a party before a chamber are no part of a name', () => {
  const text = [
    'Varga runs for the House',
    '',
    'In August Varga met Ruth Okafor. He missed more votes than any Texas Congressman, said Okafor, a champion of Constitutional governance.',
    '',
    'Varga called for patrols in Muslim neighbourhoods, unlike North American leaders. Republican House members said nothing.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assert.deepEqual(
    analysis.entities.map((e) => `${e.type} ${e.name} ${e.mentions.length}`),
    ['person Varga 3', 'organization House 2', 'person Ruth Okafor 2'],
  );
  assertRangesExact(text, analysis);
});

test('a lower-case title keeps its "of State", an acronym ends a sentence, and two people joined by a hyphen are neither', () => {
  const text = [
    'Okafor and Varga trade blows',
    '',
    'The plan was advanced by then-Secretary of State Ruth Okafor in 2011, said Eli Varga, its president and CEO. That puts Okafor in a bind.',
    '',
    'For months, Lena Dunmore has watched the Okafor-Varga feud from the sidelines. She called Varga a great General. Anyone can see why.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assert.deepEqual(
    analysis.entities.map((e) => `${e.type} ${e.name} ${e.mentions.length}`),
    ['person Ruth Okafor 3', 'person Eli Varga 3', 'person Lena Dunmore 1'],
  );
  assert.equal(find(analysis, 'Ruth Okafor').role, 'then-Secretary of State');
  assertRangesExact(text, analysis);
});

test('a place named outright is a place in its other lone mentions, an event word is no one, and an interjection opens a quotation', () => {
  const text = [
    'Vigil in Harlow',
    '',
    'The mass shooting in Orlando drew rebukes. Police were warned about Orlando shooter Eli Varga, said Ruth Okafor.',
    '',
    'Okafor told delegates at the Republican National Convention: “Well, this is where we stand.” Varga said, “Look, I am sorry.”',
  ].join('\n');
  const analysis = entitiesOf(text);
  assert.deepEqual(
    analysis.entities.map((e) => `${e.type} ${e.name} ${e.mentions.length}`),
    ['person Eli Varga 2', 'person Ruth Okafor 2'],
  );
  assertRangesExact(text, analysis);
});

test('a short first name is the formal one with the same surname, and a name ending in an institution names the institution', () => {
  const text = [
    'Donors gather',
    '',
    'Ken Varga spoke first. Kenneth Varga, the fund’s founder, gave to Sarah Lawrence College and Henry Okafor Realty.',
    '',
    'Pat Dunmore, Patricia Dunmore and Patrick Dunmore were there.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assert.deepEqual(
    analysis.entities.map((e) => `${e.type} ${e.name} ${e.mentions.length}`),
    [
      'person Kenneth Varga 2',
      'organization Sarah Lawrence College 1',
      'organization Henry Okafor Realty 1',
      'person Pat Dunmore 1',
      'person Patricia Dunmore 1',
      'person Patrick Dunmore 1',
    ],
  );
  assertRangesExact(text, analysis);
});

test("an interview's Q: and A: open a sentence, so a question word or an interjection after them names no one", () => {
  const text = ['Q&A with Ruth Okafor', '', 'Q: How did things go for you?', '', 'A: Well, I think people are afraid.', '', 'Q: Why, Ruth Okafor?'].join('\n');
  const analysis = entitiesOf(text);
  assert.deepEqual(
    analysis.entities.map((e) => `${e.type} ${e.name} ${e.mentions.length}`),
    ['person Ruth Okafor 2'],
  );
});

test('a work the story names as one is a work in every mention, past "The", "such as" or "like"', () => {
  const text = [
    'Varga film tops the box office',
    '',
    'Eli Varga movie Harbour Lights has topped the box office. Harbour Lights, which sees Varga chase a fortune, was made by Dunmore Studios.',
    '',
    'Ruth Okafor says games such as The Tallies could teach languages; The Tallies and shows like Brightwater hold teenagers.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assert.deepEqual(
    analysis.entities.map((e) => `${e.type} ${e.name} ${e.mentions.length}`),
    ['person Eli Varga 3', 'organization Dunmore Studios 1', 'person Ruth Okafor 1'],
  );
  assertRangesExact(text, analysis);
});

test('a surname that is also an institution word keeps the person ("Samantha Power", "Danielle Steel")', () => {
  const text = 'Book tour opens\n\nSamantha Power, the ambassador, met Danielle Steel and Charlotte Church at Okafor College.';
  const analysis = entitiesOf(text);
  assert.deepEqual(
    analysis.entities.map((e) => `${e.type} ${e.name}`),
    ['person Samantha Power', 'person Danielle Steel', 'person Charlotte Church', 'organization Okafor College'],
  );
});

test("a lone first name before its officer's role and full name is a team or a firm in every lone mention", () => {
  const text = 'Varga expects a fight\n\nChelsea manager Eli Varga expects a fight with Harlow. Varga said Chelsea were ready. Chelsea won.';
  const analysis = entitiesOf(text);
  // "Chelsea were ready": the plural verb says team, so the club is listed, as an organization.
  assert.deepEqual(
    analysis.entities.map((e) => `${e.type} ${e.name} ${e.mentions.length}`),
    ['person Eli Varga 3', 'organization Chelsea 3'],
  );
  const withoutPluralVerb = entitiesOf(text.replace('Chelsea were ready', 'Chelsea was ready'));
  assert.deepEqual(
    withoutPluralVerb.entities.map((e) => `${e.type} ${e.name} ${e.mentions.length}`),
    ['person Eli Varga 3'],
  );
});

test('a festival, a tournament or a championship is no one and no organization', () => {
  const text = 'Bands join the line-up\n\nThe Harlow Festival and the Dunmore Championships follow, said Ruth Okafor.';
  const analysis = entitiesOf(text);
  assert.deepEqual(
    analysis.entities.map((e) => `${e.type} ${e.name}`),
    ['person Ruth Okafor'],
  );
});

// Editors' brackets inside quotations, written for this test.
const bracketStory = [
  'Zoning vote delayed',
  '',
  '“It was just like what [Ohio Gov. Dana] Whitcombe did to the mayor,” said Ray Ostrow, a county commissioner. Whitcombe did not reply.',
  '',
  '“She needs the votes of [Libertarian hopeful Mara] Quint & [Green Party nominee Lou] Adair supporters,” Ostrow said.',
  '',
].join('\n');

test("a name runs on across an editor's bracket, and is shown without it", () => {
  const analysis = entitiesOf(bracketStory);
  assertRangesExact(bracketStory, analysis);
  const whitcombe = find(analysis, 'Dana Whitcombe');
  assert.deepEqual(
    whitcombe.mentions.map((m) => m.text),
    ['Dana] Whitcombe', 'Whitcombe'],
    'the mention keeps the text as written',
  );
  assert.equal(whitcombe.role, 'Ohio Gov.');
  assert.deepEqual(whitcombe.aliases, ['Whitcombe']);
  find(analysis, 'Mara Quint');
  find(analysis, 'Lou Adair');
  const broken = analysis.entities.filter((e) => /[[\]&]/.test(e.name) || ['Dana', 'Mara', 'Quint', 'Lou', 'Adair'].includes(e.name));
  assert.deepEqual(
    broken.map((e) => e.name),
    [],
  );
});

// A family's story, written for this test.
const familyStory = [
  'Navarro family opens campaign office',
  '',
  'State Sen. Maria Navarro, her husband, Tom Navarro, and their son David Navarro greeted voters in Dayton on Tuesday.',
  '',
  '“Maria is the hardest worker I know,” said Ray Ostrow, a neighbor.',
  '',
  'Organizers David and Jeanne Kessler, who met the family in 1998, handed out leaflets.',
  '',
  'The Kesslers’ children, Ana, Luis, Rosa and Tom, came too.',
  '',
].join('\n');

test("a first name alone is the one person named in full with it, in a family's story too, but not a name listed with others", () => {
  const analysis = entitiesOf(familyStory);
  assertRangesExact(familyStory, analysis);
  const mentionsOf = (name: string) => find(analysis, name).mentions.map((m) => familyStory.slice(0, m.start).split('\n').length);
  assert.deepEqual(mentionsOf('Maria Navarro'), [1, 3, 5], '"Maria" in the quotation is her');
  assert.deepEqual(mentionsOf('David Navarro'), [3], '"David and Jeanne Kessler" is another David');
  assert.deepEqual(mentionsOf('Tom Navarro'), [3], 'the Tom of a list of children is another Tom');
});

// Bodies named for what they are for, written for this test.
const linkedBodiesStory = [
  'Press freedom report released',
  '',
  'The report was written by Ilse Varnholt, director of the Institute for the Study of Coastal Trade at Haldor University.',
  '',
  'Officials at the Committee to Protect Harbor Workers and the Center for the Study of Fen Democracy welcomed it on Tuesday.',
  '',
  'The case went to the U.S. Court of Appeals for the Ninth Circuit in March.',
  '',
  'Lena Ostrow is listed as the chair of Hispanic Patriots for Trump. Lawyers for Mr Varga declined to comment.',
  '',
].join('\n');

test('a body named for what it is for keeps its "for the", "to" and "of" links: "Institute for the Study of Labour", "Committee to Protect Journalists", "Hispanic Patriots for Trump"', () => {
  const analysis = entitiesOf(linkedBodiesStory);
  assertRangesExact(linkedBodiesStory, analysis);
  for (const name of [
    'Institute for the Study of Coastal Trade',
    'Committee to Protect Harbor Workers',
    'Center for the Study of Fen Democracy',
    'U.S. Court of Appeals for the Ninth Circuit',
    'Hispanic Patriots for Trump',
  ]) {
    assert.equal(find(analysis, name).type, 'organization');
  }
  const pieces = analysis.entities.filter((e) =>
    ['Institute', 'Study', 'Committee', 'Center', 'Protect Harbor Workers', 'Hispanic Patriots', 'Lawyers for Mr Varga'].includes(e.name),
  );
  assert.deepEqual(
    pieces.map((e) => e.name),
    [],
  );
});

test('a name is cut from a word joined to it by an ellipsis or a double hyphen ("Paul Ryan…to", "Ariz.--John Bacon")', () => {
  const text = [
    'Governor backs speaker',
    '',
    '“We need Tomas Varga…to make this state work again,” Gov. Ana Ruiz said on Monday.',
    '',
    'The driver was identified as Lena Ostrow, 32, of Dover, Del.--Rob Whitcombe',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Tomas Varga');
  find(analysis, 'Rob Whitcombe');
  assert.ok(!analysis.entities.some((e) => /…|--/.test(e.name)), analysis.entities.map((e) => e.name).join(', '));
});

test('a function word that opens a clause after a colon is no part of the name after it ("intervened: If Sanders would"), but a name after a colon keeps its first word', () => {
  const text = [
    'Mayor steps into debate row',
    '',
    'Tomas Walker challenged the governor to a debate in the city.',
    '',
    'Mayor Ana Ruiz on Monday intervened: If Walker would debate on April 14, Ruiz said, the city would find a hall.',
    '',
    'Moderator: Lena Ostrow, of the Harbor Trust.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Tomas Walker').mentions.length, 2);
  find(analysis, 'Lena Ostrow');
  assert.ok(!analysis.entities.some((e) => /^If\b/.test(e.name)), analysis.entities.map((e) => e.name).join(', '));
});

test('a short form in brackets after an organization\'s name is that organization even when the letters differ ("European Telecommunications Institute (Etsi)"), and so is an acronym that spells out one in the name ("UK Rowing ... UKR")', () => {
  const text = [
    'Rowing body names new chief',
    '',
    'UK Rowing has ended its search for a new performance director. "We have searched long and hard," said UKR chief executive Ana Ruiz.',
    '',
    'The Coastal Fisheries Institute (Cofi) adopted the new quota on Monday. Cofi said it was pleased, and the Harbor Trust (Dover) agreed.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.deepEqual(find(analysis, 'UK Rowing').aliases, ['UKR']);
  const institute = find(analysis, 'Coastal Fisheries Institute');
  assert.equal(institute.type, 'organization');
  assert.deepEqual(institute.aliases, ['Cofi']);
  assert.equal(institute.mentions.length, 3);
  assert.ok(
    !analysis.entities.some((e) => e.name === 'Cofi' || e.name === 'UKR' || e.aliases.includes('Dover')),
    analysis.entities.map((e) => e.name).join(', '),
  );
});

test('a short form in brackets taken from another language is the organization\'s ("the Fisheries Committee (PECH)"), not where the name before it may be cut ("the Summit for the Coastal Society (SCS)")', () => {
  const text = [
    'Quota plan sent back',
    '',
    'The Fisheries Committee (PECH) said the quota plan must be rewritten. PECH members voted 21 to 4 on Tuesday.',
    '',
    'A spokesman for the Summit for the Coastal Society (WSCS) said talks would go on.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const committee = find(analysis, 'Fisheries Committee');
  assert.deepEqual(committee.aliases, ['PECH']);
  assert.equal(committee.mentions.length, 3);
  assert.ok(!analysis.entities.some((e) => e.aliases.includes('WSCS')), analysis.entities.map((e) => `${e.name} ${e.aliases}`).join(', '));
});

test('a first name no table knows, used alone, is the one person named in full with it ("Joice Maduaka ... Joice"), and so is a first name after a royal\'s or a knight\'s title ("Prince Saud", "Sir Andrew")', () => {
  const text = [
    'Hurdlers set for indoor final',
    '',
    'Kwabena Osei was hoping to run against defending champion Joice Maduaka. The pair enjoy a rivalry, but Joice had to pull out with a chest infection.',
    '',
    'Foreign Minister Prince Talal Al-Rashid said women would join the ministry. "I am proud," Prince Talal told reporters.',
    '',
    "Sir Andrew Pellow's review was published in May. Sir Andrew said it was fair.",
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Joice Maduaka').mentions.length, 2);
  assert.equal(find(analysis, 'Talal Al-Rashid').mentions.length, 2);
  assert.equal(find(analysis, 'Andrew Pellow').mentions.length, 2);
  assert.ok(!analysis.entities.some((e) => /^(?:Joice|Talal|Andrew)$/.test(e.name)), analysis.entities.map((e) => e.name).join(', '));
});

test('a body with a name of its own keeps the nationality that opens it ("the Dutch Olympic Committee") and a numbered body its number ("the 6th Circuit Court of Appeals"), but a government\'s ministry is the ministry', () => {
  const text = [
    'Coach weighs offers',
    '',
    'Van Dalen is going through the selection process with the Dutch Olympic Committee, while the Norwegian Broadcasting Corporation will show the games.',
    '',
    'The 6th Circuit Court of Appeals on Tuesday overturned the ruling, and the Turkish Foreign Ministry said nothing.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Dutch Olympic Committee');
  find(analysis, 'Norwegian Broadcasting Corporation');
  find(analysis, '6th Circuit Court of Appeals');
  find(analysis, 'Foreign Ministry');
  assert.ok(
    !analysis.entities.some((e) => /^(?:Committee|Olympic Committee|Broadcasting Corporation|Circuit Court of Appeals)$/.test(e.name)),
    analysis.entities.map((e) => e.name).join(', '),
  );
});

test('two organizations joined by "and" are two when the first is a name complete in itself ("the Electoral Commission and National Union of Students"), but a name that reads on past "and" is one ("the Securities and Exchange Commission", "Harbor News & Media")', () => {
  const text = [
    'Students back voting plan',
    '',
    'The plan was welcomed by the Electoral Commission and National Union of Students on Monday, and by the Urban Institute and Brookings Institution.',
    '',
    'The Securities and Exchange Commission and the Department for Work and Pensions said nothing, and Harbor News & Media declined to comment.',
    '',
    'Panels made by the likes of Sony and Samsung use liquid crystals.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  for (const name of [
    'Electoral Commission',
    'National Union of Students',
    'Urban Institute',
    'Brookings Institution',
    'Securities and Exchange Commission',
    'Department for Work and Pensions',
    'Harbor News & Media',
    'Sony',
    'Samsung',
  ])
    find(analysis, name);
});

test('a name after "a" or "an" that heads its noun phrase names one of a kind ("a Londoner who", "as a Royal Marine before"), but one that modifies a noun, a full name and a body\'s name still name someone', () => {
  const text = [
    'Sprinter picks new country',
    '',
    'Tomas Findlay is a Londoner who has chosen to run for Trinidad. His coach started his career as a Royal Marine before becoming a teacher.',
    '',
    'An Acme spokesman said Findlay was not a Lena Ostrow, and the plan would need an Island Development Bank in June.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Tomas Findlay');
  find(analysis, 'Lena Ostrow');
  find(analysis, 'Island Development Bank');
  find(analysis, 'Acme');
  assert.ok(!analysis.entities.some((e) => /^(?:Londoner|Royal Marine)$/.test(e.name)), analysis.entities.map((e) => e.name).join(', '));
});

test('a name that opens with the first word of another of the story\'s organizations, a word no one is named by, is an organization ("Sky News, Sky Travel"), but a person named so stays one', () => {
  const text = [
    'Broadcaster wins awards rights',
    '',
    'Kestrel has signed a deal to show the awards. Coverage will run across Kestrel News, Kestrel Travel and the Biography Channel.',
    '',
    'Kestrel Travel will show a season of films, Tomas Varga said.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Kestrel Travel').type, 'organization');
  assert.equal(find(analysis, 'Kestrel News').type, 'organization');
  assert.equal(find(analysis, 'Tomas Varga').type, 'person');
});

test('an award is no one and no organization ("Oscar nominee Alan Alda", "nominated for an Oscar", "the Baftas", "the Academy Awards"), but a person called Oscar stays one', () => {
  const text = [
    'Broadcaster takes over awards night',
    '',
    'Stars including Oscar nominee Lena Ostrow paid tribute. The film was nominated for an Oscar, and Kestrel will broadcast the Academy Awards and the Baftas.',
    '',
    'Oscar Whitcombe ran the relay. Oscar said he was happy.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Lena Ostrow');
  assert.equal(find(analysis, 'Oscar Whitcombe').mentions.length, 2);
  assert.ok(!analysis.entities.some((e) => /^(?:Oscar|Academy Awards|Baftas)$/.test(e.name)), analysis.entities.map((e) => e.name).join(', '));
});

test('a work named by the noun before it ("horror film The Grudge") or by an appositive whose head is a work\'s noun ("Harbor Lane, the school-based drama serial which") is no one, but "Tom Vell, the film star" is someone', () => {
  const text = [
    'Soap creator bids for channel',
    '',
    'Kestrel horror film The Grudge was the second best-selling DVD. Tom Vell, the film star, said so.',
    '',
    'He also created Harbor Lane, the school-based drama serial which was first broadcast in 1978.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Tom Vell');
  assert.ok(!analysis.entities.some((e) => /^(?:The Grudge|Harbor Lane)$/.test(e.name)), analysis.entities.map((e) => e.name).join(', '));
});

test('a name the lexicon does not know, joined by "and" to a place after "in" or "from", is a place too ("in Chicago and Tel Aviv", "in Manchester and Londonderry")', () => {
  const text = [
    'Sprinters miss drug tests',
    '',
    'They failed to appear to give samples in Chicago and Tel Aviv shortly before the Games, Ana Ruiz said.',
    '',
    'The candidate held town halls in Manchester and Londonderry, and met Acme Corp on Monday.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Ana Ruiz');
  find(analysis, 'Acme Corp');
  assert.ok(!analysis.entities.some((e) => /^(?:Tel Aviv|Londonderry)$/.test(e.name)), analysis.entities.map((e) => e.name).join(', '));
});

test('a title after a title word ("the Lord Chancellor, Lord Falconer") is no one, and a law named by its kind alone ("the Act") is no organization', () => {
  const text = [
    'Peer drops succession bill',
    '',
    'The Lord Chancellor, Lord Varga, agreed the Act was discriminatory, and the Lord Mayor, Ana Ruiz, said so.',
    '',
    'Vice President Tomas Walker disagreed. Ms King said she was delighted, and Lord King agreed.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Varga');
  find(analysis, 'Ana Ruiz');
  assert.equal(find(analysis, 'King').mentions.length, 2);
  assert.ok(!analysis.entities.some((e) => /^(?:Chancellor|Mayor|Act|President)$/.test(e.name)), analysis.entities.map((e) => e.name).join(', '));
});

test('a club or a paper by its name without its city is the one organization ("Glasgow Rangers ... Rangers", "Manchester United ... United\'s win"), a short form spelling out part of a name is that name ("the Scottish FA"), but "the House" is not the Kentucky House', () => {
  const text = [
    'Smith backed for Scotland job',
    '',
    'He managed Glasgow Rangers, and Rangers won the league. The Scottish Football Association appointed him, and the Scottish FA said so.',
    '',
    "Manchester United beat Arsenal, and United's win stands. The show moved from BBC Two to BBC Three.",
    '',
    'The Kentucky House passed the bill, and the House in Washington will vote on Monday.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.deepEqual(find(analysis, 'Glasgow Rangers').aliases, ['Rangers']);
  assert.deepEqual(find(analysis, 'Manchester United').aliases, ['United']);
  assert.deepEqual(find(analysis, 'Scottish Football Association').aliases, ['Scottish FA']);
  assert.ok(!find(analysis, 'Kentucky House').aliases.includes('House'), analysis.entities.map((e) => e.name).join(', '));
});

test('a name of two words the story calls a company, a paper or a channel is an organization though the tagger reads a person ("US magazine Rolling Stone"), but a person\'s full name after a trade stays a person ("manufacturer Ron Walker")', () => {
  const text = [
    'Singer tops earnings list',
    '',
    "The singer beat Elton John in US magazine Rolling Stone's annual list, and manufacturer Ron Walker was elected senator.",
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Rolling Stone').type, 'organization');
  assert.equal(find(analysis, 'Ron Walker').type, 'person');
});

test('a company\'s trade that is also a worker\'s ("miner Barrick Gold", "developer Valve", "Bookmaker Ladbrokes said", "consultancy Retail Decisions") names a firm, not a person\'s title, after "said" too; a full name after it stays a person', () => {
  const text = [
    'Gold deal stalls',
    '',
    'Shares fell after the ministry spoke. Analysts said miner Barrick Gold would gain, and miner Tom Hale agreed.',
    '',
    'Bookmaker Ladbrokes said it would take bets. The system adopted by developer Valve worked, said property developer Nick Leslau.',
    '',
    'Anti-fraud consultancy Retail Decisions says fraud has risen. "It mutates," he said. Retail Decisions\' survey found that shoppers adapted.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Barrick Gold').type, 'organization');
  assert.ok(!find(analysis, 'Barrick Gold').role);
  assert.equal(find(analysis, 'Tom Hale').type, 'person');
  assert.equal(find(analysis, 'Ladbrokes').type, 'organization');
  assert.equal(find(analysis, 'Valve').type, 'organization');
  assert.equal(find(analysis, 'Nick Leslau').type, 'person');
  assert.deepEqual(
    analysis.entities.filter((e) => e.name === 'Retail Decisions').map((e) => [e.type, e.mentions.length]),
    [['organization', 2]],
  );
});

test('an appositive that calls a name an organization may hold a place ("De Telegraaf, a daily Amsterdam newspaper,")', () => {
  const text = ['Phone pictures make the news', '', 'The next morning De Telegraaf, a daily Amsterdam newspaper, printed the picture.', ''].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'De Telegraaf').type, 'organization');
});

test('in a team sport\'s story, a lone name a side plays is the team ("against Rosenborg", "face Chelsea", "points behind Chelsea"), but not a player the story names in full, and not in a tennis story', () => {
  const football = [
    'Wenger keeps faith with Almunia',
    '',
    'Arsenal manager Arsene Wenger will start keeper Manuel Almunia against Rosenborg and is likely to face Chelsea on Sunday. Arsenal lie 10 points behind Chelsea.',
    '',
    'Striker Thierry Henry scored against Almunia in training, and Rosenborg will be hard to beat.',
    '',
  ].join('\n');
  const analysis = entitiesOf(football);
  assertRangesExact(football, analysis);
  assert.equal(find(analysis, 'Rosenborg').type, 'organization');
  assert.equal(find(analysis, 'Rosenborg').mentions.length, 2);
  assert.equal(find(analysis, 'Chelsea').type, 'organization');
  assert.equal(find(analysis, 'Manuel Almunia').type, 'person');
  const tennis = ['Henman through', '', 'Tim Henman will face Karlovic in the second round after a win at Wimbledon.', ''].join('\n');
  assert.ok(!entitiesOf(tennis).entities.some((e) => e.name === 'Karlovic' && e.type === 'organization'));
});

test('in a team sport\'s story, the club a player moves to or from is a team ("a move from Chelsea", "signed for Preston"), but not in a story of another kind', () => {
  const football = [
    'Keeper heads for Preston',
    '',
    'The 29-year-old goalkeeper signed for Preston on Monday, five months after a move from Chelsea. He said Preston suited him.',
    '',
  ].join('\n');
  const analysis = entitiesOf(football);
  assertRangesExact(football, analysis);
  assert.equal(find(analysis, 'Preston').type, 'organization');
  assert.equal(find(analysis, 'Preston').mentions.length, 3);
  assert.equal(find(analysis, 'Chelsea').type, 'organization');
  const office = ['A new chief', '', 'The firm confirmed a move from Chelsea to the board, and Chelsea said she was pleased.', ''].join('\n');
  assert.ok(!entitiesOf(office).entities.some((e) => e.name === 'Chelsea' && e.type === 'organization'));
});

test('in a team sport\'s story, a name listed with clubs is a club ("Arsenal, Real Madrid and Paris St Germain"), while a list of people with one club stays a list of people', () => {
  const football = [
    'Anelka wants Champions League return',
    '',
    'The striker has had spells at Arsenal, Real Madrid and Paris St Germain. He won the league with Real Madrid in 2000.',
    '',
    'The awards went to Arsenal, Thierry Henry and Robert Pires.',
    '',
  ].join('\n');
  const analysis = entitiesOf(football);
  assertRangesExact(football, analysis);
  assert.equal(find(analysis, 'Real Madrid').type, 'organization');
  assert.equal(find(analysis, 'Real Madrid').mentions.length, 2);
  for (const name of ['Thierry Henry', 'Robert Pires']) assert.equal(find(analysis, name).type, 'person');
});

test('the band or the firm named before its member\'s role and name is an organization ("Former Manfred Mann singer Paul Jones", "Prebon Yamane economist Lena Komileva"), but not a kind of music, a place or a politician', () => {
  const text = [
    'Stars pay tribute',
    '',
    'Former Manfred Mann singer Paul Jones said it was sad, and Coldplay lead singer Chris Martin agreed. R&B singer Usher and Devon singer Joss Stone sent flowers.',
    '',
    'Sales were weak, said Prebon Yamane economist Lena Komileva. Obama economist Austan Goolsbee and Hillary Clinton economist Ann Lee disagreed.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  for (const name of ['Manfred Mann', 'Coldplay', 'Prebon Yamane']) assert.equal(find(analysis, name).type, 'organization', name);
  for (const name of ['Paul Jones', 'Chris Martin', 'Lena Komileva', 'Hillary Clinton']) assert.equal(find(analysis, name).type, 'person', name);
  for (const name of ['R&B', 'Devon', 'Obama']) assert.ok(!analysis.entities.some((e) => e.name === name && e.type === 'organization'), name);
});

test('a name joined by "and" is two where the story names its first part alone ("Siemens and Ericsson", "Kenteris and Thanou"), but one where a link runs through it or the tables know it whole', () => {
  const text = [
    'Phone makers show faster networks',
    '',
    'At the show, Siemens showed off a faster system. The network uses equipment from Siemens and Ericsson, and the Swedish firm Ericsson was pleased.',
    '',
    'Sprinters Kostas Kenteris and Katerina Thanou missed a test. Kenteris and Thanou deny wrongdoing, and Thanou said so again.',
    '',
    'The Department for Work and Pensions and the Securities and Exchange Commission agreed, and the Department of Work said so.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Siemens').mentions.length, 2);
  assert.equal(find(analysis, 'Ericsson').mentions.length, 2);
  assert.equal(find(analysis, 'Kostas Kenteris').mentions.length, 2);
  assert.equal(find(analysis, 'Katerina Thanou').mentions.length, 3);
  for (const name of ['Department for Work and Pensions', 'Securities and Exchange Commission']) assert.equal(find(analysis, name).type, 'organization', name);
  assert.ok(!analysis.entities.some((e) => / and (?:Ericsson|Thanou)/.test(e.name)));
});

test('a comma typed without its space ends the name before it ("The European Union,dismissed IBM", "a survey by Gartner,downloaded")', () => {
  const text = [
    'IBM tops patent list',
    '',
    "The European Union,dismissed IBM's claims. A survey by research firm Gartner,downloaded from its site, agreed.",
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  for (const name of ['European Union', 'Gartner']) assert.equal(find(analysis, name).type, 'organization', name);
  assert.ok(!analysis.entities.some((e) => e.name.includes(',')));
});

test('a longer name that takes a plural verb is a band, a team or a firm in every mention ("Black Sabbath have topped"), unless it opens with a given name', () => {
  const text = [
    'Black Sabbath top rock album poll',
    '',
    'Black Sabbath have topped a list of the best British rock albums. Ozzy Osbourne said Black Sabbath deserved it.',
    '',
    'Tom Vell said the bands were great.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Black Sabbath').type, 'organization');
  assert.equal(find(analysis, 'Tom Vell').type, 'person');
  const pair = ['Voters back pair', '', 'Ana Ruiz and Tom Vell are the favourites. Ana Ruiz said so.', ''].join('\n');
  for (const name of ['Ana Ruiz', 'Tom Vell']) assert.equal(find(entitiesOf(pair), name).type, 'person', name);
});

test('in a match report run into one paragraph, the unused substitutes and a substitute with the minute he came on are players ("Subs not used: Hamann, Harrison.", "Mellor (Sinama Pongolle 75)")', () => {
  const text = [
    'Liverpool 3-1 Newcastle',
    '',
    'Liverpool beat Newcastle at Anfield. Dudek, Finnan, Carragher, Baros, Mellor (Sinama Pongolle 75). Subs not used: Hamann, Harrison. Given, Bramble, Dyer. Subs Not Used: Harper, Hughes.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  for (const name of ['Sinama Pongolle', 'Hamann']) assert.ok(!analysis.entities.some((e) => e.name === name && e.type === 'organization'), name);
  assert.equal(find(analysis, 'Hamann').type, 'person');
  assert.ok(!analysis.entities.some((e) => e.name === 'Harper' && e.type === 'organization'));
  assert.equal(find(analysis, 'Liverpool').type, 'organization');
});

test('a role after a name ends where a clause begins: "shrugged off Kolo Toure, the Pompey midfielder planted his shot wide" gives Toure no role, while "Ana Ruiz, the chairman elected in 2004, said" keeps hers', () => {
  const text = [
    'Arsenal held',
    '',
    'Having shrugged off Kolo Toure, the Pompey midfielder planted his shot wide. Ana Ruiz, the chairman elected in 2004, said the club was pleased.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Kolo Toure').role, null);
  assert.match(find(analysis, 'Ana Ruiz').role ?? '', /^the chairman elected in 2004/);
});

test('a station\'s number written as a word is part of its name ("BBC Radio Five Live", "BBC One"), but not a day after it ("BBC One Saturday night")', () => {
  const text = [
    'Rangers boss upbeat',
    '',
    'McLeish told BBC Radio Five Live he was pleased. The match is on BBC One Saturday night, and BBC Two shows the highlights.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  for (const name of ['BBC Radio Five Live', 'BBC One', 'BBC Two']) assert.equal(find(analysis, name).type, 'organization', name);
  assert.ok(!analysis.entities.some((e) => e.name.includes('Saturday') || e.name === 'BBC Radio'));
});

test('a band or a label before a name names the act, even a name shaped like a person\'s ("Scottish rock band Franz Ferdinand", "independent label Domino"), while "band leader Tom Hale" is a person', () => {
  const text = [
    "Franz Ferdinand's art school lesson",
    '',
    'Scottish rock band Franz Ferdinand met at art school. Franz Ferdinand were the only UK band to win. They signed with independent label Domino in June.',
    '',
    'The band leader Tom Hale agreed.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Franz Ferdinand').type, 'organization');
  assert.equal(find(analysis, 'Franz Ferdinand').mentions.length, 3);
  assert.equal(find(analysis, 'Domino').type, 'organization');
  assert.equal(find(analysis, 'Tom Hale').type, 'person');
});

test('a network before a lone name names a firm ("US TV network Fox ... Fox\'s audience"), but not a country after a relative clause\'s noun ("a network Russia has financed")', () => {
  const text = [
    "Fox 'too reliant on reality TV'",
    '',
    "The head of US TV network Fox has admitted it relied on reality shows. Fox's audience fell.",
    '',
    'Hosts signed up with a network Russia has financed. Russia denied it.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Fox').type, 'organization');
  assert.ok(!analysis.entities.some((e) => e.name === 'Russia'), analysis.entities.map((e) => e.name).join(', '));
});

test('a name written with its \'s in every mention, once where no possessive can stand ("McDonald\'s said", "McDonald\'s, the chain"), is a firm shown with it; a name also written without it stays a possessive ("Obama\'s plan ... Obama said")', () => {
  const text = [
    "McDonald's to sponsor music show",
    '',
    "McDonald's, the world's largest restaurant chain, will sponsor the show. McDonald's said it would pay. Macy's said sales rose.",
    '',
    "Obama's plan failed, Obama said.",
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const chain = find(analysis, "McDonald's");
  assert.equal(chain.type, 'organization');
  assert.equal(chain.mentions.length, 3);
  assert.equal(find(analysis, "Macy's").type, 'organization');
  assert.equal(find(analysis, 'Obama').type, 'person');
});

test('a treaty\'s subject names no body ("the European Convention on Human Rights", "the Universal Declaration of Human Rights"), but "the Convention of Scottish Local Authorities" and "the Council on Foreign Relations" are bodies', () => {
  const text = [
    'Detention ruled unlawful',
    '',
    'The rules broke the European Convention on Human Rights, the Law Lords said. The Universal Declaration of Human Rights was cited too.',
    '',
    'The Convention of Scottish Local Authorities and the Council on Foreign Relations agreed.',
    '',
  ].join('\n');
  assertEntityNames(text, ['Law Lords', 'Convention of Scottish Local Authorities', 'Council on Foreign Relations']);
});

test('a body named for its subject after "on" keeps it ("the Council on Coastal Resilience", "the Senate Committee on Rural Affairs ... the Committee"), but not a place, a day or a person after "on"', () => {
  const text = [
    'Panel backs sea wall plan',
    '',
    'The Council on Coastal Resilience backed the sea wall on Tuesday. Its chairman, Omar Haddad, testified before the Senate Committee on Rural Affairs.',
    '',
    'The Committee will vote in May. The Security Council on Norway said nothing, and the Tax Commission on Monday delayed its ruling.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Council on Coastal Resilience').type, 'organization');
  assert.equal(find(analysis, 'Senate Committee on Rural Affairs').mentions.length, 2);
  find(analysis, 'Security Council');
  find(analysis, 'Tax Commission');
  const nomination = entitiesOf('Nominee faces vote\n\nThe Judiciary Committee on Lena Fortescue was divided.\n');
  find(nomination, 'Judiciary Committee');
  assert.equal(find(nomination, 'Lena Fortescue').type, 'person');
  const names = [...analysis.entities, ...nomination.entities].map((e) => e.name);
  assert.ok(!names.some((name) => /\bon (?:Norway|Monday|Lena)\b/.test(name)), names.join(', '));
});

test('a name is not run into a credit ("Image: ..."), a day before it ("Yesterday Haddad ..."), a rank after it (", QC,") or its capitalised article ("The Harbor Trust" in a quotation); "an Australian woman" is a person though her surname is a city', () => {
  const text = [
    'Harbor families rally behind student',
    '',
    'Omar Haddad, 14, was questioned by police at his school. Student Omar Haddad Image: Lena Ostrow. Yesterday Haddad visited the Harbor Trust.',
    '',
    'The prosecutor, Mark Tedeschi, QC, said the case was closed. Ana Ruiz called it "a win for The Harbor Trust."',
    '',
    'Valeska Paris, an Australian woman and former volunteer, has sued the Harbor Trust. Paris was born in Geneva, and Paris says she was not paid.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Omar Haddad').mentions.length, 3);
  find(analysis, 'Lena Ostrow');
  find(analysis, 'Mark Tedeschi');
  const paris = find(analysis, 'Valeska Paris');
  assert.equal(paris.type, 'person');
  assert.equal(paris.mentions.length, 3);
  const names = analysis.entities.map((e) => e.name);
  assert.equal(analysis.entities.filter((e) => /Harbor Trust/.test(e.name)).length, 1, names.join(', '));
  assert.ok(!names.some((name) => /Image|Yesterday|^QC$/.test(name)), names.join(', '));
});

test("a nationality stays in a church's or an agency's name, and in a name its bracketed short form spells (\"the Korean Central News Agency (KCNA)\"); an administrator's title is no part of the name", () => {
  const text = [
    'Agency reports border alert',
    '',
    'The Korean Central News Agency (KCNA) said the army was on alert. KCNA gave no figures. The Greek Orthodox Church said it would pray for peace.',
    '',
    'NASA Administrator Dana Whitcombe said the launch would go ahead. Even Administrator Whitcombe was surprised.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.deepEqual(find(analysis, 'Korean Central News Agency').aliases, ['KCNA']);
  find(analysis, 'Greek Orthodox Church');
  assert.equal(find(analysis, 'Dana Whitcombe').mentions.length, 2);
  const names = analysis.entities.map((e) => e.name);
  assert.ok(!names.some((name) => /^(?:Central News Agency|Orthodox Church|Administrator Whitcombe|KCNA)$/.test(name)), names.join(', '));
});

test('a product is no organization and no person, by its name alone, after its maker or with a model ("the Xbox 360", "Sony\'s PSP", "Internet Explorer (IE) 6", "the iPod Mini"), while the maker stays', () => {
  const text = [
    'Console sales beat forecasts',
    '',
    "Harbor Games Inc said sales of Microsoft's Xbox 360 and Sony's PSP rose in December, while the iPod Mini slipped.",
    '',
    'Internet Explorer (IE) 6 lost ground to Firefox, and IE users were urged to update Windows XP. The Windows Upgrade Fund paid for it.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Harbor Games Inc');
  find(analysis, 'Microsoft');
  find(analysis, 'Windows Upgrade Fund');
  const names = analysis.entities.map((e) => e.name);
  assert.ok(!names.some((name) => /Xbox|PSP|iPod|Mini|Explorer|^IE$|Firefox|Windows XP/.test(name)), names.join(', '));
});

test('a tower, a station, a dam or a highway is no organization ("the Harbor Point Towers", "Civic Centre Station", "the Lakeview Dam"), while a trust that owns them is', () => {
  const text = [
    'Defector held in office tower',
    '',
    'Omar Haddad was taken to the Harbor Point Towers, not to Civic Centre Station as promised. The Lakeview Housing Trust owns the Harbor Point Towers.',
    '',
    "Harbor Electric Power, the operator of China's Lakeview Gorges Dam, said profits doubled. Its sister project, the Xiluodu Dam, is being built.",
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Omar Haddad');
  find(analysis, 'Lakeview Housing Trust');
  find(analysis, 'Harbor Electric Power');
  const names = analysis.entities.map((e) => e.name);
  assert.ok(!names.some((name) => /Towers|Station|Dam/.test(name)), names.join(', '));
});

test('a state university keeps its campus ("University of Texas at Austin") and a direction keeps the region after it though the story names that region as a place ("University of Southern Indiana ... Evansville, Indiana")', () => {
  const text = [
    'Gallery opens portrait show',
    '',
    'EVANSVILLE, Indiana - The show opened at the University of Southern Indiana on Thursday. The University of Southern Indiana lent 40 prints.',
    '',
    'Ana Ruiz, a historian at the University of Texas at Austin, and Omar Haddad of the University of Maryland at College Park spoke at the University of Iowa at noon.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'University of Southern Indiana').mentions.length, 2);
  find(analysis, 'University of Texas at Austin');
  find(analysis, 'University of Maryland at College Park');
  find(analysis, 'University of Iowa');
  const names = analysis.entities.map((e) => e.name);
  assert.ok(!names.some((name) => /Southern$|at noon|^Austin$|^College Park$/.test(name)), names.join(', '));
});

test('a family ("the Sams"), a party-state tag ("R-Texas"), the country ("the U.S."), a tournament group ("Group G") and an electoral district ("the Kowloon West constituency") are no organizations; "USA TODAY" is the newspaper', () => {
  const text = [
    'Couple on trial over daughter',
    '',
    'Thomas Sam and his wife Manju Sam deny the charge. The Sams told the court they had followed advice, USA TODAY reported.',
    '',
    'Sen. Dana Whitcombe (R-Texas) said the U.S. would help. In Group G, Belgium won. Ana Ruiz won the Kowloon West geographical constituency.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Thomas Sam');
  find(analysis, 'Dana Whitcombe');
  find(analysis, 'Ana Ruiz');
  assert.equal(find(analysis, 'USA TODAY').type, 'organization');
  const names = analysis.entities.map((e) => e.name);
  assert.ok(!names.some((name) => /^(?:Sams|R-Texas|U\.S\.|Group G|Kowloon West|USA)$/.test(name)), names.join(', '));
});

test('a firm introduced by its trade in the plural ("technology analysts Lanfield") or named for research ("Harbor Research") is an organization, while "analyst Ana Ruiz" and "analysts Omar Haddad and Lena Ostrow" are people', () => {
  const text = [
    'Phone sales climb',
    '',
    'Sales rose 30%, according to technology analysts Lanfield. Lanfield said prices fell. The market will double, according to Harbor Research.',
    '',
    'Analyst Ana Ruiz agreed, as did analysts Omar Haddad and Lena Ostrow.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const lanfield = find(analysis, 'Lanfield');
  assert.equal(lanfield.type, 'organization');
  assert.equal(lanfield.mentions.length, 2);
  assert.equal(find(analysis, 'Harbor Research').type, 'organization');
  for (const name of ['Ana Ruiz', 'Omar Haddad', 'Lena Ostrow']) assert.equal(find(analysis, name).type, 'person');
});

test('every item of a list of works is a work ("such classics as Harbor Lights, SOS and Dancing Queen"), and a full title before a period ends the sentence, not a name ("... Dancing Queen. Abba wrote", "Lena Dean. More")', () => {
  const text = [
    'Band reunites for musical',
    '',
    'The show will include such classics as Harbor Lights, SOS and Dancing Queen. Abba wrote them all, said the producer, Lena Dean. More shows will follow.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Abba').role, null);
  find(analysis, 'Lena Dean');
  const names = analysis.entities.map((e) => e.name);
  assert.ok(!names.some((name) => /Harbor Lights|SOS|Dancing Queen|More/.test(name)), names.join(', '));
});

test('a trade opening the sentence is no part of the company\'s name ("Distributor Harbor Pictures said", "Retailer Lanfield"), and "the Fraser of Allander Institute" is one organization', () => {
  const text = [
    'Studio backs thriller',
    '',
    'Distributor Harbor Pictures said filming would begin in May. Retailer Lanfield said sales rose.',
    '',
    'A report by the Fraser of Allander Institute says the policy was under-costed.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Harbor Pictures').type, 'organization');
  assert.equal(find(analysis, 'Lanfield').type, 'organization');
  assert.equal(find(analysis, 'Fraser of Allander Institute').type, 'organization');
  const names = analysis.entities.map((e) => e.name);
  assert.ok(!names.some((name) => /^(?:Distributor|Retailer|Fraser$|Allander Institute$)/.test(name)), names.join(', '));
});

test('a substitution in a match report ("Green for Dowd (71)") is no organization', () => {
  const text = [
    'Wasps sink Irish',
    '',
    'Tom Green scored twice and Sam Dowd kicked three penalties as Harbor Wasps beat Lakeview Irish 24-12.',
    '',
    'Replacements: Priscott for Roberts (71), Green for Dowd (71), Skivington for Shaw (71). Not used: Brooks.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Tom Green');
  const names = analysis.entities.map((e) => e.name);
  assert.ok(!names.some((name) => / for /.test(name)), names.join(', '));
});

test('each item of a list of companies is a company ("studios such as Harbor Pictures, Lanfield and Buena Vista", "firms like Dell, Samsung and Phillips"), and one that opens a longer name of the story is that company ("mining companies, including Patriot ... Patriot Coal")', () => {
  const text = [
    'Studios back new disc format',
    '',
    'The format has backing from Hollywood studios such as Harbor Pictures, Lanfield and Buena Vista, as well as technology firms like Dell, Samsung and Phillips amongst others.',
    '',
    'Patriot Coal filed for bankruptcy in May. One after another, mining companies, including Patriot, declared bankruptcy.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  for (const name of ['Harbor Pictures', 'Lanfield', 'Buena Vista', 'Dell', 'Samsung', 'Phillips'])
    assert.equal(find(analysis, name).type, 'organization', name);
  assert.equal(find(analysis, 'Patriot Coal').mentions.length, 2);
  const names = analysis.entities.map((e) => e.name);
  assert.ok(!names.some((name) => / and /.test(name) || name === 'Patriot'), names.join(', '));
});

test('a name whose possessive runs into a full name is an employer, not a person ("said Harbor Amro\'s Paul Mackel"), unless the story names someone with it ("Ana Ruiz ... Ruiz\'s Tom Reyes")', () => {
  const text = [
    'Dollar slides',
    '',
    '"It will fall further," said Harbor Amro\'s Paul Mackel.',
    '',
    "Ana Ruiz, the candidate, spoke on Monday. Ruiz's Tom Reyes, her campaign manager, agreed.",
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Harbor Amro').type, 'organization');
  assert.equal(find(analysis, 'Paul Mackel').type, 'person');
  assert.equal(find(analysis, 'Ana Ruiz').mentions.length, 2);
  assert.equal(find(analysis, 'Tom Reyes').type, 'person');
});

test('a programme named after "talent show" or "chat show" is a work in every mention ("TV talent show The Harbor Factor"), while "polls show Ana Ruiz ahead" names her', () => {
  const text = [
    'Talent show returns',
    '',
    'TV talent show The Harbor Factor is to return after being recommissioned by ITV. Judge Simon Vell said The Harbor Factor had been a blast.',
    '',
    'Polls show Ana Ruiz ahead in the race.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'ITV');
  find(analysis, 'Simon Vell');
  find(analysis, 'Ana Ruiz');
  const names = analysis.entities.map((e) => e.name);
  assert.ok(!names.some((name) => /Factor/.test(name)), names.join(', '));
});

test('a piece of a work\'s title in title case is no name ("while A Quiet Engagement won"), and a name before a possessive and a title stays a person ("Ana Ruiz\'s The Harbor Boys")', () => {
  const text = [
    'Mayor Sits Down With Grace Okafor To Talk About Taxes',
    '',
    'Tom Vell said the band played Walking In Rain, while A Quiet Engagement won best foreign film.',
    '',
    "The comedy trophy went to Nighty Harbor, while Ana Ruiz's The Harbor Boys won in the theatre category.",
    '',
    'The mayor met Grace Okafor on Monday.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Tom Vell');
  find(analysis, 'Ana Ruiz');
  assert.equal(find(analysis, 'Grace Okafor').mentions.length, 2);
  const names = analysis.entities.map((e) => e.name);
  assert.ok(!names.some((name) => /Walking|Rain|Quiet|Engagement/.test(name)), names.join(', '));
});

test('an organization written with and without its links is one ("Institute of Fiscal Studies ... Institute for Fiscal Studies")', () => {
  const text = [
    'Think tank warns on tax',
    '',
    'The Institute for Coastal Studies said taxes must rise. A spokesman for the Institute of Coastal Studies said the gap was widening.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const institute = analysis.entities.filter((e) => /Coastal Studies/.test(e.name));
  assert.equal(institute.length, 1, analysis.entities.map((e) => e.name).join(', '));
  assert.equal(institute[0].mentions.length, 2);
});

test('a team\'s description opening the sentence is no part of its name ("Rivals Harbor United lost")', () => {
  const text = ['Harbor United slip', '', 'Rivals Harbor United lost 2-0 at home on Saturday.', ''].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Harbor United').type, 'organization');
  assert.ok(!analysis.entities.some((e) => /Rivals/.test(e.name)), analysis.entities.map((e) => e.name).join(', '));
});

test("a nationality opens a council's or a board's name, and the story's later mention without it is the same body (\"the Irish Harbor Council ... the 40-member Harbor Council\")", () => {
  const text = [
    'Harbor body under fire',
    '',
    'He was caught after an Irish Harbor Council sting operation. Critics say the 40-member Harbor Council should be scrapped.',
    '',
    'The British Kelp Board said it was pleased. Mr Vell said the 12-employee Kelp Board was a waste of money.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Irish Harbor Council').mentions.length, 2);
  assert.equal(find(analysis, 'British Kelp Board').mentions.length, 2);
});

test('a work named after "star of" or in a list of numbers is no name ("star of Bride and Prejudice", "numbers including Small Talk"), but a channel before its show keeps its own ("star of the TLC reality show")', () => {
  const text = [
    'Musical finds its lead',
    '',
    'Ana Ruiz, star of Bride and Prejudice, is to lead the show. Tom Vell wrote its score, which includes numbers including Hey There, Small Talk and Steam Heat.',
    '',
    'She was joined by Buddy Okafor, star of the TLC reality show.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Ana Ruiz');
  find(analysis, 'Tom Vell');
  assert.equal(find(analysis, 'TLC').type, 'organization');
  const names = analysis.entities.map((e) => e.name);
  assert.ok(!names.some((name) => /Prejudice|Bride|Small Talk|Steam Heat/.test(name)), names.join(', '));
});

test('a directive is a law, no organization ("the Harbor Dues Directive")', () => {
  const text = ['Dues law sent back', '', 'The committee said the Commission should re-submit the Harbor Dues Directive after MEPs complained.', ''].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.ok(!analysis.entities.some((e) => /Directive/.test(e.name)), analysis.entities.map((e) => e.name).join(', '));
});

test('a man or a woman by where they come from is no name ("the Corkman", "the Cobhwoman", "the Welshman")', () => {
  const text = [
    'Runner admits doping',
    '',
    'Tom Vell was caught after a sting operation. The Corkman quickly held his hands up. Ana Ruiz was ill, but typically the Cobhwoman played it down. The Welshman scored twice.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Tom Vell');
  find(analysis, 'Ana Ruiz');
  assert.ok(!analysis.entities.some((e) => /man$/.test(e.name)), analysis.entities.map((e) => e.name).join(', '));
});

test('"Lib Dem" is the Liberal Democrats, as "Lib Dems" is', () => {
  const text = [
    'Brown rejects call',
    '',
    'Tom Vell, for the Liberal Democrats, accused the chancellor of ducking questions. Mr Vell said the Lib Dem plan was costed.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Liberal Democrats').mentions.length, 2);
  assert.ok(!analysis.entities.some((e) => e.name === 'Lib Dem' || e.name === 'Lib'), analysis.entities.map((e) => e.name).join(', '));
});

test("no name runs across a sentence's end into a quotation ('as whingeing Poms. \"Stop going on')", () => {
  const text = [
    'Coach hits back',
    '',
    'But Tom Vell told BBC Sport: "Robinson is living up to England\'s reputation as whingeing Poms. "Stop going on about it as who really cares? Get on with it."',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Tom Vell');
  assert.ok(!analysis.entities.some((e) => e.mentions.some((m) => /["“”]/.test(m.text))), analysis.entities.map((e) => e.name).join(', '));
});

test('a computer named by its system or its maker and a plural acronym are no names ("Windows PC", "Apple Mac", "PDAs")', () => {
  const text = ['Old computer lives on', '', 'Enthusiasts have written emulators for Windows PC, Apple Mac and even PDAs, said Tom Vell.', ''].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Tom Vell');
  assert.equal(analysis.entities.length, 1, analysis.entities.map((e) => e.name).join(', '));
});

test('a tournament the news names by a word no event ends in is no organization ("the Six Nations"), nor is a Grand Prix', () => {
  const text = [
    'Vell passed fit',
    '',
    "England centre Tom Vell has been passed fit for Sunday's Six Nations clash with Ireland. He will also run at the Harbor Grand Prix in May.",
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Tom Vell');
  assert.ok(!analysis.entities.some((e) => /Nations|Prix/.test(e.name)), analysis.entities.map((e) => e.name).join(', '));
});

test('the games of a sports title are no name ("Sydney Olympic 100m champion", "World and Commonwealth 100m champion", "a Commonwealth silver medal")', () => {
  const text = [
    'Vell to run in Birmingham',
    '',
    'World and Commonwealth 100m champion Kim Vell will compete in the 60m. Sydney Olympic 100m champion Maurice Okafor and Athens Olympic silver medallist Francis Ruiz will also take part.',
    '',
    'Okafor has only a Commonwealth silver medal to his name.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Kim Vell');
  find(analysis, 'Maurice Okafor');
  find(analysis, 'Francis Ruiz');
  assert.ok(!analysis.entities.some((e) => /Olympic|Commonwealth/.test(e.name)), analysis.entities.map((e) => e.name).join(', '));
});

test('a company whose name ends in "Games" is an organization, and "Games" alone in a headline is no one ("Games maker fights for survival")', () => {
  const text = [
    'Games maker fights for survival',
    '',
    "One of Britain's largest independent games developers, Vellmont Games, has been put up for sale. The London-based company has sacked about 100 employees. Vellmont has been making games for years.",
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Vellmont Games').type, 'organization');
  assert.ok(
    !analysis.entities.some((e) => e.name === 'Games' || e.aliases.includes('Games')),
    analysis.entities.map((e) => `${e.name} ${e.aliases}`).join(', '),
  );
});

test('a team before a player\'s position and name is an organization ("Sale Sharks prop Andrew Sheridan"), and a person before a spokesman stays a person', () => {
  const text = [
    'Coach may gamble on prop',
    '',
    'The coach could take a gamble and call inexperienced Kale Sharks prop Andrew Okafor into his front row. Tony Ruiz spokesman Tom Vell said no.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Kale Sharks').type, 'organization');
  assert.equal(find(analysis, 'Tony Ruiz').type, 'person');
  find(analysis, 'Andrew Okafor');
});

test('Scotland Yard is an organization, not a yard in Scotland', () => {
  const text = ['Fake charity site', '', 'The charity said it had contacted the Computer Crime Unit at Scotland Yard to help get the site shut down.', ''].join(
    '\n',
  );
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Scotland Yard').type, 'organization');
  assert.ok(!analysis.entities.some((e) => e.name === 'Yard'), analysis.entities.map((e) => e.name).join(', '));
});

test('a place\'s possessive before an organization says where it is and is no part of its name ("Kenya\'s Daily Nation", "the UK\'s Office of Fair Trading")', () => {
  const text = [
    'Play banned',
    '',
    "The ban was backed by church leaders, Kenya's Daily Nation newspaper reports. The market was investigated by the UK's Office of Fair Trading (OFT), which concluded in May.",
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  find(analysis, 'Daily Nation');
  assert.deepEqual(find(analysis, 'Office of Fair Trading').aliases, ['OFT']);
});

test('films named after the words that say so are no names ("Ana Ruiz for Harbor Lights", "her roles in Quiet Summer", "up against Finding Harbor and The Motorcycle Years"), but a title stops the search ("the Star of David, Speaker of the House Rep. Tom Vell")', () => {
  const text = [
    'Stars gather for film awards',
    '',
    'Other nominees in the best actress category include Charlize Okafor for Monster Harbor, Ana Ruiz for House of Flying Kites and UK star Kate Vell, who has two nods for her roles in Eternal Summer and Finding Harbor.',
    '',
    'It is up against Eternal Summer of the Spotless Mind, Finding Harbor, The Motorcycle Years and British film Vera Drake.',
    '',
    'The tweet showed a star likened to the Star of David, Speaker of the House Rep. Tom Vell said.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  for (const name of ['Ana Ruiz', 'Kate Vell', 'Tom Vell']) assert.equal(find(analysis, name).type, 'person');
  const names = analysis.entities.map((e) => e.name);
  assert.ok(!names.some((name) => /Monster|Kites|Summer|Finding|Motorcycle|Spotless/.test(name)), names.join(', '));
});

test('a particle written onto the surname keeps the name whole ("Marco diVello ... DiVello")', () => {
  const text = [
    'Stars gather',
    '',
    'Hollywood stars Marco diVello, Ana Ruiz and Tom Vell are in the audience. The film, starring DiVello, leads the field.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const star = find(analysis, 'Marco diVello');
  assert.equal(star.type, 'person');
  assert.equal(star.mentions.length, 2);
});

test('nominees listed "up against" in a sentence about awards stay people ("up against Blanchett, Heather Craney and Meryl Streep")', () => {
  const text = [
    'Stars gather for film awards',
    '',
    'His co-star Natalie Vell is up against Blanchett, Heather Okafor, Julie Ruiz and Meryl Haddon in the best supporting actress category.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  for (const name of ['Natalie Vell', 'Heather Okafor', 'Julie Ruiz', 'Meryl Haddon']) assert.equal(find(analysis, name).type, 'person');
});

test('a name after "the city of", "the town of" or "the province of" is a place, no organization or person ("the northern city of Tal Okar")', () => {
  const text = [
    'Bombs in the north',
    '',
    'A car bomb exploded Saturday in the northern city of Tal Okar, killing two. An aid worker was abducted near the town of Al Vennia in the west.',
    '',
    'Police say the blast in the city of Dera Vell Khan occurred during a procession.',
    '',
  ].join('\n');
  assertEntityNames(text, []);
});

test('a line that lists nothing but names, as a team sheet does, lists players: a lone word read as an organization there is a person', () => {
  const text = [
    'Hearts 2-1 Livingston',
    '',
    'Lee Vell scored early and Jamie Okafor added a second. Burton Ruiz went close late on.',
    '',
    'Gordon, Webster, Vell, Hartley, Okafor, Simmons (MacFarlane 64), Berra, Burchill (Wyness 82), Mikoliunas (Cesnauskis 77), Wallace.',
    '',
    'Moilanen, Kizys.',
    '',
    'Celtic, Rangers, Hibernian.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  for (const name of ['Burchill', 'Wyness', 'Kizys']) assert.equal(find(analysis, name).type, 'person', name);
  assert.ok(!analysis.entities.some((e) => /^(?:Celtic|Rangers|Hibernian)$/.test(e.name) && e.type === 'person'));
});

test('a work set off by commas after its noun, before its maker or actor, or after an artist\'s "track" is no one ("novel, Cloud Atlas,", "Phoenix Nights creator Peter Kay")', () => {
  const text = [
    'Harbor prize shortlist',
    '',
    "Dana Vell's prize-shortlisted novel, Cloud Harbour, makes the top 10. The musical was based on a short story, The Greatest Gift, by Philip Okafor.",
    '',
    'The duo kept Phoenix Evenings creator Peter Kay at number two, and the show stars former Quantum Drift actor Scott Bakula. The only new entry came from Robbie Vell track Misunderstood.',
    '',
    "In the film, Okafor plays a lawyer. Congress was urged to fast track Obama's trade pact.",
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const names = analysis.entities.map((e) => e.name);
  for (const work of ['Cloud Harbour', 'Greatest Gift', 'The Greatest Gift', 'Phoenix Evenings', 'Quantum Drift', 'Misunderstood'])
    assert.ok(!names.includes(work), `found ${names.join(', ')}`);
  for (const person of ['Dana Vell', 'Philip Okafor', 'Peter Kay', 'Scott Bakula', 'Robbie Vell', 'Obama']) assert.equal(find(analysis, person).type, 'person');
});

test('a short form in brackets after the lower-case words it abbreviates is a term, in every mention ("information and communication technology (ICT)")', () => {
  const text = [
    'UK firms go online',
    '',
    'The study ranked use of information and communication technology (ICT). The ICT sector grew fastest, said minister Tom Vell.',
    '',
    'Members of the Electoral Reform Society (ERS) back qualified majority voting (QMV).',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const names = analysis.entities.map((e) => e.name);
  for (const term of ['ICT', 'QMV']) assert.ok(!names.includes(term), `found ${names.join(', ')}`);
  assert.deepEqual(find(analysis, 'Electoral Reform Society').aliases, ['ERS']);
});

test('a town the story names outright ("in Blackpool") stays a place where thin evidence read another mention as an organization, but not in a match report', () => {
  const text = [
    'Party picks Manchester',
    '',
    'The party will hold its autumn conference in Manchester and not Blackpool, it has been confirmed. Blackpool will get the smaller spring conference instead.',
    '',
    'The news that the conference is not to gather in Blackpool will be seen as a blow. Tom Vell of the Blackpool Hotel Association said so.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.ok(!analysis.entities.some((e) => e.name === 'Blackpool'), analysis.entities.map((e) => e.name).join(', '));
  assert.equal(find(analysis, 'Blackpool Hotel Association').type, 'organization');
});

test('a list of works after "films include" or after the plural noun itself is no one ("box office hits Calendar Girls and ..."); "publishers" before people is no such list', () => {
  const text = [
    'Actor backs theatre',
    '',
    "The actor, whose films include Schindler's List, Michael Collins and Star Wars: The Phantom Menace, said the theatre mattered.",
    '',
    'Films on budgets similar to box office hits Vera Drake, Calendar Girls and Enduring Love will suffer. Clinton hits Donald Trump on taxes.',
    '',
    'Guests included publishers Jann Okafor of Rolling Stone Magazine and Carlo Vell of Espresso.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const names = analysis.entities.map((e) => e.name);
  for (const work of ['Schindler', 'Michael Collins', 'The Phantom Menace', 'Calendar Girls']) assert.ok(!names.includes(work), `found ${names.join(', ')}`);
  for (const person of ['Donald Trump', 'Jann Okafor', 'Carlo Vell']) assert.equal(find(analysis, person).type, 'person');
});

test('a company introduced as a "supplier" is a company in every mention, though its name reads like a surname ("equipment supplier Ericsson")', () => {
  const text =
    'Henriksson sees earnings improve\n\nTelecoms equipment supplier Henriksson has posted a rise in profits. Henriksson said demand was strong, chief executive Carl Vell added.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Henriksson').type, 'organization');
  assert.equal(find(analysis, 'Carl Vell').type, 'person');
});

test('an organization the tagger cut inside a run of capitalised words after "for" takes in the rest ("the Internet Corporation for Assigned Names and Numbers, Icann"), not a bracketed short form or a title', () => {
  const text = [
    'Net body backs new domains',
    '',
    'The domains are being considered by the Internet Corporation for Assigned Names and Numbers, Icann. Icann said its decision was final.',
    '',
    'Figures from the Office for National Statistics (ONS) showed a rise. The ONS said so.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.deepEqual(find(analysis, 'Internet Corporation for Assigned Names and Numbers').aliases, ['Icann']);
  assert.deepEqual(find(analysis, 'Office for National Statistics').aliases, ['ONS']);
  assert.ok(!analysis.entities.some((e) => e.name === 'Icann'));
});

test('a lone word that spells the initials of an organization the story names in full is that organization, however a mention reads ("Icann said")', () => {
  const text = [
    'New net domains backed',
    '',
    'The domains are being considered by the Internet Corporation for Assigned Names and Numbers, Icann, which meets in March.',
    '',
    'Icann said it had reached its decision early. Icann told the firms on Tuesday, said Tom Vell.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const icann = find(analysis, 'Internet Corporation for Assigned Names and Numbers');
  assert.deepEqual(icann.aliases, ['Icann']);
  assert.equal(icann.mentions.length, 4);
  assert.ok(!analysis.entities.some((e) => e.name === 'Icann'));
});

test('an office set off by a comma after a name is the name\'s, not another person ("Karen Vell, Chief Executive of Orbix UK")', () => {
  const text = [
    '"Broadband is moving on," said Karen Vell, Chief Executive of Orbix UK, "with many people online."',
    '',
    'Tom Brannock, Chief Economist at Harlow Bank, said the figures were weak. Bishop King said so too.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.ok(!analysis.entities.some((e) => e.name === 'Executive' || e.name === 'Economist'));
  assert.equal(find(analysis, 'Karen Vell').role, 'Chief Executive of Orbix UK');
  assert.equal(find(analysis, 'King').type, 'person');
});

test("a lone word that opens the one organization the story names with a company's form is that organization; a network's news division and a body's council stay apart", () => {
  const text = [
    'Shares in Corvane Energy rose on Monday after the firm found oil. Output would double, the chief of Corvane said.',
    '',
    'The Brellis Council met on Friday. Brellis said the rules would stay. Talk show host Ana Ruiz told Halvern News that Halvern had the story first.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.deepEqual(find(analysis, 'Corvane Energy').aliases, ['Corvane']);
  assert.ok(!analysis.entities.some((e) => e.name === 'Corvane'));
  assert.ok(!find(analysis, 'Brellis Council').aliases.includes('Brellis'));
});

test('a work named past a title ("the hit track Lady Marmalade"), after "debut hit", or after the performer an award names for it ("best actor for One Flew Over") is no one; the company that staged it stays', () => {
  const text = [
    'Ana Ruiz won best pop collaboration for the hit track Lady Marmalade, and reached number one with her debut hit Genie in a Bottle.',
    '',
    "The awards named Tom Vell best actor for Twelve Rooms Over the Harbour, and Paul Brannock was best performer for Measure for Measure. Jo Harlow was best supporting actress for the RSC's staging.",
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const names = analysis.entities.map((e) => e.name);
  for (const work of ['Marmalade', 'Lady Marmalade', 'Genie', 'Twelve Rooms', 'Measure for Measure']) assert.ok(!names.includes(work), work);
  assert.equal(find(analysis, 'RSC').type, 'organization');
  assert.equal(find(analysis, 'Paul Brannock').type, 'person');
});

test('a kind of music that opens a performer\'s description is no organization ("Pop star Ana Ruiz", "R&B singer Vell")', () => {
  const text = ['Pop star Ana Ruiz is to marry music executive Tom Brannock.', '', 'R&B singer Kit Vell is leading the race for the awards.'].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.deepEqual(
    analysis.entities.filter((e) => e.type === 'organization').map((e) => e.name),
    [],
  );
  assert.equal(find(analysis, 'Ana Ruiz').type, 'person');
});

test('a spaced slash between two one-word organizations keeps them apart ("the Corvex / ESPN versions")', () => {
  const text = 'Fans prefer the Corvex / ESPN versions of the games, which Corvex makes for ESPN.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.deepEqual(analysis.entities.map((e) => e.name).sort(), ['Corvex', 'ESPN']);
});

test('a name that ends as a place or an exhibition does is no organization ("the Harbour Dome", "the Rell Valley"), unless a link makes the place its tail', () => {
  const text = [
    'The initial attempt to sell the Harbour Dome failed after the Harbour Exhibition closed, the Audit Office said.',
    '',
    'The Agricultural Information Project for Farmers of the Rell Valley also provides links between local groups. The system also helps the people of the Rell Valley.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const names = analysis.entities.map((e) => e.name);
  for (const place of ['Harbour Dome', 'Harbour Exhibition', 'Rell Valley']) assert.ok(!names.includes(place), place);
  assert.equal(find(analysis, 'Agricultural Information Project for Farmers of the Rell Valley').type, 'organization');
});

test('a name after "shares in" is a company in every mention, though it is also a first name ("Shares in Elan"); not a nationality', () => {
  const text = [
    'Shares in Elan and Corvex Idec plunged on Monday. Elan lost 70% in New York.',
    '',
    "Elan finished down $18.90. Shares in Irish oil company Petrel Resources fell too, and Corvex's shares in London were down a penny.",
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const elan = find(analysis, 'Elan');
  assert.equal(elan.type, 'organization');
  assert.equal(elan.mentions.length, 3);
  assert.ok(!analysis.entities.some((e) => e.name === 'Irish' || e.name === 'London'));
});

test('a title before "by" and its author\'s full name, in a sentence about works, is a work in every mention, with or without its "The"; a team before its scorer is not', () => {
  const text = [
    "The Harbour Girls by Alan Vellacott has been named best new play in the Critics' Circle awards.",
    '',
    'Partly based on his years as a teacher, The Harbour Girls has been at the Kelso Theatre since May.',
    '',
    'The second goal for Arsenal by Thierry Henry came late.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const names = analysis.entities.map((e) => e.name);
  assert.ok(!names.some((n) => /Harbour Girls/.test(n)), names.join(', '));
  assert.equal(find(analysis, 'Alan Vellacott').type, 'person');
  assert.equal(find(analysis, 'Arsenal').type, 'organization');
});

test('a lone capitalised word that only opens sentences, and that the story also writes in lower case, is no name; a word of a name the story gives in full stays', () => {
  const text = [
    'Orbix said: "Offering consumers a free cord is the responsible thing to do." Consumers can order a new cable from the website.',
    '',
    'Will Brannock, the singer, will tour in May. "It was a long year." Will said he was pleased.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.ok(!analysis.entities.some((e) => e.name === 'Consumers'));
  assert.deepEqual(find(analysis, 'Will Brannock').aliases, ['Will']);
});

test('a name after a body\'s noun ("research institute Vello", "think-tank Harbourline", "the charity ArtWays") is an organization in every mention', () => {
  const text = [
    'Munich-based research institute Vello said that its confidence index fell. Vello president Hans-Werner Dahl said the fall was slight.',
    '',
    'Most homes will be online by 2008, according to a report by UK think-tank Harbourline. Harbourline said the change was quick.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const vello = find(analysis, 'Vello');
  assert.equal(vello.type, 'organization');
  assert.equal(vello.mentions.length, 2);
  assert.equal(find(analysis, 'Harbourline').type, 'organization');
  assert.equal(analysis.entities.filter((e) => e.name === 'Vello').length, 1);
});

test('a kind of film before a work, "critical hit", and a title before its author in a sentence about prize winners each name a work, no one', () => {
  const text = [
    'Jeff Blake said: "We pulled off one of the surprises with Harbour." Horror movie The Harbour cost Orbix $10 million to make.',
    '',
    'Hits came from art-house offerings and critical hit Sideways. Previous winners include White Teeth by Ana Vell, in 2000, which went on to become a bestseller.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const names = analysis.entities.map((e) => e.name);
  for (const work of ['Horror', 'Sideways', 'White Teeth']) assert.ok(!names.includes(work), work);
  assert.equal(find(analysis, 'Ana Vell').type, 'person');
});

test("two words read as an organization, listed with a person's full name after a plural noun of people, are a person, and so are their lone surnames; a band stays", () => {
  const text = [
    'On the eve of the Games, Greek sprinters Yannis Kenteris and Katerina Thanou missed a drugs test. Kenteris, the 200m champion in 2000, and Thanou have been charged.',
    '',
    'Music veterans The Who and David Bowie both earned places on the list.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const sprinter = find(analysis, 'Yannis Kenteris');
  assert.equal(sprinter.type, 'person');
  assert.deepEqual(sprinter.aliases, ['Kenteris']);
  assert.ok(!analysis.entities.some((e) => e.name === 'The Who' && e.type === 'person'));
});

test('a surname with its particle is the surname of the full name it ends, whatever the first name ("Ruud van Nistelrooy ... Van Nistelrooy")', () => {
  const text = [
    'Van Brellekom set to return',
    '',
    'Harbour United striker Ruud van Brellekom may make his comeback on Saturday. The manager was unhappy with Van Brellekom for playing on.',
  ].join('\n');
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const striker = find(analysis, 'Ruud van Brellekom');
  assert.equal(striker.mentions.length, 3);
  assert.ok(!analysis.entities.some((e) => e.name === 'Van Brellekom'));
});

test('an Arabic surname with its particle is the surname of the full name it ends ("Hicham El Guerrouj ... El Guerrouj\'s record"), and a nationality before a long name is no part of it', () => {
  const text = "Only Moroccan Brahim El Haddaoui has run faster. Kiprop was on course to break El Haddaoui's record until the last lap.";
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Brahim El Haddaoui').mentions.length, 2);
  assert.ok(!analysis.entities.some((e) => e.name === 'El Haddaoui'));
});

test('a party\'s lone first word is no short form of the party ("the Conservative Party ... the Conservative\'s record"), which would make the story seem to use two short forms', () => {
  const text =
    'Tony Brannock attacked the Conservative Party on Monday. Laying into the Conservative\'s record in government he said: "With Labour, Britain will never go back." The Tories said he was wrong.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.deepEqual(find(analysis, 'Conservative Party').aliases, ['Tories']);
});

test('a lone word read as a person, listed in prose only with lone organizations, is one of them in every mention; not in a team sheet, nor a word of someone named in full', () => {
  const clubs = [
    'Stuart has top-flight experience with Everton, Chelsea and Charlton. Arsenal and Chelsea have yet to come.',
    '',
    'Subs: Purdie (Mills 83), Brown, Stansfield.',
  ].join('\n');
  const analysis = entitiesOf(clubs);
  assertRangesExact(clubs, analysis);
  const chelsea = find(analysis, 'Chelsea');
  assert.equal(chelsea.type, 'organization');
  assert.equal(chelsea.mentions.length, 2);
  assert.ok(!analysis.entities.some((e) => e.name === 'Brown' && e.type === 'organization'));
  const named = 'Chelsea Vell said Arsenal and Chelsea were her clubs.';
  assert.equal(find(entitiesOf(named), 'Chelsea Vell').type, 'person');
  assert.ok(!entitiesOf(named).entities.some((e) => e.name === 'Chelsea' && e.type === 'organization'));
});

test('a listed organization whose name ends in a possessive is matched as compromise reads it ("Standard & Poor\'s (S&P)"), and keeps the possessive in its name', () => {
  const text =
    "Freedonia's currency rose after Standard & Poor's (S&P) lifted its rating. Analysts said the S&P decision was overdue. Moody's, which rates the country lower, said nothing. Alma Moody, a trader, said Moody's would follow.";
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const agency = find(analysis, "Standard & Poor's");
  assert.equal(agency.mentions.length, 3);
  assert.ok(!analysis.entities.some((e) => e.name === 'Standard & Poor'));
  const moodys = find(analysis, "Moody's");
  assert.equal(moodys.type, 'organization');
  assert.equal(moodys.mentions.length, 2);
  assert.deepEqual(moodys.aliases, []);
  assert.equal(find(analysis, 'Alma Moody').type, 'person');
});

test('a nationality that is also a first name, before a first name and a surname, is no part of the name ("in-form Scot Kathy Butler"); a first name alone after it is ("Finn Russell")', () => {
  const text = 'Yelling also runs in Edinburgh, as does in-form Scot Karen Quennell. Finn Russell kicked the winning goal.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Karen Quennell').mentions.length, 1);
  assert.ok(!analysis.entities.some((e) => e.name.startsWith('Scot')));
  assert.equal(find(analysis, 'Finn Russell').type, 'person');
});

test('a people or a faith in the plural is no person either ("mainly Jews")', () => {
  const text = 'Between 1.1 and 1.5 million people, mainly Jews, died at the camp. Kurds and Sikhs joined the march, Tom Arbel said.';
  assertEntityNames(text, ['Tom Arbel']);
});

test('a mention the tagger read whose words are a listed organization\'s form is that organization ("But Tory co-chairman ... the Tories"), and a title after a listed organization is no part of its name ("former Tory Treasurer Lord Penrose")', () => {
  const text =
    'The Tories accused the prime minister of dodging scrutiny. But Tory co-chairman Alan Fenwick said the plans were vague. The party had repaid a loan to former Tory Treasurer Lord Penrose, and Labour MP Ruth Carden called it "a scandal".';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const party = find(analysis, 'Conservative Party');
  assert.deepEqual(
    party.mentions.map((m) => m.text),
    ['Tories', 'Tory', 'Tory'],
  );
  assert.ok(!analysis.entities.some((e) => e.name === 'Tory' || e.name === 'Tory Treasurer' || e.name === 'Labour MP'));
  assert.equal(find(analysis, 'Labour Party').mentions.length, 1);
});

test('an auction house named with its possessive is a company, not a person ("at Sotheby\'s", "Sotheby\'s head of contemporary art")', () => {
  const text = "The sale, at Sotheby's, will feature 30 paintings. Ines Varga, Sotheby's head of modern art, said the estate was rare.";
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const house = find(analysis, "Sotheby's");
  assert.equal(house.type, 'organization');
  assert.equal(house.mentions.length, 2);
  assert.ok(!analysis.entities.some((e) => e.type === 'person' && e.name.startsWith('Sotheby')));
});

test('a publication is the same by its name without "Magazine" ("PC Pro Magazine ... editor of PC Pro")', () => {
  const text = 'A survey by Net Shopper Magazine found readers unhappy. "Switching is hard," said Lena Hollis, editor of Net Shopper.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Net Shopper Magazine').mentions.length, 2);
  assert.ok(!analysis.entities.some((e) => e.name === 'Net Shopper'));
});

test('a name that ends in an institution\'s word with a prefix of its own is an organization ("Sun Microsystems")', () => {
  const text = `Vance Microsystems has launched a rental service for computing power.

Vance Grid costs users $1 an hour on machines run by Vance. Vance likened it to electricity. "Why build your own?" asked Tom Ferris, its chief operating officer. The Vance Grid runs on spare servers, Vance said.`;
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Vance Microsystems').type, 'organization');
});

test('an athletics meeting, a race or a tournament is no one ("the Brockton Invitational", "the Great Lothian International Cross Country", "the Harmon Classic")', () => {
  const text =
    'Dana Okafor ran the fastest time of the year at the Brockton Invitational meeting. She will run in the Great Lothian International Cross Country next month and defend her title at the Harmon Classic.';
  assertEntityNames(text, ['Dana Okafor']);
});

test('a plan, an agreement, a protocol or a declaration is no one ("the Marshall Plan", "the Clean Power Plan")', () => {
  const text =
    'Dana Okafor likened the aid package to the Marshall Plan. The rules, known as the Clean Water Plan, follow the Kyoto Protocol and the Millennium Declaration.';
  assertEntityNames(text, ['Dana Okafor']);
});

test('a name after "version of", "staging of" or "recording of" is a work ("Her version of Giselle"), unless it is someone named in full ("the version of Ana Ruiz that worries me")', () => {
  const text =
    'Her version of Giselle, all lightness and grace, is still admired. The band\'s recording of Morning Tide sold well. "I was disappointed when he was the version of Tomas Brenner that worries me," said Ines Varga.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.deepEqual(analysis.entities.map((e) => e.name).sort(), ['Ines Varga', 'Tomas Brenner']);
});

test('a name ending in an ensemble\'s word is an organization, whoever it is named after ("the Vic Wells Ballet", "the Tom Harlow Choir")', () => {
  const text =
    'She helped launch the Ballet Club, the Vic Wells Ballet and, with Anton Dolin, a company of their own. Later she sang with the Tom Harlow Choir.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Vic Wells Ballet').type, 'organization');
  assert.equal(find(analysis, 'Tom Harlow Choir').type, 'organization');
  assert.equal(find(analysis, 'Anton Dolin').type, 'person');
});

test('a name before the lower-case noun of a thing is that thing ("the Cell processor", "Sun\'s quarterly Network Computing event", "the Pop movement"); a host in capitals stays ("a recent POLITICO event")', () => {
  const text =
    'Vance Microsystems and Toshiba have worked on the Helix processor for three years. Tom Ferris showed it at Vance\'s quarterly Open Compute event, and Ines Varga, a curator, praised champions of the Pop movement. "It is fast," he said at a recent AXIOS event on the economy.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const names = analysis.entities.map((e) => e.name);
  for (const thing of ['Helix', 'Open Compute', 'Pop']) assert.ok(!names.includes(thing), thing);
  assert.equal(find(analysis, 'AXIOS').mentions.length, 1);
  assert.ok(names.includes('Tom Ferris'));
});

test('a title right after the possessive of someone named in full, in a paragraph about works, is their work ("Roy Lichtenstein\'s Blue Nude", "Philip Roth\'s The Plot Against America"); not a body they run, nor the subject of a work', () => {
  const text =
    "Among the pictures for sale are works by Tomas Brenner and Alma Reyes. One highlight is Tomas Brenner's Quiet Harbour, and the judges passed over Alma Reyes's The Long Winter Road. Ines Varga's Harlow Holdings Group bought Martin Kell's Howard Hughes biopic.";
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const names = analysis.entities.map((e) => e.name);
  for (const work of ['Quiet Harbour', 'Long Winter Road', 'The Long Winter Road']) assert.ok(!names.includes(work), work);
  assert.equal(find(analysis, 'Harlow Holdings Group').type, 'organization');
  assert.equal(find(analysis, 'Howard Hughes').type, 'person');
});

test('"group" after the word for its cause names an organization in every mention ("Anti-spam group Spamhaus ... Spamhaus said"), not part of a longer name ("advocacy group America\'s Voice")', () => {
  const text =
    "Anti-spam group Mailwatch is warning about a new virus. Mailwatch said the trick was new. The survey, for the advocacy group America's Voice, found support had grown.";
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const group = find(analysis, 'Mailwatch');
  assert.equal(group.type, 'organization');
  assert.equal(group.mentions.length, 2);
  assert.ok(!analysis.entities.some((e) => e.name === 'America'));
});

test('a conjunction after a full stop that ends on an abbreviation still opens the sentence, no part of a name ("tell the FT. But Rover told BBC News")', () => {
  const text = 'The plans were first reported by the FT. But Kestrel told the Daily Courier that reports of job cuts were "speculation".';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.ok(!analysis.entities.some((e) => e.name.startsWith('But')));
  assert.ok(analysis.entities.some((e) => e.name === 'Kestrel'));
});

test('a title set off by a dash and described as someone\'s work is the work ("Vera Drake - Leigh\'s 1950s drama about a backstreet abortionist - was named best film")', () => {
  const text = "Tomas Brenner won again. Alma Reyes - Brenner's 1960s drama about a village midwife - was named best film.";
  assertEntityNames(text, ['Tomas Brenner']);
});

test('a river, a lake or a castle is no one ("the River Tyne", "Windsor Castle"), but "Tom Castle" is a man', () => {
  const text =
    'Protesters gathered on the other side of the River Tyne, Ines Varga said. Attractions that gave no figures included Harlow Castle and Lake Brennan.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.deepEqual(
    analysis.entities.map((e) => e.name),
    ['Ines Varga'],
  );
  // A first name before "Castle" makes a man of it.
  assert.equal(find(entitiesOf('Seawall frontman Tom Castle thanked fans.'), 'Tom Castle').type, 'person');
});

test('a car\'s brand before its model\'s name is a product, not its maker ("the Chevrolet Avalanche", "17,815 Buick Raniers"); the maker\'s company name stays ("Toyota Motor")', () => {
  const text =
    'Vehicles with potential faults are the Chevrolet Thunderhead and the GMC Savanna, the regulator said. Toyota Motor is also calling back 17,815 Buick Ridgelines.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const names = analysis.entities.map((e) => e.name);
  for (const model of ['Chevrolet Thunderhead', 'GMC Savanna', 'Buick Ridgelines']) assert.ok(!names.includes(model), model);
  assert.equal(find(analysis, 'Toyota Motor').type, 'organization');
});

test('a role\'s word capitalised after the body it serves is a title, not a person ("Jeff Rathke, the State Department Spokesperson, said")', () => {
  const text = 'Ines Varga, the State Department Spokesperson, said the plans were sound.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.ok(!analysis.entities.some((e) => e.name === 'Spokesperson'));
  assert.equal(find(analysis, 'Ines Varga').type, 'person');
});

test('in a sentence about firms, a name after the possessive of someone named in full is their firm, not a work ("production companies ... including Steve Coogan\'s Baby Cow")', () => {
  const text =
    "The list ranks the makers of shows and films. Production companies also featured, including Tomas Brenner's Blue Fox, which created several hit comedies.";
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Blue Fox').type, 'organization');
});

test('two-word names listed with a person\'s full name after a plural noun of people are people, in a list of three as in a pair ("Compatriots Mulugeta Wondimu, Abiyote Abate and Markos Geneti")', () => {
  const text =
    'Bekele set the mark last year. Compatriots Gebre Wondimu, Abiyote Abate and Markos Geneti, the world indoor bronze medallist, are also in the field.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  for (const name of ['Gebre Wondimu', 'Abiyote Abate', 'Markos Geneti']) assert.equal(find(analysis, name).type, 'person', name);
});

test('what a title ending in "of" governs is a thing or a body, never the person who holds it ("Lord of the Rings", "president of Rosalind organisers"); a possessive after it is named, with no role', () => {
  const text =
    "The effects team last worked on Lord of the Rings, Mara Quist said. Helene Marchand, president of Rosalind organisers, said the rules had changed. Tom Vell, now chairman of Hillary Clinton's campaign, agreed.";
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const names = analysis.entities.map((e) => e.name);
  assert.ok(!names.includes('Rings'), names.join(', '));
  assert.ok(!names.includes('Rosalind'), names.join(', '));
  assert.equal(find(analysis, 'Helene Marchand').type, 'person');
  const clinton = find(analysis, 'Hillary Clinton');
  assert.equal(clinton.type, 'person');
  assert.equal(clinton.role ?? null, null);
  // A deputy's "of" may govern a person.
  assert.equal(find(entitiesOf('Officers say Abu Sami was the deputy of Abu Karim, commander of the group.'), 'Abu Karim').type, 'person');
});

test('a one-word film award is no person where the words around it say award ("Cesar prize nods", "an honorary Cesar")', () => {
  const text =
    'Varga film tops Cesar prize nods\n\nThe drama has received nine nominations for the Cesar film awards. Its star, Lena Varga, will also be given an honorary Cesar.';
  assertEntityNames(text, ['Lena Varga']);
});

test('a firm named for a family is an organization ("Warner Bros", "Dalby Brothers")', () => {
  const text =
    'The film was ruled foreign because it was partly backed by Warner Bros. But the organisers changed their rules. Dalby Brothers lost money on it, Tom Vell said.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Warner Bros').type, 'organization');
  assert.equal(find(analysis, 'Dalby Brothers').type, 'organization');
});

test('a generation after a title word keeps the name whole ("Martin Luther King Jnr"); a closed-class word after an initial opens a sentence ("Malcolm X. Besides")', () => {
  const text = 'He spoke at the funerals of both Martin Luther King Jnr and Malcolm X. Besides Ruby Dee, Davis leaves three children.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const king = find(analysis, 'Martin Luther King Jnr');
  assert.equal(king.role ?? null, null);
  assert.equal(find(analysis, 'Malcolm X').type, 'person');
  assert.equal(find(analysis, 'Ruby Dee').type, 'person');
});

test('a name before a lower-case venue noun is the venue ("the Shore Club hotel"); squares, lands and ends are places ("Leicester Square", "the Holy Land", "the West End")', () => {
  const text =
    'His body was found at the Shore Club hotel in Miami Beach. The star was in Leicester Square for the premiere, and the West End landmark was lit. There is violence in the Holy Land, Tom Vell said.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.deepEqual(
    analysis.entities.map((e) => e.name),
    ['Tom Vell'],
  );
  // A possessive before the venue owns it.
  assert.equal(find(entitiesOf("Officials say the talks took place at Rice's hotel in Moscow, where she arrived on Saturday."), 'Rice').type, 'person');
});

test('a party by its members in the plural is the party ("the Conservative party ... the Conservatives")', () => {
  const text = 'Labour and the Conservatives rely on fear, Ada Whitcomb said. The Conservative party fades away as a national force.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const party = analysis.entities.filter((e) => /^Conservative/.test(e.name));
  assert.equal(party.length, 1, party.map((e) => e.name).join(', '));
  assert.equal(party[0].mentions.length, 2);
});

test('two capitalised runs joined by a lower-case "of the" are one title when the first reads as no name and no body ("Silent Harbour of the Restless Tide"), not "Mujtaba Rahman of the Eurasia Group"; "the State of the Union" is a speech', () => {
  const text =
    'The jury chose Lost in Translation, Silent Harbour of the Restless Tide and two other films. "It was a risk," said Mujtaba Rahman of the Eurasia Group. The president gave his final State of the Union address.';
  assertEntityNames(text, ['Mujtaba Rahman', 'Eurasia Group']);
});

test('a work by what only a work has ("the UK premiere of Harbour Lights"), and a title opened by an article before a bare "of" ("A Series of Unfortunate Events"), are no names; "The Times of India" is a newspaper', () => {
  const text =
    'Crowds gathered for the UK premiere of Harbour Lights. A Series of Unfortunate Events took $30m in its first weekend, Tom Vell wrote in The Times of India.';
  assertEntityNames(text, ['Tom Vell', 'The Times of India']);
});

test('a holiday after a title is no one ("Father Christmas"), and the holiday elsewhere is no mention of anyone', () => {
  const text = 'The film follows a boy who meets Father Christmas. "Christmas is a special time of the year," Tom Vell said.';
  assertEntityNames(text, ['Tom Vell']);
});

test('a name after "starring" is a performer, even one opening with a city ("starring Sydney Poitier")', () => {
  const text = 'Her debut was in the film Dark Harbour, starring Sydney Poitier and Ruby Dee. Varga and Dee were married for 56 years.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Sydney Poitier').type, 'person');
});

test('two one-word names joined by "and" after a list\'s cue are two organizations ("scandals such as Enron and Worldcom")', () => {
  const text = 'The rules followed corporate scandals such as Enron and Worldcom, Tom Vell said.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Enron').type, 'organization');
  assert.equal(find(analysis, 'Worldcom').type, 'organization');
});

test('a name ending in a nationality or "Indoor" before a lower-case noun modifies that noun ("the Dalby Union European trials", "the European Indoor standard")', () => {
  const text = "It is a tough build-up for next weekend's Dalby Union European trials in Sheffield. Tom Vell was outside the European Indoor standard.";
  assertEntityNames(text, ['Tom Vell']);
});

test('a name before its cast ("The Harbour Express, starring Tom Hanks"), after a kind of film ("the theatre farce Being Julia") or after such a kind opening the sentence ("Comedy Fat Albert") is a work', () => {
  const text =
    'Rounding out the top five was The Harbour Express, starring Tom Hanks. Ada Whitcomb was nominated for the theatre farce Being Julia. Comedy Fat Albert entered the chart in second place.';
  assertEntityNames(text, ['Tom Hanks', 'Ada Whitcomb']);
});

test('a title before a name that ends as a building does names the building ("Imam Khomeini International Airport")', () => {
  const text = 'The consortium was chosen to run the new Imam Khomeini International Airport, Tom Vell said.';
  assertEntityNames(text, ['Tom Vell']);
});

test('a place named before the kind of place it is names no one ("whose Finchley constituency", "a densely packed Chelsea neighborhood")', () => {
  const text =
    'Candidate Andrew Mennear, whose Finchley constituency has a large Jewish community, spoke. Twenty people were hurt in a densely packed Chelsea neighborhood.';
  assertEntityNames(text, ['Andrew Mennear']);
});

test("a common word opening a quotation, written in lower case elsewhere, is no name ('\"Fraud doesn't just disappear,\" he said')", () => {
  const text = 'Card fraud has moved online, Ada Whitcomb said. "Fraud doesn\'t just disappear, it mutates," she said.';
  assertEntityNames(text, ['Ada Whitcomb']);
});

test('standards, technologies and common nouns in capitals are no organizations ("works over GPRS and GSM", "Sim cards", "a PR chief", "a DIY ethic")', () => {
  const text =
    'The service works over GPRS and GSM, news comes by RSS, and data on Sim cards can be backed up, Ada Whitcomb said. The new PR chief praised their DIY ethic.';
  assertEntityNames(text, ['Ada Whitcomb']);
});

test('a country before a medium says where and names no body ("popular US TV show", "the UK CD chart"), while "Sky TV" is a broadcaster', () => {
  const text = 'The star of US TV drama Harbour Lights topped the UK CD chart, Ada Whitcomb said. Sky TV agreed.';
  assertEntityNames(text, ['Ada Whitcomb', 'Sky TV']);
});

test('a lone word read as an organization in most mentions and as a person in the rest is the organization ("Turkcell\'s stake ... If Turkcell does back out")', () => {
  const text =
    'Parliament voted to cut Turkcell\'s stake in the network. Turkcell\'s shares fell. "It is next to zero," said Ada Whitcomb, an analyst. If Turkcell does back out, a rival may step in.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const turkcell = analysis.entities.filter((e) => e.name === 'Turkcell');
  assert.deepEqual(
    turkcell.map((e) => e.type),
    ['organization'],
  );
  assert.equal(turkcell[0].mentions.length, 3);
});

test('an election, a referendum, a challenge race or a fighter aircraft is no one ("the General Election", "the Dalby Cross Challenge", "the Joint Strike Fighter"); a board of elections is a body', () => {
  const text =
    'The Budget comes before the General Election, Tom Vell said. Ada Whitcomb won the Dalby Cross Challenge in Bute Park. Projects include the Joint Strike Fighter. The Illinois Board of Elections met on Monday.';
  assertEntityNames(text, ['Tom Vell', 'Ada Whitcomb', 'Illinois Board of Elections']);
});

test('the party a story names by its members is the table\'s party, wherever its other name stands ("the Conservatives ... the Tories"); a nationality noun alone describes someone ("the 22-year-old Scot")', () => {
  const text =
    'Labour and the Conservatives are still telephoning voters. The Tories say they follow the rules, and the Conservatives agree. The 22-year-old Scot finished fourth, Tom Vell said.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const conservatives = analysis.entities.filter((e) => /^(?:Conservative|Tor)/.test(e.name));
  assert.equal(conservatives.length, 1, conservatives.map((e) => e.name).join(', '));
  assert.equal(conservatives[0].mentions.length, 3);
  assert.ok(!analysis.entities.some((e) => e.name === 'Scot'));
});

test('a name before a lower-case document, application or add-in is the product ("a Microsoft Word document"); its maker alone stays ("Microsoft said"), and so does a firm before "software" ("spokesman for St Bernard software")', () => {
  const text =
    'Writing a Microsoft Word document can be risky. It may not show in your Microsoft Office application, and the Remove Hidden Data add-in fixes it. Microsoft said so.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.deepEqual(
    analysis.entities.map((e) => e.name),
    ['Microsoft'],
  );
  const firm = entitiesOf('"The motive now is money," said Gary Stowell, spokesman for St Bernard software.');
  assert.equal(find(firm, 'St Bernard').type, 'organization');
});

test('bookmakers, a brokerage and an athletics body the table knows are organizations ("William Hill and Ladbrokes", "USA Track and Field")', () => {
  const text =
    'William Hill and Ladbrokes cut the odds. The deal includes Smith Barney retail brokerages. It is a matter for its governing body (USA Track and Field), Tom Vell said.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  for (const name of ['William Hill', 'Ladbrokes', 'Smith Barney', 'USA Track and Field']) assert.equal(find(analysis, name).type, 'organization', name);
});

test('a person of a place described after "of the" keeps the name ("Shiu Ka-chun of the Social Welfare constituency"), and a body opened by a title word stays whole ("Doctor Who Society of Canada")', () => {
  const text =
    'The camp gained a seat. Shiu Ka-chun of the Social Welfare constituency defeated two rivals. Fan groups included the Doctor Who Society of Canada and the Klingon Assault Group.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Shiu Ka-chun').type, 'person');
  assert.equal(find(analysis, 'Doctor Who Society of Canada').type, 'organization');
});

test('diseases, a negated name and a technology\'s expansion are no organizations ("Tuberculosis", "Motor Neurone Disease", "Non-European Union citizens", "MMS (Multimedia Messaging Services)"); "the non-partisan Dalby Report" keeps its name', () => {
  const text =
    'Non-European Union citizens will be tested for Tuberculosis and TB. It could help people with Multiple Sclerosis or Motor Neurone Disease. Pictures go by MMS (Multimedia Messaging Services), said Tom Vell of the Centers for Disease Control.';
  assertEntityNames(text, ['Tom Vell', 'Centers for Disease Control']);
});

test('a law whose name holds a title word is no person ("the Criminal Justice Bill", "the Criminal Justice Act"); "Chief Justice Bill Owens" is', () => {
  const text =
    'Ministers added the rules late in the Criminal Justice Bill. The Criminal Justice Act sent a signal, said Home Secretary Ana Ruiz. Chief Justice Bill Owens disagreed.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.deepEqual(
    analysis.entities.map((e) => [e.name, e.role]),
    [
      ['Ana Ruiz', 'Home Secretary'],
      ['Bill Owens', 'Chief Justice'],
    ],
  );
});

test('a role opening the sentence is no part of a one-word name the tagger runs it into ("Singer Madonna"); a relation stays ("Mother Jones")', () => {
  const text = 'Singer Madonna will tour the north in May. Madonna said she was ready. Mother Jones reported the tour first.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const singer = find(analysis, 'Madonna');
  assert.equal(singer.role, 'Singer');
  assert.equal(singer.mentions.length, 2);
  assert.ok(analysis.entities.some((e) => e.name === 'Mother Jones'));
});

test('a body\'s possessive before its committee says whose committee it is ("the Bank\'s Monetary Policy Committee")', () => {
  const text = "Rates were held by the Bank of England. One member of the Bank's Monetary Policy Committee, Paul Tucker, voted for a rise.";
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Monetary Policy Committee').type, 'organization');
  assert.ok(!analysis.entities.some((e) => e.name.includes("Bank's")));
});

test('the networks CBS and NBC keep their names; the table does not make them their news divisions', () => {
  const text = 'CBS apologised for the broadcast. NBC News ran a poll.';
  assertEntityNames(text, ['CBS', 'NBC News']);
});

test('a one-word work named as one of its kind ("a game such as Nightbreaker") is that work in its other mentions too; a film\'s name that is a first name is only the film where it is named so', () => {
  const text =
    'The league picked a one-on-one game such as Nightbreaker for its final. Nightbreaker is new, said Tom Vell. Top players of Nightbreaker get a contract. Films like Alexander drew crowds, and Alexander Vane directed one.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.deepEqual(
    analysis.entities.map((e) => [e.name, e.mentions.length]),
    [
      ['Tom Vell', 1],
      ['Alexander Vane', 1],
    ],
  );
});

test('a programme named after its noun and a comma at the end of a paragraph is no one ("on the Harbour Radio programme, Night Desk")', () => {
  const text = 'Tom Vell spoke about ferries.\n\nYou can hear more from Tom Vell on the Harbour Radio programme, Night Desk';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.ok(!analysis.entities.some((e) => e.name === 'Night Desk'));
  assert.ok(analysis.entities.some((e) => e.name === 'Tom Vell'));
});

test('an award before "awards" is no person ("went on to win Grammy awards")', () => {
  const text = 'The single topped the charts and went on to win Grammy awards for best record, said Tom Vell.';
  assertEntityNames(text, ['Tom Vell']);
});

test('a lone name that takes a plural verb is a team in every mention ("the way Chelsea have reacted"); not after "Mr.", in a pair, or after "of"', () => {
  const text =
    "Chelsea ridiculed over complaint\n\nThe way Chelsea have reacted is pathetic, said Tom Vell. Chelsea's anger grew.\n\nMr. Dalby and Mr. Vane have met twice. Vane said little. Officials say attempts to contact Mr. Orrin have failed. Orrin left.";
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const club = find(analysis, 'Chelsea');
  assert.equal(club.type, 'organization');
  assert.equal(club.mentions.length, 3);
  for (const name of ['Tom Vell', 'Vane', 'Orrin']) assert.equal(find(analysis, name).type, 'person', name);
});

test('a body named for an office runs to the office\'s last word ("the Office of the Deputy Prime Minister"); a title before a name stays a title; a draft that ends at "of the" stays whole', () => {
  const text =
    'House prices fell, according to figures from the Office of the Deputy Prime Minister. MPs scrutinising the Office for the Deputy Prime Minister agreed. Deputy Prime Minister Ana Ruiz said so. The Office of the';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const office = find(analysis, 'Office for the Deputy Prime Minister');
  assert.equal(office.type, 'organization');
  assert.equal(office.mentions.length, 2);
  assert.equal(find(analysis, 'Ana Ruiz').role, 'Deputy Prime Minister');
});

test("the investment bank Merrill Lynch is an organization, though its name is shaped like a person's", () => {
  const text = '"It has been a hard year," investment bank Merrill Lynch said of the brewer. Merrill Lynch analysts agreed.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const bank = find(analysis, 'Merrill Lynch');
  assert.equal(bank.type, 'organization');
  assert.equal(bank.mentions.length, 2);
});

test('a technology spelt out, whose initials are its known short form, is no organization ("Asymmetric Digital Subscriber Line technology")', () => {
  const text = 'Asymmetric Digital Subscriber Line technology lets copper phone lines carry data fast, said Tom Vell.';
  assertEntityNames(text, ['Tom Vell']);
});

test('a people\'s name is no organization, in the plural or before what it describes ("the Gypsies", "Gypsy sites", "Hutu militias"); the club Roma stays', () => {
  const text =
    'Councils must find more Gypsy sites for the Gypsies, said Tom Vell. Many Tutsis and moderate Hutus were killed by Hutu militias. Roma beat Lazio, and Roma were happy.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.ok(!analysis.entities.some((e) => /Gyps|Hutu|Tutsi/.test(e.name)));
  assert.ok(analysis.entities.some((e) => e.name === 'Tom Vell'));
  assert.equal(find(analysis, 'Roma').type, 'organization');
});

test('a title with no name after it names no one ("the Department of Justice Inspector General", "Attorney General"); a title before a name stays its role', () => {
  const text =
    'A report by the Department of Justice Inspector General found problems. The Attorney General declined to comment. Attorney General Ana Ruiz spoke later.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.ok(!analysis.entities.some((e) => e.name === 'General'));
  assert.equal(find(analysis, 'Ana Ruiz').role, 'Attorney General');
});

test('a lone word on one side of a fixture is a team in every mention ("Newcastle v Chelsea"); a court case\'s party stays a person ("Fisher v. University of Texas")', () => {
  const text =
    'Premiership leaders Chelsea face a trip to Newcastle.\nNewcastle v Chelsea\nArsenal v Everton\n\nThe court ruled in Fisher v. University of Texas, No. 14-981, a long-running challenge. Fisher said she was disappointed.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const club = find(analysis, 'Chelsea');
  assert.equal(club.type, 'organization');
  assert.equal(club.mentions.length, 2);
  assert.equal(find(analysis, 'Fisher').type, 'person');
});

test('one word before its staff and their full names is the firm in every mention ("Railtrack managers Alistair Cook and Keith Lea ... Railtrack\'s"); a surname before aides stays a person', () => {
  const text =
    "Four people died. Balfour Beatty managers Anthony Walker and Nicholas Jeffries, and Railtrack managers Alistair Cook and Keith Lea all face charges. The line was Railtrack's. Tony Blair spoke, and Blair aides Tom Kelly and Ann Ruiz listened.";
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const firm = find(analysis, 'Railtrack');
  assert.equal(firm.type, 'organization');
  assert.equal(firm.mentions.length, 2);
  assert.equal(find(analysis, 'Alistair Cook').type, 'person');
  assert.equal(find(analysis, 'Tony Blair').type, 'person');
});

test('a name followed by ", which" is no person ("the developer, Rockstar, which is behind the GTA titles"); ", who" still says one', () => {
  const text = 'Edinburgh-based developer, Rockstar, which is behind the GTA titles, has seen sales rise. The studio hired Tom Vell, who once ran Acme.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.ok(!analysis.entities.some((e) => e.name === 'Rockstar' && e.type === 'person'));
  assert.equal(find(analysis, 'Tom Vell').type, 'person');
});

test('an age opening the sentence is no part of the name after it ("Nineteen-year-old Blazin\' Squad singer Kenzie")', () => {
  const text = "Nineteen-year-old Blazin' Squad singer Kenzie is currently favourite to win the show.";
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.ok(analysis.entities.some((e) => e.name === "Blazin' Squad"));
  assert.ok(!analysis.entities.some((e) => /year-old/.test(e.name)));
});

test('a name between "the" and a kind of media body is that body in every mention ("on the Fox network ... Fox\'s answer"); a place or a nationality there is not ("the New York magazine")', () => {
  const text =
    "The show did poorly on the Fox network three weeks ago. It is seen as Fox's answer to The Apprentice, Tom Vell told the New York magazine. New York was cold.";
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const network = find(analysis, 'Fox');
  assert.equal(network.type, 'organization');
  assert.equal(network.mentions.length, 2);
  assert.ok(!analysis.entities.some((e) => e.name === 'New York'));
});

test('an organization\'s generic last word opening the headline, and written in lower case in the story, is no name ("Bank payout ... Riggs Bank ... A US bank")', () => {
  const text =
    'Bank payout to Pinochet victims\n\nA US bank has said it will donate $8m to victims of Gen Augusto Pinochet. Riggs Bank will put the money in a fund.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.ok(!analysis.entities.some((e) => e.name === 'Bank'));
  assert.equal(find(analysis, 'Riggs Bank').type, 'organization');
});

test('a body\'s generic last word opening a sentence before its officer stays a name ("the Constitutional Affairs Select Committee ... Committee chairman Alan Beith said")', () => {
  const text =
    'The department lacked leadership, said the Constitutional Affairs Select Committee. The committee met twice. Committee chairman Alan Beith said the plans were late.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.ok(analysis.entities.some((e) => e.type === 'organization' && e.mentions.some((m) => text.slice(m.start, m.end) === 'Committee')));
});

test('a country of two words, or one compromise does not know, is a place, not an organization ("the government of Equatorial Guinea", "the United Arab Emirates", "Tibet")', () => {
  const text =
    'The bank held accounts for Gen Augusto Pinochet and the government of Equatorial Guinea. Flights to the United Arab Emirates and Tibet resumed, Tom Vell said.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.deepEqual(analysis.entities.map((e) => e.name).sort(), ['Augusto Pinochet', 'Tom Vell']);
});

test('a game for a console and a work\'s subtitle after its colon name no one ("the Xbox game Halo 2", "the game Grand Theft Auto: San Andreas ... San Andreas sold")', () => {
  const text =
    "Sales beat Microsoft's Xbox, said Tom Vell. The Xbox game Halo 2 is out next week. The game Grand Theft Auto: San Andreas broke records. San Andreas sold 677,000 copies.";
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.deepEqual(analysis.entities.map((e) => e.name).sort(), ['Microsoft', 'Tom Vell']);
});

test('an organization read on past "and" into a description of the next name ends before "and" ("Holders Manchester United and Premiership leaders Chelsea")', () => {
  const text = 'Holders Manchester United and Premiership leaders Chelsea both face difficult away ties, Tom Vell said.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Manchester United').type, 'organization');
  assert.ok(!analysis.entities.some((e) => /Premiership/.test(e.name)));
});

test('a name ending in a company\'s trade word is the company, whatever its first word ("Stanley Leisure", "Network Rail", "Lenox Healthcare")', () => {
  const text =
    'Shares in casino operators Rank Group and Stanley Leisure fell. The line was run by what has now become Network Rail. He built Lenox Healthcare into a large business, Tom Vell said.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  for (const name of ['Stanley Leisure', 'Network Rail', 'Lenox Healthcare']) assert.equal(find(analysis, name).type, 'organization', name);
  assert.equal(find(analysis, 'Tom Vell').type, 'person');
});

test('letters for a rank or an honour after a name are no part of it ("Philippe Sands QC ... Mr Sands"), and the quotation after "Guy Mansfield QC has warned" is still his', () => {
  const text =
    'In a book, Philippe Sands QC, a member of Matrix Chambers, says it was wrong. Mr Sands\' book suggests otherwise.\n\nThe chairman of the Bar Council, Guy Mansfield QC has warned of a real risk.\n\n"What is going to happen to young men?" he asked.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const author = find(analysis, 'Philippe Sands');
  assert.equal(author.mentions.length, 2);
  assert.equal(find(analysis, 'Guy Mansfield').quotes.length, 1);
});

test('a public body\'s noun after the word for its field names an organization in every mention, possessive or not ("agriculture department Defra\'s approach ... Defra had")', () => {
  const text = "A senior MP has criticised agriculture department Defra's lackadaisical approach. The National Audit Office said Defra had improved.";
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const body = find(analysis, 'Defra');
  assert.equal(body.type, 'organization');
  assert.equal(body.mentions.length, 2);
});

test('"Utd" ends a club\'s name, as United does ("Exeter\'s replay with Man Utd", "West Ham v Sheff Utd")', () => {
  const text = "The BBC will televise Exeter's replay with Man Utd live on Wednesday.\nWest Ham v Sheff Utd\nOldham v Bolton";
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Man Utd').type, 'organization');
  assert.equal(find(analysis, 'Sheff Utd').type, 'organization');
});

test('a day that opens a newspaper\'s name is part of it ("The Sunday Times reported"); a day before a person\'s name is not', () => {
  const text = 'The Sunday Times reported that hedge funds TCI and Atticus were planning to act. Sunday Tom Vell left.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Sunday Times').type, 'organization');
  assert.ok(!analysis.entities.some((e) => e.name === 'Times'));
  assert.equal(find(analysis, 'Tom Vell').type, 'person');
});

test('a show named right before "actor" or "actress" and a name is no body and no person ("former EastEnders actress Danniella Westbrook", "Grange Hill actress Amma Asante")', () => {
  const text = 'Others include former EastEnders actress Danniella Westbrook, and Grange Hill actress Amma Asante won.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.deepEqual(analysis.entities.map((e) => e.name).sort(), ['Amma Asante', 'Danniella Westbrook']);
});

test('a list after "companies such as" names no person, whatever a name\'s shape ("Nokia, Intel, France Telecom, Thomson and Telefonica")', () => {
  const text = 'The project won support from companies such as Nokia, Intel, Philips, Alcatel, France Telecom, Thomson and Telefonica.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.ok(analysis.entities.length >= 6);
  assert.ok(analysis.entities.every((e) => e.type === 'organization'));
  assert.equal(find(analysis, 'Thomson').type, 'organization');
});

test('a console stays a product before "website" and as a brand-shaped word alone ("from the Xbox website", "confirmed on GameCube")', () => {
  const text =
    'Xbox power cable fire fear. Consumers can order a new cable from the Xbox website, Microsoft said. Release date to be confirmed on GameCube. ADVANCE WARS DS is next.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.ok(!analysis.entities.some((e) => /Xbox|GameCube/.test(e.name)));
  assert.equal(find(analysis, 'Microsoft').type, 'organization');
});

test('a bracketed short form that spells capitals before the name extends it across its "and" ("the Entertainment and Leisure Software Publishers Association (Elspa)", "the Food and Drug Administration (FDA)")', () => {
  const text =
    'Figures were compiled for the Entertainment and Leisure Software Publishers Association (Elspa). Elspa said sales rose. The drug was cleared by the Food and Drug Administration (FDA), Tom Vell said.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  const association = find(analysis, 'Entertainment and Leisure Software Publishers Association');
  assert.equal(association.mentions.length, 3);
  assert.equal(find(analysis, 'Food and Drug Administration').type, 'organization');
});

test('a question word opens no one\'s name ("the return of Doctor Who", "Who Wants to be a Millionaire?")', () => {
  const text =
    'The schedule includes the return of Doctor Who and a drama about Angela Cannings. Stars join a celebrity edition of Who Wants to be a Millionaire? on Christmas Day.';
  assertEntityNames(text, ['Angela Cannings']);
});

test('one word known from no one\'s name, between "the" and its owner\'s noun, is the firm ("Philip Green, the billionaire Bhs owner,"); "the Clinton spokesman" names her', () => {
  const text =
    'It received a statement from Philip Green, the billionaire Bhs owner, confirming he was not rebidding. Hillary Clinton spoke later, and the Clinton spokesman declined.';
  const analysis = entitiesOf(text);
  assertRangesExact(text, analysis);
  assert.equal(find(analysis, 'Bhs').type, 'organization');
  assert.equal(find(analysis, 'Philip Green').type, 'person');
  assert.equal(find(analysis, 'Hillary Clinton').type, 'person');
});
