/**
 * Random article texts for the engine's properties, built from the cases that break offset
 * arithmetic: mixed line endings, tabs, emoji and ZWJ sequences, RTL marks, lone surrogates,
 * NBSP, combining marks, very long lines, empty text, Markdown's marks. Real sentences that share facts are
 * mixed in, so claims find evidence, conflicts and copies across documents.
 */
import fc from 'fast-check';

// Facts told more than once: corroboration ("refused" ~ "declined"), conflicts ($2.5bn vs
// $3.1bn), copies (the same sentence twice), attributions, dates and numbers.
const SENTENCES = [
  'Xiaomi refused to comment on the report by the Taiwanese government.',
  'Xiaomi declined to comment on the statement from the Taiwanese government.',
  'Reuters reported that three people were hurt in Taipei on Monday.',
  '3 people were hurt in Taipei on Monday, according to Reuters.',
  'The company lost $2.5 billion in 2014, according to the annual report.',
  'The company lost $3.1 billion in 2014, according to the annual report.',
  'Last Sept. 9, 2014 a Chinese news paper Apple Daily carried a story.',
  'Gin-Shian Lou, a director at the National Communications Commission, said the test would take three months.',
  'The investigation is supposed to get resolved within 3 months.',
  'Sales rose 27 percent in the third quarter, the company said.',
  'It found that Xiaomi was sending user information to servers based in China.',
  'The information was received by China Unicorn the telecommunication company.',
  'Take our quiz',
  '6 hours ago',
  'Is this the end of the smartphone?',
  'I’m a Celebrity... Get Me Out of Here is back… and more.',
];

// Single words and short runs the spelling checks react to.
const WORDS = [
  'the', 'The', 'council', 'met', 'said', 'Reuters', 'Xiaomi', 'Taipei', 'Monday', 'acording', 'recieved', 'alot', 'news paper',
  'to gether', 'the the', 'a apple', 'an', 'colour', 'color', 'apologised', "don't", 'naïve', 'café', 'Ωmega', 'Xiaomy', 'F-Secure',
  '$2.5', '27%', '1,000', '3', 'Sept.', 'U.S.', 'e.g.', 'Mr.', 'co-operate', 'I', 'A', 'Lou', 'Unicorn', 'China', '𝒳iaomi', 'Hüsker𝐃ü', 'ﬁnance',
];

// Code units and sequences that are easy to miscount.
const HARD = [
  '\r\n', '\r', '\n', '\n\n', '\r\r\n', '\t', ' ', '  ', '\u00A0', '\u202F', '\u2028', '\u2029', '\u200B', '\u200C', '\u200D',
  '\u200E', '\u200F', '\u202B', '\u202E', '\u2066', '\u2069', '\uFEFF', '\u00AD', '\u0000', '\u001B', '\u0085',
  '😀', '👩‍👩‍👧', '👍🏽', '🇬🇧', '🏳️‍🌈', 'e\u0301', 'n\u0303', '\u0301', 'A\u030A\u0320', '\uD800', '\uDC00', '\uDBFF\uDFFF', '𝐇𝐞𝐥𝐥𝐨',
  'שלום', 'مرحبا', 'עברית.', '中文', '日本語。', 'Ελλάδα', '…', '...', '—', '–', '“', '”', '‘', '’', '"', "'", '.', '!', '?', ',',
  ';', ':', '(', ')', '#', '*', '- ', '1.', '',
];

// Markdown's marks, read as markup in a `.md` document and as text in a `.txt` one.
const MARKDOWN = [
  '# ', '## ', '**', '*', '_', '~~', '`', '`code acording`', '```\n', '    ', '> ', '- ', '1. ', '[', '](https://example.com/acording)', '![', '<https://x.y>',
  'www.example.com', '<b>', '</b>', '&amp;', '&#39;', '\\*', '[^1]', '[^1]: ', '| a | b |\n|---|---|\n| ', ' | ', '---\ntitle: "A title"\n---\n', '  \n', '\\\n',
];

/** One code unit of any value, lone surrogates included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** A line thousands of units long with no line break: a paragraph pasted as one line, or one giant token. */
const longLine = fc.tuple(fc.constantFrom(...SENTENCES, 'a', 'word ', '😀', '\t'), fc.integer({ min: 200, max: 1500 })).map(([s, n]) => s.repeat(Math.ceil((n * 20) / s.length)));

/** A piece of text: a sentence, a word, a hard case, random code units, or (rarely) a very long line. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SENTENCES) },
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 5, arbitrary: fc.constantFrom(...HARD) },
  { weight: 4, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 2, arbitrary: fc.string({ unit: anyUnit, maxLength: 6 }) },
  { weight: 1, arbitrary: longLine },
);

const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '\r\n', '\r', '\t', '\n\n', '\u00A0', ' \u200F');

/** A document's text: fragments joined by separators (possibly empty). */
export const articleText: fc.Arbitrary<string> = fc
  .array(fc.tuple(fragment, separator), { maxLength: 30 })
  .map((parts) => parts.map(([f, s]) => f + s).join(''));

/** The texts of a small folder (1–4 documents). */
export const folderTexts: fc.Arbitrary<string[]> = fc.array(articleText, { minLength: 1, maxLength: 4 });

/** One step of an editing session: text spliced in place, a document replaced, removed or added, or a question asked. */
export type Step =
  | { kind: 'splice'; doc: number; at: number; remove: number; insert: string }
  | { kind: 'replace'; doc: number; text: string }
  | { kind: 'remove'; doc: number }
  | { kind: 'add'; text: string }
  | { kind: 'ask'; question: 'corpus' | 'document' | 'pending' | 'related' | 'copies'; doc: number };

const doc = fc.nat({ max: 7 });

/** A random step; `at` is a fraction of the text's length, so a splice may cut a surrogate pair or a CRLF. */
export const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('splice' as const), doc, at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 40 }), insert: fc.oneof(fragment, fc.constant('')) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), doc, text: articleText }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), doc }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), text: articleText }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('ask' as const), question: fc.constantFrom('corpus' as const, 'document' as const, 'pending' as const, 'related' as const, 'copies' as const), doc }) },
);

/** A folder and an editing session over it. */
export const session = fc.record({ texts: folderTexts, steps: fc.array(step, { maxLength: 12 }) });
