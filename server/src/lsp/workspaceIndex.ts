// Keeps the workspace index (analysis/workspace) current for the language
// server:
//
//  - at start-up it loads the index saved in the extension's storage (the
//    client passes `storagePath` in initializationOptions), then walks the
//    workspace folders and re-reads only the drafts whose size or
//    modification time changed, with work-done progress in the status bar;
//  - drafts are read and analysed in worker threads (dist/workspaceWorker.js),
//    two on a machine with two cores or more, each at a lower priority than
//    the main thread, so the server keeps answering and a keystroke's
//    analysis never waits for a core; without a worker (a test run from
//    sources) it analyses in-process, one draft per turn of the event loop;
//  - file-watcher events (created, changed, deleted, renamed) re-read drafts
//    on disk; an open draft is indexed from its buffer, after its own
//    analysis, never before it (DraftValidator calls `analysed`);
//  - everything the main thread does comes in slices of at most ~10 ms.
//
// Drafts over copydesk.maxDraftSize (or the NLP budget) and unreadable or
// binary files are skipped and counted in the progress message.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  type Connection,
  type FileEvent,
  type InitializeParams,
  type TextDocuments,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleContext } from '../analysis/rule';
import { taggerWeightsPath } from '../analysis/entities/tagger';
import type { ResolvedSettings } from '../analysis/settings';
import type { AnalysisOptions } from '../analysis/types';
import {
  CorruptIndex,
  crossDraftTitleHints,
  deserialiseHeader,
  deserialiseRecord,
  recordDraft,
  sameEntities,
  serialiseHeader,
  serialiseRecord,
  WorkspaceIndex,
  type DraftRecord,
  type WorkspaceScope,
} from '../analysis/workspace/index';
import type { TitledEntity } from '../analysis/workspace/titles';
import { canonicalUri, draftExtensions, indexDraftFile, isDraftPath, walkDrafts, type SkipReason } from '../workspaceScan';
import { version } from '../version';
import type { SettingsStore } from './settings';
import type { IndexRequest, IndexResponse } from './workspaceWorker';

/** Sent to the client when the index changed (the tree view refreshes). */
export const workspaceIndexChangedNotification = 'copydesk/workspaceIndexChanged';

/** Longest stretch of index work on the main thread before other requests are answered. */
const sliceMs = 10;
/** Progress reports and saves are spaced out: each costs a message or a write. */
const progressIntervalMs = 250;
const saveDelayMs = 5_000;
/** Open drafts are re-checked against the others at most this often while the index changes. */
const recheckDelayMs = 1_000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

type Outcome = { record: DraftRecord } | { skipped: SkipReason; reason: string };

/**
 * Index workers to start: one per core the editor can spare, two at most. On
 * one core a second worker would only take turns with the first.
 */
export function indexWorkerCount(cores = availableParallelism()): number {
  return cores >= 2 ? 2 : 1;
}

/** Reads and analyses drafts off the main thread; falls back to in-process work if no worker can run. */
class DraftReader {
  /** Each worker with the requests it is working on. */
  private workers: { worker: Worker; pending: Map<number, (outcome: Outcome) => void> }[] = [];
  private nextId = 1;

  constructor(
    workerPath: string | undefined,
    private readonly log: (message: string) => void,
    count = indexWorkerCount(),
  ) {
    if (!workerPath || !existsSync(workerPath)) return;
    for (let i = 0; i < count; i++) this.startWorker(workerPath);
  }

  private startWorker(workerPath: string): void {
    try {
      // A bounded heap: the worker analyses one draft at a time (100 KB at most) and keeps nothing,
      // so a small old generation makes it collect early instead of growing the server's RSS.
      // Its standard output goes to the server's standard error: over stdio, the server's own
      // standard output is the protocol's stream, and one stray line from a library would break it.
      const worker = new Worker(workerPath, { resourceLimits: { maxOldGenerationSizeMb: 256 }, stdout: true });
      worker.stdout.pipe(process.stderr);
      const entry = { worker, pending: new Map<number, (outcome: Outcome) => void>() };
      this.workers.push(entry);
      worker.unref();
      worker.on('message', (response: IndexResponse) => {
        const resolve = entry.pending.get(response.id);
        entry.pending.delete(response.id);
        resolve?.('record' in response ? { record: response.record } : { skipped: response.skipped, reason: response.reason });
      });
      worker.on('error', (error) => this.workerFailed(entry, error));
      worker.on('exit', (code) => code !== 0 && this.workerFailed(entry, new Error(`exit code ${code}`)));
    } catch (error) {
      this.log(`Copydesk: an indexing worker could not start (${(error as Error).message}).`);
    }
  }

  private workerFailed(entry: (typeof this.workers)[number], error: unknown): void {
    if (!this.workers.includes(entry)) return;
    this.workers = this.workers.filter((w) => w !== entry);
    const rest = this.workers.length > 0 ? 'the other worker carries on' : 'indexing continues on the main thread';
    this.log(`Copydesk: an indexing worker stopped (${(error as Error).message}); ${rest}.`);
    const waiting = [...entry.pending.values()];
    entry.pending.clear();
    for (const resolve of waiting) resolve({ skipped: 'unreadable', reason: 'the indexing worker stopped' });
  }

  async read(path: string, maxDraftSize: number): Promise<Outcome> {
    if (this.workers.length > 0) {
      // The least busy worker.
      const entry = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = this.nextId++;
      return new Promise<Outcome>((resolve) => {
        entry.pending.set(id, resolve);
        entry.worker.postMessage({ id, path, maxDraftSize } satisfies IndexRequest);
      });
    }
    await yieldToEventLoop();
    try {
      const outcome = indexDraftFile(path, maxDraftSize);
      return 'record' in outcome ? { record: outcome.record } : outcome;
    } catch (error) {
      return { skipped: 'unreadable', reason: `${path}: ${(error as Error).message}` };
    }
  }

  /** How many drafts to keep in flight: two per worker keep each busy while the main thread merges. */
  get parallel(): number {
    return Math.max(1, 2 * this.workers.length);
  }

  dispose(): void {
    for (const { worker } of this.workers) void worker.terminate();
    this.workers = [];
  }
}

interface BuildCounts {
  total: number;
  done: number;
  tooLarge: number;
  unreadable: number;
}

export class WorkspaceIndexService {
  readonly index = new WorkspaceIndex();
  private folders: string[] = [];
  private storageFile?: string;
  private reader?: DraftReader;
  /** Paths waiting to be read from disk. */
  private readonly queue = new Set<string>();
  /** The running drain of the queue, if any: every caller waits for the same one. */
  private draining?: Promise<void>;
  /** Canonical URIs of the drafts open in the editor: their buffer wins over the file. */
  private readonly open = new Set<string>();
  private readonly folderSettings = new Map<string, Promise<ResolvedSettings>>();
  private counts: BuildCounts = { total: 0, done: 0, tooLarge: 0, unreadable: 0 };
  private progress?: WorkDoneProgressServerReporter;
  private lastProgress = 0;
  private saveTimer?: NodeJS.Timeout;
  private recheckTimer?: NodeJS.Timeout;
  private readonly changedSinceRecheck = new Set<string>();
  private stopped = false;
  /** Resolves when the start-up build (load, walk, read) has finished. */
  ready: Promise<void> = Promise.resolve();
  private buildFinished = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    /** Re-check these open drafts: the names in other drafts changed. */
    private readonly recheck: (uris: string[]) => void,
  ) {}

  /** Reads the workspace folders and the storage path from the initialize request. */
  initialize(params: InitializeParams): void {
    const folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = folderUris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    const storagePath = (params.initializationOptions as { storagePath?: unknown } | undefined)?.storagePath;
    if (typeof storagePath === 'string' && storagePath.length > 0 && this.folders.length > 0) {
      const id = createHash('sha256').update(this.folders.join('\n')).digest('hex').slice(0, 16);
      this.storageFile = join(storagePath, `workspace-index-${id}.jsonl`);
    }
  }

  /** Starts the background build; requests are answered from what is indexed so far. */
  start(workerPath: string | undefined): void {
    if (this.folders.length === 0) return;
    this.reader = new DraftReader(workerPath, (m) => this.connection.console.warn(m));
    this.ready = this.build().catch((error) =>
      this.connection.console.error(`Copydesk: building the workspace index failed: ${(error as Error).stack ?? error}`),
    );
  }

  dispose(): void {
    this.stopped = true;
    this.reader?.dispose();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    if (this.recheckTimer) clearTimeout(this.recheckTimer);
  }

  /** The options of an open draft's analysis, with the names of the other drafts in scope (for name-variant). */
  withWorkspaceNames(uri: string, options: AnalysisOptions, scope: WorkspaceScope): AnalysisOptions {
    const key = canonicalUri(uri);
    const names = this.index.namesSeenFrom(key, scope);
    if (!names) return options;
    // An open buffer counts as the newest draft (mtime -1).
    const workspaceTitles = { hintsFor: (entities: readonly TitledEntity[]) => crossDraftTitleHints(key, entities, -1, this.index, scope) };
    return { ...options, workspaceNames: names, workspaceTitles };
  }

  /** An open draft was analysed: index it from its buffer. */
  analysed(uri: string, context: RuleContext): void {
    const key = canonicalUri(uri);
    this.open.add(key);
    this.put(recordDraft(key, context, { mtimeMs: -1, size: context.draft.text.length }));
  }

  opened(uri: string): void {
    this.open.add(canonicalUri(uri));
  }

  /** Closed in the editor: the file on disk (saved or not) is what the index keeps. */
  closed(uri: string): void {
    const key = canonicalUri(uri);
    this.open.delete(key);
    const path = this.pathOf(key);
    if (path && this.inFolders(path)) this.enqueue([path]);
    else if (this.index.delete(key)) this.changed(key);
  }

  /** File-watcher events from the client. Settings files are handled elsewhere. */
  filesChanged(changes: readonly FileEvent[]): void {
    const toRead: string[] = [];
    for (const change of changes) {
      const key = canonicalUri(change.uri);
      const path = this.pathOf(key);
      if (!path || !this.inFolders(path)) continue;
      if (change.type === FileChangeType.Deleted) {
        // A folder deleted (or renamed away) comes as one event for the folder.
        for (const uri of [key, ...this.index.urisUnder(key)]) if (!this.open.has(uri) && this.index.delete(uri)) this.changed(uri);
        this.queue.delete(path);
      } else if (!this.open.has(key)) {
        toRead.push(path);
      }
    }
    // A folder created (or renamed into place) comes as one event for the folder: walk it.
    const folders = toRead.filter((p) => !this.looksLikeDraft(p));
    void this.enqueueFolders(folders);
    this.enqueue(toRead.filter((p) => this.looksLikeDraft(p)));
  }

  private looksLikeDraft(path: string): boolean {
    return isDraftPath(path, draftExtensions(['plaintext', 'markdown', 'article']));
  }

  private async enqueueFolders(folders: string[]): Promise<void> {
    for (const folder of folders) {
      const isFolder = await stat(folder)
        .then((s) => s.isDirectory())
        .catch(() => false);
      if (!isFolder) continue;
      const { settings } = await this.settingsFor(join(folder, 'draft'));
      const found: string[] = [];
      for await (const path of walkDrafts(folder, draftExtensions(settings.languages), () => this.stopped)) found.push(path);
      this.enqueue(found);
    }
  }

  private pathOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }

  private inFolders(path: string): boolean {
    return this.folders.some((f) => path === f || path.startsWith(f.endsWith('/') ? f : `${f}/`));
  }

  /** Settings of a folder (languages, size limit), read once per folder. */
  private settingsFor(path: string): Promise<ResolvedSettings> {
    const folder = dirname(path);
    let entry = this.folderSettings.get(folder);
    if (!entry) {
      entry = this.settings.get(pathToFileURL(join(folder, '.copydesk-index')).href);
      this.folderSettings.set(folder, entry);
    }
    return entry;
  }

  /** Settings changed: the size limit or languages may differ now. */
  settingsChanged(): void {
    this.folderSettings.clear();
  }

  private async build(): Promise<void> {
    this.progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
    this.progress?.begin('Copydesk', 0, 'indexing people and organizations…', false);
    await this.loadSaved();
    // Walk the folders; re-read only what changed since the saved index.
    const seen = new Set<string>();
    const stale: string[] = [];
    let sliceStart = performance.now();
    for (const folder of this.folders) {
      const { settings } = await this.settingsFor(join(folder, 'draft'));
      const extensions = draftExtensions(settings.languages);
      let batch: string[] = [];
      const flush = async () => {
        const stats = await Promise.all(batch.map((p) => stat(p).catch(() => undefined)));
        batch.forEach((path, i) => {
          const uri = pathToFileURL(path).href;
          seen.add(uri);
          const saved = this.index.get(uri);
          const s = stats[i];
          if (!s || !saved || saved.mtimeMs !== s.mtimeMs || saved.size !== s.size) stale.push(path);
        });
        batch = [];
      };
      for await (const path of walkDrafts(folder, extensions, () => this.stopped)) {
        batch.push(path);
        if (batch.length >= 64) await flush();
        if (performance.now() - sliceStart > sliceMs) {
          await yieldToEventLoop();
          sliceStart = performance.now();
        }
      }
      await flush();
    }
    if (this.stopped) return;
    // Drafts deleted while Copydesk was closed.
    for (const uri of this.index.uris()) {
      if (!seen.has(uri) && !this.open.has(uri)) {
        this.index.delete(uri);
        this.changed(uri);
      }
    }
    this.counts = { total: seen.size, done: seen.size - stale.length, tooLarge: 0, unreadable: 0 };
    this.reportProgress(true);
    this.enqueue(stale);
    await this.drain();
    this.buildFinished = true;
    const message = `${this.describeCounts()}.`;
    this.reportProgress(true);
    this.progress?.done();
    this.progress = undefined;
    this.connection.console.info(`Copydesk: workspace index: ${message}`);
    this.scheduleSave(0);
    this.notifyChanged();
  }

  private describeCounts(): string {
    const { done, total, tooLarge, unreadable } = this.counts;
    const parts = [`${Math.min(done, total).toLocaleString('en-US')} of ${total.toLocaleString('en-US')} drafts indexed`];
    if (tooLarge > 0) parts.push(`${tooLarge} skipped as over copydesk.maxDraftSize`);
    if (unreadable > 0) parts.push(`${unreadable} skipped as unreadable or binary`);
    return parts.join(', ');
  }

  private reportProgress(force = false): void {
    if (!this.progress) return;
    const now = performance.now();
    if (!force && now - this.lastProgress < progressIntervalMs) return;
    this.lastProgress = now;
    const { done, total } = this.counts;
    this.progress.report(total > 0 ? Math.floor((100 * Math.min(done, total)) / total) : 0, this.describeCounts());
  }

  /** The saved index, if any and readable; a corrupt one is removed with one message, and the build starts afresh. */
  private async loadSaved(): Promise<void> {
    if (!this.storageFile) return;
    let text: string;
    try {
      text = await readFile(this.storageFile, 'utf8');
    } catch {
      return; // first session
    }
    const key = buildKey();
    const lines = text.split('\n');
    const records: DraftRecord[] = [];
    try {
      if (deserialiseHeader(lines[0]) !== key) return; // another Copydesk build: rebuild quietly
      let sliceStart = performance.now();
      for (let i = 1; i < lines.length; i++) {
        if (lines[i].length > 0) records.push(deserialiseRecord(lines[i]));
        if (performance.now() - sliceStart > sliceMs) {
          await yieldToEventLoop();
          sliceStart = performance.now();
        }
      }
    } catch (error) {
      if (!(error instanceof CorruptIndex)) throw error;
      await rm(this.storageFile, { force: true }).catch(() => undefined);
      void this.connection
        .sendNotification(ShowMessageNotification.type, {
          type: MessageType.Info,
          message: `Copydesk: the saved index of people and organizations could not be read (${error.message}); it is being rebuilt.`,
        })
        .catch(() => undefined);
      return;
    }
    let sliceStart = performance.now();
    for (const record of records) {
      if (!this.open.has(record.uri)) this.index.set(record);
      if (performance.now() - sliceStart > sliceMs) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
  }

  private enqueue(paths: readonly string[]): void {
    for (const path of paths) this.queue.add(path);
    if (this.buildFinished) {
      this.counts.total += paths.length;
    }
    if (paths.length > 0) void this.drain();
  }

  /** Reads queued drafts, a few in flight at a time, until the queue is empty. */
  private drain(): Promise<void> {
    if (!this.reader) return Promise.resolve();
    this.draining ??= this.drainQueue().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private async drainQueue(): Promise<void> {
    const reader = this.reader!;
    {
      const inFlight = new Set<Promise<void>>();
      while (!this.stopped && (this.queue.size > 0 || inFlight.size > 0)) {
        while (this.queue.size > 0 && inFlight.size < reader.parallel) {
          const path: string = this.queue.values().next().value!;
          this.queue.delete(path);
          const task = this.readOne(path).finally(() => inFlight.delete(task));
          inFlight.add(task);
        }
        if (inFlight.size > 0) await Promise.race(inFlight);
      }
    }
  }

  private async settingsLimit(path: string): Promise<number | undefined> {
    const { settings } = await this.settingsFor(path);
    return settings.languages.length > 0 ? settings.maxDraftSize : undefined;
  }

  private async readOne(path: string): Promise<void> {
    const maxDraftSize = (await this.settingsLimit(path)) ?? 0;
    const outcome = await this.reader!.read(path, maxDraftSize);
    this.counts.done++;
    const uri = pathToFileURL(path).href;
    if (this.open.has(uri)) {
      // Opened while being read: the buffer, analysed by the validator, wins.
    } else if ('record' in outcome) {
      this.put(outcome.record);
    } else {
      if (outcome.skipped === 'too-large') this.counts.tooLarge++;
      else if (outcome.skipped === 'unreadable') this.counts.unreadable++;
      if (this.index.delete(uri)) this.changed(uri);
    }
    this.reportProgress();
  }

  private put(record: DraftRecord): void {
    const before = this.index.get(record.uri);
    this.index.set(record);
    if (!sameEntities(before, record)) this.changed(record.uri);
    else this.scheduleSave();
  }

  /** A draft's people changed: save later, refresh the tree, re-check the other open drafts. */
  private changed(uri: string): void {
    this.scheduleSave();
    this.changedSinceRecheck.add(uri);
    if (this.recheckTimer) return;
    this.recheckTimer = setTimeout(() => {
      this.recheckTimer = undefined;
      // During the start-up build the open drafts are re-checked once, at the end.
      if (!this.buildFinished) {
        this.changed(uri);
        return;
      }
      const changed = new Set(this.changedSinceRecheck);
      this.changedSinceRecheck.clear();
      const others = this.documents
        .all()
        .map((d) => d.uri)
        .filter((u) => !changed.has(canonicalUri(u)) || changed.size > 1);
      if (others.length > 0) this.recheck(others);
      this.notifyChanged();
    }, recheckDelayMs);
  }

  private notifyChanged(): void {
    void this.connection.sendNotification(workspaceIndexChangedNotification, { drafts: this.index.size }).catch(() => undefined);
  }

  private scheduleSave(delay = saveDelayMs): void {
    if (!this.storageFile) return;
    if (this.saveTimer) {
      if (delay > 0) return;
      clearTimeout(this.saveTimer);
    }
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save().catch((error) => this.connection.console.warn(`Copydesk: could not save the workspace index: ${(error as Error).message}`));
    }, delay);
  }

  /** Writes the index line by line in slices, to a temporary file renamed into place. */
  private async save(): Promise<void> {
    const file = this.storageFile;
    if (!file || !this.buildFinished) return;
    const lines = [serialiseHeader(buildKey())];
    let sliceStart = performance.now();
    for (const record of this.index.allRecords()) {
      lines.push(serialiseRecord(record));
      if (performance.now() - sliceStart > sliceMs) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
    await mkdir(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, `${lines.join('\n')}\n`);
    await rename(temporary, file);
  }
}

/**
 * What saved records depend on besides each draft's text: the Copydesk
 * version and the code and data that read names (the rules and tables the
 * bundle holds, the tagger's weights beside it), so a hash of their
 * content (not its modification time: a rebuild of the same sources keeps
 * the index). A Copydesk that may recognise names differently starts afresh
 * rather than mixing the two.
 */
let savedBuildKey: string | undefined;
function buildKey(): string {
  if (savedBuildKey === undefined) {
    let hash = 'source';
    try {
      hash = createHash('sha256').update(readFileSync(__filename)).update(readFileSync(taggerWeightsPath())).digest('hex').slice(0, 16);
    } catch {
      // running from sources without a readable file: the version alone
    }
    savedBuildKey = `copydesk ${version} ${hash}`;
  }
  return savedBuildKey;
}
