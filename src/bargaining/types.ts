/**
 * Shared shapes of the bargaining forecaster: the issue going in (actors with a capability, a
 * position and a salience per dimension) and the forecast coming out (positions per turn).
 * Positions are in the units (KTAB: 0–100); saliences are percentages (0–100) whose sum
 * per actor is at most 100.
 */

/** Where an input value came from: a document and a verbatim quote from it. */
export interface EvidenceQuote {
  source: string;
  quote: string;
}

/** One stakeholder of a bargaining issue. */
export interface BargainingActor {
  /** Stable id (ISO3 for states, TALIBAN, ISKP… for others; KTAB files use their actor name). */
  id: string;
  name: string;
  description?: string;
  /** Capability (power, influence): any positive unit, only ratios matter. */
  capability: number;
  /** One position per dimension, within the scale. */
  position: number[];
  /** One salience per dimension, in percent; their sum is at most 100. */
  salience: number[];
  /** Evidence per field (`position`, `salience`, `capability`) when the input cites any. */
  evidence?: Partial<Record<'position' | 'salience' | 'capability', EvidenceQuote>>;
  /** What each number rests on, when the input says so. */
  basis?: Partial<Record<InputField, InputBasis>>;
  /** How far each number may be off, when the input declares it (see sensitivity.ts). */
  uncertainty?: InputUncertainty;
}

/** The three numbers an actor brings to an issue. */
export type InputField = 'position' | 'salience' | 'capability';

/** What an input number rests on: a seed's quote, a dataset or public record, or a judgement. */
export interface InputBasis {
  kind: 'seed-quote' | 'dataset' | 'public-record' | 'judgement';
  note: string;
}

/**
 * Declared uncertainty of an actor's numbers: ± points on the scale per dimension for positions,
 * ± salience points per dimension, and ± a fraction of the capability.
 */
export interface InputUncertainty {
  position?: number[];
  salience?: number[];
  capability?: number;
}

/** A bargaining issue: its scale, dimensions and stakeholders. */
export interface BargainingInput {
  name: string;
  description: string;
  /** Dimension names, one per position coordinate. */
  dimensions: string[];
  /** The scale positions are measured on; KTAB inputs are 0–100. */
  scale: { min: number; max: number };
  actors: BargainingActor[];
}

/** The two models behind `forecast`. */
export type BargainingModel = 'smp' | 'bdm';

/** Forecast point of a state: capability×salience weighted mean and median per dimension. */
export interface ForecastPoint {
  mean: number[];
  median: number[];
}

/** SMP: one actor's challenge of a turn, as KTAB logs it. */
export interface SmpChallenge {
  initiator: string;
  target: string;
  /** Initiator's estimate that it prevails. */
  probability: number;
  /** Initiator's expected gain (ΔEU) from the challenge. */
  gain: number;
  /** Initiator's estimate of the target's gain. */
  targetGain: number;
  /** The target's view of the same challenge. */
  targetView: { probability: number; initiatorGain: number; targetGain: number };
  /** The bargain the initiator proposes, in input units: where each of the two would move. */
  proposal: { initiator: number[]; target: number[] };
}

/** SMP: how one actor picked its next position among its options. */
export interface SmpChoice {
  actor: string;
  /** Options in order: status quo first, then bargains by initiator index. */
  options: { initiator: string; target: string }[];
  /** Probability of each option prevailing (conditional Condorcet PCE). */
  probabilities: number[];
  chosen: number;
}

/** BDM: an offer one actor receives, seen from the receiver's side. */
export interface BdmOffer {
  from: string;
  kind: 'confrontation' | 'compromise';
  /** Receiver's expected utility of challenging the sender, and the sender's of challenging it. */
  receiverEu: number;
  senderEu: number;
  /** Where the receiver would move, in input units. */
  to: number;
}

/** One state of a run. Detail fields are present for turns from which a step was taken. */
export interface TurnRecord {
  turn: number;
  positions: Record<string, number[]>;
  /** Risk attitude R per actor (SMP: in [−0.5, 1]; BDM: in [−1, 1]). */
  risk: Record<string, number>;
  forecast: ForecastPoint;
  /** SMP: the challenges made in this turn. */
  challenges?: SmpChallenge[];
  /** SMP: each actor's choice among the bargains it is part of. */
  choices?: SmpChoice[];
  /** BDM: risk exponent r per actor, in [0.5, 2]. */
  riskExponent?: Record<string, number>;
  /** BDM: each actor's expected utility of challenging each other actor (own view), when > 0. */
  expected?: Record<string, Record<string, number>>;
  /** BDM: how many offers of each kind each actor received, and the one it acted on. */
  offers?: Record<string, { confrontations: number; compromises: number; accepted?: BdmOffer }>;
}

/** Result of `forecast`, positions in the input's units. */
export interface ForecastResult {
  model: BargainingModel;
  name: string;
  actors: string[];
  dimensions: string[];
  scale: { min: number; max: number };
  turns: TurnRecord[];
  final: Record<string, number[]>;
  forecast: ForecastPoint;
  /** True when the stop rule fired before the turn limit. */
  converged: boolean;
  /** Number of steps taken (states − 1). */
  steps: number;
  /** SMP: Σ‖Δx‖ of the last step over that of the first step, the quantity the stop rule tests. */
  stopRatio?: number;
}
