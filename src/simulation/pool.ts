/**
 * Spreads the chunks of a plan over threads: this thread plus worker threads
 * (node:worker_threads), or worker threads only when this thread must stay free (a server).
 * Threads claim chunks from one shared counter (Atomics), so no thread waits for another to hand
 * out work; results are put back in chunk order, so the reduction never depends on scheduling.
 *
 * Under tsx (running from TypeScript source) the worker file is `worker.ts`; Node 20 does not
 * apply `--import tsx` hooks to a worker's entry module, and registering tsx inside every worker
 * costs a loader thread and a compile per module (0.3–0.8 s per worker, as long as a few chunks).
 * So the worker and its imports are bundled once, with the esbuild tsx itself uses, into one
 * script each worker evaluates; `prepareWorkers` starts that bundle early, in esbuild's own process,
 * so it overlaps with loading the world. From the compiled `dist/` the worker is `worker.js` and
 * starts directly. Which one is picked follows this module's own extension.
 */
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SolverError } from '../domain/errors.js';
import { type ChunkResult, Runner } from './montecarlo.js';
import type { Plan } from './plan.js';
import type { WorkerInput, WorkerReply } from './worker.js';

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
}

export const POOL_DEFAULTS: Readonly<PoolOptions> = Object.freeze({
  workers: undefined,
  runsPerWorker: 50,
  offThread: false,
});

/** The number of threads used for `runs` runs. */
export function workerCount(runs: number, options: Partial<PoolOptions> = {}): number {
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

const fromSource = import.meta.url.endsWith('.ts');

/** The worker bundled as one CommonJS script (from TypeScript source only; built once per process). */
let bundled: Promise<string> | undefined;

/**
 * Starts building what worker threads need (from TypeScript source: the bundled worker script)
 * without waiting for it; `runChunks` awaits the same build. Cheap to call more than once.
 *
 * @example
 * prepareWorkers(); // then load the world while the bundle builds
 */
export function prepareWorkers(): Promise<string | undefined> {
  if (!fromSource) return Promise.resolve(undefined);
  if (bundled) return bundled;
  const self = import.meta.url;
  // tsx depends on esbuild, so it is there whenever this module runs as TypeScript.
  const fromTsx = createRequire(createRequire(self).resolve('tsx/package.json'));
  const esbuild = fromTsx('esbuild') as {
    build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
  };
  bundled = esbuild
    .build({
      entryPoints: [fileURLToPath(new URL('./worker.ts', self))],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
    })
    .then((r) => r.outputFiles[0]!.text);
  // A failed build is reported by the `runChunks` that awaits it, not as an unhandled rejection.
  bundled.catch(() => undefined);
  return bundled;
}

function spawn(input: WorkerInput, script: string | undefined): Worker {
  if (script === undefined) return new Worker(new URL('./worker.js', import.meta.url), { workerData: input });
  return new Worker(script, { eval: true, workerData: input });
}

const failure = (message: string) => new SolverError(`a simulation worker failed: ${message}`);
const cancelledError = () => new SolverError('the scenario run was cancelled');

/** Settles when the worker has sent its last chunk; every chunk it sends goes to `store`. */
function collect(worker: Worker, store: (index: number, result: ChunkResult) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'chunk') store(reply.index, reply.result);
      else if (reply.kind === 'done') resolve();
      else reject(failure(reply.message));
    });
    worker.on('error', (err) => reject(failure(err.message)));
    worker.on('exit', (code) => reject(failure(`it stopped (exit code ${code}) before finishing`)));
  });
}

/**
 * Runs every chunk of `plan` and returns the results in chunk order.
 *
 * @example
 * const chunks = await runChunks(plan, { workers: 2 });
 */
export async function runChunks(plan: Plan, options: Partial<PoolOptions> = {}): Promise<ChunkResult[]> {
  const opts = { ...POOL_DEFAULTS, ...options };
  const chunks = chunksOf(plan);
  const threads = Math.min(workerCount(plan.runs, opts), chunks.length);
  const results: ChunkResult[] = new Array(chunks.length);
  let done = 0;
  const store = (index: number, result: ChunkResult) => {
    results[index] = result;
    done += result.to - result.from;
    opts.onChunk?.(done, plan.runs);
  };
  const claim = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const spawned = opts.offThread ? threads : threads - 1;
  const input: WorkerInput = { plan, chunks, claim };
  // Workers start now (their threads boot while this one computes), so the script must be ready.
  const script = spawned > 0 ? await prepareWorkers() : undefined;
  const workers = Array.from({ length: spawned }, () => spawn(input, script));
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
      for (let c = Atomics.add(claim, 0, 1); c < chunks.length; c = Atomics.add(claim, 0, 1)) {
        store(c, runner.runChunk(...chunks[c]!));
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
  return results;
}
