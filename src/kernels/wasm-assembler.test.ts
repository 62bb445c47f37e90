import { describe, expect, it } from 'vitest';
import { I32, KernelHost, kernelModule, OP } from './wasm-assembler.js';

// store(at): writes the f64 42 at byte `at` of the memory.
const f64Bytes = [...new Uint8Array(Float64Array.of(42).buffer)];
const STORE = kernelModule({
  name: 'store',
  params: [I32],
  locals: [],
  body: [OP.localGet, 0, OP.f64Const, ...f64Bytes, OP.f64Store, 3, 0, OP.end],
});

type Store = (at: number) => void;

describe('KernelHost', () => {
  it('runs the kernel on a memory holding at least the bytes reserved', () => {
    const host = KernelHost.create<Store>(STORE, 'store')!;
    const { run, buffer } = host.reserve(100);
    expect(buffer.byteLength).toBeGreaterThanOrEqual(100);
    run(8);
    expect(new Float64Array(buffer, 8, 1)[0]).toBe(42);
  });

  it('gives a bigger need a fresh memory and never detaches the buffer handed out before', () => {
    const host = KernelHost.create<Store>(STORE, 'store')!;
    const small = host.reserve(16);
    small.run(0);
    const big = host.reserve(200_000);
    expect(big.buffer).not.toBe(small.buffer);
    expect(big.buffer.byteLength).toBeGreaterThanOrEqual(200_000);
    // A grown WebAssembly memory detaches its old buffer (byteLength 0); a replaced one does not.
    expect(small.buffer.byteLength).toBe(65536);
    expect(new Float64Array(small.buffer, 0, 1)[0]).toBe(42);
    big.run(199_992);
    expect(new Float64Array(big.buffer, 199_992, 1)[0]).toBe(42);
  });

  it('keeps a large memory for smaller needs until it is released', () => {
    const host = KernelHost.create<Store>(STORE, 'store')!;
    const big = host.reserve(300_000);
    expect(host.reserve(10).buffer).toBe(big.buffer);
    host.release(1_000_000);
    expect(host.reserve(10).buffer).toBe(big.buffer);
    host.release(100_000);
    expect(host.reserve(10).buffer.byteLength).toBe(65536);
  });

  it('is null for bytes this runtime cannot compile', () => {
    expect(KernelHost.create(Uint8Array.from([0, 97, 115, 109, 9, 9, 9, 9]), 'x')).toBeNull();
  });
});
