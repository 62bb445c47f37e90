/**
 * Spreads the chunks of a plan over threads: this thread plus worker threads
 * (node:worker_threads), or worker threads only when this thread must stay free (a server).
 * Threads claim chunks from one shared counter (Atomics), so no thread waits for another to hand
 * out work; results are put back in chunk order, so the reduction never depends on scheduling.
 * Worker threads can be started before their plan exists (`startWorkers`) and warm up meanwhile;
 * their script comes from worker-script.ts.
 */
import { cpus } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { SolverError } from '../../domain/errors.js';
import { ExactAtHorizon } from '../measures/collector.js';
import { type Gathered, Gatherer } from './gather.js';
import { type ChunkResult, measureRng, Runner } from './montecarlo.js';
import type { Plan } from './plan.js';
import type { ChunkReply, WarmUpRequest, WorkerInput } from './worker.js';
import { simulationWorker, workerScript, workerScriptNow } from './worker-script.js';

export interface PoolOptions {
  /** Threads computing runs. Default: min(cores, ceil(runs / runsPerWorker)). */
  workers: number | undefined;
  /** Runs that justify one more thread (a worker thread starts in ~50 ms). */
  runsPerWorker: number;
  /**
   * Keep this thread free (every thread computing is a worker thread), for callers that must stay
   * responsive, such as the HTTP server. Otherwise this thread is one of the `workers`.
   */
  offThread: boolean;
  onChunk?: (done: number, total: number) => void;
  /** Stops the run: no chunk starts after it aborts, worker threads are stopped, the call rejects. */
  signal?: AbortSignal;
  /** Worker threads started early by `startWorkers` (used first; missing ones are started now). */
  prepared?: PreparedWorkers;
  /** Longest warm-up of an early-started worker thread, in ms (it stops when its plan arrives). */
  warmUpMs: number;
}

export const POOL_DEFAULTS: Readonly<PoolOptions> = Object.freeze({
  workers: undefined,
  runsPerWorker: 50,
  offThread: false,
  warmUpMs: 400,
});

/** Worker threads started before their plan exists, warming up meanwhile (see `startWorkers`). */
export interface PreparedWorkers {
  ready: Promise<{ worker: Worker; planSent: Int32Array; exited: () => boolean }[]>;
}

/** The number of threads used for `runs` runs. */
function workerCount(runs: number, options: Partial<PoolOptions> = {}): number {
  const { workers, runsPerWorker } = { ...POOL_DEFAULTS, ...options };
  if (workers !== undefined) return Math.max(1, Math.floor(workers));
  return Math.max(1, Math.min(cpus().length, Math.ceil(runs / runsPerWorker)));
}

function chunksOf(plan: Plan): [number, number][] {
  const out: [number, number][] = [];
  for (let from = 0; from < plan.runs; from += plan.chunk)
    out.push([from, Math.min(plan.runs, from + plan.chunk)]);
  return out;
}

function spawn(data: WorkerInput | WarmUpRequest, script: string | undefined): Worker {
  return simulationWorker.spawn(data, script);
}

/** Threads computing `runs` runs in chunks of `chunk`, and how many of them are worker threads. */
export function threadsFor(
  runs: number,
  chunk: number,
  options: Partial<PoolOptions> = {},
): { threads: number; spawned: number } {
  const threads = Math.min(workerCount(runs, options), Math.ceil(runs / chunk));
  return { threads, spawned: options.offThread ? threads : threads - 1 };
}

/**
 * Starts `count` worker threads before their plan exists (while the caller loads its world); each
 * warms the JIT up on a small fixed plan until its plan arrives. Pass the result to `runChunks`
 * as `prepared`, or to `discardWorkers` when the run does not happen. Idle threads never keep the
 * process alive.
 *
 * @example
 * const prepared = startWorkers(1);
 * const world = openWorld('eurasia'); // meanwhile the thread warms up
 */
export function startWorkers(count: number, warmUpMs = POOL_DEFAULTS.warmUpMs): PreparedWorkers {
  const start = (script: string | undefined) =>
    Array.from({ length: count }, () => {
      const planSent = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
      const worker = spawn({ warmUpMs, planSent } satisfies WarmUpRequest, script);
      worker.unref();
      // A thread that dies before its plan arrives is replaced by a fresh one (`workersFor`).
      let gone = false;
      worker.on('error', () => undefined);
      worker.once('exit', () => {
        gone = true;
      });
      return { worker, planSent, exited: () => gone };
    });
  // With the script at hand the threads start at once, before the caller goes on (loading a world,
  // say, without yielding); otherwise as soon as the build is done and this thread is free.
  const now = workerScriptNow();
  const ready = now !== null ? Promise.resolve(start(now)) : workerScript().then(start);
  ready.catch(() => undefined);
  return { ready };
}

/** Stops worker threads started by `startWorkers` that will not be used. */
export async function discardWorkers(prepared: PreparedWorkers | undefined): Promise<void> {
  const started = await prepared?.ready.catch(() => []);
  await Promise.all((started ?? []).map(({ worker }) => worker.terminate()));
}

/** Worker threads for a run: the prepared ones given the plan, then fresh ones if needed. */
async function workersFor(input: WorkerInput, count: number, prepared: PreparedWorkers | undefined) {
  const early = (prepared ? await prepared.ready : []).filter((w) => !w.exited());
  await Promise.all(early.slice(count).map(({ worker }) => worker.terminate()));
  const workers = early.slice(0, count).map(({ worker, planSent }) => {
    worker.ref();
    Atomics.store(planSent, 0, 1);
    worker.postMessage(input);
    return worker;
  });
  // Fresh workers start now (their threads boot while this one computes): the script must be ready.
  const script = workers.length < count ? await workerScript() : undefined;
  while (workers.length < count) workers.push(spawn(input, script));
  return workers;
}

const failure = (message: string) => new SolverError(`a simulation worker failed: ${message}`);
const cancelledError = () => new SolverError('the scenario run was cancelled');

/** Settles when the worker has sent its last chunk; every chunk it sends goes to `store`. */
function collect(worker: Worker, store: (index: number, result: ChunkResult) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    worker.on('message', (reply: ChunkReply) => {
      if (!reply.ok) reject(failure(reply.message));
      else if (reply.result === 'done') resolve();
      else store(reply.result.index, reply.result.chunk);
    });
    worker.on('error', (err) => reject(failure(err.message)));
    worker.on('exit', (code) => reject(failure(`it stopped (exit code ${code}) before finishing`)));
  });
}

/**
 * Runs every chunk of `plan` and returns every run's values and the sums, put together in chunk
 * order (see gather.ts).
 *
 * @example
 * const { horizon, attribution } = await runChunks(plan, { workers: 2 });
 */
export async function runChunks(plan: Plan, options: Partial<PoolOptions> = {}): Promise<Gathered> {
  const opts = { ...POOL_DEFAULTS, ...options };
  const chunks = chunksOf(plan);
  const { spawned } = threadsFor(plan.runs, plan.chunk, opts);
  const gatherer = new Gatherer(plan);
  let done = 0;
  const store = (index: number, result: ChunkResult) => {
    gatherer.add(index, result);
    done += result.to - result.from;
    opts.onChunk?.(done, plan.runs);
  };
  const claim = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const workers = await workersFor({ plan, chunks, claim }, spawned, opts.prepared);
  let failed: unknown;
  const { signal } = opts;
  const stopIfNeeded = () => {
    if (failed !== undefined) throw failed;
    if (signal?.aborted) throw cancelledError();
  };
  const stop = (): void => {
    Atomics.store(claim, 0, chunks.length);
  };
  let onAbort = stop;
  // Settles when every worker has sent its last chunk, or as soon as one fails or the run is
  // cancelled (so waiting for the workers never outlasts an abort).
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      stop();
      reject(cancelledError());
    };
  });
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    stopIfNeeded();
    const all = Promise.race([Promise.all(workers.map((worker) => collect(worker, store))), aborted]);
    all.catch((err) => {
      failed ??= err;
    });
    if (!opts.offThread) {
      const runner = new Runner(plan);
      const exact = new ExactAtHorizon(plan, measureRng(plan.seed));
      for (let c = Atomics.add(claim, 0, 1); c < chunks.length; c = Atomics.add(claim, 0, 1)) {
        const result = runner.runChunk(...chunks[c]!);
        await exact.apply(result);
        store(c, result);
        // Lets worker results, progress, aborts and (in a server) requests through between chunks.
        await new Promise((resolve) => setImmediate(resolve));
        stopIfNeeded();
      }
    }
    await all;
    stopIfNeeded();
  } finally {
    // No thread claims a chunk after this, so a failure stops the others at their next chunk.
    stop();
    signal?.removeEventListener('abort', onAbort);
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return gatherer.gathered();
}
