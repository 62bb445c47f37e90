/**
 * Runs one CPU-heavy call in a worker thread so the server keeps answering meanwhile, with a time
 * limit (the worker is terminated when it passes) and cancellation. The entry module is a sibling
 * of this file: `<name>.js` when compiled; under tsx (`.ts` source) the worker starts from a
 * one-line bootstrap that registers tsx first, since a worker does not inherit the loader hooks.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LimitExceededError, SolverError } from '../domain/errors.js';
import { errorFromReply, type WorkerReply } from './worker-reply.js';

function spawn(entry: string, data: unknown): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL(`./${entry}.js`, self), { workerData: data });
  const require = createRequire(self);
  const pkgFile = require.resolve('tsx/package.json');
  const exportsMap = (
    JSON.parse(readFileSync(pkgFile, 'utf8')) as {
      exports: Record<string, { import: { default: string } }>;
    }
  ).exports;
  const tsxApi = pathToFileURL(join(dirname(pkgFile), exportsMap['./esm/api']!.import.default)).href;
  const target = new URL(`./${entry}.ts`, self).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
  return new Worker(boot, { eval: true, workerData: data });
}

/**
 * Calls the worker entry `entry` with `data` and resolves with what it posts back.
 *
 * @example
 * const result = await runInWorker<ForecastResult>('forecast-worker', { input, model: 'smp' }, { timeoutMs: 20_000 });
 */
export function runInWorker<T>(
  entry: string,
  data: unknown,
  options: { timeoutMs: number; signal?: AbortSignal; what: string },
): Promise<T> {
  const worker = spawn(entry, data);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new LimitExceededError(
          `${options.what} took longer than ${options.timeoutMs / 1000} s and was stopped; try a smaller input`,
        ),
      );
      void worker.terminate();
    }, options.timeoutMs);
    const onAbort = () => {
      reject(new SolverError(`${options.what} was cancelled`));
      void worker.terminate();
    };
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
    };
    worker.once('message', (reply: WorkerReply<T>) => {
      done();
      if (reply.ok) resolve(reply.result);
      else reject(errorFromReply(reply));
    });
    worker.once('error', (err) => {
      done();
      reject(new SolverError(`${options.what} failed in its worker: ${err.message}`));
    });
  });
}
