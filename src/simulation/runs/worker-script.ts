/**
 * The script simulation worker threads run. From the compiled `dist/` it is `worker.js` itself.
 * From TypeScript source (under tsx) Node 20 does not apply `--import tsx` hooks to a worker's
 * entry module, and registering tsx inside every worker costs a loader thread and a compile per
 * module (0.3–0.8 s per worker), so the worker and its imports are bundled into one CommonJS script
 * (src/build/bundle-cache.ts): while its inputs are unchanged, later processes read it at once and
 * can start their workers before loading a world.
 */
import { readFileSync } from 'node:fs';
import { type BundleSpec, buildBundle, freshBundle } from '../../build/bundle-cache.js';

const fromSource = import.meta.url.endsWith('.ts');
const WORKER: BundleSpec = Object.freeze({
  name: 'simulation-worker',
  entry: 'src/simulation/runs/worker.ts',
  format: 'cjs',
});

let script: string | undefined;
let building: Promise<string> | undefined;

/** The cached bundle's text when every file that went into it is unchanged. */
function fromCache(): string | undefined {
  const entry = freshBundle(WORKER);
  try {
    return entry === undefined ? undefined : readFileSync(entry, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The worker script if it is at hand now (always from `dist/`; from source when the cached bundle
 * is fresh or this process has built it): `undefined` for `dist/`'s own file, else the script text.
 * Returns `null` when a build is needed first (see `workerScript`).
 *
 * @example
 * const now = workerScriptNow(); // null → await workerScript()
 */
export function workerScriptNow(): string | undefined | null {
  if (!fromSource) return undefined;
  script ??= fromCache();
  return script ?? null;
}

/**
 * The worker script: `undefined` from `dist/` (start `worker.js`), else the bundled script text,
 * built (once per process) when no fresh cached bundle exists. Cheap to call more than once.
 *
 * @example
 * const text = await workerScript();
 */
export function workerScript(): Promise<string | undefined> {
  const now = workerScriptNow();
  if (now !== null) return Promise.resolve(now);
  building ??= buildBundle(WORKER).then(({ text }) => {
    script = text;
    return text;
  });
  // A failed build is reported by the caller that awaits it, not as an unhandled rejection.
  building.catch(() => undefined);
  return building;
}
