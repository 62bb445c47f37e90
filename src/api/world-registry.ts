/**
 * The worlds a server offers, loaded once and kept in memory, with their snapshots cached per
 * (world, date, layer). Worlds are addressed by their meta id, so a world read from a path and a
 * bundled world share one route shape (`/api/worlds/:world/…`). Derived sources (an event store)
 * are composed onto the worlds given at start-up through `openWorld`, and offered under the
 * composed id (`eurasia+events`) beside the plain world, without changing the routes.
 */
import { NotFoundError } from '../domain/errors.js';
import type { Layer, Snapshot, World } from '../domain/world.js';
import type { WorldSource } from '../domain/world-source.js';
import { bundledWorldIds } from '../worlds/bundled.js';
import { openWorld } from '../worlds/open-world.js';
import { snapshot } from '../worlds/snapshot.js';
import { LruCache } from './lru.js';

export interface WorldEntry {
  id: string;
  /** `bundled` ships with the package; `file` was given on the command line. */
  origin: 'bundled' | 'file';
  ref: string;
}

export class WorldRegistry {
  readonly #entries = new Map<string, WorldEntry>();
  readonly #loaded = new Map<string, World>();
  /** Start-up reference → the id of that world composed with the sources. */
  readonly #composed = new Map<string, string>();
  readonly #snapshots: LruCache<string, Snapshot>;

  /**
   * Registers the bundled worlds and loads every extra reference now, so a bad path fails at
   * start-up rather than on the first request.
   *
   * @example
   * const registry = new WorldRegistry(['./my-world.yaml'], 1000);
   * registry.snapshot('eurasia', '2021-12', 'composite').ties.length;
   * new WorldRegistry(['eurasia'], 1000, [eventSource]).idForRef('eurasia'); // 'eurasia+events'
   */
  constructor(extraRefs: readonly string[], snapshotCacheSize: number, sources: readonly WorldSource[] = []) {
    this.#snapshots = new LruCache(snapshotCacheSize);
    for (const id of bundledWorldIds()) this.#entries.set(id, { id, origin: 'bundled', ref: id });
    for (const ref of extraRefs) {
      if (this.#entries.get(ref)?.origin !== 'bundled') this.#add(ref, openWorld(ref));
      if (sources.length > 0) this.#composed.set(ref, this.#add(ref, openWorld(ref, { sources })));
    }
  }

  #add(ref: string, world: World): string {
    this.#entries.set(world.meta.id, { id: world.meta.id, origin: 'file', ref });
    this.#loaded.set(world.meta.id, world);
    return world.meta.id;
  }

  /** The id of the world a reference (id or path given at start-up) names, composed when sources were given. */
  idForRef(ref: string): string {
    const composed = this.#composed.get(ref);
    if (composed !== undefined) return composed;
    if (this.#entries.has(ref)) return ref;
    for (const entry of this.#entries.values()) if (entry.ref === ref) return entry.id;
    return this.entry(ref).id;
  }

  /** Every world id on offer, sorted. */
  ids(): string[] {
    return [...this.#entries.keys()].sort();
  }

  entry(id: string): WorldEntry {
    const entry = this.#entries.get(id);
    if (!entry) {
      throw new NotFoundError(`no world '${id}' on this server (worlds: ${this.ids().join(', ')})`);
    }
    return entry;
  }

  /** The world with this id, loading it on first use. */
  world(id: string): World {
    const cached = this.#loaded.get(id);
    if (cached) return cached;
    const world = openWorld(this.entry(id).ref);
    this.#loaded.set(id, world);
    return world;
  }

  /** The ids of worlds already in memory. */
  loadedIds(): string[] {
    return [...this.#loaded.keys()].sort();
  }

  /** The snapshot of a world at `at` on `layer`, cached. */
  snapshot(id: string, at: string, layer: Layer): Snapshot {
    const world = this.world(id);
    return this.#snapshots.getOrCreate(`${id}\u0000${at}\u0000${layer}`, () =>
      snapshot(world, at, { layer }),
    );
  }
}
