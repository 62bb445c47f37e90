/**
 * The script simulation worker threads run. From the compiled `dist/` it is `worker.js` itself.
 * From TypeScript source (under tsx) Node 20 does not apply `--import tsx` hooks to a worker's
 * entry module, and registering tsx inside every worker costs a loader thread and a compile per
 * module (0.3–0.8 s per worker), so the worker and its imports are bundled into one CommonJS script
 * with the esbuild that tsx itself uses.
 *
 * The bundle is kept in `node_modules/.cache/counterbalance/` with the size and modification time
 * of every file that went into it: while none has changed, later processes read it at once and can
 * start their workers before loading a world (a build takes 60–100 ms, in esbuild's own process).
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const self = import.meta.url;
const fromSource = self.endsWith('.ts');
const root = fileURLToPath(new URL('../../', self));
const cacheDir = join(root, 'node_modules', '.cache', 'counterbalance');
const CACHE = {
  script: join(cacheDir, 'simulation-worker.cjs'),
  inputs: join(cacheDir, 'simulation-worker.json'),
};

interface Input {
  path: string;
  size: number;
  mtimeMs: number;
}

let script: string | undefined;
let building: Promise<string> | undefined;

function stamp(path: string): Input {
  const s = statSync(join(root, path));
  return { path, size: s.size, mtimeMs: s.mtimeMs };
}

/** The cached bundle when every file that went into it is unchanged. */
function fromCache(): string | undefined {
  try {
    const inputs = JSON.parse(readFileSync(CACHE.inputs, 'utf8')) as Input[];
    for (const input of inputs) {
      const now = stamp(input.path);
      if (now.size !== input.size || now.mtimeMs !== input.mtimeMs) return undefined;
    }
    return readFileSync(CACHE.script, 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes a file whole or not at all (processes running in parallel may read it meanwhile). */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** Keeps a fresh bundle for later processes; a read-only installation simply builds each time. */
function toCache(text: string, inputs: string[]): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    // The stamps go last: until they match, readers build for themselves.
    writeAtomically(CACHE.script, text);
    writeAtomically(CACHE.inputs, JSON.stringify(inputs.map(stamp)));
  } catch {
    // not cached: the next process builds again
  }
}

function build(): Promise<string> {
  // tsx depends on esbuild, so it is there whenever this module runs as TypeScript.
  const fromTsx = createRequire(createRequire(self).resolve('tsx/package.json'));
  const esbuild = fromTsx('esbuild') as {
    build(options: Record<string, unknown>): Promise<{
      outputFiles: { text: string }[];
      metafile: { inputs: Record<string, unknown> };
    }>;
  };
  return esbuild
    .build({
      entryPoints: [fileURLToPath(new URL('./worker.ts', self))],
      absWorkingDir: root,
      bundle: true,
      write: false,
      metafile: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
    })
    .then((r) => {
      const text = r.outputFiles[0]!.text;
      toCache(text, Object.keys(r.metafile.inputs));
      return text;
    });
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
  building ??= build().then((text) => {
    script = text;
    return text;
  });
  // A failed build is reported by the caller that awaits it, not as an unhandled rejection.
  building.catch(() => undefined);
  return building;
}
