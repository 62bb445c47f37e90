/**
 * `--events-db` on `serve` and `scenario run`: the store's event-derived ties are composed onto the
 * world through the one seam (`openWorld` with an event source), the served world as
 * `<id>+events`, the scenario's world before its runs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TieAt } from '../src/domain/world.js';
import { openEventSource } from '../src/evidence/event-source.js';
import { importEventFiles } from '../src/evidence/import-event-files.js';
import { openDuckDbStore } from '../src/evidence/store/duckdb-store.js';
import { runScenario } from '../src/simulation/scenarios/run-scenario.js';
import { loadScenario } from '../src/simulation/scenarios/scenario.js';
import { openWorld } from '../src/worlds/open-world.js';
import { snapshot } from '../src/worlds/snapshot.js';
import { cli, projectRoot } from './helpers/cli.js';

const GDELT2 = 'test/fixtures/events/gdelt2_events_20201115_international_dyads.export.tsv';
const FIVE = ['RUS', 'PAK', 'IND', 'CHN', 'USA'];
const dir = mkdtempSync(join(tmpdir(), 'cb-events-db-'));
const db = join(dir, 'events.duckdb');
const home = mkdtempSync(join(tmpdir(), 'cb-events-db-home-'));
let child: ChildProcess | undefined;

beforeAll(async () => {
  const store = await openDuckDbStore(db);
  await importEventFiles(store, [GDELT2]);
  store.close();
});
afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `serve` and resolves with its base URL once it serves. */
function serve(...args: string[]): Promise<string> {
  child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', ...args], {
    cwd: projectRoot,
    env: { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data') },
  });
  let stderr = '';
  return new Promise((resolve, reject) => {
    child!.stderr!.on('data', (d) => {
      stderr += String(d);
      const url = /serving (http:\/\/[^/\s]+)\//.exec(stderr)?.[1];
      if (url) resolve(url);
    });
    child!.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
}

/** The event-derived values of a snapshot: used ones (origin) and ones shown beside curated values. */
function fromEvents(ties: TieAt[]): { used: TieAt[]; beside: TieAt[] } {
  return {
    used: ties.filter((t) => t.origin === 'events'),
    beside: ties.filter((t) => t.alternatives?.some((a) => a.origin === 'events')),
  };
}

describe('serve --events-db', () => {
  it('serves the world with the store’s ties composed onto it, and opens that one first', async () => {
    const url = await serve('--world', 'eurasia', '--events-db', db);
    const worlds = (await (await fetch(`${url}/api/worlds`)).json()) as { id: string; default: boolean }[];
    expect(worlds.find((w) => w.default)?.id).toBe('eurasia+events');
    expect(worlds.some((w) => w.id === 'eurasia')).toBe(true);
    const res = await fetch(`${url}/api/worlds/${encodeURIComponent('eurasia+events')}/snapshot?at=2020-11`);
    expect(res.status).toBe(200);
    const got = fromEvents(((await res.json()) as { ties: TieAt[] }).ties);
    // The same seam in process gives the same event-derived ties.
    const store = await openDuckDbStore(db);
    const source = await openEventSource(store, { actors: openWorld('eurasia').actors.map((a) => a.id) });
    store.close();
    const want = fromEvents(snapshot(openWorld('eurasia', { sources: [source] }), '2020-11').ties);
    expect(got.used.length + got.beside.length).toBeGreaterThan(0);
    expect(got.used.map((t) => [t.a, t.b, t.value])).toEqual(want.used.map((t) => [t.a, t.b, t.value]));
    expect(got.beside.map((t) => [t.a, t.b])).toEqual(want.beside.map((t) => [t.a, t.b]));
    const plain = await fetch(`${url}/api/worlds/eurasia/snapshot?at=2020-11`);
    const none = fromEvents(((await plain.json()) as { ties: TieAt[] }).ties);
    expect(none.used.length + none.beside.length).toBe(0);
  }, 120_000);
});

describe('scenario run --events-db', () => {
  const scenario = join(dir, 'warm.yaml');
  beforeAll(() => {
    writeFileSync(
      scenario,
      [
        'name: India and the US warm (eurasia with event data)',
        'description: A lasting +0.3 shift of the IND–USA tie, with the store’s events beside the curated ties.',
        'world: eurasia',
        'start: 2020-11',
        'horizon: 4',
        'step: month',
        'runs: 6',
        'seed: 3',
        'shocks:',
        '  - { at: 0, tie: [IND, USA], shift: 0.3 }',
        '',
      ].join('\n'),
    );
  });

  it('runs on the scenario’s world composed with the store, as openWorld with the event source does', async () => {
    const run = cli(['scenario', 'run', scenario, '--events-db', db, '--workers', '1', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const store = await openDuckDbStore(db);
    const source = await openEventSource(store, { actors: openWorld('eurasia').actors.map((a) => a.id) });
    store.close();
    const world = openWorld('eurasia', { sources: [source] });
    const want = await runScenario(loadScenario(scenario), { world, workers: 1 });
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(want)));
    expect(world.ties.filter((t) => t.origin === 'events' && FIVE.includes(t.a)).length).toBeGreaterThan(0);
  }, 180_000);

  it('refuses --bundle with --events-db (a bundle records world files, not a store)', () => {
    const run = cli(['scenario', 'run', scenario, '--events-db', db, '--bundle', join(dir, 'b')]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/--bundle/);
    expect(run.stderr).toMatch(/world from-events/);
  }, 60_000);
});
