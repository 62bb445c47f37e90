/**
 * Event files into the store, one transaction per file: a file is read in full into the store's
 * staging area and committed only when it had no more rejected rows than allowed (none by
 * default), so a file is either imported entirely or not at all. Re-importing a file stores
 * nothing new: ids (the source's own event id, e.g. `gdelt:<GlobalEventID>`) already held count as
 * duplicates.
 *
 * GDELT 1.0/2.0 files (plain or `.gz`) first try the store's fast path (`importBulk`): the engine
 * reads the file itself and judges every row in SQL while the raw bytes are checked here; only
 * when no row is doubtful does it store them, else the file goes through its reader, which names
 * each rejected row. Either way the same rows are stored and the same counts reported.
 */
import { InvalidInputError } from '../domain/errors.js';
import { isCleanText } from './readers/clean-text.js';
import { sniffFormat } from './readers/event-formats.js';
import {
  type EventFormat,
  type ReaderOptions,
  type Rejection,
  readEventFile,
} from './readers/event-reader.js';
import { gdeltBulkPlan } from './readers/gdelt-sql.js';
import type { BulkResult, EventStore } from './store/event-store.js';

export interface ImportOptions extends Partial<ReaderOptions> {
  format: EventFormat | 'auto';
  /** Rejected rows a file may have and still be imported (without them). */
  maxRejects: number;
  /** How many errors the result lists (totals per reason count them all). */
  maxErrors: number;
  /** Let the store read GDELT files itself when it can (`EventStore.importBulk`). */
  fastPath: boolean;
  /** Called after every batch with the file and the rows read so far. */
  onProgress?: (file: string, rows: number) => void;
}

export const IMPORT_DEFAULTS: Readonly<ImportOptions> = Object.freeze({
  format: 'auto',
  maxRejects: 0,
  maxErrors: 100,
  fastPath: true,
});

export interface FileImport {
  file: string;
  format?: EventFormat;
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
  committed: boolean;
  goldsteinMismatches: number;
  /** Who read the rows: the store's engine (the fast path) or the format's reader. */
  via?: 'engine' | 'reader';
}

export interface ImportReport {
  files: FileImport[];
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
  errors: { file: string; line: number; reason: string; field?: string; message: string }[];
  reasons: Record<string, number>;
}

/** The fast path: the counts when the store took the whole file itself, else undefined. */
async function viaEngine(
  store: EventStore,
  file: string,
  opts: ImportOptions,
): Promise<(BulkResult & { format: EventFormat }) | undefined> {
  if (!opts.fastPath || !store.importBulk) return undefined;
  let format: EventFormat;
  try {
    const { reader, lines } = await sniffFormat(file, opts.format);
    await lines.return?.();
    format = reader.format;
  } catch {
    return undefined;
  }
  const plan = gdeltBulkPlan(file, format, opts);
  if (!plan) return undefined;
  const result = await store.importBulk(plan, isCleanText(file), (rows) => opts.onProgress?.(file, rows));
  return result && { ...result, format };
}

/**
 * Imports each file in its own transaction and reports what happened to every row.
 *
 * @example
 * const report = await importEventFiles(store, ['20201115.export.CSV.zip']);
 * report.imported; // 3929
 */
export async function importEventFiles(
  store: EventStore,
  files: readonly string[],
  options: Partial<ImportOptions> = {},
): Promise<ImportReport> {
  const opts = { ...IMPORT_DEFAULTS, ...options };
  const report: ImportReport = {
    files: [],
    rows: 0,
    imported: 0,
    duplicates: 0,
    rejected: 0,
    errors: [],
    reasons: {},
  };
  const note = (r: Rejection) => {
    report.reasons[r.reason] = (report.reasons[r.reason] ?? 0) + 1;
    if (report.errors.length < opts.maxErrors) report.errors.push(r);
  };
  for (const file of files) {
    const done: FileImport = {
      file,
      rows: 0,
      imported: 0,
      duplicates: 0,
      rejected: 0,
      committed: false,
      goldsteinMismatches: 0,
    };
    report.files.push(done);
    const bulk = await viaEngine(store, file, opts);
    if (bulk) {
      Object.assign(done, bulk, { committed: true, via: 'engine' });
      report.rows += done.rows;
      report.imported += done.imported;
      report.duplicates += done.duplicates;
      continue;
    }
    const session = await store.beginImport();
    try {
      const { reader, lines } = await sniffFormat(file, opts.format);
      done.format = reader.format;
      done.via = 'reader';
      const it = readEventFile(reader, file, opts, lines);
      let read = 0;
      for (let next = await it.next(); ; next = await it.next()) {
        if (next.done) {
          const summary = next.value;
          done.rows = summary.rows;
          done.rejected = summary.rejections.length;
          done.goldsteinMismatches = summary.goldsteinMismatches;
          for (const r of summary.rejections) note(r);
          break;
        }
        await session.add(next.value);
        read += next.value.length;
        opts.onProgress?.(file, read);
      }
      if (done.rejected > opts.maxRejects || done.rows === 0) {
        await session.abort();
      } else {
        Object.assign(done, await session.commit(), { committed: true });
      }
    } catch (err) {
      await session.abort();
      if (!(err instanceof InvalidInputError)) throw err;
      done.rejected = Math.max(done.rejected, 1);
      for (const p of err.problems) {
        note({ file, line: p.line ?? 0, reason: 'file', message: p.message });
      }
    }
    report.rows += done.rows;
    report.imported += done.imported;
    report.duplicates += done.duplicates;
    report.rejected += done.rejected;
  }
  return report;
}
