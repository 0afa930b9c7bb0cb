// Titles, roles and the names that are not people, as a copy editor reads
// them. Fixture drafts written for these tests, in the manner of wire copy.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../server/src/analysis/analyze';
import { parseDraft } from '../../server/src/analysis/draft';
import { analyzeEntities, type Entity } from '../../server/src/analysis/entities';
import { defaultOptions } from '../../server/src/analysis/types';

const entitiesOf = (text: string) => analyzeEntities(createContext(parseDraft(text, 'plaintext'), defaultOptions)).entities;

function entity(list: Entity[], name: string, type: Entity['type']): Entity {
  const found = list.find((e) => e.name === name && e.type === type);
  assert.ok(found, `no ${type} named ${name}; found: ${list.map((e) => `${e.type}:${e.name}`).join(', ')}`);
  return found;
}
const noEntityNamed = (list: Entity[], pattern: RegExp) =>
  assert.ok(
    !list.some((e) => pattern.test(e.name)),
    `unexpected: ${list
      .filter((e) => pattern.test(e.name))
      .map((e) => `${e.type}:${e.name}`)
      .join(', ')}`,
  );

test('compound titles: the organization in a title is an organization, the title is the role, neither is in the name', () => {
  const list = entitiesOf(
    'Transit Board Chair Marisol Quintero said fares would rise in March.\n\n' +
      'Federal Reserve Chair Ana Ruiz and Fed Chair Tomas Berg disagreed about the timing.',
  );
  assert.equal(entity(list, 'Marisol Quintero', 'person').role, 'Transit Board Chair');
  assert.equal(entity(list, 'Ana Ruiz', 'person').role, 'Federal Reserve Chair');
  assert.equal(entity(list, 'Tomas Berg', 'person').role, 'Fed Chair');
  entity(list, 'Federal Reserve', 'organization');
  noEntityNamed(list, /Chair/);
});

test('plural titles cover both names they introduce', () => {
  const list = entitiesOf('Sens. Ada Whitcomb and Lyle Brandvold introduced the bill on Tuesday. Reps. Joe Tull and Mara Finch voted against it.');
  for (const [name, role] of [
    ['Ada Whitcomb', 'Sens.'],
    ['Lyle Brandvold', 'Sens.'],
    ['Joe Tull', 'Reps.'],
    ['Mara Finch', 'Reps.'],
  ]) {
    assert.equal(entity(list, name, 'person').role, role, name);
  }
  noEntityNamed(list, /^(?:Sens|Reps)\./);
});

test('occupational titles before a name, lower case or opening the sentence', () => {
  const list = entitiesOf('The pediatrician Omar Haddad treated the boy. Psychotherapist Lena Varga and economist Tom Reyes testified on Monday.');
  assert.equal(entity(list, 'Omar Haddad', 'person').role, 'pediatrician');
  assert.equal(entity(list, 'Lena Varga', 'person').role, 'Psychotherapist');
  assert.equal(entity(list, 'Tom Reyes', 'person').role, 'economist');
});

test('a capitalised occupation before a full name is a title: "County Engineer David Lindqvist" is David Lindqvist', () => {
  const list = entitiesOf(
    'County Engineer David Lindqvist said the bridge would reopen in May. Lindqvist gave no date.\n\n' +
      'Astronaut Dana Kirby and Chief Engineer Ray Holm toured the plant with Tom Cook, who runs it.',
  );
  const lindqvist = entity(list, 'David Lindqvist', 'person');
  assert.equal(lindqvist.role, 'County Engineer');
  assert.deepEqual(
    lindqvist.mentions.map((m) => m.text),
    ['David Lindqvist', 'Lindqvist'],
  );
  assert.equal(entity(list, 'Dana Kirby', 'person').role, 'Astronaut');
  assert.equal(entity(list, 'Ray Holm', 'person').role, 'Chief Engineer');
  // One capitalised word after an occupation is a surname, not a name after a title.
  entity(list, 'Tom Cook', 'person');
  noEntityNamed(list, /Engineer|Astronaut/);
});

test('hyphenated titles stay out of the name, and the words before a title are not a person', () => {
  const list = entitiesOf(
    'On Monday, Social Democrat Chancellor-designate Greta Lindholm named her cabinet. Prime Minister-designate Omar Farouk and ' +
      'Lieutenant-General Petra Voss attended, as did Anne-Marie Duval.',
  );
  assert.equal(entity(list, 'Greta Lindholm', 'person').role, 'Social Democrat Chancellor-designate');
  assert.equal(entity(list, 'Omar Farouk', 'person').role, 'Prime Minister-designate');
  assert.equal(entity(list, 'Petra Voss', 'person').role, 'Lieutenant-General');
  entity(list, 'Anne-Marie Duval', 'person');
  assert.deepEqual(
    list.filter((e) => e.type === 'person').map((e) => e.name),
    ['Greta Lindholm', 'Omar Farouk', 'Petra Voss', 'Anne-Marie Duval'],
  );
});

test('a role opening the sentence names its holder after a comma', () => {
  const list = entitiesOf('A spokesman for Lakeview Mutual, Paul Desrosiers, said the claims would be paid by June.');
  assert.equal(entity(list, 'Paul Desrosiers', 'person').role, 'spokesman for Lakeview Mutual');
  entity(list, 'Lakeview Mutual', 'organization');
});

test('honorifics mark a person but are not roles', () => {
  const list = entitiesOf('Mr. Haddad said he was tired, and Mrs. Varga agreed. Dr. Irene Cole did not. Ms. Ota declined to comment.');
  for (const name of ['Haddad', 'Varga', 'Irene Cole', 'Ota']) assert.equal(entity(list, name, 'person').role, null, name);
});

test('places, companies and indexes are not people, nor the place an office or a campus is named for', () => {
  const list = entitiesOf(
    'Analysts at Goldman Sachs cut their forecast on Friday. Goldman said demand was weak, and ratings from Nielsen showed a drop.\n\n' +
      'The Dow Jones Industrial Average fell 2 percent and the Nasdaq Composite Index lost 3 percent.\n\n' +
      'The governor spoke in Little Rock, Ark., and then in Peoria, Ill., before Sen. Dana Holt (D-Ill.) replied.',
  );
  const people = list.filter((e) => e.type === 'person').map((e) => e.name);
  assert.deepEqual(people, ['Dana Holt']);
  entity(list, 'Goldman Sachs', 'organization');
  noEntityNamed(list, /Ill|Ark|Little Rock|Peoria|Average|Composite/);
  // The place an office or a campus is named for is no one: "the Archbishop of Westminster", "the University of Arkansas, Fayetteville".
  const offices = entitiesOf(
    'Cardinal Ana Ruiz, the Archbishop of Harwick, backed the plan on Monday. The Bishop of Durham and the Mayor of Leeds also spoke.\n\n' +
      'Cynthia Thompson, curator of exhibits at the University of Arkansas, Fayetteville, said the show would travel.',
  );
  assert.deepEqual(
    offices.filter((e) => e.type === 'person').map((e) => e.name),
    ['Ana Ruiz', 'Cynthia Thompson'],
  );
  noEntityNamed(offices, /^(?:Harwick|Durham|Leeds|Fayetteville)$/);
});

test('two organizations joined by "and" stay two; the White House and an appositive-described group are organizations', () => {
  const list = entitiesOf(
    'Credit Suisse and Deutsche Bank agreed to pay fines. The White House said the Federal Reserve would act.\n\n' +
      'The plan drew fire from Harbor Watch, a consumer advocacy group, on Monday.',
  );
  for (const name of ['Credit Suisse', 'Deutsche Bank', 'White House', 'Federal Reserve', 'Harbor Watch']) entity(list, name, 'organization');
  noEntityNamed(list, / and /);
});

test('a company name joined by "and" or "&" stays one organization', () => {
  const list = entitiesOf('Shares of Harlan and Reddy Co rose after Barnes & Whitcombe Inc reported earnings.');
  entity(list, 'Harlan and Reddy Co', 'organization');
  entity(list, 'Barnes & Whitcombe Inc', 'organization');
});

test('a placeholder (TK, TKTK, XX) is never a person or an organization', () => {
  const list = entitiesOf(
    'Bridge repair approved\n\nCounty Engineer David Lindqvist said the work would begin in TK and cost XX million.\n\nThe TKTK figure comes from the county, Lindqvist said.\n',
  );
  assert.equal(entity(list, 'David Lindqvist', 'person').role, 'County Engineer');
  noEntityNamed(list, /^(?:TK|TKTK|XX)$/);
});

test('a title "of" a place or body runs to the name: "Governor of Pemberton Rosa Quill" is Rosa Quill, the governor of Pemberton', () => {
  const list = entitiesOf(
    'Ferry service to resume\n\nIn a statement, Governor of Pemberton Rosa Quill said the ferries would run again in May. ' +
      'Mayor of New Halden Omar Vell agreed, and Chairman of the Board Lena Moreau said the money was there.\n',
  );
  assert.equal(entity(list, 'Rosa Quill', 'person').role, 'Governor of Pemberton');
  assert.equal(entity(list, 'Omar Vell', 'person').role, 'Mayor of New Halden');
  assert.equal(entity(list, 'Lena Moreau', 'person').role, 'Chairman of the Board');
  noEntityNamed(list, /Pemberton Rosa|Halden Omar|Board Lena/);
});

test('an adverb opening the sentence is no part of a title: "Even Administrator Tomas Berg agreed"', () => {
  const list = entitiesOf('Budget cut\n\nThe agency lost a third of its budget. Even Administrator Tomas Berg agreed it was too much.\n');
  assert.equal(entity(list, 'Tomas Berg', 'person').role, 'Administrator');
});

test('a name never runs over the end of a sentence: "at the Kessler-Baum Center. Discovery has..."', () => {
  const list = entitiesOf('Shuttle moves\n\nThe shuttle will go on show at the Kessler-Baum Center. Discovery has already been retired from service.\n');
  noEntityNamed(list, /\.\s/);
});

test('a work, a craft or a storm is neither a person nor an organization: "the film Easy Rider", "Shuttle Discovery", "Hurricane Katrina"', () => {
  const list = entitiesOf(
    'Shuttles find homes\n\nSpace Shuttle Discovery will go to the museum, Administrator Charles Bolden said. The shuttle Atlantis stays in Florida. ' +
      'The film Easy Rider starred Dennis Hopper. Hurricane Katrina hit New Orleans. The USS Enterprise docked, Bolden said.\n',
  );
  entity(list, 'Charles Bolden', 'person');
  entity(list, 'Dennis Hopper', 'person');
  noEntityNamed(list, /Discovery|Atlantis|Easy Rider|Katrina|Enterprise/);
});

test('a party noun before a full name is the person\'s party, neither part of the name nor a title: "Democrat Elena Marsh"', () => {
  const list = entitiesOf(
    'The harbor bill stalled on Tuesday, said ranking Democrat Elena Marsh.\n\n' +
      'A day later the committee heard from Republicans Tom Brandvold and Ada Whitcomb, and from Libertarian Joe Tull.\n\n' +
      'Marsh said the Republican Party had other plans.',
  );
  assert.equal(entity(list, 'Elena Marsh', 'person').role, null);
  entity(list, 'Tom Brandvold', 'person');
  entity(list, 'Joe Tull', 'person');
  noEntityNamed(list, /^(?:Democrat|Republicans|Libertarian) /);
  entity(list, 'Republican Party', 'organization');
});

test('a surname that is also a nationality ("Cuban said") is the person the story named in full, and only then', () => {
  const text =
    'Team owner Mark Cuban said on Sunday that he might run for office one day.\n\n' +
    '"It is too early to tell," Cuban said.\n\n' +
    '"I have no plans," said Cuban, who also hosts a television show.';
  const cuban = entity(entitiesOf(text), 'Mark Cuban', 'person');
  assert.equal(cuban.mentions.length, 3);
  const unnamed = entitiesOf('Havana talks\n\nCuban officials met the delegation on Monday. "We are ready," a Cuban said.');
  noEntityNamed(unnamed, /Cuban/);
});

test('a title with no name in it names no one ("Veteran Labour MP and former Cabinet minister Jack Cunningham", "Turkish President"), but "the Scottish Executive" is a body', () => {
  const list = entitiesOf(
    'Veteran Labour MP and former Cabinet minister Jack Cunningham has said he will stand down.\n\n' +
      'The Scottish Executive said the Turkish President had written.',
  );
  assert.deepEqual(
    list.map((e) => e.name),
    ['Jack Cunningham', 'Scottish Executive'],
  );
});

test('a courtesy title does not contradict a first name given to men and women alike: "Sandy Walkington ... Mr Walkington", "Jackie Mellor ... Mr Mellor" are one person each', () => {
  const list = entitiesOf(
    'Sandy Walkington will now work with senior figures on the manifesto. Mr Walkington said he wanted the party ready.\n\n' +
      'Jackie Mellor chairs the board. Mr Mellor said he agreed.',
  );
  assert.equal(entity(list, 'Sandy Walkington', 'person').mentions.length, 2);
  assert.equal(entity(list, 'Jackie Mellor', 'person').mentions.length, 2);
  assert.ok(!list.some((e) => e.name === 'Walkington'));
});

test('a lone surname shared by two people goes to the one its courtesy title or title fits: "Mrs. Clinton", "President Obama"', () => {
  const list = entitiesOf(
    'Former President Bill Clinton introduced his wife, Hillary Clinton, at a rally in Ohio on Monday.\n\n' +
      'Mrs. Clinton spoke for 40 minutes. Mr. Clinton sat in the front row.\n\n' +
      'President Barack Obama was in Washington. First lady Michelle Obama had spoken earlier.\n\n' +
      'President Obama called the rally a success.',
  );
  const mentionsOf = (name: string) => entity(list, name, 'person').mentions.map((m) => m.start);
  const text = 'Former President Bill Clinton introduced his wife, Hillary Clinton, at a rally in Ohio on Monday.\n\nMrs. ';
  assert.ok(mentionsOf('Hillary Clinton').includes(text.length), 'Mrs. Clinton is Hillary Clinton');
  assert.equal(entity(list, 'Bill Clinton', 'person').mentions.length, 2, 'Mr. Clinton is Bill Clinton');
  assert.equal(entity(list, 'Barack Obama', 'person').mentions.length, 2, 'President Obama is Barack Obama');
  assert.equal(entity(list, 'Michelle Obama', 'person').mentions.length, 1);
  // A courtesy title that fits no one named in full is someone else.
  const only = entitiesOf('First lady Michelle Obama visited the school on Monday. Mr. Obama stayed in Washington.');
  assert.equal(entity(only, 'Michelle Obama', 'person').mentions.length, 1);
  // Nor is a titled surname before her full name, under a title she is never given, hers: it is his.
  const before = entitiesOf(
    'Governor Rowan is rolling out a new message for the fall.\n\nMr. Rowan told donors on Saturday that the race was close.\n\n' +
      "The campaign will also send the governor's wife, Margaret Rowan, to three counties.",
  );
  assert.equal(entity(before, 'Margaret Rowan', 'person').mentions.length, 1);
  assert.equal(entity(before, 'Rowan', 'person').mentions.length, 2);
});

test('a title that is also a first name is the first name before a surname alone: "Dean Jones", but "Dean Ellen Marsh"', () => {
  const list = entitiesOf('Dean Jones, a striker for the county side, scored twice. Dean Ellen Marsh of the law school said the hearing would go ahead.');
  assert.equal(entity(list, 'Dean Jones', 'person').role, 'a striker for the county side');
  assert.equal(entity(list, 'Ellen Marsh', 'person').role, 'Dean');
});

test('a name with two particles stays one name: "Ludwig van der Berg", "Maria de la Cruz"', () => {
  const list = entitiesOf('Ludwig van der Berg met Maria de la Cruz in Brussels on Monday to discuss the tariff.');
  entity(list, 'Ludwig van der Berg', 'person');
  entity(list, 'Maria de la Cruz', 'person');
  noEntityNamed(list, /^(?:Ludwig|Maria|Berg|Cruz)$/);
});

test('a generic noun opening a headline is no organization ("Council backs ferry plan"), but the same noun in a sentence may be one', () => {
  const headline = entitiesOf('Council backs ferry plan\n\nThe town council voted 5-2 on Tuesday to pay for a second ferry to the island.');
  noEntityNamed(headline, /Council/);
  const sentence = entitiesOf('The president named a new cabinet on Monday.\n\nParliament approved the cabinet in a vote of 58 to 17.');
  entity(sentence, 'Parliament', 'organization');
});

test('a name right before its stock or shares is a company, never a person: "Jones stock closed down"', () => {
  const list = entitiesOf('Shares of the clinic chain fell on Friday. Varga stock closed down 1/8 at 40, and Holloway shares rose.');
  assert.ok(!list.some((e) => e.type === 'person'), list.map((e) => `${e.type}:${e.name}`).join(', '));
});

test('a name that begins like a month ("Decker", "Marelli") is still a name, with its appositive role', () => {
  const list = entitiesOf('The vote will go ahead, Decker, a spokeswoman for the council, said on Monday. It meets in Sept. and again in December.');
  assert.equal(entity(list, 'Decker', 'person').role, 'a spokeswoman for the council');
  noEntityNamed(list, /^(?:Sept|December)/);
});

test('a full name joined by "and" to a person\'s full name is a person, not an organization: "Tavo Brennik and Sergei Malko"', () => {
  const list = entitiesOf(
    'The ministry expelled two dissidents, Tavo Brennik and Sergei Malko, on Friday. The party named Ulan Tarbagatai and John Smith as its candidates.',
  );
  for (const name of ['Tavo Brennik', 'Sergei Malko', 'Ulan Tarbagatai', 'John Smith']) entity(list, name, 'person');
  assert.ok(!list.some((e) => e.type === 'organization' && /Brennik|Tarbagatai/.test(e.name)));
});

test('a lone surname of someone the story names in full is that person, though its inner capital reads like a company\'s ("DuVernay")', () => {
  const list = entitiesOf(
    'Ava DuVernay is screening her new documentary in Harlem this week.\n\n' +
      'DuVernay explained in an interview that the film took four years. DuVernay said the archive footage was the hardest part.\n\n' +
      'Critics have praised the film. DuVernay plans a second screening in Atlanta.',
  );
  assert.equal(entity(list, 'Ava DuVernay', 'person').mentions.length, 4);
  noEntityNamed(
    list.filter((e) => e.type === 'organization'),
    /DuVernay/,
  );
});

test('the first word of an organization\'s name, alone, is that organization ("Harwick Energy Corp. ... Harwick"), but not a place ("in Boston")', () => {
  const list = entitiesOf(
    'Harwick Energy Corp. filed for bankruptcy on Monday, the second time in three years.\n\n' +
      'In 2012, Harwick took over many of the unionized mines in Appalachia. The union said Harwick gave its retirees a week of notice.\n\n' +
      'The Boston Globe first reported the filing. Union leaders in Boston called it a betrayal.',
  );
  assert.equal(entity(list, 'Harwick Energy Corp', 'organization').mentions.length, 3);
  noEntityNamed(
    list.filter((e) => e.type === 'person'),
    /Harwick/,
  );
  noEntityNamed(list, /^Boston$/);
  // Standing before a noun, the word is a modifier, not the organization: "Republican voters".
  const party = entitiesOf(
    'Christie chaired the Republican Governors Association, which spent $3 million on the race.\n\nRepublican voters in New Hampshire put the economy first, and Republican donors followed.',
  );
  assert.equal(entity(party, 'Republican Governors Association', 'organization').mentions.length, 1);
});

test('a common word that opens an organization\'s name is that organization alone ("Lantern Mining ... Lantern"), but not opening a sentence, before a capital or inside the longer name', () => {
  const list = entitiesOf(
    'Lantern Mining, one of the largest coal companies in the state, sold the Ridgeback mine last spring.\n\n' +
      "But the cleanup was not Lantern's problem anymore. Regulators said they could still pressure Lantern's lenders. Lantern filed for bankruptcy in May.\n\n" +
      'Mines Secretary Oren Blakely said the deal was sound. Ana Ruiz, a fellow at the Center for Energy Policy, disagreed.\n\n' +
      'Lantern Safety Director Ken Oyelaran declined to comment. Consumers were not told.',
  );
  const lantern = entity(list, 'Lantern Mining', 'organization');
  const mentionTexts = lantern.mentions.map((m) => m.text);
  // Both mid-sentence mentions; the sentence-opening one follows them.
  assert.deepEqual(mentionTexts, ['Lantern Mining', 'Lantern', 'Lantern', 'Lantern']);
  const center = entity(list, 'Center for Energy Policy', 'organization');
  assert.equal(center.mentions.length, 1);
  noEntityNamed(list, /^Consumers$/);
});

test('a lone name the story calls a company is that company in every mention, whatever its shape ("cables giant Ferrucci"); "rival Marsh" names no company', () => {
  const list = entitiesOf(
    'Italian tyre and cables giant Ferrucci on Friday announced a venture in China.\n\n' +
      'Ferrucci is linking with a Hong Kong group in the venture. Analysts said the move was good news for Ferrucci.\n\n' +
      'His rival Marsh said on Monday that he would run again. Marsh is 61.',
  );
  assert.equal(entity(list, 'Ferrucci', 'organization').mentions.length, 3);
  noEntityNamed(
    list.filter((e) => e.type === 'person'),
    /Ferrucci/,
  );
  entity(list, 'Marsh', 'person');
});

test('a headline in title case names only whom the story names: "Dana Whitlock Slams Council..." is Dana Whitlock, "Ferry Movie" is no one', () => {
  const list = entitiesOf(
    'Dana Whitlock Slams Council Over Ferry Budget Delay\n\n' +
      'CARLTON, Ore. — Mayor Dana Whitlock on Tuesday accused the city council of stalling the ferry budget for a third month.\n\n' +
      '"We cannot run boats on promises," Whitlock said.',
  );
  assert.equal(entity(list, 'Dana Whitlock', 'person').mentions.length, 3);
  noEntityNamed(list, /Slams|Budget|Delay|Council Over/);
  const film = entitiesOf(
    'Harbor Movie Is About To Open But Two Big Things Are Missing\n\nThe film about the 1998 ferry strike opens on Friday, its producer, Lena Ortiz, said.',
  );
  noEntityNamed(list.concat(film), /Movie|Things|Missing/);
  entity(film, 'Lena Ortiz', 'person');
});

test('a capitalised word that opens a sentence compromise ran on is no name: "amok." Some Whitlock allies", "Is Whitlock bluffing?", "Rather,", \'\'My', () => {
  const list = entitiesOf(
    'CARLTON, Ore. — It was a quiet start to the budget talks. Mayor Dana Whitlock called the delay "a failure of nerve." Some Whitlock allies said the council was stalling.\n\n' +
      'Who knew? Is Whitlock bluffing? The council said the plan was sound. Rather, it blamed the state for the delay.\n\n' +
      "''My advice was to wait,'' said Tom Brandvold, a council member.",
  );
  assert.equal(entity(list, 'Dana Whitlock', 'person').mentions.length, 3);
  noEntityNamed(list, /^(?:It|Some|Is|Rather|My)\b|Ore\. — It/);
  entity(list, 'Tom Brandvold', 'person');
});

test('one member of a party is not the party: "a Michigan Democrat", "registered as a Republican"', () => {
  const list = entitiesOf(
    'State Sen. Ruth Calloway, a Michigan Democrat, said the bill would fail. Her rival, registered as a Republican until 2019, agreed.\n\n' +
      'The Democratic Party has not taken a position, and the ranking Democrat on the committee declined to comment.',
  );
  entity(list, 'Ruth Calloway', 'person');
  entity(list, 'Democratic Party', 'organization');
  noEntityNamed(list, /^(?:Michigan )?(?:Democrat|Republican)$/);
});

test('a law or a building is neither a person nor an organization: "Harbor Access Act", "Kessler Hall", the Oval Office', () => {
  const list = entitiesOf(
    'The council cited the Harbor Access Act when it met in Kessler Hall on Monday, Mayor Dana Whitlock said.\n\n' +
      'Inmates at Cold Creek Penitentiary will be moved, and the governor spoke from the Oval Office, the Harbor Times reported.',
  );
  entity(list, 'Dana Whitlock', 'person');
  noEntityNamed(list, /Act$|Hall$|Penitentiary$|Oval Office/);
});

test('a hotel, a resort or a capitol is a building, and Social Security, Medicare and the Trans-Pacific Partnership are programmes and deals: none is an organization', () => {
  const list = entitiesOf(
    'Sen. Lyle Brandvold spoke at the Harwick Hotel in Dover and later at the state Capitol, aides said.\n\n' +
      'He opposes the Trans-Pacific Partnership (TPP) and cuts to Social Security and Medicare, but the Social Security Administration declined to comment.',
  );
  entity(list, 'Lyle Brandvold', 'person');
  entity(list, 'Social Security Administration', 'organization');
  noEntityNamed(list, /Hotel$|Capitol$|^Trans-Pacific Partnership$|^TPP$|^Social Security$|^Medicare$/);
});

test('a city or a party word between a known organization and a common noun does not lengthen its name: "the CIA Benghazi outpost", "the Senate Democratic caucus"', () => {
  const list = entitiesOf(
    'Rep. Tomas Varga said the CIA Benghazi outpost had asked for help.\n\n' +
      'He met the Senate Democratic caucus on Tuesday, and GM Europe managers on Friday.',
  );
  entity(list, 'Tomas Varga', 'person');
  noEntityNamed(list, /^CIA Benghazi$|^Senate Democratic$|^Democratic$/);
  entity(list, 'GM Europe', 'organization');
});

test('an initial belongs to the name: the word after a middle initial is a surname even when it can be a title ("Peter T. King"), and a leading initial stays ("J. Michael Pearson")', () => {
  const list = entitiesOf(
    'The ferry plan passed on Monday. "It is hard," said Representative Oren T. King of Dover, who voted for it.\n\n' +
      "The line's chief executive, J. Michael Varga, agreed, and Judge Ann B. Marshall dismissed the suit.",
  );
  entity(list, 'Oren T. King', 'person');
  entity(list, 'J. Michael Varga', 'person');
  entity(list, 'Ann B. Marshall', 'person');
  noEntityNamed(list, /^(?:Oren T|Dover|Michael Varga|Ann B)$/);
});

test('a word of two capitalised parts with a long first part is a firm, not a person ("BuzzFeed", "HarperCollins"); a short prefix is a name\'s ("McAllister", "DeWitt")', () => {
  const list = entitiesOf(
    'Councilwoman Rosa McAllister and Tom DeWitt spoke on Monday.\n\n' +
      'On Tuesday, HarborFeed announced it had pulled out of the deal, and the book went to QuillHouse instead.',
  );
  entity(list, 'Rosa McAllister', 'person');
  entity(list, 'Tom DeWitt', 'person');
  for (const firm of ['HarborFeed', 'QuillHouse']) {
    const found = list.find((e) => e.name === firm);
    assert.notEqual(found?.type, 'person', `${firm} read as a person`);
  }
});

test('a name that runs on into an airport, a prize or an endowed chair named after someone mentions no one ("Ronald Reagan Washington National Airport")', () => {
  const list = entitiesOf(
    'Mayor returns from trade mission\n\nMayor Ilse Brandvold landed at Tomas Whitcombe Harbor Regional Airport on Monday, her office said.\n\n' +
      'She holds the Arjay and Frances Quill Chair in Coastal Policy, and won the Ruth Leff Varga Awards last year.',
  );
  entity(list, 'Ilse Brandvold', 'person');
  noEntityNamed(list, /^(?:Tomas Whitcombe|Frances Quill Chair|Ruth Leff Varga Awards)$/);
  assert.ok(!list.some((e) => e.type === 'person' && /Whitcombe|Quill|Varga/.test(e.name)), list.map((e) => e.name).join(', '));
});

test('a name inside a quoted title or slogan is no mention ("Meet the Press", "Talk Bernie to Me"), but a show keeps its host and its network', () => {
  const list = entitiesOf(
    'Senator backs ferry plan\n\nSen. Tomas Vell said on “Face the Harbor” that the plan would pass, as a “Vote Dana for Mayor” sign hung behind him.\n\n' +
      'He repeated it on “Harbor News Sunday” and on “The Late Show with Lena Varga.”',
  );
  entity(list, 'Tomas Vell', 'person');
  entity(list, 'Lena Varga', 'person');
  noEntityNamed(list, /^(?:Harbor|Dana|Vote Dana)$/);
});

test('no one is named by a title after "for" or "as", a law\'s bracketed short form, or a question\'s "Will" ("nominee for President", "(FOIA)", "Will Varga come back?")', () => {
  const list = entitiesOf(
    'Varga weighs comeback\n\nWill Varga come back to the race? Ana Varga, the former mayor, filed a Harbor Records Act (HRA) request on Monday.\n\n' +
      '"As President, I would open the files," she said of her run for President, and her HRA lawsuit went on. Will Thorne, her aide, agreed.',
  );
  entity(list, 'Ana Varga', 'person');
  entity(list, 'Will Thorne', 'person');
  noEntityNamed(list, /^(?:President|HRA|Will Varga)$/);
});

test('a station\'s number is part of its name ("BBC Radio 4", "Channel 4 News"), but a day after it is not ("the Radio 1 Thursday night show")', () => {
  const list = entitiesOf(
    "Minister defends ferry plan\n\nThe minister, Tomas Vell, told BBC Radio 4's Today programme that the plan was sound.\n\n" +
      'Channel 4 News reported the figures, and she hosts the Radio 1 Thursday night show.',
  );
  entity(list, 'BBC Radio 4', 'organization');
  entity(list, 'Channel 4 News', 'organization');
  noEntityNamed(list, /^(?:BBC Radio|News|Radio|Radio 1 Thursday)$/);
});

test('a people or a faith in the plural is no organization ("the Kurds", "radicalized Islamists", "the Afghans")', () => {
  const list = entitiesOf(
    'Allies weigh ground force\n\nThe Sunnis on the ground, along with the Kurds, will do the fighting, Gen. Ana Ruiz said on Monday.\n\n' +
      'Officials fear that radicalized Islamists will cross the border, and the Afghans have asked for help.',
  );
  entity(list, 'Ana Ruiz', 'person');
  noEntityNamed(list, /^(?:Sunnis|Kurds|Islamists|Afghans)$/);
});

test('the British parties and the Bank of England go by their short names ("Lib Dems", "UKIP", "BoE"), but "liberal Democrats" in an American story is no British party', () => {
  const uk = entitiesOf(
    'Parties clash over ferry tax\n\nThe Liberal Democrats said the tax was unfair, and the Lib Dems will vote against it, while UKIP backed it.\n\n' +
      'The UK Independence Party leader spoke on Monday, and the BoE kept rates on hold.',
  );
  assert.deepEqual(entity(uk, 'Liberal Democrats', 'organization').aliases, ['Lib Dems']);
  assert.ok(entity(uk, 'UK Independence Party', 'organization').aliases.includes('UKIP'));
  entity(uk, 'Bank of England', 'organization');
  const us = entitiesOf('Senators split on ferry bill\n\nSen. Ana Ruiz said liberal Democrats would oppose the bill on Tuesday.');
  noEntityNamed(us, /^Liberal Democrats$/);
});

test('a first name alone is the one person the story names in full with it ("Dana" is Dana Whitlock), never when two share it', () => {
  const list = entitiesOf(
    'Mayor Dana Whitlock said the ferry would run again by June.\n\n' +
      '"A vote against Dana is a vote against the ferry," said Tom Brandvold, a council member.',
  );
  const mayor = entity(list, 'Dana Whitlock', 'person');
  assert.deepEqual(mayor.aliases, ['Dana']);
  const two = entitiesOf('Dana Whitlock and Dana Ferris both voted no.\n\n"Ask Dana," the clerk said.');
  entity(two, 'Dana Whitlock', 'person');
  entity(two, 'Dana Ferris', 'person');
  assert.ok(!two.some((e) => e.aliases.includes('Dana')), 'a first name two people share was given to one of them');
});

test('the last words of one organization\'s name after "the" stand for it ("the Times"); a capitalised generic opening a sentence does not ("Union leaders")', () => {
  const list = entitiesOf(
    "The Harbor Times reported on Sunday that the ferry budget had doubled. The Times said the figures came from the mayor's office.\n\n" +
      'Members of the Harbor Pilots Union voted on Monday. Union leaders said a strike was possible.',
  );
  assert.deepEqual(entity(list, 'Harbor Times', 'organization').aliases, ['Times']);
  assert.ok(!entity(list, 'Harbor Pilots Union', 'organization').aliases.includes('Union'), 'a sentence-initial "Union" was read as the union');
});

test('a first name alone in a family\'s story is the one of them named in full with it ("James, 43" is James Marsh)', () => {
  // Until the twenty-sixth session no first name joined one of a family, for fear of a lone surname filed with the
  // wrong Marsh; but the first name is right whoever "Mr. Marsh" is, and the Clintons and the Trumps are a family.
  const list = entitiesOf(
    'Rupert Marsh, 85, runs the company. His sons, Lachlan Marsh and James Marsh, run its papers.\n\n' +
      'Mr. Marsh said the papers would stay in the family. James, 43, declined to comment.',
  );
  assert.ok(entity(list, 'James Marsh', 'person').aliases.includes('James'));
  assert.ok(!entity(list, 'Rupert Marsh', 'person').aliases.includes('James'));
  assert.ok(!entity(list, 'Lachlan Marsh', 'person').aliases.includes('James'));
});

test('one organization is listed once, whether or not each mention matched the table ("Twitter\'s chief ... A Twitter spokesman")', () => {
  const list = entitiesOf(
    "Twitter said it would add a safety tool on Monday. Jack Dorsey, Twitter's chief executive, posted two words.\n\n" +
      'A Twitter spokesman, Ana Ruiz, said one million messages were sent in an hour.',
  );
  const twitter = list.filter((e) => e.type === 'organization' && e.name === 'Twitter');
  assert.equal(twitter.length, 1, 'Twitter is listed more than once');
  assert.equal(twitter[0].mentions.length, 3);
});

test('a dateline\'s city in capitals is a place, not a person ("TRENTON, N.J. (AP) —"), and God is no one the story names', () => {
  const list = entitiesOf(
    'TRENTON, N.J. (AP) — Was that really Gov. Dana Whitlock standing behind the candidate?\n\n"God did not want us to lose," Whitlock said.',
  );
  entity(list, 'Dana Whitlock', 'person');
  noEntityNamed(list, /^(?:TRENTON|God)$/);
});

test('an adverb opening a sentence is no name, though a title-case headline capitalised it ("Physically Assaulting A Reporter Is A Fireable Offense")', () => {
  const list = entitiesOf(
    "Whitlock: 'Physically Assaulting A Reporter Is A Fireable Offense'\n\n" +
      'Mayor Dana Whitlock spoke on Tuesday about the incident. "It has reached the level of physical assault. Physically assaulting a reporter is a fireable offense," Whitlock said.\n\n' +
      'Her aide said: "Mathematically the council cannot block her."',
  );
  entity(list, 'Dana Whitlock', 'person');
  noEntityNamed(list, /Physically|Mathematically/);
});

test('an organization\'s "of" phrase is part of its name, and the words before it stand for it ("the Turquoise Council of Americans and Eurasians ... the Turquoise Council")', () => {
  const list = entitiesOf(
    'Dana Whitlock, the president of the Communications Workers of America, spoke on Monday.\n\n' +
      'Bilal Eksili is president of the Turquoise Council of Americans and Eurasians in Houston. The Turquoise Council said it would comment later. The Bank of America and the Bank of England declined.',
  );
  entity(list, 'Communications Workers of America', 'organization');
  assert.deepEqual(entity(list, 'Turquoise Council of Americans and Eurasians', 'organization').aliases, ['Turquoise Council']);
  entity(list, 'Bank of America', 'organization');
  entity(list, 'Bank of England', 'organization');
  noEntityNamed(list, /^(?:Communications Workers|Turquoise Council)$/);
});

test('a name after the comma, with a role only past a dash, is another person: the role is not the first name\'s ("backing Navarro, Lena Ostrow — daughter of ...")', () => {
  const list = entitiesOf(
    'Maria Navarro won the state primary in June.\n\n' +
      'The plank was written by a delegate backing Navarro, Lena Ostrow — daughter of state Senate leader Paul Ostrow — and a Quint delegate, Tom Adair.\n\n' +
      'Rachel Vance, a spokeswoman for the party, said the plank would pass.',
  );
  assert.equal(entity(list, 'Maria Navarro', 'person').role, null);
  assert.equal(entity(list, 'Rachel Vance', 'person').role, 'a spokeswoman for the party', 'an appositive role still counts');
});

test('"St." is a place\'s or an institution\'s, never a living person\'s title ("St. Louis", "the University of St Andrews")', () => {
  const list = entitiesOf(
    'Delegates head to St. Louis\n\n' +
      "The delegates will meet in St. Louis on Friday, said Ana Ruiz, who studied at the University of St Andrews. The team trains at St Mary's ground in Southampton.",
  );
  entity(list, 'Ana Ruiz', 'person');
  entity(list, 'University of St Andrews', 'organization');
  assert.deepEqual(
    list.filter((e) => e.type === 'person').map((e) => e.name),
    ['Ana Ruiz'],
  );
});

test('an appositive role ends with the name it runs into, and before a relative clause ("dean of the ... School of Public Service", "an investor who has poured")', () => {
  const list = entitiesOf(
    'Lena Ostrow, an expert on water policy and coastal planning at the Northfield Institute of Marine Technology, said the levee would hold.\n\n' +
      'Tom Adair, a Dayton-based investor who has poured hundreds of thousands of dollars into the campaign, declined to comment.',
  );
  assert.equal(entity(list, 'Lena Ostrow', 'person').role, 'an expert on water policy and coastal planning at the Northfield Institute of Marine Technology');
  assert.equal(entity(list, 'Tom Adair', 'person').role, 'a Dayton-based investor');
});

test('the department that completes a title with no name after it is no organization ("his Secretary of State", "The Secretary of Defense, Ash Carter")', () => {
  const list = entitiesOf(
    'When Barack Obama took office with Hillary Clinton as his Secretary of State, he met Secretary of State John Kerry. The Secretary of Defense, Ash Carter, agreed.',
  );
  assert.equal(entity(list, 'John Kerry', 'person').role, 'Secretary of State');
  entity(list, 'Ash Carter', 'person');
  noEntityNamed(list, /^(?:State|Defense)$/);
});

test('"Team Ruiz" is Ruiz\'s campaign, named for her: the name is hers; "Team Sky" and "Team GB" keep their "Team"', () => {
  const list = entitiesOf(
    'Ruiz rally draws crowd\n\nTeam Ruiz sees the convention as a second chance for Ana Ruiz to win over women. Team Sky won the stage, and Team GB took silver.',
  );
  assert.equal(entity(list, 'Ana Ruiz', 'person').mentions.length, 3, 'the headline, Team Ruiz and Ana Ruiz');
  noEntityNamed(list, /^(?:Team Ruiz|Sky|GB)$/);
});

test('a party\'s lawmakers in a chamber are a group of people, not an organization ("House Democrats"); a party named so is one ("Liberal Democrats")', () => {
  const list = entitiesOf(
    'House Democrats back plan\n\nHouse Democrats and Senate Republicans met on Tuesday with the Liberal Democrats leader, said Ana Ruiz of the House Democratic Caucus.',
  );
  entity(list, 'Liberal Democrats', 'organization');
  entity(list, 'House Democratic Caucus', 'organization');
  noEntityNamed(list, /^(?:House Democrats|Senate Republicans)$/);
});

test('"the Lord\'s Prayer" and a lone "I" name no one; "Compaq Computer" is a company', () => {
  const list = entitiesOf(
    "She began saying the Lord's Prayer. “And I told him I would not be coming back,” Juanita Broaddrick said. Her decision to champion a deal with Compaq Computer in 2001 was criticized.",
  );
  entity(list, 'Juanita Broaddrick', 'person');
  entity(list, 'Compaq Computer', 'organization');
  noEntityNamed(list, /^(?:Lord|I)$/);
});

test('a nickname\'s insult before a first name is no part of the name ("Crooked Hillary", "Crazy Bernie"), and "Clinton, his son said" gives Clinton no role', () => {
  const list = entitiesOf(
    'As Donald Trump began tweeting out his new nickname for Hillary Clinton, his son said he was just getting started. ' +
      '“Crooked Hillary will say anything,” Eric Trump said. Trump also mocked Crazy Bernie at the rally, where Bernie Sanders supporters protested, ' +
      "and called Ted Cruz “Lyin' Ted” again.\n\n" +
      'Maria Navarro, her daughter, said nothing.',
  );
  const clinton = entity(list, 'Hillary Clinton', 'person');
  assert.equal(clinton.role, null);
  assert.ok(clinton.aliases.includes('Hillary'), clinton.aliases.join(', '));
  assert.ok(entity(list, 'Bernie Sanders', 'person').aliases.includes('Bernie'));
  assert.equal(entity(list, 'Maria Navarro', 'person').role, 'her daughter');
  noEntityNamed(list, /^(?:Crooked|Crazy|Lyin)/);
});

test('a bill or a government paper is no man called Bill ("the Gambling Bill", "the Bill", "the transport White Paper")', () => {
  const list = entitiesOf(
    "Jowell defends Gambling Bill\n\nCulture Secretary Tessa Jowell has hit out at critics of the Gambling Bill, and of last year's transport White Paper. " +
      'She will set out her position when the Bill is debated. Bill Clinton was not consulted.',
  );
  entity(list, 'Tessa Jowell', 'person');
  entity(list, 'Bill Clinton', 'person');
  noEntityNamed(list, /^(?:Gambling Bill|Bill|White Paper)$/);
});

test('"super PAC" before a committee\'s name is the kind of committee, not part of its name ("super PAC Priorities USA Action")', () => {
  const list = entitiesOf('The pro-Navarro super PAC Ohio Forward Action announced a small ad buy this week, a spokesman said.');
  noEntityNamed(list, /^PAC\b/);
});

test('a title held "to" someone or somewhere is the role, not part of the name ("Chief Secretary to the Treasury Paul Boateng", "Ambassador to the United Nations Dana Whitcombe"), but "the President to the Senate Majority Leader" is two', () => {
  const text = [
    'Treasury plans attacked',
    '',
    'Chief Secretary to the Treasury Tomas Vell attacked the plans. US Ambassador to the United Nations Dana Whitcombe agreed.',
    '',
    'A letter from the President to the Senate Majority Leader Ana Ruiz arrived on Monday.',
    '',
  ].join('\n');
  const analysis = entitiesOf(text);
  assert.equal(entity(analysis, 'Tomas Vell', 'person').role, 'Chief Secretary to the Treasury');
  assert.equal(entity(analysis, 'Dana Whitcombe', 'person').role, 'US Ambassador to the United Nations');
  assert.equal(entity(analysis, 'Ana Ruiz', 'person').role, 'Senate Majority Leader');
});

test('a DJ\'s title ends the station\'s name ("Harbor Radio DJ Pete Vell")', () => {
  const analysis = entitiesOf('Listeners of Harbor Radio voted. Harbor Radio DJ Pete Vell said: "This year has seen an amazing rise."');
  entity(analysis, 'Harbor Radio', 'organization');
  assert.equal(entity(analysis, 'Pete Vell', 'person').role, 'Harbor Radio DJ');
  noEntityNamed(analysis, /DJ/);
});

test('"MP", "MSP" and "MEP" are titles before a name ("MP Kefa Okwera told parliament", "Green MSP Mark Vell"), and a party\'s adjective before them is no organization', () => {
  const analysis = entitiesOf(
    '"The play is obscene," MP Kefa Okwera told parliament. But Green MSP Mark Vell fears people will not be able to vote. Euro MP Ana Ruiz agreed.',
  );
  assert.equal(entity(analysis, 'Kefa Okwera', 'person').role, 'MP');
  assert.equal(entity(analysis, 'Mark Vell', 'person').role, 'Green MSP');
  noEntityNamed(analysis, /^(?:Green|Euro|Green MSP|MP Kefa Okwera)$/);
});

test('a member\'s title after a full name is no part of the name ("Paul Boateng MP, Labour\'s Chief Secretary")', () => {
  const analysis = entitiesOf(
    'Minister hits back\n\n"Their sums do not add up," said Tomas Okwera MP, the party\'s Treasury spokesman. Later Tomas Okwera, the Bolton West MP, spoke again.',
  );
  assert.equal(entity(analysis, 'Tomas Okwera', 'person').mentions.length, 2);
  noEntityNamed(analysis, /MP$/);
});

test('a function word opening the sentence is no part of a title ("Under Mr Tellier\'s tenure", "When Prime Minister"); "Under Secretary" is a title', () => {
  const analysis = entitiesOf(
    "Rail chief quits\n\nPaul Vellier, who was also Carrow's president, left the company. Under Mr Vellier's tenure, plans to cut the workforce were announced. Under Secretary of State Ana Ruiz said the plan would stand. When Prime Minister Tom Okafor came, it rained.",
  );
  assert.equal(entity(analysis, 'Tom Okafor', 'person').role, 'Prime Minister');
  assert.equal(entity(analysis, 'Paul Vellier', 'person').role, null);
  assert.equal(entity(analysis, 'Ana Ruiz', 'person').role, 'Under Secretary of State');
});

test('an appositive ends at a clause: "the FT, the regulator has been annoyed" gives the paper no role; "spokesman said" ends the role', () => {
  const analysis = entitiesOf(
    [
      'Car deal delayed',
      '',
      'The tie-up with Harbin Motors has been delayed, according to the Financial Times. According to the FT, the regulator has been annoyed by the disclosure.',
      '',
      'Rhodri Vell Thomas, Plaid Cymru health spokesman said: "It is the same target she set in 1999."',
    ].join('\n'),
  );
  assert.equal(entity(analysis, 'Financial Times', 'organization').role, null);
  assert.equal(entity(analysis, 'Rhodri Vell Thomas', 'person').role, 'Plaid Cymru health spokesman');
});

test('a list of names or a role before another full name is no appositive ("Souness, Ferguson and current Ibrox manager Alex McVell")', () => {
  const analysis = entitiesOf(
    [
      'Can Smith work wonders?',
      '',
      "Walter Smith was praised by Graeme Souness, who took him to Ibrox as his assistant. Characters like Souness, Ferguson and current Ibrox manager Alex McVell all cite Smith's experience.",
      '',
      'The decision was hailed by Rick Santoro, Senator Marco Ruiz and others. Footballers Eric Vell and Tom Okafor, and club manager Sir Alex Ferguson, have lent their backing.',
    ].join('\n'),
  );
  assert.equal(entity(analysis, 'Tom Okafor', 'person').role, null);
  assert.equal(entity(analysis, 'Graeme Souness', 'person').role, null);
  assert.equal(entity(analysis, 'Alex McVell', 'person').role, 'manager');
  assert.equal(entity(analysis, 'Rick Santoro', 'person').role, null);
});

test('a role ends before "said" when a comma is missing ("executive partner of Tods Murray said"), and is no role when a name or "also said" makes it a clause', () => {
  const analysis = entitiesOf(
    [
      'Firm backs plan',
      '',
      'Peter Okafor, executive partner of Tods Vell said Mr Ruiz was right.',
      '',
      'The ruling recalled Dred Vell, Chief Justice Roberts said on Monday. In a call with Ann Vell, the mayor also said that it was too early. The Kurdish fighters of Tom Haddad, Defense Secretary Ash Carter told a panel, did well.',
    ].join('\n'),
  );
  assert.equal(entity(analysis, 'Peter Okafor', 'person').role, 'executive partner of Tods Vell');
  assert.equal(entity(analysis, 'Dred Vell', 'person').role, null);
  assert.equal(entity(analysis, 'Tom Haddad', 'person').role, null);
  assert.equal(entity(analysis, 'Ann Vell', 'person').role, null);
});

test('"Tory" before a full name is a party, no part of the name; a theatre is an organization ("Belfast\'s Lyric Theatre")', () => {
  const analysis = entitiesOf(
    "Migrant plan unveiled\n\nThe Lib Dems say they will look at his plans, but Tory Liam Vell said his party offered a clear choice. Mr Vell agreed.\n\nBelfast's Harbour Theatre is in a dilapidated condition, said its chairman David Okafor.",
  );
  assert.equal(entity(analysis, 'Liam Vell', 'person').mentions.length, 2);
  noEntityNamed(analysis, /^Tory/);
  entity(analysis, 'Harbour Theatre', 'organization');
});

test('a gerund at the end of a title is the title\'s, no one\'s name ("State Minister for National Development Planning"); a surname after a title stays', () => {
  const analysis = entitiesOf(
    'Fuel prices to rise\n\n"The sooner the better," said Sri Mulyani Vell, State Minister for National Development Planning. Minister Evans agreed.',
  );
  noEntityNamed(analysis, /^Planning$/);
  assert.equal(entity(analysis, 'Evans', 'person').role, 'Minister');
});
