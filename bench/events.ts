/**
 * Event import and dyad aggregation on a large GDELT 2.0 file (the real sample resampled by
 * bench/_make-gdelt2.ts into a temp dir: fresh ids, dates over 2015–2021), beside pandas (read +
 * group-by) and DuckDB's own read_csv + GROUP BY on the raw file (the floor), and `world from-events`
 * for the seeds' five states and for every actor of the store (its output checked by the world
 * loader in both). The import runs on the store's fast path (DuckDB reads the file, SQL
 * validates) and, for comparison, through the reader (`--no-fast-path`). Each case runs in its own
 * process under GNU time: wall and CPU seconds, peak memory. BENCH_QUICK=1 uses 200,000 rows;
 * BENCH_EVENTS_ROWS sets any count.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeGdelt2 } from './_make-gdelt2.js';
import { QUICK, type Timed, table, timeCommand } from './_measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const rows = Number(process.env.BENCH_EVENTS_ROWS ?? (QUICK ? 200_000 : 2_000_000));
const dir = mkdtempSync(join(tmpdir(), 'cb-bench-events-'));
try {
  // The compiled CLI, as installed users run it.
  spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  const file = join(dir, 'gdelt2.export.tsv');
  await makeGdelt2(file, rows);
  const db = join(dir, 'events.duckdb');
  const cli = (...args: string[]) =>
    timeCommand(process.execPath, ['dist/src/cli/main.js', ...args], { cwd: root });
  const imported = cli('events', 'import', file, '--format', 'gdelt2', '--db', db, '--json');
  const report = JSON.parse(imported.stdout);
  if (report.imported !== rows) throw new Error(`imported ${report.imported} of ${rows} rows`);
  if (report.files[0].via !== 'engine') throw new Error('the import did not take the fast path');
  const dyads = cli('events', 'dyads', '--by', 'month', '--db', db, '--json');
  // The whole path for the seeds' five states: their dyad-months turned into a cited world.
  const fromEvents = (out: string, ...only: string[]) =>
    cli('world', 'from-events', '--db', db, '--by', 'month', ...only, '-o', join(dir, out), '--json');
  const derived = fromEvents('world', '--actors', 'RUS,PAK,IND,CHN,USA');
  // Every pair of the store: one aggregated pass, the evidence streamed to the file.
  const everyPair = fromEvents('all');
  const again = cli('events', 'import', file, '--format', 'gdelt2', '--db', db, '--json');
  if (JSON.parse(again.stdout).duplicates !== rows)
    throw new Error('re-import did not find every row a duplicate');
  // Before the fast path: every row through the reader, into a fresh store.
  const viaReader = cli(
    'events',
    'import',
    file,
    '--format',
    'gdelt2',
    '--no-fast-path',
    '--db',
    join(dir, 'reader.duckdb'),
    '--json',
  );
  if (JSON.parse(viaReader.stdout).imported !== rows) throw new Error('the reader did not import every row');
  // Debian's python3 (python3-pandas), not whatever python3 comes first on PATH.
  const pandas = timeCommand('/usr/bin/python3', ['bench/_events_pandas.py', file], { cwd: root });
  const raw = timeCommand(process.execPath, ['--import', 'tsx', 'bench/_events_duckdb.ts', file], {
    cwd: root,
  });
  const ours: Timed = {
    seconds: imported.seconds + dyads.seconds,
    cpuSeconds: imported.cpuSeconds + dyads.cpuSeconds,
    peakKiB: Math.max(imported.peakKiB, dyads.peakKiB),
  };
  const whole: Timed = {
    seconds: ours.seconds + derived.seconds,
    cpuSeconds: ours.cpuSeconds + derived.cpuSeconds,
    peakKiB: Math.max(ours.peakKiB, derived.peakKiB),
  };
  const row = (name: string, t: Timed) => [
    name,
    t.seconds.toFixed(2),
    t.cpuSeconds.toFixed(2),
    Math.round(rows / t.seconds).toLocaleString('en'),
    Math.round(rows / t.cpuSeconds).toLocaleString('en'),
    (t.peakKiB / 1024).toFixed(0),
    (pandas.seconds / t.seconds).toFixed(2),
    (t.seconds / raw.seconds).toFixed(2),
  ];
  process.stdout.write(`${rows.toLocaleString('en')} GDELT 2.0 rows\n\n`);
  table(
    [
      'case',
      'wall s',
      'cpu s',
      'rows/s (wall)',
      'rows/s (cpu)',
      'peak MiB',
      'pandas / this',
      'this / raw DuckDB',
    ],
    [
      row('events import (read, validate, dedup, store)', imported),
      row('events import --no-fast-path (the reader)', viaReader),
      row('events dyads --by month (whole store)', dyads),
      row('re-import (every row a duplicate)', again),
      row('world from-events --by month, 5 states', derived),
      row(`world from-events --by month, all ${JSON.parse(everyPair.stdout).actors} actors`, everyPair),
      row('import + dyads, end to end', ours),
      row('import + dyads + from-events', whole),
      row('pandas read_csv + groupby (peer)', pandas),
      row('DuckDB read_csv + GROUP BY, raw file (floor)', raw),
    ],
  );
  process.stdout.write(
    '\nGoals: import ≥ 1,000,000 rows/s, end to end ≥ 5× pandas and ≤ 2× raw DuckDB, peak ≤ 600 MiB.\n',
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
