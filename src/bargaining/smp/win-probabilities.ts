/**
 * Win probabilities of options under proportional voting, linear victory probabilities and the
 * conditional Condorcet PCE (KTAB `Model::scalarPCE` with its defaults): for options i, j every
 * voter k adds w_k·(u_ki − u_kj) to the coalition it favours, each coalition starting at a small
 * floor; P[i>j] = c_ij / (c_ij + c_ji), P[i>i] = ½; p_i ∝ Π_j P[i>j].
 * Reference: B. Wise, KTAB "Spatial Model of Politics" documentation (KAPSARC, 2015–2017).
 */

/**
 * Probability of each option prevailing. `utility[o·voters + k]` is voter k's utility for
 * option o (option-major, so the inner loop over voters reads contiguous memory).
 *
 * @example
 * // two voters of weight 1 and 2, two options: voter 0 prefers option 0, voter 1 option 1
 * optionProbabilities(Float64Array.of(1, 2), Float64Array.of(1, 0, 0, 1), 2, 2, 1e-8);
 * // ≈ [1/3, 2/3]
 */
export function optionProbabilities(
  weight: Float64Array,
  utility: Float64Array,
  voters: number,
  options: number,
  floor: number,
): Float64Array {
  if (options === 1) return Float64Array.of(1);
  return conditionalPce(pairwiseVictory(weight, utility, voters, options, floor), options);
}

/** P[i>j] for every pair of options, `out[i·m + j]`, from coalition strengths (diagonal ½). */
function pairwiseVictory(
  weight: Float64Array,
  utility: Float64Array,
  voters: number,
  m: number,
  floor: number,
): Float64Array {
  const pv = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    const oi = i * voters;
    for (let j = 0; j < i; j++) {
      const oj = j * voters;
      let cij = floor;
      let cji = floor;
      for (let k = 0; k < voters; k++) {
        const v = weight[k]! * (utility[oi + k]! - utility[oj + k]!);
        if (v > 0) cij += v;
        if (v < 0) cji -= v;
      }
      pv[i * m + j] = cij / (cij + cji);
      pv[j * m + i] = cji / (cij + cji);
    }
    pv[i * m + i] = 0.5;
  }
  return pv;
}

/** p_i ∝ Π_j P[i>j], falling back to logarithms if every product underflows. */
function conditionalPce(pv: Float64Array, m: number): Float64Array {
  const p = new Float64Array(m);
  let total = 0;
  for (let i = 0; i < m; i++) {
    let pi = 1;
    for (let j = 0; j < m; j++) pi *= pv[i * m + j]!;
    p[i] = pi;
    total += pi;
  }
  if (total > 0 && Number.isFinite(total)) {
    for (let i = 0; i < m; i++) p[i] = p[i]! / total;
    return p;
  }
  let best = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < m; i++) {
    let lp = 0;
    for (let j = 0; j < m; j++) lp += Math.log(pv[i * m + j]!);
    p[i] = lp;
    if (lp > best) best = lp;
  }
  total = 0;
  for (let i = 0; i < m; i++) {
    p[i] = Math.exp(p[i]! - best);
    total += p[i]!;
  }
  for (let i = 0; i < m; i++) p[i] = p[i]! / total;
  return p;
}

/** Index of the most probable option; ties go to the lowest index. */
export function mostProbable(p: Float64Array): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
  return best;
}
