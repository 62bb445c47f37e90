/**
 * A backtest of the engine against history (the design of forecast evaluation in Hegre et al. 2022,
 * "Forecasting fatalities", and Tashman 2000, "Out-of-sample tests of forecasting accuracy", IJF 16):
 *
 * 1. the engine's rates (`fit-rates.ts`) and the baselines (`baselines.ts`) are fitted on the fit
 *    years only;
 * 2. from every origin year — the last fit year, and with `rolling` each test year but the last —
 *    the engine forecasts every later test year as a Monte Carlo ensemble (`engine-forecast.ts`);
 *    origins after the fit years only start from observed values, nothing is refitted on them;
 * 3. a cell is (origin, horizon, layer, dyad) with the dyad tied at the origin and the layer
 *    observed at the origin and the target; every model is scored on exactly the same cells
 *    (`scores.ts`), per layer (composite and each dimension), per horizon and pooled, for all
 *    dyads and for the dyads among the `focus` actors.
 *
 * A layer's engine forecast is its origin value moved by the composite's simulated change, as the
 * engine moves every layer of a dyad (engine.ts).
 */
import { InvalidInputError } from '../../domain/errors.js';
import { LAYERS } from '../../domain/layers.js';
import type { Layer, World } from '../../domain/world.js';
import { pairIndex } from '../model/mechanisms/types.js';
import type { ParameterSource } from '../model/priors.js';
import { BASELINE_DEFAULTS, BASELINES, type Baseline, baselineEnsemble, fitBaselines } from './baselines.js';
import { forecastFrom } from './engine-forecast.js';
import { FIT_DEFAULTS, type FitOptions, type FittedRates, fitRates } from './fit-rates.js';
import { forecastParameters } from './fitted-params.js';
import { buildPanel, panelYear } from './panel.js';
import { SCORE_DEFAULTS, ScoreSum, type Scores, signClass } from './scores.js';

export const MODELS = ['engine', ...BASELINES] as const;
export type ModelName = (typeof MODELS)[number];

export interface BacktestOptions {
  fit: [number, number];
  test: [number, number];
  runs: number;
  seed: number;
  /** Forecast from every test year but the last too (more cells at short horizons). */
  rolling: boolean;
  /** Score the engine with its documented priors instead of the fitted rates. */
  priors: boolean;
  /** Actors whose dyads get rows of their own (`dyads: 'focus'`); those absent are ignored. */
  focus: readonly string[];
  /** Layers scored (default: the composite and every dimension). */
  layers: readonly Layer[];
  /** |w| below this is neutral when sign changes are counted. */
  neutral: number;
  fitting: Partial<FitOptions>;
  /** Called after each origin's forecast (progress bars). */
  onOrigin?: (done: number, total: number) => void;
}

export const BACKTEST_DEFAULTS: Readonly<Omit<BacktestOptions, 'fit' | 'test'>> = Object.freeze({
  runs: 40,
  seed: 1,
  rolling: true,
  priors: false,
  focus: [],
  layers: LAYERS,
  neutral: BASELINE_DEFAULTS.neutral,
  fitting: {},
});

export interface ScoreRow extends Scores {
  model: ModelName;
  dimension: Layer;
  /** Steps (years) ahead; null for the row pooled over every horizon. */
  horizon: number | null;
  dyads: 'all' | 'focus';
}

export interface BacktestResult {
  world: string;
  /** Actors that take part in any year of the panel. */
  actors: number;
  fit: [number, number];
  test: [number, number];
  origins: number[];
  runs: number;
  seed: number;
  engine: 'fitted' | 'priors';
  params: FittedRates;
  scores: ScoreRow[];
}

function checkWindows(fit: [number, number], test: [number, number]): void {
  const problem = (field: string, message: string, hint: string) => {
    throw new InvalidInputError({ field, message, hint });
  };
  if (!(fit[0] < fit[1]))
    problem('--fit', `${fit[0]}-${fit[1]} is not a range of years`, 'e.g. --fit 1990-2005');
  if (fit[1] - fit[0] < 2) problem('--fit', 'needs at least three years', 'e.g. --fit 1990-2005');
  if (!(test[0] <= test[1]))
    problem('--test', `${test[0]}-${test[1]} is not a range of years`, 'e.g. --test 2006-2014');
  if (test[0] !== fit[1] + 1)
    problem(
      '--test',
      `must start the year after the fit years (${fit[1] + 1})`,
      `e.g. --test ${fit[1] + 1}-${fit[1] + 9}`,
    );
}

/**
 * Fits on `options.fit`, forecasts `options.test` and scores every model on the same cells.
 *
 * @example
 * const result = runBacktest(openWorld('global'), { fit: [1990, 2005], test: [2006, 2014] });
 * result.scores.find((s) => s.model === 'engine' && s.horizon === 1 && s.dimension === 'composite');
 */
export function runBacktest(
  world: World,
  given: Partial<BacktestOptions> & Pick<BacktestOptions, 'fit' | 'test'>,
): BacktestResult {
  const opts: BacktestOptions = { ...BACKTEST_DEFAULTS, ...given };
  const { fit, test } = opts;
  checkWindows(fit, test);
  const panel = buildPanel(world, fit[0] - 1, test[1]);
  for (let y = fit[0]; y <= test[1]; y++) {
    if (panelYear(panel, y).model.n === 0) {
      throw new InvalidInputError({
        field: y <= fit[1] ? '--fit' : '--test',
        message: `world '${world.meta.id}' has no tie in ${y}`,
        hint: 'choose years the world has data for (`counterbalance world stats`)',
      });
    }
  }
  const params = fitRates(panel, fit[0], fit[1], { ...FIT_DEFAULTS, seed: opts.seed, ...opts.fitting });
  const parameters: ParameterSource = opts.priors
    ? { overrides: {}, priors: {} }
    : forecastParameters(params);
  const horizons = test[1] - fit[1];
  const baselines = fitBaselines(panel, fit[0], fit[1], horizons, { neutral: opts.neutral });
  const origins = opts.rolling ? Array.from({ length: horizons }, (_, k) => fit[1] + k) : [fit[1]];
  const focus = new Set(opts.focus);
  const sums = new Map<string, ScoreSum>();
  const sumOf = (model: ModelName, layer: Layer, h: number | null, dyads: 'all' | 'focus') => {
    const key = `${dyads}|${layer}|${h}|${model}`;
    const known = sums.get(key);
    if (known) return known;
    const fresh = new ScoreSum(SCORE_DEFAULTS);
    sums.set(key, fresh);
    return fresh;
  };
  const members = new Float64Array(opts.runs);
  origins.forEach((origin, k) => {
    const H = test[1] - origin;
    const forecast = forecastFrom(panel, origin, H, opts.runs, opts.seed, k * opts.runs, parameters);
    const start = panelYear(panel, origin);
    const { n } = start.model;
    const C = forecast.cells.length;
    const panelPair = Int32Array.from(forecast.cells, (x) =>
      pairIndex(panel.n, start.toPanel[Math.floor(x / n)]!, start.toPanel[x % n]!),
    );
    const inFocus = Uint8Array.from(forecast.cells, (x) =>
      focus.has(start.model.ids[Math.floor(x / n)]!) && focus.has(start.model.ids[x % n]!) ? 1 : 0,
    );
    for (let h = 1; h <= H; h++) {
      const target = panelYear(panel, origin + h);
      for (const layer of opts.layers) {
        const before = start.values[layer];
        const after = target.values[layer];
        for (let c = 0; c < C; c++) {
          const p = panelPair[c]!;
          const v = before[p]!;
          const y = after[p]!;
          if (Number.isNaN(v) || Number.isNaN(y)) continue;
          const w0 = start.model.ties[forecast.cells[c]!]!;
          const base = ((h - 1) * C + c) * opts.runs;
          for (let r = 0; r < opts.runs; r++)
            members[r] = Math.max(-1, Math.min(1, v + forecast.values[base + r]! - w0));
          members.sort();
          const from = signClass(v, opts.neutral);
          const changed = signClass(y, opts.neutral) !== from;
          const share = (x: ArrayLike<number>) => {
            let k2 = 0;
            for (let i = 0; i < x.length; i++) if (signClass(x[i]!, opts.neutral) !== from) k2++;
            return k2 / x.length;
          };
          const groups: ('all' | 'focus')[] = inFocus[c] ? ['all', 'focus'] : ['all'];
          const score = (model: ModelName, sorted: ArrayLike<number>, pChange: number) => {
            for (const g of groups) {
              sumOf(model, layer, h, g).add({ sorted, pChange, outcome: y, changed });
              sumOf(model, layer, null, g).add({ sorted, pChange, outcome: y, changed });
            }
          };
          score('engine', members, share(members));
          for (const model of BASELINES as readonly Baseline[]) {
            const ensemble = baselineEnsemble(baselines, layer, model, p, v, h);
            const pChange =
              model === 'climatology' ? baselines.layers[layer].changeRate[h - 1]! : share(ensemble);
            score(model, ensemble, pChange);
          }
        }
      }
    }
    opts.onOrigin?.(k + 1, origins.length);
  });
  const scores: ScoreRow[] = [];
  for (const dyads of ['all', 'focus'] as const) {
    for (const layer of opts.layers) {
      for (const h of [...Array.from({ length: horizons }, (_, i) => i + 1), null]) {
        for (const model of MODELS) {
          const s = sums.get(`${dyads}|${layer}|${h}|${model}`);
          if (s) scores.push({ model, dimension: layer, horizon: h, dyads, ...s.row() });
        }
      }
    }
  }
  return {
    world: world.meta.id,
    actors: panel.n,
    fit,
    test,
    origins,
    runs: opts.runs,
    seed: opts.seed,
    engine: opts.priors ? 'priors' : 'fitted',
    params,
    scores,
  };
}
