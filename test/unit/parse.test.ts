import assert from 'node:assert/strict';
import { parseDocument } from '../../src/core/text/parse';
import { createLineIndex } from '../../src/core/text/lines';
import { packParse, unpackParse } from '../../src/core/text/packed-parse';

/** Every token's offsets must slice back to its own text. */
function assertOffsetsExact(text: string) {
  const doc = parseDocument('t', text);
  for (const s of doc.sentences) {
    assert.equal(text.slice(s.start, s.end), s.text);
    for (const t of s.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  }
  return doc;
}

describe('parseDocument', () => {
  it('ends a sentence at a line break, so a headline line stands alone', () => {
    const doc = assertOffsetsExact('Trending News\nXiaomi sold 90,000 phones in 11.9 seconds.');
    assert.deepEqual(doc.sentences.map((s) => s.text), ['Trending News', 'Xiaomi sold 90,000 phones in 11.9 seconds.']);
    assert.deepEqual(doc.sentences.map((s) => s.block), [0, 1]);
  });

  it('keeps thousands separators inside one number token', () => {
    const doc = parseDocument('t', 'They sold 580,000 units and 1,5 things.');
    const numbers = doc.sentences[0].tokens.filter((t) => t.kind === 'number').map((t) => t.text);
    assert.deepEqual(numbers, ['580,000', '1', '5']);
  });

  it('gives UTF-16 offsets with CRLF line ends', () => {
    const text = 'First line here.\r\nSecond line, with Xiaomi.\r\n';
    const doc = assertOffsetsExact(text);
    const word = doc.sentences[1].tokens.find((t) => t.text === 'Xiaomi')!;
    assert.equal(word.start, text.indexOf('Xiaomi'));
    assert.deepEqual(createLineIndex(text)(word.start), { line: 2, column: 19 });
  });

  it('gives UTF-16 offsets after tabs, emoji and combining marks', () => {
    const text = '\tLe cafe\u0301 👍🏽 a ouvert.\tThe 👩‍👩‍👧 family said Xiaomi sold out.';
    const doc = assertOffsetsExact(text);
    const word = doc.sentences.flatMap((s) => s.tokens).find((t) => t.text === 'Xiaomi')!;
    assert.equal(word.start, text.indexOf('Xiaomi'));
    assert.equal(createLineIndex(text)(word.start).column, text.indexOf('Xiaomi') + 1);
  });

  it('counts lines ended by LF, CRLF and a lone CR, as editors do', () => {
    const at = createLineIndex('a\nb\r\nc\rd');
    assert.deepEqual([0, 2, 5, 7].map(at), [
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });

  it('returns no sentences for empty or blank text', () => {
    assert.equal(parseDocument('e', '').sentences.length, 0);
    assert.equal(parseDocument('e', ' \n\r\n\t ').sentences.length, 0);
  });
});

describe('packParse and unpackParse', () => {
  it('rebuild a parse equal to the original but for its tree', () => {
    const texts = [
      'Trending News\r\nXiaomi sold 90,000 phones in 11.9 seconds.\r\n\r\nIt sold 580,000.',
      '\tLe cafe\u0301 👍🏽 a ouvert.\tThe 👩‍👩‍👧 family said «Xiaomi» sold out — again!',
      '',
    ];
    for (const text of texts) {
      const { tree, ...original } = parseDocument('t', text);
      const packed = packParse(original);
      // What crosses to the other thread is the text and three integer arrays.
      assert.ok([packed.blocks, packed.sentences, packed.tokens].every((a) => a instanceof Int32Array));
      assert.ok(tree);
      assert.deepEqual(unpackParse(packed), original);
    }
  });
});
