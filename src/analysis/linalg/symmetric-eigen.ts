/**
 * Eigen-decomposition of a real symmetric matrix: Householder reduction to tridiagonal form, then
 * the implicit QL algorithm with Wilkinson-type shifts (Householder 1958, "Unitary triangularization
 * of a nonsymmetric matrix", J. ACM 5; Bowdler, Martin, Reinsch & Wilkinson 1968, "The QR and QL
 * algorithms for symmetric matrices", Numer. Math. 11; Golub & Van Loan, Matrix Computations, §8.3).
 * O(n³) time, O(n²) memory; eigenvectors only when asked for.
 */
import { LimitExceededError, SolverError } from '../../domain/errors.js';

export interface EigenOptions {
  /** Also return the orthonormal eigenvectors (columns of `vectors`). */
  vectors: boolean;
  /** QL sweeps allowed per eigenvalue before giving up. */
  maxIterations: number;
  /** Largest matrix order accepted (time grows as n³). */
  maxOrder: number;
  /** `performance.now()` past which the reduction stops with a LimitExceededError (default: none). */
  deadline: number;
}

export const EIGEN_DEFAULTS: Readonly<EigenOptions> = Object.freeze({
  vectors: false,
  maxIterations: 60,
  maxOrder: 3000,
  deadline: Number.POSITIVE_INFINITY,
});

/** Eigenvalues in ascending order; `vectors[i * n + k]` is component i of the k-th eigenvector. */
export interface Eigen {
  n: number;
  values: Float64Array;
  vectors?: Float64Array;
}

/**
 * Eigenvalues (ascending) and optionally eigenvectors of a symmetric matrix given row-major in a
 * flat array of length n². Only the lower triangle is read.
 *
 * @example
 * symmetricEigen(Float64Array.of(2, 1, 1, 2), 2).values; // Float64Array [1, 3]
 */
export function symmetricEigen(
  matrix: ArrayLike<number>,
  n: number,
  options: Partial<EigenOptions> = {},
): Eigen {
  const opts = { ...EIGEN_DEFAULTS, ...options };
  if (n > opts.maxOrder) {
    throw new LimitExceededError(
      `an eigen-decomposition of order ${n} exceeds the limit of ${opts.maxOrder}`,
    );
  }
  const a = Float64Array.from(matrix);
  // Scale to entries in [−1, 1] so that subnormal or huge inputs behave like ordinary ones.
  let size = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) size = Math.max(size, Math.abs(a[i * n + j]!));
  const unit = size > 0 ? size : 1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      a[i * n + j]! /= unit;
      a[j * n + i] = a[i * n + j]!;
    }
  }
  const q = opts.vectors ? identity(n) : undefined;
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  tridiagonalize(a, n, q, d, e, opts.deadline);
  implicitQl(d, e, n, q, opts.maxIterations);
  const order = Array.from({ length: n }, (_, k) => k).sort((x, y) => d[x]! - d[y]!);
  const values = Float64Array.from(order, (k) => d[k]! * unit);
  if (!q) return { n, values };
  const vectors = new Float64Array(n * n);
  order.forEach((k, col) => {
    for (let i = 0; i < n; i++) vectors[i * n + col] = q[i * n + k]!;
  });
  return { n, values, vectors };
}

/** Off-diagonal size below which a scaled tridiagonal matrix splits: far under rounding of its norm. */
const NEGLIGIBLE = Number.EPSILON ** 2;

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

/**
 * Reduces the symmetric matrix `a` (row-major, overwritten) to tridiagonal form T = Hᵀ A H by
 * reflections H_k = I − β v vᵀ that zero column k below the subdiagonal; d gets the diagonal and
 * e[i] the entry T[i+1][i]. When `q` is given it is multiplied by every H_k on the right.
 */
function tridiagonalize(
  a: Float64Array,
  n: number,
  q: Float64Array | undefined,
  d: Float64Array,
  e: Float64Array,
  deadline: number,
) {
  const v = new Float64Array(n);
  const p = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    // Each step is O(n²) and the reduction is the O(n³) part, so the clock is checked here.
    if (performance.now() > deadline) {
      throw new LimitExceededError(`time limit reached in an eigen-decomposition of order ${n}`);
    }
    // Work with the column divided by its largest entry so that squares neither under- nor overflow.
    let scale = 0;
    for (let i = k + 1; i < n; i++) scale = Math.max(scale, Math.abs(a[i * n + k]!));
    if (scale === 0) continue;
    let below = 0;
    for (let i = k + 2; i < n; i++) below += (a[i * n + k]! / scale) ** 2;
    if (below === 0) continue;
    const x0 = a[(k + 1) * n + k]! / scale;
    const norm = Math.sqrt(x0 * x0 + below);
    const alpha = x0 > 0 ? -norm : norm;
    for (let i = k + 1; i < n; i++) v[i] = a[i * n + k]! / scale;
    v[k + 1] = x0 - alpha;
    let vv = 0;
    for (let i = k + 1; i < n; i++) vv += v[i]! ** 2;
    const beta = 2 / vv;
    // p = β A₂₂ v, then w = p − (β/2)(pᵀv) v, and A₂₂ ← A₂₂ − v wᵀ − w vᵀ.
    let pv = 0;
    for (let i = k + 1; i < n; i++) {
      let s = 0;
      for (let j = k + 1; j < n; j++) s += a[i * n + j]! * v[j]!;
      p[i] = beta * s;
      pv += p[i]! * v[i]!;
    }
    const half = (beta / 2) * pv;
    for (let i = k + 1; i < n; i++) p[i]! -= half * v[i]!;
    for (let i = k + 1; i < n; i++) {
      for (let j = k + 1; j <= i; j++) {
        const value = a[i * n + j]! - v[i]! * p[j]! - p[i]! * v[j]!;
        a[i * n + j] = value;
        a[j * n + i] = value;
      }
    }
    a[(k + 1) * n + k] = a[k * n + k + 1] = alpha * scale;
    for (let i = k + 2; i < n; i++) a[i * n + k] = a[k * n + i] = 0;
    if (q) {
      for (let r = 0; r < n; r++) {
        let s = 0;
        for (let j = k + 1; j < n; j++) s += q[r * n + j]! * v[j]!;
        s *= beta;
        for (let j = k + 1; j < n; j++) q[r * n + j]! -= s * v[j]!;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    d[i] = a[i * n + i]!;
    e[i] = i + 1 < n ? a[(i + 1) * n + i]! : 0;
  }
}

/**
 * Diagonalizes the symmetric tridiagonal matrix (d, e) by implicit QL steps: each step chases a
 * bulge with Givens rotations from the bottom of the unreduced block up to row l, with a shift
 * taken from the leading 2×2 block. Rotations are applied to the columns of `q` when given.
 */
function implicitQl(
  d: Float64Array,
  e: Float64Array,
  n: number,
  q: Float64Array | undefined,
  maxIterations: number,
) {
  for (let l = 0; l < n; l++) {
    let iterations = 0;
    for (;;) {
      let m = l;
      while (m < n - 1) {
        // Negligible next to its neighbours, or next to the whole matrix (scaled to norm ~1).
        const scale = Math.abs(d[m]!) + Math.abs(d[m + 1]!);
        if (Math.abs(e[m]!) <= Number.EPSILON * scale || Math.abs(e[m]!) <= NEGLIGIBLE) break;
        m++;
      }
      if (m === l) break;
      if (++iterations > maxIterations) {
        throw new SolverError(`eigenvalue ${l} did not converge in ${maxIterations} QL iterations`);
      }
      let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
      let r = Math.hypot(g, 1);
      g = d[m]! - d[l]! + e[l]! / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let deflated = false;
      for (let i = m - 1; i >= l; i--) {
        const f = s * e[i]!;
        const b = c * e[i]!;
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1]! -= p;
          e[m] = 0;
          deflated = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1]! - p;
        r = (d[i]! - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        if (q) {
          for (let k = 0; k < n; k++) {
            const upper = q[k * n + i + 1]!;
            const lower = q[k * n + i]!;
            q[k * n + i + 1] = s * lower + c * upper;
            q[k * n + i] = c * lower - s * upper;
          }
        }
      }
      if (deflated) continue;
      d[l]! -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
}

/**
 * e^{βA} of a symmetric matrix as V diag(e^{βλ}) Vᵀ (row-major), e.g. the communicability matrix
 * of a network (Estrada & Hatano 2008, Phys. Rev. E 77).
 *
 * @example
 * matrixExponential(Float64Array.of(0, 0, 0, 0), 2); // identity
 */
export function matrixExponential(matrix: ArrayLike<number>, n: number, beta = 1): Float64Array {
  const { values, vectors } = symmetricEigen(matrix, n, { vectors: true });
  const out = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const w = Math.exp(beta * values[k]!);
    for (let i = 0; i < n; i++) {
      const vi = vectors![i * n + k]! * w;
      if (vi === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j]! += vi * vectors![j * n + k]!;
    }
  }
  return out;
}
