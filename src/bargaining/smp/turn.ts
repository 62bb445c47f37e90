/**
 * One turn of the Spatial Model of Politics as KTAB `smpc` runs it (`SMPState::stepBCN`):
 * distances → risk attitudes → every actor's best challenge from its own view → the bargain it
 * proposes → every actor's choice among the bargains it is part of. Arrays are flat float64; each
 * perceiver's utility matrix is built once into a reused buffer, and the O(n³) challenge loop
 * allocates nothing.
 */
import type { SmpActors } from './actors.js';
import { type Bargain, proposeBargain } from './bargain.js';
import { challengeValue } from './challenge.js';
import { salienceDistances } from './distance.js';
import type { SmpOptions } from './options.js';
import { perceivedUtilities } from './perceived-utility.js';
import { choosePositions, type PositionChoice } from './position-choice.js';
import { riskAttitudes } from './risk.js';
import { bestTarget } from './target.js';

/** A challenge of the turn, indices into the actors. */
export interface TurnChallenge {
  initiator: number;
  target: number;
  probability: number;
  gain: number;
  targetGain: number;
  targetView: { probability: number; initiatorGain: number; targetGain: number };
}

/** Everything a turn decides, on the 0–1 scale. */
export interface SmpTurn {
  risk: Float64Array;
  challenges: TurnChallenge[];
  bargains: Bargain[];
  choices: PositionChoice[];
  next: Float64Array;
}

/**
 * Risk attitudes of a state alone (what KTAB computes for the last state after the final step).
 *
 * @example
 * const r = stateRisk(actors, positions, SMP_DEFAULTS);
 */
export function stateRisk(actors: SmpActors, positions: Float64Array, opts: SmpOptions): Float64Array {
  return riskAttitudes(
    salienceDistances(actors, positions),
    actors.capability,
    actors.n,
    opts.coalitionFloor,
  );
}

/**
 * Runs one turn from `positions` (0–1, row-major by actor) and returns the next positions.
 *
 * @example
 * const t = smpTurn(actors, positions, SMP_DEFAULTS);
 * t.challenges[0]; // { initiator: 0, target: 6, probability: 0.7643…, gain: 0.0947…, … }
 */
export function smpTurn(actors: SmpActors, positions: Float64Array, opts: SmpOptions): SmpTurn {
  const { n, dims, challengeWeight: weight, totalSalience } = actors;
  const distances = salienceDistances(actors, positions);
  const risk = riskAttitudes(distances, actors.capability, n, opts.coalitionFloor);
  const u = new Float64Array(n * n);
  const own = new Float64Array(n * n);
  const gains = new Float64Array(n);
  const probabilities = new Float64Array(n);
  const out = new Float64Array(2);
  const value = (k: number, i: number, j: number) =>
    challengeValue(
      u,
      n,
      weight,
      totalSalience,
      k,
      i,
      j,
      opts.challengeCoalitionFloor,
      opts.thirdPartyCommit,
      out,
    );

  const chosen: Omit<TurnChallenge, 'targetView'>[] = [];
  for (let i = 0; i < n; i++) {
    perceivedUtilities(distances, risk, i, opts.riskAdjust, u);
    for (let m = 0; m < n; m++) own[i * n + m] = u[m * n + i]!;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      value(i, i, j);
      probabilities[j] = out[0]!;
      gains[j] = out[1]!;
    }
    const j = bestTarget(gains, i, opts.minChallengeGain);
    if (j < 0) continue;
    const targetGain = value(j, i, j)[1]!;
    chosen.push({ initiator: i, target: j, probability: probabilities[j]!, gain: gains[j]!, targetGain });
  }

  // The target's view needs the target's utility matrix: build it once per distinct target.
  const views = new Map<number, TurnChallenge['targetView']>();
  for (const j of new Set(chosen.map((c) => c.target))) {
    perceivedUtilities(distances, risk, j, opts.riskAdjust, u);
    for (const c of chosen) {
      if (c.target !== j) continue;
      const initiatorGain = value(c.initiator, c.initiator, j)[1]!;
      const probability = out[0]!;
      views.set(c.initiator, { probability, initiatorGain, targetGain: value(j, c.initiator, j)[1]! });
    }
  }
  const challenges = chosen.map((c) => ({ ...c, targetView: views.get(c.initiator)! }));

  const bargains = challenges.map((c) =>
    proposeBargain(c.initiator, c.target, positions, actors.salience, dims, c.probability, opts),
  );
  const { choices, next } = choosePositions(actors, positions, risk, own, bargains, opts.coalitionFloor);
  return { risk, challenges, bargains, choices, next };
}
