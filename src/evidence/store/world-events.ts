/** A world's curated events as event-store records (the world id is their origin). */
import { startOf } from '../../domain/time.js';
import type { World } from '../../domain/world.js';
import type { EventRecord } from './event-store.js';

/**
 * Converts every event of a world, keeping its evidence ids.
 *
 * @example
 * await store.importEvents(eventsOfWorld(openWorld('eurasia')));
 */
export function eventsOfWorld(world: World): EventRecord[] {
  return world.events.map((e) => ({
    id: `${world.meta.id}:${e.id}`,
    date: startOf(e.date),
    source: e.source,
    target: e.target,
    cameo: e.cameo,
    goldstein: e.goldstein,
    quad: e.quad,
    dimension: e.dimension,
    title: e.title,
    origin: world.meta.id,
    evidence: [...e.evidence],
  }));
}
