/**
 * The benchmark models a backtest scores the engine against, fitted on the fit years only, dyad by
 * dyad and layer by layer (the benchmark set of forecasting challenges such as VIEWS, Hegre et al.
 * 2019 "ViEWS: a political violence early-warning system", JPR 56(2), and Hegre et al. 2022:
 * no-change, trend and autoregressive models, and the base rate):
 *
 * - persistence: the value at the origin does not change;
 * - drift: the dyad's mean yearly change over the fit years goes on (0 without one);
 * - ar1: y_{t+1} = a + φ·y_t by least squares on the dyad's consecutive fit years (Box & Jenkins
 *   1970), φ kept in [−1, 1]; a dyad with fewer than `minPoints` such pairs, or a constant series,
 *   falls back to persistence;
 * - climatology: the dyad's mean over the fit years, and for sign changes the share of (dyad,
 *   year) cells of the fit years whose sign changed at that horizon.
 *
 * Each point forecast becomes an ensemble by adding its own in-sample errors at that horizon (the
 * fit years' y_{t+h} − forecast, pooled over dyads and compressed to `poolSize` quantiles), so
 * the baselines are probabilistic forecasts scored by the same rules as the engine.
 */
import { LAYERS } from '../../domain/layers.js';
import type { Layer } from '../../domain/world.js';
import type { Panel } from './panel.js';
import { signClass } from './scores.js';

export const BASELINES = ['persistence', 'drift', 'ar1', 'climatology'] as const;
export type Baseline = (typeof BASELINES)[number];

export interface BaselineOptions {
  /** Quantiles kept of each pool of in-sample errors (the baseline ensembles' size). */
  poolSize: number;
  /** Consecutive fit-year pairs a dyad needs for its own AR(1). */
  minPoints: number;
  /** |w| below this is neutral when sign changes are counted. */
  neutral: number;
}

export const BASELINE_DEFAULTS: Readonly<BaselineOptions> = Object.freeze({
  poolSize: 100,
  minPoints: 5,
  neutral: 0.05,
});

interface LayerFit {
  drift: Float64Array;
  a: Float64Array;
  phi: Float64Array;
  mean: Float64Array;
  /** pools[baseline][h − 1]: sorted in-sample errors at horizon h. */
  pools: Record<Baseline, Float64Array[]>;
  /** changeRate[h − 1]: share of the fit years' cells whose sign changed at horizon h. */
  changeRate: number[];
}

/** Baselines fitted on a panel's fit years for horizons 1…`horizons`. */
export interface BaselineFit {
  horizons: number;
  layers: Record<Layer, LayerFit>;
}

/** Per-dyad least-squares AR(1) and mean change over the fit years of one layer. */
function fitDyads(
  panel: Panel,
  layer: Layer,
  from: number,
  to: number,
  minPoints: number,
): Omit<LayerFit, 'pools' | 'changeRate'> {
  const P = panel.pairs;
  const drift = new Float64Array(P);
  const a = new Float64Array(P);
  const phi = new Float64Array(P).fill(1);
  const mean = new Float64Array(P).fill(Number.NaN);
  const series = [];
  for (let y = from; y <= to; y++) series.push(panel.years.get(y)!.values[layer]);
  for (let p = 0; p < P; p++) {
    let count = 0;
    let total = 0;
    let k = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    for (let t = 0; t < series.length; t++) {
      const v = series[t]![p]!;
      if (Number.isNaN(v)) continue;
      count++;
      total += v;
      const next = t + 1 < series.length ? series[t + 1]![p]! : Number.NaN;
      if (Number.isNaN(next)) continue;
      k++;
      sx += v;
      sy += next;
      sxx += v * v;
      sxy += v * next;
    }
    if (count) mean[p] = total / count;
    if (!k) continue;
    drift[p] = (sy - sx) / k;
    const varX = sxx - (sx * sx) / k;
    if (k < minPoints || varX <= 1e-12) continue;
    const f = Math.max(-1, Math.min(1, (sxy - (sx * sy) / k) / varX));
    phi[p] = f;
    a[p] = (sy - f * sx) / k;
  }
  return { drift, a, phi, mean };
}

/**
 * The point forecast of a baseline for dyad p from origin value v at horizon h.
 *
 * @example
 * pointForecast(fit, 'composite', 'ar1', p, 0.4, 3);
 */
export function pointForecast(
  fit: BaselineFit,
  layer: Layer,
  model: Baseline,
  p: number,
  v: number,
  h: number,
): number {
  const f = fit.layers[layer];
  if (model === 'persistence') return v;
  if (model === 'drift') return v + h * f.drift[p]!;
  if (model === 'climatology') return Number.isNaN(f.mean[p]!) ? v : f.mean[p]!;
  let x = v;
  for (let s = 0; s < h; s++) x = f.a[p]! + f.phi[p]! * x;
  return x;
}

/** `size` evenly spaced quantiles ((k + ½)/size) of the values, ascending. */
function compress(values: number[], size: number): Float64Array {
  if (!values.length) return Float64Array.of(0);
  const sorted = Float64Array.from(values).sort();
  const m = Math.min(size, sorted.length);
  return Float64Array.from({ length: m }, (_, k) => sorted[Math.floor(((k + 0.5) / m) * sorted.length)]!);
}

/**
 * Fits every baseline on the panel's years `from`…`to` for horizons 1…`horizons`.
 *
 * @example
 * const fit = fitBaselines(panel, 1990, 2005, 9);
 */
export function fitBaselines(
  panel: Panel,
  from: number,
  to: number,
  horizons: number,
  options: Partial<BaselineOptions> = {},
): BaselineFit {
  const opts = { ...BASELINE_DEFAULTS, ...options };
  const layers = {} as Record<Layer, LayerFit>;
  for (const layer of LAYERS) {
    const dyads = fitDyads(panel, layer, from, to, opts.minPoints);
    const own = { ...dyads, pools: {} as Record<Baseline, Float64Array[]>, changeRate: [] as number[] };
    const partial = { horizons, layers: { [layer]: own } } as BaselineFit;
    for (const model of BASELINES) own.pools[model] = [];
    for (let h = 1; h <= horizons; h++) {
      const errors = Object.fromEntries(BASELINES.map((m) => [m, [] as number[]])) as Record<
        Baseline,
        number[]
      >;
      let cells = 0;
      let changed = 0;
      for (let y = from; y + h <= to; y++) {
        const now = panel.years.get(y)!.values[layer];
        const later = panel.years.get(y + h)!.values[layer];
        for (let p = 0; p < panel.pairs; p++) {
          const v = now[p]!;
          const w = later[p]!;
          if (Number.isNaN(v) || Number.isNaN(w)) continue;
          cells++;
          if (signClass(v, opts.neutral) !== signClass(w, opts.neutral)) changed++;
          for (const model of BASELINES)
            errors[model].push(w - pointForecast(partial, layer, model, p, v, h));
        }
      }
      for (const model of BASELINES) own.pools[model].push(compress(errors[model], opts.poolSize));
      own.changeRate.push(cells ? changed / cells : 0);
    }
    layers[layer] = own;
  }
  return { horizons, layers };
}

/**
 * The baseline's ensemble for one cell, sorted (as long as its pool): the point forecast plus each
 * pooled error, kept in [−1, 1].
 */
export function baselineEnsemble(
  fit: BaselineFit,
  layer: Layer,
  model: Baseline,
  p: number,
  v: number,
  h: number,
): Float64Array {
  const pool = fit.layers[layer].pools[model][h - 1]!;
  const point = pointForecast(fit, layer, model, p, v, h);
  // The pool is sorted and the clamp is monotone, so the ensemble stays sorted.
  return pool.map((e) => Math.max(-1, Math.min(1, point + e)));
}
