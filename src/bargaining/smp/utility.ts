/**
 * Utility of a position at normalised distance d for an actor with risk attitude R
 * (KTAB `SMPModel::bsUtil`): u = (1 − d)(1 + d·R) for d ≤ 1, and (1 − d)(1 + R) beyond, where
 * round-off can push d slightly above 1. R = +1 is risk-averse, R = −1 risk-acceptant.
 */

/**
 * @example
 * spatialUtility(0.5, 0); // 0.5 (risk neutral)
 * spatialUtility(0.5, 1); // 0.75
 */
export function spatialUtility(d: number, risk: number): number {
  return d <= 1 ? (1 - d) * (1 + d * risk) : (1 - d) * (1 + risk);
}
