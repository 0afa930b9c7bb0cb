// What a reporter does, in the real VS Code workbench (code-server) driven through
// headless Chromium: open the sample draft, see the squiggle and the Problems row,
// hover a person, press Ctrl+. and Enter on the unclosed quotation, save, and find
// the fix on disk. Then a journalist's session on a local-news draft of our own
// (test/workspace/harbor-bridge.article): word wrap, no suggestions while typing,
// the People view, F2 on a surname, "Fix all in this draft", "Explain this rule"
// and an organization's card. Screenshots go to test-results/ui-*.png.
//
// Run: npm run test:ui (needs `npm run provision` and `npm run build`).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { exitOnSignals, launchBrowser, projectDir, startCodeServer, workbenchUrl, type CodeServer } from '../editor/codeServer';
import { waitUntil, waitUntilSaved } from '../support/waitUntil';
import { prepareWorkspace } from '../editor/workspace';
import { analyze } from '../../server/src/analysis/analyze';
import { defaultOptions } from '../../server/src/analysis/types';

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

/** The hover appears after the mouse rests on the word: nudge it onto the word until the hover shows. */
async function restUntilHover(page: Page, centre: { x: number; y: number }, hover: Locator, what: string, timeoutMs: number): Promise<void> {
  await waitUntil(
    what,
    async () => {
      await page.mouse.move(centre.x - 3, centre.y);
      await page.mouse.move(centre.x, centre.y);
      return hover.waitFor({ state: 'visible', timeout: 2_000 }).then(
        () => true,
        () => false,
      );
    },
    timeoutMs,
    0,
  );
}

async function wordCentre(page: Page, word: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(`(${wordBoxInEditor})(${JSON.stringify(word)})`) as Promise<{ x: number; y: number } | null>;
}

/** A browser on the workbench, the workspace open and Copydesk loaded; the page's console goes to test-results/<logName>. */
async function openWorkbench(server: CodeServer, workspace: string, logName: string): Promise<Awaited<ReturnType<typeof launchBrowser>>> {
  const browser = await launchBrowser();
  const consoleLog = path.join(resultsDir, logName);
  fs.writeFileSync(consoleLog, '');
  browser.page.on('console', (m) => fs.appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`));
  // A loaded machine (several engineers on two cores) can take well over the default 30 s to load the workbench.
  await browser.page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: projectDir }), { timeout: 120_000 });
  await browser.page.locator('.monaco-workbench .explorer-folders-view').waitFor({ state: 'visible', timeout: 60_000 });
  return browser;
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
    browser = await openWorkbench(server, workspace, 'ui-console.log');
    page = browser.page;
    // Quick Open, as a reporter would.
    await openByQuickOpen(page, draftName, 'Haddadin says aid convoys');
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
      await restUntilHover(page, centre, hover, 'the hover on Dağdelen', 20_000);
    } catch (error) {
      await screenshot(page, 'ui-2-hover-missing.png'); // what the editor showed instead
      throw error;
    }
    // Monaco fades the hover in: wait for full opacity before the screenshot.
    let opacity: unknown;
    await waitUntil(
      'the hover to be fully shown',
      async () => {
        opacity = await page.evaluate(hoverOpacity('Dağdelen'));
        return opacity === 1;
      },
      5_000,
    ).catch((error: Error) => {
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
    const onDisk = await waitUntilSaved(
      'the fixed draft to be saved to disk',
      () => fs.readFileSync(path.join(workspace, draftName), 'utf8'),
      original,
      15_000,
    );
    await page
      .locator('.monaco-editor .squiggly-error')
      .first()
      .waitFor({ state: 'detached', timeout: 15_000 })
      .catch(() => undefined);
    await screenshot(page, 'ui-4-after-fix-saved.png');
    assert.equal(onDisk, expected, `applied "${focusedTitle}"`);
  });
});

/** Runs a command from the palette (F1), as a reporter would, by its title. */
async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  // The palette closes when focus moves, and focus may still be settling from the last step
  // (a tab just clicked, an editor just closed): open it again until it stays open to be filled.
  await waitUntil(
    `the command palette to open for "${title}"`,
    async () => {
      if (!(await input.isVisible())) await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 3_000 });
      await input.fill(`>${title}`, { timeout: 2_000 });
      return true;
    },
    20_000,
    200,
  );
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** Moves the cursor with Go to Line (Ctrl+G), 1-based line and column. */
async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.locator('.monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** 1-based line and column of the n-th occurrence of `needle`. */
function lineAndColumn(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" is in the draft`);
  const before = text.slice(0, at).split(/\r?\n/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

async function openByQuickOpen(page: Page, name: string, lineText: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.type(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 60_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label*="${name}"]`).waitFor({ timeout: 15_000 });
  await page.locator('.monaco-editor .view-line', { hasText: lineText }).first().waitFor({ timeout: 15_000 });
}

describe("A journalist's session with Copydesk (UI)", { timeout: 300_000 }, () => {
  const sampleName = 'harbor-bridge.article';
  let server: CodeServer | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let page: Page;
  let workspace: string;
  let draftPath: string;

  const onDisk = () => fs.readFileSync(draftPath, 'utf8');

  before(async () => {
    exitOnSignals();
    fs.mkdirSync(resultsDir, { recursive: true });
    workspace = prepareWorkspace();
    draftPath = path.join(workspace, sampleName);
    server = await startCodeServer();
    browser = await openWorkbench(server, workspace, 'ui-session-console.log');
    page = browser.page;
    await openByQuickOpen(page, sampleName, 'Council backs');
    // Copydesk has checked the draft: the unclosed quotation is underlined.
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 60_000 });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('word wrap is on: the long lede wraps instead of running off-screen', async () => {
    // With wrapping, the lede is split over several rendered lines: none holds both its start and its end.
    const ledeStart = page.locator('.monaco-editor .view-line', { hasText: 'MILLBROOK' }).first();
    await ledeStart.waitFor({ timeout: 10_000 });
    const text = (await ledeStart.textContent()) ?? '';
    await screenshot(page, 'ui-s1-word-wrap.png');
    assert.ok(!text.includes('beneath the deck'), `the lede's first rendered line holds the whole paragraph: ${text}`);
    await page.locator('.monaco-editor .view-line', { hasText: 'beneath the deck' }).first().waitFor({ timeout: 5_000 });
  });

  it('no suggestion pops up while typing a sentence, and Enter just starts a new line', async () => {
    // A scratch draft, so the sample stays as written.
    await openByQuickOpen(page, 'clean-copy.story', '');
    await page.locator('.monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('The bakery owner Ferr', { delay: 60 });
    // Quick suggestions would show after 10 ms; give them far longer.
    const suggest = page.locator('.monaco-editor .suggest-widget.visible');
    const appeared = await suggest.waitFor({ state: 'visible', timeout: 1_500 }).then(
      () => true,
      () => false,
    );
    await screenshot(page, 'ui-s2-typing-no-suggestions.png');
    assert.equal(appeared, false, 'a suggestion list popped up while typing');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Next line', { delay: 30 });
    const typedLine = page.locator('.monaco-editor .view-line', { hasText: 'The bakery owner Ferr' }).first();
    assert.equal(((await typedLine.textContent()) ?? '').replace(/\u00a0/g, ' ').trim(), 'The bakery owner Ferr');
    // Throw the scratch text away.
    await runCommand(page, 'View: Revert and Close Editor');
    await page.locator('.tabs-container .tab[aria-label*="clean-copy.story"]').waitFor({ state: 'detached', timeout: 10_000 });
    await page.locator(`.tabs-container .tab[aria-label*="${sampleName}"]`).click();
  });

  it('the People view lists who the story names; a click jumps to the mention', async () => {
    await runCommand(page, 'Copydesk: Show people and organizations');
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'People and organizations' }) });
    const row = view.locator('.monaco-list-row', { hasText: 'David Lindqvist' }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    const rowText = (await row.textContent()) ?? '';
    assert.match(rowText, /County Engineer · 2 mentions/, `row: ${rowText}`);
    await row.click();
    const expected = lineAndColumn(onDisk(), 'David Lindqvist');
    const cursor = page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first();
    await waitUntil(
      'the cursor to move to the first mention',
      async () => new RegExp(`Ln ${expected.line}, Col`).test((await cursor.textContent()) ?? ''),
      10_000,
    );
    await screenshot(page, 'ui-s3-people-view.png');
  });

  it('F2 on a surname renames only the name: the title stays', async () => {
    const before = onDisk();
    const at = lineAndColumn(onDisk(), 'Lindqvist said');
    await goTo(page, at.line, at.column + 2);
    await page.keyboard.press('F2');
    const input = page.locator('.rename-box input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await input.inputValue(), 'Lindqvist');
    await input.fill('Lindquist');
    await screenshot(page, 'ui-s4-rename.png');
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
    await page.keyboard.press('Control+S');
    const saved = await waitUntilSaved('the rename to be saved', onDisk, before, 15_000);
    assert.match(saved, /County Engineer David Lindquist told/);
    assert.ok(!saved.includes('Lindqvist'), 'every Lindqvist renamed');
  });

  it('"Fix all in this draft" leaves no quotation error and no broken sentence', async () => {
    const before = onDisk();
    await page.locator('.monaco-editor textarea').first().focus();
    await runCommand(page, 'Copydesk: Fix all in this draft');
    await page.keyboard.press('Control+S');
    const fixed = await waitUntilSaved('the fixes to be saved', onDisk, before, 20_000);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'detached', timeout: 20_000 });
    await screenshot(page, 'ui-s5-fix-all.png');
    const quoteErrors = analyze(fixed, { ...defaultOptions, language: 'article' }, 'all').findings.filter((f) => f.ruleId === 'unbalanced-quote');
    assert.deepEqual(
      quoteErrors.map((f) => f.message),
      [],
    );
    assert.match(fixed, /"We are spending local dollars on a county problem," Brennan said/);
    assert.match(fixed, /\n"We have lost our regulars to the detour," Ferreira said\./);
    // The placeholder is the reporter's to fill: still there, the sentence whole.
    assert.match(fixed, /would begin in TK and take about eight months/);
  });

  it('"Explain this rule" on a finding opens the rule\'s doc in the editor', async () => {
    const at = lineAndColumn(onDisk(), 'TK and take');
    await goTo(page, at.line, at.column + 1);
    await runCommand(page, 'Copydesk: Explain this rule');
    const tab = page.locator('.tabs-container .tab', { hasText: 'leftover' }).first();
    await tab.waitFor({ state: 'visible', timeout: 20_000 });
    const label = (await tab.getAttribute('aria-label')) ?? '';
    assert.match(label, /Preview leftover\.md|leftover\.md/, `tab: ${label}`);
    // The preview renders in a webview (an iframe in an iframe): wait for the doc's own words.
    const preview = page.frameLocator('iframe.webview.ready').first().frameLocator('iframe#active-frame');
    await preview.locator('h1', { hasText: 'leftover' }).waitFor({ state: 'visible', timeout: 60_000 });
    await preview.locator('h2', { hasText: 'Turning it off' }).waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot(page, 'ui-s6-explain-rule.png');
    await page.keyboard.press('Control+W');
    await page.locator(`.tabs-container .tab[aria-label*="${sampleName}"]`).click();
  });

  it('hovering an organization shows its card: acronym and the people tied to it', async () => {
    const centre = await waitUntil('"Chamber" to be rendered', () => wordCentre(page, 'Chamber').then((c) => c ?? undefined), 10_000);
    const hover = page.locator('.monaco-hover', { hasText: 'Millbrook Chamber of Commerce' }).first();
    await restUntilHover(page, centre, hover, 'the hover on the Chamber', 30_000);
    await waitUntil('the hover to be fully shown', async () => (await page.evaluate(hoverOpacity('Millbrook Chamber of Commerce'))) === 1, 5_000);
    const text = (await hover.textContent()) ?? '';
    await screenshot(page, 'ui-s7-organization-hover.png');
    assert.match(text, /Acronym: MCC/, `hover: ${text}`);
    assert.match(text, /Its president: Luis Ferreira/, `hover: ${text}`);
  });
});
