import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/core/engine';
import { parseDocument } from '../../src/core/text/parse';
import { loadResources } from '../../src/node/resources';

const folder = join(__dirname, '..', '..', 'examples');
const seed = (prefix: string) => readdirSync(folder).find((n) => n.startsWith(prefix))!;

describe('createEngine', () => {
  const resources = loadResources();

  it('names the documents an edit can move: those cited now and those that cited it', () => {
    const engine = createEngine(resources);
    for (const name of readdirSync(folder).sort()) engine.setDocument({ id: name, text: readFileSync(join(folder, name), 'utf8') });
    engine.analyzeCorpus();
    const [s000, s001, s002, s003] = ['000', '001', '002', '003'].map(seed);
    assert.ok(engine.related(s002).includes(s003), '002 cites 003 ("declined to comment")');
    assert.ok(engine.related(s000).includes(s001), 'the copies cite each other');
    // 003 loses its "declined to comment" sentence: 002 cited it, so 002 is still related.
    const text003 = readFileSync(join(folder, s003), 'utf8').replace('Xiaomi has declined to comment on the statement.', '');
    engine.setDocument({ id: s003, text: text003 });
    assert.ok(engine.related(s003).includes(s002));
    assert.ok(!engine.analyzeDocument(s002).claims.some((c) => c.evidence.some((e) => e.docId === s003 && /declined/.test(e.text))));
  });

  it('answers claims from the index alone when it checks no spellings, before and after an edit', () => {
    // A claims-only engine lets each parse go once indexed: what it answers must not need it.
    const engine = createEngine(resources, { checks: { spelling: false, names: false, compounds: false, style: false } });
    const [s002, s003] = ['002', '003'].map(seed);
    for (const name of [s002, s003]) engine.setDocument({ id: name, text: readFileSync(join(folder, name), 'utf8') });
    const refused = (id: string) => engine.analyzeDocument(id).claims.find((c) => /refused to comment/.test(c.text));
    assert.equal(refused(s002)?.status, 'corroborated');
    assert.ok(refused(s002)!.evidence.some((e) => e.docId === s003 && /declined to comment/.test(e.text)));
    engine.setDocument({ id: s003, text: readFileSync(join(folder, s003), 'utf8').replace('Xiaomi has declined to comment on the statement.', '') });
    assert.equal(refused(s002)?.status, 'single-source');
    assert.ok(engine.analyzeDocument(s003).claims.length > 3, 'the edited document still has its claims');
    assert.deepEqual(engine.analyzeDocument(s003).findings, []);
  });

  it('skips an over-long document with a note and an empty one without error', () => {
    const engine = createEngine(resources, { maxDocumentLength: 100 });
    engine.setDocument({ id: 'long', text: 'The council met on Monday. '.repeat(10) });
    engine.setDocument({ id: 'empty', text: '' });
    assert.match(engine.analyzeDocument('long').notes.join(' '), /over the limit of 100/);
    assert.deepEqual(engine.analyzeDocument('empty').claims, []);
  });

  it('finds copy groups with the claims check, or when asked for on their own', () => {
    const load = (checks: Record<string, boolean>) => {
      const engine = createEngine(resources, { checks });
      for (const name of readdirSync(folder).sort()) engine.setDocument({ id: name, text: readFileSync(join(folder, name), 'utf8') });
      return engine;
    };
    const pair = [seed('000'), seed('001')];
    assert.deepEqual(load({}).copies(), [pair]);
    assert.deepEqual(load({ claims: false }).copies(), []);
    const copiesOnly = load({ claims: false, spelling: false, copies: true });
    assert.deepEqual(copiesOnly.copies(), [pair]);
    assert.ok(copiesOnly.areCopies(pair[1], pair[0]) && !copiesOnly.areCopies(pair[0], seed('002')));
  });

  it('takes a document parsed elsewhere instead of parsing it again, and refuses the parse of another text', () => {
    const name = seed('000');
    const text = readFileSync(join(folder, name), 'utf8');
    const engine = createEngine(resources);
    const given = parseDocument(name, text);
    engine.setDocument({ id: name, text }, given);
    // The engine took this parse: it ran the tree checks on it and dropped the tree.
    assert.equal(given.tree, undefined);
    const own = createEngine(resources);
    own.setDocument({ id: name, text });
    assert.deepEqual(engine.analyzeDocument(name), own.analyzeDocument(name));
    assert.throws(() => engine.setDocument({ id: name, text }, parseDocument(name, text + ' More.')), /another text/);
  });

  it('reports progress over taking documents into the index, then over analysing them', () => {
    const engine = createEngine(resources);
    const names = readdirSync(folder).sort();
    for (const name of names) engine.setDocument({ id: name, text: readFileSync(join(folder, name), 'utf8') });
    const steps: Array<[number, number]> = [];
    engine.analyzeCorpus((done, total) => steps.push([done, total]));
    assert.deepEqual(steps, names.concat(names).map((_, i) => [i + 1, names.length * 2]));
    // Nothing was set since: only the analyses are steps now.
    engine.setUserWords(['Xiaomi']);
    const again: number[] = [];
    engine.analyzeCorpus((_, total) => again.push(total));
    assert.deepEqual(again, names.map(() => names.length));
  });

  it('answers the same when it lets each parse go after an analysis, through edits, user words and Markdown', () => {
    const kept = createEngine(resources);
    const dropped = createEngine(resources, { keepParses: false });
    const names = readdirSync(folder).sort();
    // A Markdown article (the prose view) and style findings (the tree-based checks) must come back alike.
    const markdown = { id: 'note.md', text: '# A note\n\nXiaomi said it would releese a a statement about the **news paper** report.\n' };
    const both = (f: (e: ReturnType<typeof createEngine>) => void) => [kept, dropped].forEach(f);
    both((e) => {
      for (const name of names) e.setDocument({ id: name, text: readFileSync(join(folder, name), 'utf8') });
      e.setDocument(markdown);
    });
    const same = () => assert.deepEqual(dropped.analyzeCorpus(), kept.analyzeCorpus());
    same();
    assert.ok(kept.analyzeDocument('note.md').findings.length >= 3, 'the note has its misspelling, doubled word and split compound');
    // Analysed again after a change elsewhere: the dropped parse is made anew.
    both((e) => e.setDocument({ id: seed('003'), text: readFileSync(join(folder, seed('003')), 'utf8').replace('Xiaomi has declined to comment on the statement.', '') }));
    same();
    both((e) => e.setUserWords(['Xiaomi', 'releese']));
    same();
    both((e) => e.removeDocument(seed('004')));
    same();
  });

  it('checks its options eagerly with a clear TypeError', () => {
    assert.throws(() => createEngine(resources, { corroborationThreshold: 2 }), TypeError);
    assert.throws(() => createEngine(resources, { maxDocumentLength: -1 }), TypeError);
  });

  it('stops flagging a word once the user accepts it', () => {
    const engine = createEngine(resources);
    const name = seed('000');
    engine.setDocument({ id: name, text: readFileSync(join(folder, name), 'utf8') });
    assert.ok(engine.analyzeDocument(name).findings.some((f) => f.text === 'China Unicorn'));
    engine.setUserWords(['China Unicorn']);
    assert.ok(!engine.analyzeDocument(name).findings.some((f) => f.text === 'China Unicorn'));
  });
});

describe('a document that is not English', () => {
  it('gets a note instead of a flood of misspellings', () => {
    const engine = createEngine(loadResources());
    const french =
      "Le gouvernement taïwanais a annoncé mardi l'ouverture d'une enquête sur les téléphones du fabricant chinois, soupçonnés d'envoyer des données vers des serveurs situés en Chine. Selon un communiqué officiel, les résultats seront publiés dans trois mois.";
    engine.setDocument({ id: 'fr', text: french });
    engine.setDocument({ id: 'en', text: 'The government said on Tuesday that the results of the probe will be released in three months, and the company declined to comment on the matter.' });
    const fr = engine.analyzeDocument('fr');
    assert.deepEqual(fr.findings, []);
    assert.match(fr.notes.join(' '), /does not read as English/);
    assert.deepEqual(engine.analyzeDocument('en').notes, []);
  });
});
