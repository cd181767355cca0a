/**
 * English function words: they carry grammar, not facts, so matching ignores them.
 * A general closed-class list (articles, pronouns, auxiliaries, prepositions, conjunctions).
 */
const WORDS = `a an the this that these those there here it its itself they them their theirs themselves
i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers herself
one ones who whom whose which what whatever whoever when where why how
be am is are was were been being have has had having do does did doing done
will would shall should can could may might must ought
not no nor n't 's 're 've 'd 'll 'm
and or but if then else so than too very just also only even still yet
of in on at by for with about against between into through during before after above below
to from up down out off over under again further once upon within without along across
around among amid toward towards onto per via
as because while until unless although though whether since
all any both each few more most other some such own same
s t d ll m o re ve y ma`;

/** The stop-word set, lower case. */
export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/**
 * The prepositions, particles and conjunctions among them: words that join or end a phrase
 * ("pile up", "success or failure"), as against pronouns and determiners ("every one").
 */
export const CONNECTIVES: ReadonlySet<string> = new Set(
  `of in on at by for with about against between into through during before after above below
to from up down out off over under again further once upon within without along across
around among amid toward towards onto per via as because while until unless although though whether since
and or but if than`.split(/\s+/),
);

/** True for a function word that carries no fact on its own. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}
