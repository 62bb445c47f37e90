/**
 * The in-memory world: every section of the world files, validated and indexed.
 */
import type {
  Actor,
  Capability,
  Claim,
  Corridor,
  Dimension,
  Event,
  Evidence,
  Membership,
  Source,
  TieSeries,
  WorldMeta,
} from './schema.js';

/** A validated, indexed world. Treat as immutable: analysis never mutates it. */
export interface World {
  readonly meta: WorldMeta;
  readonly sources: readonly Source[];
  readonly evidence: readonly Evidence[];
  readonly actors: readonly Actor[];
  readonly capabilities: readonly Capability[];
  readonly ties: readonly TieSeries[];
  readonly events: readonly Event[];
  readonly corridors: readonly Corridor[];
  readonly memberships: readonly Membership[];
  readonly claims: readonly Claim[];
  readonly actorById: ReadonlyMap<string, Actor>;
  readonly evidenceById: ReadonlyMap<string, Evidence>;
  /** Where the world was read from (a bundled id resolves to its directory). */
  readonly origin: string;
}

/**
 * `composite` is the weighted mean over dimensions (missing ones: `SnapshotOptions.missing`); a
 * dimension name selects one layer.
 */
export type Layer = Dimension | 'composite';

/** A tie as seen at one date: undirected pairs have `a < b`. */
export interface TieAt {
  a: string;
  b: string;
  dimension: Layer;
  value: number;
  confidence: number;
  /** Date of the observation used (composite: the latest among its dimensions). */
  observed: string;
  evidence: string[];
  /**
   * Where the value comes from when it is derived (a series' `origin`, e.g. `events`); absent when
   * curated. A composite mixing origins names them all, `+`-joined in order (`curated+events`).
   */
  origin?: string;
  /** Values of the same dyad and dimension from other origins, shown beside the one used. */
  alternatives?: TieAlternative[];
  /**
   * Composite only: dimensions whose coding of this dyad starts after the date and that enter the
   * mean with their first observation (the snapshot's `missing.carryBackMonths`).
   */
  carried?: CarriedDimension[];
  /** Composite only: dimensions the dyad is coded on that have no value at the date ("no data"). */
  missing?: Dimension[];
}

/** A dimension a composite fills with the first observation after the date. */
export interface CarriedDimension {
  dimension: Dimension;
  value: number;
  /** The observation's confidence times the snapshot's `missing.carriedConfidence`. */
  confidence: number;
  /** Date of the observation carried back. */
  observed: string;
}

/** A value of a tie from another origin than the one a snapshot uses. */
export interface TieAlternative {
  /** `curated`, or the derived series' origin. */
  origin: string;
  value: number;
  confidence: number;
  observed: string;
  evidence: string[];
}

/** Capability of an actor at a date: the latest yearly record not after it. */
export interface CapabilityAt {
  actor: string;
  year: number;
  cinc?: number;
  milex?: number;
  milper?: number;
  /** Share of the actor's arms imports from each supplier (see the capability schema). */
  armsImports?: Record<string, number>;
  evidence: string[];
}

/** The signed weighted graph of a world at one date. */
export interface Snapshot {
  world: string;
  at: string;
  layer: Layer;
  actors: Actor[];
  /** Ties on the requested layer. */
  ties: TieAt[];
  /** Ties on every dimension (always present, so analysis can switch layers without reloading). */
  byDimension: Record<Dimension, TieAt[]>;
  capabilities: Record<string, CapabilityAt>;
}
