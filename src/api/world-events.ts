/**
 * The server's event store: a DuckDB file (`--db`) or memory, opened once, holding each served
 * world's curated events (re-imported from the world files when the server starts using a world,
 * so the store never drifts from them). Event-data imports will add other origins beside them.
 */
import { InvalidInputError } from '../domain/errors.js';
import { openDuckDbStore } from '../evidence/store/duckdb-store.js';
import type { EventStore } from '../evidence/store/event-store.js';
import { eventsOfWorld } from '../evidence/store/world-events.js';
import type { WorldRegistry } from './world-registry.js';

export interface EventStoreStatus {
  path: string | null;
  status: 'connected' | 'memory' | 'not-opened';
  events: number | null;
}

export class WorldEvents {
  private opened?: Promise<EventStore>;
  private readonly synced = new Map<string, Promise<void>>();
  private count: number | null = null;

  constructor(
    private readonly registry: WorldRegistry,
    private readonly path: string | undefined,
  ) {}

  /** Opens the store (once); a file in use by another process is a clear error. */
  open(): Promise<EventStore> {
    this.opened ??= openDuckDbStore(this.path ?? ':memory:').catch((err: Error) => {
      this.opened = undefined;
      throw new InvalidInputError({
        field: '--db',
        message: `cannot open the event store '${this.path}': ${err.message.split('\n')[0]}`,
        hint: 'another counterbalance server may hold it; pass --db with another file',
      });
    });
    return this.opened;
  }

  /** The store with `worldId`'s events in it. */
  async forWorld(worldId: string): Promise<EventStore> {
    const store = await this.open();
    let sync = this.synced.get(worldId);
    if (!sync) {
      sync = store.replaceOrigin(worldId, eventsOfWorld(this.registry.world(worldId))).then(async () => {
        this.count = await store.count();
      });
      sync.catch(() => this.synced.delete(worldId));
      this.synced.set(worldId, sync);
    }
    await sync;
    return store;
  }

  status(): EventStoreStatus {
    return {
      path: this.path ?? null,
      status: this.opened ? (this.path ? 'connected' : 'memory') : 'not-opened',
      events: this.count,
    };
  }

  async close(): Promise<void> {
    const store = this.opened;
    this.opened = undefined;
    if (store) (await store.catch(() => undefined))?.close();
  }
}
