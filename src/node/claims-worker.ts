/**
 * Worker thread of `startCorpusSplit`: loads the claims and copies half of the engine, takes
 * documents in batches as the other thread parses them, and when told the batches are done, sends
 * the analyses back in batches as it makes them, then the copy groups.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from '../core/engine';
import { unpackParse } from '../core/text/packed-parse';
import { loadResources } from './resources';
import type { DocumentAnalysis } from '../core/types';
import { BATCH, type ClaimsJob, type ClaimsMessage, type ClaimsReply } from './claims-protocol';

const job = workerData as ClaimsJob;
const engine = createEngine(loadResources(job.dataDir, ['claims']), job.options);
parentPort!.on('message', (message: ClaimsMessage) => {
  if (message.kind === 'documents') {
    for (const { doc, parse } of message.documents) engine.setDocument(doc, parse && unpackParse(parse));
    engine.indexPending();
  } else {
    let batch: DocumentAnalysis[] = [];
    const post = (reply: ClaimsReply) => {
      parentPort!.postMessage(reply);
      batch = [];
    };
    for (const id of engine.documentIds()) {
      batch.push(engine.analyzeDocument(id));
      if (batch.length === BATCH) post({ kind: 'analyses', documents: batch });
    }
    if (batch.length > 0) post({ kind: 'analyses', documents: batch });
    post({ kind: 'done', copies: engine.copies(), stories: engine.stories() });
  }
});
