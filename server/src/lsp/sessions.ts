// Keeps one DraftSession per open document in step with its buffer, and
// publishes what the session finds.
//
// Typing must never wait for the slow work, so each change is checked in two
// phases: the keystroke rules run on the next turn of the event loop and are
// published at once, with the previous slow findings carried past the edit;
// the slow phase runs after a short pause in typing, in time slices, and is
// dropped as soon as a newer version arrives. Requests (hover, outline,
// tokens) ask the session, which answers without blocking on the slow phase.

import {
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  WorkDoneProgress,
  type Connection,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleFailure } from '../analysis/analyze';
import { warmUpNames } from '../analysis/entities';
import { DraftSession, type SessionConfig, type TextChange } from '../analysis/session';
import { analysisOptionsFor, draftLanguageOf, type ResolvedSettings } from '../analysis/settings';
import type { RuleContext } from '../analysis/rule';
import type { AnalysisOptions, Finding } from '../analysis/types';
import { draftStatusNotification, type DraftStatus } from '../protocol';
import { maxEditsInPublishedFix, toDiagnostic } from './diagnostics';
import type { SettingsStore } from './settings';

/** Pause in typing after which the slow phase runs. */
const slowPhaseDelayMs = 250;
/** Longest stretch of slow work before the server answers other requests. */
const timeSliceMs = 10;
/** A first pass expected to take longer than this shows progress in the status bar. */
const progressAfterMs = 500;
/**
 * Most diagnostics published for one draft. A pasted spreadsheet can yield
 * tens of thousands of findings; publishing them all cost seconds of
 * conversion and tens of megabytes of JSON, with the server deaf meanwhile,
 * and no writer reads past the first screenfuls. The most severe are kept.
 */
const maxPublishedDiagnostics = 1000;
const severityRank = { error: 0, warning: 1, info: 2, hint: 3 } as const;

/**
 * Hands the event loop back between slices of slow work, for two turns. A
 * request read from the client during a slice is dispatched on a setImmediate
 * (vscode-jsonrpc's message queue), queued behind the slice's own
 * continuation: with one turn a hover waited for the next slice as well.
 */
export const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * The documents the client has open, as TextDocuments keeps them, with each
 * change also recorded as offsets: a keystroke then tells the session exactly
 * what changed, without comparing the whole text.
 */
export function createDocuments(): { documents: TextDocuments<TextDocument>; takeChanges(uri: string): TextChange[] | undefined } {
  const pending = new Map<string, TextChange[]>();
  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => {
      pending.delete(uri);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (document, changes: TextDocumentContentChangeEvent[], version) => {
      const recorded = pending.get(document.uri) ?? [];
      for (const change of changes) {
        if ('range' in change) {
          const start = document.offsetAt(change.range.start);
          const end = document.offsetAt(change.range.end);
          recorded.push({ start, end, text: change.text });
        } else {
          recorded.push({ start: 0, end: document.getText().length, text: change.text });
        }
        // One change at a time: each range is in the text the previous change left.
        TextDocument.update(document, [change], version);
      }
      pending.set(document.uri, recorded);
      return document;
    },
  });
  return {
    documents,
    takeChanges(uri) {
      const changes = pending.get(uri);
      pending.delete(uri);
      return changes;
    },
  };
}

interface OpenDraft {
  session: DraftSession;
  /** The document version the session's text belongs to. */
  version: number;
  /** The settings the session was configured with (identity tells a change). */
  settings?: ResolvedSettings;
  /** What the hooks add to the options changed (other drafts changed): reconfigure on the next check. */
  optionsStale?: boolean;
  fastScheduled?: NodeJS.Immediate;
  slowScheduled?: NodeJS.Timeout;
  pausedNoticeShown: boolean;
  namesNoticeShown: boolean;
  reportedFailures: Set<string>;
}

/** How the workspace index takes part in a draft's analysis (lsp/workspaceIndex.ts). */
export interface SessionHooks {
  /** The options of a draft's analysis, e.g. with the names the other drafts use. */
  options?(uri: string, options: AnalysisOptions, settings: ResolvedSettings): AnalysisOptions;
  /** The draft's slow phase finished and was published: the index may learn from it now, never before. */
  analysed?(uri: string, context: RuleContext): void;
}

export class DraftSessions {
  private readonly drafts = new Map<string, OpenDraft>();
  private readonly shownProblems = new Set<string>();
  private progressSupported = false;
  /** compromise and the tagger are loaded once, right after the first draft's diagnostics go out. */
  private namesWarmedUp = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly takeChanges: (uri: string) => TextChange[] | undefined,
    private readonly settings: SettingsStore,
    private readonly hooks: SessionHooks = {},
  ) {}

  /** The client can show server-initiated progress (window.workDoneProgress). */
  enableProgress(): void {
    this.progressSupported = true;
  }

  /** The draft changed (or opened): re-check it soon. */
  schedule(document: TextDocument): void {
    const open = this.drafts.get(document.uri);
    // Typing goes on: the pause the slow phase waits for starts again from this change,
    // even while requests delay this change's fast phase.
    if (open?.slowScheduled) {
      clearTimeout(open.slowScheduled);
      open.slowScheduled = undefined;
    }
    if (open?.fastScheduled) return; // several changes in one tick are checked once
    const run = () => {
      const current = this.drafts.get(document.uri);
      if (current) current.fastScheduled = undefined;
      void this.runFastPhase(document.uri).catch((error) => this.logError('checking the draft', error));
    };
    if (open) open.fastScheduled = setImmediate(run);
    else setImmediate(run);
  }

  /** What the hooks add to a draft's options changed (e.g. other drafts' names): re-check it with new options. */
  optionsChanged(document: TextDocument): void {
    const open = this.drafts.get(document.uri);
    if (open) open.optionsStale = true;
    this.schedule(document);
  }

  /** Re-check every open draft, e.g. after a settings change. */
  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document);
  }

  close(uri: string): void {
    const open = this.drafts.get(uri);
    if (open) {
      if (open.fastScheduled) clearImmediate(open.fastScheduled);
      if (open.slowScheduled) clearTimeout(open.slowScheduled);
      this.drafts.delete(uri);
    }
    this.takeChanges(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Settings files changed on disk: a fixed file may break again, so its message may show again. */
  forgetShownProblems(): void {
    this.shownProblems.clear();
  }

  /**
   * The session of the document, brought up to its current version. Undefined
   * when Copydesk does not check the document's language, or refuses it (size,
   * binary). Cheap once the settings are cached: the fast work is memoized per
   * version and entity requests never wait for the slow phase.
   */
  async sessionFor(document: TextDocument): Promise<DraftSession | undefined> {
    const resolved = await this.settings.get(document.uri);
    const current = this.documents.get(document.uri) ?? document;
    const pending = this.drafts.get(current.uri)?.fastScheduled;
    if (pending) {
      // The editor asks for tokens, symbols and code actions right after each
      // keystroke: the keystroke's diagnostics go out first, not after them.
      clearImmediate(pending);
      this.drafts.get(current.uri)!.fastScheduled = undefined;
      try {
        this.checkNow(current, resolved);
      } catch (error) {
        this.logError('checking the draft', error);
      }
    }
    const open = this.bringUpToDate(current, resolved);
    if (!open || open.session.refusal) return undefined;
    return open.session;
  }

  /** Creates, reconfigures or advances the document's session; undefined when its language is not checked. */
  private bringUpToDate(document: TextDocument, resolved: ResolvedSettings): OpenDraft | undefined {
    this.showProblems(resolved);
    if (!resolved.settings.languages.includes(document.languageId)) {
      this.drafts.delete(document.uri);
      return undefined;
    }
    let open = this.drafts.get(document.uri);
    if (!open) {
      this.takeChanges(document.uri);
      open = {
        session: new DraftSession(document.getText(), this.configFor(document, resolved)),
        version: document.version,
        settings: resolved,
        pausedNoticeShown: false,
        namesNoticeShown: false,
        reportedFailures: new Set(),
      };
      this.drafts.set(document.uri, open);
      return open;
    }
    // New settings, or other drafts changed the names the hooks add: the session starts afresh.
    if (open.settings !== resolved || open.optionsStale) {
      open.settings = resolved;
      open.optionsStale = false;
      open.session.configure(this.configFor(document, resolved));
    }
    if (open.version !== document.version) {
      const changes = this.takeChanges(document.uri);
      const text = document.getText();
      if (changes) open.session.applyChanges(changes, text);
      // The recorded changes must reproduce the buffer; if anything was missed, take the text.
      if (open.session.text !== text) open.session.update(text);
      open.version = document.version;
    }
    return open;
  }

  private configFor(document: TextDocument, resolved: ResolvedSettings): SessionConfig {
    const language = draftLanguageOf(document.languageId === 'plaintext' ? document.uri : document.languageId);
    // The house style, AP checks, word limits and style sheet come with the settings.
    const options = analysisOptionsFor(resolved.settings, language, resolved.styleSheet);
    return { options: this.hooks.options?.(document.uri, options, resolved) ?? options, maxDraftSize: resolved.settings.maxDraftSize };
  }

  private async runFastPhase(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const resolved = await this.settings.get(uri);
    // The settings request yields: a newer version may have arrived meanwhile.
    if (this.documents.get(uri)?.version !== document.version) return;
    this.checkNow(document, resolved);
  }

  /** The fast phase of the document's current version: publishes its diagnostics and schedules the slow phase. */
  private checkNow(document: TextDocument, resolved: ResolvedSettings): void {
    const uri = document.uri;
    const open = this.bringUpToDate(document, resolved);
    if (!open) {
      this.publish(document, []);
      return;
    }
    const { session } = open;
    const refusal = session.refusal;
    if (refusal) {
      this.publish(document, []);
      this.sendStatus({ uri, words: 0, readingMinutes: 0, paused: refusal });
      if (!open.pausedNoticeShown) {
        open.pausedNoticeShown = true;
        this.warn(refusal);
      }
      return;
    }
    open.pausedNoticeShown = false;
    const namesSkipped = session.namesSkipped;
    if (namesSkipped && !open.namesNoticeShown) this.warn(namesSkipped);
    open.namesNoticeShown = namesSkipped !== undefined;
    this.reportFailures(uri, open, session.fastFindings().failures);
    this.publish(document, session.findings());
    if (!this.namesWarmedUp && !namesSkipped) {
      this.namesWarmedUp = true;
      // The diagnostics are out; load the NLP layer now, at a moment nothing waits for,
      // rather than inside the first hover or the first slow phase.
      setImmediate(() => {
        try {
          warmUpNames();
        } catch (error) {
          this.logError('loading the NLP layer', error);
        }
      });
    }

    if (open.slowScheduled) clearTimeout(open.slowScheduled);
    open.slowScheduled = setTimeout(() => {
      open.slowScheduled = undefined;
      void this.runSlowPhase(uri, document.version).catch((error) => this.logError('checking the draft', error));
    }, slowPhaseDelayMs);
  }

  private async runSlowPhase(uri: string, version: number): Promise<void> {
    const open = this.drafts.get(uri);
    const stillWanted = () => this.drafts.get(uri) === open && this.documents.get(uri)?.version === version;
    if (!open || open.version !== version || !stillWanted()) return;
    const progress = new FirstPassProgress(this.connection, this.progressSupported);
    let failures: RuleFailure[] | undefined;
    try {
      failures = await open.session.analyzeSlowly({
        stillWanted,
        pause: yieldToRequests,
        sliceMs: timeSliceMs,
        progress: (done, total) => progress.report(done, total),
      });
    } finally {
      progress.done();
    }
    if (!failures || !stillWanted()) return;
    this.reportFailures(uri, open, failures);
    const document = this.documents.get(uri)!;
    this.publish(document, open.session.findings());
    this.sendStatus({ uri, ...open.session.stats() });
    if (open.session.namesSkipped || !this.hooks.analysed) return;
    // The workspace index records the draft on a later turn: a request waiting now is answered first.
    const context = open.session.ruleContext;
    await yieldToRequests();
    if (this.drafts.get(uri) === open) this.hooks.analysed(uri, context);
  }

  private publish(document: TextDocument, all: Finding[]): void {
    let findings = all;
    if (findings.length > maxPublishedDiagnostics) {
      findings = [...findings]
        .sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || a.start - b.start)
        .slice(0, maxPublishedDiagnostics)
        .sort((a, b) => a.start - b.start || a.end - b.end);
    }
    void this.connection.sendDiagnostics({
      uri: document.uri,
      version: document.version,
      diagnostics: findings.map((f) => toDiagnostic(document, f, maxEditsInPublishedFix)),
    });
  }

  private sendStatus(status: DraftStatus): void {
    void this.connection.sendNotification(draftStatusNotification, status);
  }

  private showProblems(resolved: ResolvedSettings): void {
    for (const problem of resolved.problems) {
      if (this.shownProblems.has(problem)) continue;
      this.shownProblems.add(problem);
      this.warn(`Copydesk: ${problem}`);
    }
  }

  /**
   * A plain notice, sent as the window/showMessage notification: every client
   * shows it, and nothing waits for an answer. (window.showWarningMessage sends
   * a request instead, and a client that rejects it, or lacks it, left an
   * unhandled rejection that ended the server process.)
   */
  private warn(message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined);
  }

  private reportFailures(uri: string, open: OpenDraft, failures: readonly RuleFailure[]): void {
    for (const failure of failures) {
      const message = failure.error instanceof Error ? (failure.error.stack ?? failure.error.message) : String(failure.error);
      // Once per rule and draft: a rule that fails on every keystroke must not flood the log.
      if (open.reportedFailures.has(failure.ruleId)) continue;
      open.reportedFailures.add(failure.ruleId);
      this.connection.console.error(`Rule ${failure.ruleId} failed on ${uri}; the other rules still report. ${message}`);
    }
  }

  private logError(what: string, error: unknown): void {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.connection.console.error(`Copydesk failed while ${what}: ${message}`);
  }
}

/**
 * Work-done progress for a long first pass (a huge draft seen for the first
 * time): shown in the status bar once the pass has run for a while, so a
 * quick pass never flashes a progress bar.
 */
class FirstPassProgress {
  private readonly started = performance.now();
  private token?: string;
  /** The begin message went out: reports may follow. */
  private began = false;
  private ended = false;
  private lastPercentage = -1;

  constructor(
    private readonly connection: Connection,
    private readonly supported: boolean,
  ) {}

  report(done: number, total: number): void {
    if (this.token) {
      this.send(done, total);
      return;
    }
    if (!this.supported || this.ended || done >= total || performance.now() - this.started < progressAfterMs) return;
    const token = `copydesk-first-pass-${process.pid}-${Math.round(this.started)}`;
    this.token = token;
    void this.connection
      .sendRequest('window/workDoneProgress/create', { token })
      .then(() => {
        if (this.ended) return;
        this.began = true;
        void this.connection.sendProgress(WorkDoneProgress.type, token, {
          kind: 'begin',
          title: 'Copydesk: reading the draft',
          percentage: 0,
          cancellable: false,
        });
      })
      .catch(() => undefined);
  }

  private send(done: number, total: number): void {
    const percentage = Math.floor((done / Math.max(total, 1)) * 100);
    if (!this.began || percentage === this.lastPercentage) return;
    this.lastPercentage = percentage;
    void this.connection.sendProgress(WorkDoneProgress.type, this.token!, { kind: 'report', percentage, message: `${done} of ${total} paragraphs` });
  }

  done(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.began) void this.connection.sendProgress(WorkDoneProgress.type, this.token!, { kind: 'end' });
  }
}
