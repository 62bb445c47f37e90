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
 * The groups of series that share a dyad and a dimension, in (a, b) then dimension order, as
 * columns: group `g` is dyad `dyad[g]` (its rank among all dyads in (a, b) order) of actors `ra[g]`,
 * `rb[g]` (ranks in `SeriesIndex.ids`) on dimension `DIMENSIONS[dimension[g]]`, and its series, in
 * world order, are `members[j]` for `start[g] ≤ j < start[g + 1]` (positions in
 * `SeriesIndex.series`). Columns, not an object per group: a built world's index is made as it
 * loads and lives as long as it does, and tens of thousands of small objects would cost every
 * garbage collection after.
 */
export interface SeriesGroups {
  readonly count: number;
  readonly dyad: Int32Array;
  readonly dimension: Uint8Array;
  readonly ra: Int32Array;
  readonly rb: Int32Array;
  /** `count + 1` offsets into `members`. */
  readonly start: Int32Array;
}

/** What a snapshot needs from a world's series, computed once. */
export interface SeriesIndex {
  readonly groups: SeriesGroups;
  /** Series positions, grouped (see `SeriesGroups`). */
  readonly members: Int32Array;
  /** The series indexed, in world order. */
  readonly series: readonly TieSeries[];
  /** Per series, its columns while it is column-backed (tie-columns.ts), else undefined. */
  readonly slices: readonly (ColumnSlice | undefined)[];
  /** Every actor id the series name, in order: a group's `ra`/`rb` index into it. */
  readonly ids: readonly string[];
  /**
   * For one date, the function giving the observation of series `i` (its position in `series`)
   * in force at the end of `at`, as `observationAt` does.
   */
  at(at: string): (i: number) => Observation | undefined;
  /**
   * For one date, the row of the columns holding the observation of a column-backed series in
   * force at the end of `at` (the one `at` would build), or -1: a snapshot reads the row's fields
   * without building the observation.
   */
  rowAt(at: string): (slice: ColumnSlice) => number;
}

interface Built extends SeriesIndex {
  /** What the index was built from, to notice series replaced, grown or read as objects since. */
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
 * The series grouped per dyad and dimension, groups in (a, b) then dimension order, series in
 * world order. Actor ids are ranked once, so a series' place is one number (dyad, then dimension,
 * then position in the world) and one numeric sort groups them all: no key string and no map per
 * dyad.
 */
function grouped(ties: readonly TieSeries[]): Pick<SeriesIndex, 'groups' | 'members' | 'ids'> {
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
    place[i] = (pair * k + DIMENSION_RANK.get(s.dimension)!) * n + i;
  }
  place.sort();
  // At most one group per series: sized so, then cut to the groups there are.
  const dyad = new Int32Array(n);
  const dimension = new Uint8Array(n);
  const ra = new Int32Array(n);
  const rb = new Int32Array(n);
  const start = new Int32Array(n + 1);
  const members = new Int32Array(n);
  let count = 0;
  let pair = -1;
  let dyads = 0;
  let group = -1;
  for (let j = 0; j < n; j++) {
    const i = place[j]! % n;
    const g = (place[j]! - i) / n;
    members[j] = i;
    if (g === group) continue;
    group = g;
    const d = g % k;
    const p = (g - d) / k;
    if (p !== pair) {
      pair = p;
      dyads++;
    }
    dyad[count] = dyads - 1;
    dimension[count] = d;
    ra[count] = Math.floor(p / ids.length);
    rb[count] = p % ids.length;
    start[count] = j;
    count++;
  }
  start[count] = n;
  const groups: SeriesGroups = {
    count,
    dyad: dyad.subarray(0, count),
    dimension: dimension.subarray(0, count),
    ra: ra.subarray(0, count),
    rb: rb.subarray(0, count),
    start: start.subarray(0, count + 1),
  };
  return { groups, members, ids };
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
  const slices = sources.map((s) => ('columns' in s ? s : undefined));
  const counts = Int32Array.from(sources, lengthOf);
  // Start days of the series read as objects, in one column: a typed array each would cost more
  // than the days it holds. Column-backed series are searched in their own columns (a built world
  // was validated, date order included, before it was written and stamped).
  const starts = new Int32Array(sources.reduce((n, s) => n + ('columns' in s ? 0 : s.length), 0));
  /** Per series read as objects, where its start days begin in `starts`; -1 when out of date order. */
  const from = new Int32Array(ties.length);
  let next = 0;
  for (const [i, source] of sources.entries()) {
    if ('columns' in source) continue;
    from[i] = next;
    for (let o = 0; o < source.length; o++) {
      starts[next + o] = day(source[o]!.at);
      if (o > 0 && starts[next + o]! < starts[next + o - 1]!) from[i] = -1;
    }
    next += source.length;
  }
  const series = [...ties];
  const { groups, members, ids } = grouped(series);
  return {
    groups,
    members,
    series,
    slices,
    ids,
    observations: sources,
    counts,
    reads,
    at(at) {
      const asOfDay = endOf(at);
      const asOf = dayNumber(asOfDay);
      return (i) => {
        const slice = slices[i];
        if (slice) {
          const row = rowInForce(slice, asOf, asOfDay);
          return row < 0 ? undefined : observationOfSlice(slice, row - slice.from);
        }
        const f = from[i]!;
        if (f < 0) return observationAt(series[i]!, at);
        let lo = f;
        let hi = f + counts[i]!;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (starts[mid]! <= asOf) lo = mid + 1;
          else hi = mid;
        }
        if (lo === f) return undefined;
        const found = series[i]!.observations[lo - 1 - f];
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
