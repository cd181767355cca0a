/**
 * The engine host: runs in a worker thread so that parsing and corroborating a folder
 * never blocks the editor. Speaks the protocol in ./engine-protocol.
 */
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { createEngine, type Engine } from '../core/engine';
import { loadResources } from './resources';
import { unpackParse } from '../core/text/packed-parse';
import type { EngineResources, SourceDocument } from '../core/types';
import type { WorkerMessage, WorkerRequest } from './engine-protocol';

const port = parentPort;
if (!port) throw new Error('dist/worker.js must run as a worker thread');

let resources: { key: string; data: EngineResources } | undefined;
let engine: Engine | undefined;
// The worker keeps the texts so that a new configuration can rebuild the engine without the server resending them.
const texts = new Map<string, string>();
let userWords: string[] = [];

const send = (message: WorkerMessage) => port.postMessage(message);
/** No file URI looks like this, so the warm-up document cannot replace an article. */
const WARM_UP_ID = '\u0000warm-up';

function requireEngine(): Engine {
  if (!engine) throw new Error('The engine is not configured yet');
  return engine;
}

function handle(request: WorkerRequest): void {
  switch (request.type) {
    case 'configure': {
      // A worker that runs one half of the checks loads only that half's data.
      const key = JSON.stringify([request.dataDir, request.parts]);
      if (resources?.key !== key) resources = { key, data: loadResources(request.dataDir, request.parts) };
      engine = createEngine(resources.data, { ...request.options, userWords });
      for (const [id, text] of texts) engine.setDocument({ id, text });
      send({ id: request.id, type: 'result' });
      return;
    }
    case 'setDocuments': {
      const target = requireEngine();
      request.documents.forEach((doc: SourceDocument, i) => {
        texts.set(doc.id, doc.text);
        const parse = request.parses?.[i];
        target.setDocument(doc, parse && unpackParse(parse));
      });
      // Indexed now, as the notification still says "reading": analysis then reports per document.
      target.indexPending();
      send({ id: request.id, type: 'result' });
      return;
    }
    case 'removeDocuments': {
      const target = requireEngine();
      request.ids.forEach((id) => {
        texts.delete(id);
        target.removeDocument(id);
      });
      send({ id: request.id, type: 'result' });
      return;
    }
    case 'setUserWords': {
      userWords = request.words;
      requireEngine().setUserWords(userWords);
      send({ id: request.id, type: 'result' });
      return;
    }
    case 'analyze': {
      const target = requireEngine();
      const wanted = request.relatedTo
        ? [...new Set([...(request.ids ?? []), ...request.relatedTo.flatMap((id) => (texts.has(id) ? [id, ...target.related(id)] : []))])]
        : (request.ids ?? target.documentIds());
      const ids = wanted.filter((id) => texts.has(id));
      const started = performance.now();
      const documents = [];
      let done = 0;
      for (const id of ids) {
        const document = target.analyzeDocument(id);
        done++;
        if (request.stream) send({ id: request.id, type: 'progress', done, total: ids.length, document });
        else {
          documents.push(document);
          send({ id: request.id, type: 'progress', done, total: ids.length });
        }
        // The asker keeps what it is sent, and any change to the folder makes every cached analysis
        // stale: a copy here only adds to what the folder costs (the server's peak on the BBC folder
        // is ~55 MB lower without it).
        target.forget(id);
        if (request.budgetMs !== undefined && performance.now() - started >= request.budgetMs) break;
      }
      const groups = request.groups !== false;
      send({ id: request.id, type: 'result', result: { documents, copies: groups ? target.copies() : [], stories: groups ? target.stories() : [] } });
      return;
    }
    case 'warmUp': {
      // A throwaway document with a misspelling, analysed and removed: the engine's state is as before.
      const target = requireEngine();
      target.setDocument({ id: WARM_UP_ID, text: 'They said the goverment was late.' });
      target.analyzeDocument(WARM_UP_ID);
      target.removeDocument(WARM_UP_ID);
      send({ id: request.id, type: 'result' });
      return;
    }
    case 'related': {
      const target = requireEngine();
      const ids = new Set(request.edited.flatMap((id) => (texts.has(id) ? target.related(id) : [])));
      request.edited.forEach((id) => ids.delete(id));
      send({ id: request.id, type: 'result', ids: [...ids] });
      return;
    }
  }
}

port.on('message', (request: WorkerRequest) => {
  try {
    handle(request);
  } catch (error) {
    send({ id: request.id, type: 'error', message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  }
});
