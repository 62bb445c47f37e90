/** The script simulation worker threads run (see src/build/worker-script.ts for how it is made). */
import { WorkerScript } from '../../build/worker-script.js';

/** The simulation worker entry (worker.ts). */
export const simulationWorker = new WorkerScript({
  name: 'simulation-worker',
  entry: 'src/simulation/runs/worker.ts',
  compiled: new URL('./worker.js', import.meta.url),
});

/**
 * The worker script if it is at hand now: `undefined` for `dist/`'s own file, else the script
 * text; `null` when a build is needed first (see `workerScript`).
 *
 * @example
 * const now = workerScriptNow(); // null → await workerScript()
 */
export function workerScriptNow(): string | undefined | null {
  return simulationWorker.now();
}

/**
 * The worker script: `undefined` from `dist/` (start `worker.js`), else the bundled script text,
 * built (once per process) when no fresh cached bundle exists.
 *
 * @example
 * const text = await workerScript();
 */
export function workerScript(): Promise<string | undefined> {
  return simulationWorker.load();
}
