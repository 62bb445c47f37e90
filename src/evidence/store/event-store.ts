/**
 * The event store interface. Events (CAMEO-coded, with Goldstein scores) live in an embedded
 * DuckDB file by default; the same interface can be implemented on a server engine later, so the
 * SQL stays portable (no DuckDB-only functions in the queries that matter).
 */
import type { Dimension } from '../../domain/schema.js';

/** One event as stored: a dated, coded interaction between two actors. */
export interface EventRecord {
  id: string;
  /** ISO date, YYYY-MM-DD (month-resolution events use the first of the month). */
  date: string;
  source: string;
  target: string;
  cameo: string;
  goldstein: number;
  quad: string;
  dimension?: Dimension;
  title?: string;
  /** Where the record came from: a world id, a file name. */
  origin: string;
  evidence: string[];
}

export interface EventQuery {
  /** Only events from this origin (a world id, a file). */
  origin?: string;
  actor?: string;
  pair?: [string, string];
  from?: string;
  to?: string;
  limit?: number;
}

/** Events of one undirected dyad aggregated per month. */
export interface DyadMonth {
  a: string;
  b: string;
  month: string;
  events: number;
  meanGoldstein: number;
  cooperative: number;
  conflictual: number;
}

export interface ImportResult {
  imported: number;
  skipped: number;
}

export interface EventStore {
  /** Imports a batch all-or-nothing: on any error nothing of the batch is kept. */
  importEvents(batch: readonly EventRecord[]): Promise<ImportResult>;
  /** Replaces every event of `origin` with `batch`, in one transaction. */
  replaceOrigin(origin: string, batch: readonly EventRecord[]): Promise<ImportResult>;
  events(query?: EventQuery): Promise<EventRecord[]>;
  dyadMonths(query?: EventQuery): Promise<DyadMonth[]>;
  count(): Promise<number>;
  close(): void;
}
