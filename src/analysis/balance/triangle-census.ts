/**
 * Signed triangle census (+++, ++−, +−−, −−−) and the triangle index of balance, the share of
 * triangles with an even number of negative edges (Cartwright & Harary 1956, "Structural balance:
 * a generalization of Heider's theory", Psychological Review 63(5); triangle index as in Aref &
 * Wilson 2018, "Measuring partial balance in signed networks", J. Complex Networks 6(4)).
 *
 * Two exact counting methods, each counting every triangle once:
 * - `bitset`: rows of positive and negative neighbours as bitsets; for each edge i<j the triangles
 *   i<j<k are popcounts of ANDed words above j. Word-parallel, best on dense graphs.
 * - `merge`: edges oriented from lower to higher (degree, index) rank; each triangle u→v→w with
 *   u→w is found once by scanning v's out-list against a mark of u's (the "forward" algorithm of
 *   Schank & Wagner 2005, "Finding, counting and listing all triangles in large graphs"; Latapy
 *   2008). Best on sparse graphs.
 */
import type { IndexedSignedGraph } from '../signed-graph.js';
import { wasmCensusSums } from './triangle-census-wasm.js';

/** Triangle counts by number of negative edges: `ppp` 0, `ppn` 1, `pnn` 2, `nnn` 3. */
export interface TriangleCensus {
  ppp: number;
  ppn: number;
  pnn: number;
  nnn: number;
}

export interface TriangleCensusOptions {
  /**
   * `auto` picks the method with the smaller estimated work; `bitset` runs the WebAssembly kernel
   * when the runtime has WebAssembly (`bitset-js` forces the JavaScript one).
   */
  method: 'auto' | 'bitset' | 'bitset-js' | 'merge';
  /** Largest bitset memory (bytes) `auto` may choose. */
  maxBitsetBytes: number;
}

export const TRIANGLE_CENSUS_DEFAULTS: Readonly<TriangleCensusOptions> = Object.freeze({
  method: 'auto',
  maxBitsetBytes: 256 * 1024 * 1024,
});

const M1 = 0x55555555;
const M2 = 0x33333333;
const M4 = 0x0f0f0f0f;
/** Cost of one 64-bit bitset word step (three popcounts) relative to one out-list step of the merge. */
const BITSET_STEP_COST = 2;
/** Byte-wise partial sums stay below 256 for this many words (8 per word per byte). */
const FOLD_EVERY = 31;

/** Sum of the four byte lanes of a SWAR accumulator. */
function foldBytes(x: number): number {
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Census from the six sums over edges: [pp, nn, mixed] above positive edges, then negative ones. */
function fromSums([ppOnPos, nnOnPos, mixOnPos, ppOnNeg, nnOnNeg, mixOnNeg]: number[]): TriangleCensus {
  return { ppp: ppOnPos!, ppn: mixOnPos! + ppOnNeg!, pnn: nnOnPos! + mixOnNeg!, nnn: nnOnNeg! };
}

function censusBitset(g: IndexedSignedGraph): TriangleCensus {
  const { n, m, src, dst, weight } = g;
  const words = (n + 31) >>> 5;
  // Int32 rather than Uint32 rows: words above 2^31 would leave the small-integer fast path.
  const pos = new Int32Array(n * words);
  const neg = new Int32Array(n * words);
  for (let e = 0; e < m; e++) {
    const u = src[e]!;
    const v = dst[e]!;
    if (weight[e]! > 0) {
      pos[u * words + (v >>> 5)]! |= 1 << (v & 31);
      pos[v * words + (u >>> 5)]! |= 1 << (u & 31);
    } else {
      neg[u * words + (v >>> 5)]! |= 1 << (v & 31);
      neg[v * words + (u >>> 5)]! |= 1 << (u & 31);
    }
  }
  // Third vertices k > j of edge (i, j), split by the signs of ik and jk, summed per sign of ij.
  let ppOnPos = 0;
  let nnOnPos = 0;
  let mixOnPos = 0;
  let ppOnNeg = 0;
  let nnOnNeg = 0;
  let mixOnNeg = 0;
  for (let i = 0; i < n; i++) {
    const ri = i * words;
    for (let wj = i >>> 5; wj < words; wj++) {
      const posBits = pos[ri + wj]!;
      let bits = posBits | neg[ri + wj]!;
      if (wj === i >>> 5) bits &= (i & 31) === 31 ? 0 : -1 << ((i & 31) + 1);
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const j = (wj << 5) + 31 - Math.clz32(low);
        const rj = j * words;
        let mask = -1 << ((j + 1) & 31);
        let pp = 0;
        let nn = 0;
        let mix = 0;
        let bp = 0;
        let bn = 0;
        let bm = 0;
        let pending = 0;
        for (let w = (j + 1) >>> 5; w < words; w++) {
          const pi = pos[ri + w]!;
          const ni = neg[ri + w]!;
          const pj = pos[rj + w]!;
          const nj = neg[rj + w]!;
          let x = pi & pj & mask;
          let y = ni & nj & mask;
          let z = ((pi & nj) | (ni & pj)) & mask;
          mask = -1;
          x -= (x >>> 1) & M1;
          x = (x & M2) + ((x >>> 2) & M2);
          bp += (x + (x >>> 4)) & M4;
          y -= (y >>> 1) & M1;
          y = (y & M2) + ((y >>> 2) & M2);
          bn += (y + (y >>> 4)) & M4;
          z -= (z >>> 1) & M1;
          z = (z & M2) + ((z >>> 2) & M2);
          bm += (z + (z >>> 4)) & M4;
          if (++pending === FOLD_EVERY) {
            pp += foldBytes(bp);
            nn += foldBytes(bn);
            mix += foldBytes(bm);
            bp = bn = bm = pending = 0;
          }
        }
        pp += foldBytes(bp);
        nn += foldBytes(bn);
        mix += foldBytes(bm);
        if ((posBits & low) !== 0) {
          ppOnPos += pp;
          nnOnPos += nn;
          mixOnPos += mix;
        } else {
          ppOnNeg += pp;
          nnOnNeg += nn;
          mixOnNeg += mix;
        }
      }
    }
  }
  return fromSums([ppOnPos, nnOnPos, mixOnPos, ppOnNeg, nnOnNeg, mixOnNeg]);
}

/** Edges oriented from lower to higher (degree, index) rank, as out-lists with ±1 signs. */
function orient(g: IndexedSignedGraph) {
  const { n, offsets, adj, adjEdge, weight } = g;
  // rank[v] orders nodes by degree, then index; an edge points from lower to higher rank.
  const order = Int32Array.from({ length: n }, (_, v) => v).sort(
    (x, y) => offsets[x + 1]! - offsets[x]! - (offsets[y + 1]! - offsets[y]!) || x - y,
  );
  const rank = new Int32Array(n);
  order.forEach((v, r) => {
    rank[v] = r;
  });
  const start = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    let c = 0;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) if (rank[v]! < rank[adj[p]!]!) c++;
    start[v + 1] = start[v]! + c;
  }
  const out = new Int32Array(start[n]!);
  const sign = new Int8Array(start[n]!);
  for (let v = 0, k = 0; v < n; v++) {
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      if (rank[v]! < rank[adj[p]!]!) {
        out[k] = adj[p]!;
        sign[k++] = weight[adjEdge[p]!]! > 0 ? 1 : -1;
      }
    }
  }
  return { start, out, sign };
}

function censusMerge(g: IndexedSignedGraph): TriangleCensus {
  const { start, out, sign } = orient(g);
  // mark[w] = sign of u→w + 2 while u is being processed, 0 otherwise.
  const mark = new Int8Array(g.n);
  const counts = [0, 0, 0, 0];
  for (let u = 0; u < g.n; u++) {
    for (let p = start[u]!; p < start[u + 1]!; p++) mark[out[p]!] = sign[p]! + 2;
    for (let p = start[u]!; p < start[u + 1]!; p++) {
      const v = out[p]!;
      const negUV = sign[p]! < 0 ? 1 : 0;
      for (let q = start[v]!; q < start[v + 1]!; q++) {
        const m = mark[out[q]!]!;
        if (m === 0) continue;
        counts[negUV + (m === 1 ? 1 : 0) + (sign[q]! < 0 ? 1 : 0)]!++;
      }
    }
    for (let p = start[u]!; p < start[u + 1]!; p++) mark[out[p]!] = 0;
  }
  return { ppp: counts[0]!, ppn: counts[1]!, pnn: counts[2]!, nnn: counts[3]! };
}

/**
 * Counts every triangle of the graph by its number of negative edges.
 *
 * @example
 * // a − b + c − a: one +−− triangle
 * triangleCensus(indexGraph({ nodes: ['a', 'b', 'c'], edges: [
 *   { a: 'a', b: 'b', w: -1 }, { a: 'b', b: 'c', w: 1 }, { a: 'a', b: 'c', w: -1 }] }));
 * // { ppp: 0, ppn: 0, pnn: 1, nnn: 0 }
 */
export function triangleCensus(
  g: IndexedSignedGraph,
  options: Partial<TriangleCensusOptions> = {},
): TriangleCensus {
  const opts = { ...TRIANGLE_CENSUS_DEFAULTS, ...options };
  let method = opts.method;
  if (method === 'auto') {
    const words = (g.n + 63) >>> 6;
    const bitsetBytes = 16 * g.n * words;
    // 64-bit word steps above the larger endpoint of each edge (about half a row on average)…
    const bitsetWork = (g.m * (words + 1)) / 2;
    // Scans of the merge, bounded by Σ d²/2 (the orientation by degree keeps them well below).
    let mergeWork = 0;
    for (let v = 0; v < g.n; v++) mergeWork += (g.offsets[v + 1]! - g.offsets[v]!) ** 2 / 2;
    method =
      bitsetBytes <= opts.maxBitsetBytes && BITSET_STEP_COST * bitsetWork <= mergeWork ? 'bitset' : 'merge';
  }
  if (method === 'merge') return censusMerge(g);
  const sums = method === 'bitset' ? wasmCensusSums(g.n, g.src, g.dst, g.weight) : undefined;
  return sums ? fromSums(sums) : censusBitset(g);
}

/** Number of triangles in a census. */
export function triangleCount(c: TriangleCensus): number {
  return c.ppp + c.ppn + c.pnn + c.nnn;
}

/**
 * Triangle index: balanced triangles (+++ and +−−) over all triangles; 1 when there are none.
 *
 * @example
 * triangleIndex({ ppp: 19, ppn: 2, pnn: 40, nnn: 7 }); // 59 / 68
 */
export function triangleIndex(c: TriangleCensus): number {
  const total = triangleCount(c);
  return total === 0 ? 1 : (c.ppp + c.pnn) / total;
}
