/**
 * The `secondSource.*` settings as a client sends them (`workspace/configuration`, or the
 * payload of `didChangeConfiguration`), checked value by value at run time: a wrong type or
 * an out-of-range number falls back to the declared default and is reported, never cast.
 */
import { CONFIGURATION } from '../vscode/contributes';
import type { EngineOptions } from '../core/types';

const P = CONFIGURATION.properties;

/** The settings that decide what is analysed and shown, read alike by the server and the extension. */
export interface AnalysisSettings {
  files: string[];
  exclude: string[];
  checks: NonNullable<EngineOptions['checks']>;
  corroborationThreshold: number;
  minimumConfidence: number;
  singleSourceClaims: 'off' | 'hint' | 'information';
  maxFileSize: number;
  debounce: number;
}

/** The settings the server reads, defaults filled in. */
export interface ServerSettings extends AnalysisSettings {
  /**
   * "2 independent sources" above each claim. The server's own setting (the extension marks
   * claims in the gutter instead), off by default: lenses push the text down in most editors.
   */
  codeLens: boolean;
}

/** The settings when the client sends none. */
export const DEFAULT_SETTINGS: ServerSettings = {
  files: [...P['secondSource.files'].default],
  exclude: [...P['secondSource.exclude'].default],
  checks: { ...P['secondSource.checks'].default },
  corroborationThreshold: P['secondSource.corroborationThreshold'].default,
  minimumConfidence: P['secondSource.minimumConfidence'].default,
  singleSourceClaims: P['secondSource.singleSourceClaims'].default,
  maxFileSize: P['secondSource.maxFileSize'].default,
  debounce: P['secondSource.debounce'].default,
  codeLens: false,
};

const CHECK_NAMES = Object.keys(P['secondSource.checks'].properties) as (keyof typeof P['secondSource.checks']['properties'])[];

/** Settings read, and what was wrong with the input (one sentence per rejected value). */
export interface ValidatedSettings {
  settings: ServerSettings;
  problems: string[];
}

/**
 * Validates the `secondSource` section. Accepts both the nested shape (`{ files: [...] }`) and
 * the flat one some clients send (`{ "secondSource.files": [...] }` under the root).
 */
export function validateSettings(raw: unknown): ValidatedSettings {
  const problems: string[] = [];
  const settings: ServerSettings = { ...DEFAULT_SETTINGS, checks: { ...DEFAULT_SETTINGS.checks } };
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings, problems: ['secondSource settings must be an object; using the defaults.'] };
  const section = raw as Record<string, unknown>;
  const value = (key: string) => section[key];
  const reject = (key: string, expected: string) => problems.push(`secondSource.${key} must be ${expected} (got ${JSON.stringify(value(key))}); using the default.`);

  const globs = (key: 'files' | 'exclude') => {
    const v = value(key);
    if (v === undefined) return;
    if (Array.isArray(v) && v.every((g) => typeof g === 'string')) settings[key] = [...v];
    else reject(key, 'a list of glob strings');
  };
  globs('files');
  globs('exclude');

  const checks = value('checks');
  if (checks !== undefined) {
    if (typeof checks !== 'object' || checks === null || Array.isArray(checks)) reject('checks', 'an object of booleans');
    else
      for (const [name, on] of Object.entries(checks)) {
        if (!(CHECK_NAMES as string[]).includes(name)) problems.push(`secondSource.checks.${name} is not a check; ignored.`);
        else if (typeof on !== 'boolean') problems.push(`secondSource.checks.${name} must be true or false; using the default.`);
        else settings.checks[name as (typeof CHECK_NAMES)[number]] = on;
      }
  }

  const number = (key: 'corroborationThreshold' | 'minimumConfidence' | 'maxFileSize' | 'debounce', min: number, max: number) => {
    const v = value(key);
    if (v === undefined) return;
    if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) settings[key] = v;
    else reject(key, `a number from ${min} to ${max === Number.MAX_SAFE_INTEGER ? 'any' : max}`);
  };
  number('corroborationThreshold', 0, 1);
  number('minimumConfidence', 0, 1);
  number('maxFileSize', 1, Number.MAX_SAFE_INTEGER);
  number('debounce', 0, 60_000);

  const lens = value('codeLens');
  if (lens !== undefined) {
    if (typeof lens === 'boolean') settings.codeLens = lens;
    else reject('codeLens', 'true or false');
  }

  const single = value('singleSourceClaims');
  if (single !== undefined) {
    const allowed: readonly string[] = P['secondSource.singleSourceClaims'].enum;
    if (typeof single === 'string' && allowed.includes(single)) settings.singleSourceClaims = single as ServerSettings['singleSourceClaims'];
    else reject('singleSourceClaims', allowed.map((a) => `"${a}"`).join(', ').replace(/, ([^,]*)$/, ' or $1'));
  }
  return { settings, problems };
}

/** Picks the `secondSource` section out of a `didChangeConfiguration` payload (nested or flat keys). */
export function sectionOf(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const root = payload as Record<string, unknown>;
  if ('secondSource' in root) return root.secondSource;
  const flat = Object.entries(root).filter(([k]) => k.startsWith('secondSource.'));
  return flat.length ? Object.fromEntries(flat.map(([k, v]) => [k.slice('secondSource.'.length), v])) : undefined;
}

/** The engine options the settings imply (a change here means the engine is rebuilt). */
export function engineOptions(settings: ServerSettings): EngineOptions {
  // A server holds the folder for hours and re-analyses few articles: it parses those again
  // rather than keep every parse (on the BBC folder, 112 MB of the spellings thread).
  return { checks: settings.checks, corroborationThreshold: settings.corroborationThreshold, keepParses: false };
}
