/**
 * Long work (scenario runs) as jobs: a POST queues one and returns its id; progress and the result
 * are read by polling `GET /api/jobs/:id` or streamed as server-sent events. Jobs run one after
 * another (a scenario already fans out over worker threads); the queue is bounded, and finished
 * jobs are forgotten after a time-to-live.
 */
import { randomUUID } from 'node:crypto';
import { LimitExceededError, NotFoundError } from '../domain/errors.js';
import { errorBody } from './errors.js';
import type { ErrorBody } from './schemas.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** Progress as a job reports it: units of work done out of a total, and what it is doing. */
export interface JobProgress {
  done: number;
  total: number;
  message?: string;
}

/** A job's public state, as `GET /api/jobs/:id` returns it. */
export interface JobState {
  id: string;
  kind: string;
  status: JobStatus;
  progress: JobProgress;
  createdAt: string;
  finishedAt?: string;
  result?: unknown;
  error?: ErrorBody & { status: number };
}

/** What a subscriber hears: progress while running, then exactly one final state. */
export type JobEvent = { type: 'progress'; progress: JobProgress } | { type: 'end'; state: JobState };

/** The work of a job: reports progress, stops when the signal aborts, resolves to the result. */
export type JobTask = (report: (p: JobProgress) => void, signal: AbortSignal) => Promise<unknown>;

interface JobRecord {
  state: JobState;
  /** The error a failed task threw, kept so `wait` can rethrow it with its class. */
  failure?: unknown;
  task: JobTask;
  controller: AbortController;
  listeners: Set<(e: JobEvent) => void>;
  finishedMs?: number;
}

export interface JobQueueOptions {
  maxQueued: number;
  ttlMs: number;
  /** Finished jobs kept at most; the oldest are forgotten first. */
  maxFinished: number;
  /** A running job is stopped after this long and fails with `LimitExceededError`. */
  timeoutMs: number;
}

export class JobQueue {
  readonly #jobs = new Map<string, JobRecord>();
  readonly #pending: JobRecord[] = [];
  readonly #options: JobQueueOptions;
  #running: JobRecord | undefined;

  constructor(options: JobQueueOptions) {
    this.#options = options;
  }

  /**
   * Queues a task and returns its initial state; throws `LimitExceededError` when the queue is full.
   *
   * @example
   * const job = queue.submit('scenario', async (report) => { report({ done: 1, total: 1 }); return 42; });
   * queue.subscribe(job.id, (e) => e.type === 'end' && console.log(e.state.result)); // 42
   */
  submit(kind: string, task: JobTask): JobState {
    this.#sweep();
    const active = this.#pending.length + (this.#running ? 1 : 0);
    if (active >= this.#options.maxQueued) {
      throw new LimitExceededError(
        `${active} jobs are already queued or running (limit ${this.#options.maxQueued}); wait for one to finish or cancel one with DELETE /api/jobs/:id`,
      );
    }
    const record: JobRecord = {
      state: {
        id: randomUUID(),
        kind,
        status: 'queued',
        progress: { done: 0, total: 0 },
        createdAt: new Date().toISOString(),
      },
      task,
      controller: new AbortController(),
      listeners: new Set(),
    };
    this.#jobs.set(record.state.id, record);
    this.#pending.push(record);
    queueMicrotask(() => this.#next());
    return { ...record.state };
  }

  /** The state of a job; unknown or expired ids throw `NotFoundError`. */
  get(id: string): JobState {
    return { ...this.#record(id).state };
  }

  /** Listens to a job's events; returns the function that stops listening. */
  subscribe(id: string, listener: (e: JobEvent) => void): () => void {
    const record = this.#record(id);
    record.listeners.add(listener);
    return () => record.listeners.delete(listener);
  }

  /**
   * Resolves when the job ends, with its final state and, if it failed, the error it threw.
   *
   * @example
   * const end = await queue.wait(job.id);
   * if (end.status === 'failed') throw end.failure;
   */
  wait(id: string): Promise<JobState & { failure?: unknown }> {
    const record = this.#record(id);
    if (record.finishedMs !== undefined) return Promise.resolve({ ...record.state, failure: record.failure });
    return new Promise((resolve) => {
      const stop = this.subscribe(id, (e) => {
        if (e.type !== 'end') return;
        stop();
        resolve({ ...e.state, failure: record.failure });
      });
    });
  }

  /** Cancels a queued or running job (a running task stops at its next abort check). */
  cancel(id: string): JobState {
    const record = this.#record(id);
    if (record.state.status === 'queued') {
      this.#pending.splice(this.#pending.indexOf(record), 1);
      this.#finish(record, 'cancelled');
    } else if (record.state.status === 'running') {
      record.controller.abort();
    }
    return { ...record.state };
  }

  counts(): { queued: number; running: number; finished: number } {
    const finished = [...this.#jobs.values()].filter((r) => r.finishedMs !== undefined).length;
    return { queued: this.#pending.length, running: this.#running ? 1 : 0, finished };
  }

  /** Cancels everything (server shutdown). */
  close(): void {
    for (const record of [...this.#pending]) this.cancel(record.state.id);
    this.#running?.controller.abort();
  }

  #record(id: string): JobRecord {
    const record = this.#jobs.get(id);
    if (!record) throw new NotFoundError(`no job '${id}' (finished jobs are kept for a while, then dropped)`);
    return record;
  }

  #emit(record: JobRecord, event: JobEvent): void {
    for (const listener of [...record.listeners]) listener(event);
  }

  #finish(record: JobRecord, status: JobStatus, outcome: { result?: unknown; error?: unknown } = {}): void {
    record.finishedMs = Date.now();
    record.state = {
      ...record.state,
      status,
      finishedAt: new Date(record.finishedMs).toISOString(),
      ...(outcome.result !== undefined && { result: outcome.result }),
    };
    if (outcome.error !== undefined) {
      record.failure = outcome.error;
      const { status: httpStatus, body } = errorBody(outcome.error);
      record.state.error = { ...body, status: httpStatus };
    }
    this.#emit(record, { type: 'end', state: { ...record.state } });
    record.listeners.clear();
    this.#sweep();
  }

  async #next(): Promise<void> {
    if (this.#running) return;
    const record = this.#pending.shift();
    if (!record) return;
    this.#running = record;
    record.state = { ...record.state, status: 'running' };
    const report = (progress: JobProgress) => {
      record.state = { ...record.state, progress };
      this.#emit(record, { type: 'progress', progress });
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      record.controller.abort();
    }, this.#options.timeoutMs);
    let outcome: { result?: unknown; error?: unknown };
    try {
      outcome = { result: await record.task(report, record.controller.signal) };
    } catch (error) {
      outcome = { error };
    }
    clearTimeout(timer);
    try {
      if (timedOut) {
        const error = new LimitExceededError(
          `the job ran longer than ${this.#options.timeoutMs / 1000} s and was stopped; ask for fewer runs or a shorter horizon`,
        );
        this.#finish(record, 'failed', { error });
      } else if (record.controller.signal.aborted) {
        this.#finish(record, 'cancelled', 'error' in outcome ? { error: outcome.error } : {});
      } else {
        this.#finish(record, 'error' in outcome ? 'failed' : 'done', outcome);
      }
    } finally {
      this.#running = undefined;
      queueMicrotask(() => this.#next());
    }
  }

  /** Forgets finished jobs past their time-to-live, then the oldest beyond the count cap. */
  #sweep(): void {
    const cutoff = Date.now() - this.#options.ttlMs;
    const finished = [...this.#jobs.values()]
      .filter((r) => r.finishedMs !== undefined)
      .sort((a, b) => (a.finishedMs as number) - (b.finishedMs as number));
    const excess = finished.length - this.#options.maxFinished;
    finished.forEach((record, i) => {
      if (i < excess || (record.finishedMs as number) < cutoff) this.#jobs.delete(record.state.id);
    });
  }
}
