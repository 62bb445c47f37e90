/**
 * The store's fast path (DuckDB reads the GDELT file itself, SQL judges the rows) against the
 * reader: on the real samples, plain and gzipped, with every Goldstein table and quad variant,
 * and on files with each kind of doubtful row, both paths store the same rows and report the same
 * counts and errors; the fast path runs exactly when no row is doubtful.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { type ImportOptions, importEventFiles } from '../src/evidence/import-event-files.js';
import { openDuckDbStore } from '../src/evidence/store/duckdb-store.js';
import type { DyadPeriod } from '../src/evidence/store/event-store.js';

const FIXTURES = 'test/fixtures/events';
const GDELT1 = join(FIXTURES, 'gdelt1_events_sample_20160728.tsv');
const GDELT2 = join(FIXTURES, 'gdelt2_events_20201115_international_dyads.export.tsv');
const dir = mkdtempSync(join(tmpdir(), 'cb-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Dyad rows with sums to 12 digits: DuckDB adds doubles in whatever order its threads take. */
const rounded = (rows: DyadPeriod[]) =>
  rows.map((r) => ({
    ...r,
    goldsteinSum: Number(r.goldsteinSum.toPrecision(12)),
    goldsteinMean: Number(r.goldsteinMean.toPrecision(12)),
    coopSum: Number(r.coopSum.toPrecision(12)),
    conflictSum: Number(r.conflictSum.toPrecision(12)),
    score: Number(r.score.toPrecision(12)),
  }));

/** Imports `files` (twice, so duplicates are compared too) and returns all the store shows. */
async function imported(files: string[], options: Partial<ImportOptions>) {
  const store = await openDuckDbStore(':memory:');
  const first = await importEventFiles(store, files, options);
  const again = await importEventFiles(store, files, options);
  const result = {
    reports: [first, again].map((r) => ({ ...r, files: r.files.map(({ via: _, ...f }) => f) })),
    events: await store.events({ limit: 10_000 }),
    dyads: rounded(await store.dyads({ by: 'month' })),
    directed: rounded(await store.dyads({ by: 'year', directed: true, weighting: 'mentions' })),
    via: [...first.files, ...again.files].map((f) => f.via),
  };
  store.close();
  return result;
}

async function bothWays(files: string[], options: Partial<ImportOptions> = {}) {
  const engine = await imported(files, options);
  const reader = await imported(files, { ...options, fastPath: false });
  expect(reader.via.every((v) => v === 'reader')).toBe(true);
  expect(engine.reports).toEqual(reader.reports);
  expect(engine.events).toEqual(reader.events);
  expect(engine.dyads).toEqual(reader.dyads);
  expect(engine.directed).toEqual(reader.directed);
  return engine;
}

/** A copy of `file` with its lines changed by `edit`. */
function variant(name: string, file: string, edit: (lines: string[]) => string[]): string {
  const out = join(dir, name);
  writeFileSync(out, edit(readFileSync(file, 'utf8').split('\n')).join('\n'));
  return out;
}

describe('the fast path on the real samples', () => {
  it('stores what the reader stores, plain and gzipped, GDELT 1.0 (57 and 58 cells) and 2.0', async () => {
    const gz = join(dir, 'gdelt2.export.tsv.gz');
    writeFileSync(gz, gzipSync(readFileSync(GDELT2)));
    const gz1 = join(dir, 'gdelt1.tsv.gz');
    writeFileSync(gz1, gzipSync(readFileSync(GDELT1)));
    const r = await bothWays([GDELT1, GDELT2, gz, gz1]);
    expect(r.via).toEqual(Array(8).fill('engine'));
    expect(r.reports[0]!.files.map((f) => [f.rows, f.imported])).toEqual([
      [710, 710],
      [3929, 3929],
      [3929, 0],
      [710, 0],
    ]);
    expect(r.reports[1]!.duplicates).toBe(2 * (710 + 3929));
    expect(r.events.length).toBe(710 + 3929);
  }, 60_000);

  it('takes leap days, month ends and negative Goldstein values as the reader does', async () => {
    const dates = ['20200229', '20000229', '20201231', '20200430', '10000101'];
    const file = variant('leap.tsv', GDELT2, (l) =>
      l.map((x, i) => (i < dates.length ? x.split('\t').with(1, dates[i]!).with(30, '-7.5').join('\t') : x)),
    );
    const r = await bothWays([file]);
    expect(r.via).toEqual(['engine', 'engine']);
    expect(r.events.filter((e) => e.date === '2000-02-29' || e.date === '2020-02-29')).toHaveLength(2);
  }, 60_000);

  it('codes with the Goldstein table and quad variant asked for', async () => {
    const r = await bothWays([GDELT2], { goldstein: 'icews', quad: 'phoenix' });
    expect(r.via).toEqual(['engine', 'engine']);
    expect(r.events.some((e) => e.quad === 'neutral')).toBe(true);
  }, 60_000);
});

/** The row with `text` added to Actor2Geo_FullName, a cell the store never reads. */
const farCell = (row: string, text: string) => {
  const cells = row.split('\t');
  return cells.with(40, cells[40] + text).join('\t');
};

describe('doubtful rows send the file to the reader, with the same outcome', () => {
  const cases: [string, string, (lines: string[]) => string[]][] = [
    ['bad date', GDELT2, (l) => l.map((x, i) => (i === 99 ? x.replace(/\t20201115\t/, '\t20201131\t') : x))],
    [
      '29 February 2019',
      GDELT2,
      (l) => l.map((x, i) => (i === 9 ? x.split('\t').with(1, '20190229').join('\t') : x)),
    ],
    [
      '29 February 1900',
      GDELT2,
      (l) => l.map((x, i) => (i === 9 ? x.split('\t').with(1, '19000229').join('\t') : x)),
    ],
    [
      '31 April',
      GDELT2,
      (l) => l.map((x, i) => (i === 9 ? x.split('\t').with(1, '20200431').join('\t') : x)),
    ],
    [
      'unknown code',
      GDELT2,
      (l) => l.map((x, i) => (i === 5 ? x.split('\t').with(26, '999').join('\t') : x)),
    ],
    ['short row', GDELT2, (l) => l.map((x, i) => (i === 7 ? x.split('\t').slice(0, 60).join('\t') : x))],
    ['long row', GDELT2, (l) => l.map((x, i) => (i === 7 ? `${x}\textra` : x))],
    ['leading zero id', GDELT2, (l) => l.map((x, i) => (i === 3 ? `0${x}` : x))],
    ['id twice in the file', GDELT2, (l) => [...l.slice(0, 10), l[2]!, ...l.slice(10)]],
    ['blank line', GDELT2, (l) => [...l.slice(0, 10), '', ...l.slice(10)]],
    ['CR line ends', GDELT2, (l) => l.map((x) => (x === '' ? x : `${x}\r`))],
    ['control byte', GDELT2, (l) => l.map((x, i) => (i === 4 ? farCell(x, '\u0007') : x))],
    ['U+FFFD', GDELT2, (l) => l.map((x, i) => (i === 4 ? farCell(x, '\ufffd') : x))],
    ['byte-order mark', GDELT2, (l) => l.map((x, i) => (i === 0 ? `\ufeff${x}` : x))],
    [
      'goldstein as 1e1',
      GDELT2,
      (l) => l.map((x, i) => (i === 9 ? x.split('\t').with(30, '1e0').join('\t') : x)),
    ],
    [
      'goldstein out of range',
      GDELT2,
      (l) => l.map((x, i) => (i === 9 ? x.split('\t').with(30, '-11').join('\t') : x)),
    ],
    [
      'empty NumMentions',
      GDELT2,
      (l) => l.map((x, i) => (i === 9 ? x.split('\t').with(31, '').join('\t') : x)),
    ],
    ['IsRootEvent 2', GDELT2, (l) => l.map((x, i) => (i === 9 ? x.split('\t').with(25, '2').join('\t') : x))],
    [
      '56-cell GDELT 1.0 row',
      GDELT1,
      (l) => l.map((x, i) => (i === 9 ? x.split('\t').slice(0, 56).join('\t') : x)),
    ],
  ];
  for (const [name, file, edit] of cases) {
    it(name, async () => {
      const r = await bothWays([variant(`${name.replaceAll(' ', '-')}.tsv`, file, edit)], { maxRejects: 5 });
      expect(r.via).toEqual(['reader', 'reader']);
    }, 60_000);
  }

  it('a file name DuckDB would take as a glob pattern', async () => {
    const file = join(dir, 'sample[1].tsv');
    writeFileSync(file, readFileSync(GDELT2));
    // What the pattern matches instead: a short file of the same kind.
    writeFileSync(join(dir, 'sample1.tsv'), readFileSync(GDELT2, 'utf8').split('\n').slice(0, 5).join('\n'));
    const r = await bothWays([file]);
    expect(r.via).toEqual(['reader', 'reader']);
    expect(r.reports[0]!.imported).toBe(3929);
  }, 60_000);

  it('invalid UTF-8 in a cell the store does not keep', async () => {
    const bytes = readFileSync(GDELT2);
    // After the 40th tab of line 2: Actor2Geo_FullName, a cell the store never reads.
    let at = bytes.indexOf('\n');
    for (let k = 0; k < 40; k++) at = bytes.indexOf('\t', at + 1);
    const bad = Buffer.concat([bytes.subarray(0, at), Buffer.from([0x09, 0xff]), bytes.subarray(at + 1)]);
    const file = join(dir, 'latin.tsv');
    writeFileSync(file, bad);
    const r = await bothWays([file], { maxRejects: 5 });
    expect(r.via).toEqual(['reader', 'reader']);
  }, 60_000);
});
