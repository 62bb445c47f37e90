/**
 * A tiny WebAssembly binary writer for the project's hand-written numeric kernels: named opcodes of
 * the core specification (1.0, §5) and of the fixed-width SIMD proposal (merged in 2.0, §5.4.8),
 * LEB128 integers, and a one-function module on an imported memory (`KernelHost` sizes it). No
 * toolchain, no dependency.
 */

/** Core opcodes (one byte each). */
export const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  select: 0x1b,
  i32Load: 0x28,
  i64Load: 0x29,
  f64Load: 0x2b,
  i64Store: 0x37,
  f64Store: 0x39,
  i32Const: 0x41,
  i64Const: 0x42,
  f64Const: 0x44,
  i32Eqz: 0x45,
  i32LtU: 0x49,
  i32GtS: 0x4a,
  i32GeU: 0x4f,
  f64Gt: 0x64,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32And: 0x71,
  i32Shl: 0x74,
  i32ShrU: 0x76,
  i64Popcnt: 0x7b,
  i64Add: 0x7c,
  i64And: 0x83,
  i64Or: 0x84,
  i64Shl: 0x86,
  f64Add: 0xa0,
  f64Mul: 0xa2,
  i64ExtendI32U: 0xad,
} as const;

/** SIMD opcodes, written after the 0xfd prefix as a LEB128 number (see `simd`). */
export const SIMD = {
  v128Load: 0x00,
  v128Const: 0x0c,
  f64x2ExtractLane: 0x21,
  f64x2Add: 0xf0,
  f64x2Mul: 0xf2,
} as const;

/** Block type of a block or loop without results. */
export const EMPTY = 0x40;
/** Value types. */
export const I32 = 0x7f;
export const I64 = 0x7e;
export const V128 = 0x7b;

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128. */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** A SIMD instruction. */
export const simd = (op: number) => [0xfd, ...uleb(op)];
export const get = (local: number) => [OP.localGet, local];
export const set = (local: number) => [OP.localSet, local];
export const tee = (local: number) => [OP.localTee, local];
export const i32 = (x: number) => [OP.i32Const, ...sleb(x)];
export const i64 = (x: number) => [OP.i64Const, ...sleb(x)];

const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const name = (s: string) => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

export interface KernelModule {
  /** Exported name of the function. */
  name: string;
  /** Parameter types (the function returns nothing). */
  params: number[];
  /** Local declarations as [count, type] runs, numbered after the parameters. */
  locals: [number, number][];
  /** Instructions, ending with `OP.end`. */
  body: number[];
}

/**
 * The bytes of a module with one exported function working on an imported memory (`env.memory`,
 * no minimum size): its host gives it a memory of the right size (see `KernelHost`).
 *
 * @example
 * const bytes = kernelModule({ name: 'noop', params: [], locals: [], body: [OP.end] });
 * KernelHost.create<() => void>(bytes, 'noop')?.reserve(0).run();
 */
export function kernelModule(k: KernelModule): Uint8Array<ArrayBuffer> {
  const fn = [...vec(k.locals.map(([count, type]) => [count, type])), ...k.body];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([[0x60, ...vec(k.params.map((t) => [t])), 0]])),
    // Import: module "env", name "memory", kind memory, limits without maximum, minimum 0 pages.
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, 0]])),
    ...section(3, vec([[0]])),
    ...section(7, vec([[...name(k.name), 0x00, 0]])),
    ...section(10, vec([[...uleb(fn.length), ...fn]])),
  ]);
}

const PAGE_BYTES = 65536;

/**
 * A compiled kernel with an instance on a memory of at least the bytes last asked for.
 *
 * A bigger need gets a fresh memory and instance; memory is never grown. Growing a WebAssembly
 * memory detaches its old ArrayBuffer, and in V8 the first detached ArrayBuffer of a thread
 * permanently turns off the fast path of every optimised typed-array access in that thread (the
 * "array buffer detaching" protector): hot Float64Array loops then run 1.5–2× slower, in the
 * simulation engine as much as in the kernel's caller.
 *
 * @example
 * const host = KernelHost.create<(n: number) => void>(bytes, 'kernel');
 * const { run, buffer } = host!.reserve(1024); // write inputs into buffer, then run(…)
 */
export class KernelHost<F extends (...args: number[]) => void> {
  private instance: { run: F; buffer: ArrayBuffer } | undefined;

  private constructor(
    private readonly module: WebAssembly.Module,
    private readonly name: string,
  ) {}

  /** The host of a module's kernel, or null when this runtime cannot compile the module. */
  static create<F extends (...args: number[]) => void>(bytes: Uint8Array<ArrayBuffer>, name: string) {
    if (typeof WebAssembly !== 'object' || !WebAssembly.validate(bytes)) return null;
    try {
      return new KernelHost<F>(new WebAssembly.Module(bytes), name);
    } catch {
      // a runtime that validates but forbids compiling (a strict content policy) gets the JS path
      return null;
    }
  }

  /**
   * The kernel and its memory's buffer, which holds at least `bytes` (its contents are kept only
   * while no bigger reservation replaces it).
   */
  reserve(bytes: number): { run: F; buffer: ArrayBuffer } {
    if (this.instance && this.instance.buffer.byteLength >= bytes) return this.instance;
    const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE_BYTES)) });
    const { exports } = new WebAssembly.Instance(this.module, { env: { memory } });
    this.instance = { run: exports[this.name] as F, buffer: memory.buffer };
    return this.instance;
  }

  /** Lets go of a memory larger than `bytes`, so that one large call does not hold it for good. */
  release(bytes: number): void {
    if (this.instance && this.instance.buffer.byteLength > bytes) this.instance = undefined;
  }
}
