/**
 * Loads a world: reads its files, validates schema and cross-references, and indexes it.
 */
import { formatProblem, WorldValidationError } from '../domain/errors.js';
import type { World } from '../domain/world.js';
import { resolveWorldRef } from './bundled.js';
import { checkWorld } from './check-world.js';
import { isBuiltWorld, readBuiltWorld } from './global/built-format.js';
import { readWorldFiles } from './read-world-files.js';

/** Loading options. */
export interface LoadOptions {
  /** Stop locating problems after this many (the error lists these and counts all). */
  maxProblems: number;
}

export const LOAD_DEFAULTS: Readonly<LoadOptions> = Object.freeze({ maxProblems: 50 });

/**
 * Loads and validates a world by bundled id or path; throws `WorldValidationError` listing every
 * problem with file, line, field and a hint.
 *
 * @example
 * const world = loadWorld('eurasia');
 * world.actors.length; // ≥ 25
 */
export function loadWorld(ref: string, options: Partial<LoadOptions> = {}): World {
  const opts = { ...LOAD_DEFAULTS, ...options };
  const origin = resolveWorldRef(ref);
  if (isBuiltWorld(origin)) return readBuiltWorld(origin);
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
  const actors = pick(sections.actors);
  const evidence = pick(sections.evidence);
  return {
    meta: sections.meta[0]!.value,
    sources: pick(sections.sources),
    evidence,
    actors,
    capabilities: pick(sections.capabilities),
    ties: pick(sections.ties),
    events: pick(sections.events),
    corridors: pick(sections.corridors),
    memberships: pick(sections.memberships),
    claims: pick(sections.claims),
    actorById: new Map(actors.map((a) => [a.id, a])),
    evidenceById: new Map(evidence.map((e) => [e.id, e])),
    origin,
  };
}
