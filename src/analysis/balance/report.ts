/**
 * Everything structural balance says about one signed graph, in one object (what `counterbalance
 * balance` prints): counts, signed triangle census and index, the balance test, the exact
 * frustration index with its factions, walk-based balance and algebraic conflict.
 */
import { LimitExceededError, type Problem } from '../../domain/errors.js';
import { EIGEN_DEFAULTS } from '../linalg/symmetric-eigen.js';
import type { IndexedSignedGraph } from '../signed-graph.js';
import { algebraicConflict } from './algebraic-conflict.js';
import { FRUSTRATION_DEFAULTS, type FrustrationOptions, frustrationIndex } from './frustration-exact.js';
import { isBalanced } from './is-balanced.js';
import { type TriangleCensus, triangleCensus, triangleIndex } from './triangle-census.js';
import { walkBalance } from './walk-balance.js';

export interface BalanceReportOptions {
  /** Use |w| as the cost of a frustrated edge and w in the spectral measures. */
  weighted: boolean;
  /** Seconds for the whole report; the frustration solver and the spectral measures share it. */
  timeLimit: number;
  /** Options of the frustration solver; its own `timeLimit`, if given, can only shorten the report's. */
  frustration: Partial<FrustrationOptions>;
  /** Largest graph for the O(n³) spectral measures; above it they are null with a warning. */
  maxSpectralNodes: number;
}

export const BALANCE_REPORT_DEFAULTS: Readonly<BalanceReportOptions> = Object.freeze({
  weighted: false,
  timeLimit: FRUSTRATION_DEFAULTS.timeLimit,
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
  /** What the time limit cut short (empty when everything finished). */
  timeLimitReached: string[];
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
  const deadline = performance.now() + opts.timeLimit * 1000;
  let positive = 0;
  for (let e = 0; e < g.m; e++) if (g.weight[e]! > 0) positive++;
  const census = triangleCensus(g);
  const check = isBalanced(g);
  const f = await frustrationIndex(g, {
    weighted: opts.weighted,
    ...opts.frustration,
    timeLimit: opts.timeLimit,
  });
  const warnings: Problem[] = [];
  const timeLimitReached: string[] = [];
  if (!f.optimal) {
    timeLimitReached.push(`frustration: heuristic bound, gap ${f.L - f.lowerBound}`);
    warnings.push({
      message: `time limit reached: frustration not proven optimal (L ${f.L}, lower bound ${f.lowerBound})`,
      hint: 'raise the time limit',
    });
  }
  const spectral = g.n <= opts.maxSpectralNodes;
  if (!spectral) {
    warnings.push({
      message: `walk balance and algebraic conflict skipped: ${g.n} nodes exceed ${opts.maxSpectralNodes}`,
      hint: 'raise maxSpectralNodes (time grows as n³)',
    });
  }
  const timed = (name: string, measure: () => number): number | null => {
    if (!spectral) return null;
    try {
      if (performance.now() > deadline) throw new LimitExceededError(`time limit reached before ${name}`);
      return measure();
    } catch (error) {
      if (!(error instanceof LimitExceededError)) throw error;
      timeLimitReached.push(`${name}: not computed`);
      warnings.push({ message: `time limit reached: ${name} not computed`, hint: 'raise the time limit' });
      return null;
    }
  };
  const walk = timed('walk balance', () => walkBalance(g, { weighted: opts.weighted, deadline }));
  const conflict = timed('algebraic conflict', () =>
    algebraicConflict(g, { weighted: opts.weighted, deadline }),
  );
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
    walkBalance: walk,
    algebraicConflict: conflict,
    timeLimitReached,
    warnings,
  };
}
