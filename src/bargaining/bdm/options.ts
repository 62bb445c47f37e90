/**
 * Options of Bueno de Mesquita's expected utility model (1994) as clarified by Scholz, Calbert &
 * Smith (2011), "Unravelling Bueno De Mesquita's group decision model", J. Theoretical Politics
 * 23(4). Q and T default to 1 as in the paper's replication.
 */

/** Which compromise an actor accepts when it receives several (and no confrontation). */
export type CompromiseRule = 'smallest-point' | 'nearest';

export interface BdmOptions {
  /** Probability that the status quo holds absent a challenge. */
  Q: number;
  /** Probability that, absent a challenge, things change for the better. */
  T: number;
  /** Raise voters' normalised distances to their own risk exponent r_k (Scholz et al.'s code). */
  riskInProbability: boolean;
  /**
   * 'smallest-point': the compromise with the smallest (|e_ij|·x_i + |e_ji|·x_j)/(|e_ij| + |e_ji|),
   * as the specification reads; 'nearest': the one that moves the receiver least.
   */
  compromiseRule: CompromiseRule;
  maxRounds: number;
  /** Converged when no actor moves more than this fraction of the range in a round. */
  tolerance: number;
  /** Which dimension of a multi-dimensional issue to run (BDM is one-dimensional). */
  dimension?: number;
}

export const BDM_DEFAULTS: Readonly<BdmOptions> = Object.freeze({
  Q: 1,
  T: 1,
  riskInProbability: true,
  compromiseRule: 'smallest-point',
  maxRounds: 100,
  tolerance: 1e-6,
});
