/** What every request handler reads: the store, the lists, the settings, and the findings people see. */
import type { Claim, Finding } from '../core/types';
import type { ArticleRecord, DocumentStore } from './documentStore';
import type { ClientOptions } from './protocol';
import type { ServerSettings } from './settings';
import type { WorkspaceLists } from './userLists';

export interface ServerView {
  store: DocumentStore;
  lists: WorkspaceLists;
  settingsFor(folder: string | undefined): ServerSettings;
  /** What the client asked for beyond plain LSP. */
  readonly client: ClientOptions;
}

/** An article with its analysis. */
export type AnalysedRecord = ArticleRecord & { analysed: NonNullable<ArticleRecord['analysed']> };

/** The article at `uri` if it has been analysed. */
export function analysedArticle(view: ServerView, uri: string): AnalysedRecord | undefined {
  const record = view.store.article(uri);
  return record?.analysed ? (record as AnalysedRecord) : undefined;
}

/** The findings shown: above the minimum confidence and not dismissed here. */
export function shownFindings(view: ServerView, record: AnalysedRecord): Finding[] {
  const minimum = view.settingsFor(record.folder).minimumConfidence;
  const { analysis, basis } = record.analysed;
  return analysis.findings.filter((f) => f.confidence >= minimum && !view.lists.isIgnored(record, basis.text, f));
}

/** The claim whose sentence holds `offset`. */
export function claimAt(record: AnalysedRecord, offset: number): Claim | undefined {
  return record.analysed.analysis.claims.find((c) => c.start <= offset && offset <= c.end);
}
