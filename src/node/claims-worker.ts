/** Worker thread of `startCorpusSplit`: loads the claims half of the engine, then analyses the documents it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from '../core/engine';
import type { SourceDocument } from '../core/types';
import { loadResources } from './resources';
import type { ClaimsJob } from './split-analysis';

const job = workerData as ClaimsJob;
const engine = createEngine(loadResources(job.dataDir), job.options);
parentPort!.once('message', (documents: SourceDocument[]) => {
  for (const doc of documents) engine.setDocument(doc);
  parentPort!.postMessage(engine.analyzeCorpus());
});
