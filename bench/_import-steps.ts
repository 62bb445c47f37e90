/**
 * Where a bulk import's time goes: the raw-byte check, the judging pass and the insert of the
 * store's fast path, each timed alone (process CPU, wall, resident memory after it) on a resampled
 * GDELT 2.0 file, then the same insert again with every key held (a re-import). Profiling aid for
 * bench/events.ts, not one of `npm run bench`'s tables.
 * `tsx bench/_import-steps.ts [ROWS] [MEMORY_LIMIT] [THREADS]`, e.g. `… 2000000 256MB 1`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { isCleanText } from '../src/evidence/readers/clean-text.js';
import { gdeltBulkPlan } from '../src/evidence/readers/gdelt-sql.js';
import { bulkCheckSql, bulkInsertSql } from '../src/evidence/store/bulk-sql.js';
import { duckDbFileRelation, fillCodesTable, openDuckDbStore } from '../src/evidence/store/duckdb-store.js';
import { makeGdelt2 } from './_make-gdelt2.js';
import { table } from './_measure.js';

const [rows = 500_000, memoryLimit = '256MB', threads = 1] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'cb-import-steps-'));
try {
  const file = join(dir, 'gdelt2.export.tsv');
  await makeGdelt2(file, Number(rows));
  const db = join(dir, 'events.duckdb');
  // The store's own schema, then a bare connection with the import's settings.
  (await openDuckDbStore(db)).close();
  const instance = await DuckDBInstance.create(db);
  const conn = await instance.connect();
  await conn.run(`SET memory_limit = '${String(memoryLimit).replace(/[^0-9A-Za-z]/g, '')}'`);
  await conn.run(`SET threads = ${Number(threads)}`);
  await conn.run('SET preserve_insertion_order = false');
  const plan = gdeltBulkPlan(file, 'gdelt2')!;
  await conn.run('CREATE TEMP TABLE codes (code VARCHAR, goldstein DOUBLE, quad VARCHAR)');
  await fillCodesTable(conn, 'codes', plan);
  const relation = duckDbFileRelation(plan);
  const lines: string[][] = [];
  const step = async (name: string, work: () => Promise<unknown>) => {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    await work();
    const used = process.cpuUsage(cpu);
    const s = (used.user + used.system) / 1e6;
    lines.push([
      name,
      ((performance.now() - wall) / 1000).toFixed(2),
      s.toFixed(2),
      Math.round(Number(rows) / s).toLocaleString('en'),
      (process.memoryUsage().rss / 2 ** 20).toFixed(0),
    ]);
  };
  await step('raw bytes clean (JS)', () => isCleanText(file));
  await step('judging pass (check SQL)', () => conn.runAndReadAll(bulkCheckSql(plan, relation, 'codes')));
  const insert = (fresh: boolean) => async () => {
    await conn.run('BEGIN TRANSACTION');
    await conn.run(
      bulkInsertSql(plan, relation, 'codes', fresh),
      fresh ? [plan.origin] : [plan.origin, 0n, 1n << 62n],
    );
    await conn.run('COMMIT');
  };
  await step('insert, fresh store', insert(true));
  await step('insert, every key held', insert(false));
  conn.closeSync();
  instance.closeSync();
  process.stdout.write(
    `${Number(rows).toLocaleString('en')} rows, memory_limit ${memoryLimit}, threads ${threads}\n\n`,
  );
  table(['step', 'wall s', 'cpu s', 'rows/s (cpu)', 'rss MiB after'], lines);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
