/**
 * Alignment on a polar axis: where each actor stands between two poles P and Q (the "new
 * bipolarity" of a two-power rivalry) and how engaged it is with them at all (the "Neo-NAM" view of
 * non-aligned or multi-aligned states):
 *   position   = (w(X,P) − w(X,Q)) / 2 ∈ [−1, 1]   (+1 allied with P and hostile to Q),
 *   engagement = (|w(X,P)| + |w(X,Q)|) / 2 ∈ [0, 1] (for ties in [−1, 1]).
 * Position is scaled by the ties' size, so a thin tie moves an actor a little, and it is defined
 * only when both ties are observed: "no data" is not "neutral" (an observed tie under the neutral
 * band counts as 0). Actors tied to one pole only are listed apart, with that tie, and take no
 * position. (Waltz 1979 on bipolarity; Brecher 1963, "International relations and Asian studies:
 * the subordinate state system of Southern Asia", World Politics 15, on non-alignment between
 * poles, a property of states: states only by default.)
 */
import { NEUTRAL_THRESHOLD } from '../../domain/defaults.js';
import { InvalidInputError, NotFoundError } from '../../domain/errors.js';
import type { Snapshot } from '../../domain/world.js';
import { type ActorKind, observedTie } from '../from-snapshot.js';

export interface AxisPosition {
  actor: string;
  position: number;
  engagement: number;
}

/** An actor with an observed tie to one pole only: no position, the tie it has. */
export interface OneSided {
  actor: string;
  pole: string;
  tie: number;
}

export interface AxisReport {
  /** Actors with observed ties to both poles, from P's side to Q's. */
  rows: AxisPosition[];
  /** Actors tied to one pole only. */
  oneSided: OneSided[];
  /** How many actors have no observed tie to either pole. */
  noData: number;
}

export interface AlignmentOptions {
  /** Ties with |w| below this count as neutral (0), though observed. */
  neutral: number;
  /** Actor kinds placed on the axis (poles may be of any kind). */
  kinds: readonly ActorKind[];
}

export const ALIGNMENT_DEFAULTS: Readonly<AlignmentOptions> = Object.freeze({
  neutral: NEUTRAL_THRESHOLD,
  kinds: Object.freeze(['state'] as ActorKind[]),
});

/**
 * Positions of `actors` (poles excluded) on the axis from pole `p` (+1) to pole `q` (−1), from a
 * tie lookup that returns undefined where there is no data.
 *
 * @example
 * alignment(['X', 'Y'], ['P', 'Q'], (a, b) => table[a + b]).rows;
 */
export function alignment(
  actors: readonly string[],
  poles: readonly [string, string],
  tie: (a: string, b: string) => number | undefined,
): AxisReport {
  const [p, q] = poles;
  const report: AxisReport = { rows: [], oneSided: [], noData: 0 };
  for (const actor of actors) {
    if (actor === p || actor === q) continue;
    const toP = tie(actor, p);
    const toQ = tie(actor, q);
    if (toP !== undefined && toQ !== undefined) {
      report.rows.push({ actor, position: (toP - toQ) / 2, engagement: (Math.abs(toP) + Math.abs(toQ)) / 2 });
    } else if (toP !== undefined || toQ !== undefined) {
      report.oneSided.push({ actor, pole: toP !== undefined ? p : q, tie: (toP ?? toQ)! });
    } else {
      report.noData++;
    }
  }
  report.rows.sort(
    (s, t) => t.position - s.position || t.engagement - s.engagement || (s.actor < t.actor ? -1 : 1),
  );
  report.oneSided.sort((s, t) => (s.actor < t.actor ? -1 : 1));
  return report;
}

/**
 * Alignment of the actors of a snapshot (of the chosen kinds) on the axis between two of its
 * actors.
 *
 * @example
 * alignmentInSnapshot(snap, ['P', 'Q']).rows.find((r) => r.actor === 'X')?.position;
 */
export function alignmentInSnapshot(
  s: Snapshot,
  poles: readonly [string, string],
  options: Partial<AlignmentOptions> = {},
): AxisReport {
  const { neutral, kinds } = { ...ALIGNMENT_DEFAULTS, ...options };
  const unknown = poles.filter((id) => !s.actors.some((a) => a.id === id));
  if (unknown.length > 0)
    throw new NotFoundError(`unknown pole(s) ${unknown.join(', ')} in world '${s.world}'`);
  if (poles[0] === poles[1])
    throw new InvalidInputError({ field: 'poles', message: 'the two poles must differ' });
  return alignment(
    s.actors.filter((a) => kinds.includes(a.kind)).map((a) => a.id),
    poles,
    (a, b) => observedTie(s, a, b, { neutral }),
  );
}
