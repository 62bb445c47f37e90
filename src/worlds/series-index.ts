/**
 * A date index over a world's tie series, so a snapshot finds the observation in force at t by
 * binary search over each series' sorted start days instead of scanning every observation, and
 * visits the series already grouped per dimension and dyad, in dyad order.
 *
 * The index is built once per list of series and kept in a WeakMap keyed by `world.ties`, so
 * analysis never writes to a world, worlds that share their series (an overlay's spread copy)
 * share the index, and a dropped world frees it. A series whose observations are not in date
 * order (an unvalidated world built in memory) is looked up by the same scan as before.
 */
import { DIMENSIONS, type Dimension, type Observation, type TieSeries } from '../domain/schema.js';
import { endOf, startOf } from '../domain/time.js';

/**
 * A series and where the start days of its observations lie in the index's one column of start
 * days (`from` is -1 when they are not in date order).
 */
export interface IndexedSeries {
  readonly series: TieSeries;
  readonly from: number;
}

/** The series of one dimension and undirected dyad (`a < b`), in world order. */
export interface DyadSeries {
  readonly a: string;
  readonly b: string;
  readonly series: readonly IndexedSeries[];
}

/** What a snapshot needs from a world's series, computed once. */
export interface SeriesIndex {
  /** Per dimension, its dyads sorted by (a, b). */
  readonly byDimension: Readonly<Record<Dimension, readonly DyadSeries[]>>;
  /**
   * For one date, the function giving the observation of an indexed series in force at the end
   * of `at`, as `observationAt` does.
   */
  at(at: string): (entry: IndexedSeries) => Observation | undefined;
}

interface Built extends SeriesIndex {
  /** What the index was built from, to notice series replaced or grown since. */
  readonly series: readonly TieSeries[];
  readonly observations: readonly (readonly Observation[])[];
  readonly counts: Int32Array;
}

const cache = new WeakMap<readonly TieSeries[], Built>();

/** `YYYY-MM-DD` as a number with the same order (dates have four-digit years). */
function dayNumber(isoDay: string): number {
  return Number(isoDay.slice(0, 4)) * 10_000 + Number(isoDay.slice(5, 7)) * 100 + Number(isoDay.slice(8, 10));
}

/**
 * The observation of a series in force at the end of `at`, by scanning (the definition the index
 * agrees with): the last of the leading run that starts no later than `at`, unless its `until`
 * ended before.
 *
 * @example
 * observationAt(world.ties[0]!, '2021-12')?.value;
 */
export function observationAt(series: TieSeries, at: string): Observation | undefined {
  const asOf = endOf(at);
  let found: Observation | undefined;
  for (const o of series.observations) {
    if (startOf(o.at) > asOf) break;
    found = o;
  }
  if (found?.until && endOf(found.until) < asOf) return undefined;
  return found;
}

function build(ties: readonly TieSeries[]): Built {
  const days = new Map<string, number>();
  const day = (date: string) => {
    let n = days.get(date);
    if (n === undefined) {
      n = dayNumber(startOf(date));
      days.set(date, n);
    }
    return n;
  };
  // One column for all series: a typed array each would cost more than the days it holds.
  const starts = new Int32Array(ties.reduce((n, s) => n + s.observations.length, 0));
  let next = 0;
  const indexed = (series: TieSeries): IndexedSeries => {
    const from = next;
    const obs = series.observations;
    next += obs.length;
    for (let i = 0; i < obs.length; i++) {
      starts[from + i] = day(obs[i]!.at);
      if (i > 0 && starts[from + i]! < starts[from + i - 1]!) return { series, from: -1 };
    }
    return { series, from };
  };
  const groups = new Map<string, { a: string; b: string; dimension: Dimension; series: IndexedSeries[] }>();
  for (const s of ties) {
    const [a, b] = s.a < s.b ? [s.a, s.b] : [s.b, s.a];
    const key = `${s.dimension}\u0000${a}\u0000${b}`;
    const g = groups.get(key);
    if (g) g.series.push(indexed(s));
    else groups.set(key, { a, b, dimension: s.dimension, series: [indexed(s)] });
  }
  const byDimension = Object.fromEntries(DIMENSIONS.map((d) => [d, [] as DyadSeries[]])) as Record<
    Dimension,
    DyadSeries[]
  >;
  for (const { dimension, ...g } of groups.values()) byDimension[dimension].push(g);
  const byDyad = (x: DyadSeries, y: DyadSeries) =>
    x.a === y.a ? (x.b < y.b ? -1 : x.b > y.b ? 1 : 0) : x.a < y.a ? -1 : 1;
  for (const d of DIMENSIONS) byDimension[d].sort(byDyad);
  return {
    byDimension,
    series: [...ties],
    observations: ties.map((s) => s.observations),
    counts: Int32Array.from(ties, (s) => s.observations.length),
    at(at) {
      const asOfDay = endOf(at);
      const asOf = dayNumber(asOfDay);
      return ({ series, from }) => {
        if (from < 0) return observationAt(series, at);
        let lo = from;
        let hi = from + series.observations.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (starts[mid]! <= asOf) lo = mid + 1;
          else hi = mid;
        }
        const found = lo > from ? series.observations[lo - 1 - from] : undefined;
        if (found?.until && endOf(found.until) < asOfDay) return undefined;
        return found;
      };
    },
  };
}

function unchanged(index: Built, ties: readonly TieSeries[]): boolean {
  if (index.series.length !== ties.length) return false;
  for (let i = 0; i < ties.length; i++) {
    const t = ties[i]!;
    if (index.series[i] !== t || index.observations[i] !== t.observations) return false;
    if (index.counts[i] !== t.observations.length) return false;
  }
  return true;
}

/**
 * The index of `ties` (a world's `ties`), from the cache while the same series with the same
 * number of observations are in it.
 *
 * @example
 * const [dyad] = seriesIndex(world.ties).byDimension.military;
 * seriesIndex(world.ties).at('1985')(dyad!.series[0]!)?.value;
 */
export function seriesIndex(ties: readonly TieSeries[]): SeriesIndex {
  const cached = cache.get(ties);
  if (cached && unchanged(cached, ties)) return cached;
  const index = build(ties);
  cache.set(ties, index);
  return index;
}
