/**
 * English function words: they carry grammar, not facts, so matching ignores them.
 * A general closed-class list (articles, pronouns, auxiliaries, prepositions, conjunctions).
 */
/**
 * The prepositions, particles and conjunctions among the function words: words that join or end a phrase
 * ("pile up", "success or failure"), as against pronouns and determiners ("every one").
 */
const CONNECTIVE_WORDS = `and or but if than
of in on at by for with about against between into through during before after above below
to from up down out off over under again further once upon within without along across
around among amid toward towards onto per via
as because while until unless although though whether since`;

const WORDS = `a an the this that these those there here it its itself they them their theirs themselves
i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers herself
one ones who whom whose which what whatever whoever when where why how
be am is are was were been being have has had having do does did doing done
will would shall should can could may might must ought
not no nor n't 's 're 've 'd 'll 'm
then else so too very just also only even still yet
all any both each few more most other some such own same
s t d ll m o re ve y ma
${CONNECTIVE_WORDS}`;

const wordSet = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** The stop-word set, lower case. */
export const STOPWORDS: ReadonlySet<string> = wordSet(WORDS);

/** The connectives among the stop words (see `CONNECTIVE_WORDS`). */
export const CONNECTIVES: ReadonlySet<string> = wordSet(CONNECTIVE_WORDS);

/** True for a function word that carries no fact on its own. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}
