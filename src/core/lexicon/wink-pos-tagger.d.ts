/** Types for wink-pos-tagger (the package ships none). */
declare module 'wink-pos-tagger' {
  interface TaggedToken {
    value: string;
    tag: string;
    pos: string;
    lemma?: string;
  }
  function posTagger(): { tagRawTokens(tokens: string[]): TaggedToken[] };
  export default posTagger;
}
