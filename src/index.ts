/**
 * counterbalance — represent, measure and simulate the international system of counterbalances.
 *
 * @example
 * import { loadWorld, snapshot } from 'counterbalance';
 * const snap = snapshot(loadWorld('eurasia'), '2021-12');
 */
export * from './domain/errors.js';
export * from './domain/schema.js';
export * from './domain/time.js';
export type * from './domain/world.js';
export { bundledWorldIds, resolveWorldRef } from './worlds/bundled.js';
export { EXPORT_FORMATS, exportSnapshot } from './worlds/export/index.js';
export { LOAD_DEFAULTS, type LoadOptions, loadWorld } from './worlds/load.js';
export {
  capabilitiesAt,
  observationAt,
  SNAPSHOT_DEFAULTS,
  type SnapshotOptions,
  snapshot,
} from './worlds/snapshot.js';
export { evidenceIndex, worldStats } from './worlds/stats.js';
export * from './bargaining/index.js';
