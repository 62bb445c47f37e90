/**
 * The one way in to a world: its curated files (load.ts) composed with derived sources
 * (overlay.ts), so the api, the cli, scenarios, bargaining and the tour all see the same facts
 * the same way. The policy for derived against curated values is in src/domain/world-source.ts.
 */
import type { World } from '../domain/world.js';
import type { WorldSource } from '../domain/world-source.js';
import { LOAD_DEFAULTS, type LoadOptions, loadWorld } from './load.js';
import { composeWorld, worldSource } from './overlay.js';

export interface OpenOptions extends LoadOptions {
  /** Derived sources laid over the curated world, in order (an event store, a dataset …). */
  sources: readonly WorldSource[];
}

export const OPEN_DEFAULTS: Readonly<OpenOptions> = Object.freeze({ ...LOAD_DEFAULTS, sources: [] });

const BUNDLED_ID = /^[a-z][a-z0-9-]*$/;

/**
 * Opens a world by bundled id or path, with `sources` beside its curated facts. `eurasia+global`
 * names bundled worlds to lay over the first (each a source: see `worldSource`); `sources` come
 * after them. Throws `WorldValidationError` when the files or a source's facts do not check.
 *
 * @example
 * openWorld('eurasia').actors.length; // ≥ 25
 * openWorld('eurasia+global').meta.id; // 'eurasia+global'
 * openWorld('eurasia', { sources: [await openEventSource(store, { actors })] }).meta.id; // 'eurasia+events'
 */
export function openWorld(ref: string, options: Partial<OpenOptions> = {}): World {
  const { sources, ...load } = { ...OPEN_DEFAULTS, ...options };
  const layers = ref.split('+');
  const named = layers.length > 1 && layers.every((l) => BUNDLED_ID.test(l));
  const base = loadWorld(named ? layers[0]! : ref, load);
  const over = named ? layers.slice(1).map((id) => worldSource(loadWorld(id, load))) : [];
  const all = [...over, ...sources];
  return all.length === 0 ? base : composeWorld(base, all);
}
