/**
 * Property-based fuzzing of HTTP bodies, paths, queries and headers against a real server on port
 * 0: whatever arrives, the answer is a status below 500 with a JSON error when it is 4xx, within a
 * time limit, and the server keeps serving. Seeded, so a failure replays; the counts are printed.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/api/server.js';

const SEED = 16_016;
const RUNS = 250;
const HANG_MS = 20_000;

const KTAB = readFileSync(new URL('../data/bargaining/dummyData_3Dim.csv', import.meta.url), 'utf8');
const SCENARIO = readFileSync(
  new URL('../scenarios/seed-us-china-rapprochement.yaml', import.meta.url),
  'utf8',
);

let server: RunningServer;
const counts = { requests: 0, byClass: {} as Record<string, number>, crashes: 0, hangs: 0 };

beforeAll(async () => {
  server = await startServer({
    port: 0,
    log: null,
    // Small work limits keep the fuzzing cheap; every path through the checks is still reached.
    limits: {
      maxRuns: 20,
      maxWork: 400,
      maxBargainingActors: 60,
      maxWaitingForecasts: 1000,
      maxQueuedJobs: 1000,
    },
  });
});

afterAll(async () => {
  process.stdout.write(
    `HTTP fuzz (seed ${SEED}): requests ${counts.requests}, by status ${JSON.stringify(counts.byClass)}, 5xx ${counts.crashes}, hangs ${counts.hangs}\n`,
  );
  await server?.close();
});

/** Text that is sometimes a valid document, sometimes a mutated one, sometimes noise. */
const mutated = (base: string) =>
  fc
    .tuple(fc.nat({ max: base.length }), fc.nat({ max: 40 }), fc.string({ maxLength: 20 }))
    .map(([at, cut, insert]) => base.slice(0, at) + insert + base.slice(at + cut));

const body = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  mutated(KTAB),
  mutated(SCENARIO),
  fc.constant(SCENARIO.replace(/runs: \d+/, 'runs: 5')),
  fc.constant(KTAB),
  fc
    .record({ name: fc.string(), start: fc.string(), horizon: fc.integer(), runs: fc.integer() })
    .map((o) => JSON.stringify(o)),
);

const contentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/yaml',
    'text/yaml',
    'text/csv',
    'text/plain',
    'multipart/form-data',
  ),
  fc.string({ maxLength: 30 }).filter((s) => /^[\x21-\x7e ]*$/.test(s)),
);

const segment = fc.oneof(
  fc.constantFrom(
    'eurasia',
    'doreian-mrvar',
    'RUS',
    'PAK',
    'dummyData_3Dim',
    'russia-joins-cpec',
    '..',
    '%2e%2e',
    'a%00b',
  ),
  fc.stringMatching(/^[\w.~-]{1,12}$/),
);

const path = fc.oneof(
  fc.tuple(segment).map(([w]) => `/api/worlds/${w}`),
  fc
    .tuple(
      segment,
      fc.constantFrom(
        'snapshot',
        'scenarios',
        'balance',
        'triangles',
        'balancers',
        'events',
        'actors',
        'export.gexf',
      ),
    )
    .map(([w, r]) => `/api/worlds/${w}/${r}`),
  fc.tuple(segment).map(([i]) => `/api/bargaining/issues/${i}`),
  fc.tuple(segment).map(([i]) => `/api/bargaining/issues/${i}/forecast`),
  fc.constant('/api/bargaining/forecast'),
  fc.tuple(segment).map(([j]) => `/api/jobs/${j}`),
  fc.array(segment, { maxLength: 4 }).map((s) => `/${s.join('/')}`),
);

const query = fc
  .dictionary(
    fc.constantFrom('at', 'dimension', 'model', 'detail', 'track', 'wait', 'world', 'from', 'to', 'limit'),
    fc.oneof(
      fc.constantFrom('2021-12', '1971', 'smp', 'bdm', 'true', 'military', 'IND-RUS', '-1', '1e9'),
      fc.string({ maxLength: 12 }),
    ),
    { maxKeys: 3 },
  )
  .map((q) => {
    const s = new URLSearchParams(q).toString();
    return s ? `?${s}` : '';
  });

const requestArb = fc.record({
  method: fc.constantFrom('GET', 'POST', 'POST', 'DELETE', 'PUT', 'PATCH'),
  path,
  query,
  contentType,
  body,
});

describe('HTTP fuzzing', () => {
  it('answers every request below 500, in time, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async (r) => {
        counts.requests++;
        const withBody = r.method !== 'GET' && r.method !== 'DELETE';
        let res: Response;
        try {
          res = await fetch(`${server.url}${r.path}${r.query}`, {
            method: r.method,
            headers: withBody ? { 'content-type': r.contentType } : {},
            ...(withBody && { body: r.body }),
            signal: AbortSignal.timeout(HANG_MS),
          });
        } catch (err) {
          if ((err as Error).name === 'TimeoutError') counts.hangs++;
          throw err;
        }
        const text = await res.text();
        const key = `${Math.floor(res.status / 100)}xx`;
        counts.byClass[key] = (counts.byClass[key] ?? 0) + 1;
        if (res.status >= 500) counts.crashes++;
        expect(res.status, `${r.method} ${r.path}${r.query}: ${text.slice(0, 200)}`).toBeLessThan(500);
        if (res.status >= 400 && r.path.startsWith('/api/')) {
          expect((JSON.parse(text) as { error?: unknown }).error).toEqual(expect.any(String));
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(counts.crashes).toBe(0);
    expect(counts.hangs).toBe(0);
  });
});
