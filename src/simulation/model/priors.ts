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

/** Human-readable form, for documentation tables and `explain`. */
export function describePrior(prior: Prior): string {
  if (prior.kind === 'lognormal') return `log-normal(median ${prior.median}, σ ${prior.sigma})`;
  if (prior.kind === 'normal') return `normal(mean ${prior.mean}, sd ${prior.sd})`;
  return `uniform(${prior.lo}, ${prior.hi})`;
}
