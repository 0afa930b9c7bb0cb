// Turns raw settings (from VS Code, a .copydesk.json file or the CLI) into
// AnalysisOptions. Anything unknown or malformed falls back to its default and
// is reported as a plain sentence, so a typo in a setting never silences
// Copydesk and never crashes it.

import { ruleIds } from './rules/index';
import { rules as registeredRules } from './rules/index';
import type { StyleSheet } from './styleSheet';
import { workspaceScopes, type WorkspaceScope } from './workspace/scope';
import {
  defaultNewsroomOptions,
  type AnalysisOptions,
  type ApStyleChecks,
  type DraftLanguage,
  type HouseStyle,
  type QuoteStyleSetting,
  type SeveritySetting,
} from './types';

export interface CopydeskSettings {
  languages: string[];
  quoteStyle: QuoteStyleSetting;
  rules: Record<string, SeveritySetting>;
  /** Characters; larger drafts are not analysed. */
  maxDraftSize: number;
  /** House-style preset: spelling, quotation style and whether the AP checks run. */
  style: HouseStyle;
  apStyle: ApStyleChecks;
  longLede: { maxWords: number };
  longSentence: { maxWords: number };
  /** How far the cross-draft checks look (see analysis/workspace). */
  workspace: { scope: WorkspaceScope };
}

export const defaultSettings: CopydeskSettings = {
  languages: ['article', 'markdown', 'plaintext'],
  quoteStyle: 'auto',
  rules: {},
  maxDraftSize: 2_000_000,
  style: defaultNewsroomOptions.style,
  apStyle: { ...defaultNewsroomOptions.apStyle },
  longLede: { maxWords: defaultNewsroomOptions.longLedeMaxWords },
  longSentence: { maxWords: defaultNewsroomOptions.longSentenceMaxWords },
  workspace: { scope: 'workspace' },
};

export interface ResolvedSettings {
  settings: CopydeskSettings;
  /** Plain-words descriptions of what was wrong and ignored. */
  problems: string[];
  /** The newsroom's sheet of known names, when one was found and read. */
  styleSheet?: StyleSheet;
}

const severities: readonly string[] = ['off', 'hint', 'info', 'warning', 'error'];
const quoteStyles: readonly string[] = ['auto', 'us', 'uk'];
const houseStyles: readonly string[] = ['ap', 'reuters', 'guardian'];
const apStyleChecks = ['months', 'numbers', 'timeReferences'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `where` names the source in messages, e.g. "setting" or ".copydesk.json". */
export function resolveSettings(raw: unknown, where = 'setting'): ResolvedSettings {
  const settings = copyOf(defaultSettings);
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (!isRecord(raw)) {
    problems.push(`The Copydesk ${where} should be an object of settings; using the defaults.`);
    return { settings, problems };
  }

  if (raw.languages !== undefined) {
    if (Array.isArray(raw.languages) && raw.languages.every((l) => typeof l === 'string')) {
      settings.languages = raw.languages as string[];
    } else {
      problems.push(`copydesk.languages (${where}) should be a list of language ids; using ${JSON.stringify(defaultSettings.languages)}.`);
    }
  }

  if (raw.quoteStyle !== undefined) {
    if (typeof raw.quoteStyle === 'string' && quoteStyles.includes(raw.quoteStyle)) {
      settings.quoteStyle = raw.quoteStyle as QuoteStyleSetting;
    } else {
      problems.push(`copydesk.quoteStyle (${where}) is ${JSON.stringify(raw.quoteStyle)}, which is not one of auto, us, uk; using auto.`);
    }
  }

  if (raw.maxDraftSize !== undefined) {
    const size = raw.maxDraftSize;
    if (typeof size === 'number' && Number.isFinite(size) && size >= 0) {
      settings.maxDraftSize = size;
    } else {
      problems.push(`copydesk.maxDraftSize (${where}) should be a number of characters; using ${defaultSettings.maxDraftSize}.`);
    }
  }

  if (raw.style !== undefined) {
    if (typeof raw.style === 'string' && houseStyles.includes(raw.style)) {
      settings.style = raw.style as HouseStyle;
    } else {
      problems.push(`copydesk.style (${where}) is ${JSON.stringify(raw.style)}, which is not one of ap, reuters, guardian; using ${defaultSettings.style}.`);
    }
  }

  if (raw.apStyle !== undefined) {
    if (!isRecord(raw.apStyle)) {
      problems.push(`copydesk.apStyle (${where}) should be an object of on/off switches (months, numbers, timeReferences); ignoring it.`);
    } else {
      for (const [key, value] of Object.entries(raw.apStyle)) {
        if (!(apStyleChecks as readonly string[]).includes(key)) {
          problems.push(`copydesk.apStyle.${key} (${where}) is not an AP check; the checks are months, numbers and timeReferences.`);
        } else if (typeof value !== 'boolean') {
          problems.push(`copydesk.apStyle.${key} (${where}) should be true or false, not ${JSON.stringify(value)}; leaving the check on.`);
        } else {
          settings.apStyle[key as keyof ApStyleChecks] = value;
        }
      }
    }
  }

  for (const key of ['longLede', 'longSentence'] as const) {
    const section = raw[key];
    if (section === undefined) continue;
    const maxWords = isRecord(section) ? section.maxWords : undefined;
    if (maxWords === undefined && isRecord(section)) continue;
    if (typeof maxWords === 'number' && Number.isInteger(maxWords) && maxWords >= 1) {
      settings[key].maxWords = maxWords;
    } else {
      problems.push(`copydesk.${key}.maxWords (${where}) should be a whole number of words, 1 or more; using ${defaultSettings[key].maxWords}.`);
    }
  }

  if (raw.workspace !== undefined) {
    const scope = isRecord(raw.workspace) ? raw.workspace.scope : undefined;
    if (typeof scope === 'string' && (workspaceScopes as readonly string[]).includes(scope)) {
      settings.workspace.scope = scope as WorkspaceScope;
    } else if (!isRecord(raw.workspace) || scope !== undefined) {
      problems.push(
        `copydesk.workspace.scope (${where}) is ${JSON.stringify(scope)}, which is not one of off, folder, workspace; using ${defaultSettings.workspace.scope}.`,
      );
    }
  }

  if (raw.rules !== undefined) {
    if (!isRecord(raw.rules)) {
      problems.push(`copydesk.rules (${where}) should map rule ids to off, hint, info, warning or error; ignoring it.`);
    } else {
      for (const [id, value] of Object.entries(raw.rules)) {
        if (!ruleIds.includes(id)) {
          problems.push(`copydesk.rules.${id} (${where}) names no Copydesk rule; ignoring it.`);
        } else if (typeof value !== 'string' || !severities.includes(value)) {
          problems.push(
            `copydesk.rules.${id} (${where}) is ${JSON.stringify(value)}, which is not one of off, hint, info, warning, error; using the rule's default.`,
          );
        } else {
          settings.rules[id] = value as SeveritySetting;
        }
      }
    }
  }
  return { settings, problems };
}

function copyOf(settings: CopydeskSettings): CopydeskSettings {
  return {
    ...settings,
    languages: [...settings.languages],
    rules: { ...settings.rules },
    apStyle: { ...settings.apStyle },
    longLede: { ...settings.longLede },
    longSentence: { ...settings.longSentence },
    workspace: { ...settings.workspace },
  };
}

/**
 * The newsroom's file (.copydesk.json) is the shared baseline; the editor's
 * settings override it where they differ from Copydesk's defaults. VS Code
 * reports every setting, set or not, so a value equal to the default cannot
 * be told from an unset one: the file wins there.
 */
export function mergeSettings(file: CopydeskSettings, editor: CopydeskSettings): CopydeskSettings {
  const pick = <T>(fileValue: T, editorValue: T, defaultValue: T): T =>
    JSON.stringify(editorValue) !== JSON.stringify(defaultValue) ? editorValue : fileValue;
  const merged = copyOf(file);
  merged.languages = pick(file.languages, editor.languages, defaultSettings.languages);
  merged.quoteStyle = pick(file.quoteStyle, editor.quoteStyle, defaultSettings.quoteStyle);
  merged.maxDraftSize = pick(file.maxDraftSize, editor.maxDraftSize, defaultSettings.maxDraftSize);
  merged.style = pick(file.style, editor.style, defaultSettings.style);
  for (const key of apStyleChecks) merged.apStyle[key] = pick(file.apStyle[key], editor.apStyle[key], defaultSettings.apStyle[key]);
  merged.longLede.maxWords = pick(file.longLede.maxWords, editor.longLede.maxWords, defaultSettings.longLede.maxWords);
  merged.longSentence.maxWords = pick(file.longSentence.maxWords, editor.longSentence.maxWords, defaultSettings.longSentence.maxWords);
  merged.workspace.scope = pick(file.workspace.scope, editor.workspace.scope, defaultSettings.workspace.scope);
  for (const [id, severity] of Object.entries(editor.rules)) {
    const ruleDefault = registeredRules.find((r) => r.id === id)?.defaultSeverity;
    if (severity !== ruleDefault) merged.rules[id] = severity;
  }
  return merged;
}

/**
 * Settings to the options of one analysis. The house style is applied here:
 * guardian means British spelling, UK quotation marks (unless quoteStyle is
 * set to something other than auto) and no AP checks; ap and reuters mean
 * American spelling and the AP checks as switched.
 */
export function analysisOptionsFor(settings: CopydeskSettings, language: DraftLanguage, styleSheet?: StyleSheet): AnalysisOptions {
  const guardian = settings.style === 'guardian';
  return {
    language,
    quoteStyle: guardian && settings.quoteStyle === 'auto' ? 'uk' : settings.quoteStyle,
    rules: settings.rules,
    style: settings.style,
    spelling: guardian ? 'british' : 'american',
    apStyle: guardian ? { months: false, numbers: false, timeReferences: false } : { ...settings.apStyle },
    longLedeMaxWords: settings.longLede.maxWords,
    longSentenceMaxWords: settings.longSentence.maxWords,
    ...(styleSheet ? { styleSheet } : {}),
  };
}

/** Maps an editor language id or a file name to the draft language Copydesk analyses it as. */
export function draftLanguageOf(languageIdOrPath: string): DraftLanguage {
  const id = languageIdOrPath.toLowerCase();
  if (id === 'markdown' || /\.(md|markdown|mdx)$/.test(id)) return 'markdown';
  if (id === 'article' || /\.(article|story)$/.test(id)) return 'article';
  return 'plaintext';
}
