/**
 * What a followed measure is: a kind (one file each, listed in `index.ts`) that says how a scenario
 * names it in YAML, which actors it reads, and how it is taken on a snapshot view of a simulated
 * state — always by calling the analysis layer's own function, never by computing it again.
 */
import type { z } from 'zod';
import type { Snapshot } from '../../domain/world.js';
import type { Rng } from '../../kernels/random.js';
import type { DataPath } from '../../worlds/yaml-source.js';

/** A `follow:` entry once parsed: the kind and its actor ids, with where each id was written. */
export interface FollowSpec {
  kind: string;
  args: string[];
  /** Path of each argument inside the entry (for error lines), e.g. `['between', 0]`. */
  argPaths: DataPath[];
}

/** Options every evaluator shares. */
export interface MeasureContext {
  /** Actor ids in model order (evaluators get model indices). */
  ids: readonly string[];
  /** Ties with |w| below this are neutral (the analysis layer's threshold). */
  neutral: number;
  /** Restarts of the frustration heuristic taken on the way (every step). */
  heuristicRestarts: number;
  /** The exact frustration index is taken at the horizon on states of at most this many actors. */
  exactMaxActors: number;
  /** Seconds the exact solver may spend on one state (past it, its best bound stands). */
  exactTimeLimit: number;
  /** A fresh generator for a measure's random draws (the same for every call). */
  rng: () => Rng;
}

/**
 * Takes the measure on a snapshot view of one state: a number, NaN when undefined there, or an
 * outcome's index.
 */
export type Evaluate = (view: Snapshot) => number;

export interface MeasureKind {
  /** Id used in results and in the registry. */
  id: string;
  /** YAML key that names this kind in a `follow:` entry (`measure` for global measures). */
  key: string;
  /** For `key: measure`: the value naming this kind (`{ measure: frustration }`). */
  value?: string;
  /** Shape of the entry (strict; `direction` is removed before an `expect:` entry is parsed). */
  schema: z.ZodType;
  /** How the entry is written, for hints. */
  syntax: string;
  /** The entry's actor ids and where they are written. */
  args(entry: never): Pick<FollowSpec, 'args' | 'argPaths'>;
  /** Outcome labels of a categorical measure (the evaluator returns an index into them). */
  outcomes?(args: readonly string[]): string[];
  /**
   * An outcome in words, e.g. "X is the pivot of A–B–C"; `held` when it was the outcome at the
   * start ("X stays the pivot of A–B–C").
   */
  phrase?(outcome: string, args: readonly string[], held: boolean): string;
  /** Readable name, e.g. "tilt of X between A and B". */
  title(args: readonly string[]): string;
  /**
   * What the view holds: only the named actors and the ties among them (`local`), or the whole
   * state (`full`).
   */
  scope: 'local' | 'full';
  /**
   * True when the value depends only on the signs of the view's ties beyond the neutral band (and
   * on nothing random): the collector then takes it once per sign pattern.
   */
  signsOnly: boolean;
  /**
   * True when the value reads the view's capabilities. A view fills the CINC shares only for frames
   * whose measures read them: on a view of a few actors, writing them is most of the refill.
   */
  capabilities: boolean;
  /** An evaluator for these actors (model indices). */
  create(args: readonly number[], ctx: MeasureContext): Evaluate;
  /**
   * A more expensive value taken at the horizon only (e.g. the exact frustration index), on the
   * full view, given the value taken on the way on the same state; undefined when that value
   * stands.
   */
  atHorizon?(view: Snapshot, ctx: MeasureContext, onTheWay: number): Promise<number> | undefined;
}
