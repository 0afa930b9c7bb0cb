// One analysis session per open draft: the single entry point for everything
// a client can ask of a draft (the language server's handlers and the CLI).
//
// A session holds the draft's latest text and what has been worked out about
// it. Two kinds of work are kept apart so that typing never waits:
//   - fast work (quotation marks and the other keystroke rules, per-paragraph
//     cached) runs for every version on demand;
//   - slow work (the NLP pass, the entity rules, whole-text scans) runs in
//     time slices after a pause in typing, and until it finishes for the
//     current version its last results are carried past the edits.
// Requests for people and organizations never block on the slow work: they
// are answered from the current version when that is cheap, else from the
// last finished entity pass with its offsets mapped through the edits.

import { createContext, finishFindings, keystrokePhase, pausePhase, runRules, severityFor, type AnalysisResult, type RuleFailure } from './analyze';
import { selectSafeFixes, type SafeFixes } from './applyFixes';
import { carryOver, findEditedStretch, type EditedStretch } from './carryOver';
import { parseDraft, updateDraft, type Draft } from './draft';
import {
  analyzeEntities,
  entityPassSteps,
  mentionIndexOf,
  prepareEntityParagraph,
  withPlainSpaces,
  settleEntities,
  withLookup,
  withSortedLookup,
  type Entity,
  type EntityAnalysis,
  type MentionEntry,
} from './entities';
import { analyzeFacts, factsOf as factsOfEntity, type Fact } from './facts';
import { checkDraftSize } from './limits';
import { isNlpLoaded, isParagraphParsed } from './nlp';
import { isTaggerLoaded } from './entities/tagger';
import { analyzeQuotes, type Quotation } from './quotes';
import type { RuleContext } from './rule';
import { rules as allRules } from './rules/index';
import { draftStats, type DraftStats } from './stats';
import { applySuppression } from './suppression';
import type { AnalysisOptions, Finding } from './types';

export interface SessionConfig {
  options: AnalysisOptions;
  /** Drafts longer than this (characters) are not analysed; see checkDraftSize. */
  maxDraftSize: number;
}

/** One change in LSP style, as offsets into the text it applies to. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** How the slow work is run: the server hands the event loop back between slices. */
export interface SliceControl {
  /** Called between slices; false stops the work (a newer version arrived). */
  stillWanted(): boolean;
  /** Hands the event loop back; resolves when the work may go on. */
  pause(): Promise<void>;
  /** Longest stretch of work between pauses, in milliseconds. */
  sliceMs: number;
  /** Paragraphs of the NLP pass done so far, for a progress bar on a first pass. */
  progress?(done: number, total: number): void;
}

/**
 * Largest entity pass run inline when a request arrives before the slow phase:
 * text still to parse (compromise reads about 60 characters a millisecond
 * here), and the time the last whole pass took. Above either, the request is
 * answered from the last finished pass instead.
 */
const inlineParseCharacters = 4_000;
const inlineEntityPassMs = 15;

/**
 * Most paragraphs a draft may have for the names to be read. A 100,000-word
 * story has about 4,000; a draft of tens of thousands of paragraphs is a list
 * or a paste, and the whole-draft entity pass over it (about 10 µs a
 * paragraph, in one piece) would leave the server deaf for a second or more.
 */
export const maxParagraphsForNames = 20_000;

/** The outcome of the slow phase of one version. */
interface SlowResult {
  /** The text the findings were computed for. */
  text: string;
  findings: Finding[];
}

interface SettledEntities {
  text: string;
  analysis: EntityAnalysis;
}

export class DraftSession {
  private config: SessionConfig;
  private currentText: string;
  /** The current text parsed; undefined until asked for, and never for a draft Copydesk refuses. */
  private parsed?: Draft;
  private refusalOf?: { revision: number; reason: string | undefined };
  /** Bumped on every update; the slow phase checks it to stop early. */
  private revision = 0;
  private contextOf?: { revision: number; context: RuleContext };
  private fastResult?: AnalysisResult;
  private allResult?: AnalysisResult;
  private slow: SlowResult = { text: '', findings: [] };
  private carried?: { revision: number; findings: Finding[] };
  private settledEntities?: SettledEntities;
  private mappedEntities?: { revision: number; analysis: EntityAnalysis };
  /** How long the last whole entity pass took: decides whether a request may run one inline. */
  private lastEntityPassMs = Infinity;

  constructor(text: string, config: SessionConfig) {
    this.config = config;
    this.currentText = text;
  }

  get text(): string {
    return this.currentText;
  }

  /** The current version split into paragraphs (shared with every rule). */
  get parsedDraft(): Draft {
    this.parsed ??= parseDraft(this.currentText, this.config.options.language);
    return this.parsed;
  }

  /** Shorthand inside the class: the parsed current version. */
  private get draft(): Draft {
    return this.parsedDraft;
  }

  /** The shared analysis context of the current version (rules memoize their passes on it). */
  get ruleContext(): RuleContext {
    if (this.contextOf?.revision !== this.revision) this.contextOf = { revision: this.revision, context: createContext(this.draft, this.config.options) };
    return this.contextOf.context;
  }

  private get context(): RuleContext {
    return this.ruleContext;
  }

  get options(): AnalysisOptions {
    return this.config.options;
  }

  /** Why people and organizations are not looked for in this draft, in plain words; undefined when they are. */
  get namesSkipped(): string | undefined {
    if (this.refusal) return undefined;
    const count = this.draft.paragraphs.length;
    if (count <= maxParagraphsForNames) return undefined;
    return `Copydesk reads names only in drafts of up to ${maxParagraphsForNames.toLocaleString('en-US')} paragraphs; this one has ${count.toLocaleString('en-US')}, so the name and attribution checks are off for it.`;
  }

  /** Why the draft is not analysed (too large, binary), in plain words; undefined when it is. */
  get refusal(): string | undefined {
    if (this.refusalOf?.revision !== this.revision)
      this.refusalOf = { revision: this.revision, reason: checkDraftSize(this.currentText, this.config.maxDraftSize) };
    return this.refusalOf.reason;
  }

  /** New settings: every result is recomputed (the text's caches are kept). */
  configure(config: SessionConfig): void {
    const languageChanged = config.options.language !== this.config.options.language;
    this.config = config;
    if (languageChanged) this.parsed = undefined;
    this.slow = { text: '', findings: [] };
    this.settledEntities = undefined;
    this.renew();
  }

  /** Replaces the whole text. */
  update(text: string): void {
    if (text === this.currentText) return;
    this.advance(text, findEditedStretch(this.currentText, text));
  }

  /**
   * Applies LSP-style changes in order, each in offsets of the text as it was
   * after the previous one. A single change (a keystroke) gives the edited
   * stretch directly, without comparing the texts.
   *
   * `result` is the text the changes give when the caller already holds it
   * (the editor's buffer): a single change then takes it as it is. Building a
   * second copy of a 600,000-character draft and flattening it cost about
   * 10 ms a keystroke, and comparing the two as much again.
   */
  applyChanges(changes: readonly TextChange[], result?: string): void {
    if (changes.length === 0) return;
    const before = this.currentText;
    if (changes.length === 1) {
      const [change] = changes;
      const start = clamp(change.start, 0, before.length);
      const end = clamp(change.end, start, before.length);
      const delta = change.text.length - (end - start);
      const text =
        result !== undefined && result.length === before.length + delta && result.startsWith(change.text, start)
          ? result
          : before.slice(0, start) + change.text + before.slice(end);
      this.advance(text, { start, oldEnd: end, delta });
      return;
    }
    let text = before;
    for (const change of changes) {
      const start = clamp(change.start, 0, text.length);
      const end = clamp(change.end, start, text.length);
      text = text.slice(0, start) + change.text + text.slice(end);
    }
    this.advance(text, findEditedStretch(before, text));
  }

  private advance(text: string, stretch: EditedStretch): void {
    // Only the paragraphs the edit touched are re-split: the rest keep their
    // text strings, so every per-paragraph cache finds them at once. (A draft
    // not parsed yet, or refused, is parsed when first asked for.)
    this.parsed = this.parsed && updateDraft(this.parsed, text, stretch);
    this.currentText = text;
    this.renew();
  }

  private renew(): void {
    this.revision++;
    this.fastResult = undefined;
    this.allResult = undefined;
  }

  // -------------------------------------------------------------------------
  // Findings

  /** The keystroke rules on the current version. */
  fastFindings(): AnalysisResult {
    if (this.refusal) return { findings: [], failures: [] };
    this.fastResult ??= (() => {
      const { findings, failures } = runRules(this.context, keystrokePhase, allRules);
      return { findings: finishFindings(this.context, findings), failures };
    })();
    return this.fastResult;
  }

  /** Whether the slow findings were computed for the current text. */
  get slowIsCurrent(): boolean {
    return this.slow.text === this.currentText;
  }

  /** The last slow findings, moved past the edits since and filtered by the current directives. */
  carriedSlowFindings(): Finding[] {
    if (this.refusal) return [];
    if (this.slowIsCurrent) return this.slow.findings;
    if (this.carried?.revision !== this.revision) {
      const moved = carryOver(this.slow.findings, findEditedStretch(this.slow.text, this.currentText));
      // Directives typed (or inserted by "Ignore ...") take effect at once on the carried findings too.
      this.carried = { revision: this.revision, findings: applySuppression(this.draft, moved) };
    }
    return this.carried.findings;
  }

  /** What the editor shows now: the fast findings of this version and the carried slow ones. */
  findings(): Finding[] {
    return [...this.fastFindings().findings, ...this.carriedSlowFindings()].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /**
   * Every rule on the current version, computed now (the CLI, "fix all").
   * Reuses the slow phase's findings when they are current.
   */
  allFindings(): AnalysisResult {
    if (this.refusal) return { findings: [], failures: [] };
    if (!this.allResult) {
      if (this.slowIsCurrent) {
        const fast = this.fastFindings();
        this.allResult = { findings: [...fast.findings, ...this.slow.findings], failures: fast.failures };
      } else {
        const withNames = !this.namesSkipped;
        // Settled first, so that the pass is timed where it does the work (the rules find it memoized).
        if (withNames) this.settle();
        const { findings, failures } = runRules(this.context, withNames ? 'all' : ['keystroke', 'scan'], allRules);
        this.allResult = { findings: finishFindings(this.context, findings), failures };
      }
      this.allResult.findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
    }
    return this.allResult;
  }

  /** The one fix-all policy, for the editor and `copydesk check --fix` alike: the preferred safe fix of every finding, no overlaps. */
  safeFixes(): SafeFixes {
    return selectSafeFixes(this.allFindings().findings, this.currentText);
  }

  /**
   * The slow phase of the current version: warms the NLP cache paragraph by
   * paragraph, then runs the slow rules one at a time, pausing whenever a
   * slice is spent. Returns the failures, or undefined when a newer version
   * made the work pointless.
   */
  async analyzeSlowly(control: SliceControl): Promise<RuleFailure[] | undefined> {
    if (this.refusal) return [];
    const revision = this.revision;
    const wanted = () => this.revision === revision && control.stillWanted();
    let sliceStart = performance.now();
    const maybePause = async (): Promise<boolean> => {
      if (performance.now() - sliceStart <= control.sliceMs) return true;
      await control.pause();
      sliceStart = performance.now();
      return wanted();
    };

    const withNames = !this.namesSkipped;
    const paragraphs = withNames ? this.draft.paragraphs : [];
    for (let i = 0; i < paragraphs.length; i++) {
      // Parsing into the NLP cache (keyed by the paragraph's text) is most of
      // the cost of the entity pass on a draft seen for the first time.
      prepareEntityParagraph(paragraphs[i].text);
      if (performance.now() - sliceStart > control.sliceMs) {
        control.progress?.(i + 1, paragraphs.length);
        if (!(await maybePause())) return undefined;
      }
    }
    control.progress?.(paragraphs.length, paragraphs.length);

    const context = this.context;
    // The entity pass runs here, timed, before the rules that read it (they
    // find it memoized): its time decides whether requests may run it inline.
    // It runs in slices too; the event loop gets a turn first, so that a
    // keystroke already waiting stops the pass before any of it is done.
    if (withNames) {
      await control.pause();
      sliceStart = performance.now();
      if (!wanted()) return undefined;
      const steps = entityPassSteps(context);
      let workMs = 0;
      for (;;) {
        const stepStarted = performance.now();
        const step = steps.next();
        workMs += performance.now() - stepStarted;
        if (step.done) {
          this.keepEntityPass(settleEntities(context, step.value), workMs);
          break;
        }
        if (!(await maybePause())) return undefined;
      }
    }
    const findings: Finding[] = [];
    const failures: RuleFailure[] = [];
    const phase = withNames ? pausePhase : (['scan'] as const);
    for (const rule of allRules) {
      if (!(await maybePause())) return undefined;
      if (rule.prepare && phase.includes(rule.cost) && severityFor(rule, context.options)) {
        try {
          for (const steps = rule.prepare(context); !steps.next().done;) if (!(await maybePause())) return undefined;
        } catch {
          // The rule's failure: check does the same work and reports it.
        }
      }
      const part = runRules(context, phase, [rule]);
      findings.push(...part.findings);
      failures.push(...part.failures);
    }
    if (!wanted()) return undefined;
    this.slow = { text: this.currentText, findings: finishFindings(context, findings) };
    return failures;
  }

  // -------------------------------------------------------------------------
  // People, organizations and quotations

  /** Keeps the entity pass of the current version as the last finished one. */
  private settle(): void {
    const started = performance.now();
    const analysis = analyzeEntities(this.context);
    this.keepEntityPass(analysis, performance.now() - started);
  }

  private keepEntityPass(analysis: EntityAnalysis, workMs: number): void {
    // A memoized pass costs nothing: keep the figure of the pass that did the work.
    if (workMs > 0.5 || this.lastEntityPassMs === Infinity) this.lastEntityPassMs = workMs;
    this.settledEntities = { text: this.currentText, analysis };
  }

  /** The entity pass of the current version, computed now whatever it costs (the CLI, tests). */
  currentEntities(): EntityAnalysis {
    if (this.namesSkipped) return withLookup([]);
    if (this.settledEntities?.text !== this.currentText) this.settle();
    return this.settledEntities!.analysis;
  }

  /**
   * People and organizations for a request: of the current version when that
   * is cheap (the paragraphs are parsed and the last pass was quick), else the
   * last finished pass mapped through the edits since. undefined before any
   * pass has finished on a draft too large to analyse inline.
   */
  entities(): EntityAnalysis | undefined {
    if (this.refusal || this.namesSkipped) return undefined;
    if (this.settledEntities?.text === this.currentText) return this.settledEntities.analysis;
    if (this.canRunEntityPassInline()) return this.currentEntities();
    const settled = this.settledEntities;
    if (!settled) return undefined;
    if (this.mappedEntities?.revision !== this.revision) {
      this.mappedEntities = { revision: this.revision, analysis: mapEntities(settled.analysis, findEditedStretch(settled.text, this.currentText)) };
    }
    return this.mappedEntities.analysis;
  }

  /** How long the last entity pass that did the work took, in milliseconds (Infinity before one). */
  get entityPassMs(): number {
    return this.lastEntityPassMs;
  }

  private canRunEntityPassInline(): boolean {
    // Loading compromise and the tagger's weights takes most of a second: the slow phase does that, never a request.
    if (!isNlpLoaded() || !isTaggerLoaded()) return false;
    if (this.settledEntities && this.lastEntityPassMs > inlineEntityPassMs) return false;
    let unparsed = 0;
    for (const paragraph of this.draft.paragraphs) {
      if (!isParagraphParsed(withPlainSpaces(paragraph.text)) && (unparsed += paragraph.text.length) > inlineParseCharacters) return false;
    }
    return true;
  }

  /**
   * What the story says about an entity (titles, ages, affiliations), each
   * with its place; none while the entities shown are carried over from an
   * earlier version.
   */
  factsOf(entity: Entity): Fact[] {
    if (this.settledEntities?.text !== this.currentText) return [];
    const context = this.context;
    if (context.memoized('facts')) return analyzeFacts(context).get(entity) ?? [];
    // One entity's facts, not the whole draft's: a hover must not wait for thousands of names.
    return analyzeEntities(context).entities.includes(entity) ? factsOfEntity(context, entity) : [];
  }

  entityAt(offset: number): Entity | undefined {
    return this.entities()?.entityAt(offset);
  }

  /** Quotations of the current version (per-paragraph cached: cheap on every keystroke). */
  quotations(): Quotation[] {
    if (this.refusal) return [];
    return analyzeQuotes(this.context).quotations;
  }

  quotationAt(offset: number): Quotation | undefined {
    return this.quotations().find((q) => q.open <= offset && offset <= (q.close ?? q.contentEnd));
  }

  stats(): DraftStats {
    return draftStats(this.currentText);
  }
}

function clamp(n: number, low: number, high: number): number {
  return Math.min(Math.max(n, low), high);
}

/** Moves a span past an edit; undefined when the edit touched it. */
function shiftSpan<T extends { start: number; end: number }>(span: T, stretch: EditedStretch): T | undefined {
  if (span.end < stretch.start) return span;
  if (span.start > stretch.oldEnd) return { ...span, start: span.start + stretch.delta, end: span.end + stretch.delta };
  return undefined;
}

/**
 * An entity pass with its offsets moved through an edit; mentions the edit
 * touched are dropped, and entities left without one. Runs on every request
 * while the slow phase waits for a pause in typing, so it does little: an
 * entity the edit cannot reach is kept as it is, and the lookup index is
 * mapped in order instead of sorted again (moving spans past an edit keeps
 * their order).
 */
export function mapEntities(analysis: EntityAnalysis, stretch: EditedStretch): EntityAnalysis {
  if (stretch.start === stretch.oldEnd && stretch.delta === 0) return analysis;
  const entities: Entity[] = [];
  const moved = new Map<Entity, Entity>();
  for (const entity of analysis.entities) {
    if (endsBefore(entity.mentions, stretch.start) && endsBefore(entity.quotes, stretch.start)) {
      if (entity.mentions.length === 0) continue;
      entities.push(entity);
      moved.set(entity, entity);
      continue;
    }
    const mentions = entity.mentions.map((m) => shiftSpan(m, stretch)).filter((m) => m !== undefined);
    if (mentions.length === 0) continue;
    const quotes = entity.quotes.map((q) => shiftSpan(q, stretch)).filter((q) => q !== undefined);
    const copy = { ...entity, mentions, quotes };
    entities.push(copy);
    moved.set(entity, copy);
  }
  const index = mentionIndexOf(analysis);
  if (!index) return withLookup(entities);
  const mapped: MentionEntry[] = [];
  for (const entry of index) {
    const entity = moved.get(entry.entity);
    const span = entity && shiftSpan(entry, stretch);
    if (span) mapped.push(span === entry && entity === entry.entity ? entry : { start: span.start, end: span.end, entity: entity! });
  }
  return withSortedLookup(entities, mapped);
}

function endsBefore(spans: readonly { end: number }[], offset: number): boolean {
  for (const span of spans) if (span.end >= offset) return false;
  return true;
}
