/**
 * Same seed → byte-identical output whatever the number of worker threads; a scenario without
 * shocks has exactly zero effect against its paired baseline.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainPair } from '../src/simulation/scenarios/explain.js';
import { runScenario } from '../src/simulation/scenarios/run-scenario.js';
import { loadScenario, parseScenario } from '../src/simulation/scenarios/scenario.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const file = `${fixtures}sim-scenario.yaml`;

describe('paired Monte Carlo', () => {
  it('gives byte-identical JSON for the same seed with 1 and 2 workers', async () => {
    const one = JSON.stringify(await runScenario(loadScenario(file), { workers: 1, runs: 60 }));
    const two = JSON.stringify(await runScenario(loadScenario(file), { workers: 2, runs: 60 }));
    const again = JSON.stringify(await runScenario(loadScenario(file), { workers: 1, runs: 60 }));
    const threeOff = JSON.stringify(
      await runScenario(loadScenario(file), { workers: 3, offThread: true, runs: 60 }),
    );
    expect(two).toBe(one);
    expect(again).toBe(one);
    expect(threeOff).toBe(one);
    const other = JSON.stringify(await runScenario(loadScenario(file), { workers: 1, runs: 60, seed: 4 }));
    expect(other).not.toBe(one);
  });

  it('gives byte-identical followed measures for the same seed with 1 and 2 workers', async () => {
    const text =
      `name: follow\nworld: ./sim-world\nstart: 2021-12\nhorizon: 18\nruns: 40\nseed: 3\n` +
      `shocks:\n  - { at: 2, tie: [BEL, COR], shift: 0.6 }\n` +
      `follow:\n  - { triangle: [ARD, BEL, COR] }\n  - { tilt: DUN, between: [BEL, COR] }\n` +
      `  - { measure: frustration }\n  - { alignment: EST, poles: [BEL, COR] }\n  - { balance: [BEL, COR] }\n  - { threat: [COR, BEL] }\n`;
    const doc = () => parseScenario(text, 'follow.yaml', fixtures);
    const one = await runScenario(doc(), { workers: 1 });
    const two = await runScenario(doc(), { workers: 2 });
    const threeOff = await runScenario(doc(), { workers: 3, offThread: true });
    expect(JSON.stringify(threeOff)).toBe(JSON.stringify(one));
    expect(one.measures.map((m) => m.name)).toEqual([
      'triangle',
      'tilt',
      'frustration',
      'alignment',
      'militaryBalance',
      'threat',
    ]);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    // The measures move with the shock, so the equality is not of constants.
    expect(one.measures.find((m) => m.name === 'alignment')!.mean).not.toBe(0);
    const triangle = one.measures[0]!.outcomes!;
    expect(triangle.some((o) => o.scenario !== o.baseline)).toBe(true);
  });

  for (const workers of [1, 2]) {
    it(`stops when cancelled (${workers} thread${workers > 1 ? 's' : ''}): no chunk starts after the abort`, async () => {
      const controller = new AbortController();
      const seen: number[] = [];
      const run = runScenario(loadScenario(file), {
        workers,
        runs: 400,
        signal: controller.signal,
        onProgress: ({ done }) => {
          seen.push(done);
          controller.abort();
        },
      });
      await expect(run).rejects.toThrow(/cancelled/);
      // Chunks already under way when the abort came may still report; nothing after them.
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.length).toBeLessThanOrEqual(workers);
      expect(seen.at(-1)).toBeLessThan(400);
    });
  }

  it('does not start a run whose signal is already aborted', async () => {
    const seen: number[] = [];
    const run = runScenario(loadScenario(file), {
      workers: 1,
      runs: 40,
      signal: AbortSignal.abort(),
      onProgress: ({ done }) => seen.push(done),
    });
    await expect(run).rejects.toThrow(/cancelled/);
    expect(seen).toEqual([]);
  });

  it('cuts few runs into at least 20 chunks (by default), so threads end together on long runs', async () => {
    const progress = async (runs: number) => {
      const seen: number[] = [];
      await runScenario(loadScenario(file), { workers: 1, runs, onProgress: ({ done }) => seen.push(done) });
      return seen;
    };
    // 60 runs: chunks of 3 instead of 10; 1,000 runs keep chunks of 10; 7 runs go one by one.
    expect(await progress(60)).toEqual(Array.from({ length: 20 }, (_, k) => 3 * (k + 1)));
    expect(await progress(7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const many = await progress(1000);
    expect(many).toHaveLength(100);
    expect(many[0]).toBe(10);
  });

  it('has exactly zero effect when the scenario has no shocks', async () => {
    const text = `name: nothing\nworld: ./sim-world\nstart: 2021-12\nhorizon: 24\nruns: 30\nseed: 9\n`;
    const r = await runScenario(parseScenario(text, 'nothing.yaml', fixtures), {
      workers: 1,
      track: [['ARD', 'DUN']],
    });
    expect(r.effects.length).toBe(21);
    for (const e of r.effects) {
      expect([e.mean, e.lo, e.hi]).toEqual([0, 0, 0]);
      expect(e.pPositive).toBe(0.5);
    }
    expect(Object.values(r.attribution).every((a) => Object.keys(a).length === 0)).toBe(true);
    expect(r.trajectories['ARD-DUN']?.every((p) => p.mean === 0 && p.scenario === p.baseline)).toBe(true);
    // The baseline itself moves (noise), so zero is not for want of dynamics.
    const moved = r.trajectories['ARD-DUN']!.some(
      (p) => p.baseline !== r.trajectories['ARD-DUN']![0]!.baseline,
    );
    expect(moved).toBe(true);
  });

  it('reports progress chunk by chunk, explains pairs and records trajectories from the start date', async () => {
    const seen: number[] = [];
    const r = await runScenario(loadScenario(file), {
      workers: 1,
      runs: 60,
      chunk: 25,
      minChunks: 1,
      onProgress: ({ done, total }) => {
        expect(total).toBe(60);
        seen.push(done);
      },
    });
    expect(seen).toEqual([25, 50, 60]);
    const traj = r.trajectories['BEL-COR']!;
    expect(traj).toHaveLength(25);
    expect(traj[0]).toMatchObject({ step: 0, date: '2021-12', mean: 0 });
    expect(traj.at(-1)?.date).toBe('2023-12');
    expect(traj[1]!.mean).toBeGreaterThan(0.4);
    expect(r.checks[0]).toMatchObject({ pair: ['ARD', 'DUN'], direction: 'positive' });
    const e = explainPair(r, 'DUN', 'ARD');
    expect(e.text[0]).toMatch(/^ARD–DUN ends \+0\.\d{3} warmer/);
    expect(e.channels.length).toBeGreaterThan(1);
    expect(e.text.join('\n')).toMatch(/hedging and autonomy: \+0\.\d{3} .*through partners/);
  });
});
