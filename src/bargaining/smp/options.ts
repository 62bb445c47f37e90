/**
 * Options of the Spatial Model of Politics, defaulting to what KAPSARC's KTAB `smpc` runs with no
 * options (Linear victory probabilities, proportional voting, conditional PCE, deterministic
 * transitions, BigRRange Mid, BigRAdjust OneThird, SemiCommit third parties, S2P2 bargains,
 * InitOnlyInterp). The small constants are KTAB's guards against 0/0 and its tie-breaks.
 */

/** How an estimator h blends its own risk attitude with actor i's when estimating i's utility. */
export type RiskAdjust = 'full' | 'two-thirds' | 'half' | 'one-third' | 'none';

/** How much a third party commits when it joins a coalition (KTAB ThirdPartyCommit). */
export type ThirdPartyCommit = 'full' | 'semi' | 'none';

export interface SmpOptions {
  /** Estimator h's view of i's risk: 'one-third' gives (2·R_h + R_i)/3. */
  riskAdjust: RiskAdjust;
  thirdPartyCommit: ThirdPartyCommit;
  /** Bargain weights are salience^s × probability^p (KTAB S2P2: 2 and 2). */
  bargainSalienceExponent: 1 | 2;
  bargainProbabilityExponent: 1 | 2;
  /** Decimals (on the 0–1 scale) bargains are rounded to. */
  bargainDecimals: number;
  /** Added to the proposer's own weight so that a 0/0 bargain keeps each at its position. */
  bargainTieWeight: number;
  /** Smallest expected gain worth a challenge. */
  minChallengeGain: number;
  /** Starting strength of each side in a challenge's coalitions. */
  challengeCoalitionFloor: number;
  /** Starting strength of each side when options (positions, bargains) are compared. */
  coalitionFloor: number;
  /** Turns that must pass before the stop rule may fire. */
  minTurns: number;
  maxTurns: number;
  /** Stop when Σ‖Δx‖ of a turn ÷ (that of the first turn + minStepChange) falls below this. */
  stopRatio: number;
  minStepChange: number;
}

export const SMP_DEFAULTS: Readonly<SmpOptions> = Object.freeze({
  riskAdjust: 'one-third',
  thirdPartyCommit: 'semi',
  bargainSalienceExponent: 2,
  bargainProbabilityExponent: 2,
  bargainDecimals: 4,
  bargainTieWeight: 1e-6,
  minChallengeGain: 1e-5,
  challengeCoalitionFloor: 1e-10,
  coalitionFloor: 1e-8,
  minTurns: 2,
  maxTurns: 100,
  stopRatio: 0.02,
  minStepChange: 1e-4,
});
