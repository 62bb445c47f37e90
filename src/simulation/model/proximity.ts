/**
 * The simulation's proximity matrix over actors' capitals, on the analysis's one proximity
 * definition (`src/analysis/power/proximity.ts`); actors without a capital get the documented
 * default.
 */
import { greatCircleKm } from '../../analysis/power/great-circle.js';
import { PROXIMITY_DEFAULTS, type ProximityOptions, proximityAt } from '../../analysis/power/proximity.js';

export { PROXIMITY_DEFAULTS, type ProximityOptions };

/**
 * Symmetric n×n proximity matrix (zero diagonal) for points that may be missing.
 *
 * @example
 * proximityMatrix([{ lat: 55.75, lon: 37.62 }, { lat: 28.61, lon: 77.21 }]); // Moscow–Delhi ≈ 0.29
 */
export function proximityMatrix(
  capitals: readonly ({ lat: number; lon: number } | undefined)[],
  options: Partial<ProximityOptions> = {},
): Float64Array {
  const { scaleKm, missing } = { ...PROXIMITY_DEFAULTS, ...options };
  const n = capitals.length;
  const prox = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = capitals[i];
      const b = capitals[j];
      const v = a && b ? proximityAt(greatCircleKm(a, b), scaleKm) : missing;
      prox[i * n + j] = v;
      prox[j * n + i] = v;
    }
  }
  return prox;
}
