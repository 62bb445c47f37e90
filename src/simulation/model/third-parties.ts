/**
 * Who bears on a pair: the third actors with a tie to either side at the start. Triad mechanisms
 * (structural balance, balancing against threat) average their pressure on a pair over these
 * actors, not over the world: dividing by n − 2 made an effect shrink as unrelated states joined
 * (twenty of them halved the reaction to a rupture), though nothing about the pair had changed.
 * An actor tied to neither side can add nothing to the pair's triads, so it should not dilute them.
 */

/**
 * Per packed pair (i < j, row-major), 1 / the number of third actors linked to i or to j, or 0
 * when none is; `linked` is the n×n row-major start-tie mask (non-zero: tied).
 *
 * @example
 * // A–B, B–C tied: A–C has one third actor (B); A–B has one (C, through B).
 * thirdPartyShares(3, [0, 1, 0, 1, 0, 1, 0, 1, 0]); // Float64Array [1, 1, 1]
 */
export function thirdPartyShares(n: number, linked: ArrayLike<number>): Float64Array {
  const out = new Float64Array((n * (n - 1)) / 2);
  let q = 0;
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = i + 1; j < n; j++, q++) {
      const rj = j * n;
      let count = 0;
      for (let k = 0; k < n; k++) if (k !== i && k !== j && (linked[ri + k] || linked[rj + k])) count++;
      out[q] = count > 0 ? 1 / count : 0;
    }
  }
  return out;
}
