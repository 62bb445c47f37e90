/**
 * Test helpers for the balance measures: small signed graphs, fast-check generators, and an
 * independent brute-force frustration index to check the exact solver against.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseEdgeListCsv } from '../../src/analysis/edge-list-csv.js';
import { type IndexedSignedGraph, indexGraph, type SignedGraph } from '../../src/analysis/signed-graph.js';
import type { World } from '../../src/domain/world.js';
import { loadWorld } from '../../src/worlds/load.js';

const data = new URL('../../data/balance/', import.meta.url);

/** A signed graph from `data/balance/<name>.csv` or `cow_doreian_mrvar/<name>.csv`. */
export function balanceData(name: string): SignedGraph {
  const file = name.startsWith('cow_') ? `cow_doreian_mrvar/${name}.csv` : `${name}.csv`;
  return parseEdgeListCsv(readFileSync(new URL(file, data), 'utf8'), file).graph;
}

/** The 51 Correlates-of-War window names, in time order. */
export function cowWindows(): string[] {
  return readFileSync(new URL('cow_doreian_mrvar/summary.csv', data), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => `cow_${line.split(',')[0]!.replace('-', '_')}`);
}

/** Complete graph on n nodes named v0…, every edge with weight w. */
export function complete(n: number, w: number): SignedGraph {
  const nodes = Array.from({ length: n }, (_, i) => `v${i}`);
  const edges = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) edges.push({ a: nodes[i]!, b: nodes[j]!, w });
  return { nodes, edges };
}

/** Random signed graphs with 1…maxN nodes; weights ±1, or in [−1, 1] \ {0} when `weighted`. */
export function arbSignedGraph(maxN = 9, weighted = false): fc.Arbitrary<SignedGraph> {
  return fc.integer({ min: 1, max: maxN }).chain((n) => {
    const pairs: [number, number][] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
    const weight = weighted
      ? fc.double({ min: 0.05, max: 1, noNaN: true }).chain((x) => fc.constantFrom(x, -x))
      : fc.constantFrom(1, -1);
    return fc
      .array(fc.option(weight, { freq: 2 }), { minLength: pairs.length, maxLength: pairs.length })
      .map((ws) => {
        const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
        const edges = pairs.flatMap(([i, j], k) =>
          ws[k] == null ? [] : [{ a: nodes[i]!, b: nodes[j]!, w: ws[k]! }],
        );
        return { nodes, edges };
      });
  });
}

/** The same graph under a node permutation (names rewritten, nodes and edges reordered). */
export function relabel(
  g: SignedGraph,
  perm: readonly number[],
): { graph: SignedGraph; name: (id: string) => string } {
  const index = new Map(g.nodes.map((id, i) => [id, i]));
  const name = (id: string) => `r${perm[index.get(id)!]}`;
  const nodes = [...g.nodes].reverse().map(name);
  const edges = [...g.edges].reverse().map((e) => ({ a: name(e.b), b: name(e.a), w: e.w }));
  return { graph: { nodes, edges }, name };
}

/** Flips the signs of every edge at `node` (a switching; balance measures must not change). */
export function switchAt(g: SignedGraph, node: string): SignedGraph {
  return {
    nodes: g.nodes,
    edges: g.edges.map((e) => (e.a === node || e.b === node ? { ...e, w: -e.w } : e)),
  };
}

/**
 * Frustration index by trying all 2^(n−1) bipartitions (the last node fixed): the minimum cost and every
 * side vector reaching it. Costs are 1 per edge, or |w| when `weighted`.
 */
export function bruteForceFrustration(
  g: IndexedSignedGraph,
  weighted = false,
): { L: number; optima: number[] } {
  let best = Number.POSITIVE_INFINITY;
  let optima: number[] = [];
  const total = g.n === 0 ? 1 : 2 ** (g.n - 1);
  for (let mask = 0; mask < total; mask++) {
    let cost = 0;
    for (let e = 0; e < g.m; e++) {
      const same = ((mask >> g.src[e]!) & 1) === ((mask >> g.dst[e]!) & 1);
      if (g.weight[e]! > 0 !== same) cost += weighted ? Math.abs(g.weight[e]!) : 1;
    }
    if (cost < best - 1e-9) {
      best = cost;
      optima = [mask];
    } else if (Math.abs(cost - best) <= 1e-9) optima.push(mask);
  }
  return { L: best, optima };
}

export { indexGraph };

/** The small invented world of `test/fixtures/balance-world` (fictional actor ids). */
export function balanceWorld(): World {
  return loadWorld(fileURLToPath(new URL('../fixtures/balance-world', import.meta.url)));
}
