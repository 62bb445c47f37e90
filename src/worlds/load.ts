/**
 * Loads a world's curated files: reads them, validates schema and cross-references, and indexes
 * them. Callers open worlds through `openWorld` (open-world.ts), which adds derived sources.
 */

import { basename, dirname } from 'node:path';
import { formatProblem, type Problem, WorldValidationError } from '../domain/errors.js';
import type { World } from '../domain/world.js';
import { bundledWorldsDir, resolveWorldRef } from './bundled.js';
import { checkWorld } from './check-world.js';
import { isBuiltWorld, readBuiltWorld } from './global/built-format.js';
import { readWorldFiles, worldFiles } from './read-world-files.js';
import { type CachedSections, readCachedWorld, writeCachedWorld } from './world-cache.js';

/** Loading options. */
export interface LoadOptions {
  /** Stop locating problems after this many (the error lists these and counts all). */
  maxProblems: number;
  /** Reuse a bundled world validated earlier while its files and the loading code are unchanged. */
  cache: boolean;
}

export const LOAD_DEFAULTS: Readonly<LoadOptions> = Object.freeze({ maxProblems: 50, cache: true });

function indexed(s: CachedSections, origin: string): World {
  return {
    ...s,
    actorById: new Map(s.actors.map((a) => [a.id, a])),
    evidenceById: new Map(s.evidence.map((e) => [e.id, e])),
    origin,
  };
}

/** Throws the `WorldValidationError` of `world` listing the problems shown and counting all. */
export function failInvalid(world: string, shown: readonly Problem[], total: number): never {
  const more = total > shown.length ? `\n… and ${total - shown.length} more` : '';
  throw new WorldValidationError(
    [...shown],
    `world '${world}' is invalid (${total} problem${total === 1 ? '' : 's'}):\n` +
      shown.map((p) => `  ${formatProblem(p)}`).join('\n') +
      more,
    total,
  );
}

/**
 * Loads and validates the curated world at a bundled id or path; throws `WorldValidationError`
 * listing every problem with file, line, field and a hint.
 *
 * @example
 * const world = loadWorld('eurasia');
 * world.actors.length; // ≥ 25
 */
export function loadWorld(ref: string, options: Partial<LoadOptions> = {}): World {
  const opts = { ...LOAD_DEFAULTS, ...options };
  const origin = resolveWorldRef(ref);
  if (isBuiltWorld(origin)) return readBuiltWorld(origin);
  const bundledId = opts.cache && dirname(origin) === bundledWorldsDir() ? basename(origin) : undefined;
  const files = bundledId === undefined ? [] : worldFiles(origin);
  const cached = bundledId === undefined ? undefined : readCachedWorld(bundledId, files);
  if (cached) return indexed(cached, origin);
  const read = readWorldFiles(origin, opts.maxProblems);
  const { sections } = read;
  const { problems: shown, total } = read.total === 0 ? checkWorld(sections, opts.maxProblems) : read;
  if (total > 0) failInvalid(ref, shown, total);
  const pick = <T>(xs: { value: T }[]) => xs.map((x) => x.value);
  const loaded: CachedSections = {
    meta: sections.meta[0]!.value,
    sources: pick(sections.sources),
    evidence: pick(sections.evidence),
    actors: pick(sections.actors),
    capabilities: pick(sections.capabilities),
    ties: pick(sections.ties),
    events: pick(sections.events),
    corridors: pick(sections.corridors),
    memberships: pick(sections.memberships),
    claims: pick(sections.claims),
  };
  if (bundledId !== undefined) writeCachedWorld(bundledId, files, loaded);
  return indexed(loaded, origin);
}
