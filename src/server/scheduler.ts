/**
 * The order in which work reaches the engine worker, which does one thing at a time. Two lanes:
 * **foreground** (an edit, a settings or list change: someone is waiting) and **background**
 * (the folder's first pass, refreshes of related articles). Steps run one at a time; between
 * steps, any foreground step goes before every background one. Background work is queued as
 * small steps (slices), so an edit waits at most for the slice the worker is running, never for
 * the whole pass. A background step whose job was cancelled is dropped unrun. An edit known to
 * be coming (its debounce running) reserves the worker: no slice starts that would still run
 * when it is due, so it waits for none.
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

/** How long after its due time a reservation lapses when no foreground step came (the edit was dropped). */
const RESERVATION_GRACE_MS = 250;

export class Scheduler {
  private readonly lanes: Record<Lane, Step[]> = { foreground: [], background: [] };
  private running = false;
  /** A foreground step expected at `due` (ms, `now()`'s clock); background steps starting after `due - lead` wait for it. */
  private reservation: { due: number; lead: number } | undefined;
  private wake: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /**
   * Says a foreground step will come in `delay` ms (an edit's debounce ends then): from `lead` ms
   * before that (about one background step's length), no background step starts until it has
   * run. A later reservation replaces an earlier one (each keystroke moves the debounce on).
   */
  reserve(delay: number, lead: number): void {
    this.reservation = { due: this.now() + delay, lead };
    this.pump();
  }

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
    const held = this.lanes.foreground.length === 0 ? this.heldFor() : 0;
    if (held > 0) {
      clearTimeout(this.wake);
      this.wake = setTimeout(() => this.pump(), held);
      this.wake.unref?.();
      return;
    }
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
    const foreground = this.lanes.foreground.shift();
    // The step a reservation waited for has come: the background may go on after it.
    if (foreground) this.reservation = undefined;
    return foreground ?? this.lanes.background.shift();
  }

  /** How long background steps must still wait for a reserved foreground step (0: they need not). */
  private heldFor(): number {
    const r = this.reservation;
    if (!r || this.lanes.background.length === 0) return 0;
    const now = this.now();
    // Before the lead a slice still ends in time: it may start. After it, wait until the step comes
    // or the reservation lapses (a lapsed one holds nothing and is replaced by the next edit's).
    return now < r.due - r.lead ? 0 : Math.max(0, r.due + RESERVATION_GRACE_MS - now);
  }
}
