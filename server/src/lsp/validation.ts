// Keeps each open draft's diagnostics in step with its buffer.
//
// Typing must never wait for the NLP pass, so analysis runs in two phases:
// the cheap rules (quotation marks, leftovers) run on the next turn of the
// event loop after a change and are published at once, together with the
// previous NLP findings shifted past the edit; the rules that need the NLP
// pass run after a short pause in typing, in time slices, and are dropped as
// soon as a newer version of the draft arrives.

import { MessageType, ShowMessageNotification, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, createContext, type AnalysisResult } from '../analysis/analyze';
import { carryOver, findEditedStretch } from '../analysis/carryOver';
import { parseDraft } from '../analysis/draft';
import { checkDraftSize } from '../analysis/limits';
import type { RuleContext } from '../analysis/rule';
import { draftLanguageOf, type ResolvedSettings } from '../analysis/settings';
import { draftStats } from '../analysis/stats';
import type { AnalysisOptions, Finding } from '../analysis/types';
import { toDiagnostic } from './diagnostics';
import type { SettingsStore } from './settings';

/** Custom notification the client shows in its status bar. */
export const draftStatusNotification = 'copydesk/draftStatus';

export interface DraftStatus {
  uri: string;
  words: number;
  readingMinutes: number;
  /** Set when Copydesk is not analysing this draft, in plain words. */
  paused?: string;
}

/** Pause in typing after which the NLP rules run. */
const slowPhaseDelayMs = 250;
/** Longest stretch of NLP work before the server answers other requests. */
const timeSliceMs = 10;

interface DraftState {
  /** Findings of the NLP rules, valid for slowText. */
  slow: Finding[];
  slowText: string;
  fast: Finding[];
  /** The context of the latest fast phase; the slow phase reuses its parse. */
  context?: RuleContext;
  contextVersion: number;
  fastScheduled?: NodeJS.Immediate;
  slowScheduled?: NodeJS.Timeout;
  pausedNoticeShown: boolean;
  reportedFailures: Set<string>;
}

export class DraftValidator {
  private readonly states = new Map<string, DraftState>();
  private readonly shownProblems = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
  ) {}

  /** The draft changed (or opened): re-check it soon. */
  schedule(document: TextDocument): void {
    const state = this.stateOf(document.uri);
    if (state.fastScheduled) return; // several changes in one tick are checked once
    state.fastScheduled = setImmediate(() => {
      state.fastScheduled = undefined;
      void this.runFastPhase(document.uri).catch((error) => this.logError('checking the draft', error));
    });
  }

  /** Re-check every open draft, e.g. after a settings change. */
  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document);
  }

  close(uri: string): void {
    const state = this.states.get(uri);
    if (state) {
      if (state.fastScheduled) clearImmediate(state.fastScheduled);
      if (state.slowScheduled) clearTimeout(state.slowScheduled);
      this.states.delete(uri);
    }
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The findings last published for a draft (used by "fix all"). */
  async currentFindings(document: TextDocument): Promise<Finding[]> {
    const options = await this.optionsFor(document);
    if (!options) return [];
    return analyze(document.getText(), options, 'all').findings;
  }

  /**
   * The analysis context of the document's current version, shared with the
   * diagnostics so hovers and navigation reuse the same parse. Undefined when
   * Copydesk does not analyse the document (language, size).
   */
  async contextFor(document: TextDocument): Promise<RuleContext | undefined> {
    const state = this.stateOf(document.uri);
    if (state.context && state.contextVersion === document.version) return state.context;
    const resolved = await this.settings.get(document.uri);
    const options = await this.optionsFor(document);
    if (!options || checkDraftSize(document.getText(), resolved.settings.maxDraftSize)) return undefined;
    const context = createContext(parseDraft(document.getText(), options.language), options);
    if (this.documents.get(document.uri)?.version === document.version) {
      state.context = context;
      state.contextVersion = document.version;
    }
    return context;
  }

  private stateOf(uri: string): DraftState {
    let state = this.states.get(uri);
    if (!state) {
      state = { slow: [], slowText: '', fast: [], contextVersion: -1, pausedNoticeShown: false, reportedFailures: new Set() };
      this.states.set(uri, state);
    }
    return state;
  }

  private async optionsFor(document: TextDocument): Promise<AnalysisOptions | undefined> {
    const resolved = await this.settings.get(document.uri);
    this.showProblems(resolved);
    if (!resolved.settings.languages.includes(document.languageId)) return undefined;
    return {
      language: draftLanguageOf(document.languageId === 'plaintext' ? document.uri : document.languageId),
      quoteStyle: resolved.settings.quoteStyle,
      rules: resolved.settings.rules,
    };
  }

  private async runFastPhase(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    const state = this.states.get(uri);
    if (!document || !state) return;
    const resolved = await this.settings.get(uri);
    const options = await this.optionsFor(document);
    // The settings request yields: a newer version may have arrived meanwhile.
    if (this.documents.get(uri)?.version !== document.version || this.states.get(uri) !== state) return;
    if (!options) {
      this.publish(document, []);
      return;
    }
    const text = document.getText();
    const refusal = checkDraftSize(text, resolved.settings.maxDraftSize);
    if (refusal) {
      this.publish(document, []);
      this.sendStatus({ uri, words: 0, readingMinutes: 0, paused: refusal });
      if (!state.pausedNoticeShown) {
        state.pausedNoticeShown = true;
        this.warn(refusal);
      }
      return;
    }
    state.pausedNoticeShown = false;

    const context = createContext(parseDraft(text, options.language), options);
    const result = analyze(text, options, 'fast', undefined, context);
    this.reportFailures(uri, state, result);
    state.fast = result.findings;
    state.slow = carryOver(state.slow, findEditedStretch(state.slowText, text));
    state.slowText = text;
    state.context = context;
    state.contextVersion = document.version;
    this.publish(document, [...state.fast, ...state.slow]);

    if (state.slowScheduled) clearTimeout(state.slowScheduled);
    state.slowScheduled = setTimeout(() => {
      state.slowScheduled = undefined;
      void this.runSlowPhase(uri, document.version).catch((error) => this.logError('checking the draft', error));
    }, slowPhaseDelayMs);
  }

  private async runSlowPhase(uri: string, version: number): Promise<void> {
    const state = this.states.get(uri);
    const isCurrent = () => this.states.get(uri) === state && this.documents.get(uri)?.version === version;
    if (!state || !state.context || state.contextVersion !== version || !isCurrent()) return;
    const context = state.context;

    // Warm the per-paragraph caches in slices so hovers and edits are answered in between.
    for (const paragraph of context.draft.paragraphs) {
      const sliceStart = performance.now();
      prepareParagraph(paragraph.text);
      if (performance.now() - sliceStart > timeSliceMs) {
        await new Promise((resolve) => setImmediate(resolve));
        if (!isCurrent()) return;
      }
    }

    const result = analyze(context.draft.text, context.options, 'nlp', undefined, context);
    if (!isCurrent()) return;
    this.reportFailures(uri, state, result);
    state.slow = result.findings;
    state.slowText = context.draft.text;
    const document = this.documents.get(uri)!;
    this.publish(document, [...state.fast, ...state.slow]);
    this.sendStatus({ uri, ...draftStats(context.draft.text) });
  }

  private publish(document: TextDocument, findings: Finding[]): void {
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
    void this.connection.sendDiagnostics({
      uri: document.uri,
      version: document.version,
      diagnostics: findings.map((f) => toDiagnostic(document, f)),
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

  private reportFailures(uri: string, state: DraftState, result: AnalysisResult): void {
    for (const failure of result.failures) {
      const message = failure.error instanceof Error ? (failure.error.stack ?? failure.error.message) : String(failure.error);
      // Once per rule and draft: a rule that fails on every keystroke must not flood the log.
      if (state.reportedFailures.has(failure.ruleId)) continue;
      state.reportedFailures.add(failure.ruleId);
      this.connection.console.error(`Rule ${failure.ruleId} failed on ${uri}; the other rules still report. ${message}`);
    }
  }

  private logError(what: string, error: unknown): void {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.connection.console.error(`Copydesk failed while ${what}: ${message}`);
  }
}

/** Parse one paragraph into the NLP cache; replaced by the NLP layer's own preparer. */
let prepareParagraph: (text: string) => void = () => {};

export function setParagraphPreparer(prepare: (text: string) => void): void {
  prepareParagraph = prepare;
}
