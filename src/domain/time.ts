/**
 * Calendar time. Dates are ISO strings `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. An observation dated
 * `2016-09` starts on the first of that month; a query `--at 2021-12` means "as of the end of
 * December 2021", so everything dated within the month counts.
 */
import { InvalidInputError } from './errors.js';

/** Accepts `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with real months and days. */
export const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function parts(date: string): [number, number | undefined, number | undefined] {
  const m = DATE_PATTERN.exec(date);
  if (!m) {
    throw new InvalidInputError({
      message: `'${date}' is not a date`,
      hint: 'write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2021-12',
    });
  }
  const y = Number(m[1]);
  const mo = m[2] === undefined ? undefined : Number(m[2]);
  const d = m[3] === undefined ? undefined : Number(m[3]);
  if (mo !== undefined && (mo < 1 || mo > 12)) {
    throw new InvalidInputError({ message: `'${date}' has month ${mo}`, hint: 'months run 01 to 12' });
  }
  if (mo !== undefined && d !== undefined && (d < 1 || d > daysInMonth(y, mo))) {
    throw new InvalidInputError({ message: `'${date}' has no day ${d}`, hint: 'use a real calendar day' });
  }
  return [y, mo, d];
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** True when `date` is a well-formed calendar date in one of the three accepted forms. */
export function isDate(date: string): boolean {
  try {
    parts(date);
    return true;
  } catch {
    return false;
  }
}

/** Most distinct dates a memo keeps before it starts afresh (a world has a few hundred). */
const MEMO_LIMIT = 100_000;

/**
 * Remembers a pure function of a date string: snapshots of a large world ask for the bounds of
 * the same few hundred dates hundreds of thousands of times.
 */
function memoised(f: (date: string) => string): (date: string) => string {
  const memo = new Map<string, string>();
  return (date) => {
    let out = memo.get(date);
    if (out === undefined) {
      out = f(date);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(date, out);
    }
    return out;
  };
}

/** The first day a date denotes, as `YYYY-MM-DD`. `start('2016-09') === '2016-09-01'`. */
export const startOf: (date: string) => string = memoised((date) => {
  const [y, m, d] = parts(date);
  return `${pad(y, 4)}-${pad(m ?? 1, 2)}-${pad(d ?? 1, 2)}`;
});

/** The last day a date denotes, as `YYYY-MM-DD`. `endOf('2021-12') === '2021-12-31'`. */
export const endOf: (date: string) => string = memoised((date) => {
  const [y, m, d] = parts(date);
  const mm = m ?? 12;
  return `${pad(y, 4)}-${pad(mm, 2)}-${pad(d ?? daysInMonth(y, mm), 2)}`;
});

/** Calendar year of a date. */
export function yearOf(date: string): number {
  return parts(date)[0];
}

/** Adds whole months to a date and returns `YYYY-MM`. `addMonths('2021-12', 1) === '2022-01'`. */
export function addMonths(date: string, months: number): string {
  const [y, m] = parts(date);
  const idx = y * 12 + ((m ?? 1) - 1) + months;
  return `${pad(Math.floor(idx / 12), 4)}-${pad((idx % 12) + 1, 2)}`;
}

/** Dates from `from` to `to` (inclusive) every `months` months, as `YYYY-MM`. */
export function monthRange(from: string, to: string, months = 1): string[] {
  if (months < 1) throw new InvalidInputError({ message: 'step must be at least one month' });
  // Counted in months, so a range ending in December 9999 never forms the date after it.
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  const out: string[] = [];
  for (let i = fy * 12 + (fm ?? 1) - 1; i <= ty * 12 + (tm ?? 12) - 1; i += months) {
    out.push(`${pad(Math.floor(i / 12), 4)}-${pad((i % 12) + 1, 2)}`);
  }
  return out;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}
