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
import { analyze, createContext, finishFindings, keystrokePhase, pausePhase, runRules, type AnalysisPhase, type AnalysisResult, type RuleFailure } from '../analysis/analyze';
import { carryOver, findEditedStretch } from '../analysis/carryOver';
import { applySuppression } from '../analysis/suppression';
import { parseDraft, updateDraft } from '../analysis/draft';
import { checkDraftSize, describeSize } from '../analysis/limits';
import type { RuleContext } from '../analysis/rule';
import { parseParagraph } from '../analysis/nlp';
import { rules as allRules } from '../analysis/rules/index';
import { analysisOptionsFor, draftLanguageOf, type ResolvedSettings } from '../analysis/settings';
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
/**
 * Most diagnostics published for one draft. A pasted spreadsheet can yield
 * tens of thousands of findings; publishing them all cost seconds of
 * conversion and tens of megabytes of JSON, with the server deaf meanwhile,
 * and no writer reads past the first screenfuls. The most severe are kept.
 */
const maxPublishedDiagnostics = 1000;
const severityRank = { error: 0, warning: 1, info: 2, hint: 3 } as const;
/**
 * Largest draft the NLP rules run on. The paragraphs are parsed in time
 * slices, but the entity pass then reasons over the whole draft in one piece,
 * at about 6 ms per KB of news copy measured here (0.9 s for 140 KB), so a
 * 1 MB paste would leave the server deaf for seconds. 100 KB is some 16,000
 * words, three times a long feature. Larger drafts keep the fast rules and
 * are told so once.
 */
export const maxNlpDraftSize = 100_000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

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
  nlpSkippedNoticeShown: boolean;
  reportedFailures: Set<string>;
}

/** How the workspace index takes part in a draft's analysis (lsp/workspaceIndex.ts). */
export interface ValidationHooks {
  /** The options of a draft's analysis, e.g. with the names the other drafts use. */
  options?(uri: string, options: AnalysisOptions, settings: ResolvedSettings): AnalysisOptions;
  /** The draft's NLP analysis finished and was published: the index may learn from it now, never before. */
  analysed?(uri: string, context: RuleContext): void;
}

export class DraftValidator {
  private readonly states = new Map<string, DraftState>();
  private readonly shownProblems = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly hooks: ValidationHooks = {},
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

  /** Every finding in the document's current text, on the shared context (used by "fix all"). */
  async currentFindings(document: TextDocument): Promise<Finding[]> {
    const context = await this.contextFor(document);
    if (!context) return [];
    const { text } = context.draft;
    // Within the same budget as the diagnostics: a huge draft gets no NLP rules.
    return analyze(text, context.options, text.length > maxNlpDraftSize ? ['keystroke', 'scan'] : 'all', undefined, context).findings;
  }

  /**
   * The analysis context of the document's current version, shared with the
   * diagnostics so hovers and navigation reuse the same parse. Undefined when
   * Copydesk does not analyse the document (language, size).
   */
  async contextFor(document: TextDocument): Promise<RuleContext | undefined> {
    const state = this.stateOf(document.uri);
    if (state.context && state.contextVersion === document.version) return state.context;
    const checked = await this.optionsFor(document);
    if (!checked || checkDraftSize(document.getText(), checked.maxDraftSize)) return undefined;
    const { options } = checked;
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
      state = { slow: [], slowText: '', fast: [], contextVersion: -1, pausedNoticeShown: false, nlpSkippedNoticeShown: false, reportedFailures: new Set() };
      this.states.set(uri, state);
    }
    return state;
  }

  /** The document's analysis options and size limit; undefined when Copydesk does not check its language. */
  private async optionsFor(document: TextDocument): Promise<{ options: AnalysisOptions; maxDraftSize: number } | undefined> {
    const resolved = await this.settings.get(document.uri);
    this.showProblems(resolved);
    if (!resolved.settings.languages.includes(document.languageId)) return undefined;
    const language = draftLanguageOf(document.languageId === 'plaintext' ? document.uri : document.languageId);
    // The house style, AP checks, word limits and style sheet come with the settings.
    const options = analysisOptionsFor(resolved.settings, language, resolved.styleSheet);
    return { options: this.hooks.options?.(document.uri, options, resolved) ?? options, maxDraftSize: resolved.settings.maxDraftSize };
  }

  /** Settings files changed on disk: a fixed file may break again, so its message may show again. */
  forgetShownProblems(): void {
    this.shownProblems.clear();
  }

  private async runFastPhase(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    const state = this.states.get(uri);
    if (!document || !state) return;
    const checked = await this.optionsFor(document);
    // The settings request yields: a newer version may have arrived meanwhile.
    if (this.documents.get(uri)?.version !== document.version || this.states.get(uri) !== state) return;
    if (!checked) {
      this.publish(document, []);
      return;
    }
    const { options } = checked;
    const text = document.getText();
    const refusal = checkDraftSize(text, checked.maxDraftSize);
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

    const parseStart = performance.now();
    // While typing, re-split only the paragraphs the edit touched: the rest keep
    // their text strings, so every per-paragraph cache finds them at once.
    const previous = state.context?.draft;
    const sincePrevious = previous?.language === options.language ? findEditedStretch(previous.text, text) : undefined;
    const draft = previous && sincePrevious ? updateDraft(previous, text, sincePrevious) : parseDraft(text, options.language);
    const context = createContext(draft, options);
    const isCurrent = () => this.states.get(uri) === state && this.documents.get(uri)?.version === document.version;
    const result = await analyzeInSlices(context, keystrokePhase, isCurrent, parseStart);
    if (!result) return;
    this.reportFailures(uri, state, result);
    state.fast = result.findings;
    const sinceSlow = sincePrevious && state.slowText === previous?.text ? sincePrevious : findEditedStretch(state.slowText, text);
    // Directives typed (or inserted by "Ignore ...") take effect at once on the carried findings too.
    state.slow = applySuppression(context.draft, carryOver(state.slow, sinceSlow));
    state.slowText = text;
    state.context = context;
    state.contextVersion = document.version;
    if (state.slowScheduled) clearTimeout(state.slowScheduled);
    if (text.length > maxNlpDraftSize) {
      if (!state.nlpSkippedNoticeShown) {
        state.nlpSkippedNoticeShown = true;
        this.warn(
          `Copydesk checks names and attribution only in drafts up to ${describeSize(maxNlpDraftSize)}; this one is ${describeSize(text.length)}, so only the quotation-mark, leftover and style checks run.`,
        );
      }
    } else {
      state.nlpSkippedNoticeShown = false;
    }
    this.publish(document, [...state.fast, ...state.slow]);

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

    // Over the NLP budget, only the rules that scan the text run after the pause.
    const withNlp = context.draft.text.length <= maxNlpDraftSize;
    if (withNlp) {
      // Warm the per-paragraph caches in slices so hovers and edits are answered in between.
      // The slice spans paragraphs: thousands of short ones must not run as one block.
      let sliceStart = performance.now();
      for (const paragraph of context.draft.paragraphs) {
        // Parsing into the NLP cache (the one the entity pass reads, keyed by the
        // paragraph's text) is most of the NLP cost: 2.4 s of 3.2 s for 140 KB, measured.
        parseParagraph(paragraph.text);
        if (performance.now() - sliceStart > timeSliceMs) {
          await yieldToEventLoop();
          if (!isCurrent()) return;
          sliceStart = performance.now();
        }
      }
    }

    const result = await analyzeInSlices(context, withNlp ? pausePhase : ['scan'], isCurrent);
    if (!result || !isCurrent()) return;
    this.reportFailures(uri, state, result);
    state.slow = result.findings;
    state.slowText = context.draft.text;
    const document = this.documents.get(uri)!;
    this.publish(document, [...state.fast, ...state.slow]);
    this.sendStatus({ uri, ...draftStats(context.draft.text) });
    if (withNlp) this.hooks.analysed?.(uri, context);
  }

  private publish(document: TextDocument, all: Finding[]): void {
    let findings = all;
    if (findings.length > maxPublishedDiagnostics) {
      findings = [...findings]
        .sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || a.start - b.start)
        .slice(0, maxPublishedDiagnostics);
    }
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

/**
 * Runs the rules of one phase one at a time on a shared context, handing the
 * event loop back between rules once a time slice is spent, so a request
 * waits at most for one rule, never for a whole analysis of a huge draft.
 * undefined when `isCurrent` says a newer version arrived meanwhile.
 */
async function analyzeInSlices(
  context: RuleContext,
  phase: AnalysisPhase,
  isCurrent: () => boolean,
  sliceStart = performance.now(),
): Promise<AnalysisResult | undefined> {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  for (const rule of allRules) {
    if (performance.now() - sliceStart > timeSliceMs) {
      await yieldToEventLoop();
      if (!isCurrent()) return undefined;
      sliceStart = performance.now();
    }
    const part = runRules(context, phase, [rule]);
    for (const finding of part.findings) findings.push(finding);
    for (const failure of part.failures) failures.push(failure);
  }
  return { findings: finishFindings(context, findings), failures };
}
