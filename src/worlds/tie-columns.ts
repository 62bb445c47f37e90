/**
 * Tie series backed by columns: a loaded built world keeps its observations in typed arrays and
 * gives each series an `observations` property that builds the objects on first read. The series
 * index reads values and start days straight from the columns, so a snapshot materialises only the
 * observation in force in each series, not the quarter of a million a world holds.
 *
 * A series stays column-backed until its `observations` are first read: from then on its objects
 * may be edited, so the index reads them, as for any world built in memory.
 */
import type { Observation, TieSeries } from '../domain/schema.js';
import type { World } from '../domain/world.js';

/** The observation columns of a whole world; dates and notes index their tables (-1: none). */
export interface TieColumns {
  readonly value: Float64Array;
  readonly at: Int32Array;
  readonly until: Int32Array;
  readonly note: Int32Array;
  readonly dates: readonly string[];
  readonly notes: readonly string[];
}

/**
 * One series' run of the columns, and its confidence and evidence (shared, or one per observation,
 * as the confidence is); `grades` likewise, when the file stored them: the set of grades of the
 * evidence cited (source-grade.ts `gradeSet`), valid only for the world bound to the columns.
 */
export interface ColumnSlice {
  readonly columns: TieColumns;
  readonly from: number;
  readonly n: number;
  readonly confidence: number | readonly number[];
  readonly evidence: readonly string[] | readonly (readonly string[])[];
  readonly grades?: number | readonly number[];
}

interface State {
  slice: ColumnSlice;
  objects?: Observation[];
}

const states = new WeakMap<TieSeries, State>();
/** How many times a column-backed series has been turned into objects (read or replaced). */
let turned = 0;

/**
 * A count that grows whenever some column-backed series stops being one: while it stands still,
 * every series that was column-backed still is, so a cache need not ask each of them again.
 *
 * @example
 * const before = objectReads(); world.ties[0]!.observations; objectReads() > before; // true
 */
export function objectReads(): number {
  return turned;
}

/**
 * One accessor shared by every column-backed series (its state found by `this`), so all of them
 * share one hidden class: with one per series (an accessor of its own each), every read of `a`,
 * `b` or `dimension` anywhere misses the engine's inline caches.
 */
const OBSERVATIONS: PropertyDescriptor = Object.freeze({
  enumerable: true,
  configurable: true,
  get(this: TieSeries) {
    const state = states.get(this)!;
    const { slice } = state;
    if (!state.objects) {
      turned++;
      state.objects = Array.from({ length: slice.n }, (_, i) => observationOfSlice(slice, i));
    }
    return state.objects;
  },
  set(this: TieSeries, value: Observation[]) {
    turned++;
    states.get(this)!.objects = value;
  },
});

/**
 * Observation `i` of a slice, as the object a JSON world would hold (same keys, same order).
 *
 * @example
 * observationOfSlice(columnSlice(series)!, 0).value;
 */
export function observationOfSlice(slice: ColumnSlice, i: number): Observation {
  const { columns: c, from, confidence, evidence } = slice;
  const j = from + i;
  const own = typeof confidence !== 'number';
  const o: Observation = {
    at: c.dates[c.at[j]!]!,
    value: c.value[j]!,
    confidence: own ? confidence[i]! : confidence,
    evidence: (own ? evidence[i] : evidence) as string[],
  };
  if (c.until[j]! >= 0) o.until = c.dates[c.until[j]!]!;
  if (c.note[j]! >= 0) o.note = c.notes[c.note[j]!]!;
  return o;
}

/**
 * A series whose observations live in `slice`; `rest` holds the fields after `observations`
 * (so keys keep the order a JSON world has).
 *
 * @example
 * const s = columnSeries({ a: 'A', b: 'B', dimension: 'military', directed: false }, slice, {});
 * s.observations.length; // built on this first read
 */
export function columnSeries(
  head: Pick<TieSeries, 'a' | 'b' | 'dimension' | 'directed'>,
  slice: ColumnSlice,
  rest: Pick<TieSeries, 'origin'>,
): TieSeries {
  // A literal, not a spread: a spread that has gone megamorphic makes a hidden class per object.
  const { a, b, dimension, directed } = head;
  const series = { a, b, dimension, directed } as TieSeries;
  Object.defineProperty(series, 'observations', OBSERVATIONS);
  Object.assign(series, rest);
  states.set(series, { slice });
  return series;
}

/**
 * The columns behind `series` while its observations have not been read as objects, else undefined.
 *
 * @example
 * columnSlice(world.ties[0]!)?.n;
 */
export function columnSlice(series: TieSeries): ColumnSlice | undefined {
  const s = states.get(series);
  return s && !s.objects ? s.slice : undefined;
}

/** Per world read from columns, the columns whose grade sets were computed from its evidence. */
const graded = new WeakMap<World, TieColumns>();

/**
 * Records that the grade sets of the slices over `columns` hold for `world` (its evidence and
 * sources): only then may a reader take them instead of looking the evidence up. A world made
 * from it (a spread copy, an overlay) is another object and looks its evidence up as any world.
 *
 * @example
 * bindGradeSets(world, columns);
 */
export function bindGradeSets(world: World, columns: TieColumns): void {
  graded.set(world, columns);
}

/**
 * The grade set of observation `i` of `slice` when it was stored and holds for `world`, else
 * undefined (the grades are then found from the world's evidence).
 *
 * @example
 * sliceGradeSet(columnSlice(world.ties[0]!)!, 0, world); // 2 (grade B) in global
 */
export function sliceGradeSet(slice: ColumnSlice, i: number, world: World): number | undefined {
  const { grades } = slice;
  if (grades === undefined || graded.get(world) !== slice.columns) return undefined;
  return typeof grades === 'number' ? grades : grades[i];
}
