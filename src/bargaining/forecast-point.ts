/**
 * The forecast of a state: per dimension, the capability×salience weighted mean Σ c·s·x / Σ c·s and
 * the weighted median. In one dimension with utilities falling in distance, the weighted median of
 * the actors' positions is the pairwise (Condorcet) winner among them — Black's median voter theorem
 * (Black 1948) — which is how Bueno de Mesquita reads off a forecast.
 */
import type { ForecastPoint } from './types.js';

/**
 * Weighted median: the smallest value at which the cumulative weight reaches half the total.
 *
 * @example
 * weightedMedian([10, 50, 90], [1, 1, 3]); // 90
 */
export function weightedMedian(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i]!;
    if (cumulative >= total / 2) return values[i]!;
  }
  return Number.NaN;
}

/**
 * Mean and median per dimension of positions `positions[i·dims + d]` weighted by capability ×
 * salience (capability alone on a dimension nobody cares about).
 *
 * @example
 * forecastPoint([0, 100], [1, 3], [50, 50], 2, 1); // { mean: [75], median: [100] }
 */
export function forecastPoint(
  positions: ArrayLike<number>,
  capability: ArrayLike<number>,
  salience: ArrayLike<number>,
  n: number,
  dims: number,
): ForecastPoint {
  const mean: number[] = [];
  const median: number[] = [];
  for (let d = 0; d < dims; d++) {
    const values = new Float64Array(n);
    const weights = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      values[i] = positions[i * dims + d]!;
      weights[i] = capability[i]! * salience[i * dims + d]!;
      total += weights[i]!;
    }
    if (!(total > 0)) for (let i = 0; i < n; i++) weights[i] = capability[i]!;
    let sum = 0;
    let weight = 0;
    for (let i = 0; i < n; i++) {
      sum += weights[i]! * values[i]!;
      weight += weights[i]!;
    }
    mean.push(sum / weight);
    median.push(weightedMedian(values, weights));
  }
  return { mean, median };
}
