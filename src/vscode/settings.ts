/** Reads the `secondSource.*` settings as typed values (the records live in ./contributes). */
import * as vscode from 'vscode';
import type { AnalysisSettings } from '../server/settings';
import { CONFIGURATION, type DECORATION_STYLES } from './contributes';

type Properties = typeof CONFIGURATION.properties;
type Key = keyof Properties extends `secondSource.${infer K}` ? K : never;

/** The settings the extension reads, with their declared defaults filled in. */
export interface Settings extends AnalysisSettings {
  decorations: (typeof DECORATION_STYLES)[number];
  followCursor: boolean;
  hintsInSpellingsView: boolean;
}

/** Reads every setting for `scope` (a document or folder; window-wide when absent). */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration('secondSource', scope);
  const get = <K extends Key>(key: K) => config.get(key, CONFIGURATION.properties[`secondSource.${key}`].default as never);
  return {
    files: [...get('files')],
    exclude: [...get('exclude')],
    checks: { ...(get('checks') as object) },
    corroborationThreshold: get('corroborationThreshold'),
    minimumConfidence: get('minimumConfidence'),
    singleSourceClaims: get('singleSourceClaims'),
    decorations: get('decorations'),
    maxFileSize: get('maxFileSize'),
    debounce: get('debounce'),
    followCursor: get('followCursor'),
    hintsInSpellingsView: get('hintsInSpellingsView'),
  };
}

/** True when a configuration change touches any `secondSource.<key>`. */
export function affects(event: vscode.ConfigurationChangeEvent, ...keys: Key[]): boolean {
  return keys.some((k) => event.affectsConfiguration(`secondSource.${k}`));
}
