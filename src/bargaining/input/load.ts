/**
 * Reads a bargaining issue from disk: a KTAB CSV (`.csv`) or a YAML issue (`.yaml`, `.yml`,
 * `.json`). A bare name resolves to a bundled issue: `scenarios/bargaining/<name>.yaml` or the
 * KTAB examples in `data/bargaining/<name>.csv`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotFoundError } from '../../domain/errors.js';
import { readTextFile } from '../../worlds/read-text-file.js';
import type { BargainingInput } from '../types.js';
import { type IssueOptions, parseIssueYaml } from './issue-yaml.js';
import { parseKtabCsv } from './ktab-csv.js';
import { worldCapabilities } from './world-capability.js';

/** Folders of bundled issues, found from `src/` (tsx) and from `dist/src/`. */
function bundledDirs(): string[] {
  const dirs: string[] = [];
  for (const root of ['../../../', '../../../../']) {
    for (const rel of ['scenarios/bargaining', 'data/bargaining']) {
      const dir = fileURLToPath(new URL(root + rel, import.meta.url));
      if (existsSync(dir)) dirs.push(dir);
    }
    if (dirs.length > 0) return dirs;
  }
  return dirs;
}

const READERS: Record<string, 'csv' | 'yaml'> = {
  '.csv': 'csv',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'yaml',
};

/**
 * Names of the bundled issues (YAML scenarios and KTAB CSV examples), sorted.
 *
 * @example
 * bundledIssueNames(); // ['SOE-Pol-Comp', …, 'dummyData_3Dim', …, 'russia-joins-cpec', …]
 */
export function bundledIssueNames(): string[] {
  return bundledDirs()
    .flatMap((dir) => readdirSync(dir).filter((f) => extname(f) in READERS))
    .map((f) => basename(f, extname(f)))
    .sort();
}

/**
 * The file of the bundled issue `name`, or `undefined`: never a path in the working directory
 * (the HTTP API resolves names with this only).
 *
 * @example
 * bundledIssuePath('dummyData_3Dim'); // …/data/bargaining/dummyData_3Dim.csv
 */
export function bundledIssuePath(name: string): string | undefined {
  if (!bundledIssueNames().includes(name)) return undefined;
  for (const dir of bundledDirs()) {
    for (const ext of Object.keys(READERS)) {
      const path = resolve(dir, name + ext);
      if (existsSync(path) && statSync(path).isFile()) return path;
    }
  }
  return undefined;
}

/** A path for `ref`: an existing file, or a bundled issue by name. */
export function resolveIssueRef(ref: string): string {
  if (existsSync(ref)) return resolve(ref);
  const bundled = bundledIssuePath(ref);
  if (bundled !== undefined) return bundled;
  throw new NotFoundError(
    `no bargaining issue '${ref}': not a file, nor a bundled issue (bundled: ${bundledIssueNames().join(', ')})`,
  );
}

/**
 * Loads an issue by path or bundled name. YAML issues may leave capabilities to a world: `world`
 * and `at` override the file's `world:` and `date:`.
 *
 * @example
 * const issue = loadBargainingInput('dummyData_3Dim');
 * const cpec = loadBargainingInput('russia-joins-cpec', { at: '2017' });
 */
export function loadBargainingInput(
  ref: string,
  options: Omit<IssueOptions, 'capabilities'> = {},
): BargainingInput {
  const path = resolveIssueRef(ref);
  const reader = READERS[extname(path).toLowerCase()];
  if (reader === undefined) {
    throw new NotFoundError(`'${ref}' is neither a KTAB .csv nor a YAML issue (.yaml, .yml, .json)`);
  }
  const text = readTextFile(path, ref);
  const file = basename(path);
  return reader === 'csv'
    ? parseKtabCsv(text, file)
    : parseIssueYaml(text, file, { ...options, capabilities: worldCapabilities });
}
