// Who said what: each attribution pattern on a small wire-style draft written
// for this test. Every expectation names the speaker of one quotation, or
// says it stays unattributed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../server/src/analysis/analyze';
import { genderOf } from '../../server/src/analysis/attribution';
import { parseDraft } from '../../server/src/analysis/draft';
import { analyzeEntities, type Entity } from '../../server/src/analysis/entities';
import { defaultOptions } from '../../server/src/analysis/types';

function entitiesOf(text: string): Entity[] {
  return analyzeEntities(createContext(parseDraft(text, 'plaintext'), defaultOptions)).entities;
}

/** Each quotation, named by the words it begins with, is credited to exactly these speakers. */
function assertSpeakers(text: string, expected: [quoteStart: string, speakers: string[]][]): void {
  for (const [quoteStart, speakers] of expected) assert.deepEqual(speakersOf(text, quoteStart), speakers, quoteStart);
}

/** Who is credited with the quotation that begins with these words. */
function speakersOf(text: string, quoteStart: string): string[] {
  const entities = entitiesOf(text);
  for (const e of entities) for (const q of e.quotes) assert.equal(text.slice(q.start, q.end), q.text, `quotation range of ${e.name}`);
  return entities
    .filter((e) => e.quotes.some((q) => q.text.startsWith(quoteStart)))
    .map((e) => e.name)
    .sort();
}

test('"he said" after another person was named goes to the nearest man, not the woman named last', () => {
  const text = `Port deal draws fire

Harbor commissioner Daniel Okafor defended the lease on Monday. He spoke after Sen. Karen Raman questioned it.

"The port has never had a better offer on the table," he said.

"We were given two days to read it," she said.
`;
  assert.deepEqual(speakersOf(text, 'The port has never'), ['Daniel Okafor']);
  assert.deepEqual(speakersOf(text, 'We were given two days'), ['Karen Raman']);
});

test('a pronoun with two people of its gender in reach is left unattributed', () => {
  const text = `Budget talks stall

Thomas Greer met Martin Szabo on Tuesday, and Szabo left early.

"Nothing was settled," he said.
`;
  assert.deepEqual(speakersOf(text, 'Nothing was settled'), []);
});

test('a pronoun that opens a paragraph goes to the speaker quoted just before', () => {
  const text = `Clinic to close

"We ran out of money in March," said Helen Ostrow, the clinic's director.

Patients were told on Friday, according to a notice posted by county officials.

She said, "Nobody at the state returned our calls."
`;
  assert.deepEqual(speakersOf(text, 'Nobody at the state'), ['Helen Ostrow']);
});

test('"the mayor said" goes to the one person the story made mayor', () => {
  const text = `Snow budget runs dry

Mayor Lena Fortescue asked the council for $2 million on Monday. Council President Raul Ibarra said the money was not there.

"We will plow every street before we buy a single new truck," the mayor said.
`;
  assert.deepEqual(speakersOf(text, 'We will plow every street'), ['Lena Fortescue']);
});

test('a role noun that no one, or two people, were given stays unattributed', () => {
  const text = `Court delays ruling

Judge Ann Park and Judge Omar Haddad heard the case on Monday.

"The record is incomplete," the judge said.

"Come back in June," the senator said.
`;
  assert.deepEqual(speakersOf(text, 'The record is incomplete'), []);
  assert.deepEqual(speakersOf(text, 'Come back in June'), []);
});

test('a quotation that runs over several paragraphs keeps its speaker', () => {
  const text = `Strike ends

"We did not get everything we asked for," union president Carla Mendes said on Sunday. "But we got the raise.

"And we got the pensions back, which nobody thought we could," she said.

"Members vote on Tuesday."

The company did not comment.

"It is a fair deal."
`;
  assert.deepEqual(speakersOf(text, 'We did not get everything'), ['Carla Mendes']);
  assert.deepEqual(speakersOf(text, 'But we got the raise'), ['Carla Mendes']);
  assert.deepEqual(speakersOf(text, 'And we got the pensions'), ['Carla Mendes']);
  // A paragraph that is nothing but quotation, right after the speaker, is still hers.
  assert.deepEqual(speakersOf(text, 'Members vote on Tuesday'), ['Carla Mendes']);
  // After a paragraph of narration, nobody is named: the run is over.
  assert.deepEqual(speakersOf(text, 'It is a fair deal'), []);
});

test('a joint statement is credited to every signer', () => {
  const text = `Senators back bridge

"This bridge is overdue by twenty years," said Sen. Ruth Calloway and Sen. Victor Lindqvist.

Ruth Calloway and Victor Lindqvist wrote to the governor on Friday. "We expect an answer this month," the two said in a statement.
`;
  assert.deepEqual(speakersOf(text, 'This bridge is overdue'), ['Ruth Calloway', 'Victor Lindqvist']);
  assert.deepEqual(speakersOf(text, 'We expect an answer'), ['Ruth Calloway', 'Victor Lindqvist']);
});

test('"X says Y is ..." credits X, and "told Y" never makes the listener the speaker', () => {
  const text = `Race tightens

Gov. Mark Delaney says Sen. Joan Whitcomb is "not ready to lead." Delaney told Whitcomb's aides on Friday that he would "debate anywhere."
`;
  assert.deepEqual(speakersOf(text, 'not ready to lead'), ['Mark Delaney']);
  assert.deepEqual(speakersOf(text, 'debate anywhere'), ['Mark Delaney']);
});

test('an inverted attribution with a title, and one through an appositive', () => {
  const text = `Water rates rise

"Rates have not moved since 2011," said Finance Minister Tomas Eriksen.

Nadia Farouk, a spokeswoman for the utility, said customers "will see it in April."
`;
  assert.deepEqual(speakersOf(text, 'Rates have not moved'), ['Tomas Eriksen']);
  assert.deepEqual(speakersOf(text, 'will see it in April'), ['Nadia Farouk']);
});

test('a sentence subject with another verb still speaks: "Bush called the plan “...”"', () => {
  const text = `Candidates trade barbs

Senator Gloria Abara called the proposal "a tax on working families," calling for a vote.
`;
  assert.deepEqual(speakersOf(text, 'a tax on working families'), ['Gloria Abara']);
});

test('gender comes from the first name, an honorific or a gendered role, else it is unknown', () => {
  const text = `Notes

Margaret Oduya met Mr. Castellanos and Paul Brennan. Ikenna Obi, a spokeswoman, said nothing.
`;
  const entities = entitiesOf(text);
  const genderOfName = (name: string) =>
    genderOf(
      entities.find((e) => e.name === name)!,
      text,
    );
  assert.equal(genderOfName('Margaret Oduya'), 'female');
  assert.equal(genderOfName('Paul Brennan'), 'male');
  assert.equal(genderOfName('Castellanos'), 'male');
  assert.equal(genderOfName('Ikenna Obi'), 'female');
});

test('accents, emoji and CRLF never shift a credited quotation', () => {
  const text = 'Café 🎉 reopens\r\n\r\n"We missed the regulars 😊," said owner Zoë Ångström.\r\n\r\n"It felt like forever," she said.\r\n';
  assert.deepEqual(speakersOf(text, 'We missed the regulars'), ['Zoë Ångström']);
  assert.deepEqual(speakersOf(text, 'It felt like forever'), ['Zoë Ångström']);
});

test('a party and state after the name, in parentheses or between commas, still leads to the verb', () => {
  const text = `Dam bill advances

"The valley has waited long enough," Rep. Walter Okonjo (D-Ore.) said Friday.

"We will not vote for a blank check," Sen. Irene Castell, R-Idaho, said.
`;
  assert.deepEqual(speakersOf(text, 'The valley has waited'), ['Walter Okonjo']);
  assert.deepEqual(speakersOf(text, 'We will not vote'), ['Irene Castell']);
});

test('a credit line after the quotation ("“...” ― Name") credits that name and no other quotation', () => {
  const text = `Readers on the debate

“He never answered the question.” ― Marisol Quintana “It was a draw at best.” ― Tobias Lindgren.
`;
  assert.deepEqual(speakersOf(text, 'He never answered'), ['Marisol Quintana']);
  assert.deepEqual(speakersOf(text, 'It was a draw'), ['Tobias Lindgren']);
});

test('the present progressive of running stories and verbs that take an object before the quotation', () => {
  const text = `The latest on the race

Gov. Harold Brandt is calling the new map "a gift to the incumbents."

Councilwoman Dana Whitfield blasted the audit as "sloppy and late."
`;
  assert.deepEqual(speakersOf(text, 'a gift to the incumbents'), ['Harold Brandt']);
  assert.deepEqual(speakersOf(text, 'sloppy and late'), ['Dana Whitfield']);
});

test('"he said" in a new paragraph goes to the nearest subject, past a name in the same sentence', () => {
  const text = `Talks collapse

Union leader Gregory Amadi, who negotiated with Mayor Paul Brennan for six weeks, walked out of the talks on Monday.

"We are done waiting," he said.
`;
  assert.deepEqual(speakersOf(text, 'We are done waiting'), ['Gregory Amadi']);
});

test('"he said" after another man was named in a later sentence than the subject stays unattributed', () => {
  const text = `Talks collapse

Union leader Gregory Amadi walked out of the talks on Monday. The walkout surprised Mayor Paul Brennan.

"We are done waiting," he said.
`;
  assert.deepEqual(speakersOf(text, 'We are done waiting'), []);
});

test('a narration that names a speaker ("..., noted analyst Rhea Banks.") makes her the antecedent', () => {
  const text = `Debate watch

Debates rarely move the polls, noted pollster Rhea Banks.

"Voters have mostly made up their minds by October," she wrote.
`;
  assert.deepEqual(speakersOf(text, 'Voters have mostly made up'), ['Rhea Banks']);
});

test('a chain of "She ..." sentences carries the antecedent across paragraphs and past a woman named as an object', () => {
  const text = `Attorney general speaks out

Attorney General Miriam Okafor spoke to students in Atlanta on Tuesday.

She has faced criticism since meeting with Gov. Helen Park in June. She said the meeting was brief.

"Nobody asked me about it until now," she said.
`;
  assert.deepEqual(speakersOf(text, 'Nobody asked me about it'), ['Miriam Okafor']);
});

test('an inverted verb before a described name, and one that opens its sentence', () => {
  const text = `Levee vote splits county

"This is a scripted show and we are all props," said county delegate Ruth Calloway, who voted no.

"It will hold for a century," said a Calloway aide.

Said Marcus Obi: "The engineers signed off twice."
`;
  assert.deepEqual(speakersOf(text, 'This is a scripted'), ['Ruth Calloway']);
  // "a Calloway aide" is someone else: the name stands as an adjective before a role.
  assert.deepEqual(speakersOf(text, 'It will hold'), []);
  assert.deepEqual(speakersOf(text, 'The engineers signed'), ['Marcus Obi']);
});

test('a longer appositive, a place after the name, and phrasal verbs of saying', () => {
  const text = `Mill closure

Nadia Fenwick, 44, of Duluth, Minn., who worked at the mill for 20 years, said the town "will not recover from this."

Rep. Tomas Vidal of Minnesota, an ally of the union, said the company "broke every promise it made."

"That is simply false," Grant Ekberg shot back on Tuesday.
`;
  assert.deepEqual(speakersOf(text, 'will not recover'), ['Nadia Fenwick']);
  assert.deepEqual(speakersOf(text, 'broke every promise'), ['Tomas Vidal']);
  assert.deepEqual(speakersOf(text, 'That is simply false'), ['Grant Ekberg']);
});

test('a naming verb credits the quotation after its object, never the one before it', () => {
  const text = `Governors trade barbs

Gov. Ellen Marsh refers to her rival as "the senator," while Gov. Peter Lund refers to her as "Ellen."
`;
  assert.deepEqual(speakersOf(text, 'the senator'), ['Ellen Marsh']);
  assert.deepEqual(speakersOf(text, 'Ellen.'), ['Peter Lund']);
});

test('"according to" a described name, and a colon that ends a paragraph hands the next quotation to its speaker', () => {
  const text = `Transit levy

According to veteran transit planner Ola Brandt, the levy is "the last chance for the buses."

Brandt continued:

"Without it, the night routes close in March."

The county board met later.

"Nobody asked us," a rider said.
`;
  assert.deepEqual(speakersOf(text, 'the last chance'), ['Ola Brandt']);
  assert.deepEqual(speakersOf(text, 'Without it'), ['Ola Brandt']);
  // A paragraph without a colon still ends the run: the rider is no one named.
  assert.deepEqual(speakersOf(text, 'Nobody asked'), []);
});

test('"in X\'s words" and "in the words of X" credit the quotation to the name', () => {
  const text = `Ferry fares

Ola Brandt chairs the ferry board. The fare rise was dropped because, in Ola Brandt's words, "nobody rides a boat they cannot afford."

Fares will stay flat. In the words of harbor commissioner Daniel Okafor, "the crossing is a public road."

In her own words, the mayor called the vote "a relief."
`;
  assert.deepEqual(speakersOf(text, 'nobody rides'), ['Ola Brandt']);
  assert.deepEqual(speakersOf(text, 'the crossing'), ['Daniel Okafor']);
});

test('"in X\'s view" closing the sentence credits the quotation before it', () => {
  const text = `Harbor review

Harbor commissioner Daniel Okafor reviewed the port's books for a month.

"This is not one or two things you can fix - it's an across-the-board failure" from the cranes to the ferries, in Okafor's view.

"The board saw it coming," in the mayor's view, was the unkindest line of the report.
`;
  assert.deepEqual(speakersOf(text, 'This is not one or two'), ['Daniel Okafor']);
  assert.deepEqual(speakersOf(text, 'The board saw it coming'), []);
});

test('a speech or interview between the subject and its verb: "Okafor in his budget speech called the levy “...”"', () => {
  const text = `Transit levy

Harbor commissioner Daniel Okafor in his budget speech called the levy "a lifeline for the night buses."

Sen. Karen Raman during a radio interview said the plan was "a tax on commuters."
`;
  assert.deepEqual(speakersOf(text, 'a lifeline'), ['Daniel Okafor']);
  assert.deepEqual(speakersOf(text, 'a tax on'), ['Karen Raman']);
});

test('a clause after "but" introduces the next quotation, not the one before it', () => {
  const text = `Footage released

Chief Ana Ruiz, the county's police chief, said the video did not give "definitive visual evidence," but he said the footage "supports the officers' account."

Del. Hugh Barrow said the release was "long overdue."
`;
  assert.deepEqual(speakersOf(text, 'definitive visual'), ['Ana Ruiz']);
  // "Del." is a title, not the end of a sentence.
  assert.deepEqual(speakersOf(text, 'long overdue'), ['Hugh Barrow']);
});

test('"... and said" gives the subject a second verb of saying; "wrote X for Y" credits the writer, never Y', () => {
  const text = `Budget talks

Senate leader Carl Moody embraced the deal on Thursday and said it was "very competitive."

"The impact is still small," wrote Cameron Easley for Harbor Analytics. "Few voters changed their minds."

Mayors Ruth Gale and Tom Abbey call the cuts "a slow eviction."
`;
  assert.deepEqual(speakersOf(text, 'very competitive'), ['Carl Moody']);
  assert.deepEqual(speakersOf(text, 'The impact is'), ['Cameron Easley']);
  // Never the publication named after "for" (with it named since the writer, the next quotation stays unattributed).
  assert.deepEqual(speakersOf(text, 'Few voters'), []);
  // A writer the recognizer misses leaves the quotation unattributed, never to the publication.
  const unknownWriter = text.replace(/Cameron Easley/g, 'Ida Vance');
  assert.ok(!speakersOf(unknownWriter, 'The impact is').includes('Harbor Analytics'));
  assert.deepEqual(speakersOf(text, 'a slow eviction'), ['Ruth Gale', 'Tom Abbey']);
});

test('a name and a colon introduce a quotation; an inverted verb after more of a quoted sentence', () => {
  const text = `Debate night

Sen. Bernie Sanders and Gov. Lena Ortiz met on stage in Des Moines. Asked about taxes, Sanders: "We need a political revolution."

"This will be a challenge" for the governor, said Marta Kunin.

Benjamin Rhodes, one of the president's closest aides, recalled Mr. Obama reading "Collapse" on the plane.
`;
  assert.deepEqual(speakersOf(text, 'We need a political'), ['Bernie Sanders']);
  assert.deepEqual(speakersOf(text, 'This will be a challenge'), ['Marta Kunin']);
  // The comma closes Rhodes's appositive: Obama is the object of "recalled", not an inverted speaker.
  assert.ok(!speakersOf(text, 'Collapse').some((name) => /Obama/.test(name)));
});

test('a place as a later appositive segment, an "of" phrase with its own "of", a comma after the party tag', () => {
  const text = `Primary day

Dean Okoro, a 55-year-old salesman from Sumter, South Carolina, says Cruz will "leave here with momentum."

Archbishop Aris Vartanian of the Armenian Patriarchate of Jerusalem told reporters, "We have suffered the same fate."

Gov. John Kasich (R-Ohio), said, "I'm getting ready to rent a covered wagon."
`;
  assert.deepEqual(speakersOf(text, 'leave here'), ['Dean Okoro']);
  assert.deepEqual(speakersOf(text, 'We have suffered'), ['Aris Vartanian']);
  assert.deepEqual(speakersOf(text, "I'm getting ready"), ['John Kasich']);
});

test('"told" after a quotation and an appositive names the listener, never a speaker', () => {
  const text = `Senate race

"Ted Cruz is not my favorite by any means," Lindsey Graham, a former candidate, told CBS News on Sunday. "He is not my choice."
`;
  assert.deepEqual(speakersOf(text, 'Ted Cruz is not'), ['Lindsey Graham']);
  assert.ok(!speakersOf(text, 'He is not my choice').includes('CBS News'));
});

test('a long comma list of joint subjects is read in linear time, not by trying every split', () => {
  const given = ['Anna', 'Boris', 'Carla', 'David', 'Elena', 'Frank', 'Grace', 'Henry', 'Irene', 'James'];
  const family = ['Okafor', 'Szabo', 'Raman', 'Greer', 'Ostrow', 'Moreau'];
  const names = given.flatMap((g) => family.map((f) => `${g} ${f}`));
  assert.equal(names.length, 60);
  const text = `Council vote

Paul Brandt and ${names.join(', ')} said they were "tired of waiting for the county."
`;
  const speakers = speakersOf(text, 'tired of waiting');
  assert.ok(speakers.includes('Paul Brandt'));
  assert.ok(speakers.includes('James Moreau'));
});

test('"says he\'s" after a named subject belongs to that subject, and adverbs or a time may stand before the verb', () => {
  const text = `Budget fight

Gov. Mark Delaney accuses the council of "playing games" and Mayor Ruth Calloway says she is "done waiting for Albany."

Thomas Greer however said the plan was "a good start." Karen Raman at the time said it was "dead on arrival." Martin Szabo later Thursday told reporters the vote was "a formality."
`;
  assert.deepEqual(speakersOf(text, 'playing games'), ['Mark Delaney']);
  assert.deepEqual(speakersOf(text, 'done waiting'), ['Ruth Calloway']);
  assert.deepEqual(speakersOf(text, 'a good start'), ['Thomas Greer']);
  assert.deepEqual(speakersOf(text, 'dead on arrival'), ['Karen Raman']);
  assert.deepEqual(speakersOf(text, 'a formality'), ['Martin Szabo']);
});

test('a joint subject with titles between the names is credited whole; one after "while" opens another clause', () => {
  const text = `Map redrawn

"The court has handed the election to the other party," state Senate leader Daniel Okafor and House Speaker Ruth Calloway said in a statement.

Gov. Mark Delaney said he would "sign whatever reaches my desk," while Mayor Karen Raman and Sen. Victor Lindqvist said nothing.
`;
  assert.deepEqual(speakersOf(text, 'The court has handed'), ['Daniel Okafor', 'Ruth Calloway']);
  assert.deepEqual(speakersOf(text, 'sign whatever reaches'), ['Mark Delaney']);
});

test('a party tag before the verb, more participles of saying, and a name with its participle after "with" or "footage of"', () => {
  const text = `Pier plan stalls

In a statement released Thursday, Rep. Ruth Calloway (D-Ore.) reacted to the vote, responding that the board had "ignored every warning."

Council members were irritated by the lack of detail, with Sen. Victor Lindqvist calling the plan "a takeout menu."

The ad ends with footage of Mayor Karen Raman asking, "Why would anyone build here?"

Thomas Greer wrote a letter to Martin Szabo asking for "a full review."
`;
  assert.deepEqual(speakersOf(text, 'ignored every warning'), ['Ruth Calloway']);
  assert.deepEqual(speakersOf(text, 'a takeout menu'), ['Victor Lindqvist']);
  assert.deepEqual(speakersOf(text, 'Why would anyone'), ['Karen Raman']);
  assert.deepEqual(speakersOf(text, 'a full review'), ['Thomas Greer']);
});

test('a name with its participle after a dash or a joining "and", and "by saying" credit the speaker', () => {
  const text = `Pier talks

The two leaders met for an hour on the pier — Mayor Karen Raman saying afterward she was "cautiously hopeful" and Sen. Victor Lindqvist calling it "a good start."

Sen. Victor Lindqvist ended the hearing by saying the board had "run out of excuses."
`;
  assert.deepEqual(speakersOf(text, 'cautiously hopeful'), ['Karen Raman']);
  assert.deepEqual(speakersOf(text, 'a good start'), ['Victor Lindqvist']);
  assert.deepEqual(speakersOf(text, 'run out of excuses'), ['Victor Lindqvist']);
});

test('"said of Cole" and "wrote to Ames:" name whom the quotation is about, never its speaker', () => {
  const text = `Ferry dispute

"She was never going to back down," Sen. Victor Lindqvist said of Ruth Calloway.

Mayor Karen Raman wrote to Thomas Greer: "Your offer expired on Friday."

Greer: "The ferry runs on Monday."
`;
  assert.deepEqual(speakersOf(text, 'She was never going'), ['Victor Lindqvist']);
  assert.deepEqual(speakersOf(text, 'Your offer expired'), ['Karen Raman']);
  assert.deepEqual(speakersOf(text, 'The ferry runs'), ['Thomas Greer']);
});

test('"himself" or "last week" before the verb, an appositive between dashes, and a name inside the speaker\'s own appositive', () => {
  const text = `Ferry vote

Greer himself said last month that the fare was "too high by half."

Karen Raman last week told the council it was "time to decide."

Ruth Calloway — named by many as a likely successor to Gov. Mark Delaney — told reporters she was "not running."

Paul Coan, Szabo's attorney, argued that the vote was never properly called. "The board broke its own rules."
`;
  assert.deepEqual(speakersOf(text, 'too high by half'), ['Greer']);
  assert.deepEqual(speakersOf(text, 'time to decide'), ['Karen Raman']);
  assert.deepEqual(speakersOf(text, 'not running'), ['Ruth Calloway']);
  assert.deepEqual(speakersOf(text, 'The board broke'), ['Paul Coan']);
});

test('a person\'s own statement or campaign speaks for them: "Raman\'s statement said", "Greer\'s campaign called it “...”"', () => {
  const text = `Levy fight

However, Mayor Karen Raman's written statement said the levy was "the only honest option."

Thomas Greer's campaign called the levy "a tax on every ferry ticket."

Szabo's lawyer Paul Coan said the case was "far from over."
`;
  assert.deepEqual(speakersOf(text, 'the only honest option'), ['Karen Raman']);
  assert.deepEqual(speakersOf(text, 'a tax on every'), ['Thomas Greer']);
  assert.ok(!speakersOf(text, 'far from over').includes('Szabo'));
});

test('a name after an article, as the modifier of what it put out, speaks through it: "the Harbor Authority report stated", "A Harbor Authority statement said"', () => {
  const text = `Ferry levy

The Harbor Authority cut its forecast for ferry traffic on Tuesday.

"Although the spring figures were reassuring, the outlook for the winter remains very unclear," the Harbor Authority report stated.

A Harbor Authority statement said the levy was "the only way to keep the boats running."

The report by Thomas Greer was "a hatchet job," said Mayor Karen Raman.
`;
  assert.deepEqual(speakersOf(text, 'Although the spring'), ['Harbor Authority']);
  assert.deepEqual(speakersOf(text, 'the only way to keep'), ['Harbor Authority']);
  assert.deepEqual(speakersOf(text, 'a hatchet job'), ['Karen Raman']);
});

test('two leading phrases may stand before the subject, but a reported "that" clause is no lead', () => {
  const text = `Levy fight

Speaking at a town hall in Salem, New Hampshire, Thomas Greer went after Szabo, calling him "a total stiff."

Following a swiftly called, late-night meeting, the Harbor Board issued a statement calling the levy "a clear violation" of the charter.

Daniel Okafor joked that, among council members, Martin Szabo ranks last.

"I have never lost a vote in this town," he told the group.
`;
  assert.deepEqual(speakersOf(text, 'a total stiff'), ['Thomas Greer']);
  assert.deepEqual(speakersOf(text, 'a clear violation'), ['Harbor Board']);
  // Szabo is the subject of Okafor's reported clause, not of a sentence: never the antecedent of "he".
  assert.ok(!speakersOf(text, 'I have never lost').includes('Martin Szabo'));
});

test('a name in apposition takes any verb of saying or naming after its comma', () => {
  const text = `Levy fight

Her chief policy aide, Daniel Okafor, calls the levy "a blueprint for the whole coast."

His former partner at the yard, Lawrence B. Quint, praised him as a master of hard bargains. "He never left a deal on the table."
`;
  assert.deepEqual(speakersOf(text, 'a blueprint'), ['Daniel Okafor']);
  assert.deepEqual(speakersOf(text, 'He never left'), ['Lawrence B. Quint']);
});

test('"as Cruz said" right after a quotation credits it; "as" that opens a later clause does not', () => {
  const text = `Levy fight

The fact that the vote is "a dead heat right now," as Greer said on a radio program Monday, only raises the stakes.

"We will not budge," Karen Raman said. As Martin Szabo left the room, the mayor waved.
`;
  assert.deepEqual(speakersOf(text, 'a dead heat'), ['Greer']);
  assert.deepEqual(speakersOf(text, 'We will not budge'), ['Karen Raman']);
});

test('present-tense verbs of saying: "agrees Mona Vale", "she yells"', () => {
  const text = `Ferry vote

"Our idea of success is different," agrees Mona Vale, 30, of Astoria.

Karen Raman can be heard calling to the captain.

"Turn the boat around," she yells from the pier.
`;
  assert.deepEqual(speakersOf(text, 'Our idea of success'), ['Mona Vale']);
  assert.deepEqual(speakersOf(text, 'Turn the boat around'), ['Karen Raman']);
});

test('a day between a subject and its verb, and "And then" before the subject, still lead to ", saying"', () => {
  const text = `Levy fight

Thomas Greer on Thursday ratcheted up his attacks on the board, saying it was "asleep at the wheel."

And then Karen Raman went fully on the attack, saying, "The levy is dead."
`;
  assert.deepEqual(speakersOf(text, 'asleep at the wheel'), ['Thomas Greer']);
  assert.deepEqual(speakersOf(text, 'The levy is dead'), ['Karen Raman']);
});

test('"issued the following statement:" at the end of a paragraph hands the next quotation to its subject', () => {
  const text = `Ferry sinks

After the rescue, Gov. Mark Delaney issued the following statement:

"Our thoughts are with the crew and their families tonight."
`;
  assert.deepEqual(speakersOf(text, 'Our thoughts are with'), ['Mark Delaney']);
});

test('an inverted verb after a sentence that holds a quotation, or before one, credits its speaker', () => {
  const text = `Port vote

Pair a new terminal with a "port authority that never sleeps" and the neighbors get nervous, said Rosa Delgado, a harbor activist.

Because of how the lease was written, explained Thomas Greer, "the city carries all the risk."
`;
  assert.deepEqual(speakersOf(text, 'port authority that never sleeps'), ['Rosa Delgado']);
  assert.deepEqual(speakersOf(text, 'the city carries all the risk'), ['Thomas Greer']);
});

test('a possessive before the title of an inverted speaker: "added his campaign manager Jeff Ames"', () => {
  const text = `Senate race

"We will win the county," Sen. Karen Raman said on Tuesday.

"We're going to start chipping away at the lead," added her campaign manager Jeff Ames.
`;
  assert.deepEqual(speakersOf(text, "We're going to start chipping"), ['Jeff Ames']);
});

test('a wire dateline before the subject does not hide it: "Washington (AFP) – Ann Lowe ..., saying"', () => {
  const text = `Lowe faults plan

Washington (AFP) – Ann Lowe has taken a swipe at the harbor plan, saying that "bombastic promises" do more harm than good.
`;
  assert.deepEqual(speakersOf(text, 'bombastic promises'), ['Ann Lowe']);
});

test('a credit line under a paragraph of quotation, "- Karen Raman.", or after the quotation with a hyphen, credits it', () => {
  const text = `The claims

"Almost all new income is going to the top 1 percent."

- Karen Raman.

The numbers changed over the summer.

"The levy will pay for itself." -Thomas Greer.
`;
  assert.deepEqual(speakersOf(text, 'Almost all new income'), ['Karen Raman']);
  assert.deepEqual(speakersOf(text, 'The levy will pay'), ['Thomas Greer']);
});

test("a narration paragraph that ends with a named speaker's verb of saying hands a paragraph of bare quotation to them", () => {
  const text = `Levy fight

"The board was asleep," Thomas Greer said on Monday.

Mayor Karen Raman said the city would not back down.

"We have the votes, and we will use them."

Greer said the board would meet again, and Raman agreed.

"Nobody wants another delay."
`;
  assert.deepEqual(speakersOf(text, 'We have the votes'), ['Karen Raman']);
  assert.deepEqual(speakersOf(text, 'Nobody wants another delay'), []);
});

test('a period inside a closing mark ends the sentence around the quotation, so the next sentence has its own subject', () => {
  const text = `Levy fight

Greer spoke first, and he took credit for "being right about the levy." And then Karen Raman went fully on the attack, saying, "The board slept through it."
`;
  assert.deepEqual(speakersOf(text, 'The board slept'), ['Karen Raman']);
});

test('a participle clause after a pronoun subject goes to the person the pronoun names', () => {
  const text = `Levy fight

Karen Raman spoke for an hour on Monday. "We will not budge," she said.

She escalated her criticism on Tuesday, telling reporters that the board was "asleep at the wheel."
`;
  assert.deepEqual(speakersOf(text, 'asleep at the wheel'), ['Karen Raman']);
});

test('an organization named after the verb of an earlier clause does not interrupt it for a quotation that opens the next sentence', () => {
  const text = `Rates

"The window is closing," said Megan Ross, an economist at Harbor Bank.

Ross added that the Federal Reserve wants to act before the election. "They don't like to talk about it, but the calendar matters."
`;
  assert.deepEqual(speakersOf(text, "They don't like to talk"), ['Megan Ross']);
});

test('a phrase of time before the subject is no subordinate clause: "Before the convention, Police Chief Calvin Ward lobbied ..., saying"', () => {
  const text = `Open carry

Before the convention, Police Chief Calvin Ward lobbied to suspend open-carry rights downtown, saying, "The fewer guns, the better."

After Ward spoke, Karen Raman left the room. "Nobody asked us," she said later.
`;
  assert.deepEqual(speakersOf(text, 'The fewer guns'), ['Calvin Ward']);
  assert.deepEqual(speakersOf(text, 'Nobody asked us'), ['Karen Raman']);
});

test('"Reid said both Rubio and Cruz are “...”" is Reid\'s clause, not a joint statement; "“...,” said both" still is', () => {
  const text = `Senate feud

Harry Reid blasted Rubio and defended Cruz in an interview. Reid said both Rubio and Cruz are "non-entities in the Senate."

Ann Lowe and Tom Greer met on Monday. "We agree on nothing," said both.
`;
  assert.deepEqual(speakersOf(text, 'non-entities'), ['Harry Reid']);
  assert.deepEqual(speakersOf(text, 'We agree on nothing'), ['Ann Lowe', 'Tom Greer']);
});

test("a quoted title inside the speaker's appositive does not hide the verb, and is not credited as speech", () => {
  const text = `Viral news

Mark Hemsley, the co-author of "Going Viral," about the spread of rumors, said the days when the nation had "a somewhat unifying story" are gone.
`;
  assert.deepEqual(speakersOf(text, 'a somewhat unifying story'), ['Mark Hemsley']);
  assert.deepEqual(speakersOf(text, 'Going Viral'), []);
});

test('a clause after the quotation opened by "until", "unless", "since" or "once" is another clause\'s', () => {
  const text = `Primary

Tom Sims says he was "kind of riding the fence" until Gov. Nikki Haley said she was backing the senator.
`;
  assert.deepEqual(speakersOf(text, 'kind of riding the fence'), ['Tom Sims']);
});

test('a name and a colon after a dash, after a party tag, or for two names introduce the quotation', () => {
  const text = `Poll roundup

TURNOUT SURGED IN THE SUBURBS - Ida Vance: "Late deciders broke two to one for the challenger."

Models disagree — Tom Abbey and Ruth Gale: "Our weighting held up better than the raw numbers."

Rep. Karen Raman (D-Ore.): "I have not seen that figure anywhere else."

A message went out to Daniel Okafor: "Call the office before noon."
`;
  assert.deepEqual(speakersOf(text, 'Late deciders'), ['Ida Vance']);
  assert.deepEqual(speakersOf(text, 'Our weighting'), ['Ruth Gale', 'Tom Abbey']);
  assert.deepEqual(speakersOf(text, 'I have not seen'), ['Karen Raman']);
  // The name after "to" is whom the message went to, not its speaker.
  assert.deepEqual(speakersOf(text, 'Call the office'), []);
});

test("a person's claim, pledge or comment names the speaker of the quotation it holds, in its own sentence only", () => {
  const text = `Harbor lease

Mayor Daniel Okafor's repeated claim that the lease is "the best deal in a generation" drew scorn from the union.

Union leaders called Karen Raman's pledge to "fight it in every court" the only serious plan. "We will be there," a steward said.

Councilman Tom Abbey's "open the books" remark went unanswered. "Nobody reads them anyway."

Okafor's response to the "Harbor Watch" report came late.

Ruth Gale told reporters that Okafor's comments "show contempt for the workers."

Ruth Gale called Okafor's claim of a "record offer" over the summer "pure fiction."
`;
  assert.deepEqual(speakersOf(text, 'the best deal'), ['Daniel Okafor']);
  assert.deepEqual(speakersOf(text, 'fight it in every'), ['Karen Raman']);
  assert.deepEqual(speakersOf(text, 'open the books'), ['Tom Abbey']);
  // The next sentence's quotation is not the pledge's, and a response "to" something quotes what it answers.
  assert.deepEqual(speakersOf(text, 'We will be there'), []);
  assert.deepEqual(speakersOf(text, 'Nobody reads'), []);
  assert.deepEqual(speakersOf(text, 'Harbor Watch'), []);
  // A quotation right after the noun is the reported clause's verb; the claim holds its own quotation and no later one.
  assert.deepEqual(speakersOf(text, 'show contempt'), ['Ruth Gale']);
  assert.deepEqual(speakersOf(text, 'record offer'), ['Daniel Okafor']);
  assert.deepEqual(speakersOf(text, 'pure fiction'), ['Ruth Gale']);
});

test('a claim holds its quotation past a name inside it, after "is that", and a named post introduces one with a colon', () => {
  const text = `Harbor lease

Mayor Daniel Okafor's accusation that Sen. Karen Raman is "selling the harbor" angered her staff.

Okafor's latest claim that Raman called the lease "a theft" went unanswered.

Councilman Tom Abbey's main claim is that the port is "already bankrupt" and cannot pay.

Raman has not spoken since. From Raman's Facebook post: "We will keep the harbor public."
`;
  assert.deepEqual(speakersOf(text, 'selling the harbor'), ['Daniel Okafor']);
  // Raman's own verb of saying: the quotation may be hers, so the claim does not take it.
  assert.ok(!speakersOf(text, 'a theft').includes('Daniel Okafor'));
  assert.deepEqual(speakersOf(text, 'already bankrupt'), ['Tom Abbey']);
  assert.deepEqual(speakersOf(text, 'We will keep'), ['Karen Raman']);
});

test('"that day" in a leading phrase of time is no reported clause: the subject after it still speaks', () => {
  const text = `Harbor lease

"The lease stands," Mayor Daniel Okafor said in an interview with MSNBC. In a radio interview later that day, Okafor went further: "The union has never read it."

Sen. Karen Raman said that Okafor went further: "Nobody has read it."
`;
  assert.deepEqual(speakersOf(text, 'The union has never'), ['Daniel Okafor']);
  assert.ok(!speakersOf(text, 'Nobody has read').includes('Daniel Okafor'));
});

test('"pressed", "questioned", "remembered" and "reacted" are verbs of saying', () => {
  const text = `Harbor lease

"Where did the money go?" Sen. Karen Raman pressed.

"What changed since March?" Tom Abbey questioned.

"We signed it on a napkin," Mayor Daniel Okafor remembered.

"That is a fantasy," Ruth Gale reacted.
`;
  assert.deepEqual(speakersOf(text, 'Where did the money'), ['Karen Raman']);
  assert.deepEqual(speakersOf(text, 'What changed'), ['Tom Abbey']);
  assert.deepEqual(speakersOf(text, 'We signed it'), ['Daniel Okafor']);
  assert.deepEqual(speakersOf(text, 'That is a fantasy'), ['Ruth Gale']);
});

test('a subject with "was" before a participle or an adjective speaks the "and said" of its sentence, but no bare quotation', () => {
  const text = `Harbor lease

As the crowd began to chant, Mayor Daniel Okafor was joined on stage by the harbor master and joked, "Nobody here has read it either."

Sen. Karen Raman was asked by the moderator, "Will you sign the lease?"
`;
  assert.deepEqual(speakersOf(text, 'Nobody here'), ['Daniel Okafor']);
  // The one asked is not the speaker of the question.
  assert.deepEqual(speakersOf(text, 'Will you sign'), []);
});

test('a subordinate clause that names no one leaves the subject after its comma; a campaign or office as subject speaks for its owner in a participle clause', () => {
  const text = `Harbor levy

If he wins the runoff, Daniel Okafor has indicated he would try to rein in the board, vowing to "open up" its books.

Karen Raman's campaign shrugged off the poll on Tuesday, telling reporters, "Nobody on this team reads polls."

Greta Lind's office took the unusual step of criticizing the auditors, accusing them of "sloppy arithmetic."

If you doubt the figures, the Harbor Ledger will call you a crank and the board will accuse you of a "panic attack."
`;
  assert.deepEqual(speakersOf(text, 'open up'), ['Daniel Okafor']);
  assert.deepEqual(speakersOf(text, 'Nobody on this team'), ['Karen Raman']);
  assert.deepEqual(speakersOf(text, 'sloppy arithmetic'), ['Greta Lind']);
  // Past such a clause the subject takes a participle of saying, not a bare quotation.
  assert.deepEqual(speakersOf(text, 'panic attack'), []);
});

test('a role noun that opens its sentence ("The mayor told ...") credits the one person given that role, unless a place before it does not fit them', () => {
  const text = `Harbor levy

Mayor Karen Raman met the harbor board on Monday.

The mayor told reporters the levy was "dead on arrival."

The vote came a day after an appearance with Sen. Daniel Okafor, R-Iowa. The Florida senator told reporters the budget was "a fantasy."
`;
  const abbreviated = `Budget

Sen. Ann Lindqvist, R-Fla., spoke first on Tuesday.

"The numbers do not add up," the Florida senator said.
`;
  assert.deepEqual(speakersOf(text, 'dead on arrival'), ['Karen Raman']);
  assert.deepEqual(speakersOf(text, 'a fantasy'), []);
  // The state's abbreviation in the party tag names the place.
  assert.deepEqual(speakersOf(abbreviated, 'The numbers do not'), ['Ann Lindqvist']);
});

test('a pronoun with a naming verb ("He called it “shameful”") credits the person the pronoun names, for the quotation after it', () => {
  const text = `Harbor levy

Daniel Okafor brought up the levy himself on Monday. He called it "a tax on the working waterfront" and left the podium.
`;
  assert.deepEqual(speakersOf(text, 'a tax on the working'), ['Daniel Okafor']);
});

test('an inverted verb before a party title credits the person named after it: "said ranking Democrat Elena Marsh", "said House Democrat Lena Ortiz"', () => {
  const text = `Harbor bill stalls

Lawmakers argued over the harbor bill on Tuesday.

"The committee has wasted a year on this," said Oversight ranking Democrat Elena Marsh (D-Ore.).

"We will try again in March," said House Democrat Lena Ortiz.
`;
  assert.deepEqual(speakersOf(text, 'The committee has wasted'), ['Elena Marsh']);
  assert.deepEqual(speakersOf(text, 'We will try again'), ['Lena Ortiz']);
});

test('a capitalised pronoun after a quotation that ends in "!" or "?" opens the next sentence: the quotation keeps its own clause', () => {
  const text = `Harbor levy

After the vote, Daniel Okafor wrote to the mayor, thanking her and telling her, "you saved the waterfront!" She answered that the council deserved the credit.
`;
  assert.deepEqual(speakersOf(text, 'you saved the waterfront'), ['Daniel Okafor']);
});

test('a verb whose object is a person does not stand inverted: in "“Harbor Lights,” thanked Okafor for “...”" the subject speaks, past its quoted title', () => {
  const text = `Harbor gala

Mayor Daniel Okafor opened the gala on Friday.

Karen Raman, star of the stage musical "Harbor Lights," thanked Okafor for "keeping the old pier open."
`;
  assert.deepEqual(speakersOf(text, 'keeping the old pier'), ['Karen Raman']);
});

test('"said she" after a subject is a reported clause, not an inverted attribution: "the board said she “misled” them"', () => {
  const text = `Clinic audit

Helen Ostrow ran the clinic for a decade. The Harbor Health Board reviewed her records and said she "misled the auditors" in 2019.
`;
  assert.deepEqual(speakersOf(text, 'misled the auditors'), ['Harbor Health Board']);
});

test("a possessive claim inside another speaker's reported speech is left unattributed: either could have said the quoted words", () => {
  const text = `Harbor levy

Okafor spokeswoman Lena Ortiz said Thursday that Raman's claim that the levy doubles fares is "simply not true."

Karen Raman's claim that the levy "will double fares" drew a crowd.
`;
  assert.deepEqual(speakersOf(text, 'simply not true'), []);
  assert.deepEqual(speakersOf(text, 'will double fares'), ['Karen Raman']);
});

test('an appositive that ends in a quoted title, after an age or before a "who" clause, still leads to the verb', () => {
  const text = `Harbor gala

Lena Ortiz, 45, the author of "Tides of Harbor Street," said the pier "should stay open."

Tom Vell, a contestant on the show "Harbor Bake," who later worked for the mayor, said his boss was "always kind."

The mayor spoke last to Daniel Okafor, "We will win," said Karen Raman.
`;
  assert.deepEqual(speakersOf(text, 'should stay open'), ['Lena Ortiz']);
  assert.deepEqual(speakersOf(text, 'always kind'), ['Tom Vell']);
  assert.deepEqual(speakersOf(text, 'We will win'), ['Karen Raman']);
});

test('asserted, alleged, commented and emailed credit their subject like said', () => {
  const text = `Harbor levy

Karen Raman asserted that the levy was "a tax on the poor."

Daniel Okafor alleged that the board had "hidden the numbers."

"The vote was fair," Tom Vell commented.

Lena Ortiz emailed supporters: "We will appeal."
`;
  assert.deepEqual(speakersOf(text, 'a tax on the poor'), ['Karen Raman']);
  assert.deepEqual(speakersOf(text, 'hidden the numbers'), ['Daniel Okafor']);
  assert.deepEqual(speakersOf(text, 'The vote was fair'), ['Tom Vell']);
  assert.deepEqual(speakersOf(text, 'We will appeal'), ['Lena Ortiz']);
});

test('a UPI dateline with its date ("HARTWELL, Ga., Jan. 5 (UPI) --") is not part of the sentence: the name after it is the subject a pronoun finds', () => {
  const text = `HARTWELL, Ga., Jan. 5 (UPI) -- Lena Fortescue reluctantly backed the ferry plan in a letter to Maria Ruiz.

"It is a gift to the county that will keep giving," she said.
`;
  assert.deepEqual(speakersOf(text, 'It is a gift'), ['Lena Fortescue']);
});

test('a transcript\'s speaker label opening a quotation ("ORTIZ: ...") credits the one person of that surname; an unknown label credits no one, not the speaker before', () => {
  const text = `Harbor levy

On Sunday's radio hour, Mayor Lena Ortiz defended the levy. Partial transcript:

"HOST: Mayor, why now?

"ORTIZ: Because the seawall will not wait. We have waited ten years.

"HOST: And the families who cannot pay?

"ORTIZ: They will get relief. No one loses a home over this.
`;
  assert.deepEqual(speakersOf(text, 'ORTIZ: Because'), ['Lena Ortiz']);
  assert.deepEqual(speakersOf(text, 'ORTIZ: They will'), ['Lena Ortiz']);
  assert.deepEqual(speakersOf(text, 'HOST: Mayor'), []);
  assert.deepEqual(speakersOf(text, 'HOST: And the families'), []);
});

test('"encouraging" credits its subject like "urging": as a participle and after "is"', () => {
  const text = `Harbor levy

Mayor Lena Ortiz is pressing the council again, encouraging residents to "speak up at every meeting."

Councillor Tom Vell is encouraging neighbors to "ask where the money goes."
`;
  assert.deepEqual(speakersOf(text, 'speak up at every meeting'), ['Lena Ortiz']);
  assert.deepEqual(speakersOf(text, 'ask where the money goes'), ['Tom Vell']);
});

test("a programme's title and a quoted subhead are nobody's words; a nickname, and a title inside what someone said, still are", () => {
  const text = `Harbor levy

"The seawall cannot wait," Mayor Lena Ortiz said on KPLM's "Harbor Week Tonight." "We have waited ten years."

On "Coast Report Live," Councillor Tom Vell called the plan "a tax on the poor."

'Ten Years of Waiting.'

Ortiz later called Vell "Mister No." Vell said the levy reminded him of the old pamphlet titled "Pay Now, Sink Later."
`;
  assertSpeakers(text, [
    ['Harbor Week Tonight', []],
    ['Coast Report Live', []],
    ['Ten Years of Waiting', []],
    ['We have waited ten years', ['Lena Ortiz']],
    ['a tax on the poor', ['Tom Vell']],
    ['Mister No', ['Lena Ortiz']],
    ['Pay Now, Sink Later', ['Tom Vell']],
  ]);
});

test('words a passive sentence gives no one ("Fears had been expressed that ...", "which has been billed as") are not the last speaker\'s; a title-cased quotation after "said" is', () => {
  const text = `Harbor levy

Mayor Lena Ortiz said the levy would not push families out. Fears had been expressed that a wave of "levy exiles" would leave the island.

Ortiz confirmed that the fundraiser, which has been billed as "Seawall Night," would go ahead. She said "The Harbor Belongs To Everyone" and left.
`;
  assertSpeakers(text, [
    ['levy exiles', []],
    ['Seawall Night', []],
    ['The Harbor Belongs To Everyone', ['Lena Ortiz']],
  ]);
});

test("a term or a name quoted in a sentence that names no speaker is no one's; an unnamed spokesman's \"He added\" is not the last named man's; an appositive missing its comma still names the speaker", () => {
  const text = `Brewer's new drink

Harbor Ales is predicting profits to rise 20% next year as it launches a drink made from rice. The chosen name, "Tidewater," hides what it is. Rival Kestrel is doing well with "Blue Crown". The market for so-called "near-beer" drinks will grow, Harbor Ales said.

Councillor Tom Vell said the levy was too high. A Harbor Ales spokesman said prices would not change. He added "that no jobs are at risk".

"There is a whiff of a sweetener in there," Dana Pruitt, an analyst at Harbor Ales told reporters.

Mayor Lena Ortiz said the plan was fair. The remainder would go to cutting the "unfair rates" on small shops.
`;
  assertSpeakers(text, [
    ['Tidewater', []],
    ['Blue Crown', []],
    ['near-beer', []],
    ['that no jobs are at risk', []],
    ['There is a whiff', ['Dana Pruitt']],
    ['unfair rates', ['Lena Ortiz']],
  ]);
});

test('"Dana Pruitt from the Harbor Ales union said" credits the person; "with coach Ken Abara claiming" credits the participle\'s subject; "Mr Vell\'s first task was “...”, he said" credits not Vell', () => {
  const text = `Harbor levy

Dana Pruitt from the Harbor Ales Union said brewers were "disadvantaged" by the levy.

Tom Vell did not attend the vote, with coach Ken Abara claiming it had been an "emotional and difficult week" for him.

Mayor Lena Ortiz welcomed the result. Mr Vell's first task was to "rebuild trust with the harbor families", he said.
`;
  assertSpeakers(text, [
    ['disadvantaged', ['Dana Pruitt']],
    ['emotional and difficult week', ['Ken Abara']],
    ['rebuild trust', []],
  ]);
});

test("the person an organization names in an appositive speaks for it; words a paper saw are the letter's; a website's or a nickname's name is no one's", () => {
  const text = `Harbor levy

The chair of the Harbor Trust (a charity), Dana Pruitt, has called the levy "reckless" and "unfair".

Ken Abara of The Harbor Gazette dubbed the dispute: "Levy wars, part two".

A leaked council letter seen by The Harbor Gazette says "the levy may be delayed until spring".

On a new website, "Save Our Seawall", the Harbor Trust has asked residents to write to the council. Lena Ortiz, a volunteer going by the name "Seawall Sal", signed first.
`;
  assertSpeakers(text, [
    ['reckless', ['Dana Pruitt']],
    ['unfair', ['Dana Pruitt']],
    ['Levy wars', ['Ken Abara']],
    ['the levy may be delayed', []],
    ['Save Our Seawall', []],
    ['Seawall Sal', []],
  ]);
});

test('an inverted attribution after a quotation closed with straight single marks credits its speaker ("…,\'\' said Roy Abara", "\'…,\' said Ann Park")', () => {
  const text = `Harbor levy

The council upheld its decision. ''A law firm will put a case forward for the harbor families,'' said harbor committee chair Roy Abara. ''This is a big issue.''

'We will appeal,' said Ann Park, a resident.
`;
  assertSpeakers(text, [
    ['A law firm will put', ['Roy Abara']],
    ['This is a big issue', ['Roy Abara']],
    ['We will appeal', ['Ann Park']],
  ]);
});

test("a clause after a bracketed quotation is that quotation's, not the one before the bracket", () => {
  const text = `Harbor levy

When Mayor Lena Ortiz said the levy was "a fair deal" on Monday, the headlines followed ("Ortiz Backs Levy," declared the Harbor Gazette).
`;
  assert.deepEqual(speakersOf(text, 'a fair deal'), ['Lena Ortiz']);
});

test("a speaker's next quotation in the paragraph stays theirs past people they only talked about, but not past a name right after it", () => {
  const text = `Harbor levy

"We looked at both plans," Mayor Lena Ortiz said, going on to compare Ken Abara's levy with that of Dana Pruitt. "Neither one pays for the seawall."

Councilman Roy Abara said he was "stunned" by the vote on Ann Park's motion. "The harbor deserves better," 19-year-old Ann Park confided, "and so do the families."

"The leases stand," port spokesman Omar Haddad told the Gazette, after Councilwoman Grace Lindqvist stated a wish to cancel the deal with Ken Abara. "They bind both sides."
`;
  assertSpeakers(text, [
    ['We looked at both plans', ['Lena Ortiz']],
    ['Neither one pays', ['Lena Ortiz']],
    ['stunned', ['Roy Abara']],
    ['The harbor deserves better', []],
    ['The leases stand', ['Omar Haddad']],
    ['They bind both sides', []],
  ]);
});

test('"revealed" credits its speaker, before or after the quotation', () => {
  const text = `Harbor levy

"This has been a hard decision," harbor chief Ann Park revealed. Councilman Roy Abara revealed that the vote had been "very close".
`;
  assertSpeakers(text, [
    ['This has been a hard decision', ['Ann Park']],
    ['very close', ['Roy Abara']],
  ]);
});

test('an unnamed spokesman, a question the writer asks and a lone quoted term credit no one named before', () => {
  const text = `Harbor levy

Mayor Lena Ortiz said the levy would pass. The full plan will be published "within a fortnight," a council spokesman said.

Is the levy a tax on the seawall, as Councilman Roy Abara once claimed? "No. It pays for the repairs and nothing else. The seawall is older than any of us."

Deputy Mayor Ken Abara said the council would vote in May. "It will be close," he said. Under the plan, residents must be able to cancel by sending a "stop" message to the council.
`;
  assertSpeakers(text, [
    ['It will be close', ['Ken Abara']],
    ['within a fortnight', []],
    ['No. It pays for the repairs', []],
    ['stop', []],
  ]);
});

test('"she said" after a speaker recognition missed ("Theresa May, shadow secretary, told") is left unattributed', () => {
  const text = `Harbor levy

Councilman Roy Abara said he had been told by Harbor Commissioner Margaret Hodge that the plan was sound.

Theresa May, shadow secretary for the harbor, told the Gazette that the plan was weak. She said a new council would bring "real reform".
`;
  assert.deepEqual(speakersOf(text, 'real reform'), []);
});

test('"said the Harbor Trust\'s Dana Pruitt" credits the person, not the organization before her name', () => {
  const text = `Harbor levy

The Harbor Trust has opposed the levy for a year. "Nobody asked the families," said the Harbor Trust's Dana Pruitt.
`;
  assert.deepEqual(speakersOf(text, 'Nobody asked'), ['Dana Pruitt']);
});

test('"he said" after an inverted "said Mr Flynn" goes to Flynn, not to the subject named before him', () => {
  const text = `Harbor levy

Omar Haddad, head of the Harbor Trust, said the levy was fair. "It is the only way to pay for the seawall," he said. Some shops have been told to pay more, said Mr Flynn. Also, said Mr Flynn, the council has cut off two contractors. "We have strict contracts with firms," he said.
`;
  assertSpeakers(text, [
    ['It is the only way', ['Omar Haddad']],
    ['We have strict contracts', ['Flynn']],
  ]);
});

test('"he added" after a titled subject ("Seawall frontman Tom Castle thanked fans") and "she added" after "said Ms Armistead, chair of the judges"', () => {
  const text = `Harbor awards

Singer Robbie Vance won the best song prize. He told the audience: "I'm amazed my career keeps going." Seawall frontman Tom Castle thanked fans for enduring "rubbish gigs" after the band won the newcomer prize. He added: "A lot of people don't think it's cool to be ourselves."

The shortlist included Susan Clarke's debut, a harbor novel, and The Tides, Rory Stewart's account of a voyage. "What impressed us was the scope of it," said Ms Armistead, chair of the judges. "While the subject unsettled some, the majority found it fascinating," she added.
`;
  assertSpeakers(text, [
    ["I'm amazed", ['Robbie Vance']],
    ['A lot of people', ['Tom Castle']],
    ['What impressed us', ['Armistead']],
    ['While the subject unsettled some', ['Armistead']],
  ]);
});

test('"he admitted" after "..., Mayor Tom Bright said: “...”" goes to the mayor, however long the sentence\'s lead', () => {
  const text = `Harbor levy

Mr Ellis told the Gazette: "They are not as close as they once were. "In private the mistrust runs deep." But, in a wide-ranging interview covering issues such as the winter storm disaster, the ferry strike and the marina, Mayor Tom Bright said: "When you get to the top you hear all sorts of claims." He admitted to a "sense of frustration" about the rumours.
`;
  assertSpeakers(text, [
    ['In private the mistrust', ['Ellis']],
    ['When you get to the top', ['Tom Bright']],
    ['sense of frustration', ['Tom Bright']],
  ]);
});

test('a colon after an earlier speaker\'s verb does not outrank the person named since ("Haddad added: “...” Director Emilio Vega praised the fans. “...,” he said")', () => {
  const text = `Harbor match

Harbor president Omar Haddad said: "We thought the best thing was to finish."

The two clubs met the harbor board on Monday and Haddad added: "We will play on." Real Harbor director of sport Emilio Vega praised the fans. "They showed great maturity," he said.
`;
  assertSpeakers(text, [
    ['We will play on', ['Omar Haddad']],
    ['They showed great maturity', ['Emilio Vega']],
  ]);
});

test('a sentence that ends by giving its words to someone unnamed ("..., its chief has said") credits no one', () => {
  const text = `Harbor merger

Harbor Trust bosses have held "constructive and friendly" talks with the Seawall Group, its chief has said. Mayor Lena Ortiz said the merger was "a good sign".
`;
  assertSpeakers(text, [
    ['constructive and friendly', []],
    ['a good sign', ['Lena Ortiz']],
  ]);
});

test('"she said" after "Ortiz spokeswoman Dana Pruitt criticized ..." goes to the spokeswoman, not to the mayor her title names', () => {
  const text = `Harbor levy

Mayor Lena Ortiz backed the levy on Monday. Ortiz spokeswoman Dana Pruitt criticized the council's delay. "The families have waited long enough," she said.
`;
  assert.deepEqual(speakersOf(text, 'The families have waited'), ['Dana Pruitt']);
});

test('a list of names ends at a full stop ("... Ken Abara and Nelly. Eminem told the crowd"), and "However, he ..." is the sentence\'s subject for its participle', () => {
  const text = `Harbor awards

The band won best group, beating Lena Ortiz, Ken Abara and Nelly. Omar Haddad told the crowd: "We finally won an award."

Councilman Roy Abara spoke after the vote. However, he held his fire on the mayor, calling her plan "a fair start".
`;
  assertSpeakers(text, [
    ['We finally won', ['Omar Haddad']],
    ['a fair start', ['Roy Abara']],
  ]);
});

test('a sentence that opens on a lone quoted word before a noun names a thing, after straight single marks too ("... Learning. \'Lite\' versions")', () => {
  const text = `Harbor schools

Teacher Ana Ruiz studied games in class. "The best games teach without saying so," she wrote in a paper on harbor schools. 'Lite' versions of the ferry game could be the way forward.
`;
  assertSpeakers(text, [
    ['The best games', ['Ana Ruiz']],
    ['Lite', []],
  ]);
});

test("a headline's quotation is credited only by a verb of saying, whatever its case, never by its mere subject", () => {
  const withSubject = `Ortiz wins 'harbor hero' award

Mayor Lena Ortiz won the award on Monday.
`;
  const withVerb = `Mayor Ortiz slams council's 'lazy' levy

Mayor Lena Ortiz spoke on Monday.
`;
  const withTitleCaseVerb = `Lena Ortiz Calls Levy ‘A Disgrace’

Mayor Lena Ortiz spoke on Monday.
`;
  assert.deepEqual(speakersOf(withSubject, 'harbor hero'), []);
  assert.deepEqual(speakersOf(withVerb, 'lazy'), ['Lena Ortiz']);
  assert.deepEqual(speakersOf(withTitleCaseVerb, 'A Disgrace'), ['Lena Ortiz']);
});

test('"he said" after a hyphenated title ("Harbor Trust co-chairman Liam Hale said") goes to him, and compromise\'s first names give genders ("Liam", "Baroness Quill")', () => {
  const text = `Harbor levy

Mr Reed is acting as an adviser for the council, which denies any campaigning. Harbor Trust co-chairman Liam Hale said Mr Reed's return was a sign of "dirty politics". "The council seems intent on talking about history," he said. Harbor peer Baroness Quill, who chairs the inquiry, said people already distrusted the council. "This feeling will only grow," she said.
`;
  assertSpeakers(text, [
    ['dirty politics', ['Liam Hale']],
    ['The council seems intent', ['Liam Hale']],
    ['This feeling will only grow', ['Baroness Quill']],
  ]);
  const entities = entitiesOf(text);
  assert.equal(
    genderOf(
      entities.find((e) => e.name === 'Liam Hale')!,
      text,
    ),
    'male',
  );
  assert.equal(
    genderOf(
      entities.find((e) => e.name === 'Baroness Quill')!,
      text,
    ),
    'female',
  );
});

test('a name inside a person\'s appositive is no subject: the person speaks ("Ostrow, a fellow at the Northfield Institute, which studies floods, said")', () => {
  const text = `Levee report questioned

Lena Ostrow, a senior fellow at the Northfield Institute for Coastal Research, which studies flooding, said the levee was “built for a smaller storm.”

Tom Adair, who once worked for Sen. Ray Quint (R-Ohio), the bill’s author, called it “a good first step.”
`;
  assertSpeakers(text, [
    ['built for', ['Lena Ostrow']],
    ['a good first step', ['Tom Adair']],
  ]);
});

test("\"said Barclays' Tom Adair\": an organization's possessive without its s is the speaker's title, and the person speaks", () => {
  const text = `Rates set to rise

The forecast came from Barclays on Monday. "Rates will rise again in May," said Barclays' Tom Adair.
`;
  assertSpeakers(text, [['Rates will rise', ['Tom Adair']]]);
});

test('a later sentence whose subject is a document with a verb of saying takes the quotation from the earlier speaker ("The report warns ..., but “...”")', () => {
  const text = `Levee scheme criticised

Committee chairman Ray Quint said: "The scheme was a waste of public money." The report warns that the council should not be scared off new schemes, but "should learn the lessons from this one".
`;
  assertSpeakers(text, [
    ['The scheme was', ['Ray Quint']],
    ['should learn the lessons', []],
  ]);
});

test('a member\'s title between the speaker and the verb keeps the credit ("Brian Monteith MSP, said: “...”")', () => {
  const text = `Council tax row

The Tory finance spokesman, Tomas Okwera MSP, said: "It is a form of disguise." Chairman of the committee Ana Ruiz MP, said: "The policy is an alarming example of disjointed thinking."
`;
  assertSpeakers(text, [
    ['It is a form', ['Tomas Okwera']],
    ['The policy is', ['Ana Ruiz']],
  ]);
});

test('the listener after "told" in a new sentence is not an inverted speaker (\'..., said Walker. He told the Herald newspaper: “...”\')', () => {
  const text = `Tom Walker had hoped to compete. "I intended to race but I am running like a goon," said Walker. He told the Herald newspaper: "I am not in great shape, after missing a month of training."
`;
  assertSpeakers(text, [
    ['I intended to race', ['Tom Walker']],
    ['I am not in great', ['Tom Walker']],
  ]);
});
