/**
 * Data the views share, fetched once per key: world details and snapshots. The last request for a
 * view wins (`latest`), so a fast-moving slider never paints a stale month over a newer one.
 */
import type { LayerName, SnapshotBody, WorldDetail } from '../../src/api/client.js';
import { api } from './api.js';

const worlds = new Map<string, Promise<WorldDetail>>();
const snapshots = new Map<string, Promise<SnapshotBody>>();
/** Snapshots kept in the page; the oldest are dropped first. */
export const SNAPSHOT_CACHE_SIZE = 400;

export function getWorld(id: string): Promise<WorldDetail> {
  let p = worlds.get(id);
  if (!p) {
    p = api.world(id);
    p.catch(() => worlds.delete(id));
    worlds.set(id, p);
  }
  return p;
}

export function getSnapshot(world: string, at: string, dimension: LayerName): Promise<SnapshotBody> {
  const key = `${world}|${at}|${dimension}`;
  let p = snapshots.get(key);
  if (!p) {
    p = api.snapshot(world, { at, dimension });
    p.catch(() => snapshots.delete(key));
    snapshots.set(key, p);
    if (snapshots.size > SNAPSHOT_CACHE_SIZE) snapshots.delete(snapshots.keys().next().value!);
  }
  return p;
}

/**
 * Wraps an async loader so only the result of the most recent call is delivered.
 *
 * @example
 * const load = latest(getSnapshot);
 * load('eurasia', '2016-09', 'composite').then((s) => s && draw(s)); // undefined when superseded
 */
export function latest<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  let ticket = 0;
  return async (...args: A): Promise<R | undefined> => {
    const mine = ++ticket;
    const result = await fn(...args);
    return mine === ticket ? result : undefined;
  };
}
