/**
 * The balancer table: for each actor, the rival pairs it straddles with its tilt on each
 * (`tilt.ts`), its pivot score (`pivot-score.ts`) and its flip cost (`flip-cost.ts`).
 */
import { type FrustrationOptions, frustrationIndex } from '../balance/frustration-exact.js';
import type { IndexedSignedGraph } from '../signed-graph.js';
import { flipCost } from './flip-cost.js';
import { pivotScores } from './pivot-score.js';
import { type RivalTilt, rivalTilts } from './tilt.js';

export interface BalancerRow {
  actor: string;
  pairs: RivalTilt[];
  pivotScore: number;
  flipCost: number;
}

export interface BalancersOptions {
  /** List every actor, not only those tied to both sides of some rivalry. */
  all: boolean;
  frustration: Partial<FrustrationOptions>;
}

export const BALANCERS_DEFAULTS: Readonly<BalancersOptions> = Object.freeze({
  all: false,
  frustration: Object.freeze({}),
});

/**
 * Balancers of a signed graph, most pairs first.
 *
 * @example
 * const rows = await balancers(indexGraph(graphFromSnapshot(snap)));
 * rows[0]; // { actor, pairs: [{ a, b, tilt }], pivotScore, flipCost }
 */
export async function balancers(
  g: IndexedSignedGraph,
  options: Partial<BalancersOptions> = {},
): Promise<BalancerRow[]> {
  const opts = { ...BALANCERS_DEFAULTS, ...options };
  const tilts = rivalTilts(g);
  const pivots = pivotScores(g);
  const base = await frustrationIndex(g, opts.frustration);
  const rows: BalancerRow[] = [];
  for (const actor of g.nodes) {
    const pairs = tilts.get(actor) ?? [];
    if (!opts.all && pairs.length === 0) continue;
    const cost = await flipCost(g, actor, base, opts.frustration);
    rows.push({ actor, pairs, pivotScore: pivots.get(actor) ?? 0, flipCost: cost });
  }
  return rows.sort(
    (x, y) => y.pairs.length - x.pairs.length || y.pivotScore - x.pivotScore || (x.actor < y.actor ? -1 : 1),
  );
}
