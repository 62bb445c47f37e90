/**
 * Snapshot(t): the signed weighted graph of a world at one date. A tie's value at t is its latest
 * valid observation — no averaging across time. The composite layer is a weighted mean over the
 * dimensions a dyad has at t (weights: options, then the world's meta, then equal).
 *
 * Curated against derived: a series with an `origin` is derived (from event data, a dataset …).
 * Per dyad and dimension a snapshot uses the curated value when the curated series has one at t,
 * otherwise the value of the first derived origin (in world order) that has one; every other
 * origin's value at t is listed in `alternatives`, so the two are never mixed silently.
 *
 * Actors outside their lifetime (`since`/`until`) are not in the snapshot, nor are ties that touch them,
 * so every analysis of a date sees only the actors that existed then.
 */
import { InvalidInputError } from '../domain/errors.js';
import { existsAt } from '../domain/lifetime.js';
import { DIMENSIONS, type Dimension } from '../domain/schema.js';
import { endOf, startOf, yearOf } from '../domain/time.js';
import type { CapabilityAt, Layer, Snapshot, TieAlternative, TieAt, World } from '../domain/world.js';
import { observationAt, seriesIndex } from './series-index.js';

export interface SnapshotOptions {
  layer: Layer;
  /** Weight per dimension for the composite layer; missing dimensions weigh 1. */
  weights: Partial<Record<Dimension, number>>;
}

export const SNAPSHOT_DEFAULTS: Readonly<SnapshotOptions> = Object.freeze({
  layer: 'composite',
  weights: {},
});

export { observationAt };

function dyadKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

const CURATED = 'curated';

function folded(parts: TieAt[]): TieAt {
  return parts.length === 1
    ? parts[0]!
    : combine(
        parts,
        parts.map(() => 1),
        parts[0]!.dimension,
      );
}

/**
 * Per-dimension ties at t, in dyad order; directed series are folded into the dyad by averaging
 * both directions. The series index hands over each dyad's series in world order, which ranks
 * derived origins.
 */
function dimensionTies(world: World, at: string): Record<Dimension, TieAt[]> {
  const index = seriesIndex(world.ties);
  const find = index.at(at);
  const out = Object.fromEntries(DIMENSIONS.map((d) => [d, [] as TieAt[]])) as Record<Dimension, TieAt[]>;
  for (const d of DIMENSIONS) {
    for (const { a, b, series } of index.byDimension[d]) {
      let byOrigin: Map<string, TieAt[]> | undefined;
      for (const entry of series) {
        const s = entry.series;
        const o = find(entry);
        if (!o) continue;
        const tie: TieAt = {
          a,
          b,
          dimension: s.dimension,
          value: o.value,
          confidence: o.confidence,
          observed: o.at,
          evidence: o.evidence.slice(),
        };
        const origin = s.origin ?? CURATED;
        if (series.length === 1) {
          if (origin !== CURATED) tie.origin = origin;
          out[d].push(tie);
          break;
        }
        byOrigin ??= new Map<string, TieAt[]>();
        const parts = byOrigin.get(origin);
        if (parts) parts.push(tie);
        else byOrigin.set(origin, [tie]);
      }
      if (!byOrigin) continue;
      const chosen = byOrigin.has(CURATED) ? CURATED : byOrigin.keys().next().value!;
      const tie = folded(byOrigin.get(chosen)!);
      if (chosen !== CURATED) tie.origin = chosen;
      const alternatives: TieAlternative[] = [];
      for (const [origin, parts] of byOrigin) {
        if (origin === chosen) continue;
        const { value, confidence, observed, evidence } = folded(parts);
        alternatives.push({ origin, value, confidence, observed, evidence });
      }
      if (alternatives.length > 0) tie.alternatives = alternatives;
      out[d].push(tie);
    }
  }
  return out;
}

function byDyad(x: TieAt, y: TieAt): number {
  return x.a === y.a ? (x.b < y.b ? -1 : x.b > y.b ? 1 : 0) : x.a < y.a ? -1 : 1;
}

function combine(parts: TieAt[], weights: number[], layer: Layer): TieAt {
  let w = 0;
  let v = 0;
  let c = 0;
  let observed = parts[0]!.observed;
  const evidence = new Set<string>();
  parts.forEach((p, i) => {
    const wi = weights[i]!;
    w += wi;
    v += wi * p.value;
    c += wi * p.confidence;
    if (startOf(p.observed) > startOf(observed)) observed = p.observed;
    for (const e of p.evidence) evidence.add(e);
  });
  const first = parts[0]!;
  const origins = [...new Set(parts.map((p) => p.origin ?? CURATED))];
  return {
    a: first.a,
    b: first.b,
    dimension: layer,
    value: w > 0 ? v / w : 0,
    confidence: w > 0 ? c / w : 0,
    observed,
    evidence: [...evidence],
    ...(origins.some((o) => o !== CURATED) && { origin: origins.join('+') }),
  };
}

function compositeTies(byDim: Record<Dimension, TieAt[]>, weights: Record<Dimension, number>): TieAt[] {
  const groups = new Map<string, TieAt[]>();
  for (const d of DIMENSIONS) {
    if (weights[d] <= 0) continue;
    for (const t of byDim[d]) {
      const key = dyadKey(t.a, t.b);
      const parts = groups.get(key);
      if (parts) parts.push(t);
      else groups.set(key, [t]);
    }
  }
  return [...groups.values()]
    .map((parts) =>
      combine(
        parts,
        parts.map((p) => weights[p.dimension as Dimension]),
        'composite',
      ),
    )
    .sort(byDyad);
}

/** Capabilities at t: per actor, the latest yearly record not after t's year. */
export function capabilitiesAt(world: World, at: string): Record<string, CapabilityAt> {
  const year = yearOf(at);
  const out: Record<string, CapabilityAt> = {};
  for (const c of world.capabilities) {
    if (c.year > year) continue;
    const prev = out[c.actor];
    if (prev && prev.year >= c.year) continue;
    out[c.actor] = {
      actor: c.actor,
      year: c.year,
      ...(c.cinc !== undefined && { cinc: c.cinc }),
      ...(c.milex !== undefined && { milex: c.milex }),
      ...(c.milper !== undefined && { milper: c.milper }),
      evidence: [...c.evidence],
    };
  }
  return out;
}

/**
 * The world at date `at` (YYYY, YYYY-MM or YYYY-MM-DD, read as "as of the end of").
 *
 * @example
 * const snap = snapshot(loadWorld('eurasia'), '2021-12', { layer: 'military' });
 * snap.ties.find((t) => t.a === 'IND' && t.b === 'RUS')?.value;
 */
export function snapshot(world: World, at: string, options: Partial<SnapshotOptions> = {}): Snapshot {
  const opts = { ...SNAPSHOT_DEFAULTS, ...options };
  endOf(at);
  if (opts.layer !== 'composite' && !DIMENSIONS.includes(opts.layer)) {
    throw new InvalidInputError({
      field: 'dimension',
      message: `unknown dimension '${opts.layer}'`,
      hint: `use composite or one of ${DIMENSIONS.join(', ')}`,
    });
  }
  const weights = Object.fromEntries(
    DIMENSIONS.map((d) => [d, opts.weights[d] ?? world.meta.dimensionWeights?.[d] ?? 1]),
  ) as Record<Dimension, number>;
  const actors = world.actors.filter((a) => existsAt(a, at));
  const present = new Set(actors.map((a) => a.id));
  const byDimension = dimensionTies(world, at);
  if (present.size < world.actors.length) {
    for (const d of DIMENSIONS)
      byDimension[d] = byDimension[d].filter((t) => present.has(t.a) && present.has(t.b));
  }
  const capabilities = capabilitiesAt(world, at);
  for (const id of Object.keys(capabilities)) if (!present.has(id)) delete capabilities[id];
  return {
    world: world.meta.id,
    at,
    layer: opts.layer,
    actors,
    ties: opts.layer === 'composite' ? compositeTies(byDimension, weights) : byDimension[opts.layer],
    byDimension,
    capabilities,
  };
}
