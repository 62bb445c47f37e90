/** The event-data routes on a real server over a store holding the GDELT 2.0 sample. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/api/server.js';
import { importEventFiles } from '../src/evidence/import-event-files.js';
import { openDuckDbStore } from '../src/evidence/store/duckdb-store.js';

const GDELT2 = 'test/fixtures/events/gdelt2_events_20201115_international_dyads.export.tsv';
const dir = mkdtempSync(join(tmpdir(), 'cb-event-api-'));
let server: RunningServer;
let pairEvents: number;

beforeAll(async () => {
  const db = join(dir, 'events.duckdb');
  const store = await openDuckDbStore(db);
  await importEventFiles(store, [GDELT2]);
  pairEvents = (await store.events({ pair: ['RUS', 'USA'] })).length;
  store.close();
  server = await startServer({ port: 0, log: null, db });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string) => {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('event-data routes', () => {
  it('serve the dyad series and page through the events behind a point, with source URLs', async () => {
    const series = await get('/api/event-data/dyads?a=USA&b=RUS');
    expect(series.status).toBe(200);
    expect(series.body.series).toEqual([
      expect.objectContaining({ a: 'RUS', b: 'USA', period: '2020-11', count: pairEvents }),
    ]);
    const seen: string[] = [];
    for (let page: number | null = 1; page !== null; ) {
      const r = await get(`/api/event-data/events?a=RUS&b=USA&at=2020-11&pageSize=7&page=${page}`);
      expect(r.status).toBe(200);
      const events = r.body.events as { id: string; url: string | null; line: number }[];
      for (const e of events) {
        expect(e.url).toMatch(/^https?:\/\//);
        expect(e.line).toBeGreaterThan(0);
      }
      seen.push(...events.map((e) => e.id));
      page = r.body.next as number | null;
    }
    expect(new Set(seen).size).toBe(pairEvents);
    expect(seen).toHaveLength(pairEvents);
  });

  it('reject a malformed query with 4xx and keep serving', async () => {
    expect((await get('/api/event-data/events?a=RUS&b=USA&at=2020-13')).status).toBeGreaterThanOrEqual(400);
    expect((await get('/api/event-data/events?a=RUS&b=USA&at=2020-11&pageSize=100000')).status).toBeLessThan(
      500,
    );
    expect((await get('/api/event-data/dyads?a=RUS&b=USA')).status).toBe(200);
  });
});
