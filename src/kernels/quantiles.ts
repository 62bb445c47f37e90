/**
 * Sample quantiles of Hyndman & Fan's type 7 (R's default: linear interpolation between order
 * statistics; Hyndman & Fan 1996, "Sample quantiles in statistical packages", The American
 * Statistician 50(4)). `selectQuantiles` finds only the order statistics it needs by selection
 * (Hoare 1961, "Algorithm 65: FIND", CACM 4(7)) instead of sorting: a scenario summary takes a
 * handful of quantiles over its runs at every step of every followed measure, and a sort of a
 * thousand doubles costs several times the selection of five quantiles from them.
 */

/** Below this many elements a range is finished by insertion sort. */
const SMALL = 16;

/**
 * The type-7 quantile of ascending values (NaN when there are none).
 *
 * @example
 * quantile([1, 2, 3, 4], 0.5); // 2.5
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Moves the k-th smallest of a[lo…hi] to a[k], smaller ones before it and larger ones after. */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi - lo >= SMALL) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot: sorted or many-times-repeated runs stay linear.
    const x = Math.min(a[lo]!, a[mid]!);
    const y = Math.max(a[lo]!, a[mid]!);
    const z = a[hi]!;
    const p = z < y ? Math.max(z, x) : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < p) i++;
      while (a[j]! > p) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    // a[lo…j] ≤ p ≤ a[i…hi], and whatever lies between equals p.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= lo && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

/**
 * The type-7 quantiles of values (no NaN among them), the same numbers `quantile` gives on them
 * sorted. Reorders `values` in place.
 *
 * @example
 * selectQuantiles(Float64Array.of(4, 1, 3, 2), [0.25, 0.5]); // [1.75, 2.5]
 */
export function selectQuantiles(values: Float64Array, qs: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return qs.map(() => Number.NaN);
  const ranks = new Set<number>();
  for (const q of qs) {
    const lo = Math.floor((n - 1) * q);
    ranks.add(lo);
    ranks.add(Math.min(n - 1, lo + 1));
  }
  // Once the k-th is in place, everything after it is at least as large: the next rank is found
  // in what is left to its right.
  let from = 0;
  for (const k of [...ranks].sort((x, y) => x - y)) {
    select(values, k, from, n - 1);
    from = k + 1;
  }
  return qs.map((q) => quantile(values, q));
}
