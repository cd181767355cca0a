/**
 * How far V8 lets a thread's heap grow past what it holds before collecting. By default a heap
 * busy allocating may grow to about twice its live size; the language server keeps a whole folder
 * on three threads for hours, so that slack is paid three times over. On the BBC folder
 * (`npm run bench -- --lsp-only`, two interleaved runs each) 50% took the server's peak from
 * 1,351–1,365 MB to 1,060–1,088 MB for about 5–10% more CPU over the first pass; 20% reached
 * 1,006 MB but took 45% more CPU.
 */
import { setFlagsFromString } from 'node:v8';

export const SERVER_HEAP_GROWING_PERCENT = 50;

/** Sets the growth for this process's threads; call before the engine's workers start. */
export function limitHeapGrowth(percent = SERVER_HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
