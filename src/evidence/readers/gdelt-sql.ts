/**
 * GDELT 1.0 and 2.0 rows judged and coded in portable SQL, for stores that read a file themselves
 * (`EventStore.importBulk`). The rules are those of `gdelt-row.ts`, written conservatively: a row
 * is "sure" only when the reader would surely store it, and as this plan codes it; anything else
 * (an unusual number format, a leading zero, a short row) makes the import fall back to the
 * reader, which explains every row it rejects. Cells are matched with `~`, the anchored
 * POSIX-regex operator DuckDB and PostgreSQL share (in DuckDB far cheaper than the standard
 * TRIM(BOTH … FROM …) tricks). Only plain and `.gz` files qualify, which engines read directly; a
 * `.zip` always goes through the reader.
 */
import { basename } from 'node:path';
import type { BulkColumn, BulkPlan } from '../store/event-store.js';
import { cameoCodes } from './event-lookups.js';
import { type EventFormat, READER_DEFAULTS, type ReaderOptions } from './event-reader.js';
import { GDELT_HEAD } from './gdelt-row.js';

const c = (field: keyof typeof GDELT_HEAD) => `c${GDELT_HEAD[field]}`;
const sub = (e: string, from: number, len: number) => `SUBSTRING(${e} FROM ${from} FOR ${len})`;

/**
 * A real calendar day written YYYYMMDD (years 1000–9999, leap years Gregorian): the pattern fixes
 * the digits, the day is compared as a string with the month's last; only 29 February needs the
 * year as a number.
 */
function calendarDay(e: string): string {
  const [m, d] = [sub(e, 5, 2), sub(e, 7, 2)];
  const y = `CAST(${sub(e, 1, 4)} AS INTEGER)`;
  const leap = `MOD(${y}, 4) = 0 AND (MOD(${y}, 100) <> 0 OR MOD(${y}, 400) = 0)`;
  const last = `CASE WHEN ${m} IN ('04', '06', '09', '11') THEN '30' WHEN ${m} <> '02' THEN '31'
    WHEN ${d} <> '29' THEN '28' WHEN ${leap} THEN '29' ELSE '28' END`;
  return `CASE WHEN ${e} ~ '^[1-9][0-9]{3}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])$' THEN ${d} <= ${last} ELSE FALSE END`;
}

/** Empty, or a plain decimal (digits, an optional fraction, an optional minus) in [-10, 10]. */
function goldsteinCell(e: string): string {
  return `CASE WHEN ${e} = '' THEN TRUE WHEN ${e} ~ '^-?[0-9]{1,2}([.][0-9]{1,8})?$'
    THEN CAST(${e} AS DOUBLE) BETWEEN -10 AND 10 ELSE FALSE END`;
}

/**
 * The bulk plan of a GDELT 1.0 or 2.0 file, or undefined when the format or the compression is
 * not one an engine reads itself.
 *
 * @example
 * gdeltBulkPlan('20201115.export.CSV', 'gdelt2'); // { columns: 61, padded: false, … }
 */
export function gdeltBulkPlan(
  file: string,
  format: EventFormat,
  options: Partial<ReaderOptions> = {},
): BulkPlan | undefined {
  if ((format !== 'gdelt1' && format !== 'gdelt2') || file.endsWith('.zip')) return undefined;
  const opts = { ...READER_DEFAULTS, ...options };
  const table = opts.goldstein ?? 'gdelt';
  const v1 = format === 'gdelt1';
  // GDELT 1.0 rows have 57 cells, or 58 with SOURCEURL: read 58, pad the short ones.
  const url = v1 ? "COALESCE(c57, '')" : 'c60';
  const id = c('id');
  const mentions = c('mentions');
  const sure = [
    `${id} ~ '^[1-9][0-9]{0,17}$'`,
    calendarDay(c('date')),
    goldsteinCell(c('goldstein')),
    `${mentions} ~ '^[0-9]{1,9}$'`,
    `${c('root')} IN ('0', '1')`,
    'code_quad IS NOT NULL',
    ...(v1 ? ['c56 IS NOT NULL'] : []),
  ];
  const date = c('date');
  const values: Record<BulkColumn, string> = {
    id: `'gdelt:' || ${id}`,
    key: `CAST(${id} AS BIGINT)`,
    date: `CAST(SUBSTRING(${date} FROM 1 FOR 4) || '-' || SUBSTRING(${date} FROM 5 FOR 2) || '-' || SUBSTRING(${date} FROM 7 FOR 2) AS DATE)`,
    source: c('country1'),
    target: c('country2'),
    cameo: c('code'),
    goldstein: 'code_goldstein',
    quad: 'code_quad',
    evidence: url,
    line: 'line',
    source_actor: c('actor1'),
    target_actor: c('actor2'),
    mentions: `CAST(${mentions} AS INTEGER)`,
    root: `CAST(${c('root')} AS INTEGER)`,
  };
  return {
    file,
    origin: basename(file),
    columns: v1 ? 58 : 61,
    padded: v1,
    codeColumn: c('code'),
    codes: [...cameoCodes()].map(([code, e]) => ({
      code,
      goldstein: e.goldstein[table],
      quad: e.quad[opts.quad],
    })),
    sure: sure.map((s) => `(${s})`).join(' AND '),
    key: values.key,
    mismatch: `CASE WHEN ${c('goldstein')} = '' THEN 0 WHEN CAST(${c('goldstein')} AS DOUBLE) <> code_goldstein THEN 1 ELSE 0 END`,
    values,
  };
}
