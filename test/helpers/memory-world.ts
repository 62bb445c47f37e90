import type { World } from '../../src/domain/world.js';

/**
 * A world held in memory for unit tests: states with the given ids, empty sections except those
 * passed in, and `meta` merged over a neutral default.
 *
 * @example
 * const w = memoryWorld(['A', 'B'], { ties: [tieAB], meta: { compositeCarryBackMonths: 60 } });
 */
export function memoryWorld(
  ids: readonly string[],
  parts: Partial<Omit<World, 'meta'>> & { meta?: Partial<World['meta']> } = {},
): World {
  const { meta, ...rest } = parts;
  return {
    sources: [],
    evidence: [],
    actors: ids.map((id) => ({ id, kind: 'state', name: id, aliases: [], evidence: ['e'] })),
    capabilities: [],
    ties: [],
    events: [],
    corridors: [],
    memberships: [],
    claims: [],
    actorById: new Map(),
    evidenceById: new Map(),
    origin: 'memory',
    ...rest,
    meta: { id: 'w', name: 'w', description: '', period: { from: '1971', to: '2021' }, ...meta },
  };
}
