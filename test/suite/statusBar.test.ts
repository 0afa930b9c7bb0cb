// The status bar item shows the active draft's word count and reading time.
import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import { copydeskApi, openDraft, waitFor } from './helpers';

suite('Status bar in the editor', () => {
  test('an `article` draft shows its word count (counted by hand: 55 words, 1 min read)', async () => {
    const api = await copydeskApi();
    await openDraft('bridge.article');
    const text = await waitFor('the status bar to show 55 words', () => (/\b55 words\b/.test(api.statusText()) ? api.statusText() : undefined));
    assert.match(text, /\b1 min read\b/);
  });

  test("switching to a Markdown draft shows that draft's count", async () => {
    const api = await copydeskApi();
    await openDraft('bridge.article');
    await waitFor('55 words for bridge.article', () => /\b55 words\b/.test(api.statusText()));
    await openDraft('council-briefing.md');
    // Front matter and code are not prose; the count must differ from the article's.
    const text = await waitFor('a different word count for council-briefing.md', () => {
      const shown = api.statusText();
      return /\b\d[\d,]* words?\b/.test(shown) && !/\b55 words\b/.test(shown) ? shown : undefined;
    });
    assert.match(text, /words/);
  });
});
