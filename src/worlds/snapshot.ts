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
import { type IndexedSeries, observationAt, type SeriesIndex, seriesIndex } from './series-index.js';
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

/** Per dimension, ties in dyad order, and beside them the dyad rank of each (see SeriesIndex). */
interface DimensionTies {
  ties: Record<Dimension, TieAt[]>;
  dyads: Record<Dimension, number[]>;
}

/**
 * Per-dimension ties at t (from the observation `pick` chooses in each series, by default the one in
 * force), in dyad order; directed series are folded into the dyad by averaging
 * both directions. The series index hands over each dyad's series in world order, which ranks
 * derived origins.
 */
function dimensionTies(
  world: World,
  index: SeriesIndex,
  at: string,
  grades: GradeFactors,
  present: ReadonlySet<string> | undefined,
  pick?: PickObservation,
): DimensionTies {
  const find = index.at(at);
  const row = index.rowAt(at);
  // A built world stores each observation's grade set: one lookup instead of its evidence's grades.
  const bySet = gradeSetFactors(grades);
  /** The tie of one series at t: a column-backed series is read from its row, no observation built. */
  const tieOf = (a: string, b: string, entry: IndexedSeries): TieAt | undefined => {
    const { series: s, slice } = entry;
    if (slice && !pick) {
      const j = row(slice);
      if (j < 0) return undefined;
      const i = j - slice.from;
      const own = typeof slice.confidence !== 'number';
      const confidence = own ? (slice.confidence as readonly number[])[i]! : (slice.confidence as number);
      const evidence = (own ? slice.evidence[i] : slice.evidence) as readonly string[];
      const set = sliceGradeSet(slice, i, world);
      return {
        a,
        b,
        dimension: s.dimension,
        value: slice.columns.value[j]!,
        confidence: confidence * (set === undefined ? gradeFactor(world, evidence, grades) : bySet[set]!),
        observed: slice.columns.dates[slice.columns.at[j]!]!,
        evidence: evidence.slice(),
      };
    }
    const o = pick ? pick(s, at) : find(entry);
    if (!o) return undefined;
    return {
      a,
      b,
      dimension: s.dimension,
      value: o.value,
      confidence: o.confidence * gradeFactor(world, o.evidence, grades),
      observed: o.at,
      evidence: o.evidence.slice(),
    };
  };
  const out = noTies();
  const dyads = noDyads();
  // Presence by actor rank: one lookup per actor instead of two per dyad and dimension.
  const inSystem = present && Uint8Array.from(index.ids, (id) => (present.has(id) ? 1 : 0));
  for (const d of DIMENSIONS) {
    for (const { a, b, dyad, ra, rb, series } of index.byDimension[d]) {
      // A dyad with an actor not in the system at t has no tie: skipped before any is made.
      if (inSystem && !(inSystem[ra] && inSystem[rb])) continue;
      let byOrigin: Map<string, TieAt[]> | undefined;
      for (const entry of series) {
        const s = entry.series;
        const tie = tieOf(a, b, entry);
        if (!tie) continue;
        const origin = s.origin ?? CURATED_ORIGIN;
        if (series.length === 1) {
          if (origin !== CURATED_ORIGIN) tie.origin = origin;
          out[d].push(tie);
          dyads[d].push(dyad);
          break;
        }
        byOrigin ??= new Map<string, TieAt[]>();
        const parts = byOrigin.get(origin);
        if (parts) parts.push(tie);
        else byOrigin.set(origin, [tie]);
      }
      if (!byOrigin) continue;
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
      out[d].push(tie);
      dyads[d].push(dyad);
    }
  }
  return { ties: out, dyads };
}

/** Appends the items of `from` not yet in `out`, keeping first-seen order, as a Set would. */
function addUnique(out: string[], from: readonly string[], seen: { set?: Set<string> }): void {
  for (const x of from) {
    if (seen.set) {
      if (seen.set.has(x)) continue;
      seen.set.add(x);
    } else if (out.includes(x)) continue;
    out.push(x);
    // Most ties cite one or two pieces of evidence: a scan beats a set until the list grows.
    if (!seen.set && out.length > UNIQUE_SCAN_LIMIT) seen.set = new Set(out);
  }
}
const UNIQUE_SCAN_LIMIT = 8;

/**
 * Weighted mean of `parts` (weight per dimension, 1 without `weights`); `observed` is the latest
 * date among `dated` (the parts seen by t). Plain loops, no intermediate arrays: a snapshot of a
 * large world combines every dyad, mostly before the engine has optimised this code.
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
  const seen: { set?: Set<string> } = {};
  const origins: string[] = [];
  let derived = false;
  for (const p of parts) {
    const wi = weights ? weights[p.dimension as Dimension] : 1;
    w += wi;
    v += wi * p.value;
    c += wi * p.confidence;
    addUnique(evidence, p.evidence, seen);
    const origin = p.origin ?? CURATED_ORIGIN;
    if (!origins.includes(origin)) origins.push(origin);
    if (origin !== CURATED_ORIGIN) derived = true;
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
  if (derived) tie.origin = origins.join('+');
  return tie;
}

/** Whether date x starts after date y; dates written alike (both years, …) compare as text. */
function later(x: string, y: string): boolean {
  return x.length === y.length ? x > y : startOf(x) > startOf(y);
}

function noTies(): Record<Dimension, TieAt[]> {
  return Object.fromEntries(DIMENSIONS.map((d) => [d, [] as TieAt[]])) as Record<Dimension, TieAt[]>;
}

function noDyads(): Record<Dimension, number[]> {
  return Object.fromEntries(DIMENSIONS.map((d) => [d, [] as number[]])) as Record<Dimension, number[]>;
}

/**
 * The composite per dyad, in dyad order: each dimension's ties are already in dyad order (their
 * rank in the series index, which is their (a, b) order), so one merge of the dimensions' lists
 * visits each dyad once with its parts in dimension order.
 */
function compositeTies(
  byDim: DimensionTies,
  later: DimensionTies,
  index: SeriesIndex,
  weights: Record<Dimension, number>,
  policy: MissingDimensionPolicy,
): TieAt[] {
  const k = DIMENSIONS.length;
  const used = DIMENSIONS.map((d) => weights[d] > 0);
  const ties = DIMENSIONS.map((d, i) => (used[i] ? byDim.ties[d] : []));
  const dyads = DIMENSIONS.map((d, i) => (used[i] ? byDim.dyads[d] : []));
  const next = new Int32Array(k);
  const nextLater = new Int32Array(k);
  const out: TieAt[] = [];
  for (;;) {
    let dyad = Number.POSITIVE_INFINITY;
    for (let i = 0; i < k; i++) if (next[i]! < dyads[i]!.length) dyad = Math.min(dyad, dyads[i]![next[i]!]!);
    if (dyad === Number.POSITIVE_INFINITY) break;
    const observed: TieAt[] = [];
    let have = 0;
    for (let i = 0; i < k; i++) {
      if (next[i]! < dyads[i]!.length && dyads[i]![next[i]!] === dyad) {
        observed.push(ties[i]![next[i]!]!);
        next[i]!++;
        have |= 1 << i;
      }
    }
    const carried: TieAt[] = [];
    const missing: Dimension[] = [];
    const coded = index.coded[dyad]!;
    for (let i = 0; i < k; i++) {
      const bit = 1 << i;
      if (!used[i] || have & bit || !(coded & bit)) continue;
      const d = DIMENSIONS[i]!;
      const laterDyads = later.dyads[d];
      while (nextLater[i]! < laterDyads.length && laterDyads[nextLater[i]!]! < dyad) nextLater[i]!++;
      const t = laterDyads[nextLater[i]!] === dyad ? later.ties[d][nextLater[i]!] : undefined;
      if (t) carried.push({ ...t, confidence: t.confidence * policy.carriedConfidence });
      else missing.push(d);
    }
    const parts = carried.length > 0 ? [...observed, ...carried] : observed;
    const tie = combine(parts, weights, 'composite', observed);
    if (carried.length > 0)
      tie.carried = carried.map(
        ({ dimension, value, confidence, observed: at }): CarriedDimension => ({
          dimension: dimension as Dimension,
          value,
          confidence,
          observed: at,
        }),
      );
    if (missing.length > 0) tie.missing = missing;
    out.push(tie);
  }
  return out;
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
  const index = seriesIndex(world.ties);
  const only = present.size < world.actors.length ? present : undefined;
  const byDimension = dimensionTies(world, index, at, opts.grades, only);
  const capabilities = capabilitiesAt(world, at);
  for (const id of Object.keys(capabilities)) if (!present.has(id)) delete capabilities[id];
  return {
    world: world.meta.id,
    at,
    layer: opts.layer,
    actors,
    ties:
      opts.layer === 'composite'
        ? compositeTies(
            byDimension,
            carryBackMonths > 0
              ? dimensionTies(world, index, at, opts.grades, only, (s) =>
                  firstObservationWithin(s, at, carryBackMonths),
                )
              : { ties: noTies(), dyads: noDyads() },
            index,
            weights,
            opts.missing,
          )
        : byDimension.ties[opts.layer],
    byDimension: byDimension.ties,
    capabilities,
  };
}
