/**
 * Spreads the chunks of a plan over worker threads (node:worker_threads), or runs them in this
 * thread when one worker is asked for. Chunks are handed out as workers free up; results are put
 * back in chunk order, so the reduction never depends on scheduling.
 *
 * Under tsx (running from TypeScript source) the worker file is `worker.ts`; Node 20 does not
 * apply `--import tsx` hooks to a worker's entry module, so the worker starts from a tiny eval
 * bootstrap that registers tsx's ESM API and then imports it. From the compiled `dist/` the worker
 * is `worker.js` and starts directly. Which one is picked follows this module's own extension.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
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

function spawn(plan: Plan): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./worker.js', self), { workerData: plan });
  const require = createRequire(self);
  const pkgPath = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const api = pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api']!.import.default)).href;
  const target = new URL('./worker.ts', self).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
  return new Worker(boot, { eval: true, workerData: plan });
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
