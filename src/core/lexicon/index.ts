/** Lexical resources for matching: lemmas, WordNet synonyms, numbers, dates, stop words. */
export { lemmatize } from './lemma';
export { createSynonymLookup, type SynonymLookup } from './synonyms';
export { findQuantities, sameFigure, tokenValue, type Quantity } from './numbers';
export { findDates, type DateMention } from './dates';
export { isStopword, STOPWORDS } from './stopwords';
export { commonWordsFromDic } from './common-words';
export { createWordRarity, type WordRarity } from './rarity';
