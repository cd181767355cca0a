import { strict as assert } from 'node:assert';
import { parseDocument } from '../../src/core/text/parse';
import { sentenceFeatures, type SentenceFeatures } from '../../src/core/corpus/features';
import { Matcher, MATCH_WEIGHTS } from '../../src/core/corpus/match';
import { findConflict } from '../../src/core/corpus/conflicts';
import { commonWordsFromDic, createSynonymLookup, createWordRarity } from '../../src/core/lexicon';
import { eventVerb, sharesEvent } from '../../src/core/corpus/events';
import { loadResources } from '../../src/node/resources';

const resources = loadResources();
const synonyms = createSynonymLookup(resources.synonyms);
const commonWords = commonWordsFromDic(resources.dictionaries['en-US']);
const features = (text: string) => sentenceFeatures('d', parseDocument('d', text).sentences[0], commonWords);
// Every term equally rare, so scores depend only on what the matcher aligns.
const flat = () => 2;
const matcher = new Matcher(synonyms);
const matchSentences = (a: SentenceFeatures, b: SentenceFeatures, idf: typeof flat) => matcher.match(a, b, idf);
// The paraphrase reading: both sides' coverage (backing, one-sided, is tested on its own).
const score = (a: string, b: string) => matchSentences(features(a), features(b), flat).paraphrase;

describe('sentence matcher', function () {
  it('scores a one-sided negation below the same sentence without it', function () {
    const plain = score('The company will pay the fine in full.', 'The company will pay the whole fine.');
    const negated = score('The company will pay the fine in full.', "The company won't pay the whole fine.");
    assert.ok(negated <= plain - MATCH_WEIGHTS.negation + 1e-9, `${negated} vs ${plain}`);
  });

  it('does not cut a negation that the other side says with a word of negative sense', function () {
    const refused = features('Carlson refused to recuse himself from the case.');
    assert.equal(refused.negativeWord, true);
    assert.equal(features('Carlson agreed to recuse himself from the case.').negativeWord, false);
    const paraphrase = score('Carlson said he would not recuse himself from the case.', 'Carlson said he refused to recuse himself from the case.');
    const contradiction = score('Carlson said he would not recuse himself from the case.', 'Carlson said he agreed to recuse himself from the case.');
    assert.ok(paraphrase > contradiction + MATCH_WEIGHTS.negation / 2, `${paraphrase} vs ${contradiction}`);
  });

  it('reads contractions as negation, not as content words', function () {
    const f = features("Officials didn't confirm the report.");
    assert.equal(f.negated, true);
    // Text pasted without its apostrophes.
    assert.equal(features('I dont know anybody in the committee who is fighting it.').negated, true);
    assert.ok(!f.items.some((it) => it.key.includes("n't")));
  });

  it('counts a clause the other sentence lacks entirely as an extra fact', function () {
    const same = score('The plant closed on Friday after the storm.', 'After the storm the plant closed on Friday.');
    const more = score('The plant closed on Friday after the storm.', 'After the storm the plant closed on Friday, and the owners blamed regulators for delays.');
    assert.ok(same > 0.9, `same ${same}`);
    assert.ok(more <= same - MATCH_WEIGHTS.extraFact, `more ${more}`);
  });

  it('meets an initialism with the names it abbreviates', function () {
    const s = score('The IAEA inspected the reactor in March.', 'The International Atomic Energy Agency inspected the reactor in March.');
    assert.ok(s > 0.8, `score ${s}`);
    assert.deepEqual(features('U.S. officials met US diplomats.').items.filter((it) => it.kind === 'name').map((it) => it.key), ['us', 'us']);
  });

  it('meets a shortening with a full stop with the word it stands for', function () {
    const short = score('Gen. Tommy Franks visited the base on Monday.', 'General Tommy Franks visited the base on Monday.');
    const noStop = score('Gen Tommy Franks visited the base on Monday.', 'General Tommy Franks visited the base on Monday.');
    assert.ok(short > 0.9, `short ${short}`);
    assert.ok(noStop < short, `without the full stop it is just another word: ${noStop}`);
  });

  it('meets a compound written closed with its open spelling', function () {
    const open = score('She was on her turquoise cellphone with the prom committee.', 'She was on her turquoise cell phone with the prom committee.');
    const apart = score('She was on her turquoise cellphone with the prom committee.', 'She was on her turquoise phone cell with the prom committee.');
    assert.ok(open > 0.9, `open ${open}`);
    assert.ok(apart < open, `the two words out of order are not the compound: ${apart}`);
  });

  it('meets an open spelling aligned before its closed form was ever written', function () {
    // The open spelling's pairs are looked up among the keys made so far; a word made later must still be found.
    const open = features('The zarquon blimpship landed at the harbour on Monday.');
    const before = matchSentences(features('The zarquon landed at the harbour on Monday.'), open, flat).paraphrase;
    const closed = matchSentences(features('The zarquonblimpship landed at the harbour on Monday.'), open, flat).paraphrase;
    assert.ok(closed > before, `${closed} vs ${before}`);
    assert.ok(closed > 0.9, `closed ${closed}`);
  });

  it('gives the same score to a pair however many other pairs were aligned before it', function () {
    const a = features('The IAEA said the cellphone maker refused to pay 4.9 percent more.');
    const b = features('The International Atomic Energy Agency said the cell phone maker would not pay five percent more.');
    const first = matchSentences(a, b, flat);
    for (const other of ['Sales fell sharply in May.', 'The maker said it would pay.', 'IAEA inspectors left the country.']) matchSentences(features(other), b, flat);
    assert.deepEqual(matchSentences(a, b, flat), first);
    assert.ok(first.paraphrase > 0.5, `score ${first.paraphrase}`);
  });

  it('tells a pair that shares nothing, which scores 0, from pairs met only softly (mayMeet)', function () {
    const nothing = [features('Rain flooded the valley overnight.'), features('Shareholders approved the merger.')] as const;
    assert.equal(matcher.mayMeet(...nothing), false);
    const r = matchSentences(...nothing, flat);
    assert.deepEqual([r.paraphrase, r.backing, r.contentScore], [0, 0, 0]);
    // Each pair meets through one kind of soft credit only; a gate that missed it would drop a scoring pair.
    const soft = [
      ['The automobile crashed.', 'A car burned.'], // a WordNet synonym
      ['The investigation widened.', 'Detectives investigate.'], // a stem
      ['The IAEA left.', 'Inspectors of the International Atomic Energy Agency arrived.'], // an initialism
      ['The exwife sued.', 'An ex wife appeared.'], // a compound whose open head is too short for a stem
      ['The toll reached 4.9 million.', 'Five million were hurt.'], // a figure to another precision
    ];
    for (const [a, b] of soft) {
      const fa = features(a);
      const fb = features(b);
      assert.ok(matchSentences(fa, fb, flat).paraphrase > 0, `${a} | ${b}`);
      assert.equal(matcher.mayMeet(fa, fb), true, `${a} | ${b}`);
      assert.equal(matcher.mayMeet(fb, fa), true, `${b} | ${a}`);
    }
  });

  it('tells a pair where an event of one may be met in the other, in other words, from one where none can (mayShareEvent)', function () {
    const rarity = createWordRarity(resources.wordFrequencies);
    const withEvents = new Matcher(synonyms, (it) => eventVerb(it.surface, rarity) !== undefined);
    const claim = features('Regulators have been investigating whether the lender hid its losses.');
    // "investigating" ~ "investigation": a stem; the source's own event is met in the claim either way round.
    assert.equal(withEvents.mayShareEvent(claim, features('The authority announced an investigation into the bank.')), true);
    assert.equal(withEvents.mayShareEvent(features('The authority announced an investigation into the bank.'), claim), true);
    assert.equal(withEvents.mayShareEvent(claim, features('The lender reported its annual losses.')), false);
    // Without events told, no sentence states one.
    assert.equal(matcher.mayShareEvent(claim, features('The authority announced an investigation into the bank.')), false);
  });

  it('meets a short form with the long one it begins', function () {
    const s = score('Greg Parseghian was appointed chief executive.', 'Gregory Parseghian was appointed chief executive.');
    assert.ok(s > 0.9, `score ${s}`);
  });

  it('splits hyphenated compounds so they meet their open spelling', function () {
    assert.ok(score('Troops crossed the razor-wire fence.', 'Troops crossed the razor wire fence.') > 0.95);
  });

  it('takes a figure written to another precision as the same figure, not a conflict', function () {
    assert.ok(score('Sales rose 4.9 percent in May.', 'Sales rose five percent in May.') > 0.9);
    assert.equal(findConflict(features('Sales rose 4.9 percent in May.'), features('Sales rose five percent in May.')), undefined);
    const c = findConflict(features('The shares closed at $1.49 on Monday.'), features('The shares closed at $1.50 on Monday.'));
    assert.deepEqual(c && { claim: c.claim, source: c.source }, { claim: '$1.49', source: '$1.50' });
  });

  it('matches a clause of a longer sentence only when both sentences hold other facts too', function () {
    const whole = 'Al-Ghozi was arrested in Manila in January 2002.';
    const superset = 'Al-Ghozi was arrested in Manila in January 2002 while on a mission to buy explosives for bombing targets in Singapore.';
    assert.ok(score(whole, superset) < 0.8, 'a superset is judged as a whole');
  });

  it('does not take who said something for what was said: a fact of a speaker and a reporting verb is not backed', function () {
    const claim = features('Ladbrokes spokesman Warren Lush said that the series was still wide open, with bets on the comedian.');
    const source = features('Ladbrokes spokesman Warren Lush said: "We may have underestimated the power of the brigade."');
    const m = matcher.match(claim, source, flat);
    assert.ok(m.backing < 0.4, `backing ${m.backing}`);
    // The same speaker saying the same thing still backs it.
    const same = matcher.match(claim, features('Warren Lush, a Ladbrokes spokesman, said the series was still wide open.'), flat);
    assert.ok(Math.max(same.backing, same.paraphrase) >= 0.48, `backing ${same.backing}, paraphrase ${same.paraphrase}`);
  });

  it('does not take a topic for a fact: two words met, one only through its stem, back nothing; a figure makes them specific', function () {
    const claim = features('Privately ministers believe this will be the less painful option.');
    const topic = matcher.match(claim, features('The deputy prime minister held a private meeting with union leaders on Thursday.'), flat);
    assert.equal(topic.backing, 0, `backing ${topic.backing}`);
    // Two words met as written, or an event with its figure, are a fact the source states.
    const killed = matcher.match(features('The earthquake killed 10 people.'), features('Ten people died when the quake struck, and rescuers say 10 people were killed.'), flat);
    assert.ok(killed.backing >= 0.4, `backing ${killed.backing}`);
    // A lone figure with the word it counts says when: the seeds' "in 3 months" ~ "within three months".
    const months = matcher.match(features('They will release a statement in 3 months.'), features('The matter is supposed to get resolved within three months.'), flat);
    assert.ok(months.backing > 0, `backing ${months.backing}`);
  });

  it('does not take a topic for a fact: two words met only through synonyms or stems, beside names, back nothing', function () {
    const claim = features('The Korean television manufacturer faces yet another lawsuit.');
    const topic = matcher.match(claim, features('The Korean company that manufactures cameras is looking to expand abroad.'), flat);
    assert.equal(topic.backing, 0, `backing ${topic.backing}`);
  });

  it('keeps a complement clause in the scope of the negation before it: "no evidence that…" ~ "no evidence to suggest…"', function () {
    const a = features('Authorities had no evidence to suggest the two incidents were connected.');
    const b = features('There was no immediate evidence that the two incidents were connected, police said.');
    assert.ok(b.items.filter((it) => ['two', 'incident', 'connect', '#2'].includes(it.key)).every((it) => it.negated), JSON.stringify(b.items.map((it) => [it.key, it.negated])));
    assert.equal(matcher.match(a, b, flat).opposed, false);
    // A clause after a comma starts afresh: the denial does not reach what the speaker goes on to say.
    const c = features('Officials did not comment, and the two incidents were connected.');
    assert.ok(c.items.filter((it) => it.key === 'incident').every((it) => !it.negated));
  });

  it('ends a negating preposition\'s scope at its object, and a negation\'s at "or" before another verb', function () {
    const negatedKeys = (text: string) => features(text).items.filter((it) => it.negated).map((it) => it.key).sort();
    assert.deepEqual(negatedKeys('Zuccarini was ordered held without bail Wednesday by a federal judge in Fort Lauderdale.'), ['bail', 'wd3']);
    assert.equal(score('A federal magistrate in Fort Lauderdale ordered him held without bail.', 'Zuccarini was ordered held without bail Wednesday by a federal judge in Fort Lauderdale.') > 0, true);
    assert.deepEqual(negatedKeys('The rest said they had no affiliation or belonged to another party.'), ['affiliation']);
    // "outside of China": the "of" belongs to the negating preposition.
    assert.ok(negatedKeys('We are moving our users\' data to servers outside of China.').includes('china'));
  });

  it('does not take a source for a fact of two events when it meets neither, or says one with the opposite polarity', function () {
    const rarity = createWordRarity(resources.wordFrequencies);
    const withEvents = new Matcher(synonyms, (it) => eventVerb(it.surface, rarity) !== undefined);
    const claim = features('The bank takes care that all records are secured when uploaded to Lumora servers.');
    const source = features('Lumora was sending user records to servers abroad, the report found.');
    assert.ok(matcher.match(claim, source, flat).backing > 0, 'backed without events told');
    assert.equal(withEvents.match(claim, source, flat).backing, 0);
    // One of its events met, the fact is backed.
    const sent = withEvents.match(claim, features('All records are secured and uploaded to Lumora servers, the bank said.'), flat);
    assert.ok(sent.backing > 0);
    // Its event said with the opposite polarity, the source denies the fact.
    const denied = features('Inspectors found that records uploaded to Lumora servers were not secured.');
    assert.ok(matcher.match(claim, denied, flat).backing > 0, 'backed without events told');
    assert.equal(withEvents.match(claim, denied, flat).backing, 0);
  });

  it('backs a denial only by a source that denies it too, not by one that meets only its subject and object', function () {
    const denial = features('Xiaomi does not collect any information without user permission.');
    const opposite = matcher.match(denial, features('It found that Xiaomi was sending user information to servers based in China.'), flat);
    assert.equal(opposite.backing, 0, `backing ${opposite.backing}`);
    const same = matcher.match(denial, features('Xiaomi said it does not collect information from users without their permission.'), flat);
    assert.ok(same.backing >= 0.5, `backing ${same.backing}`);
  });
});

describe('a shared event (events.ts)', function () {
  const rarity = createWordRarity(resources.wordFrequencies);
  const one = (text: string) => features(text);

  it('finds the event two sentences state in the same verb, with two more items in common', function () {
    assert.ok(sharesEvent(one("Initial tests showed that some models are sending users' data to servers located in mainland China."), one("Some Xiaomi phones are automatically sending user data to the firm's servers in Beijing."), rarity));
  });

  it('takes no participle that works as a preposition, no name, no capitalised word and no very common verb for an event', function () {
    // "according" and "based" state no event; "Messaging" is part of a name; a capitalised
    // "Sending" is not read as a verb; "taking" says little of which event.
    assert.ok(!sharesEvent(one('According to the company, the phones send user data to China.'), one('According to the company, users can keep their data in India.'), rarity));
    assert.ok(!sharesEvent(one('The servers based in Beijing store user data.'), one('User data is stored on servers based in Singapore.'), rarity));
    assert.ok(!sharesEvent(one('Cloud Messaging user data is stored in China.'), one('The Cloud Messaging app sends user data abroad.'), rarity));
    assert.ok(!sharesEvent(one('Sending user data to China is what the phones did.'), one('The phones were sending user data to China.'), rarity));
    assert.ok(!sharesEvent(one('The company is taking user data abroad.'), one('The government is taking user data seriously.'), rarity));
  });

  it('asks for more than the verb: the event and some of its arguments', function () {
    assert.ok(!sharesEvent(one('Xiaomi is sending phones to India.'), one('The council is sending letters to residents.'), rarity));
  });
});

describe('items and facts of a sentence (features.ts, clauses.ts)', function () {
  it('keeps a name spelled with a single letter and a hyphen whole: "F-Secure" is not the word "secure"', function () {
    const firm = features('The report by F-Secure came out last month.');
    assert.ok(firm.items.some((it) => it.kind === 'name' && it.key === 'fsecure'), firm.items.map((it) => it.key).join(' '));
    assert.ok(!firm.items.some((it) => it.key === 'secure'));
    assert.ok(features('Send it by e-mail.').items.some((it) => it.key === 'email'));
    // A compound of two words still meets each of them.
    assert.deepEqual(features('They crossed the razor-wire fence.').items.map((it) => it.key).filter((k) => k.startsWith('razor') || k === 'wire'), ['razor', 'wire']);
  });

  it('holds a complement clause together across an "and" that joins its nouns, before its verb', function () {
    const facts = (text: string) => {
      const f = features(text);
      return f.facts.map((x) => f.sentence.text.slice(x.start - f.sentence.start, x.end - f.sentence.start));
    };
    assert.deepEqual(facts("The regulator ran tests on the phones and found that the user's phone and personal data are not secured."), [
      'regulator ran tests on the phones',
      "found that the user's phone and personal data are not secured",
    ]);
    // Once the clause has its verb, "and" opens the next one.
    assert.deepEqual(facts('Officials found that the phones were sending data abroad and the company declined to comment.'), [
      'Officials found that the phones were sending data abroad',
      'company declined to comment',
    ]);
  });
});
