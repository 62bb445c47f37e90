import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
/**
 * The HTTP API over a real socket: every answer is compared with what the library computes from
 * the same world, bad requests get a 4xx with a useful JSON message, and the server keeps serving
 * after each of them.
 */
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type Client, createClient } from '../src/api/client.js';
import { type RunningServer, startServer } from '../src/api/server.js';
import { DIMENSIONS } from '../src/domain/schema.js';
import type { World } from '../src/domain/world.js';
import { loadWorld } from '../src/worlds/load.js';
import { snapshot } from '../src/worlds/snapshot.js';

let server: RunningServer;
let api: Client;
let world: World;
const logLines: string[] = [];

beforeAll(async () => {
  world = loadWorld('eurasia');
  server = await startServer({
    port: 0,
    log: (line) => logLines.push(line),
    limits: { maxBodyBytes: 64 * 1024, maxRuns: 500, maxHorizon: 60, maxWork: 10_000 },
  });
  api = createClient({ baseUrl: server.url });
});

afterAll(async () => {
  await server?.close();
});

/** Two months of the world's period in which at least one tie has a different value. */
function monthsWithChange(): { before: string; after: string; a: string; b: string } {
  for (const s of world.ties) {
    for (let k = 1; k < s.observations.length; k++) {
      const prev = s.observations[k - 1]!;
      const next = s.observations[k]!;
      if (prev.value !== next.value && next.at.length >= 7 && prev.at.slice(0, 7) !== next.at.slice(0, 7)) {
        return { before: prev.at.slice(0, 7), after: next.at.slice(0, 7), a: s.a, b: s.b };
      }
    }
  }
  throw new Error('the world has no tie that changes between two months');
}

async function raw(
  path: string,
  init?: RequestInit,
): Promise<{ status: number; body: unknown; res: Response }> {
  const res = await fetch(`${server.url}${path}`, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body, res };
}

async function expectStillServing(): Promise<void> {
  const health = await api.health();
  expect(health.status).toBe('ok');
}

describe('worlds and snapshots', () => {
  it('lists the bundled world and says which one opens first', async () => {
    const worlds = await api.worlds();
    const eurasia = worlds.find((w) => w.id === 'eurasia');
    expect(eurasia?.default).toBe(true);
    expect(eurasia?.period).toEqual(world.meta.period);
  });

  it('serves world details with every actor and corridor', async () => {
    const detail = await api.world('eurasia');
    expect(detail.actors.map((a) => a.id).sort()).toEqual(world.actors.map((a) => a.id).sort());
    expect(detail.corridors.length).toBe(world.corridors.length);
    expect(detail.stats.actors).toBe(world.actors.length);
  });

  it('answers snapshots exactly as the library computes them, on every layer', async () => {
    const { before, after } = monthsWithChange();
    for (const at of [before, after]) {
      for (const layer of ['composite', ...DIMENSIONS] as const) {
        const got = await api.snapshot('eurasia', { at, dimension: layer });
        const want = snapshot(world, at, { layer });
        expect(got.ties).toEqual(JSON.parse(JSON.stringify(want.ties)));
        expect(got.actors.length).toBe(want.actors.length);
      }
    }
  });

  it('replays a tie that changes over time', async () => {
    const { before, after, a, b } = monthsWithChange();
    const [x, y] = a < b ? [a, b] : [b, a];
    const value = async (at: string) =>
      (await api.tie('eurasia', x, y, { at })).layers.find((l) => l.dimension === 'composite')?.value;
    const v1 = await value(before);
    const v2 = await value(after);
    expect(v1).not.toBe(v2);
    expect(v2).toBeCloseTo(snapshot(world, after).ties.find((t) => t.a === x && t.b === y)!.value, 12);
  });

  it('gives each tie its evidence with quotes and sources from the world', async () => {
    const ties = await api.ties('eurasia', { at: world.meta.period.to, dimension: 'military' });
    expect(ties.ties.length).toBeGreaterThan(0);
    for (const t of ties.ties) {
      expect(t.evidence.length).toBeGreaterThan(0);
      for (const e of t.evidence) {
        const record = world.evidenceById.get(e.id)!;
        expect(e.quote).toBe(record.quote);
        expect(e.source.id).toBe(record.source);
      }
    }
  });

  it('describes one dyad: layers, history and events', async () => {
    const series = world.ties[0]!;
    const detail = await api.tie('eurasia', series.b, series.a);
    const [x, y] = series.a < series.b ? [series.a, series.b] : [series.b, series.a];
    expect([detail.a.id, detail.b.id]).toEqual([x, y]);
    const history = detail.history.find((h) => h.dimension === series.dimension)!;
    expect(history.observations.length).toBe(series.observations.length);
  });

  it('exports GEXF that parses and holds every actor existing then, and CSV with one row per tie', async () => {
    const at = world.meta.period.to;
    const gexf = await raw(`/api/worlds/eurasia/export/gexf?at=${at}`);
    expect(gexf.status).toBe(200);
    expect(gexf.res.headers.get('content-disposition')).toMatch(/attachment; filename="eurasia-.*\.gexf"/);
    const doc = new DOMParser().parseFromString(String(gexf.body), 'text/xml');
    expect(doc.getElementsByTagName('node').length).toBe(snapshot(world, at).actors.length);
    const csv = await raw(`/api/worlds/eurasia/export/csv?at=${at}&dimension=economic`);
    const rows = String(csv.body).trim().split('\n');
    expect(rows.length - 1).toBe(snapshot(world, at, { layer: 'economic' }).ties.length);
  });
});

describe('the server itself', () => {
  it('publishes an OpenAPI document covering the routes, and a script-free docs page', async () => {
    const doc = (await raw('/openapi.json')).body as { paths: Record<string, unknown> };
    for (const path of [
      '/api/worlds',
      '/api/worlds/{world}/snapshot',
      '/api/worlds/{world}/ties/{a}/{b}',
      '/api/worlds/{world}/scenarios',
      '/api/jobs/{id}/events',
      '/api/bargaining/issues/{issue}/forecast',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const docs = await raw('/docs');
    expect(docs.res.headers.get('content-type')).toMatch(/text\/html/);
    expect(String(docs.body)).not.toMatch(/<script/i);
    expect(String(docs.body)).toContain('/api/worlds/{world}/snapshot');
  });

  it('sets security headers on every response, errors included', async () => {
    for (const path of ['/api/health', '/api/worlds/nowhere', '/docs']) {
      const { res } = await raw(path);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('keeps the world’s events in a DuckDB file and answers event queries from it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cb-api-db-')), 'events.duckdb');
    const other = await startServer({ port: 0, log: null, db: file });
    try {
      const health = await createClient({ baseUrl: other.url }).health();
      const world = loadWorld('eurasia');
      expect(health.db).toMatchObject({ path: file, status: 'connected', events: world.events.length });
      expect(existsSync(file)).toBe(true);
      const pair = world.events.filter((e) => [e.source, e.target].sort().join() === 'PAK,RUS');
      const listed = await (await fetch(`${other.url}/api/worlds/eurasia/events?a=RUS&b=PAK`)).json();
      expect(listed.events.map((e: { id: string }) => e.id).sort()).toEqual(
        pair.map((e) => `eurasia:${e.id}`).sort(),
      );
      const months = await (await fetch(`${other.url}/api/worlds/eurasia/events/monthly?a=PAK&b=RUS`)).json();
      expect(months.series.reduce((n: number, m: { events: number }) => n + m.events, 0)).toBe(pair.length);
      const unknown = await fetch(`${other.url}/api/worlds/eurasia/events?actor=PAKK`);
      expect(unknown.status).toBe(404);
      expect((await unknown.json()).error).toMatch(/did you mean 'PAK'/);
    } finally {
      await other.close();
    }
  });

  it('serves repeated reads from its cache with an ETag, and 304 when the client has it', async () => {
    const path = '/api/worlds/eurasia/snapshot?at=2018-03&dimension=energy';
    const first = await raw(path);
    const etag = first.res.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const second = await raw(path);
    expect(second.body).toEqual(first.body);
    expect(second.res.headers.get('etag')).toBe(etag);
    const revalidated = await fetch(`${server.url}${path}`, { headers: { 'If-None-Match': etag! } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    const other = await raw('/api/worlds/eurasia/snapshot?at=2018-03&dimension=military');
    expect(other.res.headers.get('etag')).not.toBe(etag);
  });

  it('logs one JSON line per request with method, path, status and ms', async () => {
    const before = logLines.length;
    await raw('/api/worlds/eurasia/snapshot?at=2016-09');
    const line = logLines.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(line).toHaveLength(1);
    expect(line[0]).toMatchObject({ method: 'GET', path: '/api/worlds/eurasia/snapshot', status: 200 });
    expect(typeof line[0]!.ms).toBe('number');
  });
});

describe('bad requests get a 4xx with a useful message, and the server keeps serving', () => {
  const cases: { name: string; path: string; init?: RequestInit; status: number; says: RegExp }[] = [
    {
      name: 'unknown world',
      path: '/api/worlds/atlantis/snapshot',
      status: 404,
      says: /no world 'atlantis'.*eurasia/,
    },
    {
      name: 'unknown actor',
      path: '/api/worlds/eurasia/ties/RUS/PAKK',
      status: 404,
      says: /no actor 'PAKK'.*did you mean 'PAK'/,
    },
    {
      name: 'impossible date',
      path: '/api/worlds/eurasia/snapshot?at=2016-13',
      status: 422,
      says: /query\.at/,
    },
    {
      name: 'unknown layer',
      path: '/api/worlds/eurasia/snapshot?dimension=cultural',
      status: 422,
      says: /query\.dimension/,
    },
    {
      name: 'unknown export format',
      path: '/api/worlds/eurasia/export/pdf',
      status: 422,
      says: /path\.format/,
    },
    { name: 'unknown route', path: '/api/nothing-here', status: 404, says: /openapi\.json/ },
    {
      name: 'malformed JSON',
      path: '/api/worlds/eurasia/scenarios',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name": "x", "start": ',
      },
      status: 422,
      says: /malformed JSON/,
    },
    {
      name: 'malformed YAML',
      path: '/api/worlds/eurasia/scenarios',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/yaml' },
        body: 'name: x\nstart: 2021-12\n  horizon: [',
      },
      status: 422,
      says: /line 3|body:3/,
    },
    {
      name: 'unknown actor in a scenario',
      path: '/api/worlds/eurasia/scenarios',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'x',
          start: '2021-12',
          horizon: 6,
          runs: 10,
          shocks: [{ at: 0, tie: ['USA', 'CHNN'], shift: 0.5 }],
        }),
      },
      status: 422,
      says: /shocks\[0\]\.tie\[1\].*CHNN.*did you mean 'CHN'/s,
    },
    {
      name: 'absurd run count',
      path: '/api/worlds/eurasia/scenarios',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x', start: '2021-12', horizon: 12, runs: 1_000_000_000 }),
      },
      status: 413,
      says: /runs: 1000000000 exceeds/,
    },
    {
      name: 'runs × horizon beyond the limit',
      path: '/api/worlds/eurasia/scenarios',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/yaml' },
        body: 'name: x\nstart: 2021-12\nhorizon: 60\nruns: 400\n',
      },
      status: 413,
      says: /runs × horizon = 24000/,
    },
    {
      name: 'negative horizon',
      path: '/api/worlds/eurasia/scenarios',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/yaml' },
        body: 'name: x\nstart: 2021-12\nhorizon: -3\n',
      },
      status: 422,
      says: /horizon/,
    },
    {
      name: 'oversized body',
      path: '/api/worlds/eurasia/scenarios',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/yaml' },
        body: `name: x\ndescription: "${'a'.repeat(100 * 1024)}"\nstart: 2021-12\nhorizon: 6\n`,
      },
      status: 413,
      says: /exceeds 65536 bytes/,
    },
    {
      name: 'empty body',
      path: '/api/worlds/eurasia/scenarios',
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' },
      status: 422,
      says: /empty/,
    },
    {
      name: 'malformed KTAB CSV',
      path: '/api/bargaining/forecast',
      init: { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'name,desc,two,1\nheader\n' },
      status: 422,
      says: /line 1/,
    },
    {
      name: 'unknown bargaining issue',
      path: '/api/bargaining/issues/..%2F..%2Fetc%2Fpasswd/forecast',
      status: 404,
      says: /no bargaining issue/,
    },
    { name: 'unknown job', path: '/api/jobs/no-such-job', status: 404, says: /no job/ },
  ];

  for (const c of cases) {
    it(`${c.name} → ${c.status}`, async () => {
      const { status, body, res } = await raw(c.path, c.init);
      expect(status).toBe(c.status);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const err = body as { error: string; problems?: unknown[] };
      expect(typeof err.error).toBe('string');
      expect(err.error).toMatch(c.says);
      if (status === 422) expect(Array.isArray(err.problems) && err.problems.length > 0).toBe(true);
      await expectStillServing();
    });
  }

  it('the client raises ApiError with the server message', async () => {
    const err = await api.tie('eurasia', 'RUS', 'XXX').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(404);
    expect((err as ApiError).message).toMatch(/no actor 'XXX'/);
  });
});

describe('scenario runs', () => {
  const scenario = (runs: number) =>
    `name: test\nstart: 2021-12\nhorizon: 6\nruns: ${runs}\nseed: 3\nshocks:\n  - { at: 0, tie: [USA, CHN], shift: 0.5 }\n`;

  it('queues a run, streams progress, then the result', async () => {
    const accepted = await api.post<{ job: { id: string }; links: { events: string } }>(
      '/api/worlds/eurasia/scenarios',
      scenario(60),
      { track: 'IND-RUS' },
    );
    expect(accepted.links.events).toBe(`/api/jobs/${accepted.job.id}/events`);
    const progress: number[] = [];
    const end = await api.watchJob(accepted.job.id, (p) => progress.push(p.done));
    expect(end.status).toBe('done');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(60);
    const result = end.result as { runs: number; trajectories: Record<string, { mean: number }[]> };
    expect(result.runs).toBe(60);
    expect(Object.keys(result.trajectories).sort()).toEqual(['CHN-USA', 'IND-RUS']);
    expect(result.trajectories['IND-RUS']).toHaveLength(7);
    const again = await api.job(accepted.job.id);
    expect(again.status).toBe('done');
  });

  it('answers the same seeded scenario with the same numbers when asked to wait', async () => {
    const first = await api.post<{ effects: unknown[] }>('/api/worlds/eurasia/scenarios', scenario(20), {
      wait: 'true',
    });
    const second = await api.post<{ effects: unknown[] }>('/api/worlds/eurasia/scenarios', scenario(20), {
      wait: 'true',
    });
    expect(first.effects.length).toBeGreaterThan(0);
    expect(second.effects).toEqual(first.effects);
  });

  it('cancels a running scenario: it stops early, ends cancelled, and the server keeps serving', async () => {
    const longRun = scenario(500).replace('horizon: 6', 'horizon: 20');
    const accepted = await api.post<{ job: { id: string } }>('/api/worlds/eurasia/scenarios', longRun);
    let asked = false;
    const end = await api.watchJob(accepted.job.id, () => {
      if (asked) return;
      asked = true;
      void api.cancelJob(accepted.job.id);
    });
    expect(asked).toBe(true);
    expect(end.status).toBe('cancelled');
    expect(end.progress.done).toBeLessThan(500);
    expect(end.result).toBeUndefined();
    await expectStillServing();
  });

  it('lists the bundled scenarios of the world with their YAML', async () => {
    const list = await api.get<{ id: string; world?: string; text: string }[]>(
      '/api/worlds/eurasia/scenarios',
    );
    expect(list.length).toBeGreaterThan(0);
    for (const s of list) expect(s.text).toContain('start:');
  });
});

describe('bargaining', () => {
  it('lists bundled issues and forecasts one with both models', async () => {
    const issues =
      await api.get<{ id: string; actors: number; dimensions: string[] }[]>('/api/bargaining/issues');
    const oneDim = issues.find((i) => i.dimensions.length === 1 && i.actors < 20)!;
    expect(oneDim).toBeDefined();
    for (const model of ['smp', 'bdm']) {
      const f = await api.get<{
        model: string;
        actors: string[];
        turns: unknown[];
        final: Record<string, number[]>;
      }>(`/api/bargaining/issues/${oneDim.id}/forecast`, { model, detail: 'false' });
      expect(f.model).toBe(model);
      expect(f.actors).toHaveLength(oneDim.actors);
      expect(Object.keys(f.final)).toHaveLength(oneDim.actors);
      expect(f.turns.length).toBeGreaterThan(0);
    }
  });

  it('adds a seeded sensitivity band to a forecast when asked for draws', async () => {
    const q = { draws: 30, seed: 5, detail: 'false' as const };
    const a = await api.forecast('russia-joins-cpec', q);
    const b = await api.forecast('russia-joins-cpec', q);
    expect(a.sensitivity).toMatchObject({ seed: 5, draws: 30, band: [0.05, 0.95] });
    const median = a.sensitivity!.dimensions[0]!.median;
    expect(median.point).toBe(a.forecast.median[0]);
    expect(median.low).toBeLessThanOrEqual(median.point);
    expect(a.sensitivity!.swings.some((w) => w.actor === 'IND' && w.field === 'salience')).toBe(true);
    expect(b.sensitivity).toEqual(a.sensitivity);
    expect((await api.forecast('russia-joins-cpec', { detail: 'false' })).sensitivity).toBeUndefined();
  });

  it('serves what each number of an issue rests on and its uncertainty', async () => {
    const india = (await api.bargainingIssue('russia-joins-cpec')).actors.find((a) => a.id === 'IND')!;
    expect(india.basis?.salience?.kind).toBe('judgement');
    expect(india.uncertainty).toEqual({ position: [5], salience: [10], capability: 0.1 });
  });
});
