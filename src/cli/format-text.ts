/** The readable report: per file, its findings with line:column and fix, then its claims with status and sources. */
import { createLineIndex } from '../core/text/lines';
import type { Report, ReportClaim } from './report';
import { isShown } from '../core/shown';

const STATUS_MARK: Record<ReportClaim['status'], string> = {
  corroborated: '✓ corroborated',
  'single-source': '· single-source',
  'copy-only': '= copy-only',
  conflicting: '✗ conflicting',
};

/** Formats the report; `texts` maps each path to its decoded text (for line:column). */
export function formatText(report: Report, texts: ReadonlyMap<string, string>): string {
  const out: string[] = [];
  const indexes = new Map<string, ReturnType<typeof createLineIndex>>();
  const where = (path: string, offset: number) => {
    let index = indexes.get(path);
    if (!index) indexes.set(path, (index = createLineIndex(texts.get(path) ?? '')));
    const { line, column } = index(offset);
    return `${line}:${column}`;
  };
  for (const doc of report.documents) {
    const pos = (offset: number) => where(doc.path, offset);
    out.push(`${doc.path}  (${doc.dialect})`);
    for (const note of doc.notes) out.push(`  note: ${note}`);
    const shown = doc.findings.filter(isShown);
    const hints = doc.findings.length - shown.length;
    out.push(`  Suspect spellings: ${shown.length}${hints ? ` (+${hints} hints not shown)` : ''}`);
    for (const f of shown) {
      const fix = f.suggestions.length ? ` → ${f.suggestions[0]}` : '';
      out.push(`    ${pos(f.start).padEnd(8)} ${f.severity.padEnd(11)} ${f.rule.padEnd(18)} "${f.text}"${fix}  ${f.message}`);
    }
    const counts = countStatuses(doc.claims);
    out.push(`  Claims: ${doc.claims.length} (${counts})`);
    for (const c of doc.claims) {
      const by = c.attribution ? `  [${c.attribution}]` : '';
      out.push(`    ${pos(c.start).padEnd(8)} ${STATUS_MARK[c.status].padEnd(16)} ${clip(c.text, 100)}${by}`);
      for (const e of c.evidence.slice(0, 5)) {
        const conflict = e.conflict ? ` (${e.conflict.claim} vs ${e.conflict.source})` : '';
        const part = e.claimStart > c.start || e.claimEnd < c.end ? `  backs "${clip(e.claimText, 50)}"` : '';
        const story = e.sameStory ? '' : '  (another story)';
        out.push(`             ${e.relation}${conflict} ${e.score.toFixed(2)}  ${e.path}:${where(e.path, e.start)}  ${clip(e.text, 80)}${part}${story}`);
      }
      if (c.evidence.length > 5) out.push(`             … and ${c.evidence.length - 5} more`);
      // What the folder does not know, said honestly: the closest sentence and why it fell short.
      for (const n of c.closest ?? []) {
        out.push(`             closest: ${n.path}:${where(n.path, n.start)} "${clip(n.text, 70)}" ${n.score.toFixed(2)}, below ${n.bar.toFixed(2)} (${n.why})`);
      }
    }
    out.push('');
  }
  if (report.stories.length) {
    out.push('Stories (documents that report the same events):');
    for (const group of report.stories) out.push(`  ${group.join('  ·  ')}`);
    out.push('');
  }
  if (report.copies.length) {
    out.push('Copies (a copy is not a second source):');
    for (const group of report.copies) out.push(`  ${group.join('  =  ')}`);
    out.push('');
  }
  for (const s of report.skipped) out.push(`${s.path}: ${s.reason}`);
  const totals = report.documents.reduce(
    (t, d) => ({ findings: t.findings + d.findings.filter(isShown).length, claims: t.claims + d.claims.length }),
    { findings: 0, claims: 0 },
  );
  out.push(`${report.documents.length} documents, ${totals.claims} claims, ${totals.findings} suspect spellings, ${plural(report.copies.length, 'copy group')}, ${plural(report.stories.length, 'story', 'stories')}${report.skipped.length ? `, ${report.skipped.length} skipped` : ''}.`);
  return out.join('\n') + '\n';
}

function countStatuses(claims: ReportClaim[]): string {
  const counts = new Map<string, number>();
  for (const c of claims) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  return (['corroborated', 'single-source', 'copy-only', 'conflicting'] as const).map((s) => `${counts.get(s) ?? 0} ${s}`).join(', ');
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
