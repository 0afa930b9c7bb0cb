import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditingVerbs, isSpeechVerb } from '../../server/src/analysis/attribution';
import speechVerbTable from '../../server/src/analysis/data/speech-verbs.json';
import { sourceCues } from '../../server/src/analysis/rules/unattributed-quote';

test('the attribution and unattributed-quote see the same verbs of saying, from one data file', () => {
  const missing = creditingVerbs.filter((verb) => !sourceCues.has(verb));
  assert.deepEqual(missing, [], 'a verb that credits a speaker is also a source cue for unattributed-quote');
  for (const verb of speechVerbTable.said) assert.ok(isSpeechVerb(verb), verb);
  assert.ok(!isSpeechVerb('slogan'), 'other cues credit no one');
});

test('the lists are lower case, one word each (two for phrasal verbs), without repeats inside a list', () => {
  for (const [name, list] of Object.entries(speechVerbTable)) {
    if (!Array.isArray(list)) continue;
    assert.deepEqual(
      list.filter((w) => !(name === 'phrasal' ? /^[a-z]+ [a-z]+$/ : /^[a-z]+$/).test(w)),
      [],
      name,
    );
    assert.equal(new Set(list).size, list.length, `${name} repeats a word`);
  }
});
