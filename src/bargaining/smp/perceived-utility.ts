/**
 * Utilities as one actor h estimates them (KTAB `SMPState::setAllAUtil`, BigRAdjust): h does not
 * know i's risk attitude and blends it with its own, by default r^h_i = (2·R_h + R_i)/3; then
 * u^h(i, j) = u(d_ij, r^h_i). Each perceiver's matrix is O(n²) and filled into a reused buffer.
 */
import type { RiskAdjust } from './options.js';
import { spatialUtility } from './utility.js';

/**
 * h's estimate of i's risk attitude (KTAB `Model::estNRA`, same arithmetic).
 *
 * @example
 * estimatedRisk(1, -0.5, 'one-third'); // (2·1 − 0.5)/3 = 0.5
 */
export function estimatedRisk(rh: number, ri: number, adjust: RiskAdjust): number {
  switch (adjust) {
    case 'full':
      return ri;
    case 'two-thirds':
      return (rh + 2.0 * ri) / 3.0;
    case 'half':
      return (rh + ri) / 2;
    case 'one-third':
      return (2.0 * rh + ri) / 3.0;
    case 'none':
      return rh;
  }
}

/**
 * Fills `out` with h's utility matrix, column-major: `out[j·n + i]` = u^h(i, j), the utility to
 * actor i of actor j's position, so a column (one position, every actor) is contiguous.
 *
 * @example
 * perceivedUtilities(distances, risk, 0, 'one-third', buffer);
 * buffer[6 * n + 0]; // actor 0's own utility for actor 6's position
 */
export function perceivedUtilities(
  distances: Float64Array,
  risk: Float64Array,
  h: number,
  adjust: RiskAdjust,
  out: Float64Array,
): Float64Array {
  const n = risk.length;
  const rh = risk[h]!;
  for (let i = 0; i < n; i++) {
    const rhi = estimatedRisk(rh, risk[i]!, adjust);
    for (let j = 0; j < n; j++) out[j * n + i] = spatialUtility(distances[i * n + j]!, rhi);
  }
  return out;
}
