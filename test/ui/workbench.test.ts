// What a reporter does, in the real VS Code workbench (code-server) driven through
// headless Chromium: open the sample draft, see the squiggle and the Problems row,
// hover a person, press Ctrl+. and Enter on the unclosed quotation, save, and find
// the fix on disk. Screenshots go to test-results/ui-*.png.
//
// Run: npm run test:ui (needs `npm run provision` and `npm run build`).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { exitOnSignals, launchBrowser, projectDir, startCodeServer, workbenchUrl, type CodeServer } from '../editor/codeServer';
import { waitUntil } from '../support/waitUntil';
import { prepareWorkspace } from '../editor/workspace';

const resultsDir = path.join(projectDir, 'test-results');
const draftName = 'aid-convoy.txt';

/**
 * Runs in the page: the centre of a word's rendered box in the editor. Monaco
 * renders each line as spans (spaces as U+00A0), so a DOM Range over the text
 * node gives the word's pixels. Kept as source text because the project's
 * TypeScript settings have no DOM types.
 */
const wordBoxInEditor = `(word) => {
  for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.indexOf(word);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      const box = range.getBoundingClientRect();
      if (box.width > 0) return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
  }
  return null;
}`;

/** Runs in the page: the effective opacity of the hover showing `word` (Monaco fades it in). */
function hoverOpacity(word: string): string {
  return `(() => {
    const hover = [...document.querySelectorAll('.monaco-hover')].find((e) => e.textContent.includes(${JSON.stringify(word)}));
    if (!hover) return null;
    let opacity = 1;
    for (let e = hover; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    return opacity;
  })()`;
}

async function wordCentre(page: Page, word: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(`(${wordBoxInEditor})(${JSON.stringify(word)})`) as Promise<{ x: number; y: number } | null>;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(resultsDir, name) });
}

describe('Copydesk in the VS Code workbench (UI)', { timeout: 240_000 }, () => {
  let server: CodeServer | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let page: Page;
  let workspace: string;
  let original: string;

  before(async () => {
    exitOnSignals(); // Ctrl+C still stops code-server's group
    fs.mkdirSync(resultsDir, { recursive: true });
    for (const old of fs.readdirSync(resultsDir).filter((f) => /^ui-.*\.png$/.test(f))) fs.rmSync(path.join(resultsDir, old));
    for (const built of ['dist/client.js', 'dist/server.js']) {
      assert.ok(fs.existsSync(path.join(projectDir, built)), `${built} is missing: run \`npm run build\` first (npm run test:ui does)`);
    }
    workspace = prepareWorkspace();
    original = fs.readFileSync(path.join(workspace, draftName), 'utf8');
    server = await startCodeServer();
    browser = await launchBrowser();
    page = browser.page;
    const consoleLog = path.join(resultsDir, 'ui-console.log');
    fs.writeFileSync(consoleLog, '');
    page.on('console', (m) => fs.appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`));
    await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: projectDir }));
    await page.locator('.monaco-workbench .explorer-folders-view').waitFor({ state: 'visible', timeout: 60_000 });

    // Quick Open, as a reporter would.
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.type(draftName);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: draftName }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator(`.tabs-container .tab[aria-label*="${draftName}"]`).waitFor({ timeout: 15_000 });
    await page.locator('.monaco-editor .view-line', { hasText: 'Haddadin says aid convoys' }).waitFor({ timeout: 15_000 });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('opening the sample draft shows the squiggle and the Problems row', async () => {
    // unbalanced-quote is an error by default: a red squiggle under the opening mark.
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'unbalanced-quote' }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    const rowText = (await row.textContent()) ?? '';
    assert.match(rowText, /never closed/i, `Problems row: ${rowText}`);
    assert.match(rowText, /\[Ln 19, Col 1\]/, `Problems row: ${rowText}`);
    await screenshot(page, 'ui-1-diagnostics-and-problems.png');
  });

  it('hovering a person shows what the story says about her', async () => {
    const centre = await waitUntil('"Dağdelen" to be rendered in the editor', () => wordCentre(page, 'Dağdelen').then((c) => c ?? undefined), 10_000);
    const hover = page.locator('.monaco-hover', { hasText: 'Dağdelen' }).first();
    // The hover appears after the mouse rests on the word; nudge it until it does.
    try {
      await waitUntil('the hover on Dağdelen', async () => {
        await page.mouse.move(centre.x - 3, centre.y);
        await page.mouse.move(centre.x, centre.y);
        return hover.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false);
      }, 20_000, 0);
    } catch (error) {
      await screenshot(page, 'ui-2-hover-missing.png'); // what the editor showed instead
      throw error;
    }
    // Monaco fades the hover in: wait for full opacity before the screenshot.
    let opacity: unknown;
    await waitUntil('the hover to be fully shown', async () => {
      opacity = await page.evaluate(hoverOpacity('Dağdelen'));
      return opacity === 1;
    }, 5_000).catch((error: Error) => {
      throw new Error(`${error.message}; opacity ${String(opacity)}`);
    });
    const text = (await hover.textContent()) ?? '';
    await screenshot(page, 'ui-2-hover.png');
    assert.match(text, /Zeynep Dağdelen/, `hover: ${text}`);
    assert.match(text, /Interior Minister/i, `hover: ${text}`);
    await page.keyboard.press('Escape');
  });

  it('Ctrl+. and Enter on the unclosed quote fixes it, and Ctrl+S saves the fix to disk', async () => {
    await page.keyboard.press('Escape');
    // Put the cursor on the unclosed opening mark: Go to Line 19, column 1.
    await page.locator('.monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type('19:1');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });

    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    await menu.waitFor({ state: 'visible', timeout: 15_000 });
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    await focused.waitFor({ state: 'visible', timeout: 5_000 });
    await screenshot(page, 'ui-3-quick-fix-menu.png');
    const focusedTitle = (await focused.textContent()) ?? '';
    // The preferred fix is focused, so Enter applies it.
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: 10_000 });
    await page.keyboard.press('Control+S');

    const expected = original.replace('has been checked, Haddadin said', 'has been checked," Haddadin said');
    assert.notEqual(expected, original);
    const onDisk = await waitUntil('the fixed draft to be saved to disk', () => {
      const text = fs.readFileSync(path.join(workspace, draftName), 'utf8');
      return text !== original ? text : undefined;
    }, 15_000);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
    await screenshot(page, 'ui-4-after-fix-saved.png');
    assert.equal(onDisk, expected, `applied "${focusedTitle}"`);
  });
});
