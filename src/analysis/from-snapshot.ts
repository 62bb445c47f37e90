/**
 * The signed graph of a world snapshot: actors are nodes, ties on the snapshot's layer whose
 * |value| reaches the neutral threshold are edges weighted by their value.
 */
import { NEUTRAL_THRESHOLD } from '../domain/defaults.js';
import { ACTOR_KINDS } from '../domain/schema.js';
import type { Snapshot } from '../domain/world.js';
import type { SignedGraph } from './signed-graph.js';

export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface SnapshotGraphOptions {
  /** Ties with |value| below this are neutral and left out. */
  neutral: number;
  /** Actor kinds that become nodes. */
  kinds: readonly ActorKind[];
}

export const SNAPSHOT_GRAPH_DEFAULTS: Readonly<SnapshotGraphOptions> = Object.freeze({
  neutral: NEUTRAL_THRESHOLD,
  kinds: ACTOR_KINDS,
});

/**
 * Builds the signed graph of a snapshot.
 *
 * @example
 * const g = graphFromSnapshot(snapshot(openWorld('eurasia'), '2021-12'), { neutral: 0.2 });
 */
export function graphFromSnapshot(s: Snapshot, options: Partial<SnapshotGraphOptions> = {}): SignedGraph {
  const { neutral, kinds } = { ...SNAPSHOT_GRAPH_DEFAULTS, ...options };
  const nodes = s.actors.filter((a) => kinds.includes(a.kind)).map((a) => a.id);
  const keep = new Set(nodes);
  const edges = s.ties
    .filter(
      (t) => t.value !== 0 && Math.abs(t.value) >= neutral && t.a !== t.b && keep.has(t.a) && keep.has(t.b),
    )
    .map((t) => ({ a: t.a, b: t.b, w: t.value }));
  return { nodes, edges };
}

/**
 * Tie value between two actors on the snapshot's layer (0 when there is none).
 *
 * @example
 * tieValue(snap, 'A', 'B') === tieValue(snap, 'B', 'A'); // true
 */
export function tieValue(s: Snapshot, a: string, b: string): number {
  return observedTie(s, a, b) ?? 0;
}

/**
 * Tie value between two actors on the snapshot's layer, undefined when none is observed (no data,
 * as opposed to an observed neutral tie); an observed |value| below `options.neutral` reads as 0
 * (without it, every observed value is kept as it is).
 *
 * @example
 * observedTie(snap, 'A', 'UNRELATED'); // undefined
 * observedTie(snap, 'A', 'B', { neutral: NEUTRAL_THRESHOLD }); // 0 for a tie of 0.05
 */
export function observedTie(
  s: Snapshot,
  a: string,
  b: string,
  options: { neutral?: number } = {},
): number | undefined {
  const neutral = options.neutral ?? 0;
  // No pair array or closure: simulations read ties this way on every step of every run.
  const x = a < b ? a : b;
  const y = a < b ? b : a;
  let v: number | undefined;
  for (const t of s.ties) {
    if (t.a === x && t.b === y) {
      v = t.value;
      break;
    }
  }
  return v === undefined || Math.abs(v) >= neutral ? v : 0;
}
