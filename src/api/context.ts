/** What every route module gets: the world registry, the options, the job queue, the event store. */
import type { ConcurrencyGate } from './concurrency-gate.js';
import type { JobQueue } from './jobs.js';
import type { ApiOptions } from './options.js';
import type { WorldEvents } from './world-events.js';
import type { WorldRegistry } from './world-registry.js';

export interface ApiContext {
  registry: WorldRegistry;
  options: ApiOptions;
  jobs: JobQueue;
  /** Admits bargaining forecasts to their worker threads. */
  forecasts: ConcurrencyGate;
  /** The event store (DuckDB), opened on first use. */
  events: WorldEvents;
  startedAt: number;
}
