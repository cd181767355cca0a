/** Worker thread of `analyzeCorpusSplit`: runs the claims half of the engine and posts the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from '../core/engine';
import { loadResources } from './resources';
import type { ClaimsJob } from './split-analysis';

const job = workerData as ClaimsJob;
const engine = createEngine(loadResources(job.dataDir), job.options);
for (const doc of job.documents) engine.setDocument(doc);
parentPort!.postMessage(engine.analyzeCorpus());
