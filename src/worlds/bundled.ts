/**
 * Bundled worlds live in the package's `data/worlds/<id>/`; a world reference is either such an id
 * or a path to a world file or directory.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotFoundError } from '../domain/errors.js';

/** Directory that holds the bundled worlds (works from `src/` under tsx and from `dist/src/`). */
export function bundledWorldsDir(): string {
  for (const rel of ['../../data/worlds', '../../../data/worlds']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  throw new NotFoundError('the bundled worlds folder data/worlds is missing from this installation');
}

/** Ids of the bundled worlds, sorted. */
export function bundledWorldIds(): string[] {
  const dir = bundledWorldsDir();
  return readdirSync(dir)
    .filter((name) => statSync(resolve(dir, name)).isDirectory())
    .sort();
}

/**
 * Resolves a world reference to a file or directory path. A bare id names a bundled world even
 * when the current folder holds something of the same name (reach that as `./id`).
 *
 * @example
 * resolveWorldRef('eurasia'); // …/data/worlds/eurasia
 * resolveWorldRef('./my-world.yaml'); // absolute path of that file
 */
export function resolveWorldRef(ref: string): string {
  if (/^[a-z][a-z0-9-]*$/.test(ref)) {
    const dir = resolve(bundledWorldsDir(), ref);
    if (existsSync(dir)) return dir;
    if (!existsSync(ref)) {
      throw new NotFoundError(
        `no bundled world '${ref}' (bundled: ${bundledWorldIds().join(', ')}); pass a path to a world file or folder otherwise`,
      );
    }
  }
  const path = resolve(ref);
  if (!existsSync(path)) throw new NotFoundError(`world file or folder '${ref}' does not exist`);
  return path;
}
