/**
 * Snapshot(t): the signed weighted graph of a world at one date. A tie's value at t is its latest
 * valid observation — no averaging across time. The composite layer is a weighted mean over the
 * dimensions a dyad has at t (weights: options, then the world's meta, then equal).
 *
 * Missing dimensions (see docs/composite.md). A mean over "whichever dimensions are coded" moves when
 * coding starts, not when relations change: a dyad coded on diplomacy and arms since the 1970s and on
 * trade, energy and transport only from the month an article about them appeared would see its
 * composite pulled towards the late dimensions at that month although nothing changed. So a dyad
 * with at least one dimension in force at t fills each dimension whose coding starts after t, within
 * `missing.carryBackMonths`, with that dimension's first observation (its confidence discounted by
 * `missing.carriedConfidence`), and lists it in `carried`. A dimension with no value within the window,
 * or whose last observation has expired (`until`), is "no data": left out of the mean and listed in
 * `missing`, never read as neutral. The per-dimension layers hold observations only; only the
 * composite carries. A dyad with no dimension in force at t has no tie, as before.
 *
 * Curated against derived (src/domain/world-source.ts): a series with an `origin` is derived (from
 * event data, a dataset …). Per dyad and dimension a snapshot uses the curated value when the
 * curated series has one at t, otherwise the value of the first derived origin (in world order)
 * that has one, and says so in `origin`; every other origin's value at t is listed in
 * `alternatives`, so the two are never mixed silently. A composite whose dimensions come from
 * several origins names them all (`curated+events`).
 *
 * Source grades: an observation's confidence is multiplied by the factor of the best grade among the
 * evidence it cites (`grades`, source-grade.ts; A 1 … E 0.4, F 0.5), in every layer and so in the
 * composite, which averages the graded confidences.
 *
 * Actors outside their lifetime (`since`/`until`) are not in the snapshot, nor are ties that touch them,
 * so every analysis of a date sees only the actors that existed then.
 */
import { InvalidInputError } from '../domain/errors.js';
import { existsAt } from '../domain/lifetime.js';
import { DIMENSIONS, type Dimension, type Observation, type TieSeries } from '../domain/schema.js';
import { addMonths, endOf, startOf, yearOf } from '../domain/time.js';
import type {
  CapabilityAt,
  CarriedDimension,
  Layer,
  Snapshot,
  TieAlternative,
  TieAt,
  World,
} from '../domain/world.js';
import { CURATED_ORIGIN } from '../domain/world-source.js';
import { observationAt, type SeriesIndex, seriesIndex } from './series-index.js';
import { GRADE_FACTOR_DEFAULTS, type GradeFactors, gradeFactor, gradeSetFactors } from './source-grade.js';
import { sliceGradeSet } from './tie-columns.js';

/** How the composite treats a dimension a dyad is coded on but has no value for at the date. */
export interface MissingDimensionPolicy {
  /**
   * A dimension whose first observation of the dyad lies at most this many months after the date
   * enters the composite with that observation; 0 leaves every such dimension out as "no data".
   */
  carryBackMonths: number;
  /** Factor on the confidence of a carried value: it was observed later, not at the date. */
  carriedConfidence: number;
}

export interface SnapshotOptions {
  layer: Layer;
  /** Weight per dimension for the composite layer; missing dimensions weigh 1. */
  weights: Partial<Record<Dimension, number>>;
  missing: MissingDimensionPolicy;
  /** Factor on an observation's confidence per grade of its best evidence (source-grade.ts). */
  grades: GradeFactors;
}

export const SNAPSHOT_DEFAULTS: Readonly<SnapshotOptions> = Object.freeze({
  layer: 'composite',
  weights: Object.freeze({}),
  // Nothing is carried back unless the world (meta.compositeCarryBackMonths) or the caller asks:
  // carrying reads a later observation into the past, which a dataset world or a backtest must not.
  missing: Object.freeze({ carryBackMonths: 0, carriedConfidence: 0.5 }),
  grades: GRADE_FACTOR_DEFAULTS,
});

/** Options of `snapshot`: every field optional, the missing-dimension policy field by field. */
export type SnapshotParams = Partial<Omit<SnapshotOptions, 'missing'>> & {
  missing?: Partial<MissingDimensionPolicy>;
};

export { observationAt };

/** The first observation of a series when it starts after `at` but within `months` of it. */
function firstObservationWithin(series: TieSeries, at: string, months: number): Observation | undefined {
  const first = series.observations[0];
  if (!first || months <= 0) return undefined;
  const start = startOf(first.at);
  const asOf = endOf(at);
  return start > asOf && start <= endOf(addMonths(asOf.slice(0, 7), months)) ? first : undefined;
}

type PickObservation = (series: TieSeries, at: string) => Observation | undefined;

function folded(parts: TieAt[]): TieAt {
  return parts.length === 1 ? parts[0]! : combine(parts, undefined, parts[0]!.dimension);
}

/** What `layersAt` needs besides the world and the date. */
interface LayerOptions {
  grades: GradeFactors;
  weights: Readonly<Record<Dimension, number>>;
  missing: MissingDimensionPolicy;
  /** The actors in the system at t, when some of the world's are not. */
  present: ReadonlySet<string> | undefined;
  /** Whether to make the composite layer (a snapshot of one dimension needs none). */
  composite: boolean;
}

/** Per dimension its ties in dyad order, and the composite per dyad, in dyad order. */
interface Layers {
  byDimension: Record<Dimension, TieAt[]>;
  composite: TieAt[];
}

/**
 * Every layer at t in one walk over the index's groups, which come in dyad then dimension order:
 * a group's tie is the observation in force in each of its series (directed series folded into
 * the dyad by averaging both directions; derived origins ranked in world order, curated first), and
 * each dyad's composite is made from its dimensions' ties as soon as the walk leaves the dyad. A
 * dimension with no tie at t is carried back or listed as missing (see the header).
 */
function layersAt(world: World, index: SeriesIndex, at: string, opts: LayerOptions): Layers {
  const { groups, members, ids, series } = index;
  const find = index.at(at);
  const row = index.rowAt(at);
  // A built world stores each observation's grade set: one lookup instead of its evidence's grades.
  const bySet = gradeSetFactors(opts.grades);
  const { carryBackMonths, carriedConfidence } = opts.missing;
  const carriedFirst: PickObservation = (s) => firstObservationWithin(s, at, carryBackMonths);
  /** The tie of series `i` at t: a column-backed series is read from its row, no observation built. */
  const tieOf = (a: string, b: string, i: number, pick?: PickObservation): TieAt | undefined => {
    const s = series[i]!;
    const slice = index.slices[i];
    if (slice && !pick) {
      const j = row(slice);
      if (j < 0) return undefined;
      const k = j - slice.from;
      const own = typeof slice.confidence !== 'number';
      const confidence = own ? (slice.confidence as readonly number[])[k]! : (slice.confidence as number);
      const evidence = (own ? slice.evidence[k] : slice.evidence) as readonly string[];
      const set = sliceGradeSet(slice, k, world);
      return {
        a,
        b,
        dimension: s.dimension,
        value: slice.columns.value[j]!,
        confidence:
          confidence * (set === undefined ? gradeFactor(world, evidence, opts.grades) : bySet[set]!),
        observed: slice.columns.dates[slice.columns.at[j]!]!,
        evidence: evidence.slice(),
      };
    }
    const o = pick ? pick(s, at) : find(i);
    if (!o) return undefined;
    return {
      a,
      b,
      dimension: s.dimension,
      value: o.value,
      confidence: o.confidence * gradeFactor(world, o.evidence, opts.grades),
      observed: o.at,
      evidence: o.evidence.slice(),
    };
  };
  /** The tie of group `g` at t: the curated series' when they have one, else the first origin's. */
  const groupTie = (g: number, a: string, b: string, pick?: PickObservation): TieAt | undefined => {
    const first = groups.start[g]!;
    const last = groups.start[g + 1]!;
    if (last - first === 1) {
      const i = members[first]!;
      const tie = tieOf(a, b, i, pick);
      const origin = series[i]!.origin;
      if (tie && origin !== undefined && origin !== CURATED_ORIGIN) tie.origin = origin;
      return tie;
    }
    const byOrigin = new Map<string, TieAt[]>();
    for (let m = first; m < last; m++) {
      const i = members[m]!;
      const tie = tieOf(a, b, i, pick);
      if (!tie) continue;
      const origin = series[i]!.origin ?? CURATED_ORIGIN;
      const parts = byOrigin.get(origin);
      if (parts) parts.push(tie);
      else byOrigin.set(origin, [tie]);
    }
    if (byOrigin.size === 0) return undefined;
    const chosen = byOrigin.has(CURATED_ORIGIN) ? CURATED_ORIGIN : byOrigin.keys().next().value!;
    const tie = folded(byOrigin.get(chosen)!);
    if (chosen !== CURATED_ORIGIN) tie.origin = chosen;
    const alternatives: TieAlternative[] = [];
    for (const [origin, parts] of byOrigin) {
      if (origin === chosen) continue;
      const { value, confidence, observed, evidence } = folded(parts);
      alternatives.push({ origin, value, confidence, observed, evidence });
    }
    if (alternatives.length > 0) tie.alternatives = alternatives;
    return tie;
  };
  const byDimension = noTies();
  const composite: TieAt[] = [];
  const used = DIMENSIONS.map((d) => opts.composite && opts.weights[d] > 0);
  // The dyad the walk is in, its dimensions' ties at t, those carried back and those missing.
  let dyad = -1;
  let observed: TieAt[] = [];
  let carried: TieAt[] | undefined;
  let missing: Dimension[] | undefined;
  const leaveDyad = () => {
    if (observed.length > 0) composite.push(compositeOf(observed, carried, missing, opts.weights));
    observed = [];
    carried = undefined;
    missing = undefined;
  };
  // Presence by actor rank: one lookup per actor instead of two per group.
  const { present } = opts;
  const inSystem = present && Uint8Array.from(ids, (id) => (present.has(id) ? 1 : 0));
  for (let g = 0; g < groups.count; g++) {
    const ra = groups.ra[g]!;
    const rb = groups.rb[g]!;
    // A dyad with an actor not in the system at t has no tie: skipped before any is made.
    if (inSystem && !(inSystem[ra] && inSystem[rb])) continue;
    if (groups.dyad[g] !== dyad) {
      leaveDyad();
      dyad = groups.dyad[g]!;
    }
    const k = groups.dimension[g]!;
    const d = DIMENSIONS[k]!;
    const a = ids[ra]!;
    const b = ids[rb]!;
    const tie = groupTie(g, a, b);
    if (tie) {
      byDimension[d].push(tie);
      if (used[k]) observed.push(tie);
      continue;
    }
    if (!used[k]) continue;
    const late = carryBackMonths > 0 ? groupTie(g, a, b, carriedFirst) : undefined;
    if (late) {
      carried ??= [];
      carried.push({ ...late, confidence: late.confidence * carriedConfidence });
    } else {
      missing ??= [];
      missing.push(d);
    }
  }
  leaveDyad();
  return { byDimension, composite };
}

/** One dyad's composite tie from its dimensions' ties at t and those carried back. */
function compositeOf(
  observed: TieAt[],
  carried: TieAt[] | undefined,
  missing: Dimension[] | undefined,
  weights: Readonly<Record<Dimension, number>>,
): TieAt {
  const tie = combine(carried ? [...observed, ...carried] : observed, weights, 'composite', observed);
  if (carried)
    tie.carried = carried.map(
      ({ dimension, value, confidence, observed: at }): CarriedDimension => ({
        dimension: dimension as Dimension,
        value,
        confidence,
        observed: at,
      }),
    );
  if (missing) tie.missing = missing;
  return tie;
}

/** Most ties cite one or two pieces of evidence: a scan beats a set until the list grows. */
const UNIQUE_SCAN_LIMIT = 8;

/**
 * Weighted mean of `parts` (weight per dimension, 1 without `weights`); `observed` is the latest
 * date among `dated` (the parts seen by t); the evidence of all parts without repeats, in
 * first-seen order. Plain loops, no intermediate arrays: a snapshot of a large world combines
 * every dyad, mostly before the engine has optimised this code.
 */
function combine(
  parts: readonly TieAt[],
  weights: Readonly<Record<Dimension, number>> | undefined,
  layer: Layer,
  dated: readonly TieAt[] = parts,
): TieAt {
  let w = 0;
  let v = 0;
  let c = 0;
  const evidence: string[] = [];
  let seen: Set<string> | undefined;
  // Made only once a part is derived: until then every part seen was curated.
  let origins: string[] | undefined;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    const wi = weights ? weights[p.dimension as Dimension] : 1;
    w += wi;
    v += wi * p.value;
    c += wi * p.confidence;
    for (const x of p.evidence) {
      if (seen ? seen.has(x) : evidence.includes(x)) continue;
      evidence.push(x);
      if (seen) seen.add(x);
      else if (evidence.length > UNIQUE_SCAN_LIMIT) seen = new Set(evidence);
    }
    if (p.origin !== undefined && p.origin !== CURATED_ORIGIN) origins ??= k > 0 ? [CURATED_ORIGIN] : [];
    const origin = p.origin ?? CURATED_ORIGIN;
    if (origins && !origins.includes(origin)) origins.push(origin);
  }
  let observed = dated[0]!.observed;
  for (const p of dated) if (later(p.observed, observed)) observed = p.observed;
  const first = parts[0]!;
  const tie: TieAt = {
    a: first.a,
    b: first.b,
    dimension: layer,
    value: w > 0 ? v / w : 0,
    confidence: w > 0 ? c / w : 0,
    observed,
    evidence,
  };
  if (origins) tie.origin = origins.join('+');
  return tie;
}

/** Whether date x starts after date y; dates written alike (both years, …) compare as text. */
function later(x: string, y: string): boolean {
  return x.length === y.length ? x > y : startOf(x) > startOf(y);
}

function noTies(): Record<Dimension, TieAt[]> {
  return Object.fromEntries(DIMENSIONS.map((d) => [d, [] as TieAt[]])) as Record<Dimension, TieAt[]>;
}

/** Capabilities at t: per actor, the latest yearly record not after t's year (the first such). */
export function capabilitiesAt(world: World, at: string): Record<string, CapabilityAt> {
  const year = yearOf(at);
  // Choose first, copy after: a world holds a record per actor and year, a snapshot needs one each.
  const latest = new Map<string, World['capabilities'][number]>();
  for (const c of world.capabilities) {
    if (c.year > year) continue;
    const prev = latest.get(c.actor);
    if (!prev || prev.year < c.year) latest.set(c.actor, c);
  }
  const out: Record<string, CapabilityAt> = {};
  for (const [actor, c] of latest) {
    out[actor] = {
      actor: c.actor,
      year: c.year,
      ...(c.cinc !== undefined && { cinc: c.cinc }),
      ...(c.milex !== undefined && { milex: c.milex }),
      ...(c.milper !== undefined && { milper: c.milper }),
      ...(c.armsImports !== undefined && { armsImports: { ...c.armsImports } }),
      evidence: [...c.evidence],
    };
  }
  return out;
}

/**
 * The world at date `at` (YYYY, YYYY-MM or YYYY-MM-DD, read as "as of the end of").
 *
 * @example
 * const snap = snapshot(openWorld('eurasia'), '2021-12', { layer: 'military' });
 * snap.ties.find((t) => t.a === 'IND' && t.b === 'RUS')?.value;
 * // coding that starts after the date never enters the composite:
 * snapshot(world, '2014', { missing: { carryBackMonths: 0 } });
 */
export function snapshot(world: World, at: string, options: SnapshotParams = {}): Snapshot {
  const opts: SnapshotOptions = {
    ...SNAPSHOT_DEFAULTS,
    ...options,
    missing: {
      ...SNAPSHOT_DEFAULTS.missing,
      ...(world.meta.compositeCarryBackMonths !== undefined && {
        carryBackMonths: world.meta.compositeCarryBackMonths,
      }),
      ...options.missing,
    },
  };
  endOf(at);
  if (opts.layer !== 'composite' && !DIMENSIONS.includes(opts.layer)) {
    throw new InvalidInputError({
      field: 'dimension',
      message: `unknown dimension '${opts.layer}'`,
      hint: `use composite or one of ${DIMENSIONS.join(', ')}`,
    });
  }
  const { carryBackMonths, carriedConfidence } = opts.missing;
  if (!Number.isSafeInteger(carryBackMonths) || carryBackMonths < 0) {
    throw new InvalidInputError({
      field: 'missing.carryBackMonths',
      message: `carryBackMonths must be a whole number of months ≥ 0, got ${carryBackMonths}`,
      hint: 'use 0 to leave dimensions coded only after the date out of the composite',
    });
  }
  if (!(carriedConfidence >= 0 && carriedConfidence <= 1)) {
    throw new InvalidInputError({
      field: 'missing.carriedConfidence',
      message: `carriedConfidence must lie in [0, 1], got ${carriedConfidence}`,
      hint: 'it multiplies the confidence of a value carried back from a later observation',
    });
  }
  const weights = Object.fromEntries(
    DIMENSIONS.map((d) => [d, opts.weights[d] ?? world.meta.dimensionWeights?.[d] ?? 1]),
  ) as Record<Dimension, number>;
  const actors = world.actors.filter((a) => existsAt(a, at));
  const present = new Set(actors.map((a) => a.id));
  const layers = layersAt(world, seriesIndex(world.ties), at, {
    grades: opts.grades,
    weights,
    missing: opts.missing,
    present: present.size < world.actors.length ? present : undefined,
    composite: opts.layer === 'composite',
  });
  const capabilities = capabilitiesAt(world, at);
  for (const id of Object.keys(capabilities)) if (!present.has(id)) delete capabilities[id];
  return {
    world: world.meta.id,
    at,
    layer: opts.layer,
    actors,
    ties: opts.layer === 'composite' ? layers.composite : layers.byDimension[opts.layer],
    byDimension: layers.byDimension,
    capabilities,
  };
}
