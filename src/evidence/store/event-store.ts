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
  /** A curated event's title, or a non-CAMEO source's own coding (PLOVER 'ASSAULT / firearms / military'). */
  title?: string;
  /** Where the record came from: a world id, a file name. */
  origin: string;
  /** Evidence ids or, for events read from a file, the source URLs of the record. */
  evidence: string[];
  /** Line of the record in its file (events read from a file). */
  line?: number;
  /** The source's own actor codes (CAMEO actor/agent codes, ICEWS names), kept beside the ids. */
  sourceActor?: string;
  targetActor?: string;
  /** GDELT NumMentions (1 for sources without re-emission counts). */
  mentions?: number;
  /** GDELT IsRootEvent: the event is the article's main event. */
  root?: boolean;
}

export interface EventQuery {
  /** Only events from this origin (a world id, a file). */
  origin?: string;
  actor?: string;
  pair?: [string, string];
  from?: string;
  to?: string;
  limit?: number;
  /** Rows to skip first (paging; standard LIMIT … OFFSET). */
  offset?: number;
  /** Only events imported from event files (not a world's curated events). */
  imported?: boolean;
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

/** How re-emitted GDELT events count: once each, by NumMentions, or only root events. */
export type Weighting = 'events' | 'mentions' | 'root';

export interface DyadQuery {
  by: 'month' | 'year';
  directed: boolean;
  /** Only dyads between these actors. */
  actors?: readonly string[];
  weighting: Weighting;
  /** Only events imported from event files, leaving out worlds' curated events (the default). */
  imported: boolean;
  from?: string;
  to?: string;
}

export const DYAD_QUERY_DEFAULTS: Readonly<DyadQuery> = Object.freeze({
  by: 'month',
  directed: false,
  weighting: 'events',
  imported: true,
});

/**
 * One dyad in one period. Undirected rows have a < b; directed ones read a → b (source → target).
 * `count` is the weighted number of events, the sums are weighted Goldstein sums, `quad` the
 * weighted counts of verbal/material cooperation/conflict, and `score` = goldsteinSum / (10·count),
 * the mean Goldstein value scaled to [−1, 1].
 */
export interface DyadPeriod {
  a: string;
  b: string;
  period: string;
  count: number;
  goldsteinSum: number;
  goldsteinMean: number;
  coopSum: number;
  conflictSum: number;
  quad: [number, number, number, number];
  score: number;
}

export interface StoreStats {
  events: number;
  origins: { origin: string; events: number; from: string; to: string }[];
}

/** One file's import: rows are staged, then `commit` stores the new ones in one transaction. */
export interface ImportSession {
  add(batch: readonly EventRecord[]): Promise<void>;
  /** Stores every staged record whose id is not yet in the store (nor earlier in the file). */
  commit(): Promise<{ imported: number; duplicates: number }>;
  /** Drops what was staged; the store is as before. */
  abort(): Promise<void>;
}

export interface EventStore {
  /** Imports a batch all-or-nothing: on any error nothing of the batch is kept. */
  importEvents(batch: readonly EventRecord[]): Promise<ImportResult>;
  /** Replaces every event of `origin` with `batch`, in one transaction. */
  replaceOrigin(origin: string, batch: readonly EventRecord[]): Promise<ImportResult>;
  events(query?: EventQuery): Promise<EventRecord[]>;
  dyadMonths(query?: EventQuery): Promise<DyadMonth[]>;
  /** Starts a file import (one at a time per store). */
  beginImport(): Promise<ImportSession>;
  /** Dyad series per month or year, aggregated in SQL. */
  dyads(query?: Partial<DyadQuery>): Promise<DyadPeriod[]>;
  stats(): Promise<StoreStats>;
  count(): Promise<number>;
  close(): void;
}
