/**
 * The observed history a backtest fits on and scores against: the world compiled at every year of
 * a window, and each year's composite and per-dimension tie values on one shared index of dyads.
 * The index holds the actors that take part in any of those years, in the world's order, so a
 * dyad is the same cell every year however actors come and go, and a model's pair (i < j) maps to
 * a panel pair (a < b).
 */
import { LAYERS } from '../../domain/layers.js';
import type { Layer, World } from '../../domain/world.js';
import { pairIndex } from '../model/mechanisms/types.js';
import { compileWorld, type WorldModel } from '../model/world-model.js';

/** One year of the panel. */
export interface PanelYear {
  year: number;
  model: WorldModel;
  /** Panel index of each model actor. */
  toPanel: Int32Array;
  /** Per layer (composite and every dimension), per packed panel pair: the value, NaN where none. */
  values: Record<Layer, Float64Array>;
}

export interface Panel {
  world: string;
  ids: string[];
  n: number;
  /** n(n − 1)/2. */
  pairs: number;
  years: Map<number, PanelYear>;
}

/**
 * Compiles `world` at every year from `from` to `to` (snapshot date "YYYY").
 *
 * @example
 * const panel = buildPanel(openWorld('global'), 1989, 2014);
 * panel.years.get(2000)!.values.composite; // NaN where a dyad has no tie in 2000
 */
export function buildPanel(world: World, from: number, to: number): Panel {
  const models = new Map<number, WorldModel>();
  for (let y = from; y <= to; y++) models.set(y, compileWorld(world, String(y)));
  const present = new Set([...models.values()].flatMap((m) => m.ids));
  const ids = world.actors.map((a) => a.id).filter((id) => present.has(id));
  const index = new Map(ids.map((id, a) => [id, a]));
  const n = ids.length;
  const pairs = (n * (n - 1)) / 2;
  const years = new Map<number, PanelYear>();
  for (const [year, model] of models) {
    const toPanel = Int32Array.from(model.ids, (id) => index.get(id)!);
    const values = {} as Record<Layer, Float64Array>;
    for (const layer of LAYERS) {
      const out = new Float64Array(pairs).fill(Number.NaN);
      const value = layer === 'composite' ? model.ties : model.layers[layer];
      const seen = layer === 'composite' ? model.observed : model.layerObserved[layer];
      const m = model.n;
      for (let i = 0; i < m; i++)
        for (let j = i + 1; j < m; j++)
          if (seen[i * m + j]) out[pairIndex(n, toPanel[i]!, toPanel[j]!)] = value[i * m + j]!;
      values[layer] = out;
    }
    years.set(year, { year, model, toPanel, values });
  }
  return { world: world.meta.id, ids, n, pairs, years };
}

/** The panel year, or a clear failure naming the window. */
export function panelYear(panel: Panel, year: number): PanelYear {
  const y = panel.years.get(year);
  if (!y) throw new RangeError(`year ${year} is outside the backtest panel`);
  return y;
}

/**
 * What the actors of `year`'s model remember of the year before: its ties and capabilities,
 * where the model's dyad and actor existed then, else the start's own (no news).
 */
export function previousState(panel: Panel, year: number): { W1: Float64Array; c1: Float64Array } {
  const now = panelYear(panel, year);
  const before = panel.years.get(year - 1);
  const { n, ties, capabilities } = now.model;
  const W1 = Float64Array.from(ties);
  const c1 = Float64Array.from(capabilities);
  if (!before) return { W1, c1 };
  const last = before.values.composite;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const x = i * n + j;
      if (!now.model.observed[x]) continue;
      const v = last[pairIndex(panel.n, now.toPanel[i]!, now.toPanel[j]!)]!;
      if (Number.isNaN(v)) continue;
      W1[x] = v;
      W1[j * n + i] = v;
    }
  }
  const capabilityBefore = new Map(before.model.ids.map((id, k) => [id, before.model.capabilities[k]!]));
  now.model.ids.forEach((id, i) => {
    const c = capabilityBefore.get(id);
    if (c !== undefined) c1[i] = c;
  });
  return { W1, c1 };
}
