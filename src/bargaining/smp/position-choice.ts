/**
 * Choice of each actor's next position (KTAB `SMPState::doBCN`, InitOnlyInterp, deterministic):
 * actor k's options are its status quo and every bargain it proposed or received. Every actor
 * scores an option by its average utility over all n positions with the two bargainers moved
 * (status quo: nobody moved); votes are weighted by capability alone; the option most likely to
 * prevail (conditional PCE, see win-probabilities.ts) becomes k's position, ties to the lowest index.
 */
import type { SmpActors } from './actors.js';
import type { Bargain } from './bargain.js';
import { distanceToPoint } from './distance.js';
import { spatialUtility } from './utility.js';
import { mostProbable, optionProbabilities } from './win-probabilities.js';

/** One actor's options (−1 = status quo, else an index into the bargains) and the outcome. */
export interface PositionChoice {
  options: number[];
  probabilities: Float64Array;
  chosen: number;
}

/**
 * Picks every actor's next position. `ownUtility[v·n + m]` is actor v's own utility for actor m's
 * position (u^v(v, m)); `risk` holds each actor's R.
 *
 * @example
 * const { choices, next } = choosePositions(actors, positions, risk, ownUtility, bargains, 1e-8);
 */
export function choosePositions(
  actors: SmpActors,
  positions: Float64Array,
  risk: Float64Array,
  ownUtility: Float64Array,
  bargains: readonly Bargain[],
  floor: number,
): { choices: PositionChoice[]; next: Float64Array } {
  const { n, dims } = actors;
  const statusQuo = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let sum = 0;
    for (let m = 0; m < n; m++) sum += ownUtility[v * n + m]!;
    statusQuo[v] = sum / n;
  }
  const bargainUtility = new Float64Array(bargains.length * n);
  bargains.forEach((b, bi) => {
    for (let v = 0; v < n; v++) {
      let sum = spatialUtility(distanceToPoint(actors, positions, v, b.forInitiator), risk[v]!);
      sum += spatialUtility(distanceToPoint(actors, positions, v, b.forTarget), risk[v]!);
      for (let m = 0; m < n; m++) {
        if (m !== b.initiator && m !== b.target) sum += ownUtility[v * n + m]!;
      }
      bargainUtility[bi * n + v] = sum / n;
    }
  });

  const optionsOf: number[][] = Array.from({ length: n }, () => [-1]);
  bargains.forEach((b, bi) => {
    optionsOf[b.initiator]!.push(bi);
    optionsOf[b.target]!.push(bi);
  });

  const next = new Float64Array(n * dims);
  const choices = optionsOf.map((options, k) => {
    const utility = new Float64Array(options.length * n);
    options.forEach((o, oi) => {
      utility.set(o < 0 ? statusQuo : bargainUtility.subarray(o * n, (o + 1) * n), oi * n);
    });
    const probabilities = optionProbabilities(actors.capability, utility, n, options.length, floor);
    const chosen = mostProbable(probabilities);
    const o = options[chosen]!;
    const b = o < 0 ? undefined : bargains[o]!;
    const source =
      b === undefined
        ? positions.subarray(k * dims, (k + 1) * dims)
        : b.initiator === k
          ? b.forInitiator
          : b.forTarget;
    next.set(source, k * dims);
    return { options, probabilities, chosen };
  });
  return { choices, next };
}
