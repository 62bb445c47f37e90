/**
 * What every event reader shares: the formats, the options (Goldstein table, quad variant), one row
 * parser per format, and `readEventFile`, which streams a file into batches of event records while
 * counting rejected rows with their line and reason. A reader never throws on a bad row; only an
 * unreadable file (a zip with no or several members, broken compression) is an error.
 */
import { basename } from 'node:path';
import { InvalidInputError } from '../../domain/errors.js';
import type { QuadName } from '../../domain/event-record.js';
import type { EventRecord } from '../store/event-store.js';
import { fileLines } from './event-lines.js';
import { type CameoCode, cameoCodes, type GoldsteinTable, type QuadVariant } from './event-lookups.js';

export const EVENT_FORMATS = ['gdelt1', 'gdelt2', 'gdelt-csv', 'icews', 'plover'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

export interface ReaderOptions {
  /** Goldstein table; the format's own by default (GDELT's for GDELT files, ICEWS's for ICEWS). */
  goldstein?: GoldsteinTable;
  quad: QuadVariant;
  /** Records per yielded batch. */
  batch: number;
}

export const READER_DEFAULTS: Readonly<ReaderOptions> = Object.freeze({ quad: 'gdelt', batch: 10_000 });

/** Why a row was not read, and where. */
export interface Rejection {
  file: string;
  line: number;
  reason: RejectReason;
  field?: string;
  message: string;
}

/**
 * `file`: the file as a whole could not be read (a zip with no or several members, broken
 * compression, no format recognised); `json`: a JSONL line is not a JSON object or a field has the
 * wrong JSON type; `missing`: a required field is absent.
 */
export type RejectReason =
  | 'columns'
  | 'binary'
  | 'number'
  | 'date'
  | 'code'
  | 'country'
  | 'empty'
  | 'file'
  | 'json'
  | 'missing';

/** A row the parser refused (the file and line are added by `readEventFile`). */
export type RowRejection = Omit<Rejection, 'file' | 'line'>;

export interface RowContext {
  file: string;
  line: number;
  codes: ReadonlyMap<string, CameoCode>;
  goldstein: GoldsteinTable;
  quad: QuadVariant;
  /** Rows so far whose Goldstein value in the file differs from the lookup. */
  mismatches: number;
}

/** One format: how to spot it on its first line and how to parse its rows. */
export interface FormatReader {
  format: EventFormat;
  /** The Goldstein table of the source itself. */
  goldstein: GoldsteinTable;
  sniff(firstLine: string): boolean;
  /** Given the header line (formats with one) returns the row parser. */
  begin(header: string | undefined): (line: string, ctx: RowContext) => EventRecord | RowRejection;
  hasHeader: boolean;
}

export interface ReadSummary {
  format: EventFormat;
  rows: number;
  read: number;
  rejections: Rejection[];
  /** Rows whose Goldstein value in the file differs from the lookup (the lookup's is kept). */
  goldsteinMismatches: number;
}

export function isRejection(r: EventRecord | RowRejection): r is RowRejection {
  return 'reason' in r;
}

/** 'YYYYMMDD' → 'YYYY-MM-DD', or undefined when it is not a calendar date. */
export function compactDate(raw: string): string | undefined {
  if (!/^\d{8}$/.test(raw)) return undefined;
  return calendarDate(`${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`);
}

/** A 'YYYY-MM-DD' that names a real day, or undefined. */
export function calendarDate(iso: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** Common row checks and coding: the CAMEO code looked up, the Goldstein value compared. */
export function codeEvent(
  ctx: RowContext,
  code: string,
  fileGoldstein: number | undefined,
): { goldstein: number; quad: QuadName } | RowRejection {
  const entry = ctx.codes.get(code);
  if (!entry) return { reason: 'code', field: 'EventCode', message: `unknown CAMEO code '${code}'` };
  const goldstein = entry.goldstein[ctx.goldstein];
  if (fileGoldstein !== undefined && fileGoldstein !== goldstein) ctx.mismatches++;
  return { goldstein, quad: entry.quad[ctx.quad] };
}

const BINARY_ROW: RowRejection = Object.freeze({ reason: 'binary', message: 'the line holds binary bytes' });
// biome-ignore lint/suspicious/noControlCharactersInRegex: binary garbage is exactly what it looks for
const BINARY = /[\u0000-\u0008\u000e-\u001f\ufffd]/;

/**
 * Streams an event file as batches of records; returns the summary (row counts, rejections).
 *
 * @example
 * const it = readEventFile(gdelt2Reader, 'events.tsv');
 * for (let r = await it.next(); !r.done; r = await it.next()) store(r.value);
 */
export async function* readEventFile(
  reader: FormatReader,
  file: string,
  options: Partial<ReaderOptions> = {},
  lines: AsyncIterator<string[]> = fileLines(file)[Symbol.asyncIterator](),
): AsyncGenerator<EventRecord[], ReadSummary> {
  const opts = { ...READER_DEFAULTS, ...options };
  const name = basename(file);
  const ctx: RowContext = {
    file: name,
    line: 0,
    codes: cameoCodes(),
    goldstein: opts.goldstein ?? reader.goldstein,
    quad: opts.quad,
    mismatches: 0,
  };
  const summary: ReadSummary = {
    format: reader.format,
    rows: 0,
    read: 0,
    rejections: [],
    goldsteinMismatches: 0,
  };
  const reject = (line: number, r: RowRejection) => summary.rejections.push({ file: name, line, ...r });
  let parse: ReturnType<FormatReader['begin']> | undefined = reader.hasHeader
    ? undefined
    : reader.begin(undefined);
  let batch: EventRecord[] = [];
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    for (const line of next.value) {
      ctx.line++;
      if (parse === undefined) {
        parse = reader.begin(line);
        continue;
      }
      if (line === '') continue;
      summary.rows++;
      const r = BINARY.test(line) ? BINARY_ROW : parse(line, ctx);
      if (isRejection(r)) {
        reject(ctx.line, r);
        continue;
      }
      summary.read++;
      batch.push(r);
    }
    if (batch.length >= opts.batch) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
  summary.goldsteinMismatches = ctx.mismatches;
  if (summary.rows === 0) reject(ctx.line, { reason: 'empty', message: 'the file holds no event rows' });
  return summary;
}

/** Drains `readEventFile` into memory (small files and tests). */
export async function readAllEvents(
  reader: FormatReader,
  file: string,
  options: Partial<ReaderOptions> = {},
): Promise<{ records: EventRecord[]; summary: ReadSummary }> {
  const records: EventRecord[] = [];
  const it = readEventFile(reader, file, options);
  for (;;) {
    const next = await it.next();
    if (next.done) return { records, summary: next.value };
    records.push(...next.value);
  }
}

export function unknownFormat(file: string, first: string | undefined): InvalidInputError {
  return new InvalidInputError({
    file,
    line: 1,
    message: first === undefined ? 'the file is empty' : 'no reader recognises the first line',
    hint: `name the format with --format (${EVENT_FORMATS.join(', ')})`,
  });
}
