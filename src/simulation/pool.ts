/**
 * Spreads the chunks of a plan over worker threads (node:worker_threads), or runs them in this
 * thread when one worker is asked for. Chunks are handed out as workers free up; results are put
 * back in chunk order, so the reduction never depends on scheduling.
 *
 * Under tsx (running from TypeScript source) the worker file is `worker.ts`; Node 20 does not
 * apply `--import tsx` hooks to a worker's entry module, and registering tsx inside every worker
 * costs a loader thread and a compile per module (0.3–0.8 s per worker, as long as a few chunks).
 * So the worker and its imports are bundled once, with the esbuild tsx itself uses, into one
 * script each worker evaluates. From the compiled `dist/` the worker is `worker.js` and starts
 * directly. Which one is picked follows this module's own extension.
 */
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SolverError } from '../domain/errors.js';
import { type ChunkResult, Runner } from './montecarlo.js';
import type { Plan } from './plan.js';
import type { WorkerReply } from './worker.js';

export interface PoolOptions {
  /** Threads; 1 runs in this thread. Default: min(cores, ceil(runs / runsPerWorker)). */
  workers: number | undefined;
  /** Runs that justify one more worker thread (start-up costs ~50 ms). */
  runsPerWorker: number;
  onChunk?: (done: number, total: number) => void;
}

export const POOL_DEFAULTS: Readonly<PoolOptions> = Object.freeze({ workers: undefined, runsPerWorker: 50 });

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

/** The worker bundled as one CommonJS script (from TypeScript source only; built once per process). */
let bundled: string | undefined;

function bundledWorker(self: string): string {
  if (bundled !== undefined) return bundled;
  // tsx depends on esbuild, so it is there whenever this module runs as TypeScript.
  const fromTsx = createRequire(createRequire(self).resolve('tsx/package.json'));
  const esbuild = fromTsx('esbuild') as {
    buildSync(options: Record<string, unknown>): { outputFiles: { text: string }[] };
  };
  bundled = esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL('./worker.ts', self))],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
  }).outputFiles[0]!.text;
  return bundled;
}

function spawn(plan: Plan): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./worker.js', self), { workerData: plan });
  return new Worker(bundledWorker(self), { eval: true, workerData: plan });
}

/**
 * Runs every chunk of `plan` and returns the results in chunk order.
 *
 * @example
 * const chunks = await runChunks(plan, { workers: 2 });
 */
export async function runChunks(plan: Plan, options: Partial<PoolOptions> = {}): Promise<ChunkResult[]> {
  const chunks = chunksOf(plan);
  const k = Math.min(workerCount(plan.runs, options), chunks.length);
  const results: ChunkResult[] = new Array(chunks.length);
  let done = 0;
  const report = (c: ChunkResult) => {
    done += c.to - c.from;
    options.onChunk?.(done, plan.runs);
  };
  if (k <= 1) {
    const runner = new Runner(plan);
    for (let c = 0; c < chunks.length; c++) {
      results[c] = runner.runChunk(...chunks[c]!);
      report(results[c]!);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return results;
  }
  const workers = Array.from({ length: k }, () => spawn(plan));
  try {
    let next = 0;
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            let current = -1;
            const give = () => {
              if (next >= chunks.length) return resolve();
              current = next++;
              w.postMessage({ from: chunks[current]![0], to: chunks[current]![1] });
            };
            w.on('message', (reply: WorkerReply) => {
              if (!reply.ok) return reject(new SolverError(`a simulation worker failed: ${reply.message}`));
              results[current] = reply.result;
              report(reply.result);
              give();
            });
            w.on('error', (err) => reject(new SolverError(`a simulation worker failed: ${err.message}`)));
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
