/**
 * A full garbage collection on demand, for a thread that has just dropped most of what it held
 * and will now wait: an idle thread allocates nothing, so V8 would not collect before the
 * process's peak of memory (the CLI's spelling half waiting for the claims worker).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/** Collects garbage now (V8 exposes `gc` to contexts made after the flag is set). */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
