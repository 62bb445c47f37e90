/**
 * Exact frustration index by the XOR binary linear program of Aref, Mason & Wilson (2020), "A
 * modeling and computational study of the frustration index in signed networks", Networks 75(1):
 * a binary x_i per node (its side), an edge variable f_ij ≥ 0 that must pay for disagreement
 *   positive edge: f_ij ≥ x_i − x_j,  f_ij ≥ x_j − x_i
 *   negative edge: f_ij ≥ x_i + x_j − 1,  f_ij ≥ 1 − x_i − x_j
 * minimizing Σ c_ij f_ij. The edge variables may stay continuous (they are integral at any
 * optimum with integral x). As in the paper, the side of the highest-degree node is fixed to
 * break the mirror symmetry, and every triangle with an odd number of negative edges yields the
 * valid inequality f_ij + f_ik + f_jk ≥ 1, added up front (`all`) or only when the LP relaxation
 * violates it (`lazy`, a cutting-plane loop before branching). Solved by HiGHS with the heuristic
 * bipartition as a warm start.
 */
import type { Highs } from 'highs';
import { SolverError } from '../../domain/errors.js';
import { loadHighs } from '../solvers/highs.js';
import {
  type CostGraph,
  frustrationCost,
  hasIntegralCosts,
  isFrustrated,
  unbalancedTriangles,
} from './cost-graph.js';
import { addNegativeCycleRows } from './frustration-cycle-lp.js';

export interface FrustrationMipOptions {
  /** Seconds HiGHS may spend on this model. */
  timeLimit: number;
  /** Which unbalanced-triangle inequalities enter the model. */
  triangleCuts: 'all' | 'lazy' | 'none';
  /** Cutting-plane rounds on the LP relaxation in `lazy` mode. */
  cutRounds: number;
  /** Extra negative cycles (edge-id lists) added as Σ f ≥ 1 rows, e.g. from the odd-cycle LP. */
  cycles: readonly number[][];
}

export const FRUSTRATION_MIP_DEFAULTS: Readonly<FrustrationMipOptions> = Object.freeze({
  timeLimit: 60,
  triangleCuts: 'all',
  cutRounds: 20,
  cycles: Object.freeze([]),
});

/** Sides found, their cost, HiGHS's proven lower bound, and whether optimality was proven. */
export interface MipResult {
  side: Uint8Array;
  cost: number;
  lowerBound: number;
  optimal: boolean;
}

const TOL = 1e-6;

/** The node of highest degree (first on ties), whose side the model fixes. */
function highestDegree(g: CostGraph): number {
  const degree = new Int32Array(g.n);
  for (let e = 0; e < g.u.length; e++) {
    degree[g.u[e]!]!++;
    degree[g.v[e]!]!++;
  }
  let root = 0;
  for (let v = 1; v < g.n; v++) if (degree[v]! > degree[root]!) root = v;
  return root;
}

/**
 * The same XOR program as CPLEX LP text, for other solvers (x_i binary, f_e in [0, 1], the
 * highest-degree node fixed to side 0, every unbalanced triangle as a cut when asked).
 *
 * @example
 * writeFileSync('model.lp', xorModelLp(toCostGraph(g, false), { triangleCuts: true }));
 */
export function xorModelLp(g: CostGraph, options: { triangleCuts: boolean }): string {
  const m = g.u.length;
  const root = highestDegree(g);
  const cost = (e: number) => (g.cost[e] === 1 ? '' : `${g.cost[e]} `);
  const lines = [
    'Minimize',
    ` obj: ${Array.from({ length: m }, (_, e) => `${cost(e)}f${e}`).join(' + ') || '0 x0'}`,
  ];
  lines.push('Subject To');
  for (let e = 0; e < m; e++) {
    const [u, v] = [g.u[e]!, g.v[e]!];
    if (g.sign[e]! > 0)
      lines.push(` p${e}a: f${e} - x${u} + x${v} >= 0`, ` p${e}b: f${e} + x${u} - x${v} >= 0`);
    else lines.push(` n${e}a: f${e} - x${u} - x${v} >= -1`, ` n${e}b: f${e} + x${u} + x${v} >= 1`);
  }
  if (options.triangleCuts) {
    unbalancedTriangles(g).forEach(([a, b, c], k) => {
      lines.push(` t${k}: f${a} + f${b} + f${c} >= 1`);
    });
  }
  lines.push('Bounds', ` x${root} = 0`);
  for (let e = 0; e < m; e++) lines.push(` 0 <= f${e} <= 1`);
  lines.push('Binaries');
  for (let v = 0; v < g.n; v++) if (v !== root) lines.push(` x${v}`);
  lines.push('End');
  return `${lines.join('\n')}\n`;
}

/** Rows of the XOR model in CSR form, bounds included; columns are x_0…x_{n−1}, f_0…f_{m−1}. */
function xorModel(highs: Highs, g: CostGraph, root: number, rootSide: number, integral: boolean) {
  const { n } = g;
  const m = g.u.length;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const lower: number[] = [];
  for (let e = 0; e < m; e++) {
    const f = n + e;
    const [u, v] = [g.u[e]!, g.v[e]!];
    if (g.sign[e]! > 0) {
      indices.push(f, u, v, f, u, v);
      values.push(1, -1, 1, 1, 1, -1);
      lower.push(0, 0);
    } else {
      indices.push(f, u, v, f, u, v);
      values.push(1, -1, -1, 1, 1, 1);
      lower.push(-1, 1);
    }
    starts.push(starts[starts.length - 1]! + 3, starts[starts.length - 1]! + 6);
  }
  const colLower = new Float64Array(n + m);
  const colUpper = new Float64Array(n + m).fill(1);
  colLower[root] = colUpper[root] = rootSide;
  const colCost = new Float64Array(n + m);
  colCost.set(g.cost, n);
  const integrality = new Int32Array(n + m);
  if (integral) integrality.fill(highs.constants.variableType.integer, 0, n);
  return {
    numCols: n + m,
    numRows: lower.length,
    colCost,
    colLower,
    colUpper,
    rowLower: Float64Array.from(lower),
    rowUpper: new Float64Array(lower.length).fill(highs.infinity),
    matrix: {
      format: 'csr' as const,
      numRows: lower.length,
      numCols: n + m,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
    integrality,
  };
}

/** Cutting-plane loop on the LP relaxation; returns the triangle cuts it found violated. */
function separateLazily(
  highs: Highs,
  g: CostGraph,
  root: number,
  rootSide: number,
  triangles: readonly [number, number, number][],
  rounds: number,
): [number, number, number][] {
  const lp = highs.createModel(xorModel(highs, g, root, rootSide, false));
  const active: [number, number, number][] = [];
  const used = new Uint8Array(triangles.length);
  try {
    lp.options.set({ output_flag: false });
    for (let r = 0; r < rounds; r++) {
      lp.run();
      const f = lp.getSolution().colValue.subarray(g.n);
      const violated: [number, number, number][] = [];
      triangles.forEach((t, k) => {
        if (!used[k] && f[t[0]]! + f[t[1]]! + f[t[2]]! < 1 - TOL) {
          used[k] = 1;
          violated.push(t);
        }
      });
      if (violated.length === 0) break;
      addNegativeCycleRows(highs, lp, g.n + g.u.length, g.n, violated);
      active.push(...violated);
    }
  } finally {
    lp.dispose();
  }
  return active;
}

/**
 * Solves the XOR model of one graph to optimality or until the time limit, warm-started from
 * `start` (sides 0/1 of a good heuristic bipartition).
 *
 * @example
 * const { cost, optimal } = await frustrationMip(costGraph, heuristic.side);
 */
export async function frustrationMip(
  g: CostGraph,
  start: Uint8Array,
  options: Partial<FrustrationMipOptions> = {},
): Promise<MipResult> {
  const opts = { ...FRUSTRATION_MIP_DEFAULTS, ...options };
  const highs = await loadHighs();
  const m = g.u.length;
  const root = highestDegree(g);
  const rootSide = start[root]!;
  const integral = hasIntegralCosts(g);
  const triangles = opts.triangleCuts === 'none' ? [] : unbalancedTriangles(g);
  const cuts =
    opts.triangleCuts === 'lazy'
      ? separateLazily(highs, g, root, rootSide, triangles, opts.cutRounds)
      : triangles;
  const model = highs.createModel(xorModel(highs, g, root, rootSide, true));
  try {
    addNegativeCycleRows(highs, model, g.n + m, g.n, [...cuts, ...opts.cycles]);
    model.options.set({
      output_flag: false,
      time_limit: opts.timeLimit,
      mip_rel_gap: 0,
      // With whole-number costs, an incumbent within less than 1 of the bound is optimal.
      mip_abs_gap: integral ? 1 - TOL : TOL,
    });
    const colValue = new Float64Array(g.n + m);
    colValue.set(start);
    for (let e = 0; e < m; e++) colValue[g.n + e] = isFrustrated(g, e, start) ? 1 : 0;
    model.setSolution({ colValue });
    model.run();
    const status = model.getModelStatus();
    const { optimal, timeLimit, interrupted } = highs.constants.modelStatus;
    if (status !== optimal && status !== timeLimit && status !== interrupted) {
      throw new SolverError(`HiGHS stopped with model status ${status} on a ${g.n}-node frustration model`);
    }
    const x = model.getSolution().colValue;
    const side = Uint8Array.from({ length: g.n }, (_, v) => (x[v]! > 0.5 ? 1 : 0));
    const found = frustrationCost(g, side);
    const startCost = frustrationCost(g, start);
    const best = found <= startCost ? side : start;
    const cost = Math.min(found, startCost);
    const dual = Number(model.info.get('mip_dual_bound'));
    const proven = status === optimal;
    let lowerBound = proven ? cost : Number.isFinite(dual) ? dual : 0;
    if (integral) lowerBound = Math.ceil(lowerBound - TOL);
    return { side: best, cost, lowerBound: Math.min(lowerBound, cost), optimal: proven };
  } finally {
    model.dispose();
  }
}
