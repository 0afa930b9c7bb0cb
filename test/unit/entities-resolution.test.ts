// What the story establishes once, settled across its mentions (entities/resolution.ts), on
// candidates written by hand so that each case is exact whatever the tagger reads.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupEntities } from '../../server/src/analysis/entities/grouping';
import { dropCommonWordsOpeningSentences, propagate } from '../../server/src/analysis/entities/resolution';
import { runToEnd } from '../../server/src/analysis/steps';
import type { Candidate } from '../../server/src/analysis/entities/types';

let offset = 0;
/** A candidate for `name`, placed after the previous one. */
function candidate(name: string, kind: Candidate['kind'], extra: Partial<Candidate> = {}): Candidate {
  const words = name.toLowerCase().split(' ');
  const start = offset;
  offset += name.length + 10;
  return {
    start,
    end: start + name.length,
    length: words.length,
    fold: words.join(' '),
    firstBare: words[0],
    lastBare: words[words.length - 1],
    acronym: name
      .split(' ')
      .map((w) => w[0])
      .join(''),
    role: null,
    loc: 0,
    kind,
    firm: false,
    ...extra,
  };
}

test("a lone surname of someone named in full is that person, though a noun before it called it a group; a company's noun keeps it a company", () => {
  const person = candidate('Carla Fiorina', 'person', { firm: true, givenName: true });
  const group = candidate('Fiorina', 'organization', { firm: true, describedAsOrganization: true });
  const retailer = candidate('Ana Lidl', 'person', { firm: true, givenName: true });
  const company = candidate('Lidl', 'organization', { firm: true, describedAsOrganization: true, namedAsCompany: true });
  propagate([person, group, retailer, company]);
  assert.equal(group.kind, 'person');
  assert.equal(company.kind, 'organization');
});

test('a name opening with the surname of someone named in full, ending in no personal name, is no person', () => {
  const person = candidate('Dana Whitcombe', 'person', { firm: true, givenName: true, endsWithPersonalName: true });
  const building = candidate('Whitcombe Tower', 'person', { firm: true });
  const bowler = candidate('Saqlain Hassan', 'person', { firm: true, endsWithPersonalName: true });
  const another = candidate('Hassan Ahmed', 'person', { firm: true, endsWithPersonalName: true });
  const givenName = candidate('Ahmed Varley', 'person', { firm: true });
  propagate([person, building, bowler, another, givenName]);
  assert.equal(building.kind, undefined);
  assert.equal(another.kind, 'person');
  assert.equal(givenName.kind, 'person', 'Ahmed is a first name in the built-in table');
});

test('once resolution reads one lone mention as the first word of the story\'s organization, every lone mention of that word is it ("Federated Department Stores ... Federated expects"), but not a chamber\'s word ("House Majority PAC ... the House")', () => {
  const full = candidate('Vellmont Department Stores', 'organization', { firm: true });
  const read = candidate('Vellmont', 'organization', { firstWordOfOrganization: true });
  const tagged = candidate('Vellmont', 'organization');
  const pac = candidate('House Majority PAC', 'organization', { firm: true });
  const readHouse = candidate('House', 'organization', { firstWordOfOrganization: true });
  const chamber = candidate('House', 'organization');
  const text = ' '.repeat(offset);
  const entities = runToEnd(groupEntities([full, read, tagged, pac, readHouse, chamber], text));
  const stores = entities.filter((e) => e.mentions.some((m) => m.start === full.start || m.start === tagged.start));
  assert.equal(stores.length, 1);
  assert.equal(stores[0].mentions.length, 3);
  const withChamber = entities.find((e) => e.mentions.some((m) => m.start === chamber.start));
  assert.ok(withChamber && !withChamber.mentions.some((m) => m.start === pac.start));
});

test('a work is a work in every mention, with or without its "The", whichever mention the cue named ("History Boys ... The History Boys has been")', () => {
  const named = candidate('Harbour Girls', undefined, { namedAsWork: true });
  const withThe = candidate('The Harbour Girls', 'organization');
  const namedWithThe = candidate('The Tide Rooms', undefined, { namedAsWork: true });
  const withoutThe = candidate('Tide Rooms', 'organization');
  propagate([named, withThe, namedWithThe, withoutThe]);
  assert.equal(withThe.kind, undefined);
  assert.equal(withoutThe.kind, undefined);
});

test('a word of a closed class opening a sentence is no name, though the story never writes it in lower case ("Much of the collection"); a name that opens one is kept', () => {
  const text = 'She said: "They belong together." Much of the collection will be sold. Brenner said so.';
  const at = (word: string, kind: Candidate['kind']): Candidate => {
    const start = text.indexOf(word);
    const fold = word.toLowerCase();
    return { start, end: start + word.length, length: 1, fold, firstBare: fold, lastBare: fold, acronym: word[0], role: null, loc: 0, kind, firm: false };
  };
  const much = at('Much', 'person');
  const brenner = at('Brenner', 'person');
  dropCommonWordsOpeningSentences([much, brenner], text);
  assert.equal(much.kind, undefined);
  assert.equal(brenner.kind, 'person');
});

test('a lone word read as a person that opens two of the story\'s organizations is no person ("Sun Microsystems ... Sun Grid ... Sun said"); a person named in full with it keeps it', () => {
  const company = candidate('Vance Microsystems', 'organization', { firm: true });
  const service = candidate('Vance Grid', 'organization');
  const lone = candidate('Vance', 'person');
  propagate([company, service, lone]);
  assert.equal(lone.kind, 'organization');
  const named = candidate('Ada Vance', 'person', { firm: true, givenName: true });
  const again = candidate('Vance', 'person');
  propagate([candidate('Vance Microsystems', 'organization', { firm: true }), candidate('Vance Grid', 'organization'), named, again]);
  assert.equal(again.kind, 'person');
});

test('a firm reading of a name outweighs an unsure one ("his company, Ballets Russes ... a re-formed Ballets Russes"); a person\'s title weighs as much', () => {
  const unsure = candidate('Ballets Russes', 'person');
  const firm = candidate('Ballets Russes', 'organization', { firm: true });
  propagate([unsure, firm]);
  assert.equal(unsure.kind, 'organization');
  const titled = candidate('Youssou Ndiaye', 'person', { role: 'Senegalese musician' });
  const shaped = candidate('Youssou Ndiaye', 'organization', { firm: true });
  propagate([titled, shaped]);
  assert.equal(titled.kind, 'person');
});
