/**
 * `counterbalance claims check` and `GET /api/worlds/{world}/claims/check` on the bundled world: both
 * give what the library computes, and an unknown claim id is refused with a hint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkClaims } from '../src/analysis/claims/check-claims.js';
import { type RunningServer, startServer } from '../src/api/server.js';
import { loadWorld } from '../src/worlds/load.js';
import { runCliCaptured } from './helpers/run-command.js';

const VERDICTS = ['supported', 'contradicted', 'mixed', 'not-testable', 'no-data'];
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, log: () => {} });
});
afterAll(async () => {
  await server?.close();
});

describe('claims check', () => {
  const world = loadWorld('eurasia');
  const expected = checkClaims(world, { draws: 20, seed: 5 });

  it('CLI: exit 0 and one JSON verdict per claim, as the library computes', async () => {
    const r = await runCliCaptured(
      'claims',
      'check',
      '--world',
      'eurasia',
      '--draws',
      '20',
      '--seed',
      '5',
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual(expected);
    expect(out).toHaveLength(world.claims.length);
    for (const c of out) {
      expect(VERDICTS).toContain(c.verdict);
      expect(Object.keys(c)).toEqual([
        'id',
        'author',
        'date',
        'thesis',
        'verdict',
        'measured',
        'tests',
        'evidence',
      ]);
    }
    const tested = out.filter((c: { verdict: string }) => c.verdict !== 'not-testable');
    expect(tested.length).toBe(world.claims.filter((c) => c.test !== undefined).length);
  });

  it('CLI: one claim by id, and an unknown id exits 1 with a suggestion', async () => {
    const one = await runCliCaptured(
      'claims',
      'check',
      '--claim',
      'cl.unbalanced-in-favor-of-india',
      '--json',
    );
    expect(one.code).toBe(0);
    const [c] = JSON.parse(one.stdout);
    expect(c.id).toBe('cl.unbalanced-in-favor-of-india');
    expect(c.tests[0].label).toContain('tilt RUS between IND/CHN');
    expect(c.tests[0].series.length).toBeGreaterThan(1);
    const bad = await runCliCaptured('claims', 'check', '--claim', 'cl.unbalanced-in-favor-of-indai');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("no claim 'cl.unbalanced-in-favor-of-indai'");
    expect(bad.stderr).toContain('did you mean cl.unbalanced-in-favor-of-india?');
  });

  it('API: the same verdicts over HTTP, 404 for an unknown claim, 422 for too many draws', async () => {
    const res = await fetch(`${server.url}/api/worlds/eurasia/claims/check?draws=20&seed=5`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(expected);
    const missing = await fetch(`${server.url}/api/worlds/eurasia/claims/check?claim=cl.nope`);
    expect(missing.status).toBe(404);
    const tooMany = await fetch(`${server.url}/api/worlds/eurasia/claims/check?draws=1000000`);
    expect(tooMany.status).toBe(422);
  });
});
