/**
 * Corroboration on ECB+ (topics 1–35, `ecbplus-dev/`), scored as shared/data/README.md says:
 * the articles are analysed as one folder, and every `corroborates`/`copy` evidence links the
 * corpus sentences of the claim to those of the source. Fact precision is judged on links between
 * annotated sentences against the gold same-event pairs; story precision asks whether the two
 * documents report the same event of their topic (same topic and sub-topic).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../core/engine';
import { DEFAULT_CORROBORATION_THRESHOLD } from '../core/corpus';
import type { CorpusAnalysis, EngineResources, SourceDocument, Span } from '../core/types';
import { loadResources } from '../node/resources';
import { collectFiles, readDocument } from '../node/files';

/** Thresholds of the printed curve: 0.25, 0.30, …, 0.80. */
export const CURVE_THRESHOLDS = Array.from({ length: 12 }, (_, i) => Math.round((0.25 + 0.05 * i) * 100) / 100);

/** The threshold of the one run the curve is read from (evidence is then filtered by score). */
export const CURVE_RUN_THRESHOLD = 0.2;

/** A corpus sentence number and its UTF-16 span in the article. */
interface CorpusSentence extends Span {
  n: number;
}

/** The folder and its annotations. A sentence is keyed `doc\tsentence`. */
interface Gold {
  docs: SourceDocument[];
  /** `topic\tsubtopic` of each document. */
  storyOf: Map<string, string>;
  /** Each document's corpus sentences, in order. */
  sentences: Map<string, CorpusSentence[]>;
  annotated: Set<string>;
  /** Same-event sentence pairs, as `pairKey`s. */
  pairs: Set<string>;
}

/** A link between two corpus sentences and the best score of the evidence that makes it. */
interface Link {
  a: string;
  b: string;
  score: number;
}

/** Reads a tab-separated file's rows, dropping the header line when it starts with `firstColumn`. */
function readTsv(file: string, firstColumn: string): string[][] {
  const rows = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'));
  return rows.length > 0 && rows[0][0] === firstColumn ? rows.slice(1) : rows;
}

/** The key of an unordered pair of sentence keys. */
const pairKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

/** The document part of a sentence key. */
const docOf = (sentenceKey: string) => sentenceKey.slice(0, sentenceKey.indexOf('\t'));

/** Reads the articles (as the CLI reads a folder) and the four annotation files. */
export function readEcbPlus(dir: string): Gold {
  const docsDir = join(dir, 'docs');
  const docs = collectFiles(['.'], ['*.txt'], docsDir).files.flatMap((file) => {
    const doc = readDocument(file, docsDir);
    return 'reason' in doc ? [] : [{ id: doc.path, text: doc.text }];
  });
  const storyOf = new Map(readTsv(join(dir, 'docs.tsv'), 'doc').map(([doc, topic, subtopic]) => [doc, `${topic}\t${subtopic}`]));
  const sentences = new Map<string, CorpusSentence[]>();
  for (const [doc, n, start, end] of readTsv(join(dir, 'sentences.tsv'), 'doc')) {
    let list = sentences.get(doc);
    if (!list) sentences.set(doc, (list = []));
    list.push({ n: Number(n), start: Number(start), end: Number(end) });
  }
  for (const list of sentences.values()) list.sort((x, y) => x.start - y.start);
  const annotated = new Set(readTsv(join(dir, 'annotated.tsv'), 'doc').map(([doc, n]) => `${doc}\t${n}`));
  const pairs = new Set(readTsv(join(dir, 'event_pairs.tsv'), 'doc1').map(([d1, s1, d2, s2]) => pairKey(`${d1}\t${s1}`, `${d2}\t${s2}`)));
  return { docs, storyOf, sentences, annotated, pairs };
}

/** The corpus sentences a span overlaps (keys), else the one holding its start; empty if none. */
function sentencesOf(gold: Gold, doc: string, span: Span): string[] {
  const list = gold.sentences.get(doc) ?? [];
  const overlapping = list.filter((s) => s.start < span.end && span.start < s.end);
  const hit = overlapping.length > 0 ? overlapping : list.filter((s) => s.start <= span.start && span.start < s.end);
  return hit.map((s) => `${doc}\t${s.n}`);
}

/** Analyses every article in one engine, claims only, at the given corroboration threshold. */
function analyse(docs: SourceDocument[], resources: EngineResources, threshold: number): CorpusAnalysis {
  const engine = createEngine(resources, {
    corroborationThreshold: threshold,
    checks: { claims: true, spelling: false, names: false, compounds: false, style: false },
  });
  for (const d of docs) engine.setDocument(d);
  return engine.analyzeCorpus();
}

/** Every sentence link the analysis makes (undirected, deduplicated), and the claim/evidence spans no corpus sentence holds. */
function linksOf(analysis: CorpusAnalysis, gold: Gold): { links: Link[]; unmapped: number } {
  const links = new Map<string, Link>();
  let unmapped = 0;
  const mapped = (doc: string, span: Span) => {
    const keys = sentencesOf(gold, doc, span);
    if (keys.length === 0) unmapped++;
    return keys;
  };
  for (const doc of analysis.documents) {
    for (const claim of doc.claims) {
      const evidence = claim.evidence.filter((e) => e.relation === 'corroborates' || e.relation === 'copy');
      if (evidence.length === 0) continue;
      const from = mapped(doc.docId, claim);
      for (const e of evidence) {
        for (const a of from) {
          for (const b of mapped(e.docId, e)) {
            if (a === b) continue;
            const key = pairKey(a, b);
            const link = links.get(key);
            if (!link) links.set(key, { a, b, score: e.score });
            else link.score = Math.max(link.score, e.score);
          }
        }
      }
    }
  }
  return { links: [...links.values()], unmapped };
}

/** Rounds a share to four decimals. */
const r4 = (x: number) => Math.round(x * 10000) / 10000;

/** Fact precision, recall, F1 and story precision of the links whose evidence scores at least `threshold`. */
function score(links: Link[], gold: Gold, threshold: number) {
  let kept = 0, judged = 0, correct = 0, sameStory = 0;
  for (const { a, b, score } of links) {
    if (score < threshold) continue;
    kept++;
    const key = pairKey(a, b);
    if (gold.annotated.has(a) && gold.annotated.has(b)) {
      judged++;
      if (gold.pairs.has(key)) correct++;
    }
    const storyA = gold.storyOf.get(docOf(a));
    if (storyA !== undefined && storyA === gold.storyOf.get(docOf(b))) sameStory++;
  }
  // Every gold pair joins two annotated sentences, so the linked ones are the correct judged links.
  const factPrecision = correct / Math.max(1, judged);
  const recall = correct / Math.max(1, gold.pairs.size);
  return {
    threshold,
    factPrecision: r4(factPrecision),
    recall: r4(recall),
    f1: r4((2 * factPrecision * recall) / Math.max(1e-9, factPrecision + recall)),
    storyPrecision: r4(sameStory / Math.max(1, kept)),
    links: kept,
    judged,
    correct,
    sameStoryLinks: sameStory,
    pairs: gold.pairs.size,
  };
}

/**
 * Document story purity, when the analysis groups documents into `stories` (arrays of document
 * ids; the engine has no such field yet): the share of document pairs placed in one story that
 * share topic and sub-topic, and the share of such pairs placed in one story. Undefined without it.
 */
export function storyPurity(analysis: CorpusAnalysis, gold: Gold): Record<string, number> | undefined {
  const stories: unknown = (analysis as unknown as { stories?: unknown }).stories;
  if (!Array.isArray(stories)) return undefined;
  const storyIndex = new Map<string, number>();
  stories.forEach((story: unknown, i) => {
    if (Array.isArray(story)) for (const id of story) if (typeof id === 'string' && !storyIndex.has(id)) storyIndex.set(id, i);
  });
  const ids = gold.docs.map((d) => d.id);
  let together = 0, sameSubtopic = 0, both = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const si = storyIndex.get(ids[i]);
      const placed = si !== undefined && si === storyIndex.get(ids[j]);
      const subtopic = gold.storyOf.get(ids[i]) !== undefined && gold.storyOf.get(ids[i]) === gold.storyOf.get(ids[j]);
      if (placed) together++;
      if (subtopic) sameSubtopic++;
      if (placed && subtopic) both++;
    }
  }
  return {
    stories: stories.length,
    pairsTogether: together,
    purity: r4(both / Math.max(1, together)),
    sameSubtopicPairs: sameSubtopic,
    sameSubtopicTogether: r4(both / Math.max(1, sameSubtopic)),
  };
}

/**
 * Runs the ECB+ protocol on `<dataDir>/ecbplus-dev`. The curve comes from one run at `curveRun`
 * with evidence filtered by score (valid as long as the engine expresses any stricter bar, e.g.
 * across stories, by lowering the score). The default-threshold figures come from a separate
 * normal run, not that filter: at a lower threshold a sentence can turn from `corroborates` into
 * `conflicts` (the conflict bar follows the threshold), so the filtered run is not the same.
 */
export function evaluateEcbPlus(dataDir: string, resources: EngineResources = loadResources(undefined, ['claims']), curveRun = CURVE_RUN_THRESHOLD): Record<string, unknown> {
  const started = performance.now();
  const gold = readEcbPlus(join(dataDir, 'ecbplus-dev'));
  const atDefaultRun = analyse(gold.docs, resources, DEFAULT_CORROBORATION_THRESHOLD);
  const atDefault = linksOf(atDefaultRun, gold);
  const low = linksOf(analyse(gold.docs, resources, curveRun), gold);
  const stories = storyPurity(atDefaultRun, gold);
  return {
    documents: gold.docs.length,
    claims: atDefaultRun.documents.reduce((n, d) => n + d.claims.length, 0),
    atDefault: { ...score(atDefault.links, gold, DEFAULT_CORROBORATION_THRESHOLD), unmappedSpans: atDefault.unmapped },
    curveRun,
    curve: CURVE_THRESHOLDS.map((t) => {
      const { threshold, factPrecision, recall, storyPrecision, links } = score(low.links, gold, t);
      return { threshold, factPrecision, recall, storyPrecision, links };
    }),
    ...(stories ? { stories } : {}),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
