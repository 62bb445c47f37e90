/**
 * The shape every dataset reader shares: a CSV with a known header, read into rows whose fields
 * are looked up by column name. Problems name file, line and field, so a renamed column, a
 * truncated file or a non-numeric cell is found where it is.
 */

import { InvalidInputError } from '../../domain/errors.js';
import { splitCsvLine } from '../../kernels/csv.js';

/** One data row: its 1-based line and typed access to its cells by column name. */
export interface TableRow<C extends string> {
  line: number;
  /** A numeric cell; throws naming file, line and column when it is not a number. */
  num(column: C): number;
  /** A numeric cell, or undefined when it is empty or one of the table's missing-value codes. */
  opt(column: C): number | undefined;
  text(column: C): string;
}

export interface TableSpec<C extends string> {
  file: string;
  columns: readonly C[];
  /** Cell texts meaning "no value" (e.g. `NA`); empty cells always do. */
  missing?: readonly string[];
  /** A hint shown with header problems, e.g. where the file comes from. */
  hint?: string;
}

/**
 * Parses `text` and checks that every named column is in its header and every row has every
 * field (a short row means a truncated or broken file).
 *
 * @example
 * const rows = readTable('ccode,year\n2,1950\n', { file: 'x.csv', columns: ['ccode', 'year'] });
 * rows[0]!.num('year'); // 1950
 */
export function readTable<C extends string>(text: string, spec: TableSpec<C>): TableRow<C>[] {
  const { file } = spec;
  const missing = new Set(spec.missing ?? []);
  const rows: TableRow<C>[] = [];
  scanTable(text, spec, (fields, line, index) => {
    const cell = (c: C) => fields[index.get(c)!]!;
    const opt = (c: C) => numberCell(cell(c), missing, file, line, c);
    rows.push({
      line,
      text: cell,
      opt,
      num: (c) => {
        const v = opt(c);
        if (v === undefined)
          throw new InvalidInputError({ file, line, field: c, message: 'value is missing' });
        return v;
      },
    });
  });
  return rows;
}

function numberCell(
  s: string,
  missing: ReadonlySet<string>,
  file: string,
  line: number,
  field: string,
): number | undefined {
  if (s === '' || missing.has(s)) return undefined;
  const v = Number(s);
  if (!Number.isFinite(v))
    throw new InvalidInputError({ file, line, field, message: `'${s}' is not a number` });
  return v;
}

/**
 * Line by line (dataset CSVs quote names but never break a field across lines), checking the
 * header and that no row is short; calls `each` with a row's trimmed, unquoted fields.
 */
function scanTable<C extends string>(
  text: string,
  spec: TableSpec<C>,
  each: (fields: string[], line: number, index: ReadonlyMap<C, number>) => void,
): void {
  const { file } = spec;
  // fields trimmed in place: datasets have hundreds of thousands of rows, and a copy per row is
  // most of the garbage a build makes
  const split = (l: string) => {
    if (l.includes('"')) return splitCsvLine(l);
    const fields = l.split(',');
    for (let f = 0; f < fields.length; f++) fields[f] = fields[f]!.trim();
    return fields;
  };
  const lines = lineReader(text);
  const first = lines.next();
  if (first === undefined || first.trim() === '') {
    throw new InvalidInputError({ file, line: 1, message: 'the file is empty', hint: spec.hint });
  }
  const header = split(first);
  const index = new Map(spec.columns.map((c) => [c, header.indexOf(c)]));
  const absent = spec.columns.filter((c) => index.get(c) === -1);
  if (absent.length > 0) {
    throw new InvalidInputError({
      file,
      line: 1,
      field: absent.join(', '),
      message: `missing column${absent.length > 1 ? 's' : ''} (header has ${header.join(', ')})`,
      hint: spec.hint ?? `expected the columns ${spec.columns.join(', ')}`,
    });
  }
  for (let l = lines.next(), n = 2; l !== undefined; l = lines.next(), n++) {
    if (l.trim() === '') continue;
    const fields = split(l);
    if (fields.length < header.length) {
      throw new InvalidInputError({
        file,
        line: n,
        field: header[fields.length],
        message: `row has ${fields.length} of ${header.length} fields`,
        hint: 'the file looks truncated or has a broken line; copy it again from its source',
      });
    }
    each(fields, n, index);
  }
}

/** The lines of `text` one at a time, as `text.split(/\r?\n/)` gives them, without the array. */
function lineReader(text: string): { next(): string | undefined } {
  let at = 0;
  return {
    next() {
      if (at > text.length) return undefined;
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const l = text.slice(
        at,
        end > at && text.charCodeAt(end - 1) === 13 && end < text.length ? end - 1 : end,
      );
      at = end + 1;
      return l;
    },
  };
}

/** A dyad-year record most readers produce: COW codes and the year, plus the reader's values. */
export interface DyadYear {
  ccode1: number;
  ccode2: number;
  year: number;
  line: number;
}

/**
 * Reads a table whose named columns are all numeric into plain records (missing cells → NaN is
 * never produced: a missing required cell throws; `optional` columns become undefined).
 *
 * @example
 * readNumeric('a,b\n1,\n', { file: 'x.csv', columns: ['a', 'b'], optional: ['b'] }); // [{ a: 1, b: undefined, line: 2 }]
 */
export function readNumeric<C extends string, O extends C = never>(
  text: string,
  spec: TableSpec<C> & { optional?: readonly O[] },
): ({ [K in Exclude<C, O>]: number } & { [K in O]: number | undefined } & { line: number })[] {
  const optional = new Set<string>(spec.optional ?? []);
  const missing = new Set(spec.missing ?? []);
  const { columns } = spec;
  const out: Record<string, number | undefined>[] = [];
  let at: number[] = [];
  scanTable(text, spec, (fields, line, index) => {
    if (at.length === 0) at = columns.map((c) => index.get(c)!);
    const rec: Record<string, number | undefined> = { line };
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      const v = numberCell(fields[at[i]!]!, missing, spec.file, line, c);
      if (v === undefined && !optional.has(c)) {
        throw new InvalidInputError({ file: spec.file, line, field: c, message: 'value is missing' });
      }
      rec[c] = v;
    }
    out.push(rec);
  });
  return out as never;
}

/** Years of an ISO date `YYYY-MM-DD` cell, checked. */
export function yearOfCell(row: TableRow<string>, column: string, file: string): number {
  const m = /^(\d{4})-\d{2}-\d{2}$/.exec(row.text(column));
  if (!m) {
    throw new InvalidInputError({
      file,
      line: row.line,
      field: column,
      message: `'${row.text(column)}' is not a date YYYY-MM-DD`,
    });
  }
  return Number(m[1]);
}
