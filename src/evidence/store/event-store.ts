/**
 * The event store interface. Events (CAMEO-coded, with Goldstein scores) live in an embedded
 * DuckDB file by default; the same interface can be implemented on a server engine later, so the
 * SQL stays portable (no DuckDB-only functions in the queries that matter).
 */
import type { EventRecord } from '../../domain/event-record.js';

/** The store holds the one domain event type (see src/domain/event-record.ts). */
export type { EventRecord } from '../../domain/event-record.js';

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

/** How many events of one dyad-period come from one origin (file). */
export interface DyadOrigin {
  a: string;
  b: string;
  period: string;
  origin: string;
  events: number;
}

/** One event behind a dyad-period, as its evidence lists it. */
export interface DyadEvidenceRow {
  a: string;
  b: string;
  period: string;
  origin: string;
  id: string;
  /** Line in its file (0 for an event without one). */
  line: number;
  /** The record's first evidence entry (for events read from a file, its source URL), or ''. */
  url: string;
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

/**
 * The integer dedup key of an event id: the GlobalEventID of a GDELT id written the canonical way
 * (`gdelt:` and 1–18 digits without a leading zero), null for every other id. Two ids with a key
 * are equal exactly when their keys are, so the store may dedup GDELT rows on the integer alone.
 *
 * @example
 * eventKey('gdelt:950204398'); // 950204398n
 * eventKey('icews:1'); // null
 */
export function eventKey(id: string): bigint | null {
  return /^gdelt:[1-9]\d{0,17}$/.test(id) ? BigInt(id.slice(6)) : null;
}

/** Columns an event row is stored with, as a bulk plan computes them. */
export const BULK_COLUMNS = [
  'id',
  'key',
  'date',
  'source',
  'target',
  'cameo',
  'goldstein',
  'quad',
  'evidence',
  'line',
  'source_actor',
  'target_actor',
  'mentions',
  'root',
] as const;
export type BulkColumn = (typeof BULK_COLUMNS)[number];

/**
 * A delimited file the engine reads itself, the fast path of a file import. The engine exposes the
 * file's rows as VARCHAR columns `c0`, `c1`, … ('' for an empty cell, NULL past the end of a
 * padded short row), `line` (1-based), and the row's CAMEO code looked up in `codes` as
 * `code_goldstein` and `code_quad` (NULL when unknown). The plan's expressions are portable SQL
 * over those columns; how the engine reads the file (DuckDB's read_csv) is its own business.
 */
export interface BulkPlan {
  file: string;
  /** Stored as every row's origin. */
  origin: string;
  /** Cells of the longest row. */
  columns: number;
  /** Shorter rows are padded with NULL instead of failing the read. */
  padded: boolean;
  /** The column holding the CAMEO code. */
  codeColumn: string;
  codes: readonly { code: string; goldstein: number; quad: string }[];
  /** True when the reader would store the row exactly as `values` computes it. */
  sure: string;
  /** The row's integer dedup key (see `eventKey`); evaluated on sure rows only. */
  key: string;
  /** 1 when the file's Goldstein value differs from the lookup's, else 0; sure rows only. */
  mismatch: string;
  /** Each stored column (origin aside) as an expression; sure rows only. */
  values: Readonly<Record<BulkColumn, string>>;
}

export interface BulkResult {
  rows: number;
  imported: number;
  duplicates: number;
  goldsteinMismatches: number;
}

export interface EventStore {
  /**
   * Optional fast path of a file import: reads the file in the engine, and when every row is sure,
   * no id repeats within the file and `clean` (the caller's check of the raw bytes) resolves true,
   * stores the rows not yet held in one transaction. Resolves undefined, storing nothing, when any
   * of that fails: the caller then imports the file through its reader. `onJudged` hears the row
   * count once the file is judged sure, before anything is stored.
   */
  importBulk?(
    plan: BulkPlan,
    clean: Promise<boolean>,
    onJudged?: (rows: number) => void,
  ): Promise<BulkResult | undefined>;
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
  /** Events per dyad-period and origin, over the dyads and periods `dyads` sees (weighting aside). */
  dyadOrigins(query?: Partial<DyadQuery>): Promise<DyadOrigin[]>;
  /**
   * The first `perCell` events (by date, id) of every dyad-period and origin, streamed in batches
   * ordered by dyad, period, origin, date and id: one query for all dyads, rows never all in memory.
   */
  dyadEvidence(query: Partial<DyadQuery>, perCell: number): AsyncIterable<DyadEvidenceRow[]>;
  stats(): Promise<StoreStats>;
  count(): Promise<number>;
  close(): void;
}
