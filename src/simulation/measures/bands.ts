/**
 * The spread of a numeric followed measure's values over the runs at one step, for a fan chart:
 * the median and the central 50 % and 90 % of the scenario's values and of its twin's (levels,
 * not differences, so the two fans can be drawn side by side on the measure's own scale). Runs
 * where the measure is undefined (NaN) on a side are left out of that side. Percentiles are
 * Hyndman & Fan's type 7, selected rather than sorted (`selectQuantiles`).
 */
import { selectQuantiles } from '../../kernels/quantiles.js';

/** Probabilities of the band's edges. */
export const BAND_QUANTILES = Object.freeze({ lo90: 0.05, lo50: 0.25, median: 0.5, hi50: 0.75, hi90: 0.95 });

export type LevelBand = Record<keyof typeof BAND_QUANTILES, number>;

/** The scenario's and the twin's band at one step; null on a side where no run defines it. */
export interface StepBands {
  scenario: LevelBand | null;
  baseline: LevelBand | null;
}

/** How the caller reads its runs: the offset of run r's scenario value (the twin's is the next). */
export interface BandSource {
  values: Float64Array;
  runs: number;
  offset: (run: number) => number;
}

const BAND_KEYS = Object.keys(BAND_QUANTILES) as (keyof LevelBand)[];
const BAND_PROBABILITIES = Object.values(BAND_QUANTILES);

/** The band of these values (reordered in place), null when there are none. */
function band(values: Float64Array, round: (x: number) => number): LevelBand | null {
  if (values.length === 0) return null;
  const qs = selectQuantiles(values, BAND_PROBABILITIES);
  const out = {} as LevelBand;
  BAND_KEYS.forEach((k, i) => {
    out[k] = round(qs[i]!);
  });
  return out;
}

/**
 * The two bands at one step.
 *
 * @example
 * stepBands({ values, runs, offset: (r) => r * per + f * stride + 2 * step }, round);
 * // { scenario: { lo90, lo50, median, hi50, hi90 }, baseline: { … } }
 */
export function stepBands(source: BandSource, round: (x: number) => number = (x) => x): StepBands {
  const sides = [new Float64Array(source.runs), new Float64Array(source.runs)];
  const counts = [0, 0];
  for (let r = 0; r < source.runs; r++) {
    const o = source.offset(r);
    for (let side = 0; side < 2; side++) {
      const v = source.values[o + side]!;
      if (!Number.isNaN(v)) sides[side]![counts[side]!++] = v;
    }
  }
  const [scenario, baseline] = sides.map((s, side) => band(s.subarray(0, counts[side]), round));
  return { scenario: scenario!, baseline: baseline! };
}
