/**
 * How much a bargaining forecast rests on the exact numbers put in: a Monte Carlo sensitivity band
 * and one-at-a-time swings (a tornado list).
 *
 * Band (probabilistic sensitivity analysis in the sense of Saltelli et al. 2008, "Global
 * Sensitivity Analysis: The Primer", ch. 1): each of `draws` runs moves every actor's position,
 * salience and capability independently and uniformly within its uncertainty (what the issue
 * declares per number, else the defaults below), re-runs the same model, and records the forecast's
 * weighted mean and median. The band is the `band` quantiles of those outcomes (5–95 % by default,
 * linear interpolation between order statistics); beside it, the share of draws landing on the
 * same side of the scale's midpoint as the point forecast and the share within `toleranceShare` of
 * the scale of it. Nothing forces the point inside its band: a point outside says the stated
 * numbers sit at an odd corner of what they might be.
 *
 * Swings (the tornado diagram of decision analysis, Howard 1988, "Decision analysis: practice and
 * promise", Management Science 34(6)): each number alone is set to its low and its high end with
 * every other number at its stated value; the inputs whose ends move the median most come first.
 *
 * Positions stay within the scale, saliences within [minSalience, 100] and scaled down when an
 * actor's sum would pass 100, capabilities positive — so every draw is a valid issue.
 */
import { InvalidInputError, type Problem } from '../domain/errors.js';
import { quantile } from '../kernels/quantiles.js';
import type { Rng } from '../kernels/random.js';
import { type ForecastOptions, forecast } from './forecast.js';
import type { BargainingActor, BargainingInput, ForecastResult, InputField } from './types.js';

export interface SensitivityOptions {
  /** Monte Carlo draws for the band. */
  draws: number;
  /** Position uncertainty where the issue declares none: ± this share of the scale's width. */
  positionShare: number;
  /** Salience uncertainty where the issue declares none: ± this many salience points. */
  salience: number;
  /** Capability uncertainty where the issue declares none: ± this fraction of the capability. */
  capabilityShare: number;
  /** Lower and upper quantile of the band. */
  band: readonly [number, number];
  /** "Close to the point forecast": within this share of the scale's width. */
  toleranceShare: number;
  /** Length of the tornado list. */
  swings: number;
  /** Lowest salience a draw gives an actor, so that it keeps a stake in the issue. */
  minSalience: number;
}

export const SENSITIVITY_DEFAULTS: Readonly<SensitivityOptions> = Object.freeze({
  draws: 200,
  positionShare: 0.1,
  salience: 10,
  capabilityShare: 0.1,
  band: Object.freeze([0.05, 0.95] as const),
  toleranceShare: 0.1,
  swings: 8,
  minSalience: 1,
});

/** Spread of one forecast quantity (mean or median) on one dimension across the draws. */
export interface SensitivityBand {
  point: number;
  low: number;
  high: number;
  /** Share of draws on the same side of the scale's midpoint as the point (at it: also at it). */
  sameSide: number;
  /** Share of draws within the tolerance of the point. */
  withinTolerance: number;
}

/** One number set to either end of its uncertainty, all others as stated. */
export interface SensitivitySwing {
  actor: string;
  field: InputField;
  /** Dimension of a position or salience; absent for capability. */
  dimension?: string;
  value: number;
  low: number;
  high: number;
  /** The forecast median per dimension with the number at its low and its high end. */
  medianAtLow: number[];
  medianAtHigh: number[];
  /** Largest move of the median from the point forecast, over both ends and all dimensions. */
  swing: number;
}

export interface SensitivityResult {
  draws: number;
  /** Quantiles of the band, e.g. [0.05, 0.95]. */
  band: [number, number];
  /** Tolerance in scale units. */
  tolerance: number;
  midpoint: number;
  /** Per forecast dimension. */
  dimensions: { name: string; median: SensitivityBand; mean: SensitivityBand }[];
  /** The inputs whose ends move the median most, largest first. */
  swings: SensitivitySwing[];
}

interface Range {
  actor: number;
  field: InputField;
  dim: number;
  value: number;
  low: number;
  high: number;
}

/**
 * Band and swings of `forecast(input, options.forecast)` under the inputs' uncertainty.
 *
 * @example
 * const s = forecastSensitivity(issue, stream(1), { draws: 200 });
 * s.dimensions[0].median; // russia-joins-cpec: { point: 64.32, low: 23.8, high: 69.5, sameSide: 0.35, … }
 * s.swings.find((w) => w.actor === 'IND'); // { field: 'salience', low: 75, high: 95, medianAtLow: [22.9], … }
 */
export function forecastSensitivity(
  input: BargainingInput,
  rng: Rng,
  options: Partial<SensitivityOptions> & { forecast?: ForecastOptions } = {},
): SensitivityResult {
  const { forecast: model = {}, ...rest } = options;
  const opts: SensitivityOptions = { ...SENSITIVITY_DEFAULTS, ...rest };
  checkOptions(opts);
  const run = (x: BargainingInput) => forecast(x, model);
  const base = run(input);
  const { min, max } = input.scale;
  const midpoint = (min + max) / 2;
  const tolerance = opts.toleranceShare * (max - min);
  const ranges = inputRanges(input, opts);

  const outcomes = base.dimensions.map(() => ({ median: [] as number[], mean: [] as number[] }));
  for (let k = 0; k < opts.draws; k++) {
    const values = ranges.map((r) => r.low + rng.next() * (r.high - r.low));
    const result = run(withValues(input, ranges, values));
    result.forecast.median.forEach((m, d) => {
      outcomes[d]!.median.push(m);
      outcomes[d]!.mean.push(result.forecast.mean[d]!);
    });
  }
  const summarise = (point: number, xs: number[]): SensitivityBand => {
    const sorted = [...xs].sort((a, b) => a - b);
    const side = (x: number) => Math.sign(x - midpoint);
    return {
      point,
      low: quantile(sorted, opts.band[0]),
      high: quantile(sorted, opts.band[1]),
      sameSide: share(xs, (x) => side(x) === side(point)),
      withinTolerance: share(xs, (x) => Math.abs(x - point) <= tolerance),
    };
  };
  const dimensions = base.dimensions.map((name, d) => ({
    name,
    median: summarise(base.forecast.median[d]!, outcomes[d]!.median),
    mean: summarise(base.forecast.mean[d]!, outcomes[d]!.mean),
  }));
  return {
    draws: opts.draws,
    band: [opts.band[0], opts.band[1]],
    tolerance,
    midpoint,
    dimensions,
    swings: swings(input, base, ranges, run, opts),
  };
}

function checkOptions(opts: SensitivityOptions): void {
  const problems: Problem[] = [];
  const bad = (field: keyof SensitivityOptions, message: string, hint: string) =>
    problems.push({ field, message, hint });
  if (!(Number.isSafeInteger(opts.draws) && opts.draws >= 0)) {
    bad('draws', `draws ${opts.draws} is not a whole number ≥ 0`, 'e.g. 200; 0 for swings only');
  }
  const [lo, hi] = opts.band;
  if (!(lo >= 0 && lo < hi && hi <= 1)) {
    bad('band', `band [${lo}, ${hi}] is not two quantiles 0 ≤ low < high ≤ 1`, 'e.g. [0.05, 0.95]');
  }
  if (!(Number.isSafeInteger(opts.swings) && opts.swings >= 0)) {
    bad('swings', `swings ${opts.swings} is not a whole number ≥ 0`, 'e.g. 8');
  }
  for (const key of [
    'positionShare',
    'salience',
    'capabilityShare',
    'toleranceShare',
    'minSalience',
  ] as const) {
    if (!(Number.isFinite(opts[key]) && opts[key] >= 0))
      bad(key, `${key} ${opts[key]} is not a number ≥ 0`, 'use 0 or more');
  }
  if (!(opts.capabilityShare < 1)) {
    bad(
      'capabilityShare',
      `capabilityShare ${opts.capabilityShare} would let a capability reach 0`,
      'use a fraction below 1',
    );
  }
  if (problems.length > 0) throw new InvalidInputError(problems);
}

function swings(
  input: BargainingInput,
  base: ForecastResult,
  ranges: Range[],
  run: (x: BargainingInput) => ForecastResult,
  opts: SensitivityOptions,
): SensitivitySwing[] {
  const stated = ranges.map((r) => r.value);
  const medianWith = (i: number, v: number) => {
    if (v === ranges[i]!.value) return base.forecast.median;
    const values = stated.slice();
    values[i] = v;
    return run(withValues(input, ranges, values)).forecast.median;
  };
  const list = ranges.flatMap((r, i): SensitivitySwing[] => {
    if (!(r.high > r.low)) return [];
    const medianAtLow = medianWith(i, r.low);
    const medianAtHigh = medianWith(i, r.high);
    let swing = 0;
    base.forecast.median.forEach((m, d) => {
      swing = Math.max(swing, Math.abs(medianAtLow[d]! - m), Math.abs(medianAtHigh[d]! - m));
    });
    return [
      {
        actor: input.actors[r.actor]!.id,
        field: r.field,
        ...(r.field === 'capability' ? {} : { dimension: input.dimensions[r.dim]! }),
        value: r.value,
        low: r.low,
        high: r.high,
        medianAtLow,
        medianAtHigh,
        swing,
      },
    ];
  });
  return list.sort((a, b) => b.swing - a.swing).slice(0, opts.swings);
}

/** Every number of the issue with the interval it may take. */
function inputRanges(input: BargainingInput, opts: SensitivityOptions): Range[] {
  const { min, max } = input.scale;
  const ranges: Range[] = [];
  input.actors.forEach((a, actor) => {
    a.position.forEach((value, dim) => {
      const u = a.uncertainty?.position?.[dim] ?? opts.positionShare * (max - min);
      ranges.push({
        actor,
        field: 'position',
        dim,
        value,
        low: Math.max(min, value - u),
        high: Math.min(max, value + u),
      });
    });
    a.salience.forEach((value, dim) => {
      const u = a.uncertainty?.salience?.[dim] ?? opts.salience;
      const low = Math.min(value, Math.max(opts.minSalience, value - u));
      ranges.push({ actor, field: 'salience', dim, value, low, high: Math.min(100, value + u) });
    });
    const u = a.uncertainty?.capability ?? opts.capabilityShare;
    const value = a.capability;
    ranges.push({ actor, field: 'capability', dim: 0, value, low: value * (1 - u), high: value * (1 + u) });
  });
  return ranges;
}

/** The issue with each range's number replaced by `values[i]`, saliences scaled to sum ≤ 100. */
function withValues(input: BargainingInput, ranges: Range[], values: number[]): BargainingInput {
  const actors: BargainingActor[] = input.actors.map((a) => ({
    ...a,
    position: [...a.position],
    salience: [...a.salience],
  }));
  ranges.forEach((r, i) => {
    const a = actors[r.actor]!;
    if (r.field === 'capability') a.capability = values[i]!;
    else a[r.field][r.dim] = values[i]!;
  });
  for (const a of actors) {
    const total = a.salience.reduce((t, s) => t + s, 0);
    if (total > 100) a.salience = a.salience.map((s) => (s * 100) / total);
  }
  return { ...input, actors };
}

function share(xs: number[], test: (x: number) => boolean): number {
  if (xs.length === 0) return Number.NaN;
  let n = 0;
  for (const x of xs) if (test(x)) n++;
  return n / xs.length;
}
