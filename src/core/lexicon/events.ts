/**
 * Which words of a sentence state its events: verbs, told in context by wink-pos-tagger (Penn
 * tags: "faces" in "the manufacturer faces another controversy" is a verb, in "their faces" a
 * noun), and nouns that name an event ("probe", "earthquake": `EngineResources.eventNouns`, from
 * WordNet). Auxiliaries carry no event of their own.
 */
import posTagger from 'wink-pos-tagger';

/** Per token: true where it states an event. `lemmas` are the tokens' lemmas, for the noun list. */
export type EventTagger = (tokens: readonly string[], lemmas: readonly string[]) => boolean[];

/** Verbs that carry tense, aspect or voice, not an event ("has been investigating"). */
const AUXILIARIES = new Set(['be', 'is', 'am', 'are', 'was', 'were', 'been', 'being', 'have', 'has', 'had', 'having', 'do', 'does', 'did']);

/**
 * A participle states an event in a verb phrase ("was sold out", "have been investigating"), not
 * as a modifier ("Internet based services", "servers based in China"), where it says what
 * something is.
 */
function afterAuxiliary(tokens: readonly string[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const w = tokens[k].toLowerCase();
    if (AUXILIARIES.has(w)) return true;
    if (w !== 'not' && w !== 'also' && w !== 'been' && !w.endsWith('ly')) return false;
  }
  return false;
}

/** Creates a tagger. Loading wink's lexicon takes a moment, so it is loaded on first use. */
export function createEventTagger(eventNouns: ReadonlyArray<string> = []): EventTagger {
  let tagger: ReturnType<typeof posTagger> | undefined;
  const nouns = new Set(eventNouns);
  return (tokens, lemmas) => {
    tagger ??= posTagger();
    const tagged = tagger.tagRawTokens(tokens.slice());
    return tokens.map((t, i) => {
      const pos = tagged[i]?.pos ?? '';
      if (pos === 'VBN' || pos === 'VBG') return afterAuxiliary(tokens, i);
      if (pos.startsWith('VB')) return !AUXILIARIES.has(t.toLowerCase());
      return pos.startsWith('NN') && nouns.has(lemmas[i]);
    });
  };
}
