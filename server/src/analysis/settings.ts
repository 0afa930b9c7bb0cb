// Turns raw settings (from VS Code, a .copydesk.json file or the CLI) into
// AnalysisOptions. Anything unknown or malformed falls back to its default and
// is reported as a plain sentence, so a typo in a setting never silences
// Copydesk and never crashes it.

import { ruleIds } from './rules/index';
import type { DraftLanguage, QuoteStyleSetting, SeveritySetting } from './types';

export interface CopydeskSettings {
  languages: string[];
  quoteStyle: QuoteStyleSetting;
  rules: Record<string, SeveritySetting>;
  /** Characters; larger drafts are not analysed. */
  maxDraftSize: number;
}

export const defaultSettings: CopydeskSettings = {
  languages: ['article', 'markdown', 'plaintext'],
  quoteStyle: 'auto',
  rules: {},
  maxDraftSize: 2_000_000,
};

export interface ResolvedSettings {
  settings: CopydeskSettings;
  /** Plain-words descriptions of what was wrong and ignored. */
  problems: string[];
}

const severities: readonly string[] = ['off', 'hint', 'info', 'warning', 'error'];
const quoteStyles: readonly string[] = ['auto', 'us', 'uk'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `where` names the source in messages, e.g. "setting" or ".copydesk.json". */
export function resolveSettings(raw: unknown, where = 'setting'): ResolvedSettings {
  const settings: CopydeskSettings = { ...defaultSettings, rules: {} };
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

  if (raw.rules !== undefined) {
    if (!isRecord(raw.rules)) {
      problems.push(`copydesk.rules (${where}) should map rule ids to off, hint, info, warning or error; ignoring it.`);
    } else {
      for (const [id, value] of Object.entries(raw.rules)) {
        if (!ruleIds.includes(id)) {
          problems.push(`copydesk.rules.${id} (${where}) names no Copydesk rule; ignoring it.`);
        } else if (typeof value !== 'string' || !severities.includes(value)) {
          problems.push(`copydesk.rules.${id} (${where}) is ${JSON.stringify(value)}, which is not one of off, hint, info, warning, error; using the rule's default.`);
        } else {
          settings.rules[id] = value as SeveritySetting;
        }
      }
    }
  }
  return { settings, problems };
}

/** Maps an editor language id or a file name to the draft language Copydesk analyses it as. */
export function draftLanguageOf(languageIdOrPath: string): DraftLanguage {
  const id = languageIdOrPath.toLowerCase();
  if (id === 'markdown' || /\.(md|markdown|mdx)$/.test(id)) return 'markdown';
  if (id === 'article' || /\.(article|story)$/.test(id)) return 'article';
  return 'plaintext';
}
