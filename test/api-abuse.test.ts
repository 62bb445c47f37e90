/**
 * The server under abuse, over a real socket: heavy forecasts run in capped worker threads off the
 * request thread and end when their client goes; cross-site requests, foreign Host names, undocumented
 * media types and missing tokens are refused; bundled issue names never resolve to the working directory.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/api/server.js';
import { InvalidInputError } from '../src/domain/errors.js';

const HEAVY = readFileSync(new URL('../data/bargaining/dummyData-a160.csv', import.meta.url), 'utf8');
const SMALL = readFileSync(new URL('../data/bargaining/dummyData_3Dim.csv', import.meta.url), 'utf8');

/** A KTAB CSV of `actors` × `dims` (positions and saliences from a fixed pattern). */
function ktabCsv(actors: number, dims: number): string {
  const head = Array.from({ length: dims }, (_, d) => `D${d} Position, D${d} Salience`).join(', ');
  const rows = Array.from({ length: actors }, (_, a) => {
    const cells = Array.from(
      { length: dims },
      (_, d) => `${(a * 7 + d * 13) % 100}, ${(50 / dims).toFixed(4)}`,
    );
    return `A${a}, Actor ${a}, ${1 + (a % 9)}, ${cells.join(', ')}`;
  });
  return [`Big, Big issue, ${actors}, ${dims}`, `Actor, Description, Influence, ${head}`, ...rows].join('\n');
}

const threads = () => readdirSync('/proc/self/task').length;

/** The thread count once it has not changed for half a second (finished workers have exited). */
async function settledThreads(): Promise<number> {
  let last = threads();
  for (let still = 0; still < 10; ) {
    await new Promise((r) => setTimeout(r, 50));
    const now = threads();
    still = now === last ? still + 1 : 0;
    last = now;
  }
  return last;
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface Health {
  forecasts: { running: number; waiting: number };
}

function upload(server: RunningServer, body: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${server.url}/api/bargaining/forecast?detail=false`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body,
    ...(signal && { signal }),
  });
}

const health = async (s: RunningServer) => (await (await fetch(`${s.url}/api/health`)).json()) as Health;

/** A raw HTTP/1.1 request, so that Host and Origin can be anything. */
function rawRequest(
  url: string,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers ?? {} },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('forecasts under load', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      port: 0,
      log: null,
      limits: { maxForecastWorkers: 3, maxWaitingForecasts: 1 },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses an issue beyond the dimension and work limits with 413 before any work', async () => {
    const wide = await upload(server, ktabCsv(40, 1000));
    expect(wide.status).toBe(413);
    expect(((await wide.json()) as { error: string }).error).toMatch(/1000 dimensions; .* at most 50/);
    const big = await upload(server, ktabCsv(100, 30));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: string }).error).toMatch(/actors² × dimensions = 300000/);
    expect((await health(server)).forecasts).toEqual({ running: 0, waiting: 0 });
  });

  it('answers /api/health while a heavy upload is being forecast', async () => {
    const pending = upload(server, HEAVY);
    await until('the forecast to start', async () => (await health(server)).forecasts.running === 1);
    // Health answered while the forecast computes: the request thread is free.
    const res = await pending;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { actors: string[] }).actors).toHaveLength(160);
    expect((await health(server)).forecasts.running).toBe(0);
  });

  it('queues a 4th concurrent forecast beyond the cap of 3 and refuses a 5th with 503 and Retry-After', async () => {
    const controllers = Array.from({ length: 4 }, () => new AbortController());
    const pending = controllers.map((c) => upload(server, HEAVY, c.signal).catch(() => undefined));
    await until('3 running and 1 waiting', async () => {
      const f = (await health(server)).forecasts;
      return f.running === 3 && f.waiting === 1;
    });
    const refused = await upload(server, SMALL);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(((await refused.json()) as { error: string }).error).toMatch(/3 forecasts with 1 waiting/);
    for (const c of controllers) c.abort();
    await Promise.all(pending);
    await until('every slot to free', async () => {
      const f = (await health(server)).forecasts;
      return f.running === 0 && f.waiting === 0;
    });
  });

  it('ends the worker when its client disconnects (the thread count returns)', async () => {
    expect((await upload(server, SMALL)).status).toBe(200);
    const before = await settledThreads();
    const client = new AbortController();
    const pending = upload(server, HEAVY, client.signal).catch(() => 'aborted');
    await until(
      'the worker thread to start',
      async () => (await health(server)).forecasts.running === 1 && threads() > before,
    );
    client.abort();
    expect(await pending).toBe('aborted');
    await until(
      'the worker to end',
      async () => (await health(server)).forecasts.running === 0 && threads() <= before,
    );
  });
});

describe('cross-site requests', () => {
  let server: RunningServer;
  const scenario = 'name: x\nstart: 2021-12\nhorizon: 3\nruns: 5\n';
  beforeAll(async () => {
    server = await startServer({ port: 0, log: null, allowedHosts: ['cb.example.org'] });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses a state-changing request from another origin with 403, before any job exists', async () => {
    for (const headers of <Record<string, string>[]>[
      { 'content-type': 'text/plain', origin: 'https://evil.example' },
      { 'content-type': 'application/yaml', origin: 'https://evil.example' },
      { 'content-type': 'application/yaml', 'sec-fetch-site': 'cross-site' },
      { 'content-type': 'application/yaml', origin: 'null' },
    ]) {
      const res = await rawRequest(server.url, {
        method: 'POST',
        path: '/api/worlds/eurasia/scenarios',
        headers,
        body: scenario,
      });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.body).toMatch(/refused/);
    }
    const jobs = (
      (await (await fetch(`${server.url}/api/health`)).json()) as {
        jobs: { queued: number; running: number };
      }
    ).jobs;
    expect(jobs.queued + jobs.running).toBe(0);
  });

  it('accepts a same-origin POST', async () => {
    const res = await rawRequest(server.url, {
      method: 'POST',
      path: '/api/worlds/eurasia/scenarios',
      headers: { 'content-type': 'application/yaml', origin: server.url, 'sec-fetch-site': 'same-origin' },
      body: scenario,
    });
    expect(res.status).toBe(202);
  });

  it('refuses foreign Host names (DNS rebinding) and serves loopback, IP literals and configured names', async () => {
    const at = (host: string) => rawRequest(server.url, { path: '/api/health', headers: { host } });
    const evil = await at('evil.example');
    expect(evil.status).toBe(403);
    expect(evil.body).toMatch(/Host 'evil\.example' is not served/);
    for (const host of ['localhost:8080', '127.0.0.1', '[::1]:80', '192.168.1.20', 'cb.example.org']) {
      expect((await at(host)).status, host).toBe(200);
    }
  });

  it('accepts only the documented media types (415 otherwise)', async () => {
    for (const [path, type] of [
      ['/api/worlds/eurasia/scenarios', 'text/plain'],
      ['/api/worlds/eurasia/scenarios', 'application/x-www-form-urlencoded'],
      ['/api/worlds/eurasia/scenarios', 'text/csv'],
      ['/api/bargaining/forecast', 'text/plain'],
      ['/api/bargaining/forecast', 'multipart/form-data; boundary=x'],
    ] as const) {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: SMALL,
      });
      expect(res.status, `${path} ${type}`).toBe(415);
      expect(((await res.json()) as { error: string }).error).toMatch(/is not accepted here; send .* as /);
    }
    const none = await rawRequest(server.url, {
      method: 'POST',
      path: '/api/bargaining/forecast',
      body: SMALL,
    });
    expect(none.status).toBe(415);
  });
});

describe('access token', () => {
  let server: RunningServer;
  const token = 'correct horse battery staple';
  beforeAll(async () => {
    server = await startServer({ port: 0, log: null, token });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses to listen beyond loopback without a token', async () => {
    await expect(startServer({ port: 0, log: null, host: '0.0.0.0' })).rejects.toThrow(InvalidInputError);
    await expect(startServer({ port: 0, log: null, host: '0.0.0.0' })).rejects.toThrow(
      /COUNTERBALANCE_TOKEN/,
    );
  });

  it('asks every API request for the token: 401 without or wrong, 200 with the bearer token', async () => {
    const none = await fetch(`${server.url}/api/health`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/Bearer/);
    const wrong = await fetch(`${server.url}/api/health`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${server.url}/api/health`, { headers: { authorization: `Bearer ${token}` } });
    expect(right.status).toBe(200);
  });

  it('lets the workbench in through the printed link: ?token= sets a same-site cookie once', async () => {
    const bad = await fetch(`${server.url}/?token=guess`, { redirect: 'manual' });
    expect(bad.status).toBe(401);
    const link = await fetch(`${server.url}/?token=${encodeURIComponent(token)}`, { redirect: 'manual' });
    expect(link.status).toBe(303);
    expect(link.headers.get('location')).toBe('/');
    const cookie = link.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const withCookie = await fetch(`${server.url}/api/health`, {
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(withCookie.status).toBe(200);
  });
});

describe('bundled issue names', () => {
  let server: RunningServer;
  const cwd = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), 'cb-issues-cwd-'));
  beforeAll(async () => {
    mkdirSync(join(dir, 'dummyData_3Dim'));
    writeFileSync(join(dir, 'planted'), SMALL);
    writeFileSync(join(dir, 'dummyData_6Dim'), SMALL);
    process.chdir(dir);
    server = await startServer({ port: 0, log: null });
  });
  afterAll(async () => {
    await server?.close();
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('never resolves a name to a file or folder in the working directory', async () => {
    const folder = await fetch(`${server.url}/api/bargaining/issues/dummyData_3Dim`);
    expect(folder.status).toBe(200);
    expect(((await folder.json()) as { dimensions: string[] }).dimensions).toHaveLength(3);
    const shadowed = await fetch(`${server.url}/api/bargaining/issues/dummyData_6Dim`);
    expect(((await shadowed.json()) as { dimensions: string[] }).dimensions).toHaveLength(6);
    const planted = await fetch(`${server.url}/api/bargaining/issues/planted`);
    expect(planted.status).toBe(404);
    expect((await fetch(`${server.url}/api/bargaining/issues/planted/forecast`)).status).toBe(404);
  });
});
