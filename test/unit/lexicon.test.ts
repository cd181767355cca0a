import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../src/core/text/parse';
import { createSynonymLookup, findDates, findQuantities, lemmatize, sameFigure } from '../../src/core/lexicon';

const quantities = (text: string) => {
  const s = parseDocument('t', text).sentences[0];
  return findQuantities(s.tokens, s.text, s.start).map((q) => [q.value, q.unit]);
};
const dates = (text: string) => {
  const s = parseDocument('t', text).sentences[0];
  return findDates(s.tokens, s.text, s.start).map((d) => d.keys);
};

describe('lexicon', function () {
  it('lemmatises inflected verbs and nouns', function () {
    assert.equal(lemmatize('refused'), 'refuse');
    assert.equal(lemmatize('allegations'), 'allegation');
  });

  it('reads word numbers and digits as the same value', function () {
    assert.deepEqual(quantities('It will be released in three months.'), [[3, 'month']]);
    assert.deepEqual(quantities('It will be released in 3 months.'), [[3, 'month']]);
  });

  it('applies scales, percentages and currency', function () {
    assert.deepEqual(quantities('They paid $2.5 billion for 27 percent of it.'), [[2.5e9, '$'], [27, 'percent']]);
    assert.deepEqual(quantities('Sales rose 90,000 units.'), [[90000, 'unit']]);
    assert.deepEqual(quantities('Shares rose $US3.95 to $US63.35 on Monday.'), [[3.95, '$'], [63.35, '$']]);
  });

  it('reads hyphenated number words and rejoins a grouped number before a final full stop', function () {
    assert.deepEqual(quantities('Sixty-one people and 3-million dollars'), [[61, 'people'], [3e6, 'dollar']]);
    assert.deepEqual(quantities('Payrolls fell by 93,000.'), [[93000, '']]);
  });

  it('knows the precision a figure is written to', function () {
    const s = parseDocument('t', 'It cost $33.4 billion, about 300 miles, five times.').sentences[0];
    assert.deepEqual(findQuantities(s.tokens, s.text, s.start).map((q) => q.step), [1e8, 100, 1]);
    assert.ok(sameFigure({ value: 4.9, step: 0.1 }, { value: 5, step: 1 }));
    assert.ok(!sameFigure({ value: 1.49, step: 0.01 }, { value: 1.5, step: 0.01 }));
  });

  it('leaves bare years to dates and normalises month-day-year', function () {
    assert.deepEqual(quantities('It happened in 2014.'), []);
    assert.deepEqual(dates('Launched in New Delhi July 15, 2014.'), [['m7', 'm7-d15', 'y2014']]);
    assert.deepEqual(dates('Last Sept. 9, 2014 a paper said so.'), [['m9', 'm9-d9', 'y2014']]);
  });

  it('knows WordNet synonyms from the built table', function () {
    const table = JSON.parse(readFileSync(join(__dirname, '..', '..', 'dist', 'data', 'synonyms.json'), 'utf8'));
    const syn = createSynonymLookup(table);
    assert.ok(syn.areSynonyms('refuse', 'decline'));
    assert.ok(!syn.areSynonyms('refuse', 'phone'));
    assert.ok(!syn.areSynonyms('constructor', 'toString'));
    // A noun meets what it is a kind of, in its first sense; two kinds of one thing do not meet,
    // and a word that is also a verb gets no such link ("heist", "say").
    assert.ok(syn.areSynonyms('robbery', 'theft'));
    assert.ok(syn.areSynonyms('tsunami', 'disaster'));
    assert.ok(!syn.areSynonyms('earthquake', 'flood'));
    assert.ok(!syn.areSynonyms('burglary', 'robbery'));
    assert.ok(!syn.areSynonyms('heist', 'robbery'));
    assert.ok(!syn.areSynonyms('say', 'chance'));
  });
});
