/**
 * The engine's Monte Carlo forecast from one observed year: every run draws its parameters (from
 * the fitted rates' estimates, or the documented priors) and its noise from its own seeded
 * streams, starts from the observed ties with the year before as memory, and steps a year at a
 * time with no shock. What a backtest scores is this unshocked path: the engine's claim about what
 * happens next when nothing new happens but the world's own dynamics.
 */

import { Engine } from '../model/engine.js';
import { ENGINE_PARAMS, type EngineParams } from '../model/engine-params.js';
import { MECHANISMS } from '../model/mechanisms/index.js';
import type { ParameterSource } from '../model/priors.js';
import { runStream, StepNoise } from '../model/step-noise.js';
import { drawValues } from '../runs/montecarlo.js';
import { type Panel, panelYear, previousState } from './panel.js';

export interface EngineForecast {
  origin: number;
  horizons: number;
  runs: number;
  /** Model pair index (i·n + j, i < j) of each forecast cell: the dyads tied at the origin. */
  cells: Int32Array;
  /** Composite value per horizon, cell and run: [((h − 1)·cells + c)·runs + r]. */
  values: Float64Array;
}

/**
 * Runs `runs` trajectories of `horizons` yearly steps from the panel's year `origin`; run r of
 * this origin reads the streams of run `firstRun + r`, so origins never share draws.
 *
 * @example
 * const f = forecastFrom(panel, 2005, 9, 40, 1, 0, { overrides: {}, priors: {} });
 */
export function forecastFrom(
  panel: Panel,
  origin: number,
  horizons: number,
  runs: number,
  seed: number,
  firstRun: number,
  parameters: ParameterSource,
): EngineForecast {
  const { model } = panelYear(panel, origin);
  const { n, observed } = model;
  const cellList: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) if (observed[i * n + j]) cellList.push(i * n + j);
  const cells = Int32Array.from(cellList);
  const C = cells.length;
  const values = new Float64Array(horizons * C * runs);
  const engine = new Engine(n, 1, model.prox, observed, MECHANISMS);
  const noise = new StepNoise(n, observed);
  const { W1, c1 } = previousState(panel, origin);
  const { overrides, priors } = parameters;
  for (let r = 0; r < runs; r++) {
    const run = firstRun + r;
    const rng = runStream(seed, run, 'parameters');
    const params = MECHANISMS.map((m) => drawValues(m.params, overrides[m.id], rng, true, priors[m.id]));
    const engineParams = drawValues(
      ENGINE_PARAMS,
      overrides.engine,
      rng,
      true,
      priors.engine,
    ) as EngineParams;
    engine.reset(model.ties, model.capabilities, params, engineParams);
    engine.recall(W1, c1);
    noise.reset(runStream(seed, run, 'noise'), engineParams.noise, 1);
    const W = engine.s.W;
    for (let h = 0; h < horizons; h++) {
      engine.evaluate();
      engine.commit(noise.draw());
      const base = h * C;
      for (let c = 0; c < C; c++) values[(base + c) * runs + r] = W[cells[c]!]!;
    }
  }
  return { origin, horizons, runs, cells, values };
}
