/**
 * One round of Bueno de Mesquita's model (Scholz, Calbert & Smith 2011, appendix steps 2–11):
 * reset r = 1, compute dangers and risk exponents, recompute probabilities and expected utilities
 * with those exponents, then every actor weighs the offers it receives and all move at once.
 */
import { forecastPoint } from '../forecast-point.js';
import { expectedUtility } from './expected-utility.js';
import { acceptOffer, classifyOffer, type IndexedOffer } from './moves.js';
import type { BdmOptions } from './options.js';
import { riskExponent, riskFromDanger } from './risk.js';
import { type BdmState, winProbabilities } from './win-probability.js';

/** Everything a round decides, on indices. */
export interface BdmRound {
  R: Float64Array;
  r: Float64Array;
  /** expected[i·n + j] = E(U_ij) from i's view. */
  expected: Float64Array;
  offers: IndexedOffer[][];
  accepted: (IndexedOffer | undefined)[];
  next: Float64Array;
}

/** The weighted mean position μ that U_b and U_w refer to. */
function meanPosition(state: BdmState, capability: Float64Array): number {
  return forecastPoint(state.x, capability, state.salience, state.n, 1).mean[0]!;
}

/**
 * Risk attitudes R and exponents r of a state (all r reset to 1 before dangers are computed).
 *
 * @example
 * const { R, r } = bdmRisk(state, capability, BDM_DEFAULTS);
 */
export function bdmRisk(
  state: Omit<BdmState, 'r'>,
  capability: Float64Array,
  opts: BdmOptions,
): { R: Float64Array; r: Float64Array } {
  const { n } = state;
  const ones: BdmState = { ...state, r: new Float64Array(n).fill(1) };
  const mean = meanPosition(ones, capability);
  const p = winProbabilities(ones, opts.riskInProbability);
  const danger = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (j !== i)
        danger[i] = danger[i]! + expectedUtility(ones, j, i, p[j * n + i]!, ones.r[i]!, mean, opts);
    }
  }
  const R = riskFromDanger(danger);
  return { R, r: R.map(riskExponent) };
}

/**
 * Runs one round from `state.x` and returns the next positions with the reasons for each move.
 *
 * @example
 * const round = bdmRound({ n, x, weight, salience, range }, capability, BDM_DEFAULTS);
 */
export function bdmRound(state: Omit<BdmState, 'r'>, capability: Float64Array, opts: BdmOptions): BdmRound {
  const { n, x } = state;
  const { R, r } = bdmRisk(state, capability, opts);
  const s: BdmState = { ...state, r };
  const mean = meanPosition(s, capability);
  const p = winProbabilities(s, opts.riskInProbability);
  const expected = new Float64Array(n * n);
  const offers: IndexedOffer[][] = [];
  const accepted: (IndexedOffer | undefined)[] = [];
  const next = new Float64Array(x);
  for (let i = 0; i < n; i++) {
    const received: IndexedOffer[] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const eij = expectedUtility(s, i, j, p[i * n + j]!, r[i]!, mean, opts);
      const eji = expectedUtility(s, j, i, p[j * n + i]!, r[i]!, mean, opts);
      expected[i * n + j] = eij;
      const offer = classifyOffer(x[i]!, x[j]!, j, eij, eji);
      if (offer) received.push(offer);
    }
    const chosen = acceptOffer(x[i]!, received, x, opts.compromiseRule);
    if (chosen) next[i] = chosen.to;
    offers.push(received);
    accepted.push(chosen);
  }
  return { R, r, expected, offers, accepted, next };
}
