/**
 * Printing helpers shared by every CLI command: JSON for machines, aligned tables for people.
 */
import { writeFileSync } from 'node:fs';
import { InvalidInputError } from '../domain/errors.js';

/**
 * Writes a command's `-o` file; a folder or a missing folder on the way is a clear error.
 *
 * @example
 * writeOutputFile('eurasia.gexf', text);
 */
export function writeOutputFile(path: string, text: string, option = '--output'): void {
  try {
    writeFileSync(path, text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EISDIR'
        ? { message: 'is a folder', hint: 'name a file, e.g. add /snapshot.gexf' }
        : code === 'ENOENT'
          ? { message: 'its folder does not exist', hint: 'create the folder first or pick another path' }
          : { message: `cannot write it (${code ?? (err as Error).message})` };
    throw new InvalidInputError({ file: path, field: option, ...why });
  }
}

/**
 * Ends the process quietly when the reader of stdout goes away (`counterbalance … | head`): the
 * output nobody reads is not an error.
 */
export function exitWhenStdoutCloses(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(0);
  });
}

/** Writes a value as pretty JSON on stdout (stable key order as produced by the library). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A column of a text table: header text and how to turn a row into a cell. */
export interface Column<T> {
  header: string;
  cell: (row: T) => string | number;
  align?: 'left' | 'right';
}

/** Formats rows as an aligned plain-text table. Numbers are right-aligned by default. */
export function formatTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => String(c.cell(r))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]!.length)));
  const isRight = columns.map(
    (c) =>
      c.align === 'right' ||
      (c.align === undefined && rows.length > 0 && typeof c.cell(rows[0]!) === 'number'),
  );
  const line = (vals: string[]) =>
    vals
      .map((v, i) => (isRight[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const header = line(columns.map((c) => c.header));
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [header, rule, ...cells.map(line)].join('\n');
}

/** Prints a table to stdout. */
export function printTable<T>(rows: readonly T[], columns: readonly Column<T>[]): void {
  process.stdout.write(`${formatTable(rows, columns)}\n`);
}

/** A horizontal bar for a value in [-1, 1] (or [0, 1]), `width` characters per unit. */
export function bar(value: number, width = 20): string {
  const n = Math.round(Math.min(1, Math.abs(value)) * width);
  return (value < 0 ? '◀' : '▶') + (value < 0 ? '░' : '█').repeat(n);
}

/** Fixed-precision number formatting that never prints `-0.000`. */
export function fmt(x: number, digits = 3): string {
  const s = x.toFixed(digits);
  return Number(s) === 0 ? (0).toFixed(digits) : s;
}

/** Shortens text to `n` characters with an ellipsis. */
export function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
