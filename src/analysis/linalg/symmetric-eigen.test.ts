import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LimitExceededError } from '../../domain/errors.js';
import { matrixExponential, symmetricEigen } from './symmetric-eigen.js';

const arbSymmetric = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n * n, maxLength: n * n }).map((xs) => {
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = xs[i * n + j]!;
    return { n, a };
  }),
);

describe('symmetricEigen', () => {
  it('solves A v = λ v with orthonormal vectors, ascending values, trace and Frobenius norm kept', () => {
    fc.assert(
      fc.property(arbSymmetric, ({ n, a }) => {
        const { values, vectors } = symmetricEigen(a, n, { vectors: true });
        const v = vectors!;
        const scale = 1 + Math.max(...Array.from(a, Math.abs));
        for (let k = 0; k < n; k++) {
          if (k > 0) expect(values[k]!).toBeGreaterThanOrEqual(values[k - 1]!);
          for (let i = 0; i < n; i++) {
            let av = 0;
            for (let j = 0; j < n; j++) av += a[i * n + j]! * v[j * n + k]!;
            expect(Math.abs(av - values[k]! * v[i * n + k]!)).toBeLessThan(1e-10 * scale * n);
          }
          for (let l = 0; l < n; l++) {
            let dot = 0;
            for (let i = 0; i < n; i++) dot += v[i * n + k]! * v[i * n + l]!;
            expect(Math.abs(dot - (k === l ? 1 : 0))).toBeLessThan(1e-10 * n);
          }
        }
        let trace = 0;
        let fro = 0;
        for (let i = 0; i < n; i++) trace += a[i * n + i]!;
        for (const x of a) fro += x * x;
        expect(values.reduce((s, x) => s + x, 0)).toBeCloseTo(trace, 8);
        expect(values.reduce((s, x) => s + x * x, 0)).toBeCloseTo(fro, 7);
      }),
    );
  });

  it('knows a path graph: eigenvalues 2cos(kπ/(n+1))', () => {
    const n = 7;
    const a = new Float64Array(n * n);
    for (let i = 0; i + 1 < n; i++) a[i * n + i + 1] = a[(i + 1) * n + i] = 1;
    const expected = Array.from({ length: n }, (_, k) => 2 * Math.cos(((k + 1) * Math.PI) / (n + 1))).sort(
      (x, y) => x - y,
    );
    symmetricEigen(a, n).values.forEach((x, k) => {
      expect(x).toBeCloseTo(expected[k]!, 12);
    });
  });

  it('refuses orders above the limit', () => {
    expect(() => symmetricEigen(new Float64Array(9), 3, { maxOrder: 2 })).toThrow(LimitExceededError);
  });

  it('exponentiates: e^[[0,1],[1,0]] = [[cosh 1, sinh 1], [sinh 1, cosh 1]]', () => {
    const e = matrixExponential(Float64Array.of(0, 1, 1, 0), 2);
    expect(e[0]).toBeCloseTo(Math.cosh(1), 14);
    expect(e[1]).toBeCloseTo(Math.sinh(1), 14);
    expect(e[3]).toBeCloseTo(Math.cosh(1), 14);
  });

  it('stops with a LimitExceededError once its deadline has passed, and not before', () => {
    const a = Float64Array.from({ length: 16 }, (_, k) => (k % 5 === 0 ? 2 : 1));
    expect(() => symmetricEigen(a, 4, { deadline: performance.now() - 1 })).toThrow(LimitExceededError);
    expect(() => symmetricEigen(a, 4, { deadline: performance.now() - 1 })).toThrow(/time limit reached/);
    expect(symmetricEigen(a, 4, { deadline: performance.now() + 60_000 }).values).toHaveLength(4);
  });
});
