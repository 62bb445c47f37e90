/**
 * The embedded event store on DuckDB: one file (or `:memory:`), one `events` table, imports in a
 * transaction, dyad-month aggregation in SQL.
 */
import { stat } from 'node:fs/promises';
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { InvalidInputError, type Problem } from '../../domain/errors.js';
import { isDate, startOf } from '../../domain/time.js';
import { bulkCheckSql, bulkHeldSql, bulkInsertSql } from './bulk-sql.js';
import { dyadEvidenceSql, dyadMonthsSql, dyadOriginsSql, dyadSql, GOLDSTEIN_SCALE } from './dyad-sql.js';
import {
  type BulkPlan,
  type BulkResult,
  DYAD_QUERY_DEFAULTS,
  type DyadEvidenceRow,
  type DyadMonth,
  type DyadOrigin,
  type DyadPeriod,
  type DyadQuery,
  type EventQuery,
  type EventRecord,
  type EventStore,
  eventKey,
  type ImportResult,
  type ImportSession,
  type StoreStats,
} from './event-store.js';

export interface DuckDbStoreOptions {
  /** Rows per INSERT statement. */
  chunk: number;
  /** Default row limit of `events()`. */
  limit: number;
  /** DuckDB's memory limit; staged imports beyond it spill to disk, so any file size streams. */
  memoryLimit: string;
  /**
   * Threads of a bulk import (0: DuckDB's default, one per core). On a busy machine one thread
   * spends less CPU per row; on an idle one more threads finish sooner.
   */
  importThreads: number;
  /**
   * Threads of every other statement (0: DuckDB's default). Results do not depend on it: every
   * query orders its rows and sums exactly (see dyad-sql.ts).
   */
  threads: number;
}

export const DUCKDB_STORE_DEFAULTS: Readonly<DuckDbStoreOptions> = Object.freeze({
  chunk: 500,
  limit: 10_000,
  memoryLimit: '256MB',
  importThreads: 1,
  threads: 0,
});
const threadsSql = (n: number) => (n > 0 ? `SET threads = ${Math.floor(n)}` : 'RESET threads');

// No PRIMARY KEY: each write checks its ids against the store in its transaction (see bulk-sql.ts).
// Stores made with one keep it; it never fires, since the checks come first.
const SCHEMA = `CREATE TABLE IF NOT EXISTS events (
  id VARCHAR NOT NULL, date DATE NOT NULL, source VARCHAR NOT NULL, target VARCHAR NOT NULL,
  cameo VARCHAR NOT NULL, goldstein DOUBLE NOT NULL, quad VARCHAR NOT NULL, dimension VARCHAR,
  title VARCHAR, origin VARCHAR NOT NULL, evidence VARCHAR NOT NULL)`;
/** Columns of events read from files, added to stores made before them. */
const FILE_COLUMNS = [
  'line INTEGER',
  'source_actor VARCHAR',
  'target_actor VARCHAR',
  'mentions INTEGER',
  'root INTEGER',
  'key BIGINT',
];
const WORLD_COLUMNS =
  'id, key, date, source, target, cameo, goldstein, quad, dimension, title, origin, evidence';
const COLUMNS = 12;
const STAGED =
  'id, key, date, source, target, cameo, goldstein, quad, title, origin, evidence, line, source_actor, target_actor, mentions, root';
/** Keys of GDELT ids stored before the key column existed, computed once when it is added. */
const BACKFILL_KEYS = `UPDATE events SET key = CAST(SUBSTRING(id FROM 7) AS BIGINT)
  WHERE key IS NULL AND id LIKE 'gdelt:%' AND LENGTH(id) BETWEEN 7 AND 24
    AND SUBSTRING(id FROM 7 FOR 1) <> '0' AND TRIM(BOTH '0123456789' FROM SUBSTRING(id FROM 7)) = ''`;
/** `YYYY-MM` or `YYYY` from the EXTRACTed year and month. */
const periodOf = (by: DyadQuery['by'], y: unknown, m: unknown) =>
  by === 'year' ? String(y) : `${y}-${String(m).padStart(2, '0')}`;
const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

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
    quad: String(r.quad) as EventRecord['quad'],
    ...(r.dimension != null && { dimension: r.dimension as EventRecord['dimension'] }),
    ...(r.title != null && { title: String(r.title) }),
    origin: String(r.origin),
    evidence: String(r.evidence).split(';').filter(Boolean),
    ...(r.line != null && { line: Number(r.line) }),
    ...(r.source_actor != null && { sourceActor: String(r.source_actor) }),
    ...(r.target_actor != null && { targetActor: String(r.target_actor) }),
    ...(r.mentions != null && { mentions: Number(r.mentions) }),
    ...(r.root != null && { root: Number(r.root) === 1 }),
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
    const [lo, hi] = [`$${params.length - 1}`, `$${params.length}`];
    clauses.push(`((source = ${lo} AND target = ${hi}) OR (source = ${hi} AND target = ${lo}))`);
  }
  if (q.imported) clauses.push('line IS NOT NULL');
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

/**
 * The file of a bulk plan as DuckDB reads it: VARCHAR cells `c0`, `c1`, … and `line` (1-based).
 * Empty cells stay '' (a cell equal to the null string \x01 is binary, which the caller's clean
 * check refuses), cells missing from a padded short row are NULL.
 *
 * @example
 * duckDbFileRelation(gdeltBulkPlan('20201115.export.CSV', 'gdelt2')!); // "(SELECT *, ordinality AS line FROM read_csv(…"
 */
export function duckDbFileRelation(plan: BulkPlan): string {
  const columns = Array.from({ length: plan.columns }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  return `(SELECT *, ordinality AS line FROM read_csv(${quote(plan.file)}, columns = {${columns}},
        delim = '\t', header = false, quote = '', escape = '', auto_detect = false, nullstr = '\x01',
        strict_mode = true, null_padding = ${plan.padded}) WITH ORDINALITY)`;
}

/**
 * Fills the temporary table `table` (code, goldstein, quad) with the plan's CAMEO lookup, the
 * table a bulk import joins the file's codes against.
 *
 * @example
 * await fillCodesTable(conn, 'bulk_codes_1', plan);
 */
export async function fillCodesTable(conn: DuckDBConnection, table: string, plan: BulkPlan): Promise<void> {
  const appender = await conn.createAppender(table, 'main', 'temp');
  for (const c of plan.codes) {
    appender.appendVarchar(c.code);
    appender.appendDouble(c.goldstein);
    appender.appendVarchar(c.quad);
    appender.endRow();
  }
  appender.closeSync();
}

class DuckDbEventStore implements EventStore {
  private imports = 0;

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
        const ids = batch.slice(i, i + this.opts.chunk).map((e) => e.id);
        const held = await this.conn.runAndReadAll(
          `SELECT id FROM events WHERE id IN (${ids.map((_, k) => `$${k + 1}`).join(', ')}) LIMIT 1`,
          ids,
        );
        const clash = held.getRowObjectsJson()[0];
        if (clash) throw new Error(`id '${clash.id}' is already in the store`);
      }
      for (let i = 0; i < batch.length; i += this.opts.chunk) {
        const part = batch.slice(i, i + this.opts.chunk);
        const rows = part.map(
          (_, k) => `(${Array.from({ length: COLUMNS }, (_, c) => `$${k * COLUMNS + c + 1}`).join(', ')})`,
        );
        const params: DuckDBValue[] = part.flatMap((e) => [
          e.id,
          eventKey(e.id),
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
        await this.conn.run(`INSERT INTO events (${WORLD_COLUMNS}) VALUES ${rows.join(', ')}`, params);
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
      `SELECT id, CAST(date AS VARCHAR) AS date, source, target, cameo, goldstein, quad, dimension, title, origin, evidence,
              line, source_actor, target_actor, mentions, root
       FROM events ${w.sql} ORDER BY date, id LIMIT ${limit} OFFSET ${Math.max(0, Math.floor(query.offset ?? 0))}`,
      w.params,
    );
    return reader.getRowObjectsJson().map((r) => toRecord(r as Record<string, unknown>));
  }

  async dyadMonths(query: EventQuery = {}): Promise<DyadMonth[]> {
    const w = where(query);
    const reader = await this.conn.runAndReadAll(dyadMonthsSql(w.sql), w.params);
    return reader.getRowObjectsJson().map((r) => ({
      a: String(r.a),
      b: String(r.b),
      month: periodOf('month', r.y, r.m),
      events: Number(r.events),
      // One division of an exact sum (as in `dyads`): the same bytes whatever order rows add in.
      meanGoldstein: Number(r.gsum) / (GOLDSTEIN_SCALE * Number(r.events)),
      cooperative: Number(r.cooperative),
      conflictual: Number(r.conflictual),
    }));
  }

  async beginImport(): Promise<ImportSession> {
    const table = `staging_${++this.imports}`;
    await this.conn.run(
      `CREATE TEMP TABLE ${table} (id VARCHAR, key BIGINT, date VARCHAR, source VARCHAR, target VARCHAR, cameo VARCHAR,
        goldstein DOUBLE, quad VARCHAR, title VARCHAR, origin VARCHAR, evidence VARCHAR, line INTEGER, source_actor VARCHAR,
        target_actor VARCHAR, mentions INTEGER, root INTEGER)`,
    );
    const appender = await this.conn.createAppender(table, 'main', 'temp');
    const conn = this.conn;
    let open = true;
    const drop = async () => {
      if (!open) return;
      open = false;
      appender.closeSync();
      await conn.run(`DROP TABLE ${table}`);
    };
    return {
      async add(batch) {
        for (const e of batch) {
          appender.appendVarchar(e.id);
          const key = eventKey(e.id);
          if (key === null) appender.appendNull();
          else appender.appendBigInt(key);
          appender.appendVarchar(e.date);
          appender.appendVarchar(e.source);
          appender.appendVarchar(e.target);
          appender.appendVarchar(e.cameo);
          appender.appendDouble(e.goldstein);
          appender.appendVarchar(e.quad);
          if (e.title === undefined) appender.appendNull();
          else appender.appendVarchar(e.title);
          appender.appendVarchar(e.origin);
          appender.appendVarchar(e.evidence.join(';'));
          appender.appendInteger(e.line ?? 0);
          appender.appendVarchar(e.sourceActor ?? '');
          appender.appendVarchar(e.targetActor ?? '');
          appender.appendInteger(e.mentions ?? 1);
          appender.appendInteger(e.root === false ? 0 : 1);
          appender.endRow();
        }
      },
      async commit() {
        appender.flushSync();
        const staged = await conn.runAndReadAll(`SELECT COUNT(*) AS n FROM ${table}`);
        await conn.run('BEGIN TRANSACTION');
        try {
          // The first row of each id in the file, and only ids the store does not hold yet.
          const result = await conn.run(
            `INSERT INTO events (${STAGED})
             SELECT s.id, s.key, CAST(s.date AS DATE), s.source, s.target, s.cameo, s.goldstein, s.quad, s.title, s.origin,
                    s.evidence, s.line, s.source_actor, s.target_actor, s.mentions, s.root
             FROM ${table} s
             WHERE s.line IN (SELECT MIN(line) FROM ${table} GROUP BY id)
               AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = s.id)`,
          );
          await conn.run('COMMIT');
          const imported = Number(result.rowsChanged);
          return { imported, duplicates: Number(staged.getRowObjectsJson()[0]?.n ?? 0) - imported };
        } catch (err) {
          await conn.run('ROLLBACK');
          throw err;
        } finally {
          await drop();
        }
      },
      abort: drop,
    };
  }

  async importBulk(
    plan: BulkPlan,
    clean: Promise<boolean>,
    onJudged?: (rows: number) => void,
  ): Promise<BulkResult | undefined> {
    // read_csv takes glob patterns: a name with glob characters could read other files.
    if (/[*?[\]{}]/.test(plan.file)) return undefined;
    const codes = `bulk_codes_${++this.imports}`;
    const relation = duckDbFileRelation(plan);
    const before = await stat(plan.file);
    await this.conn.run(`CREATE TEMP TABLE ${codes} (code VARCHAR, goldstein DOUBLE, quad VARCHAR)`);
    let open = false;
    // The stored order of rows carries no meaning (every query orders), so the engine may write
    // them as its threads finish; both settings are the import's only.
    await this.conn.run('SET preserve_insertion_order = false');
    if (this.opts.importThreads > 0)
      await this.conn.run(`SET threads = ${Math.floor(this.opts.importThreads)}`);
    try {
      await fillCodesTable(this.conn, codes, plan);
      // A read the engine refuses (a row with too many cells, bytes that are not UTF-8) is the
      // reader's to explain.
      const judged = this.conn.runAndReadAll(bulkCheckSql(plan, relation, codes)).then(
        (r) => r.getRowObjectsJson()[0],
        () => undefined,
      );
      const [check, isClean] = await Promise.all([judged, clean]);
      if (!check || !isClean) return undefined;
      const n = Number(check.n ?? 0);
      if (n === 0 || Number(check.doubtful) !== 0 || Number(check.keys) !== n) return undefined;
      onJudged?.(n);
      const [lo, hi] = [BigInt(String(check.lo)), BigInt(String(check.hi))];
      await this.conn.run('BEGIN TRANSACTION');
      open = true;
      // Inside the transaction, so no other write can add a key between the count and the insert.
      const held = await this.conn.runAndReadAll(bulkHeldSql(), [lo, hi]);
      const fresh = Number(held.getRowObjectsJson()[0]?.n) === 0;
      const inserted = await this.conn
        .run(bulkInsertSql(plan, relation, codes, fresh), fresh ? [plan.origin] : [plan.origin, lo, hi])
        .catch(() => undefined);
      const after = await stat(plan.file);
      if (!inserted || after.size !== before.size || after.mtimeMs !== before.mtimeMs) return undefined;
      await this.conn.run('COMMIT');
      open = false;
      const imported = Number(inserted.rowsChanged);
      return { rows: n, imported, duplicates: n - imported, goldsteinMismatches: Number(check.mismatches) };
    } finally {
      if (open) await this.conn.run('ROLLBACK');
      await this.conn.run(`DROP TABLE ${codes}`);
      await this.conn.run('RESET preserve_insertion_order');
      if (this.opts.importThreads > 0) await this.conn.run(threadsSql(this.opts.threads));
    }
  }

  async dyads(query: Partial<DyadQuery> = {}): Promise<DyadPeriod[]> {
    const q = { ...DYAD_QUERY_DEFAULTS, ...query };
    const { sql, params } = dyadSql(q);
    const reader = await this.conn.runAndReadAll(sql, params);
    return reader.getRowObjectsJson().map((r) => {
      // Exact integer sums (tenths of a Goldstein point), each divided once: same bytes every run.
      const count = Number(r.n);
      const tenths = Number(r.gsum);
      return {
        a: String(r.a),
        b: String(r.b),
        period: periodOf(q.by, r.y, r.m),
        count,
        goldsteinSum: tenths / GOLDSTEIN_SCALE,
        goldsteinMean: count > 0 ? tenths / (GOLDSTEIN_SCALE * count) : 0,
        coopSum: Number(r.coop) / GOLDSTEIN_SCALE,
        conflictSum: Number(r.conflict) / GOLDSTEIN_SCALE,
        quad: [Number(r.q1), Number(r.q2), Number(r.q3), Number(r.q4)],
        score: count > 0 ? tenths / (10 * GOLDSTEIN_SCALE * count) : 0,
      };
    });
  }

  async dyadOrigins(query: Partial<DyadQuery> = {}): Promise<DyadOrigin[]> {
    const q = { ...DYAD_QUERY_DEFAULTS, ...query };
    const { sql, params } = dyadOriginsSql(q);
    const reader = await this.conn.runAndReadAll(sql, params);
    return reader.getRowObjectsJson().map((r) => ({
      a: String(r.a),
      b: String(r.b),
      period: periodOf(q.by, r.y, r.m),
      origin: String(r.origin),
      events: Number(r.n),
    }));
  }

  async *dyadEvidence(query: Partial<DyadQuery>, perCell: number): AsyncIterable<DyadEvidenceRow[]> {
    const q = { ...DYAD_QUERY_DEFAULTS, ...query };
    const { sql, params } = dyadEvidenceSql(q, perCell);
    const result = await this.conn.stream(sql, params);
    const month = q.by === 'month';
    const at = month ? 4 : 3;
    for await (const chunk of result.yieldRowsJs()) {
      yield chunk.map((r) => {
        const evidence = String(r[at + 3] ?? '');
        return {
          a: String(r[0]),
          b: String(r[1]),
          period: periodOf(q.by, r[2], month ? r[3] : undefined),
          origin: String(r[at]),
          id: String(r[at + 1]),
          line: Number(r[at + 2] ?? 0),
          url: evidence.split(';').find(Boolean) ?? '',
        };
      });
    }
  }

  async stats(): Promise<StoreStats> {
    const reader = await this.conn.runAndReadAll(
      `SELECT origin, COUNT(*) AS n, CAST(MIN(date) AS VARCHAR) AS first, CAST(MAX(date) AS VARCHAR) AS last
       FROM events GROUP BY origin ORDER BY origin`,
    );
    const origins = reader.getRowObjectsJson().map((r) => ({
      origin: String(r.origin),
      events: Number(r.n),
      from: String(r.first),
      to: String(r.last),
    }));
    return { events: origins.reduce((s, o) => s + o.events, 0), origins };
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
 * await store.importEvents(eventsOfWorld(openWorld('eurasia')));
 * await store.dyadMonths({ pair: ['PAK', 'RUS'] });
 */
export async function openDuckDbStore(
  path: string,
  options: Partial<DuckDbStoreOptions> = {},
): Promise<EventStore> {
  const opts = { ...DUCKDB_STORE_DEFAULTS, ...options };
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  await conn.run(`SET memory_limit = '${opts.memoryLimit.replace(/[^0-9A-Za-z]/g, '')}'`);
  if (opts.threads > 0) await conn.run(threadsSql(opts.threads));
  await conn.run(SCHEMA);
  const had = await conn.runAndReadAll(
    `SELECT COUNT(*) AS n FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'key'`,
  );
  for (const column of FILE_COLUMNS) await conn.run(`ALTER TABLE events ADD COLUMN IF NOT EXISTS ${column}`);
  if (Number(had.getRowObjectsJson()[0]?.n) === 0) await conn.run(BACKFILL_KEYS);
  return new DuckDbEventStore(instance, conn, opts);
}
