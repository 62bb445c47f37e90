/**
 * Event files into the store: real samples with their row counts, dyad counts checked against a
 * plain reading of the file, re-import adds nothing, a file with a bad row stores nothing, and a
 * process killed mid-import leaves the store as it was.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importEventFiles } from '../src/evidence/import-event-files.js';
import { openDuckDbStore } from '../src/evidence/store/duckdb-store.js';
import { cli, projectRoot } from './helpers/cli.js';

const FIXTURES = 'test/fixtures/events';
const GDELT2 = join(FIXTURES, 'gdelt2_events_20201115_international_dyads.export.tsv');
const ALL = [
  'gdelt1_events_sample_20160728.tsv',
  'gdelt1_georgia_subset_201209-201211.csv.gz',
  'gdelt2_events_20201115_international_dyads.export.tsv',
  'icews_events_20180601-02_sample.tab',
].map((f) => join(FIXTURES, f));
const FIVE = ['RUS', 'PAK', 'IND', 'CHN', 'USA'];

const dir = mkdtempSync(join(tmpdir(), 'cb-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('importing the real samples', () => {
  it('stores every row once, and a second import adds nothing', async () => {
    const store = await openDuckDbStore(':memory:');
    const first = await importEventFiles(store, ALL);
    expect(first.files.map((f) => [f.rows, f.imported])).toEqual([
      [710, 710],
      [9753, 9753],
      [3929, 3929],
      [3705, 3705],
    ]);
    expect(first.rejected).toBe(0);
    const again = await importEventFiles(store, ALL);
    expect([again.imported, again.duplicates]).toEqual([0, 18097]);
    expect(await store.count()).toBe(18097);
    store.close();
  });

  it('counts the dyads among five states as the file itself does', async () => {
    const cells = readFileSync(GDELT2, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    const among = cells.filter((c) => FIVE.includes(c[7]!) && FIVE.includes(c[17]!));
    expect(among).toHaveLength(240);
    const expected = new Map<string, { n: number; g: number }>();
    for (const c of among) {
      if (c[7] === c[17]) continue;
      const key = [c[7], c[17]].sort().join('-');
      const e = expected.get(key) ?? { n: 0, g: 0 };
      expected.set(key, { n: e.n + 1, g: e.g + Number(c[30]) });
    }
    const store = await openDuckDbStore(':memory:');
    await importEventFiles(store, [GDELT2]);
    const rows = await store.dyads({ actors: FIVE });
    expect(rows.every((r) => r.period === '2020-11' && r.a < r.b)).toBe(true);
    expect(
      new Map(rows.map((r) => [`${r.a}-${r.b}`, { n: r.count, g: Number(r.goldsteinSum.toFixed(6)) }])),
    ).toEqual(new Map([...expected].map(([k, v]) => [k, { n: v.n, g: Number(v.g.toFixed(6)) }])));
    const directed = await store.dyads({ actors: FIVE, directed: true, by: 'year' });
    expect(directed.reduce((s, r) => s + r.count, 0)).toBe(rows.reduce((s, r) => s + r.count, 0));
    const roots = await store.dyads({ actors: FIVE, weighting: 'root' });
    expect(roots.reduce((s, r) => s + r.count, 0)).toBe(
      among.filter((c) => c[7] !== c[17] && c[25] === '1').length,
    );
    store.close();
  });

  it('a file with one bad row stores nothing, and says where the row is', async () => {
    const lines = readFileSync(GDELT2, 'utf8').split('\n');
    lines[99] = lines[99]!.replace(/\t20201115\t/, '\t2020111\t');
    const file = join(dir, 'one-bad.tsv');
    writeFileSync(file, lines.join('\n'));
    const store = await openDuckDbStore(':memory:');
    const report = await importEventFiles(store, [file]);
    expect(report.imported).toBe(0);
    expect(report.errors).toEqual([expect.objectContaining({ line: 100, reason: 'date', field: 'SQLDATE' })]);
    expect(await store.count()).toBe(0);
    const tolerant = await importEventFiles(store, [file], { maxRejects: 1 });
    expect(tolerant.imported).toBe(3928);
    store.close();
  });
});

describe('the events command', () => {
  it('imports with --json and exits 1 when a file has rejected rows', () => {
    const db = join(dir, 'cli.duckdb');
    const ok = cli(['events', 'import', GDELT2, '--db', db, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      rows: 3929,
      imported: 3929,
      duplicates: 0,
      rejected: 0,
      errors: [],
    });
    const bad = join(dir, 'garbage.tsv');
    writeFileSync(bad, '\u0000\u0001 not an event\n');
    const failed = cli(['events', 'import', bad, '--format', 'gdelt2', '--db', db, '--json']);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout).reasons).toEqual({ binary: 1 });
    const dyads = JSON.parse(
      cli(['events', 'dyads', '--db', db, '--actors', FIVE.join(','), '--directed', '--json']).stdout,
    );
    expect(dyads[0]).toHaveProperty('source');
    expect(
      dyads.every(
        (r: { source: string; target: string }) => FIVE.includes(r.source) && FIVE.includes(r.target),
      ),
    ).toBe(true);
    expect(cli(['events', 'dyads', '--db', db, '--by', 'week']).code).toBe(1);
  });
});

describe('events import --no-fast-path', () => {
  it("reads with the format's reader what the store would otherwise read itself, to the same result", () => {
    const run = (...extra: string[]) =>
      JSON.parse(
        cli(['events', 'import', GDELT2, '--db', join(dir, `path${extra.length}.duckdb`), '--json', ...extra])
          .stdout,
      );
    const fast = run();
    const reader = run('--no-fast-path');
    expect([fast.files[0].via, reader.files[0].via]).toEqual(['engine', 'reader']);
    expect({ ...reader, files: [] }).toEqual({ ...fast, files: [] });
  });
});

describe('the events command on PLOVER JSONL', () => {
  const PLOVER = join(FIXTURES, 'plover_from_gdelt2_20201115.jsonl');

  it('imports with --format plover, and --format auto says it chose plover and adds nothing again', () => {
    const db = join(dir, 'plover.duckdb');
    const named = cli(['events', 'import', PLOVER, '--format', 'plover', '--db', db, '--json']);
    expect(named.code).toBe(0);
    expect(JSON.parse(named.stdout)).toMatchObject({
      files: [{ format: 'plover', rows: 300, imported: 300, committed: true }],
      rejected: 0,
    });
    const auto = cli(['events', 'import', PLOVER, '--db', db, '--json']);
    expect(JSON.parse(auto.stdout)).toMatchObject({
      files: [{ format: 'plover', imported: 0, duplicates: 300 }],
    });
    const table = cli(['events', 'import', PLOVER, '--format', 'auto', '--db', db]);
    expect(table.stdout).toMatch(/plover/);
    const pairs = new Map<string, number>();
    for (const line of readFileSync(PLOVER, 'utf8').trim().split('\n')) {
      const r = JSON.parse(line);
      if (!FIVE.includes(r.actor_country) || !FIVE.includes(r.recipient_country)) continue;
      if (r.actor_country === r.recipient_country) continue;
      const key = [r.actor_country, r.recipient_country].sort().join('-');
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
    expect(pairs.size).toBeGreaterThan(0);
    const dyads = JSON.parse(
      cli(['events', 'dyads', '--db', db, '--actors', FIVE.join(','), '--json']).stdout,
    );
    expect(
      new Map(dyads.map((r: { a: string; b: string; count: number }) => [`${r.a}-${r.b}`, r.count])),
    ).toEqual(pairs);
  });

  it('keeps each PLOVER type, mode and context in the store beside the CAMEO coding', async () => {
    const store = await openDuckDbStore(':memory:');
    await importEventFiles(store, [PLOVER, GDELT2]);
    const plover = await store.events({ origin: 'plover_from_gdelt2_20201115.jsonl', limit: 1000 });
    const types = new Map(
      readFileSync(PLOVER, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .map((r) => [
          `plover:${r.event_id}`,
          [r.event_type, r.event_mode, r.contexts].filter(Boolean).join(' / '),
        ]),
    );
    expect(plover).toHaveLength(300);
    expect(plover.every((e) => e.title === types.get(e.id))).toBe(true);
    const gdelt = await store.events({
      origin: 'gdelt2_events_20201115_international_dyads.export.tsv',
      limit: 5,
    });
    expect(gdelt.map((e) => e.title)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    store.close();
  });

  it('a file with a malformed record stores nothing and names its line', () => {
    const db = join(dir, 'plover-bad.duckdb');
    const lines = readFileSync(PLOVER, 'utf8').split('\n');
    lines[4] = lines[4]!.slice(0, 50);
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, lines.join('\n'));
    const r = cli(['events', 'import', bad, '--db', db, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      imported: 0,
      reasons: { json: 1 },
      files: [{ format: 'plover', committed: false }],
    });
    expect(report.errors).toEqual([expect.objectContaining({ file: 'bad.jsonl', line: 5, reason: 'json' })]);
  });
});

describe('a process killed mid-import', () => {
  // A long file: the sample repeated with fresh ids, so the child is still at work when killed.
  const copies = 40;
  const big = join(dir, 'big.tsv');
  const bigFile = () => {
    const rows = readFileSync(GDELT2, 'utf8').trim().split('\n');
    const out: string[] = [];
    for (let k = 0; k < copies; k++)
      for (const r of rows) out.push(r.replace(/^\d+/, (id) => String(Number(id) + k * 1e7)));
    writeFileSync(big, `${out.join('\n')}\n`);
    return out.length;
  };

  /** Kills the importing child at the first progress line matching `at`; returns what it printed. */
  async function killed(path: 'reader' | 'engine', at: RegExp): Promise<string[]> {
    const db = join(dir, `killed-${path}.duckdb`);
    const seed = await openDuckDbStore(db);
    await importEventFiles(seed, [join(FIXTURES, 'icews_events_20180601-02_sample.tab')]);
    const before = await seed.stats();
    seed.close();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/helpers/import-child.ts', db, big, path],
      {
        cwd: projectRoot,
      },
    );
    const heard: string[] = [];
    const outcome = await new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        heard.push(...chunk.toString().split('\n').filter(Boolean));
        if (at.test(chunk.toString())) child.kill('SIGKILL');
        if (chunk.toString().includes('done')) resolve('finished');
      });
      child.on('exit', (_code, signal) => resolve(signal ?? 'exited'));
    });
    expect(outcome).toBe('SIGKILL');
    const after = await openDuckDbStore(db);
    expect(await after.stats()).toEqual(before);
    expect((await importEventFiles(after, [GDELT2])).imported).toBe(3929);
    after.close();
    return heard;
  }

  it('leaves the store exactly as before', async () => {
    bigFile();
    await killed('reader', /read [1-9]\d{4}/);
  }, 60_000);

  it('leaves the store exactly as before on the fast path too (killed while the rows are stored)', async () => {
    const total = bigFile();
    const heard = await killed('engine', /read \d+/);
    // The fast path says nothing until the whole file is judged, then stores it: killed in between.
    expect(heard[0]).toBe(`read ${total}`);
  }, 60_000);
});
