/**
 * Runs one CPU-heavy call in a worker thread so the server keeps answering meanwhile, with a time
 * limit (the worker is terminated when it passes) and cancellation. The thread starts the way every
 * worker of this project does (src/build/worker-script.ts).
 */
import { WorkerScript } from '../build/worker-script.js';
import { LimitExceededError, SolverError } from '../domain/errors.js';
import { errorFromReply, type WorkerReply } from '../domain/worker-reply.js';

/** Worker entries the API runs, by name (each a sibling module of this file). */
const ENTRIES = {
  'forecast-worker': new WorkerScript({
    name: 'forecast-worker',
    entry: 'src/api/forecast-worker.ts',
    compiled: new URL('./forecast-worker.js', import.meta.url),
  }),
} as const;

/**
 * Calls the worker entry `entry` with `data` and resolves with what it posts back.
 *
 * @example
 * const result = await runInWorker<ForecastResult>('forecast-worker', { input, model: 'smp' }, { timeoutMs: 20_000 });
 */
export async function runInWorker<T>(
  entry: keyof typeof ENTRIES,
  data: unknown,
  options: { timeoutMs: number; signal?: AbortSignal; what: string },
): Promise<T> {
  const script = ENTRIES[entry];
  const worker = script.spawn(data, await script.load());
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
