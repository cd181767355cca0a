/**
 * Worker thread of `startCorpusSplit`: loads the claims half of the engine, takes documents in
 * batches as the other thread parses them, and analyses the corpus when told the batches are done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from '../core/engine';
import { unpackParse } from '../core/text/packed-parse';
import { loadResources } from './resources';
import type { ClaimsJob, ClaimsMessage } from './split-analysis';

const job = workerData as ClaimsJob;
const engine = createEngine(loadResources(job.dataDir), job.options);
parentPort!.on('message', (message: ClaimsMessage) => {
  if (message.kind === 'documents') {
    for (const { doc, parse } of message.documents) engine.setDocument(doc, parse && unpackParse(parse));
    engine.indexPending();
  } else {
    parentPort!.postMessage(engine.analyzeCorpus());
  }
});
