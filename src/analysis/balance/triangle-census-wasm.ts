/**
 * The bitset triangle census of `triangle-census.ts` as a small WebAssembly kernel on 64-bit words
 * with the hardware population count (`i64.popcnt`): per edge i<j, the third vertices k > j split
 * by the signs of ik and jk are popcounts of ANDed rows above j. The module is assembled from named
 * opcodes (domain/wasm-assembler.ts); when WebAssembly is unavailable the caller falls back to the
 * JavaScript kernel.
 */

import {
  EMPTY,
  get,
  I32,
  I64,
  i32,
  i64,
  KernelHost,
  kernelModule,
  OP,
  set,
  uleb,
} from '../../kernels/wasm-assembler.js';

// Parameters: P, N (row bases), rowBytes, src, dst (i32 arrays), weight (f64 array), m, out.
const [P, N, ROW, SRC, DST, WGT, M, OUT] = [0, 1, 2, 3, 4, 5, 6, 7];
// i32 locals, then i64 locals.
const [E, IOFF, J, W, POS, JOFF, BASE] = [8, 9, 10, 11, 12, 13, 14];
const [MASK, A, B, C, D, PP, NN, MIX] = [15, 16, 17, 18, 19, 20, 21, 22];
const ACC = [23, 24, 25, 26, 27, 28];
const I32_LOCALS = 7;
const I64_LOCALS = 14;

/** `body` for E = 0 … M−1 (nothing when M is 0). */
const forEachEdge = (...inner: number[]) => [
  ...i32(0),
  ...set(E),
  OP.block,
  EMPTY,
  ...get(M),
  OP.i32Eqz,
  OP.brIf,
  0,
  OP.loop,
  EMPTY,
  ...inner,
  ...get(E),
  ...i32(1),
  OP.i32Add,
  OP.localTee,
  E,
  ...get(M),
  OP.i32LtU,
  OP.brIf,
  0,
  OP.end,
  OP.end,
];
/** Loads the i32 at array + 4·E. */
const edgeI32 = (array: number) => [
  ...get(array),
  ...get(E),
  ...i32(2),
  OP.i32Shl,
  OP.i32Add,
  OP.i32Load,
  2,
  0,
];
/** 1 when weight[E] > 0. */
const edgePositive = [
  ...get(WGT),
  ...get(E),
  ...i32(3),
  OP.i32Shl,
  OP.i32Add,
  OP.f64Load,
  3,
  0,
  OP.f64Const,
  ...new Array(8).fill(0),
  OP.f64Gt,
];
/** row[x] |= 1 << (y mod 64), the row chosen by BASE. */
const setBit = (x: number[], y: number[]) => [
  ...get(BASE),
  ...x,
  ...get(ROW),
  OP.i32Mul,
  OP.i32Add,
  ...y,
  ...i32(6),
  OP.i32ShrU,
  ...i32(3),
  OP.i32Shl,
  OP.i32Add,
  OP.localTee,
  W,
  ...get(W),
  OP.i64Load,
  3,
  0,
  ...i64(1),
  ...y,
  OP.i64ExtendI32U,
  OP.i64Shl,
  OP.i64Or,
  OP.i64Store,
  3,
  0,
];
const load64 = (base: number, off: number) => [
  ...get(base),
  ...get(off),
  OP.i32Add,
  ...get(W),
  OP.i32Add,
  OP.i64Load,
  3,
  0,
];
const addPop = (acc: number, ...expr: number[]) => [
  ...get(acc),
  ...expr,
  OP.i64Popcnt,
  OP.i64Add,
  ...set(acc),
];
const accumulate = (first: number) =>
  [PP, NN, MIX].flatMap((x, k) => [...get(ACC[first + k]!), ...get(x), OP.i64Add, ...set(ACC[first + k]!)]);

const build = forEachEdge(
  ...get(P),
  ...get(N),
  ...edgePositive,
  OP.select,
  ...set(BASE),
  ...setBit(edgeI32(SRC), edgeI32(DST)),
  ...setBit(edgeI32(DST), edgeI32(SRC)),
);

const count = forEachEdge(
  ...edgeI32(SRC),
  ...get(ROW),
  OP.i32Mul,
  ...set(IOFF),
  ...edgeI32(DST),
  ...set(J),
  ...edgePositive,
  ...set(POS),
  // first word byte offset ((j+1) >> 6) << 3, mask −1 << ((j+1) mod 64), j's row offset
  ...get(J),
  ...i32(1),
  OP.i32Add,
  ...i32(6),
  OP.i32ShrU,
  ...i32(3),
  OP.i32Shl,
  ...set(W),
  ...i64(-1),
  ...get(J),
  ...i32(1),
  OP.i32Add,
  OP.i64ExtendI32U,
  OP.i64Shl,
  ...set(MASK),
  ...get(J),
  ...get(ROW),
  OP.i32Mul,
  ...set(JOFF),
  ...[PP, NN, MIX].flatMap((x) => [...i64(0), ...set(x)]),
  OP.block,
  EMPTY,
  ...get(W),
  ...get(ROW),
  OP.i32GeU,
  OP.brIf,
  0,
  OP.loop,
  EMPTY,
  ...load64(P, IOFF),
  ...set(A),
  ...load64(N, IOFF),
  ...set(B),
  ...load64(P, JOFF),
  ...set(C),
  ...load64(N, JOFF),
  ...set(D),
  ...addPop(PP, ...get(A), ...get(C), OP.i64And, ...get(MASK), OP.i64And),
  ...addPop(NN, ...get(B), ...get(D), OP.i64And, ...get(MASK), OP.i64And),
  ...addPop(
    MIX,
    ...get(A),
    ...get(D),
    OP.i64And,
    ...get(B),
    ...get(C),
    OP.i64And,
    OP.i64Or,
    ...get(MASK),
    OP.i64And,
  ),
  ...i64(-1),
  ...set(MASK),
  ...get(W),
  ...i32(8),
  OP.i32Add,
  OP.localTee,
  W,
  ...get(ROW),
  OP.i32LtU,
  OP.brIf,
  0,
  OP.end,
  OP.end,
  ...get(POS),
  OP.if,
  EMPTY,
  ...accumulate(0),
  OP.else,
  ...accumulate(3),
  OP.end,
);

const body = [
  ...build,
  ...count,
  ...ACC.flatMap((acc, k) => [...get(OUT), ...get(acc), OP.i64Store, 3, ...uleb(8 * k)]),
  OP.end,
];

const MODULE = kernelModule({
  name: 'census',
  params: new Array(8).fill(I32),
  locals: [
    [I32_LOCALS, I32],
    [I64_LOCALS, I64],
  ],
  body,
});

type Census = (...args: number[]) => void;

let host: KernelHost<Census> | null | undefined;
/** Largest memory kept between calls. */
const RETAIN_BYTES = 64 * 1024 * 1024;

/**
 * Sums over edges (i<j) of the third vertices k>j: [pp, nn, mixed] for positive edges then for
 * negative ones, or undefined when WebAssembly is unavailable.
 *
 * @example
 * wasmCensusSums(g.n, g.src, g.dst, g.weight); // [ppOnPos, nnOnPos, mixOnPos, ppOnNeg, nnOnNeg, mixOnNeg]
 */
export function wasmCensusSums(
  n: number,
  src: Int32Array,
  dst: Int32Array,
  weight: Float64Array,
): number[] | undefined {
  if (host === undefined) host = KernelHost.create<Census>(MODULE, 'census');
  if (!host) return undefined;
  const m = src.length;
  const rowBytes = 8 * Math.max(1, Math.ceil(n / 64));
  const rowsBytes = n * rowBytes;
  // Layout: positive rows, negative rows, weights (8-byte aligned), src, dst, the six sums.
  const weightAt = 2 * rowsBytes;
  const srcAt = weightAt + 8 * m;
  const dstAt = srcAt + 4 * m;
  const outAt = dstAt + 4 * m;
  const need = outAt + 48;
  const { run, buffer } = host.reserve(need);
  new Uint8Array(buffer, 0, weightAt).fill(0);
  new Float64Array(buffer, weightAt, m).set(weight);
  new Int32Array(buffer, srcAt, m).set(src);
  new Int32Array(buffer, dstAt, m).set(dst);
  run(0, rowsBytes, rowBytes, srcAt, dstAt, weightAt, m, outAt);
  const sums = Array.from(new BigInt64Array(buffer, outAt, 6), Number);
  // After a large graph, the next call starts from a small memory again.
  host.release(RETAIN_BYTES);
  return sums;
}
