import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../domain/layers.js';
import type { Layer } from '../../domain/world.js';
import { loadWorld } from '../../worlds/load.js';
import { Engine } from '../model/engine.js';
import { ENGINE_DEFAULTS } from '../model/engine-params.js';
import { MECHANISMS } from '../model/mechanisms/index.js';
import { pairIndex } from '../model/mechanisms/types.js';
import { runStream, StepNoise } from '../model/step-noise.js';
import { compileWorld } from '../model/world-model.js';
import { fitRates } from './fit-rates.js';
import type { Panel, PanelYear } from './panel.js';

const world = loadWorld(fileURLToPath(new URL('../../../test/fixtures/sim-world', import.meta.url)));

/**
 * A panel the engine itself wrote: `years` yearly steps of the sim-world from 2021-12 with the
 * given rates (everything else off), no steady start, and a little noise.
 */
function simulatedPanel(rates: Record<string, Record<string, number>>, years: number, seed: number): Panel {
  const model = compileWorld(world, '2021-12');
  const { n } = model;
  const engine = new Engine(n, 1, model.prox, model.observed, MECHANISMS);
  const params = MECHANISMS.map((m) => ({ ...m.defaults, ...rates[m.id] }));
  const engineParams = { ...ENGINE_DEFAULTS, steadyStart: false, noise: 0.02, memory: 0.01 };
  engine.reset(model.ties, model.capabilities, params, engineParams);
  const noise = new StepNoise(n, model.observed);
  noise.reset(runStream(seed, 0, 'noise'), engineParams.noise, 1);
  const out = new Map<number, PanelYear>();
  const P = (n * (n - 1)) / 2;
  for (let y = 0; y <= years; y++) {
    if (y > 0) {
      engine.evaluate();
      engine.commit(noise.draw());
    }
    const composite = new Float64Array(P).fill(Number.NaN);
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        if (model.observed[i * n + j]) composite[pairIndex(n, i, j)] = engine.s.W[i * n + j]!;
    const values = Object.fromEntries(
      LAYERS.map((l) => [l, l === 'composite' ? composite : new Float64Array(P).fill(Number.NaN)]),
    ) as Record<Layer, Float64Array>;
    const yearModel = {
      ...model,
      ties: Float64Array.from(engine.s.W),
      capabilities: Float64Array.from(engine.s.c),
    };
    out.set(2000 + y, {
      year: 2000 + y,
      model: yearModel,
      toPanel: Int32Array.from(model.ids, (_, i) => i),
      values,
    });
  }
  return { world: 'simulated', ids: model.ids, n, pairs: P, years: out };
}

// Only structural balance and balancing against threat act; the news-driven rates are 0.
const truth = {
  inertia: { kappa: 0.01 },
  structuralBalance: { beta: 0.6 },
  balancingThreat: { gamma: 0 },
  baitAndBite: { delta: 0 },
  hedging: { eta: 0, lambda: 0 },
  securityDilemma: { sigma: 0 },
  armsDynamics: { reactivity: 0 },
  militaryDiplomacy: { mu: 0, nu: 0 },
};

describe('fitting rates by the method of moments on one-step changes', () => {
  it('recovers the rate that wrote the history, inside its bootstrap interval, and the start rule', () => {
    const panel = simulatedPanel(truth, 16, 7);
    const fitted = fitRates(panel, 2001, 2016, { bootstrap: 100 });
    const beta = fitted.mechanisms.structuralBalance!.beta!;
    expect(fitted.steadyStart).toBe(false);
    expect(beta.identified).toBe(true);
    expect(beta.value).toBeGreaterThan(0.45);
    expect(beta.value).toBeLessThan(0.75);
    expect(beta.low).toBeLessThanOrEqual(0.6);
    expect(beta.high).toBeGreaterThanOrEqual(0.6);
    expect(fitted.sse.fitted).toBeLessThan(fitted.sse.defaults);
    // The residual is the noise that was added: uniform of sd 0.02 per year.
    expect(fitted.noise.value).toBeGreaterThan(0.012);
    expect(fitted.noise.value).toBeLessThan(0.03);
  });

  it('gives the same estimates for the same seed', () => {
    const panel = simulatedPanel(truth, 8, 3);
    expect(JSON.stringify(fitRates(panel, 2001, 2008, { bootstrap: 20, seed: 5 }))).toBe(
      JSON.stringify(fitRates(panel, 2001, 2008, { bootstrap: 20, seed: 5 })),
    );
  });
});
