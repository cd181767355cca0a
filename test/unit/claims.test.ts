import { strict as assert } from 'node:assert';
import { parseDocument } from '../../src/core/text/parse';
import { extractClaims } from '../../src/core/claims';

const claimTexts = (text: string) => extractClaims(parseDocument('t', text)).map((c) => c.sentence.text);
const attribution = (text: string) => extractClaims(parseDocument('t', text))[0]?.attribution;

describe('claim detection', function () {
  it('accepts an ordinary news sentence', function () {
    assert.deepEqual(claimTexts('The company sold 90,000 phones in 11.9 seconds on Tuesday.'), ['The company sold 90,000 phones in 11.9 seconds on Tuesday.']);
  });

  it('rejects questions, a headline that asks, and short fragments', function () {
    assert.deepEqual(claimTexts('Will The Company Be Proven Guilty\nWhat do you know about phones in China?\nTurnaround latest.'), []);
  });

  it('takes the headline as a claim: it states the main fact, without a full stop', function () {
    const text = 'Trending News\n\nIndian Navy foils pirate attack off Gulf of Aden\n\nThe navy said on Friday that its ship drove off two pirate boats.';
    assert.deepEqual(claimTexts(text), ['Indian Navy foils pirate attack off Gulf of Aden', 'The navy said on Friday that its ship drove off two pirate boats.']);
    // A line of prose first: no headline, and a later short line is not taken for one.
    assert.deepEqual(claimTexts('The navy said on Friday that its ship drove off two pirate boats.\nNavy foils pirate attack today\nMore of the text follows here.'), [
      'The navy said on Friday that its ship drove off two pirate boats.',
      'More of the text follows here.',
    ]);
  });

  it('takes a standfirst or summary line in sentence case as a claim, though it lacks a full stop', function () {
    const text = [
      'Son held over Millom murders',
      'His sister, 20, and mother, 58, were found dead in a home in Millom, Cumbria',
      'Police Hunt For Second Suspect In Millom Case',
      'Read the latest updates here:',
      'A man was being questioned yesterday over the murders of his mother and sister.',
    ].join('\n\n');
    assert.deepEqual(claimTexts(text), [
      'Son held over Millom murders',
      'His sister, 20, and mother, 58, were found dead in a home in Millom, Cumbria',
      'A man was being questioned yesterday over the murders of his mother and sister.',
    ]);
  });

  it('rejects teasers of a related-articles list and their time stamps', function () {
    const text = 'Recent Posts\n\nBank Raises Rates Again\n\nThe central bank raised its main rate for the third time this year.\n\n3 hours ago\n';
    assert.deepEqual(claimTexts(text), []);
  });

  it('rejects copyright lines', function () {
    assert.deepEqual(claimTexts('© 2024 Example Media Group Limited. All rights reserved worldwide by the owners.'), []);
  });

  it('keeps sentences that merely mention copyright', function () {
    const text = 'The judge said the law gives too much leeway to copyright holders.';
    assert.deepEqual(claimTexts(text), [text]);
  });

  it('rejects bylines but keeps sentences that open with "By"', function () {
    assert.deepEqual(claimTexts('By Josh Samuel\nOct 29, 2014 01:00 AM EDT | By Josh Samuel'), []);
    const text = 'By Wednesday, the planet will come as near to Earth as it has been in 60,000 years.';
    assert.deepEqual(claimTexts(text), [text]);
  });

  it('rejects an author bio under a name line', function () {
    assert.deepEqual(claimTexts('Jane Doe\n\nJane Doe joined the paper in 2010 as a business reporter covering banks.'), []);
  });

  it('rejoins a sentence the splitter cut inside a ticker', function () {
    assert.deepEqual(claimTexts('The broader Index .SPX was up 3.41 points at 967.00 on Friday.'), ['The broader Index .SPX was up 3.41 points at 967.00 on Friday.']);
  });

  it('reads an ellipsis inside a paragraph as words left out, and one ending it as a teaser', function () {
    const quote = '"We acted because we saw the evidence in a new light, through the prism of ... Sept. 11th."';
    assert.deepEqual(claimTexts(quote), [quote]);
    assert.deepEqual(claimTexts('The finale of I\'m a Celebrity... Get Me Out of Here drew 10.9m viewers.'), ['The finale of I\'m a Celebrity... Get Me Out of Here drew 10.9m viewers.']);
    assert.deepEqual(claimTexts('The minister said that the new rules would mean more of the same...\n\nNothing else changed.'), []);
  });

  it('finds attribution by "according to", a reporting verb, or a name before an appositive', function () {
    assert.equal(attribution('The market grew 5 percent last year, according to Kantar Worldpanel.'), 'Kantar Worldpanel');
    assert.equal(attribution('The minister resigned on Monday, Reuters reported.'), 'Reuters');
    assert.equal(attribution('John Smith, a spokesman for the firm, said the plant would close.'), 'John Smith');
    assert.equal(attribution('He said the plant would close next month.'), undefined);
  });
});
