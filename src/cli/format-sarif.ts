/** SARIF 2.1.0 for CI code scanning: one result per shown finding, with its fix. */
import { createLineIndex } from '../core/text/lines';
import type { RuleId, Severity } from '../core/types';
import type { Report } from './report';
import { isShown } from '../core/shown';

const RULES: Record<RuleId, string> = {
  'name-near-miss': 'A name one visual or typing confusion away from an attested name.',
  'split-compound': 'Two words that are one ("news paper").',
  'run-together': 'One word that is two ("alot").',
  misspelling: 'A word the dictionary does not know, with a confident correction.',
  'unknown-word': 'A word seen once that no dictionary knows.',
  'repeated-word': 'The same word twice in a row.',
  'indefinite-article': '"a" where "an" is needed, or the other way round.',
};

const LEVEL: Record<Severity, 'warning' | 'note' | 'none'> = { warning: 'warning', information: 'note', hint: 'none' };

/** Formats the report as a SARIF 2.1.0 log (hints are left out, as in the text report). */
export function formatSarif(report: Report, texts: ReadonlyMap<string, string>, version: string): string {
  const ruleIds = Object.keys(RULES) as RuleId[];
  const results = report.documents.flatMap((doc) => {
    const index = createLineIndex(texts.get(doc.path) ?? '');
    return doc.findings.filter(isShown).map((f) => {
      const s = index(f.start);
      const e = index(f.end);
      const region = { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column, charOffset: f.start, charLength: f.end - f.start };
      const artifactLocation = { uri: encodeURI(doc.path) };
      return {
        ruleId: f.rule,
        ruleIndex: ruleIds.indexOf(f.rule),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation, region } }],
        properties: { confidence: f.confidence, suggestions: f.suggestions },
        fixes: f.suggestions.slice(0, 1).map((text) => ({
          description: { text: `Replace "${f.text}" with "${text}"` },
          artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: region, insertedContent: { text } }] }],
        })),
      };
    });
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Second Source',
            version,
            rules: ruleIds.map((id) => ({ id, shortDescription: { text: RULES[id] } })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
