/**
 * Exact reductions for the frustration index, applied before any search:
 * - a node of degree 0 or 1 can always satisfy its edge, so it is removed at no cost;
 * - a node v of degree 2 with edges (u, v) and (v, w) costs nothing when the sides of u and w
 *   agree with the path's sign product and min(c_uv, c_vw) otherwise, so the path is replaced by
 *   one edge (u, w) of sign s_uv·s_vw and cost min(c_uv, c_vw) (series reduction);
 * - parallel edges merge: same signs add their costs; opposite signs always leave one of the two
 *   frustrated, so the cheaper cost moves into a constant and the difference stays on the edge.
 * These are the series–parallel reductions used for max-cut on graphs of bounded treewidth
 * (Barahona 1983, "The max-cut problem on graphs not contractible to K5", Oper. Res. Letters 2),
 * transferred to the line index through the switching equivalence of Harary (1959). Each removal
 * is recorded so that an optimal side for the removed node is restored afterwards.
 */
import type { CostGraph } from './cost-graph.js';

interface Link {
  sign: number;
  cost: number;
}

type Step =
  | { kind: 'free'; v: number }
  | { kind: 'leaf'; v: number; u: number; sign: number }
  | { kind: 'series'; v: number; u: number; su: number; cu: number; w: number; sw: number; cw: number };

/** The graph left after reductions, the constant they moved out, and how to undo them. */
export interface Reduced {
  /** Remaining edges over the original node ids. */
  kernel: { u: number; v: number; sign: number; cost: number }[];
  /** Frustration that every bipartition pays on the removed part. */
  offset: number;
  steps: Step[];
}

const REL_TOL = 1e-12;

/**
 * Applies degree-0/1, series and parallel reductions until none is left.
 *
 * @example
 * // a negative triangle reduces to nothing with offset 1
 */
export function reduceGraph(g: CostGraph): Reduced {
  const links: Map<number, Link>[] = Array.from({ length: g.n }, () => new Map());
  const alive = new Uint8Array(g.n);
  let offset = 0;
  const queue: number[] = [];
  const link = (u: number, w: number, sign: number, cost: number) => {
    const prior = links[u]!.get(w);
    if (!prior) {
      links[u]!.set(w, { sign, cost });
      links[w]!.set(u, { sign, cost });
      return;
    }
    let merged: Link | undefined;
    if (prior.sign === sign) merged = { sign, cost: prior.cost + cost };
    else {
      offset += Math.min(prior.cost, cost);
      const rest = Math.abs(prior.cost - cost);
      if (rest > REL_TOL * Math.max(prior.cost, cost))
        merged = { sign: prior.cost > cost ? prior.sign : sign, cost: rest };
    }
    if (merged) {
      links[u]!.set(w, merged);
      links[w]!.set(u, { ...merged });
    } else {
      links[u]!.delete(w);
      links[w]!.delete(u);
      queue.push(u, w);
    }
  };
  for (let e = 0; e < g.u.length; e++) {
    alive[g.u[e]!] = alive[g.v[e]!] = 1;
    link(g.u[e]!, g.v[e]!, g.sign[e]!, g.cost[e]!);
  }
  for (let v = 0; v < g.n; v++) if (alive[v]) queue.push(v);
  const steps: Step[] = [];
  const unlink = (u: number, w: number) => {
    links[u]!.delete(w);
    links[w]!.delete(u);
  };
  while (queue.length > 0) {
    const v = queue.pop()!;
    if (!alive[v]) continue;
    const nb = links[v]!;
    if (nb.size > 2) continue;
    alive[v] = 0;
    if (nb.size === 0) {
      steps.push({ kind: 'free', v });
    } else if (nb.size === 1) {
      const [u, l] = nb.entries().next().value!;
      unlink(v, u);
      steps.push({ kind: 'leaf', v, u, sign: l.sign });
      queue.push(u);
    } else {
      const [[u, lu], [w, lw]] = [...nb] as [[number, Link], [number, Link]];
      unlink(v, u);
      unlink(v, w);
      steps.push({ kind: 'series', v, u, su: lu.sign, cu: lu.cost, w, sw: lw.sign, cw: lw.cost });
      link(u, w, lu.sign * lw.sign, Math.min(lu.cost, lw.cost));
      queue.push(u, w);
    }
  }
  const kernel: Reduced['kernel'] = [];
  for (let u = 0; u < g.n; u++) {
    if (!alive[u]) continue;
    for (const [v, l] of links[u]!) if (u < v) kernel.push({ u, v, sign: l.sign, cost: l.cost });
  }
  return { kernel, offset, steps };
}

/** Frustration cost of one edge given the two sides. */
function edgeCost(sign: number, cost: number, a: number, b: number): number {
  return sign > 0 === (a === b) ? 0 : cost;
}

/**
 * Gives every removed node its best side, given the sides of the kernel nodes (in place).
 *
 * @example
 * restoreReduced(reduced.steps, side); // side holds kernel sides on entry, all sides on return
 */
export function restoreReduced(steps: readonly Step[], side: Uint8Array): void {
  for (let k = steps.length - 1; k >= 0; k--) {
    const s = steps[k]!;
    if (s.kind === 'free') side[s.v] = 0;
    else if (s.kind === 'leaf') side[s.v] = s.sign > 0 ? side[s.u]! : 1 - side[s.u]!;
    else {
      const cost = (x: number) => edgeCost(s.su, s.cu, side[s.u]!, x) + edgeCost(s.sw, s.cw, side[s.w]!, x);
      side[s.v] = cost(1) < cost(0) ? 1 : 0;
    }
  }
}
