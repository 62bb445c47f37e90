/**
 * The three statements of a bulk import, in portable SQL (CASE, COUNT, MIN/MAX, NOT EXISTS), so a
 * server engine runs them unchanged over its own reading of the file. The first reads the file
 * once into a narrow staged table: whether each row is sure, its Goldstein mismatch, and the stored
 * columns (computed for sure rows only, so no cast ever sees a doubtful cell). The second judges
 * the staged rows in one pass: rows, doubtful rows, the key range, distinct keys, mismatches. The
 * third stores the rows whose key the store does not hold, anti-joined against the store on the
 * integer key and only within the file's key range (a range scan, not the whole store).
 *
 * Why stage: reading the file is most of an import's cost (a GDELT 2.0 row has 61 cells), and the
 * judgement and the insert each read it again otherwise; the staged table holds 16 narrow columns.
 *
 * Why no PRIMARY KEY: every write of the store happens on its one connection, one transaction at a
 * time, and each checks the ids it adds against the store inside that transaction, so the anti-join
 * already keeps ids unique; an index over millions of TEXT ids cost more than the rest of an import.
 */
import { BULK_COLUMNS, type BulkPlan } from './event-store.js';

/** The file's rows (`relation`, aliased s) with their CAMEO code looked up in `codes`. */
function coded(plan: BulkPlan, relation: string, codes: string): string {
  return `(SELECT s.*, k.goldstein AS code_goldstein, k.quad AS code_quad
    FROM ${relation} s LEFT JOIN ${codes} k ON k.code = s.${plan.codeColumn})`;
}

/**
 * Reads the file's rows once into the temporary table `staged`: `ok` (1 for a sure row),
 * `mismatch`, and every stored column, NULL on doubtful rows.
 *
 * @example
 * bulkStageSql(plan, "read_csv('x.tsv', …)", 'bulk_codes', 'bulk_staged');
 */
export function bulkStageSql(plan: BulkPlan, relation: string, codes: string, staged: string): string {
  const sure = (e: string) => `CASE WHEN ok = 1 THEN ${e} END`;
  return `CREATE TEMP TABLE ${staged} AS
    SELECT ok, CASE WHEN ok = 1 THEN ${plan.mismatch} ELSE 0 END AS mismatch,
      ${BULK_COLUMNS.map((c) => `${sure(plan.values[c])} AS ${c}`).join(', ')}
    FROM (SELECT r.*, CASE WHEN ${plan.sure} THEN 1 ELSE 0 END AS ok FROM ${coded(plan, relation, codes)} r) t`;
}

/**
 * One row over the staged table: n (rows), doubtful, lo and hi (key range), keys (distinct keys),
 * mismatches.
 *
 * @example
 * bulkCheckSql('bulk_staged');
 */
export function bulkCheckSql(staged: string): string {
  return `SELECT COUNT(*) AS n, SUM(1 - ok) AS doubtful, MIN(key) AS lo, MAX(key) AS hi,
      COUNT(DISTINCT key) AS keys, SUM(mismatch) AS mismatches
    FROM ${staged}`;
}

/**
 * Stores the staged rows whose key is not yet held; parameters $1 origin, $2 and $3 the key range.
 *
 * @example
 * bulkInsertSql('bulk_staged'); // run with [origin, lo, hi]
 */
export function bulkInsertSql(staged: string): string {
  return `INSERT INTO events (origin, ${BULK_COLUMNS.join(', ')})
    SELECT $1, ${BULK_COLUMNS.join(', ')} FROM ${staged} x
    WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.key BETWEEN $2 AND $3 AND e.key = x.key)`;
}
