// People and organizations (issue 3) through the editor's hover and outline.
import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { hoverText, openDraft, symbolTree, waitFor } from './helpers';

suite('People and organizations in the editor', () => {
  test('hovering a later "Dağdelen" shows her full name and role from the story', async () => {
    const editor = await openDraft('aid-convoy.txt');
    const line = 24; // "...," Dağdelen said in Tel Marrak.
    const character = editor.document.lineAt(line).text.indexOf('Dağdelen');
    assert.ok(character > 0, 'the sample draft changed: no Dağdelen on line 25');
    // Inside the word, past the non-ASCII letters: positions are UTF-16 code units.
    const position = new vscode.Position(line, character + 4);
    const text = await waitFor('a Copydesk hover on Dağdelen', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
      const joined = hoverText(hovers ?? []);
      return /Dağdelen/.test(joined) ? joined : undefined;
    });
    assert.match(text, /Zeynep Dağdelen/, `hover:\n${text}`);
    assert.match(text, /Interior Minister/i, `hover:\n${text}`);
    assert.doesNotMatch(text, /^\s*[{[]/m, 'the hover must not show raw JSON');
  });

  test('the outline lists the people of the sample draft', async () => {
    const editor = await openDraft('aid-convoy.txt');
    const tree = await waitFor('document symbols with a People group', async () => {
      const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
        'vscode.executeDocumentSymbolProvider',
        editor.document.uri,
      );
      const nodes = symbolTree(symbols ?? []);
      return nodes.some((n) => /^People\b/.test(n.name)) ? nodes : undefined;
    });
    const people = tree.find((n) => /^People\b/.test(n.name))!.children.map((c) => c.name);
    for (const person of ['Samira Haddadin', 'Zeynep Dağdelen']) {
      assert.ok(
        people.some((name) => name.includes(person)),
        `People lists ${people.join(', ')}; expected ${person}`,
      );
    }
    // Known miss, not asserted here: since the trained tagger joined the evidence, the invented
    // place "Tel Marrak" ("aid convoys to Tel Marrak", "said in Tel Marrak") is read as a person.
    // It is in the closing note of this change; the unit tests keep real places out of People.
    assert.ok(
      tree.some((n) => /^Organi[sz]ations\b/.test(n.name)),
      `top-level symbols: ${tree.map((n) => n.name).join(', ')}`,
    );
  });
});
