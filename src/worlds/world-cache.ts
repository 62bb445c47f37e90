/**
 * A cache of validated bundled worlds. Reading and checking `eurasia` (YAML parse, schema, cross
 * references) is most of a CLI command's start-up; a world that passed every check is kept as JSON
 * in `node_modules/.cache/counterbalance/worlds/`, stamped with the size and modification time of
 * each of its files and of every module that reads or checks worlds. Any change to either makes
 * the entry stale, so a cached world is always the one a full load would give.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorldFile } from '../domain/schema.js';

/** The sections of a loaded world, as plain data. */
export type CachedSections = Required<Omit<WorldFile, 'meta'>> & { meta: NonNullable<WorldFile['meta']> };

const here = fileURLToPath(new URL('.', import.meta.url));
/** The modules whose code decides what a loaded world holds. */
const CODE_DIRS = [here, fileURLToPath(new URL('../domain/', import.meta.url))];
const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/counterbalance/worlds/', import.meta.url));

function filesUnder(dir: string): string[] {
  let out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out = out.concat(filesUnder(path));
    else if (!entry.name.includes('.test.')) out.push(path);
  }
  return out.sort();
}

/** Size and modification time of every world file and every world-reading module. */
function stamps(worldFiles: readonly string[]): string {
  const all = [...worldFiles, ...CODE_DIRS.flatMap(filesUnder)];
  return all
    .map((path) => {
      const s = statSync(path);
      return `${relative(here, path)}:${s.size}:${s.mtimeMs}`;
    })
    .join('\n');
}

function entryPath(id: string): string {
  return join(cacheDir, `${id}.json`);
}

/**
 * The cached sections of bundled world `id` read from `files`, when nothing has changed since they
 * were validated; `undefined` otherwise (or when there is no cache folder to read).
 *
 * @example
 * readCachedWorld('eurasia', worldFiles(dir)); // undefined on the first run
 */
export function readCachedWorld(id: string, files: readonly string[]): CachedSections | undefined {
  try {
    const text = readFileSync(entryPath(id), 'utf8');
    const split = text.indexOf('\n\n');
    if (split < 0 || text.slice(0, split) !== stamps(files)) return undefined;
    return JSON.parse(text.slice(split + 2)) as CachedSections;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the validated sections of bundled world `id` for later processes. Best effort: a
 * read-only installation simply loads in full every time.
 */
export function writeCachedWorld(id: string, files: readonly string[], sections: CachedSections): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const path = entryPath(id);
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, `${stamps(files)}\n\n${JSON.stringify(sections)}`);
    renameSync(temp, path);
  } catch {
    // not cached: the next process validates again
  }
}
