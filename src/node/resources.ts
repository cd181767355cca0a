/**
 * Loads the engine's data files from disk for the Node faces (CLI, language server,
 * eval, bench). The web face bundles or fetches the same files instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineResources, GazetteerEntry, SynonymTable } from '../core/types';

/** Where a built file of dist/ may be, whether running bundled (dist/*.js) or from source (tsx). */
export function distCandidates(name: string): string[] {
  return [join(__dirname, name), join(__dirname, '..', '..', 'dist', name)];
}

/** The folder that holds dist/data. */
export function defaultDataDir(): string {
  const candidates = distCandidates('data');
  const found = candidates.find((dir) => existsSync(join(dir, 'en-US.dic')));
  if (!found) throw new Error(`Second Source data files not found (looked in ${candidates.join(', ')}); run \`npm run build\`.`);
  return found;
}

/**
 * The checks a set of loaded data must serve. Spelling reads both dictionaries, the word counts
 * and the gazetteer; claims read the American word list and WordNet.
 */
export type ResourcePart = 'spelling' | 'claims';

/** Reads the data files the given checks use (all, by default). Optional files that are missing are left out. */
export function loadResources(dataDir: string = defaultDataDir(), parts: readonly ResourcePart[] = ['spelling', 'claims']): EngineResources {
  const read = (name: string) => readFileSync(join(dataDir, name), 'utf8');
  const readJson = <T>(name: string): T | undefined => (existsSync(join(dataDir, name)) ? (JSON.parse(read(name)) as T) : undefined);
  const spelling = parts.includes('spelling');
  const claims = parts.includes('claims');
  return {
    dictionaries: {
      'en-US': { aff: read('en-US.aff'), dic: read('en-US.dic') },
      ...(spelling ? { 'en-GB': { aff: read('en-GB.aff'), dic: read('en-GB.dic') } } : {}),
    },
    wordFrequencies: spelling || claims ? readJson<[string, number][]>('word-frequencies.json') : undefined,
    gazetteer: spelling ? readJson<GazetteerEntry[]>('gazetteer.json') : undefined,
    britishVariants: spelling ? readJson<string[]>('en-gb-variants.json') : undefined,
    listedWords: spelling ? readJson<string[]>('listed-words.json') : undefined,
    synonyms: claims ? readJson<SynonymTable>('synonyms.json') : undefined,
  };
}
