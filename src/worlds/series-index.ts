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
import { type ColumnSlice, columnSlice, observationOfSlice } from './tie-columns.js';

/**
 * A series and where the start days of its observations lie in the index's one column of start
 * days (`from` is -1 when they are not in date order).
 */
export interface IndexedSeries {
  readonly series: TieSeries;
  readonly from: number;
  /** The number of observations indexed. */
  readonly n: number;
  /** The columns the observations are read from, for a column-backed series (tie-columns.ts). */
  readonly slice?: ColumnSlice;
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
  /** What the index was built from, to notice series replaced, grown or read as objects since. */
  readonly series: readonly TieSeries[];
  readonly observations: readonly (readonly Observation[] | ColumnSlice)[];
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

/** What the index reads a series from: its columns while it has any, else its objects. */
function sourceOf(series: TieSeries): readonly Observation[] | ColumnSlice {
  return columnSlice(series) ?? series.observations;
}

const lengthOf = (source: readonly Observation[] | ColumnSlice) =>
  'columns' in source ? source.n : source.length;

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
  // Per table of column dates, the day of each entry, computed once.
  const tableDays = new Map<readonly string[], Int32Array>();
  const daysOfTable = (dates: readonly string[]) => {
    let out = tableDays.get(dates);
    if (!out) {
      out = Int32Array.from(dates, day);
      tableDays.set(dates, out);
    }
    return out;
  };
  const sources = ties.map(sourceOf);
  // One column for all series: a typed array each would cost more than the days it holds.
  const starts = new Int32Array(sources.reduce((n, s) => n + lengthOf(s), 0));
  let next = 0;
  let k = 0;
  const indexed = (series: TieSeries): IndexedSeries => {
    const from = next;
    const source = sources[k++]!;
    const slice = 'columns' in source ? source : undefined;
    const n = lengthOf(source);
    next += n;
    const tableDay = slice && daysOfTable(slice.columns.dates);
    for (let i = 0; i < n; i++) {
      starts[from + i] = slice
        ? tableDay![slice.columns.at[slice.from + i]!]!
        : day((source as Observation[])[i]!.at);
      if (i > 0 && starts[from + i]! < starts[from + i - 1]!) return { series, from: -1, n };
    }
    return slice ? { series, from, n, slice } : { series, from, n };
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
    observations: sources,
    counts: Int32Array.from(sources, lengthOf),
    at(at) {
      const asOfDay = endOf(at);
      const asOf = dayNumber(asOfDay);
      return ({ series, from, n, slice }) => {
        if (from < 0) return observationAt(series, at);
        let lo = from;
        let hi = from + n;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (starts[mid]! <= asOf) lo = mid + 1;
          else hi = mid;
        }
        if (lo === from) return undefined;
        if (slice) {
          // The `until` of the run's last observation, read without building the others.
          const j = slice.from + lo - 1 - from;
          const until = slice.columns.until[j]!;
          if (until >= 0 && endOf(slice.columns.dates[until]!) < asOfDay) return undefined;
          return observationOfSlice(slice, lo - 1 - from);
        }
        const found = series.observations[lo - 1 - from];
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
    if (index.series[i] !== t) return false;
    const source = sourceOf(t);
    if (index.observations[i] !== source || index.counts[i] !== lengthOf(source)) return false;
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
