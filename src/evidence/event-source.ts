/**
 * The event store as a source of derived facts for `openWorld` (src/domain/world-source.ts): the
 * ties `worldFromEvents` derives (origin `events`), among the actors of the world they are laid
 * over, with the evidence that lists the events behind each value. Laid over a curated world, a
 * dyad and dimension the curators coded keeps their value and shows the event-derived one beside
 * it; one they left open takes the event-derived value, marked `origin: events`.
 */
import { WorldFile } from '../domain/schema.js';
import type { World } from '../domain/world.js';
import { citedBy, type DerivedFacts, type WorldSource } from '../domain/world-source.js';
import type { EventStore } from './store/event-store.js';
import {
  WORLD_FROM_EVENTS_DEFAULTS,
  type WorldFromEventsOptions,
  worldFromEvents,
} from './world-from-events.js';

/** The origin the event-derived series carry (world-from-events.ts). */
export const EVENTS_ORIGIN = 'events';

/**
 * Reads the store's dyad series now (among `options.actors` when given) and returns a source that
 * hands over those among a world's actors. The store may be closed once this resolves.
 *
 * @example
 * const source = await openEventSource(store, { actors: ['RUS', 'PAK', 'IND', 'CHN', 'USA'] });
 * openWorld('eurasia', { sources: [source] }).meta.id; // 'eurasia+events'
 */
export async function openEventSource(
  store: EventStore,
  options: Partial<Omit<WorldFromEventsOptions, 'id'>> = {},
): Promise<WorldSource> {
  const file = WorldFile.parse(await worldFromEvents(store, { ...WORLD_FROM_EVENTS_DEFAULTS, ...options }));
  return {
    origin: EVENTS_ORIGIN,
    facts(base: World): DerivedFacts {
      const ties = file.ties.filter((t) => base.actorById.has(t.a) && base.actorById.has(t.b));
      return { ties, ...citedBy(ties, file) };
    },
  };
}
