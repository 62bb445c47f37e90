/**
 * The one way this project starts worker threads. From the compiled `dist/` a worker runs its
 * entry's own `.js` file. From TypeScript source (under tsx) Node 20 does not apply `--import tsx`
 * hooks to a worker's entry module, and registering tsx inside every worker costs a loader thread
 * and a compile per module (0.3–0.8 s per worker), so the entry and its imports are bundled into
 * one CommonJS script (bundle-cache.ts): while its inputs are unchanged, later processes read it at
 * once and can start their workers before loading a world.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { buildBundle, freshBundle } from './bundle-cache.js';

const fromSource = import.meta.url.endsWith('.ts');

export interface WorkerEntrySpec {
  /** Names the bundle's cache folder. */
  name: string;
  /** The entry module's source, relative to the project root (`src/…/x.ts`). */
  entry: string;
  /** The compiled entry (`new URL('./x.js', import.meta.url)` beside the caller). */
  compiled: URL;
}

/**
 * A worker entry and the script its threads run, built once per process when needed.
 *
 * @example
 * const forecastWorker = new WorkerScript({ name: 'forecast-worker', entry: 'src/api/forecast-worker.ts', compiled: new URL('./forecast-worker.js', import.meta.url) });
 * const worker = forecastWorker.spawn(task, await forecastWorker.load());
 */
export class WorkerScript {
  #script: string | undefined;
  #building: Promise<string> | undefined;

  constructor(private readonly spec: WorkerEntrySpec) {}

  /** The cached bundle's text when every file that went into it is unchanged. */
  #fromCache(): string | undefined {
    const entry = freshBundle({ name: this.spec.name, entry: this.spec.entry, format: 'cjs' });
    try {
      return entry === undefined ? undefined : readFileSync(entry, 'utf8');
    } catch {
      return undefined;
    }
  }

  /**
   * The script if it is at hand now: `undefined` from `dist/` (its own file), else the script text
   * when the cached bundle is fresh or this process has built it; `null` when a build is needed
   * first (see `load`).
   */
  now(): string | undefined | null {
    if (!fromSource) return undefined;
    this.#script ??= this.#fromCache();
    return this.#script ?? null;
  }

  /** The script (see `now`), built when no fresh cached bundle exists. Cheap to call again. */
  load(): Promise<string | undefined> {
    const now = this.now();
    if (now !== null) return Promise.resolve(now);
    this.#building ??= buildBundle({ name: this.spec.name, entry: this.spec.entry, format: 'cjs' }).then(
      ({ text }) => {
        this.#script = text;
        return text;
      },
    );
    // A failed build is reported by the caller that awaits it, not as an unhandled rejection.
    this.#building.catch(() => undefined);
    return this.#building;
  }

  /** Starts a thread on `script` (from `load` or `now`) with `data` as its workerData. */
  spawn(data: unknown, script: string | undefined): Worker {
    if (script === undefined) return new Worker(this.spec.compiled, { workerData: data });
    return new Worker(script, { eval: true, workerData: data });
  }
}
