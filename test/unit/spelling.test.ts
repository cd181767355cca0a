import { strict as assert } from 'node:assert';
import { createEngine, type Engine } from '../../src/core/engine';
import { createSpellChecker, type SpellChecker } from '../../src/core/spelling';
import { JoinedWordFilter } from '../../src/core/spelling/joined-words';
import { createFolderVocabulary, wordItem } from '../../src/core/spelling/vocabulary';
import { parseDocument } from '../../src/core/text/parse';
import { loadResources } from '../../src/node/resources';
import type { EngineResources, Finding } from '../../src/core/types';

let resources: EngineResources;
let checker: SpellChecker;

function analyse(docs: Record<string, string>, from: EngineResources = resources): { engine: Engine; findings: (id: string) => Finding[] } {
  const engine = createEngine(from, { checks: { claims: false } });
  for (const [id, text] of Object.entries(docs)) engine.setDocument({ id, text });
  return { engine, findings: (id) => engine.analyzeDocument(id).findings };
}
// The resources less the larger word list (built once: a new resources object loads Hunspell again).
let withoutListed: EngineResources | undefined;
const unlisted = () => (withoutListed ??= { ...resources, listedWords: undefined });
const shown = (fs: Finding[]) => fs.filter((f) => f.severity !== 'hint');

before(() => {
  resources = loadResources();
  checker = createSpellChecker(resources, {});
});

describe('name near-misses', () => {
  it('flags a name one visual confusion away from a name the folder uses consistently', () => {
    const { findings } = analyse({
      a: 'Nexusguard Consulting said the phones sent data. Nexusguard later repeated it.',
      b: 'A report by Nexusguard was cited. The Nexusguard findings were disputed.',
      c: 'The firm Nexusquard said nothing more.',
    });
    assert.deepEqual(shown(findings('c')).map((f) => f.rule), []); // q/g is not a visual confusion
    const { findings: f2 } = analyse({
      a: 'Qiaomi said the phones were safe. Qiaomi later repeated it.',
      b: 'Sales of Qiaomi phones rose, and Qiaomi grew.',
      c: 'The maker Qiaorni declined to comment.',
    });
    const hit = f2('c').find((f) => f.rule === 'name-near-miss');
    assert.ok(hit);
    assert.equal(hit.text, 'Qiaorni');
    assert.equal(hit.suggestions[0], 'Qiaomi');
    assert.match(hit.message, /elsewhere in the folder/);
  });

  it('undoes the thin-stroke and open-bowl confusions of scans (i↔l, o↔c) in a name the folder uses', () => {
    const { findings } = analyse({
      a: 'Malibu officials said the fire reached Bloomington Road. Malibu residents fled.',
      b: 'In Malibu and Bloomington the roads were closed.',
      c: 'Homes in Maiibu burned. The Blcomington road reopened.',
    });
    assert.deepEqual(shown(findings('c')).map((f) => [f.rule, f.text, f.suggestions[0]]), [
      ['name-near-miss', 'Maiibu', 'Malibu'],
      ['name-near-miss', 'Blcomington', 'Bloomington'],
    ]);
  });

  it('replaces only the bent word of a run, keeping a possessive as written', () => {
    const { findings } = analyse({
      a: 'The Senate Ethics Committee met. The Senate Ethics Committee adjourned.',
      b: 'A report by the Senate Ethics Committee was due.',
      c: "The Senate's Ethics Ccmmittee said nothing.",
    });
    const f = shown(findings('c')).find((x) => x.rule === 'name-near-miss');
    assert.ok(f);
    const text = "The Senate's Ethics Ccmmittee said nothing.";
    assert.equal(text.slice(0, f.start) + f.suggestions[0] + text.slice(f.end), "The Senate's Ethics Committee said nothing.");
  });

  it('never flags a gazetteer name or a word of one, even seen once ("Unicom" after the fix "China Unicom")', () => {
    const f = analyse({ a: 'The operator China Unicom said Naver would bid.' }).findings('a');
    assert.deepEqual(f.map((x) => x.text), []);
  });

  it('does not re-read an ordinary capitalised word as a gazetteer name', () => {
    const { findings } = analyse({ a: 'Apple Daily said the service Line was banned. Orange juice and Three Lions sold well.' });
    assert.deepEqual(shown(findings('a')).map((f) => f.text), []);
  });

  it('treats an unknown capitalised word that recurs in the folder as a name', () => {
    const { findings } = analyse({ a: 'The Redmi phone sold out.', b: 'Buyers liked the Redmi.' });
    assert.deepEqual(findings('a').concat(findings('b')).filter((f) => f.text === 'Redmi'), []);
  });

  it('stops flagging when the document that attested the name is removed', () => {
    const { engine, findings } = analyse({
      a: 'Qiaomi said the phones were safe. Qiaomi later repeated it.',
      b: 'Sales of Qiaomi phones rose.',
      c: 'The maker Qiaorni declined to comment.',
    });
    assert.equal(findings('c').filter((f) => f.rule === 'name-near-miss').length, 1);
    engine.removeDocument('a');
    engine.removeDocument('b');
    assert.equal(findings('c').filter((f) => f.rule === 'name-near-miss').length, 0);
  });

  it('follows the folder as documents come and go: a run becomes attested when a second document uses it', () => {
    const engine = createEngine(resources, { checks: { claims: false } });
    const nearMiss = () => engine.analyzeDocument('c').findings.filter((f) => f.rule === 'name-near-miss').map((f) => f.suggestions[0]);
    engine.setDocument({ id: 'a', text: 'Marnie Holdings said profits rose.' });
    engine.setDocument({ id: 'c', text: 'A spokesman for Mamie Holdings declined to comment.' });
    assert.deepEqual(nearMiss(), []);
    engine.setDocument({ id: 'b', text: 'Shares in Marnie Holdings fell. Marnie Holdings is based in Leeds.' });
    assert.deepEqual(nearMiss(), ['Marnie Holdings']);
    engine.setDocument({ id: 'd', text: 'The weather was fine.' }); // an edit elsewhere changes nothing
    assert.deepEqual(nearMiss(), ['Marnie Holdings']);
    engine.removeDocument('b');
    assert.deepEqual(nearMiss(), []);
  });
});

describe('folder vocabulary', () => {
  it('counts words, names and contexts across documents, and forgets a removed or replaced one', () => {
    // Every lower-case word is "in the dictionary" here except "zorp".
    const vocabulary = createFolderVocabulary({ verdict: (w) => (w.form.toLowerCase() === 'zorp' ? 0 : 1), isCommonJoin: () => false });
    const a = parseDocument('a', 'China Unicom said zorp twice. China Unicom did.');
    const b = parseDocument('b', 'The zorp came from China Unicom.');
    vocabulary.add(a);
    vocabulary.add(b);
    const snapshot = () => ({
      china: vocabulary.count('china'),
      chinaDocs: vocabulary.documents('China'),
      unicom: vocabulary.capitalised('Unicom'),
      run: vocabulary.run('China Unicom'),
      zorpContexts: vocabulary.contexts(wordItem('zorp')),
      runs: vocabulary.recurringRuns(1),
      recurring: vocabulary.recurringRuns(2),
    });
    const both = snapshot();
    assert.deepEqual(both, { china: 3, chinaDocs: 2, unicom: 3, run: 3, zorpContexts: 2, runs: ['China Unicom'], recurring: ['China Unicom'] });
    vocabulary.add(b); // the same document again replaces itself
    assert.deepEqual(snapshot(), both);
    vocabulary.remove('a');
    assert.deepEqual(snapshot(), { china: 1, chinaDocs: 1, unicom: 1, run: 1, zorpContexts: 1, runs: ['China Unicom'], recurring: [] });
    vocabulary.remove('b');
    assert.deepEqual(snapshot(), { china: 0, chinaDocs: 0, unicom: 0, run: 0, zorpContexts: 0, runs: [], recurring: [] });
    vocabulary.add(parseDocument('a', a.text));
    vocabulary.add(parseDocument('b', b.text));
    assert.deepEqual(snapshot(), both);
  });
});

describe('folder vocabulary, as an editor changes it', () => {
  it('keeps its recurring runs when an edit puts back what it took out, and changes them when a run ends on the other side', () => {
    const vocabulary = createFolderVocabulary({ verdict: () => 1, isCommonJoin: () => false });
    const b = 'Kantar Worldpanel counted the phones. China Unicom agreed.';
    vocabulary.add(parseDocument('a', 'China Unicom said so. Kantar Worldpanel said so too. China Unicom did.'));
    vocabulary.add(parseDocument('b', b));
    const before = vocabulary.recurringRuns(2);
    assert.deepEqual([...before].sort(), ['China Unicom', 'Kantar Worldpanel']);
    // Each edit takes the document out (Kantar Worldpanel falls to one mention) and puts it back.
    vocabulary.add(parseDocument('b', `${b} It rained.`));
    assert.equal(vocabulary.recurringRuns(2), before, 'the same answer, not a list built again');
    vocabulary.add(parseDocument('b', 'The phones were counted. China Unicom agreed.'));
    assert.deepEqual(vocabulary.recurringRuns(2), ['China Unicom']);
    vocabulary.add(parseDocument('b', b));
    assert.deepEqual([...vocabulary.recurringRuns(2)].sort(), ['China Unicom', 'Kantar Worldpanel']);
  });
});

describe('names the writer or a gazetteer vouches for', () => {
  const hinted = (text: string) => analyse({ a: text }).findings('a').filter((f) => f.rule === 'unknown-word').map((f) => f.text);

  it('gives no hint on a word of a run of capitalised words in prose ("according to Kantar Worldpanel ComTech")', () => {
    assert.deepEqual(hinted('It holds 27 percent of the market, according to Kantar Worldpanel ComTech, ahead of rivals.'), []);
    // Alone, the same unknown capitalised word is still a hint: the run is the evidence.
    assert.deepEqual(hinted('It holds 27 percent of the market, according to Kantar, ahead of rivals.'), ['Kantar']);
  });

  it('reads no evidence in the capitals of a title-case line', () => {
    assert.deepEqual(hinted('AI Excites But Stresses Leaders, IDC Expereo Finds'), ['Expereo']);
  });

  it('knows given names from the given-name gazetteer ("Elon")', () => {
    assert.deepEqual(hinted('He said Elon had left.'), []);
  });

  it('never reads a name it knows as a bent one ("Mehta", a personal name, is no "Melita", an operator)', () => {
    const f = analyse({ a: 'Police chief Mehta said the boats had come from the sea.' }).findings('a');
    assert.deepEqual(f.filter((x) => x.rule === 'name-near-miss').map((x) => x.text), []);
  });

  it('does not judge the plural of an acronym ("CIOs")', () => {
    assert.deepEqual(hinted('The survey asked CIOs about budgets.'), []);
  });
});

describe('split compounds and run-togethers', () => {
  it('joins a split compound whose halves are both words', () => {
    const f = shown(analyse({ a: 'She read the news paper every morning.' }).findings('a'));
    assert.deepEqual(f.map((x) => [x.rule, x.text, x.suggestions[0]]), [['split-compound', 'news paper', 'newspaper']]);
  });

  it('joins a split compound with a half that is not a word', () => {
    const f = shown(analyse({ a: 'They came to gether after the match.' }).findings('a'));
    assert.deepEqual(f.map((x) => [x.rule, x.suggestions[0]]), [['split-compound', 'together']]);
  });

  it('reads a word and the preposition, particle or conjunction after it, or "I" and a verb, as two words', () => {
    const text = 'Shares fell as much as 19%. The success or failure of the plan is unclear. Bags were left to pile up. I deal with facts. She thought every one had called.';
    const f = shown(analyse({ a: text }).findings('a'));
    assert.deepEqual(f.map((x) => [x.rule, x.text, x.suggestions[0]]), [['split-compound', 'every one', 'everyone']]);
  });

  it('reads a determiner pair in context: quiet as a phrase, flagged as a split adverb', () => {
    const quiet = shown(analyse({ a: 'They found a way to win. The park would open after a long delay. It is in any way connected. A round of talks began. He is suing the firm. Users can turn it on and off at any time.' }).findings('a'));
    assert.deepEqual(quiet.map((x) => x.text), []);
    const flagged = shown(analyse({ a: 'The dog ran a way.' }).findings('a'));
    assert.deepEqual(flagged.map((x) => [x.text, x.suggestions[0]]), [['a way', 'away']]);
  });

  it('counts only the folder uses that read as the compound: "a way to win" elsewhere does not excuse "buildings a way on"', () => {
    const { findings } = analyse({
      a: 'He was arrested five buildings a way on Main Street.',
      b: 'They found a way to win. There is a way of doing it. It was a way for him to return.',
    });
    assert.deepEqual(shown(findings('a')).map((x) => [x.text, x.suggestions[0]]), [['a way', 'away']]);
  });

  it('reads an article after a preposition or conjunction as opening its object ("looking for a way out", "or a bout with")', () => {
    const f = shown(analyse({ a: 'He was looking for a way out. He wanted a title or a bout with Haye.' }).findings('a'));
    assert.deepEqual(f.map((x) => x.text), []);
  });

  it('joins an article pair before a number ("at a round 9.35am") even where the folder writes the pair elsewhere', () => {
    const { findings } = analyse({
      a: 'He was arrested at a round 9.35am on Friday.',
      b: 'He has rarely lost a round during that run.',
      c: 'She won a round there too.',
    });
    assert.deepEqual(shown(findings('a')).map((x) => [x.text, x.suggestions[0]]), [['a round', 'around']]);
  });

  it('reads a determiner pair before a subject pronoun as a noun and its relative clause ("any way you want")', () => {
    const f = shown(analyse({ a: 'Users can talk almost any way you want. If there was any more I could give you, I would.' }).findings('a'));
    assert.deepEqual(f.map((x) => x.text), []);
  });

  it('asks an article pair that the context leaves open to be clearly likelier joined ("tackled a blaze at" stays)', () => {
    const f = shown(analyse({ a: 'Fire crews tackled a blaze at the depot. I even wrote a piece about it.' }).findings('a'));
    assert.deepEqual(f.map((x) => x.text), []);
  });

  it('keeps a possessive after the joined word ("news paper\'s" → "newspaper\'s")', () => {
    const f = shown(analyse({ a: "According to the news paper's sources, the deal is off." }).findings('a'));
    assert.deepEqual(f.map((x) => [x.text, x.suggestions[0]]), [["news paper's", "newspaper's"]]);
  });

  it('joins the last part of a hyphenated word with the next word ("ex-girl friend" → "ex-girlfriend")', () => {
    const f = shown(analyse({ a: 'The victim was his ex-girl friend and a neighbour.' }).findings('a'));
    assert.deepEqual(f.map((x) => [x.text, x.suggestions[0]]), [['ex-girl friend', 'ex-girlfriend']]);
  });

  it('joins a split indefinite pronoun before its verb ("some one said")', () => {
    const f = shown(analyse({ a: 'Police said some one saw the van leave.' }).findings('a'));
    assert.deepEqual(f.map((x) => [x.text, x.suggestions[0]]), [['some one', 'someone']]);
  });

  it('reads a quotation mark glued to the first half as opening a quotation, not as a clitic ("any thing uncomfortable")', () => {
    const f = shown(analyse({ a: 'She said he had not mentioned "any thing uncomfortable" about the deal.' }).findings('a'));
    assert.deepEqual(f.map((x) => [x.text, x.suggestions[0]]), [['any thing', 'anything']]);
  });

  it('does not join a clitic split off by a rebuilt apostrophe ("Henry ’ s words")', () => {
    const f = shown(analyse({ a: 'It appears, from Henry ’ s words, that the deal is off.' }).findings('a'));
    assert.deepEqual(f.map((x) => x.text), []);
  });

  it('leaves a pair alone when the folder writes it in several contexts', () => {
    const { findings } = analyse({ a: 'The news paper was late.', b: 'Their news paper reports were read.' });
    assert.deepEqual(findings('a').concat(findings('b')).filter((f) => f.rule === 'split-compound'), []);
  });

  it('splits a run-together of everyday words', () => {
    const f = shown(analyse({ a: 'There was alot of rain.' }).findings('a'));
    assert.deepEqual(f.map((x) => [x.rule, x.text, x.suggestions[0]]), [['run-together', 'alot', 'a lot']]);
  });
});

describe('misspellings and dialect', () => {
  it('corrects an ordinary misspelling with the likely word first', () => {
    const f = shown(analyse({ a: 'The hotel could not accomodate everyone.' }).findings('a'));
    assert.deepEqual(f.map((x) => [x.rule, x.text, x.suggestions[0]]), [['misspelling', 'accomodate', 'accommodate']]);
    assert.ok(f[0].confidence > 0.5);
  });

  it('does not flag a consistently British text', () => {
    const { engine, findings } = analyse({ a: 'The minister apologised and promised to stabilise the colour of the economy.' });
    assert.deepEqual(findings('a'), []);
    assert.equal(engine.analyzeDocument('a').dialect, 'en-GB');
  });

  it('does not flag a word a larger maintained list holds though Hunspell lacks it ("orcas", "diallers")', () => {
    const f = shown(analyse({ a: 'The orcas swam past the boat while diallers waited.' }).findings('a'));
    assert.deepEqual(f.map((x) => x.text), []);
    // A listed word is no fix target: the check still corrects what is not a word.
    assert.deepEqual(shown(analyse({ a: 'They did not recieve the letter.' }).findings('a')).map((x) => x.suggestions[0]), ['receive']);
  });

  it('accepts the variant spellings of careful British English (focussed, despatched, instal)', () => {
    const f = analyse({ a: 'The police focussed on the town and despatched officers to instal new cameras in the centre.' }).findings('a');
    assert.deepEqual(f.map((x) => x.text), []);
  });

  it('detects an American text', () => {
    const { engine } = analyse({ a: 'The minister apologized for the color of the report.' });
    assert.equal(engine.analyzeDocument('a').dialect, 'en-US');
  });

  it('does not offer a sound-alike two letters away as a confident correction', () => {
    // "cyber" and "sober" share a sound key; the letters differ twice.
    // Without the larger word list, which knows "cyber": the rule for unknown words is what is tested.
    const f = analyse({ a: 'The firm was named a cyber security threat by the ministry.' }, unlisted()).findings('a');
    const cyber = f.find((x) => x.text === 'cyber');
    assert.ok(cyber, 'the unknown word is still reported');
    assert.equal(cyber.severity, 'hint');
    assert.equal(cyber.rule, 'unknown-word');
  });

  it('gives an unknown word seen once no more than a hint', () => {
    const f = analyse({ a: 'The zorblatt was everywhere.' }).findings('a');
    assert.ok(f.every((x) => x.severity === 'hint'));
  });

  it('shows a lower-case word one or two slips from a clear correction, with that fix', () => {
    const f = shown(analyse({ a: 'The car has a hybird engine. The team was inexpierenced and young.' }).findings('a'));
    assert.deepEqual(f.map((x) => [x.rule, x.text, x.suggestions[0]]), [['misspelling', 'hybird', 'hybrid'], ['misspelling', 'inexpierenced', 'inexperienced']]);
  });

  it('flags a common misspelling in each of two independent articles (recurrence does not excuse a slip)', () => {
    const { findings } = analyse({
      a: 'The minister said the plan would definately go ahead next year.',
      b: 'Fans were definately not happy with the referee on Sunday.',
      c: 'Rain fell across the north for most of the day.',
    });
    for (const id of ['a', 'b']) assert.deepEqual(shown(findings(id)).map((x) => [x.text, x.suggestions[0]]), [['definately', 'definitely']]);
  });

  it('judges a dropped letter among words, not against a rare split ("falterin" is "faltering", not "falter in")', () => {
    const f = shown(analyse({ a: 'The economy was falterin before the election.' }).findings('a'));
    assert.deepEqual(f.map((x) => [x.rule, x.suggestions[0]]), [['misspelling', 'faltering']]);
  });

  it('leaves a compound of two common words and a short word as hints', () => {
    // Without the larger word list, which knows "hitman": the rule for unknown words is what is tested.
    const f = analyse(
      {
        a: 'The hitman fled from the police after the attack on the town centre last week, they said at the trial.',
        b: 'People said weh to the man who drove the bus into the town.',
      },
      unlisted(),
    );
    assert.deepEqual(shown(f.findings('a').concat(f.findings('b'))).map((x) => x.text), []);
    assert.deepEqual(f.findings('a').concat(f.findings('b')).map((x) => x.text), ['hitman', 'weh']);
  });

  it('does not judge a fragment of a contraction or a URL written with spaces ("hadn ’ t", "http: / /")', () => {
    const f = analyse({ a: 'The city said it hadn ’ t settled on a plan; details are at http: / / www.example.com today.' }).findings('a');
    assert.deepEqual(f.filter((x) => x.text === 'hadn' || x.text === 'http').map((x) => x.text), []);
  });

  it('knows a closed compound written with a hyphen ("teen-ager")', () => {
    const f = analyse({ a: 'The teen-ager said the criss-cross pattern was new.' }).findings('a');
    assert.deepEqual(f.map((x) => x.text), []);
  });

  it('reaches the plausible word for a form the dictionary lacks (worser → worse)', () => {
    assert.equal(checker.suggest('worser')[0], 'worse');
    assert.equal(checker.suggest('hybird')[0], 'hybrid');
  });

  it('ranks suggestions with the error model (doubled letters, transpositions)', () => {
    assert.equal(checker.suggest('begining')[0], 'beginning');
    assert.equal(checker.suggest('recieve')[0], 'receive');
    assert.equal(checker.suggest('colour', 'en-US')[0], 'color');
  });

  // Found by the engine properties: "iaomi" was flagged inside "𝒳iaomi" (the parser reads 𝒳 as a symbol).
  it('does not judge a piece of a word split at a letter outside the Basic Multilingual Plane', () => {
    const f = analyse({ a: 'The 𝒳iaomi phone and the Hüsker𝐃ü record were both released. 𝐇𝐞𝐥𝐥𝐨the the end.' }).findings('a');
    assert.deepEqual(f.map((x) => x.text), []);
  });

  // Found by the engine properties: one-edit variants of a 16,000-letter token took 40 s.
  it('offers no fix for a token far longer than any word, and takes no time over it', () => {
    const started = performance.now();
    assert.deepEqual(checker.suggest('a'.repeat(20_000)), []);
    assert.ok(performance.now() - started < 1000, `${(performance.now() - started).toFixed(0)} ms`);
  });
});

describe('retext plugins', () => {
  it('flags a repeated word', () => {
    const f = shown(analyse({ a: 'He said the the price rose.' }).findings('a'));
    assert.deepEqual(f.map((x) => [x.rule, x.text]), [['repeated-word', 'the the']]);
  });

  it('flags a wrong indefinite article', () => {
    const f = shown(analyse({ a: 'She ate a apple.' }).findings('a'));
    assert.deepEqual(f.map((x) => [x.rule, x.text, x.suggestions[0]]), [['indefinite-article', 'a', 'an']]);
  });

  it('ignores a repeat across a line break', () => {
    const f = analyse({ a: 'Results in brief\nbrief notes follow here.' }).findings('a');
    assert.deepEqual(f.filter((x) => x.rule === 'repeated-word'), []);
  });
});

describe('offsets', () => {
  const cases: [string, string][] = [
    ['CRLF line ends', 'First line here.\r\nIt is a news paper story.\r\n'],
    ['tabs', '\tIndented\ttext about a news paper.'],
    ['emoji', 'Great 👍🏽 news 🎉 about the news paper.'],
    ['combining marks', 'The cafe\u0301 sold a news paper.'],
  ];
  for (const [name, text] of cases) {
    it(`points at the flagged text exactly with ${name}`, () => {
      const f = analyse({ a: text }).findings('a').find((x) => x.rule === 'split-compound');
      assert.ok(f);
      assert.equal(f.text, 'news paper');
      assert.equal(text.slice(f.start, f.end), 'news paper');
      assert.equal(f.start, text.indexOf('news paper'));
    });
  }
});

describe('JoinedWordFilter', () => {
  it('holds every split of its words and turns away pairs that join to none', () => {
    const words = ['newspaper', 'lighthouse', 'a', 'cannot', 'über', 'can’t'];
    const filter = new JoinedWordFilter(words);
    for (const w of words) for (let i = 0; i <= w.length; i++) assert.ok(filter.mayHoldJoined(w.slice(0, i), w.slice(i)), `${w} at ${i}`);
    const misses = ['news pap', 'house light', 'paper news', 'not can', 'a a'].filter((pair) => filter.mayHoldJoined(...(pair.split(' ') as [string, string])));
    assert.deepEqual(misses, []);
  });
});
