/**
 * Properties of the engine that must hold for any text and any editing session: offsets
 * point at the reported text, analysis is a function of the texts (not of history or of how
 * often it is asked), and no call throws or runs past a time bound. Run small and seeded by
 * `npm run test:unit`, long by `npm run fuzz`.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createEngine, type Engine } from '../../src/core/engine';
import type { CorpusAnalysis, EngineOptions, EngineResources, Span } from '../../src/core/types';
import { folderTexts, session, type Step } from './texts';

/**
 * The CPU time one engine call may take. CPU time, not wall time: these machines are shared,
 * and another process's load must not fail a case. Generous, yet far under what a quadratic
 * walk of a long line or a runaway regular expression costs.
 */
export const boundMs = (characters: number) => 2000 + characters * 0.1;

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Runs one engine call, failing when it takes more CPU time than the bound for `characters` of text. */
function bounded<T>(what: string, characters: number, call: () => T): T {
  const started = cpuMs();
  const result = call();
  const ms = cpuMs() - started;
  if (ms > boundMs(characters)) throw new Error(`${what} took ${ms.toFixed(0)} ms of CPU over ${characters} characters (bound ${boundMs(characters).toFixed(0)} ms)`);
  return result;
}

/** An engine whose every call is bounded, and the texts it was given (to check offsets against). */
interface Probe {
  engine: Engine;
  texts: Map<string, string>;
  set(id: string, text: string): void;
  remove(id: string): void;
  ask<T>(what: string, call: (engine: Engine) => T): T;
}

function probe(resources: EngineResources, options?: EngineOptions): Probe {
  const engine = createEngine(resources, options);
  const texts = new Map<string, string>();
  const size = () => [...texts.values()].reduce((n, t) => n + t.length, 0);
  return {
    engine,
    texts,
    set(id, text) {
      // The engine keeps the order of the last set; so does this map.
      texts.delete(id);
      texts.set(id, text);
      bounded(`setDocument(${id})`, text.length, () => engine.setDocument({ id, text }));
    },
    remove(id) {
      texts.delete(id);
      bounded(`removeDocument(${id})`, 0, () => engine.removeDocument(id));
    },
    ask: (what, call) => bounded(what, size(), () => call(engine)),
  };
}

// Every other document is Markdown, so a folder mixes the two readings.
const idOf = (i: number) => `doc-${i}.${i % 2 ? 'md' : 'txt'}`;

const WORD = /[\p{L}\p{N}\p{M}]/u;
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Whether offset `i` is a place a span may start or end: not between the halves of a surrogate
 * pair, and not inside a word (letters, digits or marks on both sides). A reported text sliced
 * at a wrong offset still equals its slice; this is what tells a wrong offset from a right one.
 */
function isBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  if (isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i))) return false;
  const before = String.fromCodePoint(text.codePointAt(isLow(text.charCodeAt(i - 1)) && i >= 2 && isHigh(text.charCodeAt(i - 2)) ? i - 2 : i - 1)!);
  const after = String.fromCodePoint(text.codePointAt(i)!);
  return !(WORD.test(before) && WORD.test(after));
}

/**
 * Whether `prose` is `source` with some of its code units blanked to white space, as a Markdown
 * sentence is (its markup blanked), beginning and ending on a unit of the source.
 */
function isBlankedSlice(source: string, prose: string): boolean {
  if (prose.length !== source.length || prose[0] !== source[0] || prose.at(-1) !== source.at(-1)) return false;
  for (let i = 0; i < prose.length; i++) if (prose[i] !== source[i] && !/\s/.test(prose[i])) return false;
  return true;
}

/** Checks that every span lies inside its text, on boundaries, and slices to the reported text. */
export function assertOffsets(texts: ReadonlyMap<string, string>, analysis: Pick<CorpusAnalysis, 'documents'>): void {
  // A sentence of a Markdown document is its prose (markup blanked), line for line with the file.
  const check = (what: string, text: string | undefined, span: Span & { text: string }, prose = false) => {
    assert.ok(text !== undefined, `${what}: its document is in the corpus`);
    assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end) && 0 <= span.start && span.start < span.end && span.end <= text.length, `${what}: [${span.start}, ${span.end}) inside 0..${text.length}`);
    if (prose) assert.ok(isBlankedSlice(text.slice(span.start, span.end), span.text), `${what}: the reported text is the file's with markup blanked: ${JSON.stringify(span.text)} against ${JSON.stringify(text.slice(span.start, span.end))}`);
    else assert.equal(text.slice(span.start, span.end), span.text, `${what}: text.slice(start, end) is the reported text`);
    assert.ok(isBoundary(text, span.start) && isBoundary(text, span.end), `${what}: [${span.start}, ${span.end}) splits neither a word nor a surrogate pair: ${JSON.stringify(text.slice(Math.max(0, span.start - 3), span.end + 3))}`);
  };
  for (const doc of analysis.documents) {
    const text = texts.get(doc.docId);
    for (const claim of doc.claims) {
      check(`claim ${claim.id}`, text, claim, doc.docId.endsWith('.md'));
      assert.equal(claim.id, `${doc.docId}#${claim.start}`);
      for (const e of claim.evidence) check(`evidence ${e.docId}@${e.start} of claim ${claim.id}`, texts.get(e.docId), e, e.docId.endsWith('.md'));
    }
    for (const f of doc.findings) check(`finding ${f.rule}@${f.start} in ${doc.docId}`, text, f);
  }
}

/** Plays an editing session on a probe; each question's answer is checked for offsets. */
function play(p: Probe, texts: string[], steps: Step[]): void {
  let next = 0;
  texts.forEach((text) => p.set(idOf(next++), text));
  for (const s of steps) {
    const ids = [...p.texts.keys()];
    const id = ids.length ? ids[s.kind === 'add' ? 0 : s.doc % ids.length] : undefined;
    switch (s.kind) {
      case 'splice': {
        if (!id) break;
        const text = p.texts.get(id)!;
        const at = Math.floor(s.at * text.length);
        p.set(id, text.slice(0, at) + s.insert + text.slice(at + s.remove));
        break;
      }
      case 'replace':
        if (id) p.set(id, s.text);
        break;
      case 'remove':
        if (id) p.remove(id);
        break;
      case 'add':
        p.set(idOf(next++), s.text);
        break;
      case 'ask':
        if (s.question === 'corpus') assertOffsets(p.texts, p.ask('analyzeCorpus', (e) => e.analyzeCorpus()));
        else if (s.question === 'pending') p.ask('indexPending', (e) => e.indexPending());
        else if (s.question === 'copies') p.ask('copies', (e) => e.copies());
        else if (id && s.question === 'document') assertOffsets(p.texts, { documents: [p.ask(`analyzeDocument(${id})`, (e) => e.analyzeDocument(id))] });
        else if (id && s.question === 'related') p.ask(`related(${id})`, (e) => e.related(id));
        break;
    }
  }
}

/** Random engine options: checks switched off, thresholds, a small length limit (documents skipped), user words. */
const engineOptions: fc.Arbitrary<EngineOptions> = fc.record(
  {
    checks: fc.record({ claims: fc.boolean(), spelling: fc.boolean(), names: fc.boolean(), compounds: fc.boolean(), style: fc.boolean(), copies: fc.boolean() }, { requiredKeys: [] }),
    corroborationThreshold: fc.double({ min: 0, max: 1, noNaN: true }),
    maxDocumentLength: fc.integer({ min: 1, max: 5000 }),
    keepParses: fc.boolean(),
    userWords: fc.array(fc.constantFrom('acording', 'Xiaomy', 'news paper', 'Unicorn', '', '\uD800', 'ÉCOLE', 'C++', '(AP)', 'AT&T'), { maxLength: 4 }),
  },
  { requiredKeys: [] },
);

/** The properties, each a function of the loaded resources (built once per process). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each property has its own argument tuple.
// biome-ignore lint/suspicious/noExplicitAny: each property has its own argument type
export function engineProperties(resources: EngineResources): Record<string, fc.IRawProperty<any, false>> {
  // The first analysis builds the dictionaries' tables (shared by later engines): not a case's time.
  const warm = createEngine(resources);
  warm.setDocument({ id: 'warm-up', text: 'Xiaomi refused to comment on the report on Monday, acording to Reuters. A news paper said so.' });
  warm.setDocument({ id: 'warm-up-2', text: 'Xiaomi declined to comment on the report on Monday, Reuters said.' });
  warm.analyzeCorpus();
  return {
    'every offset lies inside its text and slices to the reported text': fc.property(folderTexts, (texts) => {
      const p = probe(resources);
      texts.forEach((text, i) => p.set(idOf(i), text));
      assertOffsets(p.texts, p.ask('analyzeCorpus', (e) => e.analyzeCorpus()));
    }),

    'analysing twice gives the same result, in one engine and in another': fc.property(folderTexts, (texts) => {
      const [a, b] = [probe(resources), probe(resources)];
      texts.forEach((text, i) => a.set(idOf(i), text));
      const first = a.ask('analyzeCorpus', (e) => e.analyzeCorpus());
      // The same word list again: nothing changes, but every cached analysis is dropped and made anew.
      a.ask('setUserWords', (e) => e.setUserWords([]));
      const ids = a.engine.documentIds();
      const again = [...ids].reverse().map((id) => a.ask(`analyzeDocument(${id})`, (e) => e.analyzeDocument(id))).reverse();
      assert.deepEqual({ documents: again, copies: a.engine.copies(), stories: a.engine.stories() }, first, 'the same engine asked again (documents in reverse order)');
      texts.forEach((text, i) => b.set(idOf(i), text));
      assert.deepEqual(b.ask('analyzeCorpus', (e) => e.analyzeCorpus()), first, 'a second engine over the same texts');
    }),

    'an incrementally edited corpus analyses as one built fresh from the final texts': fc.property(session, fc.boolean(), ({ texts, steps }, keepParses) => {
      // Whether the edited engine keeps its parses (the language server's does not) changes no answer.
      const edited = probe(resources, { keepParses });
      play(edited, texts, steps);
      const fresh = probe(resources);
      for (const [id, text] of edited.texts) fresh.set(id, text);
      const result = edited.ask('analyzeCorpus', (e) => e.analyzeCorpus());
      assertOffsets(edited.texts, result);
      assert.deepEqual(result, fresh.ask('analyzeCorpus', (e) => e.analyzeCorpus()));
    }),

    'no call throws or runs past its bound, whatever the options and the session': fc.property(engineOptions, session, (options, { texts, steps }) => {
      const p = probe(resources, options);
      play(p, texts, steps);
      const ids = p.engine.documentIds();
      if (ids.length) p.ask('areCopies', (e) => e.areCopies(ids[0], ids[ids.length - 1]));
      p.ask('setUserWords', (e) => e.setUserWords(options.userWords ?? []));
      assertOffsets(p.texts, p.ask('analyzeCorpus', (e) => e.analyzeCorpus()));
    }),
  };
}
