// `npm run bench`: the figures of issue 6, measured in one run and side by side
// with the peers (harper.js, textlint + no-unmatched-pair, retext + retext-quotes).
// It prints figures only; nothing here passes or fails.
//
//   1. full-analysis throughput (words/s) over news corpora, in-process;
//   2. keystroke latency through the real server over stdio: a one-character
//      didChange in the middle of a 1k/10k/100k-word draft until the
//      publishDiagnostics for that version, beside harper.js re-linting the draft;
//   3. cold start: spawn -> initialize result, and -> first diagnostics on the sample;
//   4. hover latency on the 10k-word draft (when the server advertises hover);
//   5. peak RSS (VmHWM) of the server holding the 100k-word draft;
//   6. the editor's real request pattern: typing at 12 keystrokes a second in
//      2k/10k/100k-word drafts, with the four requests VS Code sends after each
//      keystroke (semantic tokens delta, symbols, code actions, highlights) and
//      a hover now and then; whether a name near the end of the 100k-word
//      draft gets a hover card; and the longest hover while the server analyses
//      the pause after typing (its longest stretch without answering).
//
// The corpora are read in place from the paths given (never copied). The last
// line printed is the JSON object of issue 6.
//
// Options: --corpus DIR (repeatable; default the BBC and PolNeAR train texts),
// --draft-corpus DIR (articles joined into the typing drafts), --sample FILE,
// --quick (small samples, fewer repetitions), --full (whole corpora),
// --max-words N (words per corpus for throughput), --edits N, --keystrokes N,
// --editor-only (only scenario 6, with every figure it has), --sizes 2k,10k,100k (its drafts),
// --harper-100k (also time harper.js on the 100k-word draft: minutes),
// --hostile (only scenario 7: typing in drafts no reporter means to write, see measureHostile).

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, createContext } from '../server/src/analysis/analyze';
import { parseDraft } from '../server/src/analysis/draft';
import { analyzeEntities } from '../server/src/analysis/entities';
import { clearNlpCache } from '../server/src/analysis/nlp';
import { draftStats } from '../server/src/analysis/stats';
import { defaultOptions } from '../server/src/analysis/types';
import { startServer, type TestClient } from '../test/protocol/lspClient';
import { requireCorpus } from './corpus';

const root = path.resolve(__dirname, '..');
const benchDir = path.join(root, 'bench');

// ---------------------------------------------------------------------------
// Options

interface BenchOptions {
  corpora: string[];
  draftCorpus: string;
  sample: string;
  quick: boolean;
  /** Words taken from each corpus for throughput; Infinity = all of it. */
  maxWordsPerCorpus: number;
  edits: number;
  /** Keystrokes of the editor-pattern scenario. */
  keystrokes: number;
  /** Only the editor-pattern scenario (6), for a quick look at a change. */
  editorOnly: boolean;
  /** The editor-pattern draft sizes to run (--sizes 2k,10k,100k). */
  editorSizes: string[];
  /** Also time harper.js on the 100k-word draft (slow). */
  harper100k: boolean;
  /** Only the hostile drafts (scenario 7). */
  hostile: boolean;
}

function parseArguments(argv: string[]): BenchOptions {
  const shared = path.resolve(root, '..', 'shared');
  const corpora: string[] = [];
  let draftCorpus: string | undefined;
  let sample = path.join(root, 'samples', 'aid-convoy.txt');
  let quick = false;
  let full = false;
  let maxWords: number | undefined;
  let edits: number | undefined;
  let keystrokes: number | undefined;
  let editorOnly = false;
  let editorSizes: string[] | undefined;
  let harper100k = false;
  let hostile = false;
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return v;
    };
    switch (argv[i]) {
      case '--corpus':
        corpora.push(path.resolve(value()));
        break;
      case '--draft-corpus':
        draftCorpus = path.resolve(value());
        break;
      case '--sample':
        sample = path.resolve(value());
        break;
      case '--quick':
        quick = true;
        break;
      case '--full':
        full = true;
        break;
      case '--max-words':
        maxWords = Number(value());
        break;
      case '--edits':
        edits = Number(value());
        break;
      case '--keystrokes':
        keystrokes = Number(value());
        break;
      case '--editor-only':
        editorOnly = true;
        break;
      case '--sizes':
        editorSizes = value().split(',');
        break;
      case '--harper-100k':
        harper100k = true;
        break;
      case '--hostile':
        hostile = true;
        break;
      default:
        throw new Error(`Unknown option ${argv[i]} (see the header of scripts/bench.ts)`);
    }
  }
  if (corpora.length === 0) {
    corpora.push(path.join(shared, 'corpora', 'bbc'), path.join(shared, 'corpora', 'polnear', 'train', 'text'));
  }
  draftCorpus ??= path.join(shared, 'corpora', 'polnear', 'train', 'text');
  requireCorpus('bench', ...corpora, draftCorpus, sample);
  return {
    corpora,
    draftCorpus,
    sample,
    quick,
    // By default a spread-out sample keeps the run to a few minutes on 2 cores.
    maxWordsPerCorpus: full ? Infinity : (maxWords ?? (quick ? 15_000 : 60_000)),
    edits: edits ?? (quick ? 40 : 200),
    keystrokes: keystrokes ?? (quick ? 30 : 120),
    editorOnly,
    editorSizes: editorSizes ?? ['2k', '10k', '100k'],
    harper100k,
    hostile,
  };
}

// ---------------------------------------------------------------------------
// Corpora

interface Article {
  file: string;
  text: string;
  words: number;
}

function listTextFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) files.push(...listTextFiles(full));
    else if (entry.endsWith('.txt') && !/^readme/i.test(entry)) files.push(full);
  }
  return files;
}

/** A short column name: the folder under .../corpora/ ("bbc", "polnear"), else the folder's own name. */
function corpusLabel(dir: string): string {
  const parts = dir.split(path.sep);
  const at = parts.lastIndexOf('corpora');
  return at >= 0 && at + 1 < parts.length ? parts[at + 1] : path.basename(dir);
}

/** A word as Copydesk's status bar counts it; the same count is used for every checker. */
function countWords(text: string): number {
  return draftStats(text).words;
}

/** Articles spread evenly over the sorted corpus (every topic folder) until `maxWords`. */
function sampleCorpus(dir: string, maxWords: number): Article[] {
  const all = listTextFiles(dir).map((file) => {
    const text = readFileSync(file, 'utf8');
    return { file, text, words: countWords(text) };
  });
  if (all.length === 0) throw new Error(`No .txt files under ${dir}`);
  const totalWords = all.reduce((n, a) => n + a.words, 0);
  if (totalWords <= maxWords) return all;
  const stride = totalWords / maxWords;
  const picked: Article[] = [];
  let words = 0;
  for (let i = 0; i < all.length && words < maxWords; i += stride) {
    const article = all[Math.floor(i)];
    picked.push(article);
    words += article.words;
  }
  return picked;
}

/** Whole articles joined with blank lines until the draft holds at least `words` words. */
function joinArticles(articles: Article[], words: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const article = articles[i % articles.length];
    parts.push(article.text.trim());
    count += article.words;
  }
  return parts.join('\n\n') + '\n';
}

// ---------------------------------------------------------------------------
// Statistics and formatting

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

const median = (values: number[]) => percentile(values, 50);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const fmtMs = (n: number | null) => (n === null ? 'n/a' : n >= 100 ? `${Math.round(n)} ms` : `${round(n, 1)} ms`);
const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(headers), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

// ---------------------------------------------------------------------------
// Checkers

interface Checker {
  name: string;
  setupMs: number;
  lint(text: string): Promise<number>;
  resetCaches?: () => void;
}

async function loadPeers(): Promise<Checker[]> {
  if (!existsSync(path.join(benchDir, 'node_modules'))) {
    log('Installing the peers into bench/node_modules (npm --prefix bench install)...');
    execFileSync('npm', ['--prefix', benchDir, 'install', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  }
  // A computed specifier: the peers are ESM in their own package, resolved from bench/node_modules.
  const peersModule = pathToFileURL(path.join(benchDir, 'peers.mjs')).href;
  const { loadPeers: load } = (await import(peersModule)) as { loadPeers: () => Promise<Checker[]> };
  return load();
}

/**
 * Copydesk's full analysis, in-process: every rule (NLP rules included) and
 * the people and organizations behind hover and the outline, which the rules
 * may not all need yet. The entity pass is memoized on the context, so it is
 * never counted twice.
 */
function copydeskChecker(): Checker {
  return {
    name: 'Copydesk',
    setupMs: 0,
    async lint(text: string) {
      const context = createContext(parseDraft(text, defaultOptions.language), defaultOptions);
      const findings = analyze(text, defaultOptions, 'all', undefined, context).findings.length;
      analyzeEntities(context);
      return findings;
    },
    // Warm-up articles come back in the timed pass: forget their parses.
    resetCaches: clearNlpCache,
  };
}

// ---------------------------------------------------------------------------
// 1. Throughput

interface ThroughputRow {
  checker: string;
  /** Per corpus, then the total. */
  ms: number[];
  findings: number;
}

async function measureThroughput(checkers: Checker[], corpora: Article[][]): Promise<ThroughputRow[]> {
  const rows: ThroughputRow[] = [];
  for (const checker of checkers) {
    // Warm-up, untimed: lazy loading (compromise, wasm) and the JIT.
    for (const article of corpora[0].slice(0, 5)) await checker.lint(article.text);
    checker.resetCaches?.();
    const ms: number[] = [];
    let findings = 0;
    for (const articles of corpora) {
      const started = performance.now();
      for (const article of articles) findings += await checker.lint(article.text);
      ms.push(performance.now() - started);
    }
    ms.push(ms.reduce((a, b) => a + b, 0));
    rows.push({ checker: checker.name, ms, findings });
    log(`  ${checker.name}: ${fmtMs(ms[ms.length - 1])}`);
  }
  return rows;
}

// ---------------------------------------------------------------------------
// The server over stdio

/** Settings the benchmark server gets through workspace/configuration: room for the 100k-word draft. */
const serverSettings = { maxDraftSize: 50_000_000 };

/** Starts dist/server.js over stdio; `initialize` is left to the caller. */
function spawnServer(): TestClient {
  const client = startServer('stdio');
  // Writing `exit` races the server closing its end of the pipe: that is the end we want, not an error.
  client.process.stdin?.on('error', () => undefined);
  client.settings = serverSettings;
  return client;
}

/** shutdown, exit, and wait (bounded) for the process to end; a write racing the server's exit is ignored. */
async function stopServer(client: TestClient): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (client.process.exitCode !== null) resolve();
    else client.process.once('exit', () => resolve());
  });
  try {
    await Promise.race([client.connection.sendRequest('shutdown'), exited]);
    client.connection.sendNotification('exit').catch(() => undefined);
  } catch {
    // Already gone: nothing left to stop politely.
  }
  const timer = setTimeout(() => client.process.kill(), 5_000);
  await exited;
  clearTimeout(timer);
  client.connection.dispose();
}

async function startBenchServer(): Promise<TestClient> {
  const client = spawnServer();
  await client.initialize();
  return client;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */ && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Opens a draft and waits until both phases are done (the slow phase ends with a draftStatus notification). */
async function openAndSettle(client: TestClient, uri: string, text: string): Promise<void> {
  const notificationsBefore = client.notifications.length;
  client.open(uri, text, 'plaintext');
  await client.waitForDiagnostics(uri, 1, undefined, 60_000);
  await client.waitFor(
    `the slow phase on ${uri}`,
    () => client.notifications.slice(notificationsBefore).some((n) => n.method === 'copydesk/draftStatus' && (n.params as { uri?: string }).uri === uri),
    180_000,
  );
}

/** A place in the middle of the draft, inside a paragraph, right after a space. */
function middleOfDraft(text: string): number {
  for (let i = Math.floor(text.length / 2); i < text.length - 1; i++) {
    if (text[i - 1] === ' ' && /\p{L}/u.test(text[i]) && !/[\r\n]/.test(text.slice(i - 2, i + 2))) return i;
  }
  throw new Error('No place to type in the draft');
}

const typedText = 'the council said on Tuesday that it would ';

/** Types `edits` characters one by one in the middle of the draft; latency of each, send to publish. */
async function typeInMiddle(client: TestClient, uri: string, text: string, edits: number): Promise<number[]> {
  const offset = middleOfDraft(text);
  const { line, character } = positionAt(text, offset);
  const latencies: number[] = [];
  for (let i = 0; i < edits; i++) {
    const at = { line, character: character + i };
    const started = performance.now();
    const version = client.change(uri, [{ range: { start: at, end: at }, text: typedText[i % typedText.length] }]);
    await client.waitForDiagnostics(uri, version, undefined, 60_000);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

/** CPU time (user + system) the process has used so far, in ms; null off Linux. */
function cpuMs(pid: number): number | null {
  try {
    // Fields 14 and 15 of /proc/PID/stat, counted after the command name's closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
  } catch {
    return null;
  }
}

/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const clockTicksPerSecond = 100;

function peakRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? round(Number(match[1]) / 1024, 0) : null;
  } catch {
    return null;
  }
}

/**
 * harper.js re-linting the whole draft after a one-character edit, as an editor
 * built on it does on every keystroke (median). Harper caches results per
 * chunk of text, so it first lints the draft once untimed, and every timed run
 * lints a text it has not seen (one more character typed), never the same text
 * again, which its cache would answer without linting.
 */
async function harperRelintWhileTyping(harper: Checker, text: string, runs: number): Promise<number> {
  await harper.lint(text);
  const offset = middleOfDraft(text);
  let typed = text;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    typed = typed.slice(0, offset + i) + typedText[i % typedText.length] + typed.slice(offset + i);
    const started = performance.now();
    await harper.lint(typed);
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Capitalized two-word names inside sentences: the hover targets. */
function nameOffsets(text: string, limit: number): number[] {
  const offsets: number[] = [];
  for (const m of text.matchAll(/(?<=[a-z,;] )[A-Z][a-z]+ [A-Z][a-z]+(?=[ ,.])/g)) offsets.push(m.index! + 1);
  if (offsets.length <= limit) return offsets;
  const stride = offsets.length / limit;
  return Array.from({ length: limit }, (_, i) => offsets[Math.floor(i * stride)]);
}

/** One hover on the first name of the draft; null when the server does not advertise hover. */
async function measureFirstHover(client: TestClient, uri: string, text: string): Promise<number | null> {
  const [offset] = nameOffsets(text, 1);
  if (!client.initializeResult.capabilities.hoverProvider || offset === undefined) return null;
  const started = performance.now();
  await client.request<unknown>('textDocument/hover', { textDocument: { uri }, position: positionAt(text, offset) });
  return performance.now() - started;
}

interface HoverFigures {
  advertised: boolean;
  p50: number | null;
  answered: number;
  asked: number;
}

async function measureHover(client: TestClient, uri: string, text: string, count: number): Promise<HoverFigures> {
  if (!client.initializeResult.capabilities.hoverProvider) return { advertised: false, p50: null, answered: 0, asked: 0 };
  const latencies: number[] = [];
  let answered = 0;
  const targets = nameOffsets(text, count);
  for (const offset of targets) {
    const started = performance.now();
    const hover = await client.request<unknown>('textDocument/hover', { textDocument: { uri }, position: positionAt(text, offset) });
    latencies.push(performance.now() - started);
    if (hover) answered++;
  }
  return { advertised: true, p50: latencies.length > 0 ? round(median(latencies), 2) : null, answered, asked: targets.length };
}

// ---------------------------------------------------------------------------
// 2, 4, 5. Typing, hover and memory on the joined drafts

interface DraftFigures {
  label: string;
  words: number;
  characters: number;
  settleMs: number;
  p50: number;
  p95: number;
  max: number;
  harperRelintMs: number | null;
  /** The first hover on a name after opening: the server works out the draft's people and organizations. */
  firstHoverMs: number | null;
  hover?: HoverFigures;
  rssMb: number | null;
}

async function measureDraft(
  label: string,
  text: string,
  options: BenchOptions,
  harper: Checker,
  harperRuns: number,
  withHover: boolean,
): Promise<DraftFigures> {
  const client = await startBenchServer();
  try {
    const uri = `file:///bench/draft-${label}.txt`;
    const settleStarted = performance.now();
    await openAndSettle(client, uri, text);
    const settleMs = performance.now() - settleStarted;
    const firstHoverMs = await measureFirstHover(client, uri, text);
    const hover = withHover ? await measureHover(client, uri, text, options.quick ? 20 : 50) : undefined;
    const latencies = await typeInMiddle(client, uri, text, options.edits);
    const rssMb = peakRssMb(client.process.pid!);
    const harperRelintMs = harperRuns > 0 ? await harperRelintWhileTyping(harper, text, harperRuns) : null;
    return {
      label,
      words: countWords(text),
      characters: text.length,
      settleMs,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: Math.max(...latencies),
      harperRelintMs,
      firstHoverMs,
      hover,
      rssMb,
    };
  } finally {
    await stopServer(client);
  }
}

// ---------------------------------------------------------------------------
// 7. Hostile drafts: what the quotation pass must survive without slowing typing

interface HostileFigures {
  label: string;
  characters: number;
  settleMs: number;
  p50: number;
  max: number;
  findings: number;
}

/**
 * Drafts no reporter means to write but an editor opens all the same: a
 * paragraph of 3,000 stray closing marks (a table of inches, pasted code),
 * and a story of about 100,000 characters pasted as one line, with one
 * quotation mark in forty taken out. Opening each, then typing in the
 * middle of it as scenario 2 does.
 */
function hostileDrafts(articles: Article[]): { label: string; text: string }[] {
  const story = joinArticles(articles, 20_000)
    .replace(/\s*\n\s*/g, ' ')
    .slice(0, 100_000);
  let kept = 0;
  const oneLine = story.replace(/["“”]/g, (mark) => (++kept % 40 === 0 ? '' : mark));
  const stray = Array.from({ length: 3_000 }, (_, i) => `row ${i}” b`).join(' ');
  return [
    { label: '3,000 stray marks in one paragraph', text: `Stray marks\n\nThe table follows.\n\n${stray}\n\nThe end.\n` },
    { label: 'a story pasted as one 100k-character line', text: `${oneLine}\n` },
  ];
}

async function measureHostile(articles: Article[], edits: number): Promise<HostileFigures[]> {
  const figures: HostileFigures[] = [];
  for (const [i, draft] of hostileDrafts(articles).entries()) {
    log(`7. Typing in ${draft.label}...`);
    const client = await startBenchServer();
    try {
      const uri = `file:///bench/hostile-${i}.txt`;
      const started = performance.now();
      await openAndSettle(client, uri, draft.text);
      const settleMs = performance.now() - started;
      const latencies = await typeInMiddle(client, uri, draft.text, edits);
      figures.push({
        label: draft.label,
        characters: draft.text.length,
        settleMs,
        p50: percentile(latencies, 50),
        max: Math.max(...latencies),
        findings: client.diagnosticsFor(uri)?.length ?? 0,
      });
    } finally {
      await stopServer(client);
    }
  }
  return figures;
}

// ---------------------------------------------------------------------------
// 6. The editor's real request pattern

interface RequestFigures {
  p50: number;
  p95: number;
}

interface EditorPatternFigures {
  label: string;
  words: number;
  /** Open until the first full analysis is done (both phases). */
  settleMs: number;
  diagP50: number;
  diagP95: number;
  requests: Record<string, RequestFigures>;
  slowestRequestP50: number;
  hoverDuringTypingP50: number;
  hoverDuringTypingMax: number;
  /** A hover on a name near the end of the draft, after typing: did it return a card, and how fast. */
  hoverCardNearEnd: boolean;
  hoverNearEndMs: number | null;
  /**
   * The reporter stops typing and the mouse keeps resting on names while the
   * server runs the pause's slow phase (the entity pass and the slow rules):
   * the longest hover then, the server's longest stretch without answering.
   */
  hoverDuringAnalysisMax: number;
  /**
   * Server CPU (all its threads) per keystroke of the typing loop, requests
   * included: unlike the latencies, it does not grow when other work shares the machine.
   */
  serverCpuPerKeystrokeMs: number | null;
  rssMb: number | null;
}

/** VS Code's pace: about 12 keystrokes a second. */
const keystrokeIntervalMs = 83;

/**
 * Types one character at a time in the middle of the draft, as VS Code does:
 * after each didChange it asks for semantic tokens (a delta against its last
 * result), the document's symbols (outline, breadcrumbs), the code actions at
 * the cursor (the light bulb) and the highlights at the cursor; every fifth
 * keystroke the mouse also rests on a name (a hover). Each latency is measured
 * from the request, the diagnostics from the didChange.
 */
async function measureEditorPattern(label: string, text: string, keystrokes: number): Promise<EditorPatternFigures> {
  const client = spawnServer();
  try {
    await client.initialize({ workspace: { configuration: true }, window: { workDoneProgress: true } });
    // The server asks before showing progress; the editor says yes.
    client.connection.onRequest('window/workDoneProgress/create', () => null);
    const uri = `file:///bench/editor-${label}.txt`;
    const settleStarted = performance.now();
    await openAndSettle(client, uri, text);
    const settleMs = performance.now() - settleStarted;

    const offset = middleOfDraft(text);
    const { line, character } = positionAt(text, offset);
    const names = nameOffsets(text, 40).map((o) => positionAt(text, o));
    const diagnostics: number[] = [];
    const requests: Record<string, number[]> = { semanticTokens: [], documentSymbol: [], codeAction: [], documentHighlight: [] };
    const hovers: number[] = [];
    let previousResultId: string | undefined;
    const timed = async <R>(list: number[], method: string, params: unknown): Promise<R> => {
      const started = performance.now();
      const result = await client.request<R>(method, params);
      list.push(performance.now() - started);
      return result;
    };
    const first = await client.request<{ resultId?: string }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    previousResultId = first.resultId;

    const cpuBefore = cpuMs(client.process.pid!);
    for (let i = 0; i < keystrokes; i++) {
      const started = performance.now();
      const cursor = { line, character: character + i + 1 };
      const at = { line, character: character + i };
      const version = client.change(uri, [{ range: { start: at, end: at }, text: typedText[i % typedText.length] }]);
      const published = client.waitForDiagnostics(uri, version, undefined, 120_000).then(() => diagnostics.push(performance.now() - started));
      const tokens = previousResultId
        ? timed<{ resultId?: string }>(requests.semanticTokens, 'textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId })
        : timed<{ resultId?: string }>(requests.semanticTokens, 'textDocument/semanticTokens/full', { textDocument: { uri } });
      const asked: Promise<unknown>[] = [
        published,
        tokens.then((r) => (previousResultId = r?.resultId)),
        timed(requests.documentSymbol, 'textDocument/documentSymbol', { textDocument: { uri } }),
        timed(requests.codeAction, 'textDocument/codeAction', {
          textDocument: { uri },
          range: { start: cursor, end: cursor },
          context: { diagnostics: (client.diagnosticsFor(uri) ?? []).filter((d) => d.range.start.line <= line && line <= d.range.end.line), triggerKind: 2 },
        }),
        timed(requests.documentHighlight, 'textDocument/documentHighlight', { textDocument: { uri }, position: cursor }),
      ];
      if (i % 5 === 0 && names.length > 0) {
        asked.push(timed(hovers, 'textDocument/hover', { textDocument: { uri }, position: names[(i / 5) % names.length] }));
      }
      await Promise.all(asked);
      const spent = performance.now() - started;
      if (spent < keystrokeIntervalMs) await new Promise((resolve) => setTimeout(resolve, keystrokeIntervalMs - spent));
    }
    const cpuAfter = cpuMs(client.process.pid!);

    // The mouse rests on a name near the end of the draft once typing stops.
    const typed = text.slice(0, offset) + Array.from({ length: keystrokes }, (_, i) => typedText[i % typedText.length]).join('') + text.slice(offset);
    const lateNames = nameOffsets(typed.slice(Math.floor(typed.length * 0.9)), 5).map((o) => o + Math.floor(typed.length * 0.9));
    let hoverCardNearEnd = false;
    let hoverNearEndMs: number | null = null;
    for (const late of lateNames) {
      const started = performance.now();
      const hover = await client.request<unknown>('textDocument/hover', { textDocument: { uri }, position: positionAt(typed, late) });
      hoverNearEndMs = performance.now() - started;
      if (hover) {
        hoverCardNearEnd = true;
        break;
      }
    }
    // Hovers every 40 ms for three seconds from the end of typing: the slow phase starts 250 ms into the pause.
    const analysisHovers: number[] = [];
    for (const pauseStarted = performance.now(); performance.now() - pauseStarted < 3_000;) {
      const started = performance.now();
      await client.request<unknown>('textDocument/hover', {
        textDocument: { uri },
        position: names[analysisHovers.length % names.length] ?? positionAt(typed, 0),
      });
      analysisHovers.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    const requestFigures = Object.fromEntries(
      Object.entries(requests).map(([name, list]) => [name, { p50: round(percentile(list, 50), 2), p95: round(percentile(list, 95), 2) }]),
    );
    return {
      label,
      words: countWords(text),
      settleMs,
      diagP50: round(percentile(diagnostics, 50), 2),
      diagP95: round(percentile(diagnostics, 95), 2),
      requests: requestFigures,
      slowestRequestP50: Math.max(...Object.values(requestFigures).map((r) => r.p50)),
      hoverDuringTypingP50: hovers.length ? round(percentile(hovers, 50), 2) : 0,
      hoverDuringTypingMax: hovers.length ? round(Math.max(...hovers), 2) : 0,
      hoverCardNearEnd,
      hoverNearEndMs: hoverNearEndMs === null ? null : round(hoverNearEndMs, 2),
      hoverDuringAnalysisMax: round(Math.max(...analysisHovers), 2),
      serverCpuPerKeystrokeMs: cpuBefore === null || cpuAfter === null ? null : round((cpuAfter - cpuBefore) / keystrokes, 1),
      rssMb: peakRssMb(client.process.pid!),
    };
  } finally {
    await stopServer(client);
  }
}

// ---------------------------------------------------------------------------
// 3. Cold start

async function measureColdStart(sample: string, runs: number): Promise<{ initialize: number; firstDiagnostics: number }> {
  const text = readFileSync(sample, 'utf8');
  const initialize: number[] = [];
  const first: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const client = spawnServer();
    try {
      await client.initialize();
      initialize.push(performance.now() - started);
      // An editor opens the draft right after the handshake.
      const uri = pathToFileURL(sample).href;
      client.open(uri, text, 'plaintext');
      await client.waitForDiagnostics(uri, 1, undefined, 30_000);
      first.push(performance.now() - started);
    } finally {
      await stopServer(client);
    }
  }
  return { initialize: median(initialize), firstDiagnostics: median(first) };
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const benchStarted = performance.now();

  if (options.hostile) {
    const figures = await measureHostile(sampleCorpus(options.draftCorpus, Infinity), Math.min(options.edits, 60));
    process.stdout.write(
      table(
        ['hostile draft', 'characters', 'open to settled', 'keystroke p50', 'keystroke max', 'findings'],
        figures.map((f) => [f.label, fmtInt(f.characters), fmtMs(f.settleMs), fmtMs(f.p50), fmtMs(f.max), fmtInt(f.findings)]),
      ) + '\n',
    );
    process.stdout.write(`${JSON.stringify({ hostile: figures })}\n`);
    return;
  }

  if (options.editorOnly) {
    const articles = sampleCorpus(options.draftCorpus, Infinity);
    const editor: EditorPatternFigures[] = [];
    for (const [label, words] of [
      ['2k', 2_000],
      ['10k', 10_000],
      ['100k', 100_000],
    ] as const) {
      if (!options.editorSizes.includes(label)) continue;
      log(`6. The editor's request pattern in the ${label}-word draft (${options.keystrokes} keystrokes)...`);
      editor.push(await measureEditorPattern(label, joinArticles(articles, words), options.keystrokes));
    }
    process.stdout.write(`${JSON.stringify({ editorPattern: editor })}\n`);
    return;
  }

  log('Loading the peers...');
  const peers = await loadPeers();
  const harper = peers.find((p) => p.name === 'harper.js')!;
  const checkers = [copydeskChecker(), ...peers];

  log('Sampling the corpora...');
  const corpora = options.corpora.map((dir) => sampleCorpus(dir, options.maxWordsPerCorpus));
  const corpusWords = corpora.map((articles) => articles.reduce((n, a) => n + a.words, 0));
  const totalWords = corpusWords.reduce((a, b) => a + b, 0);

  log('1. Throughput (in-process, one article at a time)...');
  const throughput = await measureThroughput(checkers, corpora);
  const copydeskMs = throughput[0].ms[throughput[0].ms.length - 1];
  const harperMs = throughput.find((r) => r.checker === 'harper.js')!.ms[corpora.length];

  log('3. Cold start...');
  const cold = await measureColdStart(options.sample, options.quick ? 2 : 5);

  const draftArticles = sampleCorpus(options.draftCorpus, Infinity);
  const sizes = [
    { label: '1k', words: 1_000, harperRuns: options.quick ? 3 : 5 },
    { label: '10k', words: 10_000, harperRuns: options.quick ? 3 : 5 },
    // harper.js needs tens of seconds per 100k-word lint: only on request.
    { label: '100k', words: 100_000, harperRuns: options.harper100k ? 3 : 0 },
  ];
  const drafts: DraftFigures[] = [];
  for (const size of sizes) {
    log(`2. Typing in the ${size.label}-word draft (${options.edits} edits)...`);
    drafts.push(await measureDraft(size.label, joinArticles(draftArticles, size.words), options, harper, size.harperRuns, size.label === '10k'));
  }
  const byLabel = (label: string) => drafts.find((d) => d.label === label)!;
  const hover = byLabel('10k').hover!;

  const editorSizes = [
    { label: '2k', words: 2_000 },
    { label: '10k', words: 10_000 },
    { label: '100k', words: 100_000 },
  ];
  const editor: EditorPatternFigures[] = [];
  for (const size of editorSizes) {
    log(`6. The editor's request pattern in the ${size.label}-word draft (${options.keystrokes} keystrokes)...`);
    editor.push(await measureEditorPattern(size.label, joinArticles(draftArticles, size.words), options.keystrokes));
  }

  // --- The readable report -------------------------------------------------
  const out: string[] = [];
  out.push('');
  // Other work on the machine slows every checker alike but inflates latencies: say how busy it was.
  const load = os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');
  out.push(
    `Copydesk benchmark (${options.quick ? 'quick' : 'standard'} run, node ${process.version}, ${os.cpus().length} cores, load average ${load} at the end, ${round((performance.now() - benchStarted) / 1000, 0)} s)`,
  );
  out.push('');
  out.push('1. Full-analysis throughput, in-process, one article at a time (words/s; higher is better)');
  out.push(`   corpora: ${options.corpora.map((dir, i) => `${dir} (${corpora[i].length} articles, ${fmtInt(corpusWords[i])} words)`).join('; ')}`);
  out.push(
    table(
      ['checker', ...options.corpora.map((dir) => `${corpusLabel(dir)} words/s`), 'total words/s', 'time', 'peer time / Copydesk', 'findings'],
      throughput.map((row) => [
        row.checker,
        ...corpora.map((_, i) => fmtInt(corpusWords[i] / (row.ms[i] / 1000))),
        fmtInt(totalWords / (row.ms[corpora.length] / 1000)),
        fmtMs(row.ms[corpora.length]),
        row.checker === 'Copydesk' ? '—' : `${round(row.ms[corpora.length] / copydeskMs, 2)}×`,
        fmtInt(row.findings),
      ]),
    ),
  );
  out.push('');
  out.push(`2. Keystroke latency through the server over stdio: ${options.edits} one-character edits in the middle of the draft,`);
  out.push('   didChange sent -> publishDiagnostics for that version; beside it, harper.js re-linting the whole draft (median).');
  out.push('   "first hover": one hover right after opening, when the server works out the people and organizations.');
  out.push(
    table(
      ['draft', 'words', 'open -> both phases', 'first hover', 'p50', 'p95', 'max', 'harper.js re-lint', 'harper / Copydesk p50'],
      drafts.map((d) => [
        d.label,
        fmtInt(d.words),
        fmtMs(d.settleMs),
        fmtMs(d.firstHoverMs),
        fmtMs(d.p50),
        fmtMs(d.p95),
        fmtMs(d.max),
        d.harperRelintMs === null ? 'skipped (--harper-100k)' : fmtMs(d.harperRelintMs),
        d.harperRelintMs === null ? '—' : `${fmtInt(d.harperRelintMs / d.p50)}×`,
      ]),
    ),
  );
  out.push('');
  out.push('3. Cold start (median of runs): spawn -> initialize result, spawn -> first diagnostics on the sample draft');
  out.push(
    table(
      ['measure', 'ms'],
      [
        ['initialize result', fmtMs(cold.initialize)],
        ['first diagnostics', fmtMs(cold.firstDiagnostics)],
      ],
    ),
  );
  out.push('');
  out.push(
    hover.advertised
      ? `4. Hover on names in the 10k-word draft: p50 ${fmtMs(hover.p50)} over ${hover.asked} requests (${hover.answered} answered with content)`
      : '4. Hover on names in the 10k-word draft: n/a (the server does not advertise hoverProvider)',
  );
  out.push(`5. Peak RSS (VmHWM) of the server with the 100k-word draft open, after a hover and the edits: ${byLabel('100k').rssMb ?? 'n/a'} MB`);
  out.push('');
  out.push(
    `6. The editor's request pattern: ${options.keystrokes} keystrokes at ${Math.round(1000 / keystrokeIntervalMs)} a second in the middle of the draft; after each,`,
  );
  out.push('   semanticTokens (delta), documentSymbol, codeAction and documentHighlight at the cursor, and a hover every fifth keystroke.');
  out.push(
    table(
      [
        'draft',
        'words',
        'open -> analysed',
        'diagnostics p50',
        'p95',
        'tokens p50',
        'symbols p50',
        'code action p50',
        'highlight p50',
        'hover p50 / max',
        'hover near end',
        'hover max, pause',
        'server CPU / keystroke',
        'peak RSS',
      ],
      editor.map((e) => [
        e.label,
        fmtInt(e.words),
        fmtMs(e.settleMs),
        fmtMs(e.diagP50),
        fmtMs(e.diagP95),
        fmtMs(e.requests.semanticTokens.p50),
        fmtMs(e.requests.documentSymbol.p50),
        fmtMs(e.requests.codeAction.p50),
        fmtMs(e.requests.documentHighlight.p50),
        `${fmtMs(e.hoverDuringTypingP50)} / ${fmtMs(e.hoverDuringTypingMax)}`,
        e.hoverCardNearEnd ? `card, ${fmtMs(e.hoverNearEndMs)}` : 'no card',
        fmtMs(e.hoverDuringAnalysisMax),
        e.serverCpuPerKeystrokeMs === null ? 'n/a' : fmtMs(e.serverCpuPerKeystrokeMs),
        e.rssMb === null ? 'n/a' : `${e.rssMb} MB`,
      ]),
    ),
  );
  out.push('');

  const summary = {
    throughputWordsPerSec: Math.round(totalWords / (copydeskMs / 1000)),
    vsHarperThroughput: round(harperMs / copydeskMs, 2),
    keystrokeP50Ms: { '1k': round(byLabel('1k').p50, 2), '10k': round(byLabel('10k').p50, 2), '100k': round(byLabel('100k').p50, 2) },
    keystrokeP95Ms: { '1k': round(byLabel('1k').p95, 2), '10k': round(byLabel('10k').p95, 2), '100k': round(byLabel('100k').p95, 2) },
    vsHarperKeystroke10k: round(byLabel('10k').harperRelintMs! / byLabel('10k').p50, 1),
    coldStartMs: round(cold.initialize, 0),
    firstDiagnosticsMs: round(cold.firstDiagnostics, 0),
    hoverP50Ms: hover.p50,
    rssMb100k: byLabel('100k').rssMb,
    editorPattern: {
      ...Object.fromEntries(
        editor.map((e) => [
          e.label,
          {
            diagP50: e.diagP50,
            diagP95: e.diagP95,
            slowestRequestP50: e.slowestRequestP50,
            hoverMax: e.hoverDuringTypingMax,
            hoverMaxDuringAnalysis: e.hoverDuringAnalysisMax,
            serverCpuPerKeystrokeMs: e.serverCpuPerKeystrokeMs,
            rssMb: e.rssMb,
          },
        ]),
      ),
      hoverCard100k: editor.find((e) => e.label === '100k')!.hoverCardNearEnd,
    },
  };
  out.push(JSON.stringify(summary));
  process.stdout.write(`${out.join('\n')}\n`);
}

main().then(
  // The LSP connections may keep handles open; the figures are printed, so leave.
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
