/**
 * Exact frustration index (line index of balance; Harary 1959) with an optimal bipartition, the
 * factions. The problem is NP-hard, so the work is spent where it must be:
 * 1. exact reductions (`frustration-reduction.ts`): pendant nodes, series paths, parallel edges;
 * 2. decomposition into biconnected blocks, whose frustration adds up because a block's sides can
 *    be mirrored at its cut vertex without changing any other block (switching, Harary 1959);
 *    each block is reduced again, recursively;
 * 3. on each irreducible block: a heuristic upper bound (`frustration-heuristic.ts`) and a
 *    negative-cycle packing lower bound (`frustration-lower-bound.ts`); when they meet, the block
 *    is solved without branching;
 * 4. otherwise the XOR binary program of Aref, Mason & Wilson (2020), warm-started, solved by
 *    HiGHS (`frustration-mip.ts`).
 * Nodes can be fixed to a side (for flip costs): a fixed node is tied to an extra ground node by an
 * edge heavier than all others together, which keeps every reduction exact.
 */
import { stream as createRng, type Rng } from '../../kernels/random.js';
import type { IndexedSignedGraph } from '../signed-graph.js';
import { nodeIndex } from '../signed-graph.js';
import { biconnectedBlocks } from './biconnected.js';
import {
  adjacencyOf,
  type CostGraph,
  frustrationCost,
  hasIntegralCosts,
  isFrustrated,
  toCostGraph,
  totalCost,
  unbalancedTriangles,
} from './cost-graph.js';
import { negativeCycleLpBound } from './frustration-cycle-lp.js';
import { type FrustrationHeuristicOptions, frustrationHeuristic } from './frustration-heuristic.js';
import { negativeCyclePacking } from './frustration-lower-bound.js';
import { type FrustrationMipOptions, frustrationMip } from './frustration-mip.js';
import { reduceGraph, restoreReduced } from './frustration-reduction.js';
import { signedTwoColouring } from './is-balanced.js';

export interface FrustrationOptions {
  /** Cost of a frustrated edge: 1 (the classical line index) or |w| when true. */
  weighted: boolean;
  /** Seconds for the whole solve; past it the best bipartition and a lower bound are returned. */
  timeLimit: number;
  /** Nodes forced to a side: 0 = the first faction of the returned partition, 1 = the second. */
  fixed: Readonly<Record<string, 0 | 1>>;
  /** Seed of the generator used when `rng` is not given. */
  seed: number;
  /** Random draws for the heuristic and the cycle packing. */
  rng?: Rng;
  heuristic: Partial<FrustrationHeuristicOptions>;
  mip: Partial<Omit<FrustrationMipOptions, 'timeLimit'>>;
}

export const FRUSTRATION_DEFAULTS: Readonly<FrustrationOptions> = Object.freeze({
  weighted: false,
  timeLimit: 60,
  fixed: Object.freeze({}),
  seed: 1,
  // Blocks are small and the LP bound catches what a short search misses.
  heuristic: Object.freeze({ restarts: 8 }),
  mip: Object.freeze({}),
});

/** How the solve went: blocks met, how each was closed, and the largest one. */
export interface FrustrationStats {
  blocks: number;
  /** Blocks whose heuristic cost met the greedy cycle-packing bound. */
  closedByBounds: number;
  /** Blocks closed by the odd-cycle LP bound. */
  closedByLp: number;
  /** Blocks that needed branch-and-cut. */
  closedByMip: number;
  /** LP solves in the odd-cycle cutting-plane loops. */
  lpSolves: number;
  largestBlock: number;
  seconds: number;
}

export interface FrustrationResult {
  /** Frustration of the returned partition (number of frustrated edges, or their total |w|). */
  L: number;
  /** True when L is proven minimal. */
  optimal: boolean;
  /** Proven lower bound on the frustration index (equal to L when optimal). */
  lowerBound: number;
  /** The two factions; without fixed nodes the larger comes first. */
  partition: [string[], string[]];
  /** Edges the partition leaves frustrated: positive across factions, negative within one. */
  frustratedEdges: [string, string][];
  stats: FrustrationStats;
}

interface Edge {
  u: number;
  v: number;
  sign: number;
  cost: number;
}

interface Context {
  rng: Rng;
  deadline: number;
  opts: FrustrationOptions;
  stats: FrustrationStats;
}

interface Part {
  cost: number;
  lowerBound: number;
  optimal: boolean;
}

const TOL = 1e-9;
/** Relative gap accepted as closed for real-valued costs (the LP solver's own tolerance). */
const LP_TOL = 1e-7;
/** Restarts of the second heuristic run, aimed at a known lower bound. */
const RETRY_RESTARTS = 200;

function costGraphOf(n: number, edges: readonly Edge[]): CostGraph {
  const m = edges.length;
  const g: CostGraph = {
    n,
    u: new Int32Array(m),
    v: new Int32Array(m),
    sign: new Int8Array(m),
    cost: new Float64Array(m),
  };
  for (let k = 0; k < m; k++) {
    const e = edges[k]!;
    g.u[k] = e.u;
    g.v[k] = e.v;
    g.sign[k] = e.sign;
    g.cost[k] = e.cost;
  }
  return g;
}

/** Renumbers the endpoints of `edges` to 0…k−1; returns the local edges and the original ids. */
function compact(edges: readonly Edge[]): { local: Edge[]; ids: number[] } {
  const map = new Map<number, number>();
  const ids: number[] = [];
  const id = (x: number) => {
    let k = map.get(x);
    if (k === undefined) {
      k = ids.length;
      map.set(x, k);
      ids.push(x);
    }
    return k;
  };
  return { local: edges.map((e) => ({ ...e, u: id(e.u), v: id(e.v) })), ids };
}

/** Sides from LP edge values when the edges at 1 are exactly a set whose removal leaves a balanced graph. */
function roundLp(g: CostGraph, f: Float64Array): Uint8Array | undefined {
  const skip = Uint8Array.from(f, (x) => (x > 0.5 ? 1 : 0));
  const colouring = signedTwoColouring(g, skip);
  return colouring.ok ? colouring.side : undefined;
}

/**
 * Solves one irreducible block, cheapest proof first: heuristic vs greedy cycle packing, then vs
 * the odd-cycle LP (whose optimum is often integral and then gives the sides), then a longer
 * heuristic run aimed at the LP bound, and branch-and-cut only if all of these leave a gap. Past
 * the deadline it stops at the current stage and returns the bound it has.
 */
async function solveBlock(g: CostGraph, side: Uint8Array, ctx: Context): Promise<Part> {
  const { stats } = ctx;
  stats.blocks++;
  stats.largestBlock = Math.max(stats.largestBlock, g.n);
  const left = () => (ctx.deadline - performance.now()) / 1000;
  const budget = () => Math.max(0.001, left());
  const integral = hasIntegralCosts(g);
  let best = frustrationHeuristic(g, ctx.rng, { ...ctx.opts.heuristic, timeLimit: budget() });
  const packing = negativeCyclePacking(g, best.side, ctx.rng, { target: best.cost });
  let lower = integral ? Math.ceil(packing.bound - TOL) : packing.bound;
  // Whole-number costs close exactly; LP values of real costs carry the simplex tolerance.
  const closed = () => lower >= best.cost - (integral ? TOL : LP_TOL * Math.max(1, best.cost));
  const finish = (how: keyof FrustrationStats | undefined): Part => {
    if (how) stats[how]++;
    side.set(best.side);
    const optimal = closed();
    return { cost: best.cost, lowerBound: optimal ? best.cost : lower, optimal };
  };
  if (closed()) return finish('closedByBounds');
  if (left() <= 0) return finish(undefined);
  const seeds = [...packing.cycles, ...unbalancedTriangles(g)];
  const lp = await negativeCycleLpBound(g, best.side, seeds, {
    integral,
    target: best.cost,
    timeLimit: budget(),
  });
  stats.lpSolves += lp.rounds;
  lower = Math.max(lower, lp.bound);
  const rounded = closed() ? undefined : roundLp(g, lp.f);
  if (rounded) {
    const cost = frustrationCost(g, rounded);
    if (cost < best.cost) best = { side: rounded, cost, starts: 0 };
  }
  if (!closed() && left() > 0) {
    const again = frustrationHeuristic(g, ctx.rng, {
      ...ctx.opts.heuristic,
      timeLimit: budget(),
      target: lower,
      restarts: RETRY_RESTARTS,
    });
    if (again.cost < best.cost) best = again;
  }
  if (closed()) return finish('closedByLp');
  if (left() <= 0) return finish(undefined);
  const mip = await frustrationMip(g, best.side, { ...ctx.opts.mip, timeLimit: budget(), cycles: lp.cycles });
  stats.closedByMip++;
  side.set(mip.side);
  return { cost: mip.cost, lowerBound: Math.max(lower, mip.lowerBound), optimal: mip.optimal };
}

/** Reduces, splits into blocks, solves each and glues their sides; fills `side` for all endpoints. */
async function solveEdges(n: number, edges: readonly Edge[], side: Uint8Array, ctx: Context): Promise<Part> {
  const g = costGraphOf(n, edges);
  const reduced = reduceGraph(g);
  const total: Part = { cost: reduced.offset, lowerBound: reduced.offset, optimal: true };
  if (reduced.kernel.length > 0) {
    const { local, ids } = compact(reduced.kernel);
    const kernel = costGraphOf(ids.length, local);
    const blocks = biconnectedBlocks(ids.length, adjacencyOf(kernel));
    const kernelSide = new Uint8Array(ids.length);
    const parts =
      blocks.length === 1
        ? [{ nodes: ids.map((_, k) => k), side: kernelSide, part: await solveBlock(kernel, kernelSide, ctx) }]
        : await solveBlocks(blocks, local, ctx);
    if (blocks.length > 1) glue(parts, kernelSide);
    for (const { part } of parts) {
      total.cost += part.cost;
      total.lowerBound += part.lowerBound;
      total.optimal &&= part.optimal;
    }
    ids.forEach((id, k) => {
      side[id] = kernelSide[k]!;
    });
  }
  restoreReduced(reduced.steps, side);
  return total;
}

interface BlockSolution {
  nodes: number[];
  side: Uint8Array;
  part: Part;
}

async function solveBlocks(
  blocks: number[][],
  local: readonly Edge[],
  ctx: Context,
): Promise<BlockSolution[]> {
  const out: BlockSolution[] = [];
  for (const block of blocks) {
    const { local: sub, ids } = compact(block.map((e) => local[e]!));
    const side = new Uint8Array(ids.length);
    const part = await solveEdges(ids.length, sub, side, ctx);
    out.push({ nodes: ids, side, part });
  }
  return out;
}

/** Mirrors blocks so that they agree on their shared cut vertices (a breadth-first walk of the block tree). */
function glue(blocks: readonly BlockSolution[], side: Uint8Array): void {
  const assigned = new Uint8Array(side.length);
  const blocksOf = new Map<number, number[]>();
  blocks.forEach((b, k) => {
    for (const v of b.nodes) blocksOf.set(v, [...(blocksOf.get(v) ?? []), k]);
  });
  const done = new Uint8Array(blocks.length);
  const place = (k: number, flip: number) => {
    done[k] = 1;
    const b = blocks[k]!;
    b.nodes.forEach((v, i) => {
      side[v] = b.side[i]! ^ flip;
      assigned[v] = 1;
    });
    return b.nodes;
  };
  for (let first = 0; first < blocks.length; first++) {
    if (done[first]) continue;
    const queue = [...place(first, 0)];
    while (queue.length > 0) {
      const v = queue.pop()!;
      for (const k of blocksOf.get(v) ?? []) {
        if (done[k]) continue;
        const b = blocks[k]!;
        const flip = b.side[b.nodes.indexOf(v)]! ^ side[v]!;
        queue.push(...place(k, flip));
      }
    }
  }
}

/**
 * Computes the frustration index of a signed graph with an optimal bipartition (the factions),
 * the frustrated edges, and a proven lower bound.
 *
 * @example
 * const r = await frustrationIndex(indexGraph(readsTribes));
 * r.L; // 7
 * r.partition[1]; // ['Gama', 'Gavev', 'Kotun', 'Nagad'] (in node order)
 */
export async function frustrationIndex(
  g: IndexedSignedGraph,
  options: Partial<FrustrationOptions> = {},
): Promise<FrustrationResult> {
  const opts: FrustrationOptions = {
    ...FRUSTRATION_DEFAULTS,
    ...options,
    heuristic: { ...FRUSTRATION_DEFAULTS.heuristic, ...options.heuristic },
    mip: { ...FRUSTRATION_DEFAULTS.mip, ...options.mip },
  };
  const started = performance.now();
  const base = toCostGraph(g, opts.weighted);
  const fixed = Object.entries(opts.fixed).map(([id, s]) => [nodeIndex(g, id), s] as const);
  const ground = g.n;
  const heavy = totalCost(base) + 1;
  const edges: Edge[] = Array.from({ length: g.m }, (_, e) => ({
    u: base.u[e]!,
    v: base.v[e]!,
    sign: base.sign[e]!,
    cost: base.cost[e]!,
  }));
  for (const [v, s] of fixed) edges.push({ u: ground, v, sign: s === 0 ? 1 : -1, cost: heavy });
  const ctx: Context = {
    rng: opts.rng ?? createRng(opts.seed),
    deadline: started + opts.timeLimit * 1000,
    opts,
    stats: {
      blocks: 0,
      closedByBounds: 0,
      closedByLp: 0,
      closedByMip: 0,
      lpSolves: 0,
      largestBlock: 0,
      seconds: 0,
    },
  };
  const side = new Uint8Array(g.n + 1);
  const part = await solveEdges(g.n + 1, edges, side, ctx);
  if (fixed.length > 0) {
    if (side[ground] === 1) for (let v = 0; v < side.length; v++) side[v] = 1 - side[v]!;
    for (const [v, s] of fixed) side[v] = s;
  } else orientLargerFirst(side.subarray(0, g.n));
  const sides = side.subarray(0, g.n);
  const L = frustrationCost(base, sides);
  const integral = hasIntegralCosts(base);
  const lowerBound = Math.min(L, integral ? Math.ceil(part.lowerBound - TOL) : part.lowerBound);
  const partition: [string[], string[]] = [[], []];
  g.nodes.forEach((id, v) => {
    partition[sides[v]!]!.push(id);
  });
  const frustratedEdges: [string, string][] = [];
  for (let e = 0; e < g.m; e++) {
    if (isFrustrated(base, e, sides)) frustratedEdges.push([g.nodes[base.u[e]!]!, g.nodes[base.v[e]!]!]);
  }
  ctx.stats.seconds = (performance.now() - started) / 1000;
  const optimal = part.optimal && L <= lowerBound + (integral ? TOL : LP_TOL * Math.max(1, L));
  return { L, optimal, lowerBound: optimal ? L : lowerBound, partition, frustratedEdges, stats: ctx.stats };
}

/** Mirrors the sides so that side 0 is the larger faction (on a tie, the one holding node 0). */
function orientLargerFirst(side: Uint8Array): void {
  let ones = 0;
  for (const s of side) ones += s;
  const zeros = side.length - ones;
  if (ones > zeros || (ones === zeros && side[0] === 1))
    for (let v = 0; v < side.length; v++) side[v] = 1 - side[v]!;
}
