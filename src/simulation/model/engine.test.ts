import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadWorld } from '../../worlds/load.js';
import { createSimulation } from './simulation.js';

const world = loadWorld(fileURLToPath(new URL('../../../test/fixtures/sim-world', import.meta.url)));
const quiet = { start: '2021-12', engine: { noise: 0 } };

describe('engine', () => {
  it('keeps a world without shocks or noise exactly at its start (steady start)', () => {
    const sim = createSimulation(world, quiet);
    const before = Float64Array.from(sim.engine.s.W);
    const caps = Float64Array.from(sim.engine.s.c);
    sim.step(120);
    expect(sim.engine.s.W).toEqual(before);
    expect(sim.engine.s.c).toEqual(caps);
    expect(sim.date).toBe('2031-12');
  });

  it('lets the start’s unbalanced triads resolve when the start is not read as a steady state', () => {
    // Σ −w_ij·w_jk·w_ik over the triads tied all round at the start that are unbalanced there.
    const strain = (W: Float64Array, n: number, triads: number[][]) =>
      triads.reduce(
        (sum, [i, j, k]) => sum + Math.max(0, -W[i! * n + j!]! * W[j! * n + k!]! * W[i! * n + k!]!),
        0,
      );
    const run = (steadyStart: boolean) => {
      const sim = createSimulation(world, { ...quiet, engine: { noise: 0, steadyStart } });
      const { n, W } = sim.engine.s;
      const triads: number[][] = [];
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++)
          for (let k = j + 1; k < n; k++)
            if (W[i * n + j]! * W[j * n + k]! * W[i * n + k]! < 0) triads.push([i, j, k]);
      const before = strain(W, n, triads);
      sim.step(120);
      return { before, after: strain(sim.engine.s.W, n, triads), count: triads.length };
    };
    const steady = run(true);
    const free = run(false);
    expect(steady.count).toBeGreaterThan(0);
    expect(steady.after).toBe(steady.before);
    expect(free.after).toBeLessThan(0.8 * free.before);
  });

  it('leaves a dyad without data unknown until a shock gives it a value', () => {
    // BEL–FAL has no tie at the start; both have ties to third actors that would move it.
    const run = (unknownStays: boolean) => {
      const sim = createSimulation(world, {
        start: '2021-12',
        seed: 3,
        engine: { steadyStart: false, unknownStays },
      });
      expect(sim.tie('BEL', 'FAL')).toBe(0);
      sim.step(60);
      return sim;
    };
    expect(run(true).tie('BEL', 'FAL')).toBe(0);
    expect(Math.abs(run(false).tie('BEL', 'FAL'))).toBeGreaterThan(0.02);
    // Known dyads still move, so the switch holds only the unknown ones.
    expect(run(true).tie('ARD', 'DUN')).not.toBe(createSimulation(world, quiet).tie('ARD', 'DUN'));
    const shocked = createSimulation(world, { start: '2021-12', seed: 3, engine: { steadyStart: false } });
    shocked.shiftTie('BEL', 'FAL', 0.3).step(1);
    const afterShock = shocked.tie('BEL', 'FAL');
    shocked.step(59);
    expect(afterShock).not.toBe(0);
    expect(shocked.tie('BEL', 'FAL')).not.toBe(afterShock);
  });

  it('steps as a plain call and stays near the start with noise', () => {
    const sim = createSimulation(world, { start: '2021-12', seed: 5 });
    const start = sim.tie('ARD', 'DUN');
    sim.step(36);
    expect(Math.abs(sim.tie('ARD', 'DUN') - start)).toBeLessThan(0.15);
    expect(sim.date).toBe('2024-12');
  });

  it('lets a lasting shock stay and an impulse fade', () => {
    const lasting = createSimulation(world, quiet).shiftTie('BEL', 'COR', 0.5).step(60);
    const impulse = createSimulation(world, quiet).shiftTie('BEL', 'COR', 0.5, false).step(60);
    const start = createSimulation(world, quiet).tie('BEL', 'COR');
    expect(lasting.tie('BEL', 'COR') - start).toBeGreaterThan(0.35);
    expect(impulse.tie('BEL', 'COR') - start).toBeLessThan(0.1);
  });

  it('makes a third power court the partner of a power that warms to its rival, and keeps the reaction', () => {
    // BEL (ARD's partner) warms to COR (ARD's rival): ARD bids for BEL and hedges toward DUN.
    const base = createSimulation(world, quiet);
    const shocked = createSimulation(world, quiet).shiftTie('BEL', 'COR', 0.5);
    base.step(36);
    shocked.step(36);
    expect(shocked.tie('ARD', 'BEL')).toBeGreaterThan(base.tie('ARD', 'BEL'));
    expect(shocked.tie('ARD', 'DUN')).toBeGreaterThan(base.tie('ARD', 'DUN'));
    const early = shocked.tie('ARD', 'DUN') - base.tie('ARD', 'DUN');
    base.step(84);
    shocked.step(84);
    expect(shocked.tie('ARD', 'DUN') - base.tie('ARD', 'DUN')).toBeGreaterThan(early / 3);
  });

  it('gives similar effects with monthly and yearly steps (rates are per year)', () => {
    const effect = (step: 'month' | 'year', k: number) => {
      const a = createSimulation(world, { ...quiet, step }).step(k);
      const b = createSimulation(world, { ...quiet, step })
        .shiftTie('BEL', 'COR', 0.5)
        .step(k);
      return b.tie('ARD', 'DUN') - a.tie('ARD', 'DUN');
    };
    const monthly = effect('month', 48);
    const yearly = effect('year', 4);
    expect(monthly).toBeGreaterThan(0);
    expect(yearly / monthly).toBeGreaterThan(0.5);
    expect(yearly / monthly).toBeLessThan(2);
  });

  it('switches mechanisms off and rejects unknown actors', () => {
    const none = createSimulation(world, {
      ...quiet,
      mechanisms: { baitAndBite: false, hedging: false, structuralBalance: false },
    }).shiftTie('BEL', 'COR', 0.5);
    const base = createSimulation(world, quiet);
    none.step(24);
    base.step(24);
    expect(Math.abs(none.tie('ARD', 'DUN') - base.tie('ARD', 'DUN'))).toBeLessThan(1e-3);
    expect(() => none.tie('ARD', 'XXX')).toThrow(/unknown actor 'XXX'/);
  });
});
