/**
 * `world from-events` writes the same bytes whatever DuckDB's thread count and from run to run
 * (exact integer sums, every query ordered), on a store of several row groups, so the engine
 * really scans and aggregates in parallel; and widening the actors never moves the ties, or the
 * evidence they cite, among the actors asked for first.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeGdelt2 } from '../bench/_make-gdelt2.js';
import { importEventFiles } from '../src/evidence/import-event-files.js';
import { openDuckDbStore } from '../src/evidence/store/duckdb-store.js';
import { eventWorld, type WorldFileInput, worldFromEvents } from '../src/evidence/world-from-events.js';
import { writeEventWorld } from '../src/evidence/write-event-world.js';

// More than two of DuckDB's row groups (122,880 rows each): scans split across threads.
const ROWS = 250_000;
const FIVE = ['RUS', 'PAK', 'IND', 'CHN', 'USA'];
const GDELT2 = 'test/fixtures/events/gdelt2_events_20201115_international_dyads.export.tsv';
const dir = mkdtempSync(join(tmpdir(), 'cb-events-determinism-'));
const db = join(dir, 'events.duckdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const file = join(dir, 'resampled.export.tsv');
  await makeGdelt2(file, ROWS);
  const store = await openDuckDbStore(db);
  const report = await importEventFiles(store, [file]);
  store.close();
  expect(report.imported).toBe(ROWS);
}, 300_000);

/** The world over every actor of the store, written with DuckDB on `threads` threads. */
async function written(threads: number, name: string) {
  const store = await openDuckDbStore(db, { threads });
  const out = join(dir, name);
  await writeEventWorld(await eventWorld(store, {}), out);
  const dyads = await store.dyads({ by: 'month' });
  store.close();
  return { bytes: readFileSync(join(out, 'world.json')), dyads };
}

describe('world from-events determinism', () => {
  it('writes the same bytes on one thread and on several, and run after run', async () => {
    const one = await written(1, 'one-thread');
    const several = await written(4, 'four-threads');
    const again = await written(4, 'four-threads-again');
    expect(one.bytes.length).toBeGreaterThan(1_000_000);
    expect(several.bytes.equals(one.bytes)).toBe(true);
    expect(again.bytes.equals(one.bytes)).toBe(true);
    expect(several.dyads).toEqual(one.dyads);
  }, 300_000);

  it('keeps the ties among the first actors when unrelated actors are added', async () => {
    const store = await openDuckDbStore(':memory:');
    await importEventFiles(store, [GDELT2]);
    const few = await worldFromEvents(store, { actors: FIVE });
    const all = await worldFromEvents(store, {});
    store.close();
    const others = (all.actors ?? []).map((a) => a.id).filter((id) => !FIVE.includes(id));
    expect(others.length).toBeGreaterThan(10);
    const among = (w: WorldFileInput) => {
      const ties = (w.ties ?? []).filter((s) => FIVE.includes(s.a) && FIVE.includes(s.b));
      const cited = new Set(ties.flatMap((s) => s.observations.flatMap((o) => o.evidence ?? [])));
      return { ties, evidence: (w.evidence ?? []).filter((e) => cited.has(e.id)) };
    };
    const before = among(few);
    expect(before.ties.length).toBeGreaterThan(3);
    expect(among(all)).toEqual(before);
  });
});
