/**
 * The two statements of a bulk import, in portable SQL (CASE, COUNT, MIN/MAX, NOT EXISTS), so a
 * server engine runs them unchanged over its own reading of the file. The first judges the file's
 * rows in one pass: rows, doubtful rows, the key range, distinct keys, Goldstein mismatches. The
 * second, run only when every row is sure, stores the rows whose key the store does not hold,
 * straight from a second reading of the file, anti-joined against the store on the integer key and
 * only within the file's key range (a range scan, not the whole store).
 *
 * Why read twice and not stage: the judgement needs six narrow cells of a row and no storage,
 * while a staged copy of the stored columns (a long URL among them) is written, then read back,
 * then written again into the store; measured on GDELT 2.0 files, a second reading costs less than
 * the staged table (bench/events.ts). The insert still filters on `sure`, so a row that changed
 * between the two readings is never stored unjudged; the caller also compares the file's size and
 * modification time before and after.
 *
 * Why no PRIMARY KEY: every write of the store happens on its one connection, one transaction at a
 * time, and each checks the ids it adds against the store inside that transaction, so the anti-join
 * already keeps ids unique; an index over millions of ids cost more than the rest of an import.
 */
import { BULK_COLUMNS, type BulkPlan } from './event-store.js';

/** The file's rows (`relation`, aliased s) with their CAMEO code looked up in `codes`. */
function coded(plan: BulkPlan, relation: string, codes: string): string {
  return `(SELECT s.*, k.goldstein AS code_goldstein, k.quad AS code_quad
    FROM ${relation} s LEFT JOIN ${codes} k ON k.code = s.${plan.codeColumn})`;
}

/**
 * One row judging the file: n (rows), doubtful, lo and hi (key range), keys (distinct keys),
 * mismatches.
 *
 * @example
 * bulkCheckSql(plan, "read_csv('x.tsv', …)", 'bulk_codes');
 */
export function bulkCheckSql(plan: BulkPlan, relation: string, codes: string): string {
  return `SELECT COUNT(*) AS n, SUM(1 - ok) AS doubtful, MIN(key) AS lo, MAX(key) AS hi,
      COUNT(DISTINCT key) AS keys, SUM(mismatch) AS mismatches
    FROM (SELECT ok, CASE WHEN ok = 1 THEN ${plan.key} END AS key,
        CASE WHEN ok = 1 THEN ${plan.mismatch} ELSE 0 END AS mismatch
      FROM (SELECT r.*, CASE WHEN ${plan.sure} THEN 1 ELSE 0 END AS ok FROM ${coded(plan, relation, codes)} r) t) j`;
}

/**
 * Stores the file's sure rows whose key is not yet held; parameters $1 origin, $2 and $3 the key
 * range. With `fresh` (the store holds no key in the range, so none of the file's) there is
 * nothing to anti-join.
 *
 * @example
 * bulkInsertSql(plan, "read_csv('x.tsv', …)", 'bulk_codes', false); // run with [origin, lo, hi]
 */
export function bulkInsertSql(plan: BulkPlan, relation: string, codes: string, fresh: boolean): string {
  // NOT IN over the store's keys in range (never NULL there): engines build the small side, the
  // held keys, and stream the file's rows past it (DuckDB turns the equivalent NOT EXISTS into a
  // delim join that copies every row of the file first).
  const held = fresh ? '' : ` AND ${plan.key} NOT IN (SELECT key FROM events WHERE key BETWEEN $2 AND $3)`;
  return `INSERT INTO events (origin, ${BULK_COLUMNS.join(', ')})
    SELECT $1, ${BULK_COLUMNS.map((c) => `${plan.values[c]} AS ${c}`).join(', ')}
    FROM ${coded(plan, relation, codes)} r
    WHERE ${plan.sure}${held}`;
}

/**
 * How many of the store's rows have a key in the range $1 … $2 (a zone-map range scan): none
 * means the file's rows are all new.
 *
 * @example
 * bulkHeldSql(); // run with [lo, hi]
 */
export function bulkHeldSql(): string {
  return 'SELECT COUNT(*) AS n FROM events WHERE key BETWEEN $1 AND $2';
}
