/**
 * Everything structural balance says about one signed graph, in one object (what `counterbalance
 * balance` prints): counts, signed triangle census and index, the balance test, the exact
 * frustration index with its factions, walk-based balance and algebraic conflict.
 */
import type { Problem } from '../../domain/errors.js';
import { EIGEN_DEFAULTS } from '../linalg/symmetric-eigen.js';
import type { IndexedSignedGraph } from '../signed-graph.js';
import { algebraicConflict } from './algebraic-conflict.js';
import { type FrustrationOptions, frustrationIndex } from './frustration-exact.js';
import { isBalanced } from './is-balanced.js';
import { type TriangleCensus, triangleCensus, triangleIndex } from './triangle-census.js';
import { walkBalance } from './walk-balance.js';

export interface BalanceReportOptions {
  /** Use |w| as the cost of a frustrated edge and w in the spectral measures. */
  weighted: boolean;
  frustration: Partial<FrustrationOptions>;
  /** Largest graph for the O(n³) spectral measures; above it they are null with a warning. */
  maxSpectralNodes: number;
}

export const BALANCE_REPORT_DEFAULTS: Readonly<BalanceReportOptions> = Object.freeze({
  weighted: false,
  frustration: Object.freeze({}),
  maxSpectralNodes: EIGEN_DEFAULTS.maxOrder,
});

export interface BalanceReport {
  nodes: number;
  edges: number;
  positive: number;
  negative: number;
  census: TriangleCensus;
  triangleIndex: number;
  balanced: boolean;
  /** A cycle with an odd number of negative edges, when unbalanced (closes back to its first node). */
  oddCycle?: string[];
  frustration: {
    L: number;
    optimal: boolean;
    lowerBound: number;
    partition: [string[], string[]];
    frustratedEdges: [string, string][];
  };
  walkBalance: number | null;
  algebraicConflict: number | null;
  warnings: Problem[];
}

/**
 * The balance report of a signed graph.
 *
 * @example
 * const r = await balanceReport(indexGraph(parseEdgeListCsv(text).graph));
 * r.frustration.L; r.census.ppp; r.walkBalance;
 */
export async function balanceReport(
  g: IndexedSignedGraph,
  options: Partial<BalanceReportOptions> = {},
): Promise<BalanceReport> {
  const opts = { ...BALANCE_REPORT_DEFAULTS, ...options };
  let positive = 0;
  for (let e = 0; e < g.m; e++) if (g.weight[e]! > 0) positive++;
  const census = triangleCensus(g);
  const check = isBalanced(g);
  const f = await frustrationIndex(g, { weighted: opts.weighted, ...opts.frustration });
  const warnings: Problem[] = [];
  const spectral = g.n <= opts.maxSpectralNodes;
  if (!spectral) {
    warnings.push({
      message: `walk balance and algebraic conflict skipped: ${g.n} nodes exceed ${opts.maxSpectralNodes}`,
      hint: 'raise maxSpectralNodes (time grows as n³)',
    });
  }
  if (!f.optimal) {
    warnings.push({
      message: `frustration not proven optimal within the time limit (L ${f.L}, lower bound ${f.lowerBound})`,
      hint: 'raise the time limit',
    });
  }
  return {
    nodes: g.n,
    edges: g.m,
    positive,
    negative: g.m - positive,
    census,
    triangleIndex: triangleIndex(census),
    balanced: check.balanced,
    ...(!check.balanced && { oddCycle: check.cycle }),
    frustration: {
      L: f.L,
      optimal: f.optimal,
      lowerBound: f.lowerBound,
      partition: f.partition,
      frustratedEdges: f.frustratedEdges,
    },
    walkBalance: spectral ? walkBalance(g, { weighted: opts.weighted }) : null,
    algebraicConflict: spectral ? algebraicConflict(g, { weighted: opts.weighted }) : null,
    warnings,
  };
}
