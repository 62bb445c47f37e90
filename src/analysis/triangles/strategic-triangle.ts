/**
 * Strategic triangles (Dittmer 1981, "The strategic triangle: an elementary game-theoretical
 * analysis", World Politics 33(4)): three actors and the signs of their three ties give
 * - `menage-a-trois` (+++): all three are friends;
 * - `romantic` (++−): one `pivot` is friends with two `wings` that are hostile to each other;
 * - `stable-marriage` (+−−): two `partners` are friends and both hostile to the `outcast`;
 * - `unit-veto` (−−−): all three are hostile;
 * - `incomplete`: at least one tie is neutral (|w| below the threshold), so the triangle is not in play.
 */
import { NEUTRAL_THRESHOLD } from '../../domain/defaults.js';
import { InvalidInputError, NotFoundError } from '../../domain/errors.js';
import type { Snapshot } from '../../domain/world.js';
import { tieValue } from '../from-snapshot.js';
import type { IndexedSignedGraph } from '../signed-graph.js';

export const TRIANGLE_TYPES = [
  'menage-a-trois',
  'romantic',
  'stable-marriage',
  'unit-veto',
  'incomplete',
] as const;
export type TriangleType = (typeof TRIANGLE_TYPES)[number];

export interface StrategicTriangleOptions {
  /** Ties with |w| below this are neutral. */
  neutral: number;
}

export const STRATEGIC_TRIANGLE_DEFAULTS: Readonly<StrategicTriangleOptions> = Object.freeze({
  neutral: NEUTRAL_THRESHOLD,
});

export interface StrategicTriangle {
  actors: [string, string, string];
  type: TriangleType;
  pivot?: string;
  wings?: [string, string];
  partners?: [string, string];
  outcast?: string;
  /** The three ties keyed "X-Y" in the order the actors were given. */
  ties: Record<string, number>;
}

/**
 * Classifies three actors from their pairwise tie values.
 *
 * @example
 * classifyTriangle(['A', 'B', 'C'], { 'A-B': 0.6, 'A-C': 0.5, 'B-C': -0.8 });
 * // { type: 'romantic', pivot: 'A', wings: ['B', 'C'], … }
 */
export function classifyTriangle(
  actors: readonly [string, string, string],
  ties: Readonly<Record<string, number>>,
  options: Partial<StrategicTriangleOptions> = {},
): StrategicTriangle {
  const { neutral } = { ...STRATEGIC_TRIANGLE_DEFAULTS, ...options };
  const [a, b, c] = actors;
  const pairs: [string, string, string][] = [
    [a, b, c],
    [a, c, b],
    [b, c, a],
  ];
  const value = (x: string, y: string) => ties[`${x}-${y}`] ?? ties[`${y}-${x}`] ?? 0;
  const keyed: Record<string, number> = {};
  for (const [x, y] of pairs) keyed[`${x}-${y}`] = value(x, y);
  const base = { actors: [a, b, c] as [string, string, string], ties: keyed };
  if (pairs.some(([x, y]) => Math.abs(value(x, y)) < neutral)) return { ...base, type: 'incomplete' };
  const negatives = pairs.filter(([x, y]) => value(x, y) < 0);
  if (negatives.length === 0) return { ...base, type: 'menage-a-trois' };
  if (negatives.length === 3) return { ...base, type: 'unit-veto' };
  if (negatives.length === 1) {
    const [x, y, apex] = negatives[0]!;
    return { ...base, type: 'romantic', pivot: apex, wings: [x, y] };
  }
  const [x, y, odd] = pairs.find(([p, q]) => value(p, q) > 0)!;
  return { ...base, type: 'stable-marriage', partners: [x, y], outcast: odd };
}

/** Every complete triangle of a graph grouped by type, with how often each actor is the pivot. */
export interface TriangleCatalogue {
  byType: Record<Exclude<TriangleType, 'incomplete'>, StrategicTriangle[]>;
  pivotCounts: Record<string, number>;
}

/**
 * Lists every triangle of a signed graph (all three ties non-neutral, as the graph's edges are)
 * by strategic type; actors in each triangle follow the graph's node order.
 *
 * @example
 * strategicTriangles(g).byType.romantic.map((t) => t.pivot);
 */
export function strategicTriangles(g: IndexedSignedGraph): TriangleCatalogue {
  const byType: TriangleCatalogue['byType'] = {
    'menage-a-trois': [],
    romantic: [],
    'stable-marriage': [],
    'unit-veto': [],
  };
  const pivotCounts: Record<string, number> = Object.fromEntries(g.nodes.map((id) => [id, 0]));
  const weightTo = new Float64Array(g.n);
  for (let u = 0; u < g.n; u++) {
    for (let p = g.offsets[u]!; p < g.offsets[u + 1]!; p++) weightTo[g.adj[p]!] = g.weight[g.adjEdge[p]!]!;
    for (let p = g.offsets[u]!; p < g.offsets[u + 1]!; p++) {
      const v = g.adj[p]!;
      if (v <= u) continue;
      for (let q = g.offsets[v]!; q < g.offsets[v + 1]!; q++) {
        const w = g.adj[q]!;
        if (w <= v || weightTo[w] === 0) continue;
        const [x, y, z] = [g.nodes[u]!, g.nodes[v]!, g.nodes[w]!];
        const t = classifyTriangle(
          [x, y, z],
          {
            [`${x}-${y}`]: g.weight[g.adjEdge[p]!]!,
            [`${x}-${z}`]: weightTo[w]!,
            [`${y}-${z}`]: g.weight[g.adjEdge[q]!]!,
          },
          { neutral: 0 },
        );
        if (t.type === 'incomplete') continue;
        byType[t.type].push(t);
        if (t.pivot) pivotCounts[t.pivot]!++;
      }
    }
    for (let p = g.offsets[u]!; p < g.offsets[u + 1]!; p++) weightTo[g.adj[p]!] = 0;
  }
  return { byType, pivotCounts };
}

/**
 * The strategic triangle of three actors in a snapshot (missing ties count as neutral).
 *
 * @example
 * triangleInSnapshot(snap, ['A', 'B', 'C']).type; // 'romantic'
 */
export function triangleInSnapshot(
  s: Snapshot,
  actors: readonly [string, string, string],
  options: Partial<StrategicTriangleOptions> = {},
): StrategicTriangle {
  const unknown = actors.filter((id) => !s.actors.some((a) => a.id === id));
  if (unknown.length > 0)
    throw new NotFoundError(`unknown actor(s) ${unknown.join(', ')} in world '${s.world}'`);
  if (new Set(actors).size < 3) {
    throw new InvalidInputError({ field: 'actors', message: 'a triangle needs three different actors' });
  }
  const [a, b, c] = actors;
  const ties = {
    [`${a}-${b}`]: tieValue(s, a, b),
    [`${a}-${c}`]: tieValue(s, a, c),
    [`${b}-${c}`]: tieValue(s, b, c),
  };
  return classifyTriangle(actors, ties, options);
}
