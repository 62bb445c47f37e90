/**
 * The embedded event store on DuckDB: one file (or `:memory:`), one `events` table, imports in a
 * transaction, dyad-month aggregation in SQL.
 */
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { InvalidInputError, type Problem } from '../../domain/errors.js';
import { isDate, startOf } from '../../domain/time.js';
import type { DyadMonth, EventQuery, EventRecord, EventStore, ImportResult } from './event-store.js';

export interface DuckDbStoreOptions {
  /** Rows per INSERT statement. */
  chunk: number;
  /** Default row limit of `events()`. */
  limit: number;
}

export const DUCKDB_STORE_DEFAULTS: Readonly<DuckDbStoreOptions> = Object.freeze({
  chunk: 500,
  limit: 10_000,
});

const SCHEMA = `CREATE TABLE IF NOT EXISTS events (
  id VARCHAR PRIMARY KEY, date DATE NOT NULL, source VARCHAR NOT NULL, target VARCHAR NOT NULL,
  cameo VARCHAR NOT NULL, goldstein DOUBLE NOT NULL, quad VARCHAR NOT NULL, dimension VARCHAR,
  title VARCHAR, origin VARCHAR NOT NULL, evidence VARCHAR NOT NULL)`;
const COLUMNS = 11;

function rowProblems(batch: readonly EventRecord[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  batch.forEach((e, i) => {
    const at = (field: string, message: string, hint?: string) =>
      problems.push({ file: e.origin, line: i + 1, field, message, hint });
    if (!e.id) at('id', 'missing id');
    else if (seen.has(e.id)) at('id', `duplicate id '${e.id}' in the batch`, 'ids must be unique');
    seen.add(e.id);
    if (!isDate(e.date)) at('date', `'${e.date}' is not a date`, 'use YYYY-MM-DD');
    if (!e.source || !e.target) at('source', 'source and target are required');
    if (!Number.isFinite(e.goldstein) || Math.abs(e.goldstein) > 10) {
      at('goldstein', `${e.goldstein} is outside [-10, 10]`, 'Goldstein scores run from -10 to +10');
    }
  });
  return problems;
}

function toRecord(r: Record<string, unknown>): EventRecord {
  return {
    id: String(r.id),
    date: String(r.date),
    source: String(r.source),
    target: String(r.target),
    cameo: String(r.cameo),
    goldstein: Number(r.goldstein),
    quad: String(r.quad),
    ...(r.dimension != null && { dimension: r.dimension as EventRecord['dimension'] }),
    ...(r.title != null && { title: String(r.title) }),
    origin: String(r.origin),
    evidence: String(r.evidence).split(';').filter(Boolean),
  };
}

function where(q: EventQuery): { sql: string; params: DuckDBValue[] } {
  const clauses: string[] = [];
  const params: DuckDBValue[] = [];
  if (q.origin) {
    params.push(q.origin);
    clauses.push(`origin = $${params.length}`);
  }
  if (q.actor) {
    params.push(q.actor, q.actor);
    clauses.push(`(source = $${params.length - 1} OR target = $${params.length})`);
  }
  if (q.pair) {
    const [a, b] = [...q.pair].sort();
    params.push(a!, b!);
    clauses.push(
      `(LEAST(source, target) = $${params.length - 1} AND GREATEST(source, target) = $${params.length})`,
    );
  }
  if (q.from) {
    params.push(startOf(q.from));
    clauses.push(`date >= CAST($${params.length} AS DATE)`);
  }
  if (q.to) {
    params.push(startOf(q.to));
    clauses.push(`date <= CAST($${params.length} AS DATE)`);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

class DuckDbEventStore implements EventStore {
  constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    private readonly opts: DuckDbStoreOptions,
  ) {}

  importEvents(batch: readonly EventRecord[]): Promise<ImportResult> {
    return this.write(batch);
  }

  replaceOrigin(origin: string, batch: readonly EventRecord[]): Promise<ImportResult> {
    const stray = batch.findIndex((e) => e.origin !== origin);
    if (stray >= 0) {
      throw new InvalidInputError({
        line: stray + 1,
        field: 'origin',
        message: `row is not from '${origin}'`,
      });
    }
    return this.write(batch, origin);
  }

  private async write(batch: readonly EventRecord[], replacing?: string): Promise<ImportResult> {
    const problems = rowProblems(batch);
    if (problems.length > 0) {
      throw new InvalidInputError(problems, `import rejected, nothing stored: ${problems.length} bad row(s)`);
    }
    await this.conn.run('BEGIN TRANSACTION');
    try {
      if (replacing !== undefined) await this.conn.run('DELETE FROM events WHERE origin = $1', [replacing]);
      for (let i = 0; i < batch.length; i += this.opts.chunk) {
        const part = batch.slice(i, i + this.opts.chunk);
        const rows = part.map(
          (_, k) => `(${Array.from({ length: COLUMNS }, (_, c) => `$${k * COLUMNS + c + 1}`).join(', ')})`,
        );
        const params: DuckDBValue[] = part.flatMap((e) => [
          e.id,
          startOf(e.date),
          e.source,
          e.target,
          e.cameo,
          e.goldstein,
          e.quad,
          e.dimension ?? null,
          e.title ?? null,
          e.origin,
          e.evidence.join(';'),
        ]);
        await this.conn.run(`INSERT INTO events VALUES ${rows.join(', ')}`, params);
      }
      await this.conn.run('COMMIT');
    } catch (err) {
      await this.conn.run('ROLLBACK');
      throw new InvalidInputError({
        message: `import rolled back, nothing stored: ${(err as Error).message}`,
        hint: 'an id may already be in the store',
      });
    }
    return { imported: batch.length, skipped: 0 };
  }

  async events(query: EventQuery = {}): Promise<EventRecord[]> {
    const w = where(query);
    const limit = Math.max(1, Math.min(query.limit ?? this.opts.limit, this.opts.limit));
    const reader = await this.conn.runAndReadAll(
      `SELECT id, strftime(date, '%Y-%m-%d') AS date, source, target, cameo, goldstein, quad, dimension, title, origin, evidence
       FROM events ${w.sql} ORDER BY date, id LIMIT ${limit}`,
      w.params,
    );
    return reader.getRowObjectsJson().map((r) => toRecord(r as Record<string, unknown>));
  }

  async dyadMonths(query: EventQuery = {}): Promise<DyadMonth[]> {
    const w = where(query);
    const reader = await this.conn.runAndReadAll(
      `SELECT LEAST(source, target) AS a, GREATEST(source, target) AS b, strftime(date, '%Y-%m') AS month,
              COUNT(*) AS events, AVG(goldstein) AS mean_goldstein,
              SUM(CASE WHEN goldstein > 0 THEN 1 ELSE 0 END) AS cooperative,
              SUM(CASE WHEN goldstein < 0 THEN 1 ELSE 0 END) AS conflictual
       FROM events ${w.sql} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      w.params,
    );
    return reader.getRowObjectsJson().map((r) => ({
      a: String(r.a),
      b: String(r.b),
      month: String(r.month),
      events: Number(r.events),
      meanGoldstein: Number(r.mean_goldstein),
      cooperative: Number(r.cooperative),
      conflictual: Number(r.conflictual),
    }));
  }

  async count(): Promise<number> {
    const reader = await this.conn.runAndReadAll('SELECT COUNT(*) AS n FROM events');
    return Number(reader.getRowObjectsJson()[0]?.n ?? 0);
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

/**
 * Opens (creating if needed) an event store in a DuckDB file, or in memory with `:memory:`.
 *
 * @example
 * const store = await openDuckDbStore(':memory:');
 * await store.importEvents(eventsOfWorld(loadWorld('eurasia')));
 * await store.dyadMonths({ pair: ['PAK', 'RUS'] });
 */
export async function openDuckDbStore(
  path: string,
  options: Partial<DuckDbStoreOptions> = {},
): Promise<EventStore> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  await conn.run(SCHEMA);
  return new DuckDbEventStore(instance, conn, { ...DUCKDB_STORE_DEFAULTS, ...options });
}
