import { strict as assert } from 'node:assert';
import { parseDocument } from '../../src/core/text/parse';
import { extractClaims } from '../../src/core/claims';
import { createCorroborationIndex } from '../../src/core/corpus';
import { LEAD_PAIR_LIFT } from '../../src/core/corpus/index';
import { CopyDetector, copyWords, sampledShingles } from '../../src/core/corpus/copies';
import { leadYearsOf, StoryIndex } from '../../src/core/corpus/stories';
import { averageLinkage, PairHeap } from '../../src/core/corpus/average-linkage';
import { sentenceFeatures } from '../../src/core/corpus/features';
import { splitSisterEvents } from '../../src/core/corpus/sister-events';
import { commonWordsFromDic, createSynonymLookup, createWordRarity } from '../../src/core/lexicon';
import { fnv1a } from '../../src/core/text/fnv';
import { loadResources } from '../../src/node/resources';
import type { EngineOptions } from '../../src/core/types';

const resources = loadResources();
// The index with a copy detector beside it, as the engine wires them.
const build = (docs: Record<string, string>, options: EngineOptions = {}) => {
  const copies = new CopyDetector();
  const index = createCorroborationIndex(resources, options, { areCopies: (a, b) => copies.areCopies(a, b), groups: () => copies.groups() });
  for (const [id, text] of Object.entries(docs)) {
    const parsed = parseDocument(id, text);
    index.upsert(parsed, extractClaims(parsed));
    copies.upsert(id, copyWords(parsed));
  }
  return Object.assign(index, { copies: () => copies.groups() });
};

describe('corroboration index', function () {
  it('does not link two different earthquakes that share words', function () {
    const index = build({
      a: 'A magnitude 6.1 earthquake struck central Chile on Monday, killing 12 people.',
      b: 'A magnitude 5.4 earthquake struck northern Japan on Friday, injuring three people.',
    });
    assert.deepEqual(index.corroborate('a')[0].evidence.filter((e) => e.relation === 'corroborates'), []);
    assert.equal(index.corroborate('a')[0].status, 'single-source');
  });

  it('does not link two stories that share one figure and little else', function () {
    // A folder where the everyday words of both sentences are common, so the shared figure and
    // "jobs" carry most of the weight: the full alignment alone would link them (0.49).
    const topics = ['economy', 'people', 'jobs', 'year', 'president', 'value', 'created', 'fact', 'past', 'million', 'lost', 'collapse', 'agenda', 'tax'];
    const docs: Record<string, string> = {
      a: 'The Turkish economy teetered on the brink of collapse in 2001 when the lira plunged in value and two million people lost their jobs.',
      b: 'President Bush focused on the fact that two million jobs have been created in the past year, claiming that it has vindicated his tax-cutting agenda.',
    };
    for (let i = 0; i < 80; i++) docs[`f${i}`] = `Officials discussed the ${topics[i % 14]} and the ${topics[(i * 5 + 3) % 14]} at meeting number ${i + 100}.`;
    const claim = build(docs).corroborate('a')[0];
    assert.equal(claim.status, 'single-source', JSON.stringify(claim.evidence));
  });

  it("reads a claim in a report's lead against the other reports' leads, past what retrieval keeps", function () {
    // Two long reports that repeat the claim's words in denials outrank the second report's
    // lead for retrieval (they share one word more), and make the story too long to read whole.
    const denial = (i: number) => `Police in Kerrow never arrested the harbour master after the ferry sank, neighbour ${i} insisted.`;
    const docs = {
      a: 'Police in Kerrow arrested the harbour master after the ferry sank.\n\nThe ferry carried forty passengers.',
      b: 'The harbour master was arrested in Kerrow after the ferry sank, officers said.\n\nDivers reached the wreck on Friday.',
      c: ['The Kerrow ferry inquiry opened on Monday.', ...Array.from({ length: 45 }, (_, i) => denial(i))].join('\n\n'),
      d: ['Residents of Kerrow gathered at the harbour.', ...Array.from({ length: 45 }, (_, i) => denial(i + 100))].join('\n\n'),
    };
    const index = build(docs);
    assert.equal(index.stories().length, 1, JSON.stringify(index.stories()));
    const claim = index.corroborate('a')[0];
    assert.ok(
      claim.evidence.some((e) => e.docId === 'b' && e.start === 0 && e.relation === 'corroborates'),
      JSON.stringify(claim.evidence.map((e) => [e.docId, e.start, e.relation])),
    );
  });

  it("asks less of two sentences in one story that both open their reports' leads", function () {
    // The same sentences in both folders, so the same weights and story: only their places differ.
    const claim = 'Rescuers pulled eleven miners alive from the flooded Dunmore pit on Tuesday.';
    const source = 'Families waited at the gates of the Dunmore pit as eleven men trapped since Sunday were brought out on Tuesday, officials said.';
    const rest = (d: string) => [1, 2, 3, 4].map((i) => `The Dunmore pit inquiry heard witness ${d}${i} describe the ${['pumps', 'shafts', 'ventilation', 'alarms'][i - 1]}.`);
    // A low threshold, so that the score is read wherever it falls.
    const lead = build({ a: [claim, ...rest('a')].join('\n\n'), b: [source, ...rest('b')].join('\n\n') }, { corroborationThreshold: 0.05 });
    const body = build({ a: [...rest('a'), claim].join('\n\n'), b: [...rest('b'), source].join('\n\n') }, { corroborationThreshold: 0.05 });
    const scoreOf = (index: ReturnType<typeof build>) => {
      assert.equal(index.stories().length, 1, JSON.stringify(index.stories()));
      const c = index.corroborate('a').find((x) => x.text === claim)!;
      const e = c.evidence.find((x) => x.docId === 'b' && x.text === source);
      assert.ok(e, JSON.stringify(c.evidence));
      return e.score;
    };
    const inBody = scoreOf(body);
    assert.ok(inBody < 1 - LEAD_PAIR_LIFT, String(inBody));
    const inLead = scoreOf(lead);
    assert.ok(inLead > inBody, `${inLead} against ${inBody}`);
    assert.equal(inLead, Math.round((inBody + LEAD_PAIR_LIFT) * 1000) / 1000);
  });

  it('reports a conflict when the same fact carries a different number', function () {
    const index = build({
      a: 'The fire at the Berlin warehouse on Monday killed 12 workers, police said.',
      b: 'The fire at the Berlin warehouse on Monday killed 15 workers, police said.',
    });
    const c = index.corroborate('a')[0];
    assert.equal(c.status, 'conflicting');
    assert.deepEqual(c.evidence[0].conflict, { claim: '12 workers', source: '15 workers' });
  });

  it('forgets a removed document', function () {
    const text = 'The central bank of Norway raised its main interest rate by a quarter point on Thursday.';
    const index = build({ a: text, b: 'On Thursday Norway’s central bank raised the main interest rate by a quarter of a point.' });
    assert.equal(index.corroborate('a')[0].status, 'corroborated');
    index.remove('b');
    assert.equal(index.corroborate('a')[0].status, 'single-source');
  });

  it('hashes each shingle as the FNV-1a of its five words joined by spaces', function () {
    const words = 'the council said on monday that the new bridge will open in june'.split(' ');
    const expected = new Set<number>();
    for (let i = 0; i + 5 <= words.length; i++) expected.add(fnv1a(words.slice(i, i + 5).join(' ')));
    assert.deepEqual(new Set(sampledShingles(words)), expected);
  });

  it('groups exact duplicates as copies', function () {
    const text = 'Shares in the carmaker fell sharply on Tuesday after it cut its profit forecast for the year. Analysts had expected a smaller cut.';
    const index = build({ x: text, y: text, z: 'An unrelated story about football results in the northern league this weekend.' });
    assert.deepEqual(index.copies(), [['x', 'y']]);
  });

  it('pops cluster pairs best first, ties by cluster numbers, however many were pushed', function () {
    // Scores from a small set, so that ties are common; more entries than the heap starts with.
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647);
    const entries = Array.from({ length: 500 }, () => ({ score: (next() % 9) / 8, a: next() % 20, b: next() % 20, sizes: next() % 50 }));
    const heap = new PairHeap();
    for (const e of entries) heap.push(e.score, e.a, e.b, e.sizes);
    const popped: Array<[number, number, number]> = [];
    while (heap.pop()) popped.push([heap.score, heap.a, heap.b]);
    const expected = entries.map((e): [number, number, number] => [e.score, e.a, e.b]).sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
    assert.deepEqual(popped, expected);
  });

  it('clusters by average linkage as merging the best pair each time does, with sums in a table or in maps', function () {
    // The reference looks at every pair of live clusters at each step, summing as the heap's merge does.
    const reference = (n: number, pairs: Array<[number, number, number]>, groups: number[][], bar: number) => {
      const sums = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      for (const [i, j, sim] of pairs) sums[i][j] = sums[j][i] = sim;
      const size = new Array<number>(n).fill(1);
      const alive = new Array<boolean>(n).fill(true);
      const members = Array.from({ length: n }, (_, i) => [i]);
      const merge = (a: number, b: number) => {
        alive[b] = false;
        for (let c = 0; c < n; c++) if (alive[c] && c !== a) sums[a][c] = sums[c][a] = sums[a][c] + sums[b][c];
        size[a] += size[b];
        members[a].push(...members[b]);
        members[b] = [];
      };
      for (const g of groups) for (const m of g.slice(1)) merge(g[0], m);
      for (;;) {
        let best: [number, number, number] | undefined;
        for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) {
          if (!alive[a] || !alive[b] || sums[a][b] === 0) continue;
          const score = sums[a][b] / (size[a] * size[b]);
          if (!best || score > best[0]) best = [score, a, b];
        }
        if (!best || best[0] < bar) break;
        merge(best[1], best[2]);
      }
      return members.filter((_, i) => alive[i]).map((m) => [...m].sort((x, y) => x - y));
    };
    let seed = 11;
    const next = () => (seed = (seed * 16807) % 2147483647);
    for (let trial = 0; trial < 40; trial++) {
      const n = 5 + (next() % 40);
      const pairs: Array<[number, number, number]> = [];
      // Similarities from a small set, so that ties are common, and sparse, as a folder's are.
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (next() % 3 === 0) pairs.push([i, j, 0.1 + (next() % 8) / 10]);
      const groups = trial % 2 ? [[1, 3], [2, 4, 5]].filter((g) => g.every((i) => i < n)) : [];
      const expected = reference(n, pairs, groups, 0.3);
      for (const denseLimit of [n, 0]) {
        const got = averageLinkage(n, (visit) => pairs.forEach(([i, j, sim]) => visit(i, j, sim)), groups, 0.3, denseLimit);
        assert.deepEqual(got.map((m) => [...m].sort((x, y) => x - y)), expected, `trial ${trial}, ${denseLimit ? 'table' : 'maps'}`);
      }
    }
  });

  it('names no document as moved to another story when an edit re-clusters a story into the same members', function () {
    const commonWords = commonWordsFromDic(resources.dictionaries['en-US']);
    const features = (id: string, text: string) => parseDocument(id, text).sentences.map((s) => sentenceFeatures(id, s, commonWords));
    const quake = (place: string, dead: string, agency: string) =>
      [`Earthquake hits ${place}, ${dead} dead`, `A strong earthquake struck ${place} on Sunday, killing ${dead} people.`, `Rescue teams from ${agency} searched the rubble in ${place}.`, `Aftershocks shook ${place} into the morning, ${agency} said.`].join('\n');
    const stories = new StoryIndex(createWordRarity(resources.wordFrequencies), createSynonymLookup(resources.synonyms).synsets);
    const texts: Record<string, string> = {
      q1: quake('Qeshm island in Iran', '10', 'the Red Crescent'),
      q2: quake('Qeshm island in Iran', '10', 'the Red Crescent').replace('searched the rubble', 'dug through the rubble'),
      c1: quake('central Chile near Talca', '42', 'Carabineros'),
      c2: quake('central Chile near Talca', '42', 'Carabineros').replace('searched the rubble', 'dug through the rubble'),
    };
    for (const [id, text] of Object.entries(texts)) stories.upsert(id, features(id, text));
    assert.deepEqual(stories.stories([]), [['c1', 'c2'], ['q1', 'q2']]);
    const before = stories.version([]);
    const numbers = ['q1', 'q2', 'c1', 'c2'].map((id) => stories.storyOf(id, []));
    // A new word in q2's lead changes its profile, so its part of the folder is clustered again, into the same two reports.
    stories.upsert('q2', features('q2', texts.q2.replace('A strong earthquake', 'A strong and deadly earthquake')));
    assert.equal(stories.version([]), before + 1, 'the story was worked out again');
    assert.deepEqual(stories.lastChanges(), []);
    assert.deepEqual(['q1', 'q2', 'c1', 'c2'].map((id) => stories.storyOf(id, [])), numbers);
    // A report that leaves its story is named, and so is the one left alone.
    stories.upsert('q2', features('q2', 'The council approved a new cycle lane on the high street on Tuesday after a long debate about parking.'));
    stories.version([]);
    assert.deepEqual([...(stories.lastChanges() ?? [])].sort(), ['q1', 'q2']);
  });

  it('tells two sister events of one story apart when both wording and the year in their leads do', function () {
    const commonWords = commonWordsFromDic(resources.dictionaries['en-US']);
    // Two emergency browser patches years apart: the same firm, product and kind of event, so
    // their profiles make one story; each event's own details and the year set them apart.
    const memory = (n: number, dateline: string) =>
      [
        `Microsoft rushes out emergency Internet Explorer fix ${n}`,
        dateline,
        'Microsoft has released a temporary Fix It workaround for a zero-day memory corruption bug in Internet Explorer.',
        'The company said targeted attacks against Internet Explorer 8 and 9 users had been reported in Japan.',
        `Security researchers said the shim limited the attacks until a full Internet Explorer patch arrives, report ${n} said.`,
      ].join('\n');
    const parser = (n: number, dateline: string) =>
      [
        `Microsoft issues emergency patch for Internet Explorer flaw ${n}`,
        dateline,
        'Microsoft has released an emergency patch for a zero-day flaw in the XML parser of Internet Explorer.',
        'Hackers infected thousands of websites that stole gaming passwords from visitors using Internet Explorer 7.',
        `Security researchers urged users to install the Internet Explorer patch at once, report ${n} said.`,
      ].join('\n');
    const newIndex = () => new StoryIndex(createWordRarity(resources.wordFrequencies), createSynonymLookup(resources.synonyms).synsets);
    const storiesOf = (texts: Record<string, string>, stories = newIndex()) => {
      for (const [id, text] of Object.entries(texts)) {
        const sentences = parseDocument(id, text).sentences;
        stories.upsert(id, sentences.map((s) => sentenceFeatures(id, s, commonWords)), leadYearsOf(sentences));
      }
      return stories.stories([]);
    };
    const dated: Record<string, string> = {};
    for (const n of [1, 2, 3, 4]) dated[`m${n}`] = memory(n, `Published on September ${n + 16}, 2013`);
    for (const n of [1, 2, 3, 4]) dated[`p${n}`] = parser(n, 'From our technology desk');
    assert.deepEqual(storiesOf(dated), [['m1', 'm2', 'm3', 'm4'], ['p1', 'p2', 'p3', 'p4']]);
    // The same wording with the years spread across both events says nothing of two dates: one story.
    const spread: Record<string, string> = {};
    for (const n of [1, 2, 3, 4]) spread[`m${n}`] = memory(n, n % 2 ? `Published on September ${n + 16}, 2013` : 'From our technology desk');
    for (const n of [1, 2, 3, 4]) spread[`p${n}`] = parser(n, n % 2 ? `Published on September ${n + 16}, 2013` : 'From our technology desk');
    assert.deepEqual(storiesOf(spread), [['m1', 'm2', 'm3', 'm4', 'p1', 'p2', 'p3', 'p4']]);
    // One index edited from one to the other cuts as a fresh one does: the cut of a cluster is
    // remembered only for the profiles it was made from, though the cluster's members stay.
    const live = newIndex();
    assert.equal(storiesOf(dated, live).length, 2);
    assert.equal(storiesOf(spread, live).length, 1);
    assert.equal(storiesOf(dated, live).length, 2);
  });

  it('re-clusters only the parts whose copy groups changed, and as a fresh index would', function () {
    const commonWords = commonWordsFromDic(resources.dictionaries['en-US']);
    const ferry = (n: number) => `The Kerrow ferry sank near the harbour on Monday, report ${n} said.\nDivers searched the wreck of the Kerrow ferry.\nThe harbour master of Kerrow was arrested.`;
    const bank = (n: number) => `Zorbin Bank agreed a merger with Talvey Credit, report ${n} said.\nShareholders of Zorbin Bank backed the Talvey merger.\nThe merger creates the largest lender in Ostrava.`;
    const texts: Record<string, string> = { f1: ferry(1), f2: ferry(2), f3: ferry(3), b1: bank(1), b2: bank(2), b3: bank(3) };
    const indexOf = () => {
      const stories = new StoryIndex(createWordRarity(resources.wordFrequencies), createSynonymLookup(resources.synonyms).synsets);
      for (const [id, text] of Object.entries(texts)) {
        const sentences = parseDocument(id, text).sentences;
        stories.upsert(id, sentences.map((s) => sentenceFeatures(id, s, commonWords)), leadYearsOf(sentences));
      }
      return stories;
    };
    const live = indexOf();
    assert.deepEqual(live.stories([]), [['b1', 'b2', 'b3'], ['f1', 'f2', 'f3']]);
    for (const copies of [[['b1', 'f1']], [['b2', 'f1']], []]) {
      assert.deepEqual(live.stories(copies), indexOf().stories(copies), JSON.stringify(copies));
      // Named document by document, as after an edit, not "any may have changed".
      assert.notEqual(live.lastChanges(), undefined);
    }
  });

  it('does not cut a large story whose wording and years are unrelated', function () {
    // 500 reports with random terms and a year each in turn (2000, 2001, 2002): some cut by wording
    // leans toward some year by chance, significantly so at this size, but only slightly.
    let seed = 1;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const docs = Array.from({ length: 500 }, (_, i) => {
      const keys = new Set<number>();
      while (keys.size < 150) keys.add(Math.floor(random() * 3000));
      const sorted = Int32Array.from([...keys].sort((a, b) => a - b));
      return { keys: sorted, weights: Float64Array.from(sorted, () => 1 + Math.floor(random() * 3)), years: new Set([2000 + (i % 3)]) };
    });
    assert.equal(splitSisterEvents(docs, docs.map((_, i) => [i])).length, 1);
  });

  it('keeps copy groups as a fresh detector finds them while documents are edited and removed', function () {
    const words = (text: string) => text.toLowerCase().split(/\W+/).filter(Boolean);
    const base = 'Shares in the carmaker fell sharply on Tuesday after it cut its profit forecast for the year and warned of weaker demand in Europe and Asia over the coming months';
    const texts = new Map<string, string>([
      ['a', base],
      ['b', `${base} said analysts`],
      ['c', `Reuters reported that ${base}`],
      ['d', 'An unrelated story about football results in the northern league this weekend and the cup draw that follows it'],
    ]);
    const edited = new CopyDetector();
    for (const [id, text] of texts) edited.upsert(id, words(text));
    const fresh = () => {
      const detector = new CopyDetector();
      for (const [id, text] of [...texts].sort()) detector.upsert(id, words(text));
      return detector.groups();
    };
    assert.deepEqual(edited.groups(), [['a', 'b', 'c']]);
    const steps: Array<[string, string | undefined]> = [
      ['a', undefined],
      ['b', 'A different text now, about the weather over the weekend and the rain that is expected to fall in the north of the country'],
      ['d', `${base} (corrected)`],
      ['a', base],
    ];
    for (const [id, text] of steps) {
      if (text === undefined) {
        edited.remove(id);
        texts.delete(id);
      } else {
        edited.upsert(id, words(text));
        texts.set(id, text);
      }
      assert.deepEqual(edited.groups(), fresh(), `after changing ${id}`);
      for (const x of texts.keys()) assert.deepEqual(edited.copiesOf(x).sort(), [...texts.keys()].filter((y) => y !== x && edited.areCopies(x, y)).sort(), `${x}'s copies`);
    }
    assert.deepEqual(edited.groups(), [['a', 'c', 'd']]);
  });
});
