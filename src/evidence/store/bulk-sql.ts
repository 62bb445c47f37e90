/**
 * The two statements of a bulk import, in portable SQL (CASE, COUNT, MIN/MAX, NOT EXISTS), so a
 * server engine runs them unchanged over its own reading of the file. The first judges the whole
 * file in one pass: rows, doubtful rows, the key range, distinct keys, Goldstein mismatches. The
 * second stores the rows whose key the store does not hold, anti-joined against the store on the
 * integer key and only within the file's key range (a range scan, not the whole store).
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
 * One row: n (rows), doubtful, lo and hi (key range), keys (distinct keys), mismatches.
 *
 * @example
 * bulkCheckSql(plan, 'staged_file', 'bulk_codes');
 */
export function bulkCheckSql(plan: BulkPlan, relation: string, codes: string): string {
  return `SELECT COUNT(*) AS n, SUM(1 - ok) AS doubtful,
      MIN(CASE WHEN ok = 1 THEN ${plan.key} END) AS lo, MAX(CASE WHEN ok = 1 THEN ${plan.key} END) AS hi,
      COUNT(DISTINCT CASE WHEN ok = 1 THEN ${plan.key} END) AS keys,
      SUM(CASE WHEN ok = 1 THEN ${plan.mismatch} ELSE 0 END) AS mismatches
    FROM (SELECT r.*, CASE WHEN ${plan.sure} THEN 1 ELSE 0 END AS ok FROM ${coded(plan, relation, codes)} r) t`;
}

/**
 * Stores the rows whose key is not yet held; parameters $1 origin, $2 and $3 the key range.
 *
 * @example
 * bulkInsertSql(plan, 'staged_file', 'bulk_codes'); // run with [origin, lo, hi]
 */
export function bulkInsertSql(plan: BulkPlan, relation: string, codes: string): string {
  return `INSERT INTO events (origin, ${BULK_COLUMNS.join(', ')})
    SELECT $1, ${BULK_COLUMNS.map((c) => plan.values[c]).join(', ')}
    FROM (SELECT r.*, ${plan.key} AS row_key FROM ${coded(plan, relation, codes)} r) x
    WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.key BETWEEN $2 AND $3 AND e.key = x.row_key)`;
}
