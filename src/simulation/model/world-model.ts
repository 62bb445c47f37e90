/**
 * A world at one date as flat arrays for the engine: actor order, composite tie means and their
 * confidence, which dyads are observed, per-dimension layers (for per-dimension effects),
 * capabilities and proximity. Plain data: it crosses to worker threads by structured clone.
 * Every tie at the date enters the composite, whatever its dimension (snapshot weights).
 */

import type { Actor } from '../../domain/schema.js';
import { DIMENSIONS, type Dimension } from '../../domain/schema.js';
import type { CapabilityAt, World } from '../../domain/world.js';
import { snapshot } from '../../worlds/snapshot.js';
import { PROXIMITY_DEFAULTS, type ProximityOptions, proximityMatrix } from './proximity.js';

export interface WorldModelOptions {
  /** Capability (CINC share) of actors without a record: organisations, armed groups, gaps. */
  defaultCapability: number;
  proximity: ProximityOptions;
  /** Composite weights per dimension (default: the world's, then equal). */
  weights: Partial<Record<Dimension, number>>;
  /**
   * Keep actors that have no tie at all at the start date. Off by default: no mechanism acts on
   * an actor without relations except hedging's pull toward neutral actors, which for such actors
   * (mostly organisations with the default capability) is negligible, and leaving them out keeps
   * the O(n³) step small. Actors a scenario names are always kept.
   */
  includeIsolates: boolean;
  /** Actor ids kept even when isolated. */
  keep: readonly string[];
}

export const WORLD_MODEL_DEFAULTS: Readonly<WorldModelOptions> = Object.freeze({
  defaultCapability: 0.001,
  proximity: PROXIMITY_DEFAULTS,
  weights: {},
  includeIsolates: false,
  keep: [],
});

export interface WorldModel {
  world: string;
  at: string;
  /** Actors in the model, in the world's order. */
  ids: string[];
  /** The same actors' records (for snapshot views of simulated states). */
  actors: Actor[];
  /** World actors left out because they have no tie at `at`. */
  isolates: string[];
  n: number;
  /** Composite ties (n×n, symmetric). */
  ties: Float64Array;
  confidence: Float64Array;
  /** 1 where the world has a composite tie for the dyad at `at`. */
  observed: Uint8Array;
  /**
   * Per-dimension values (n×n each) and where they exist: the observations at `at`, plus the values
   * the composite carried back (`TieAt.carried`), so a dimension shock starts from what the
   * composite holds.
   */
  layers: Record<Dimension, Float64Array>;
  layerObserved: Record<Dimension, Uint8Array>;
  weights: Record<Dimension, number>;
  capabilities: Float64Array;
  /**
   * The actors' capability records at `at` (undefined without one). The engine moves only the CINC
   * share: measures that read the rest (military expenditure, arms imports) see the start date's.
   */
  records: (CapabilityAt | undefined)[];
  /** Actors whose capability is the default, not a record. */
  defaultedCapabilities: string[];
  prox: Float64Array;
}

/**
 * Compiles `world` as of `at` into arrays, actors in the world's order.
 *
 * @example
 * const m = compileWorld(openWorld('eurasia'), '2021-12');
 * m.ties[m.ids.indexOf('C') * m.n + m.ids.indexOf('D')]; // composite C–D
 */
export function compileWorld(world: World, at: string, options: Partial<WorldModelOptions> = {}): WorldModel {
  const opts = { ...WORLD_MODEL_DEFAULTS, ...options };
  const snap = snapshot(world, at, { layer: 'composite', weights: opts.weights });
  const tied = new Set([...opts.keep, ...snap.ties.flatMap((t) => [t.a, t.b])]);
  // Only actors that exist at `at` (the snapshot's, in the world's order) take part.
  const actors = snap.actors.filter((a) => opts.includeIsolates || tied.has(a.id));
  const ids = actors.map((a) => a.id);
  const isolates = snap.actors.filter((a) => !opts.includeIsolates && !tied.has(a.id)).map((a) => a.id);
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const ties = new Float64Array(n * n);
  const confidence = new Float64Array(n * n);
  const observed = new Uint8Array(n * n);
  const put = (a: string, b: string, write: (x: number) => void) => {
    const i = index.get(a)!;
    const j = index.get(b)!;
    write(i * n + j);
    write(j * n + i);
  };
  for (const t of snap.ties) {
    put(t.a, t.b, (x) => {
      ties[x] = t.value;
      confidence[x] = t.confidence;
      observed[x] = 1;
    });
  }
  const layers = {} as Record<Dimension, Float64Array>;
  const layerObserved = {} as Record<Dimension, Uint8Array>;
  for (const d of DIMENSIONS) {
    layers[d] = new Float64Array(n * n);
    layerObserved[d] = new Uint8Array(n * n);
    for (const t of snap.byDimension[d]) {
      put(t.a, t.b, (x) => {
        layers[d][x] = t.value;
        layerObserved[d][x] = 1;
      });
    }
  }
  for (const t of snap.ties) {
    for (const c of t.carried ?? []) {
      put(t.a, t.b, (x) => {
        layers[c.dimension][x] = c.value;
        layerObserved[c.dimension][x] = 1;
      });
    }
  }
  const weights = Object.fromEntries(
    DIMENSIONS.map((d) => [d, opts.weights[d] ?? world.meta.dimensionWeights?.[d] ?? 1]),
  ) as Record<Dimension, number>;
  const capabilities = new Float64Array(n);
  const defaultedCapabilities: string[] = [];
  ids.forEach((id, i) => {
    const cinc = snap.capabilities[id]?.cinc;
    if (cinc !== undefined && cinc > 0) capabilities[i] = cinc;
    else {
      capabilities[i] = opts.defaultCapability;
      defaultedCapabilities.push(id);
    }
  });
  const prox = proximityMatrix(
    actors.map((a) => a.capital),
    opts.proximity,
  );
  return {
    world: world.meta.id,
    at,
    ids,
    actors,
    isolates,
    n,
    ties,
    confidence,
    observed,
    layers,
    layerObserved,
    weights,
    capabilities,
    records: ids.map((id) => snap.capabilities[id]),
    defaultedCapabilities,
    prox,
  };
}

/**
 * The composite value of dyad x after one of its layers takes `value`: the weighted mean over the
 * layers the dyad has (plus this one). Used to turn dimension shocks into composite shocks.
 */
export function compositeWithLayer(m: WorldModel, x: number, dimension: Dimension, value: number): number {
  let num = 0;
  let den = 0;
  for (const d of DIMENSIONS) {
    const w = m.weights[d];
    if (w <= 0) continue;
    if (d === dimension) {
      num += w * value;
      den += w;
    } else if (m.layerObserved[d][x]) {
      num += w * m.layers[d][x]!;
      den += w;
    }
  }
  return den > 0 ? num / den : 0;
}
