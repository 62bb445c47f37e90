/**
 * Priors for Monte Carlo: every rate of the engine has a documented distribution that each run
 * draws from (Saltelli et al. 2008, "Global Sensitivity Analysis": uncertain inputs are sampled,
 * not fixed). Log-normal for positive rates known to an order of magnitude, uniform for bounded
 * shares and thresholds, normal for a value estimated from data with a standard error (fitted
 * parameters). Draws are clamped to the parameter's valid range.
 */
import type { Rng } from '../../kernels/random.js';

/** A positive rate: median m, log-scale spread σ (so m·e^±σ covers about 68% of draws). */
export interface LogNormalPrior {
  readonly kind: 'lognormal';
  readonly median: number;
  readonly sigma: number;
}

/** A bounded quantity equally likely anywhere in [lo, hi]. */
export interface UniformPrior {
  readonly kind: 'uniform';
  readonly lo: number;
  readonly hi: number;
}

/** An estimate with a standard error (a fitted rate): mean ± sd covers about 68% of draws. */
export interface NormalPrior {
  readonly kind: 'normal';
  readonly mean: number;
  readonly sd: number;
}

export type Prior = LogNormalPrior | UniformPrior | NormalPrior;

/**
 * Where a run's parameters come from besides the mechanisms' own specs: fixed values and priors
 * that replace the documented ones, per mechanism id (`engine` for the engine's own parameters).
 * Fitted rates (`backtest -o`) arrive this way.
 */
export interface ParameterSource {
  overrides: Record<string, Record<string, number | boolean>>;
  priors: Record<string, Record<string, Prior>>;
}

/** Log-normal prior with the given median and log-scale spread. */
export function lognormal(median: number, sigma: number): LogNormalPrior {
  return Object.freeze({ kind: 'lognormal', median, sigma });
}

/** Uniform prior on [lo, hi]. */
export function uniform(lo: number, hi: number): UniformPrior {
  return Object.freeze({ kind: 'uniform', lo, hi });
}

/** Normal prior with the given mean and standard deviation. */
export function normal(mean: number, sd: number): NormalPrior {
  return Object.freeze({ kind: 'normal', mean, sd });
}

/**
 * One draw from a prior, clamped to [min, max].
 *
 * @example
 * draw(lognormal(0.5, 0.3), stream(1, 0), 0, 5); // ≈ 0.5 · e^(0.3·z)
 */
export function draw(prior: Prior, rng: Rng, min = -Infinity, max = Infinity): number {
  const x =
    prior.kind === 'lognormal'
      ? prior.median * Math.exp(prior.sigma * rng.normal())
      : prior.kind === 'normal'
        ? prior.mean + prior.sd * rng.normal()
        : prior.lo + (prior.hi - prior.lo) * rng.next();
  return Math.min(max, Math.max(min, x));
}

/**
 * Standard normal quantile Φ⁻¹(q), 0 < q < 1, by Acklam's rational approximation (2003; relative
 * error below 1.2·10⁻⁹), enough for the quantiles sensitivity analysis reads off a prior.
 */
export function normalQuantile(q: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (r: number) =>
    (((((c[0]! * r + c[1]!) * r + c[2]!) * r + c[3]!) * r + c[4]!) * r + c[5]!) /
    ((((d[0]! * r + d[1]!) * r + d[2]!) * r + d[3]!) * r + 1);
  if (q < 0.02425) return tail(Math.sqrt(-2 * Math.log(q)));
  if (q > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - q)));
  const x = q - 0.5;
  const r = x * x;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * x) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/**
 * The prior's quantile q, clamped to [min, max] as draws are.
 *
 * @example
 * priorQuantile(uniform(0.3, 0.7), 0.05); // 0.32
 */
export function priorQuantile(prior: Prior, q: number, min = -Infinity, max = Infinity): number {
  const x =
    prior.kind === 'lognormal'
      ? prior.median * Math.exp(prior.sigma * normalQuantile(q))
      : prior.kind === 'normal'
        ? prior.mean + prior.sd * normalQuantile(q)
        : prior.lo + (prior.hi - prior.lo) * q;
  return Math.min(max, Math.max(min, x));
}

/** Human-readable form, for documentation tables and `explain`. */
export function describePrior(prior: Prior): string {
  if (prior.kind === 'lognormal') return `log-normal(median ${prior.median}, σ ${prior.sigma})`;
  if (prior.kind === 'normal') return `normal(mean ${prior.mean}, sd ${prior.sd})`;
  return `uniform(${prior.lo}, ${prior.hi})`;
}
