/**
 * Bundles a TypeScript entry module and its imports with the esbuild that tsx itself uses, and
 * keeps the result in `node_modules/.cache/counterbalance/<name>/` with the size and modification
 * time of every file that went into it. While none has changed, later processes run the bundle at
 * once instead of compiling each module through tsx; when any has, the bundle is stale and is
 * rebuilt (60–300 ms, in esbuild's own process), so a checkout never runs old code.
 *
 * Each module keeps its own `import.meta.url` (its source file's URL): code that finds data, the
 * web build or a worker entry relative to itself behaves as it does under tsx.
 */
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BundleSpec {
  /** Names the cache folder and its stamps file. */
  name: string;
  /** The entry module, relative to `root`. */
  entry: string;
  format: 'cjs' | 'esm';
  /** `external` leaves packages to Node's resolution from `node_modules` (native and wasm ones need it). */
  packages?: 'bundle' | 'external';
  /** The checkout holding `entry` and `node_modules` (default: this project). */
  root?: string;
}

interface Stamp {
  path: string;
  size: number;
  mtimeMs: number;
}

interface Stamps {
  /** The checkout the bundle was built from. */
  root: string;
  inputs: Stamp[];
}

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Chunks a rebuild no longer names are removed once this old (a running process may still load them). */
const STALE_CHUNK_MS = 3_600_000;

function places(spec: BundleSpec) {
  const root = spec.root ?? projectRoot;
  const cache = join(root, 'node_modules', '.cache', 'counterbalance');
  const dir = join(cache, spec.name);
  const extension = spec.format === 'esm' ? '.mjs' : '.cjs';
  return {
    root,
    dir,
    entry: join(dir, `entry${extension}`),
    stamps: join(cache, `${spec.name}.json`),
    extension,
  };
}

function stamp(root: string, path: string): Stamp {
  const s = statSync(join(root, path));
  return { path, size: s.size, mtimeMs: s.mtimeMs };
}

/**
 * The cached bundle's entry file when every file that went into it is unchanged, else `undefined`.
 *
 * @example
 * const entry = freshBundle({ name: 'simulation-worker', entry: 'src/simulation/runs/worker.ts', format: 'cjs' });
 */
export function freshBundle(spec: BundleSpec): string | undefined {
  const at = places(spec);
  try {
    const stamps = JSON.parse(readFileSync(at.stamps, 'utf8')) as Stamps;
    // A cache copied with node_modules from another checkout holds that checkout's code.
    if (stamps.root !== at.root) return undefined;
    for (const input of stamps.inputs) {
      const now = stamp(at.root, input.path);
      if (now.size !== input.size || now.mtimeMs !== input.mtimeMs) return undefined;
    }
    statSync(at.entry);
    return at.entry;
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

function removeOldChunks(dir: string, keep: Set<string>): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!keep.has(name) && Date.now() - statSync(path).mtimeMs > STALE_CHUNK_MS) unlinkSync(path);
  }
}

/** Keeps a fresh bundle for later processes; a read-only installation simply builds each time. */
function toCache(spec: BundleSpec, files: { path: string; text: string }[], inputs: string[]): void {
  const at = places(spec);
  try {
    mkdirSync(at.dir, { recursive: true });
    // Chunks (content-hashed names) before the entry, the stamps last: until they match, readers build.
    for (const f of files.filter((f) => f.path !== at.entry)) writeAtomically(f.path, f.text);
    for (const f of files.filter((f) => f.path === at.entry)) writeAtomically(f.path, f.text);
    const stamps: Stamps = { root: at.root, inputs: inputs.map((p) => stamp(at.root, p)) };
    writeAtomically(at.stamps, JSON.stringify(stamps));
    removeOldChunks(at.dir, new Set(files.map((f) => basename(f.path))));
  } catch {
    // not cached: the next process builds again
  }
}

interface Esbuild {
  build(options: Record<string, unknown>): Promise<{
    outputFiles: { path: string; text: string }[];
    metafile: { inputs: Record<string, unknown> };
  }>;
}

/** Gives every bundled source module the `import.meta.url` of its own file. */
const ownMetaUrl = {
  name: 'own-import-meta-url',
  setup(build: { onLoad(o: { filter: RegExp }, f: (a: { path: string }) => unknown): void }) {
    build.onLoad({ filter: /\.ts$/ }, ({ path }) => ({
      contents: readFileSync(path, 'utf8').replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(path).href),
      ),
      loader: 'ts',
    }));
  },
};

/**
 * Builds the bundle, caches it and returns its entry file's path and text.
 *
 * @example
 * const { text } = await buildBundle({ name: 'simulation-worker', entry: 'src/simulation/runs/worker.ts', format: 'cjs' });
 */
export async function buildBundle(spec: BundleSpec): Promise<{ entry: string; text: string }> {
  const at = places(spec);
  // tsx depends on esbuild, so it is there whenever a checkout runs TypeScript.
  const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
  const esbuild = fromTsx('esbuild') as Esbuild;
  const result = await esbuild.build({
    entryPoints: { entry: join(at.root, spec.entry) },
    absWorkingDir: at.root,
    outdir: at.dir,
    outExtension: { '.js': at.extension },
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: spec.format === 'esm',
    write: false,
    metafile: true,
    format: spec.format,
    platform: 'node',
    target: 'node20',
    packages: spec.packages ?? 'bundle',
    plugins: [ownMetaUrl],
  });
  toCache(spec, result.outputFiles, Object.keys(result.metafile.inputs));
  const entry = result.outputFiles.find((f) => f.path === at.entry)!;
  return { entry: at.entry, text: entry.text };
}
