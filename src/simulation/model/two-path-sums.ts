/**
 * Two-path sums of a symmetric tie matrix: (W·W)_ij = Σ_k W_ik W_kj for every pair i < j, packed
 * as in `pairIndex` — the O(n³) core of structural balance (Cartwright & Harary 1956: the sign of
 * a pair's two-paths is the pressure balance puts on it). W is symmetric, so each sum is the dot
 * product of rows i and j.
 *
 * The work is done by a WebAssembly SIMD kernel (two lanes of f64, two rows j at a time against
 * row i, the last entry of odd-length rows on its own), assembled here from named opcodes; a
 * runtime without WebAssembly SIMD gets the plain JavaScript loop. Lane sums add even and odd k
 * separately, so the two paths agree to rounding (about 1e-15), not bit for bit; one runtime always
 * takes the same path, so results stay reproducible.
 */
import {
  EMPTY,
  get,
  I32,
  i32,
  KernelHost,
  kernelModule,
  OP,
  SIMD,
  set,
  simd,
  tee,
  V128,
} from '../../kernels/wasm-assembler.js';

// Parameters: n, row length in bytes (8n), byte offset of the output. Locals: i, j, row offsets of
// i, j and j + 1, k (byte offset in a row), the offset of a row's last entry, whether n is odd,
// then two v128 accumulators and row i's lanes.
const [N, STRIDE, OUT] = [0, 1, 2];
const [I, J, RI, RJ, RL, K, LAST, ODD] = [3, 4, 5, 6, 7, 8, 9, 10];
const [ACC, ACC2, ROW] = [11, 12, 13];

const load = (base: number) => [...get(base), ...get(K), OP.i32Add, ...simd(SIMD.v128Load), 3, 0];
const zero = (local: number) => [...simd(SIMD.v128Const), ...new Array(16).fill(0), ...set(local)];
/** acc += row · (lanes at base + k) */
const multiplyAdd = (acc: number, base: number) => [
  ...get(acc),
  ...get(ROW),
  ...load(base),
  ...simd(SIMD.f64x2Mul),
  ...simd(SIMD.f64x2Add),
  ...set(acc),
];
/** The product of the last entries of rows i and `base` when n is odd (the lanes hold n − 1), else 0. */
const tail = (base: number) => [
  ...get(RI),
  ...get(LAST),
  OP.i32Add,
  OP.f64Load,
  3,
  0,
  ...get(base),
  ...get(LAST),
  OP.i32Add,
  OP.f64Load,
  3,
  0,
  OP.f64Mul,
  OP.f64Const,
  ...new Array(8).fill(0),
  ...get(ODD),
  OP.select,
];
/** Stores lane 0 + lane 1 of `acc` (+ the odd tail of row `base`) at OUT + offset. */
const storeSum = (acc: number, base: number, offset: number) => [
  ...get(OUT),
  ...get(acc),
  ...simd(SIMD.f64x2ExtractLane),
  0,
  ...get(acc),
  ...simd(SIMD.f64x2ExtractLane),
  1,
  OP.f64Add,
  ...tail(base),
  OP.f64Add,
  OP.f64Store,
  3,
  offset,
];
/** `body` for k = 0, 16, … while two entries remain (n ≥ 2, so at least once). */
const overRow = (...body: number[]) => [
  ...i32(0),
  ...set(K),
  OP.loop,
  EMPTY,
  ...body,
  ...get(K),
  ...i32(16),
  OP.i32Add,
  ...tee(K),
  ...get(LAST),
  OP.i32LtU,
  OP.brIf,
  0,
  OP.end,
];
const advance = (local: number, by: number) => [...get(local), ...i32(by), OP.i32Add, ...set(local)];

const body = [
  ...get(STRIDE),
  ...i32(8),
  OP.i32Sub,
  ...set(LAST),
  ...get(N),
  ...i32(1),
  OP.i32And,
  ...set(ODD),
  ...i32(0),
  ...set(I),
  OP.loop,
  EMPTY,
  ...get(I),
  ...get(STRIDE),
  OP.i32Mul,
  ...set(RI),
  ...get(I),
  ...i32(1),
  OP.i32Add,
  ...set(J),
  // Pairs of rows j, j + 1 while both exist.
  OP.block,
  EMPTY,
  OP.loop,
  EMPTY,
  ...get(J),
  ...i32(1),
  OP.i32Add,
  ...get(N),
  OP.i32GeU,
  OP.brIf,
  1,
  ...get(J),
  ...get(STRIDE),
  OP.i32Mul,
  ...tee(RJ),
  ...get(STRIDE),
  OP.i32Add,
  ...set(RL),
  ...zero(ACC),
  ...zero(ACC2),
  ...overRow(...load(RI), ...set(ROW), ...multiplyAdd(ACC, RJ), ...multiplyAdd(ACC2, RL)),
  ...storeSum(ACC, RJ, 0),
  ...storeSum(ACC2, RL, 8),
  ...advance(OUT, 16),
  ...advance(J, 2),
  OP.br,
  0,
  OP.end,
  OP.end,
  // The last row j when one is left.
  ...get(J),
  ...get(N),
  OP.i32LtU,
  OP.if,
  EMPTY,
  ...get(J),
  ...get(STRIDE),
  OP.i32Mul,
  ...set(RJ),
  ...zero(ACC),
  ...overRow(...load(RI), ...set(ROW), ...multiplyAdd(ACC, RJ)),
  ...storeSum(ACC, RJ, 0),
  ...advance(OUT, 8),
  OP.end,
  ...get(I),
  ...i32(1),
  OP.i32Add,
  ...tee(I),
  ...get(N),
  OP.i32LtU,
  OP.brIf,
  0,
  OP.end,
  OP.end,
];

const MODULE = kernelModule({
  name: 'twoPaths',
  params: [I32, I32, I32],
  locals: [
    [8, I32],
    [3, V128],
  ],
  body,
});

type TwoPaths = (n: number, rowBytes: number, outBytes: number) => void;

/** The kernel's run and its views for one n (rebuilt when n changes or the memory is replaced). */
interface Bound {
  run: TwoPaths;
  n: number;
  rows: Float64Array;
  out: Float64Array;
}

let host: KernelHost<TwoPaths> | null | undefined;
let bound: Bound | undefined;

function bind(h: KernelHost<TwoPaths>, n: number): Bound {
  const P = (n * (n - 1)) / 2;
  const { run, buffer } = h.reserve(8 * (n * n + P));
  if (bound && bound.n === n && bound.rows.buffer === buffer) return bound;
  bound = {
    run,
    n,
    rows: new Float64Array(buffer, 0, n * n),
    out: new Float64Array(buffer, 8 * n * n, P),
  };
  return bound;
}

/**
 * The same sums by a plain loop (the path without WebAssembly SIMD; also the reference in tests).
 *
 * @example
 * twoPathSumsPlain(Float64Array.from([0, 1, 1, 1, 0, -1, 1, -1, 0]), 3, out); // out = [-1, -1, 1]
 */
export function twoPathSumsPlain(W: Float64Array, n: number, out: Float64Array): void {
  let q = 0;
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = i + 1; j < n; j++) {
      const rj = j * n;
      let d = 0;
      for (let k = 0; k < n; k++) d += W[ri + k]! * W[rj + k]!;
      out[q++] = d;
    }
  }
}

/**
 * Writes Σ_k W_ik W_kj for every pair i < j of the symmetric n×n matrix W into `out` (packed,
 * n(n−1)/2 entries).
 *
 * @example
 * twoPathSums(Float64Array.from([0, 1, 1, 1, 0, -1, 1, -1, 0]), 3, out); // out ≈ [-1, -1, 1]
 */
export function twoPathSums(W: Float64Array, n: number, out: Float64Array): void {
  if (host === undefined) host = KernelHost.create<TwoPaths>(MODULE, 'twoPaths');
  if (!host || n < 2) {
    twoPathSumsPlain(W, n, out);
    return;
  }
  const b = bind(host, n);
  b.rows.set(W);
  b.run(n, 8 * n, 8 * n * n);
  out.set(b.out);
}
