// People and organizations (issue 3) through the editor's hover and outline.
import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { hoverText, openDraft, symbolTree, waitFor } from './helpers';

suite('People and organizations in the editor', () => {
  test('hovering a later "Çavuşoğlu" shows his full name and role from the story', async () => {
    const editor = await openDraft('seed-article.txt');
    const line = 25; // "...", Çavuşoğlu said in Kuwait City
    const character = editor.document.lineAt(line).text.indexOf('Çavuşoğlu');
    assert.ok(character > 0, 'the sample draft changed: no Çavuşoğlu on line 26');
    // Inside the word, past the non-ASCII letters: positions are UTF-16 code units.
    const position = new vscode.Position(line, character + 4);
    const text = await waitFor('a Copydesk hover on Çavuşoğlu', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
      const joined = hoverText(hovers ?? []);
      return /Çavuşoğlu/.test(joined) ? joined : undefined;
    });
    assert.match(text, /Mevlüt Çavuşoğlu/, `hover:\n${text}`);
    assert.match(text, /Foreign Minister/i, `hover:\n${text}`);
    assert.doesNotMatch(text, /^\s*[{[]/m, 'the hover must not show raw JSON');
  });

  test('the outline lists the people of the sample draft', async () => {
    const editor = await openDraft('seed-article.txt');
    const tree = await waitFor('document symbols with a People group', async () => {
      const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
        'vscode.executeDocumentSymbolProvider',
        editor.document.uri,
      );
      const nodes = symbolTree(symbols ?? []);
      return nodes.some((n) => /^People\b/.test(n.name)) ? nodes : undefined;
    });
    const people = tree.find((n) => /^People\b/.test(n.name))!.children.map((c) => c.name);
    for (const person of ['Tillerson', 'Mevlüt Çavuşoğlu']) {
      assert.ok(people.some((name) => name.includes(person)), `People lists ${people.join(', ')}; expected ${person}`);
    }
    assert.ok(!people.some((name) => /^(Turkey|Syria|Kuwait)$/.test(name)), `places listed as people: ${people.join(', ')}`);
    assert.ok(tree.some((n) => /^Organi[sz]ations\b/.test(n.name)), `top-level symbols: ${tree.map((n) => n.name).join(', ')}`);
  });
});
