/**
 * Alignment on a polar axis: where each actor stands between two poles P and Q (the "new
 * bipolarity" of a two-power rivalry) and how engaged it is with them at all (the "Neo-NAM" view of
 * non-aligned or multi-aligned states):
 *   position   = (w(X,P) − w(X,Q)) / (|w(X,P)| + |w(X,Q)|) ∈ [−1, 1]   (+1 with P, −1 with Q),
 *   engagement = (|w(X,P)| + |w(X,Q)|) / 2 ∈ [0, 1] (for ties in [−1, 1]).
 * Position is the tilt of `tilt.ts` taken toward the poles (Waltz 1979 on bipolarity; Brecher 1963,
 * "International relations and Asian studies: the subordinate state system of Southern Asia",
 * World Politics 15, on non-alignment between poles).
 */
import { InvalidInputError, NotFoundError } from '../../domain/errors.js';
import type { Snapshot } from '../../domain/world.js';
import { tieValue } from '../from-snapshot.js';
import { tiltBetween } from './tilt.js';

export interface AxisPosition {
  actor: string;
  position: number;
  engagement: number;
}

/**
 * Positions of `actors` (poles excluded) on the axis from pole `p` (+1) to pole `q` (−1), from a
 * tie lookup (0 for no or neutral tie). Sorted from P's side to Q's.
 *
 * @example
 * alignment(['X', 'Y'], ['P', 'Q'], (a, b) => table[a + b] ?? 0);
 */
export function alignment(
  actors: readonly string[],
  poles: readonly [string, string],
  tie: (a: string, b: string) => number,
): AxisPosition[] {
  const [p, q] = poles;
  return actors
    .filter((x) => x !== p && x !== q)
    .map((actor) => {
      const toP = tie(actor, p);
      const toQ = tie(actor, q);
      return { actor, position: tiltBetween(toP, toQ), engagement: (Math.abs(toP) + Math.abs(toQ)) / 2 };
    })
    .sort((s, t) => t.position - s.position || t.engagement - s.engagement || (s.actor < t.actor ? -1 : 1));
}

/**
 * Alignment of every actor of a snapshot on the axis between two of its actors; ties with |w|
 * below `neutral` count as 0.
 *
 * @example
 * alignmentInSnapshot(snap, ['P', 'Q']).find((r) => r.actor === 'X')?.position;
 */
export function alignmentInSnapshot(
  s: Snapshot,
  poles: readonly [string, string],
  neutral = 0.1,
): AxisPosition[] {
  const unknown = poles.filter((id) => !s.actors.some((a) => a.id === id));
  if (unknown.length > 0)
    throw new NotFoundError(`unknown pole(s) ${unknown.join(', ')} in world '${s.world}'`);
  if (poles[0] === poles[1])
    throw new InvalidInputError({ field: 'poles', message: 'the two poles must differ' });
  const tie = (a: string, b: string) => {
    const v = tieValue(s, a, b);
    return Math.abs(v) < neutral ? 0 : v;
  };
  return alignment(
    s.actors.map((a) => a.id),
    poles,
    tie,
  );
}
