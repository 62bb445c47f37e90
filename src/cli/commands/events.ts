/**
 * `events import|dyads|stats|list`: event files into the DuckDB event store and the dyad series
 * out of it. Parsing and printing only; the work is in src/evidence.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command, OptionValues } from 'commander';
import { importEventFiles } from '../../evidence/import-event-files.js';
import { EVENT_FORMATS } from '../../evidence/readers/event-reader.js';
import { openDuckDbStore } from '../../evidence/store/duckdb-store.js';
import type { EventStore, Weighting } from '../../evidence/store/event-store.js';
import { defaultDbPath } from '../default-db.js';
import { integer, list, oneOf, pair } from '../option-parsers.js';
import { clip, fmt, printJson, printTable } from '../output.js';

async function withStore<T>(opts: OptionValues, work: (store: EventStore) => Promise<T>): Promise<T> {
  const db = opts.db as string;
  if (db !== ':memory:') mkdirSync(dirname(db), { recursive: true });
  const store = await openDuckDbStore(db);
  try {
    return await work(store);
  } finally {
    store.close();
  }
}

/** A one-line progress bar on stderr when it is a terminal (large files take seconds). */
function progress(): ((file: string, rows: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (file, rows) => process.stderr.write(`\r${clip(file, 50)}  ${rows.toLocaleString('en')} rows`);
}

export function register(program: Command): void {
  const events = program
    .command('events')
    .description('event data (GDELT, ICEWS, PLOVER) in the DuckDB event store');
  const db = () => ['--db <path>', 'DuckDB event store file', defaultDbPath()] as const;

  events
    .command('import <file...>')
    .description('import event files (plain, .gz or single-member .zip), one transaction per file')
    .option(
      '--format <format>',
      `auto or one of ${EVENT_FORMATS.join(', ')}`,
      oneOf('format', ['auto', ...EVENT_FORMATS]),
      'auto',
    )
    .option(
      '--max-rejects <n>',
      'rejected rows a file may have and still be imported without them',
      integer('max-rejects', 0),
      0,
    )
    .option('--no-fast-path', "read every file with its format's reader, never the store's own reading")
    .option(...db())
    .option('--json', 'print JSON')
    .action(async (files: string[], opts: OptionValues) => {
      const report = await withStore(opts, (store) =>
        importEventFiles(store, files, {
          format: opts.format,
          maxRejects: opts.maxRejects,
          fastPath: opts.fastPath,
          onProgress: progress(),
        }),
      );
      if (process.stderr.isTTY) process.stderr.write('\n');
      if (report.rejected > 0) process.exitCode = 1;
      if (opts.json) return printJson(report);
      printTable(report.files, [
        { header: 'file', cell: (f) => clip(f.file, 60) },
        { header: 'format', cell: (f) => f.format ?? '?' },
        { header: 'rows', cell: (f) => f.rows },
        { header: 'imported', cell: (f) => f.imported },
        { header: 'duplicates', cell: (f) => f.duplicates },
        { header: 'rejected', cell: (f) => f.rejected },
        { header: 'stored', cell: (f) => (f.committed ? 'yes' : 'no') },
      ]);
      for (const e of report.errors)
        process.stderr.write(`${e.file}:${e.line} ${e.field ?? ''} ${e.reason}: ${e.message}\n`);
    });

  events
    .command('dyads')
    .description('event counts and Goldstein sums per dyad and month or year')
    .option('--by <period>', 'month or year', oneOf('by', ['month', 'year'] as const), 'month')
    .option('--actors <ids>', 'only dyads among these (comma-separated)', list)
    .option('--directed', 'source → target rows instead of undirected pairs')
    .option(
      '--weighting <w>',
      'events, mentions (GDELT NumMentions) or root (root events only)',
      oneOf<Weighting>('weighting', ['events', 'mentions', 'root']),
      'events',
    )
    .option(...db())
    .option('--json', 'print JSON')
    .action(async (opts: OptionValues) => {
      const rows = await withStore(opts, (store) =>
        store.dyads({
          by: opts.by,
          directed: Boolean(opts.directed),
          weighting: opts.weighting,
          ...(opts.actors && { actors: opts.actors }),
        }),
      );
      if (opts.json) {
        return printJson(
          opts.directed ? rows.map(({ a, b, ...rest }) => ({ source: a, target: b, ...rest })) : rows,
        );
      }
      printTable(rows, [
        { header: opts.directed ? 'source' : 'a', cell: (r) => r.a },
        { header: opts.directed ? 'target' : 'b', cell: (r) => r.b },
        { header: 'period', cell: (r) => r.period },
        { header: 'count', cell: (r) => r.count },
        { header: 'goldstein sum', cell: (r) => fmt(r.goldsteinSum, 1), align: 'right' },
        { header: 'mean', cell: (r) => fmt(r.goldsteinMean, 2), align: 'right' },
        { header: 'quads', cell: (r) => r.quad.join('/'), align: 'right' },
        { header: 'score', cell: (r) => fmt(r.score), align: 'right' },
      ]);
    });

  events
    .command('stats')
    .description('events in the store per imported file')
    .option(...db())
    .option('--json', 'print JSON')
    .action(async (opts: OptionValues) => {
      const stats = await withStore(opts, (store) => store.stats());
      if (opts.json) return printJson(stats);
      printTable(stats.origins, [
        { header: 'origin', cell: (o) => clip(o.origin, 60) },
        { header: 'events', cell: (o) => o.events },
        { header: 'from', cell: (o) => o.from },
        { header: 'to', cell: (o) => o.to },
      ]);
    });

  events
    .command('list')
    .description('the events of a pair (with their file, line and source URL)')
    .requiredOption('--pair <a,b>', 'two actor ids', pair('pair'))
    .option('--from <date>', 'first day (YYYY-MM-DD)')
    .option('--to <date>', 'last day (YYYY-MM-DD)')
    .option('--limit <n>', 'at most this many', integer('limit', 0), 100)
    .option(...db())
    .option('--json', 'print JSON')
    .action(async (opts: OptionValues) => {
      const found = await withStore(opts, (store) =>
        store.events({
          pair: opts.pair as [string, string],
          from: opts.from,
          to: opts.to,
          limit: opts.limit,
          imported: true,
        }),
      );
      if (opts.json) return printJson(found);
      printTable(found, [
        { header: 'date', cell: (e) => e.date },
        { header: 'source', cell: (e) => e.source },
        { header: 'target', cell: (e) => e.target },
        { header: 'cameo', cell: (e) => e.cameo },
        { header: 'goldstein', cell: (e) => fmt(e.goldstein, 1), align: 'right' },
        { header: 'where', cell: (e) => `${e.origin}:${e.line ?? ''}` },
        { header: 'url', cell: (e) => clip(e.evidence[0] ?? '', 60) },
      ]);
    });
}
