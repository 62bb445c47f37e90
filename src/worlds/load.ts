/**
 * Loads a world: reads its files, validates schema and cross-references, and indexes it.
 */

import { basename, dirname } from 'node:path';
import { formatProblem, WorldValidationError } from '../domain/errors.js';
import type { World } from '../domain/world.js';
import { bundledWorldsDir, resolveWorldRef } from './bundled.js';
import { checkWorld } from './check-world.js';
import { isBuiltWorld, readBuiltWorld } from './global/built-format.js';
import { overlayWorld } from './overlay.js';
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

/**
 * Loads and validates a world by bundled id or path; throws `WorldValidationError` listing every
 * problem with file, line, field and a hint. `eurasia+global` overlays bundled worlds (see
 * overlay.ts): the first world's facts with the derived ties of the others beside them.
 *
 * @example
 * const world = loadWorld('eurasia');
 * world.actors.length; // ≥ 25
 */
export function loadWorld(ref: string, options: Partial<LoadOptions> = {}): World {
  const opts = { ...LOAD_DEFAULTS, ...options };
  const layers = ref.split('+');
  if (layers.length > 1 && layers.every((l) => /^[a-z][a-z0-9-]*$/.test(l))) {
    return layers
      .slice(1)
      .reduce((world, over) => overlayWorld(world, loadWorld(over, options)), loadWorld(layers[0]!, options));
  }
  const origin = resolveWorldRef(ref);
  if (isBuiltWorld(origin)) return readBuiltWorld(origin);
  const bundledId = opts.cache && dirname(origin) === bundledWorldsDir() ? basename(origin) : undefined;
  const files = bundledId === undefined ? [] : worldFiles(origin);
  const cached = bundledId === undefined ? undefined : readCachedWorld(bundledId, files);
  if (cached) return indexed(cached, origin);
  const read = readWorldFiles(origin, opts.maxProblems);
  const { sections } = read;
  const { problems: shown, total } = read.total === 0 ? checkWorld(sections, opts.maxProblems) : read;
  if (total > 0) {
    const more = total > shown.length ? `\n… and ${total - shown.length} more` : '';
    throw new WorldValidationError(
      shown,
      `world '${ref}' is invalid (${total} problem${total === 1 ? '' : 's'}):\n` +
        shown.map((p) => `  ${formatProblem(p)}`).join('\n') +
        more,
      total,
    );
  }
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
