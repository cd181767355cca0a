/**
 * The order in which work reaches the engine worker, which does one thing at a time. Two lanes:
 * **foreground** (an edit, a settings or list change: someone is waiting) and **background**
 * (the folder's first pass, refreshes of related articles). Steps run one at a time; between
 * steps, any foreground step goes before every background one. Background work is queued as
 * small steps (slices), so an edit waits at most for the slice the worker is running, never for
 * the whole pass. A background step whose job was cancelled is dropped unrun.
 */

export type Lane = 'foreground' | 'background';

/** Cancels the background steps of one job (a pass, a refresh) that have not started yet. */
export class Job {
  private stopped = false;
  get cancelled(): boolean {
    return this.stopped;
  }
  cancel(): void {
    this.stopped = true;
  }
}

/** What a cancelled job's steps resolve with: the caller stops there. */
export const CANCELLED = Symbol('cancelled');

interface Step {
  run: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  job?: Job;
}

export class Scheduler {
  private readonly lanes: Record<Lane, Step[]> = { foreground: [], background: [] };
  private running = false;

  /** Runs `step` after the steps queued before it in its lane (and, for background, after every foreground step). */
  foreground<T>(step: () => Promise<T>): Promise<T> {
    return this.enqueue('foreground', step) as Promise<T>;
  }

  /** Runs `step` when no foreground step waits; resolves `CANCELLED`, unrun, if `job` is cancelled before it starts. */
  background<T>(job: Job, step: () => Promise<T>): Promise<T | typeof CANCELLED> {
    return this.enqueue('background', step, job) as Promise<T | typeof CANCELLED>;
  }

  /** True when a foreground step is waiting (a background job may then yield early). */
  get foregroundWaiting(): boolean {
    return this.lanes.foreground.length > 0;
  }

  private enqueue(lane: Lane, run: () => Promise<unknown>, job?: Job): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.lanes[lane].push({ run, resolve, reject, job });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running) return;
    let step = this.next();
    // Steps of cancelled jobs are dropped unrun.
    while (step?.job?.cancelled) {
      step.resolve(CANCELLED);
      step = this.next();
    }
    if (!step) return;
    const { run, resolve, reject } = step;
    this.running = true;
    // A failed step does not stop the ones after it; its caller gets the error.
    Promise.resolve()
      .then(run)
      .then(resolve, reject)
      .finally(() => {
        this.running = false;
        this.pump();
      });
  }

  private next(): Step | undefined {
    return this.lanes.foreground.shift() ?? this.lanes.background.shift();
  }
}
