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
import { type ColumnSlice, columnSlice, objectReads, observationOfSlice } from './tie-columns.js';

/**
 * A series and where the start days of its observations lie: in the index's one column of start
 * days, or for a column-backed series in its own columns (`slice`); `from` is -1 when they are
 * not in date order.
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
  /** The dyad's rank among all dyads of the world in (a, b) order, the same on every dimension. */
  readonly dyad: number;
  /** The ranks of `a` and `b` in `SeriesIndex.ids`. */
  readonly ra: number;
  readonly rb: number;
  readonly series: readonly IndexedSeries[];
}

/** What a snapshot needs from a world's series, computed once. */
export interface SeriesIndex {
  /** Per dimension, its dyads sorted by (a, b). */
  readonly byDimension: Readonly<Record<Dimension, readonly DyadSeries[]>>;
  /** The number of dyads (ranks run from 0 below it). */
  readonly dyads: number;
  /** Every actor id the series name, in order: a dyad's `ra`/`rb` index into it. */
  readonly ids: readonly string[];
  /** Per dyad rank, the dimensions the world codes it on at any date, as bits (see `dimensionBit`). */
  readonly coded: Uint8Array;
  /**
   * For one date, the function giving the observation of an indexed series in force at the end
   * of `at`, as `observationAt` does.
   */
  at(at: string): (entry: IndexedSeries) => Observation | undefined;
  /**
   * For one date, the row of the columns holding the observation of a column-backed series in
   * force at the end of `at` (the one `at` would build), or -1: a snapshot reads the row's fields
   * without building the observation.
   */
  rowAt(at: string): (slice: ColumnSlice) => number;
}

/** The bit of dimension `d` in `SeriesIndex.coded`. */
export function dimensionBit(d: Dimension): number {
  return 1 << DIMENSIONS.indexOf(d);
}

interface Built extends SeriesIndex {
  /** What the index was built from, to notice series replaced, grown or read as objects since. */
  readonly series: readonly TieSeries[];
  readonly observations: readonly (readonly Observation[] | ColumnSlice)[];
  readonly counts: Int32Array;
  /** `objectReads()` when the index was built. */
  readonly reads: number;
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

/** Per table of column dates, the start day of each entry. */
const tableDays = new WeakMap<readonly string[], Int32Array>();

function daysOf(dates: readonly string[]): Int32Array {
  let out = tableDays.get(dates);
  if (!out) {
    out = Int32Array.from(dates, (d) => dayNumber(startOf(d)));
    tableDays.set(dates, out);
  }
  return out;
}

const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Dimension → its position in DIMENSIONS, looked up once per series when the index is built. */
const DIMENSION_RANK: ReadonlyMap<Dimension, number> = new Map(DIMENSIONS.map((d, i) => [d, i]));

/**
 * Per dimension, its dyads in (a, b) order, each with its series in world order, and per dyad the
 * dimensions coded. Actor ids are ranked once, so a series' place is one number (dyad, then
 * dimension, then position in the world) and one numeric sort groups them all: no key string
 * and no map per dyad.
 */
function grouped(
  ties: readonly TieSeries[],
  indexed: (i: number) => IndexedSeries,
): { byDimension: Record<Dimension, DyadSeries[]>; coded: Uint8Array; ids: string[] } {
  const rank = new Map<string, number>();
  for (const s of ties) {
    rank.set(s.a, 0);
    rank.set(s.b, 0);
  }
  const ids = [...rank.keys()].sort(order);
  for (const [r, id] of ids.entries()) rank.set(id, r);
  const n = ties.length;
  const k = DIMENSIONS.length;
  const place = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = ties[i]!;
    const ra = rank.get(s.a)!;
    const rb = rank.get(s.b)!;
    const pair = ra < rb ? ra * ids.length + rb : rb * ids.length + ra;
    place[i] = (pair * k + (DIMENSION_RANK.get(s.dimension) ?? -1)) * n + i;
  }
  place.sort();
  const byDimension = Object.fromEntries(DIMENSIONS.map((d) => [d, [] as DyadSeries[]])) as Record<
    Dimension,
    DyadSeries[]
  >;
  const coded: number[] = [];
  let pair = -1;
  let group = -1;
  let series: IndexedSeries[] = [];
  for (let j = 0; j < n; j++) {
    const i = place[j]! % n;
    const g = (place[j]! - i) / n;
    if (g !== group) {
      group = g;
      const d = g % k;
      const p = (g - d) / k;
      if (p !== pair) {
        pair = p;
        coded.push(0);
      }
      const dyad = coded.length - 1;
      coded[dyad] = coded[dyad]! | (1 << d);
      series = [];
      const ra = Math.floor(p / ids.length);
      const rb = p % ids.length;
      byDimension[DIMENSIONS[d]!].push({ a: ids[ra]!, b: ids[rb]!, dyad, ra, rb, series });
    }
    series.push(indexed(i));
  }
  return { byDimension, coded: Uint8Array.from(coded), ids };
}

function build(ties: readonly TieSeries[]): Built {
  const reads = objectReads();
  const days = new Map<string, number>();
  const day = (date: string) => {
    let n = days.get(date);
    if (n === undefined) {
      n = dayNumber(startOf(date));
      days.set(date, n);
    }
    return n;
  };
  const sources = ties.map(sourceOf);
  // Start days of the series read as objects, in one column: a typed array each would cost more
  // than the days it holds. Column-backed series are searched in their own columns.
  const starts = new Int32Array(sources.reduce((n, s) => n + ('columns' in s ? 0 : s.length), 0));
  let next = 0;
  const indexed = (i: number): IndexedSeries => {
    const series = ties[i]!;
    const source = sources[i]!;
    // A built world was validated, date order included, before it was written and stamped.
    if ('columns' in source) return { series, from: source.from, n: source.n, slice: source };
    const from = next;
    const n = source.length;
    next += n;
    for (let o = 0; o < n; o++) {
      starts[from + o] = day(source[o]!.at);
      if (o > 0 && starts[from + o]! < starts[from + o - 1]!) return { series, from: -1, n };
    }
    return { series, from, n };
  };
  const { byDimension, coded, ids } = grouped(ties, indexed);
  return {
    byDimension,
    dyads: coded.length,
    ids,
    coded,
    series: [...ties],
    observations: sources,
    counts: Int32Array.from(sources, lengthOf),
    reads,
    at(at) {
      const asOfDay = endOf(at);
      const asOf = dayNumber(asOfDay);
      return ({ series, from, n, slice }) => {
        if (from < 0) return observationAt(series, at);
        if (slice) {
          const row = rowInForce(slice, asOf, asOfDay);
          return row < 0 ? undefined : observationOfSlice(slice, row - slice.from);
        }
        let lo = from;
        let hi = from + n;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (starts[mid]! <= asOf) lo = mid + 1;
          else hi = mid;
        }
        if (lo === from) return undefined;
        const found = series.observations[lo - 1 - from];
        if (found?.until && endOf(found.until) < asOfDay) return undefined;
        return found;
      };
    },
    rowAt(at) {
      const asOfDay = endOf(at);
      const asOf = dayNumber(asOfDay);
      return (slice) => rowInForce(slice, asOf, asOfDay);
    },
  };
}

/** The row of the columns holding the observation of a slice in force at day `asOf`, or -1. */
function rowInForce(slice: ColumnSlice, asOf: number, asOfDay: string): number {
  const { at, until, dates } = slice.columns;
  const day = daysOf(dates);
  let lo = slice.from;
  let hi = slice.from + slice.n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (day[at[mid]!]! <= asOf) lo = mid + 1;
    else hi = mid;
  }
  if (lo === slice.from) return -1;
  const u = until[lo - 1]!;
  return u >= 0 && endOf(dates[u]!) < asOfDay ? -1 : lo - 1;
}

function unchanged(index: Built, ties: readonly TieSeries[]): boolean {
  if (index.series.length !== ties.length) return false;
  // No series left its columns since the build: each keeps the kind of source it had then.
  const same = index.reads === objectReads();
  for (let i = 0; i < ties.length; i++) {
    const t = ties[i]!;
    if (index.series[i] !== t) return false;
    const was = index.observations[i]!;
    const source = same ? ('columns' in was ? was : t.observations) : sourceOf(t);
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
