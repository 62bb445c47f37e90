/**
 * `world from-events` on the real samples: the world validates, every observation cites the
 * events behind it (ids that are in the store, with their file lines), and balance, triangles and
 * a scenario run on it. Importing event files of other periods leaves its 2020-11 ties unchanged.
 * The streamed file holds what the world holds, and a world the checker rejects is an error that
 * never takes the name world.json.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importEventFiles } from '../src/evidence/import-event-files.js';
import { openDuckDbStore } from '../src/evidence/store/duckdb-store.js';
import { eventWorld, worldFromEvents } from '../src/evidence/world-from-events.js';
import { writeEventWorld } from '../src/evidence/write-event-world.js';
import { loadWorld } from '../src/worlds/load.js';
import { cli } from './helpers/cli.js';

const FIXTURES = 'test/fixtures/events';
const GDELT2 = join(FIXTURES, 'gdelt2_events_20201115_international_dyads.export.tsv');
const OTHERS = ['gdelt1_events_sample_20160728.tsv', 'icews_events_20180601-02_sample.tab'].map((f) =>
  join(FIXTURES, f),
);
const FIVE = ['RUS', 'PAK', 'IND', 'CHN', 'USA'];
const dir = mkdtempSync(join(tmpdir(), 'cb-events-world-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('world from-events', () => {
  it('writes a world that validates and cites the events behind every value', async () => {
    const db = join(dir, 'all.duckdb');
    expect(cli(['events', 'import', GDELT2, ...OTHERS, '--db', db, '--json']).code).toBe(0);
    const out = join(dir, 'world');
    const made = cli(['world', 'from-events', '--db', db, '--actors', FIVE.join(','), '-o', out, '--json']);
    expect(made.code, made.stderr).toBe(0);
    expect(cli(['world', 'validate', out]).code).toBe(0);
    const world = loadWorld(out);
    expect(world.ties.length).toBeGreaterThan(0);
    const store = await openDuckDbStore(db);
    for (const s of world.ties) {
      expect(s.origin).toBe('events');
      for (const o of s.observations) {
        for (const ref of o.evidence) {
          const ev = world.evidenceById.get(ref)!;
          expect(ev.rows!.length).toBeGreaterThan(0);
          const stored = await store.events({ pair: [s.a, s.b], limit: 10_000 });
          const byId = new Map(stored.map((e) => [e.id, e]));
          for (const row of ev.rows!) {
            expect(byId.get(String(row.event))?.line).toBe(row.line);
          }
        }
      }
    }
    store.close();

    const balance = cli(['balance', '-w', out, '--at', '2020-11', '--neutral', '0.02', '--json']);
    expect(balance.code, balance.stderr).toBe(0);
    expect(JSON.parse(balance.stdout)).toBeTypeOf('object');
    const triangles = cli(['triangles', '-w', out, '--at', '2020-11', '--neutral', '0.02', '--json']);
    expect(triangles.code, triangles.stderr).toBe(0);
    const scenario = join(dir, 'warm.yaml');
    writeFileSync(
      scenario,
      [
        'name: India and the US warm (event world)',
        'description: A lasting +0.3 shift of the IND–USA tie in the world built from event data.',
        'world: events',
        'start: 2020-11',
        'horizon: 6',
        'step: month',
        'runs: 20',
        'seed: 3',
        'shocks:',
        '  - { at: 0, tie: [IND, USA], shift: 0.3 }',
        '',
      ].join('\n'),
    );
    const run = cli(['scenario', 'run', scenario, '-w', out, '--workers', '1', '--json']);
    expect(run.code, run.stderr).toBe(0);
  }, 120_000);

  it('keeps the 2020-11 ties when files of other periods are added', async () => {
    const only = await openDuckDbStore(':memory:');
    await importEventFiles(only, [GDELT2]);
    const all = await openDuckDbStore(':memory:');
    await importEventFiles(all, [...OTHERS, GDELT2]);
    // Dyads seen only in other periods gain a series; the 2020-11 values must not move.
    const at = (w: Awaited<ReturnType<typeof worldFromEvents>>) =>
      (w.ties ?? []).flatMap((s) =>
        s.observations.filter((o) => o.at === '2020-11').map((o) => [s.a, s.b, o.value, o.confidence]),
      );
    expect(at(await worldFromEvents(all, { actors: FIVE }))).toEqual(
      at(await worldFromEvents(only, { actors: FIVE })),
    );
    only.close();
    all.close();
  });

  it('streams the world it builds, and a world the checker rejects is an error, not a world.json', async () => {
    const db = join(dir, 'gdelt2.duckdb');
    const store = await openDuckDbStore(db);
    await importEventFiles(store, [GDELT2]);
    const streamed = join(dir, 'streamed');
    // A small block, so the file is written in many pieces.
    const summary = await writeEventWorld(await eventWorld(store, { actors: FIVE }), streamed, {
      block: 4096,
    });
    const whole = await worldFromEvents(store, { actors: FIVE });
    store.close();
    expect(JSON.parse(readFileSync(join(streamed, 'world.json'), 'utf8'))).toEqual(whole);
    expect(summary.evidence).toBe(whole.evidence?.length);

    const out = join(dir, 'rejected');
    const made = cli([
      'world',
      'from-events',
      '--db',
      db,
      '--actors',
      FIVE.join(','),
      '--id',
      '9-bad',
      '-o',
      out,
    ]);
    expect(made.code).not.toBe(0);
    expect(made.stderr).toMatch(/meta\.id/);
    expect(existsSync(join(out, 'world.json'))).toBe(false);
  }, 60_000);
});
