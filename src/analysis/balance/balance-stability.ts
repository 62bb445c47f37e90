/**
 * How stable the cheap structural-balance readings of a snapshot are under the uncertainty of its
 * ties: `draws` parametric bootstrap draws (the shared noise model of `tie-draw.ts`) rebuild the
 * signed graph (ties under the neutral band drop out, so edges come and go near the cut-off) and
 * recount the triangle census (Cartwright & Harary 1956) and whether the graph is balanced. The
 * frustration index is left out: its exact solver per draw would cost minutes, not seconds.
 */

import type { Snapshot } from '../../domain/world.js';
import { quantile } from '../../kernels/quantiles.js';
import type { Rng } from '../../kernels/random.js';
import { graphFromSnapshot, SNAPSHOT_GRAPH_DEFAULTS, type SnapshotGraphOptions } from '../from-snapshot.js';
import { indexGraph } from '../signed-graph.js';
import { checkDraws, drawSnapshot, TIE_DRAW_DEFAULTS } from '../tie-draw.js';
import { isBalanced } from './is-balanced.js';
import { triangleCensus, triangleCount, triangleIndex } from './triangle-census.js';

export interface BalanceStabilityOptions extends SnapshotGraphOptions {
  draws: number;
  /** Standard deviation of a tie held with confidence 0 (see `tie-draw.ts`). */
  spread: number;
}

export const BALANCE_STABILITY_DEFAULTS: Readonly<BalanceStabilityOptions> = Object.freeze({
  ...SNAPSHOT_GRAPH_DEFAULTS,
  draws: 1000,
  spread: TIE_DRAW_DEFAULTS.spread,
});

/** A reading of the snapshot and the 5th–95th percentile band of it over the draws. */
export interface Banded {
  value: number;
  band: [number, number];
}

export interface BalanceStability {
  draws: number;
  edges: Banded;
  triangles: Banded;
  triangleIndex: Banded;
  balanced: boolean;
  /** Share of draws in which the graph is balanced exactly when the snapshot's is. */
  keepsBalanced: number;
}

function banded(value: number, drawn: number[]): Banded {
  const sorted = [...drawn].sort((x, y) => x - y);
  return { value, band: [quantile(sorted, 0.05), quantile(sorted, 0.95)] };
}

/**
 * Stability of the triangle census and of balance of a snapshot's signed graph, from `rng`.
 *
 * @example
 * balanceStability(snap, stream(7), { draws: 200 }).triangleIndex; // { value: 0.8, band: [0.74, 0.86] }
 */
export function balanceStability(
  s: Snapshot,
  rng: Rng,
  options: Partial<BalanceStabilityOptions> = {},
): BalanceStability {
  const opts = { ...BALANCE_STABILITY_DEFAULTS, ...options };
  checkDraws(opts.draws);
  const graph = { neutral: opts.neutral, kinds: opts.kinds };
  const read = (snap: Snapshot) => {
    const g = indexGraph(graphFromSnapshot(snap, graph));
    const census = triangleCensus(g);
    return {
      edges: g.m,
      triangles: triangleCount(census),
      index: triangleIndex(census),
      balanced: isBalanced(g).balanced,
    };
  };
  const here = read(s);
  const edges: number[] = [];
  const triangles: number[] = [];
  const index: number[] = [];
  let keeps = 0;
  for (let d = 0; d < opts.draws; d++) {
    const r = read(drawSnapshot(s, rng, opts.spread));
    edges.push(r.edges);
    triangles.push(r.triangles);
    index.push(r.index);
    if (r.balanced === here.balanced) keeps++;
  }
  return {
    draws: opts.draws,
    edges: banded(here.edges, edges),
    triangles: banded(here.triangles, triangles),
    triangleIndex: banded(here.index, index),
    balanced: here.balanced,
    keepsBalanced: keeps / opts.draws,
  };
}
