/**
 * Probability that i prevails against j (Bueno de Mesquita 1994; Scholz, Calbert & Smith 2011, §4):
 * every actor k votes v_k = c_k·s_k·(δ_kj − δ_ki), δ being its normalised distance raised to its own
 * risk exponent r_k (as in Scholz et al.'s code); P_i = Σ_{v_k>0} v_k / Σ_k |v_k|.
 */

/** The actors of a BDM round: positions (issue units), capability × salience, risk exponents. */
export interface BdmState {
  readonly n: number;
  readonly x: Float64Array;
  readonly weight: Float64Array;
  readonly salience: Float64Array;
  readonly r: Float64Array;
  readonly range: number;
}

/**
 * All n² probabilities, `out[i·n + j]` = P(i beats j); ½ when nobody prefers either (e.g. i and j at
 * the same place). Each voter's powered distances are computed once (n² powers, not n³).
 *
 * @example
 * // A at 0 (c·s = 2), B at 40 (2), C at 100 (1), every r = 1: P(A beats B) = 0.8 / 2 = 0.4
 * winProbabilities(state, true)[0 * 3 + 1]; // 0.4
 */
export function winProbabilities(state: BdmState, riskInProbability: boolean): Float64Array {
  const { n, x, weight, r, range } = state;
  const powered = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const rk = riskInProbability ? r[k]! : 1;
    for (let m = 0; m < n; m++) powered[k * n + m] = (Math.abs(x[k]! - x[m]!) / range) ** rk;
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    out[i * n + i] = 0.5;
    for (let j = 0; j < i; j++) {
      let forI = 0;
      let forJ = 0;
      for (let k = 0; k < n; k++) {
        const v = weight[k]! * (powered[k * n + j]! - powered[k * n + i]!);
        if (v > 0) forI += v;
        if (v < 0) forJ -= v;
      }
      const total = forI + forJ;
      out[i * n + j] = total > 0 ? forI / total : 0.5;
      out[j * n + i] = total > 0 ? forJ / total : 0.5;
    }
  }
  return out;
}
