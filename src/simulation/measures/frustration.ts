/**
 * Frustration index of the whole simulated state (Harary 1959; the number of ties a best split
 * into two camps leaves frustrated). On the way, the analysis layer's multi-start heuristic
 * (`frustrationHeuristic`, an upper bound); at the horizon, its exact solver (`frustrationIndex`)
 * when the state is small enough (skipped where the heuristic already meets the triangle-packing
 * lower bound, which proves it exact). Both depend only on the signs of the ties beyond the neutral
 * band, which change rarely from one step to the next (`signsOnly`: taken once per pattern).
 */
import { z } from 'zod';
import { adjacencyOf, type CostGraph, toCostGraph } from '../../analysis/balance/cost-graph.js';
import { frustrationIndex } from '../../analysis/balance/frustration-exact.js';
import { frustrationHeuristic } from '../../analysis/balance/frustration-heuristic.js';
import { negativeTrianglePacking } from '../../analysis/balance/triangle-packing-bound.js';
import { graphFromSnapshot } from '../../analysis/from-snapshot.js';
import { indexGraph } from '../../analysis/signed-graph.js';
import type { Snapshot, TieAt } from '../../domain/world.js';
import type { MeasureContext, MeasureKind } from './types.js';

const Entry = z.object({ measure: z.literal('frustration') }).strict();

const graphOf = (view: Snapshot, ctx: MeasureContext) =>
  indexGraph(graphFromSnapshot(view, { neutral: ctx.neutral }));

/**
 * The unit-cost graph the heuristic reads, the one `toCostGraph(graphOf(view), false)` makes, built
 * from node pairs kept per tie object: a view keeps its actors and tie objects from state to state,
 * so after the first state only the values are read (names are looked up once per tie, not once
 * per state). The collector's test checks the values against the analysis path.
 */
class ViewCostGraph {
  private actors: Snapshot['actors'] | undefined;
  private index = new Map<string, number>();
  /** Per tie object: lo·n + hi, or −1 when it is no edge of the snapshot's graph (self-tie, unknown actor). */
  private pairs = new WeakMap<TieAt, number>();
  /** Per edge of the graph being built: its pair and its sign (reused from state to state). */
  private edges = new Int32Array(0);
  private readonly bySize = new Map<number, CostGraph>();

  of(view: Snapshot, neutral: number): CostGraph {
    if (view.actors !== this.actors) {
      this.actors = view.actors;
      this.index = new Map(view.actors.map((a, i) => [a.id, i]));
      this.pairs = new WeakMap();
    }
    const n = view.actors.length;
    const { ties } = view;
    if (this.edges.length < 2 * ties.length) this.edges = new Int32Array(2 * ties.length);
    const { edges } = this;
    let m = 0;
    for (let k = 0; k < ties.length; k++) {
      const t = ties[k]!;
      if (t.value === 0 || Math.abs(t.value) < neutral) continue;
      const p = this.pair(t, n);
      if (p < 0) continue;
      edges[m++] = p;
      edges[m++] = t.value > 0 ? 1 : -1;
    }
    m /= 2;
    const g = this.graphOf(n, m);
    for (let e = 0; e < m; e++) {
      const p = edges[2 * e]!;
      g.u[e] = Math.floor(p / n);
      g.v[e] = p % n;
      g.sign[e] = edges[2 * e + 1]!;
    }
    return g;
  }

  /**
   * A unit-cost graph of n nodes and m edges to fill, one per size: a run's states have a few dozen
   * edge counts between them, and each solve would otherwise allocate four arrays. A graph is valid
   * until the next call (the measure reads it only while it takes one value).
   */
  private graphOf(n: number, m: number): CostGraph {
    let g = this.bySize.get(m);
    if (g?.n !== n) {
      g = {
        n,
        u: new Int32Array(m),
        v: new Int32Array(m),
        sign: new Int8Array(m),
        cost: new Float64Array(m).fill(1),
      };
      this.bySize.set(m, g);
    }
    return g;
  }

  private pair(t: TieAt, n: number): number {
    let p = this.pairs.get(t);
    if (p === undefined) {
      const i = this.index.get(t.a);
      const j = this.index.get(t.b);
      p = i === undefined || j === undefined || i === j ? -1 : Math.min(i, j) * n + Math.max(i, j);
      this.pairs.set(t, p);
    }
    return p;
  }
}

export const frustration: MeasureKind = {
  id: 'frustration',
  key: 'measure',
  value: 'frustration',
  schema: Entry,
  syntax: '{ measure: frustration }',
  args: () => ({ args: [], argPaths: [] }),
  title: () => 'frustration index',
  scope: 'full',
  signsOnly: true,
  capabilities: false,
  create: (_, ctx) => {
    const graphs = new ViewCostGraph();
    return (view) => {
      const g = graphs.of(view, ctx.neutral);
      const a = adjacencyOf(g);
      // Starts after the bound is reached cannot lower the cost (they keep only a strictly better
      // one), so stopping there returns what all the starts would: the bound saves time, not value.
      const target = negativeTrianglePacking(g, a);
      return frustrationHeuristic(g, ctx.rng(), { restarts: ctx.heuristicRestarts, target }, a).cost;
    };
  },
  atHorizon: (view, ctx, onTheWay) => {
    if (view.actors.length > ctx.exactMaxActors) return undefined;
    const graph = graphOf(view, ctx);
    // The heuristic's cost bounds the index from above and the triangle packing from below: where
    // they meet, the heuristic's value is the index and the exact solve would only confirm it.
    if (onTheWay === negativeTrianglePacking(toCostGraph(graph, false))) return Promise.resolve(onTheWay);
    return frustrationIndex(graph, { rng: ctx.rng(), timeLimit: ctx.exactTimeLimit }).then((r) => r.L);
  },
};
