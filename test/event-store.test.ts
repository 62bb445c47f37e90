import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../src/domain/errors.js';
import { openDuckDbStore } from '../src/evidence/store/duckdb-store.js';
import { eventsOfWorld } from '../src/evidence/store/world-events.js';
import { loadWorld } from '../src/worlds/load.js';

const world = loadWorld('eurasia');
const records = eventsOfWorld(world);

describe('DuckDB event store', () => {
  it('stores a world’s events in a file and aggregates dyad-months in SQL', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cb-db-')), 'events.duckdb');
    const store = await openDuckDbStore(file);
    expect(await store.importEvents(records)).toEqual({ imported: records.length, skipped: 0 });
    store.close();
    const reopened = await openDuckDbStore(file);
    expect(await reopened.count()).toBe(records.length);
    const pair = ['PAK', 'RUS'] as [string, string];
    const expected = records.filter((r) => [r.source, r.target].sort().join() === pair.join());
    const months = await reopened.dyadMonths({ pair });
    expect(months.reduce((n, m) => n + m.events, 0)).toBe(expected.length);
    for (const m of months) {
      const inMonth = expected.filter((r) => r.date.startsWith(m.month));
      expect(m.meanGoldstein).toBeCloseTo(inMonth.reduce((s, r) => s + r.goldstein, 0) / inMonth.length, 9);
    }
    const listed = await reopened.events({ actor: 'RUS', from: '2016', to: '2017-12' });
    expect(
      listed.every((e) => (e.source === 'RUS' || e.target === 'RUS') && e.date >= '2016' && e.date < '2018'),
    ).toBe(true);
    reopened.close();
  });

  it('gives dyad-months an exact mean: the sum of integer tenths over the count, as `dyads` does', async () => {
    const store = await openDuckDbStore(':memory:', { threads: 2 });
    // Shuffled copies in two origins: the same rows in another order sum to the same bits.
    const shuffled = [...records].reverse().map((r) => ({ ...r, id: `copy:${r.id}`, origin: 'copy' }));
    await store.importEvents([...records, ...shuffled]);
    const tenths = new Map<string, { sum: number; n: number }>();
    for (const r of records) {
      if (r.source === '' || r.target === '') continue;
      const key = `${[r.source, r.target].sort().join('-')} ${r.date.slice(0, 7)}`;
      const t = tenths.get(key) ?? { sum: 0, n: 0 };
      t.sum += Math.round(r.goldstein * 10);
      t.n += 1;
      tenths.set(key, t);
    }
    const months = await store.dyadMonths({ origin: 'copy' });
    const series = new Map(
      (await store.dyads({ imported: false })).map((d) => [`${d.a}-${d.b} ${d.period}`, d.goldsteinMean]),
    );
    let checked = 0;
    for (const m of months) {
      const expected = tenths.get(`${m.a}-${m.b} ${m.month}`);
      if (!expected || m.a === m.b) continue;
      expect(m.meanGoldstein).toBe(expected.sum / (10 * expected.n));
      expect(series.get(`${m.a}-${m.b} ${m.month}`)).toBe(m.meanGoldstein);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    expect(await store.dyadMonths({ origin: world.meta.id })).toEqual(months);
    store.close();
  });

  it('imports all or nothing: a bad row rejects the batch with its line, a clash rolls back', async () => {
    const store = await openDuckDbStore(':memory:');
    const bad = records.map((r, i) => (i === 3 ? { ...r, goldstein: 42 } : r));
    const err = await store.importEvents(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).problems[0]).toMatchObject({ line: 4, field: 'goldstein' });
    expect(await store.count()).toBe(0);
    await store.importEvents(records.slice(0, 5));
    const clash = [...records.slice(5, 10), records[0]!];
    await expect(store.importEvents(clash)).rejects.toThrow(/rolled back/);
    expect(await store.count()).toBe(5);
    store.close();
  });
});

describe('DuckDB event store: replacing an origin', () => {
  it('swaps a world’s events atomically and filters by origin', async () => {
    const store = await openDuckDbStore(':memory:');
    await store.importEvents([{ ...records[0]!, id: 'other:1', origin: 'other' }]);
    await store.replaceOrigin(world.meta.id, records);
    await store.replaceOrigin(world.meta.id, records);
    expect(await store.count()).toBe(records.length + 1);
    expect((await store.events({ origin: 'other' })).map((e) => e.id)).toEqual(['other:1']);
    const bad = [...records.slice(0, 3), { ...records[3]!, date: 'soon' }];
    await expect(store.replaceOrigin(world.meta.id, bad)).rejects.toThrow(InvalidInputError);
    expect((await store.events({ origin: world.meta.id })).length).toBe(records.length);
    store.close();
  });
});
