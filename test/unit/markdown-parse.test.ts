import assert from 'node:assert/strict';
import { parseDocument } from '../../src/core/text/parse';
import { markdownProse } from '../../src/core/text/markdown';
import { packParse, unpackParse } from '../../src/core/text/packed-parse';
import { documentFormat, formatOfPath, plainText } from '../../src/core/text/format';
import { findingsInSource } from '../../src/core/text/source-findings';
import type { Finding } from '../../src/core/types';

/** Parses as Markdown and checks the invariants every check leans on: one length, tokens that slice the file. */
function parseMarkdown(source: string) {
  const doc = parseDocument('t.md', source, 'markdown');
  assert.equal(doc.text.length, source.length, 'the prose view is as long as the file');
  assert.equal(doc.source, source);
  for (const s of doc.sentences) {
    assert.equal(doc.text.slice(s.start, s.end), s.text);
    for (const t of s.tokens) assert.equal(source.slice(t.start, t.end), t.text, `token "${t.text}" at ${t.start} is not the file's`);
  }
  return doc;
}

const sentences = (source: string) => parseMarkdown(source).sentences.map((s) => plainText(s.text));
const words = (source: string) => parseMarkdown(source).sentences.flatMap((s) => s.tokens.map((t) => t.text));

describe('Markdown parsing', () => {
  it('reads a paragraph wrapped over lines as one text, so a sentence runs over a soft break', () => {
    assert.deepEqual(sentences('The council met\non Monday and agreed.\r\nIt then rose.\n'), ['The council met on Monday and agreed.', 'It then rose.']);
  });

  it('ends a sentence at a hard break, a heading, a table cell and a list item', () => {
    assert.deepEqual(sentences('# A heading without a stop\nLine one  \nline two\n\n| left cell | right cell |\n| --- | --- |\n| c | d |\n\n- first item\n- second item\n'), [
      'A heading without a stop',
      'Line one',
      'line two',
      'left cell',
      'right cell',
      'c',
      'd',
      'first item',
      'second item',
    ]);
  });

  it('leaves code, HTML, URLs, autolinks, front matter, footnote labels and definitions out of the prose', () => {
    const source = [
      '---',
      'author: jdoe',
      '---',
      '',
      'Text with `inline teh` and <b>bold html</b> and [a link](https://example.com/teh "teh title") and ![an image](teh.png).',
      '',
      '```',
      'fenced teh',
      '```',
      '',
      '    indented teh',
      '',
      '<div>',
      'block teh',
      '</div>',
      '',
      'See <https://teh.example.com> and www.teh.com and mail@teh.com here[^teh].',
      '',
      '[^teh]: Footnote prose.',
      '',
      '[teh]: https://example.com/teh',
      '',
    ].join('\n');
    assert.deepEqual(words(source), [
      'Text', 'with', 'and', 'bold', 'html', 'and', 'a', 'link', 'and', 'an', 'image', '.',
      'See', 'and', 'and', 'here', '.', 'Footnote', 'prose', '.',
    ]);
  });

  it('keeps the prose of quotes, nested lists, emphasis, strike-through and link texts at their file offsets', () => {
    const source = '> Quoted *emphasised* text\n> goes on.\n\n1. An item\n   - a **nested** item\n     over two lines\n\nSome ~~struck~~ and [linked `code` text](u).\n';
    assert.deepEqual(sentences(source), ['Quoted emphasised text goes on.', 'An item', 'a nested item over two lines', 'Some struck and linked text.']);
    const doc = parseMarkdown(source);
    const nested = doc.sentences.flatMap((s) => s.tokens).find((t) => t.text === 'nested')!;
    assert.equal(nested.start, source.indexOf('nested'));
  });

  it('blanks escapes and character references but keeps what they stand beside', () => {
    assert.deepEqual(words('A \\*starred\\* word &amp; an &#39;apostrophe&#39; here.\n'), ['A', '*', 'starred', '*', 'word', '&', 'an', 'apostrophe', 'here', '.']);
  });

  it('takes a front matter title as the first block when no heading opens the body, and not otherwise', () => {
    const withTitle = '---\ntitle: "Council approves the new budget"\nauthor: jdoe\n---\n\nThe council approved it on Monday.\n';
    const doc = parseMarkdown(withTitle);
    assert.equal(doc.blocks[0].text, 'Council approves the new budget');
    assert.equal(doc.blocks[0].start, withTitle.indexOf('Council'));
    assert.deepEqual(sentences('+++\ntitle = \'A TOML title here\'\n+++\n\nBody text.\n'), ['A TOML title here', 'Body text.']);
    assert.deepEqual(sentences('---\ntitle: Ignored title\n---\n\n# The heading\n\nBody text.\n'), ['The heading', 'Body text.']);
    assert.deepEqual(sentences('---\ntitle: |\n  block\n---\n\nBody text.\n'), ['Body text.']);
  });

  it('counts offsets from the first character, a byte-order mark included', () => {
    assert.deepEqual(sentences('\uFEFF the '), ['the']);
    assert.deepEqual(sentences('\uFEFF---\ntitle: A title after a mark\n---\n\nSome text *here*.\n'), ['A title after a mark', 'Some text here.']);
  });

  it('never throws on odd input and keeps the length', () => {
    const odd = [
      '',
      '---\n',
      '```\nunclosed fence',
      '>'.repeat(5000) + ' deep quote',
      '- '.repeat(3000) + 'deep list',
      '['.repeat(2000) + 'x' + ']'.repeat(2000) + '(u)',
      '| a |\n|---|\n' + '| b |\n'.repeat(200),
      '\uFEFF# Heading after a BOM\n\nText.',
      'a\u2028b\u2029c\r\rd',
      '&#x1F600; &#128512; &notanentity; &amp',
      '\0\u0001\u0007 control',
    ];
    for (const source of odd) parseMarkdown(source);
  });

  it('reads as plain text, quickly, a file whose nesting or marks would take remark minutes', function () {
    this.timeout(60_000);
    // Without the limits these took 2.8 s, 9.8 s, 98 s and 16 s.
    const costly = ['>'.repeat(5000) + ' deep', '- '.repeat(3000) + 'deep', '*a'.repeat(50_000), '['.repeat(20_000) + 'x' + ']'.repeat(20_000)];
    const started = performance.now();
    for (const source of costly) assert.equal(parseMarkdown(source).text, source);
    assert.ok(performance.now() - started < 10_000, `took ${Math.round(performance.now() - started)} ms`);
    // An article's long list of links, or a long table, is not costly: it is read as Markdown.
    const links = Array.from({ length: 600 }, (_, i) => `- [Story ${i}](https://example.com/${i})`).join('\n');
    assert.equal(markdownProse(links).blocks.length, 600);
    const table = `| a | b |\n|---|---|\n${'| [x](u) | *y* |\n'.repeat(600)}`;
    assert.equal(markdownProse(table).blocks.length, 1202);
  });

  it('keeps plain text exactly as before', () => {
    const text = '# Not a heading\n*not emphasis* and [not](a link).';
    const doc = parseDocument('t.txt', text);
    assert.equal(doc.text, text);
    assert.equal(doc.format, 'text');
    assert.deepEqual(doc.sentences.map((s) => s.text), ['# Not a heading', '*not emphasis* and [not](a link).']);
  });

  it('packs and unpacks a Markdown parse with its source', () => {
    const source = '# Head line here\n\nA [linked](https://example.com) word, with `code`.\n';
    const { tree, ...original } = parseDocument('t.md', source, 'markdown');
    assert.ok(tree);
    const packed = packParse(original);
    assert.equal(packed.source, source);
    assert.deepEqual(unpackParse(packed), original);
    // Plain text does not send its text twice.
    assert.equal(packParse(parseDocument('t.txt', 'Plain text.')).source, undefined);
  });
});

describe('Markdown view helpers', () => {
  it('marks each prose block once, in order', () => {
    const { blocks, text } = markdownProse('# One\n\nTwo three.\n\n| four | five |\n|---|---|\n');
    assert.deepEqual(blocks.map((b) => text.slice(b.start, b.end)), ['One', 'Two three.', 'four', 'five']);
  });

  it('tells the format from the extension, or from what the face says', () => {
    assert.equal(formatOfPath('news/a.md'), 'markdown');
    assert.equal(formatOfPath('file:///x/A.MARKDOWN?x=1#top'), 'markdown');
    assert.equal(formatOfPath('notes.mdx.txt'), 'text');
    assert.equal(formatOfPath('untitled:Untitled-1'), 'text');
    assert.equal(formatOfPath('notes/C#.md'), 'markdown');
    assert.equal(documentFormat({ id: 'untitled:Untitled-1', format: 'markdown' }), 'markdown');
    assert.equal(documentFormat({ id: 'a.md', format: 'text' }), 'text');
  });

  it('shows prose without the gaps of blanked markup', () => {
    assert.equal(plainText('See the  report                 for details.'), 'See the report for details.');
    assert.equal(plainText('according to  Reuters                          .'), 'according to Reuters.');
    assert.equal(plainText('(  Xiaomi  ) and   Xiaomi  ’s'), '(Xiaomi) and Xiaomi’s');
    assert.equal(plainText('the  Evening Post .'), 'the Evening Post.');
    assert.equal(plainText("a plain sentence. Two, 'quoted' and .5 per cent ."), "a plain sentence. Two, 'quoted' and .5 per cent.");
  });

  it('gives a finding across markup the file text and no fix, and leaves the rest alone', () => {
    const source = 'A news **paper** and a recieve.';
    const doc = parseDocument('t.md', source, 'markdown');
    const finding = (start: number, end: number): Finding => ({
      start, end, text: doc.text.slice(start, end), rule: 'split-compound', message: 'm', suggestions: ['x'], confidence: 1, severity: 'warning',
    });
    const across = finding(source.indexOf('news'), source.indexOf('paper') + 5);
    const inside = finding(source.indexOf('recieve'), source.indexOf('recieve') + 7);
    const [a, b] = findingsInSource([across, inside], doc);
    assert.equal(a.text, 'news **paper');
    assert.deepEqual(a.suggestions, []);
    assert.equal(b, inside);
  });
});
