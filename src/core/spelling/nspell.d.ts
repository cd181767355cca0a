// nspell ships no types; this is the part of its API the spelling check uses.
declare module 'nspell' {
  namespace nspell {
    interface NSpell {
      correct(word: string): boolean;
      suggest(word: string): string[];
    }
  }
  function nspell(aff: string | Uint8Array, dic?: string | Uint8Array): nspell.NSpell;
  export = nspell;
}
