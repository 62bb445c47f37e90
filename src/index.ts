/**
 * counterbalance — represent, measure and simulate the international system of counterbalances.
 *
 * @example
 * import { openWorld, snapshot } from 'counterbalance';
 * const snap = snapshot(openWorld('eurasia'), '2021-12');
 */

export { algebraicConflict } from './analysis/balance/algebraic-conflict.js';
export { frustrationIndex } from './analysis/balance/frustration-exact.js';
export { isBalanced } from './analysis/balance/is-balanced.js';
export { balanceReport } from './analysis/balance/report.js';
export { triangleCensus, triangleIndex } from './analysis/balance/triangle-census.js';
export { walkBalance } from './analysis/balance/walk-balance.js';
export { alignment, alignmentInSnapshot } from './analysis/balancing/alignment.js';
export { balancers } from './analysis/balancing/balancers.js';
export { parseEdgeListCsv } from './analysis/edge-list-csv.js';
export { graphFromSnapshot, tieValue } from './analysis/from-snapshot.js';
export { powerReport } from './analysis/power/report.js';
export { seriesOf } from './analysis/series/series-of.js';
export { indexGraph, type SignedGraph } from './analysis/signed-graph.js';
export {
  classifyTriangle,
  strategicTriangles,
  triangleInSnapshot,
} from './analysis/triangles/strategic-triangle.js';
export * from './bargaining/index.js';
export * from './domain/errors.js';
export type { EventRecord } from './domain/event-record.js';
export * from './domain/schema.js';
export * from './domain/time.js';
export type * from './domain/world.js';
export type * from './domain/world-source.js';
export { openDuckDbStore } from './evidence/store/duckdb-store.js';
export type { EventStore } from './evidence/store/event-store.js';
export { eventsOfWorld } from './evidence/store/world-events.js';
export * from './simulation/index.js';
export { bundledWorldIds, resolveWorldRef } from './worlds/bundled.js';
export { EXPORT_FORMATS, exportSnapshot } from './worlds/export/index.js';
export { LOAD_DEFAULTS, type LoadOptions } from './worlds/load.js';
export { OPEN_DEFAULTS, type OpenOptions, openWorld } from './worlds/open-world.js';
export { composeWorld, worldSource } from './worlds/overlay.js';
export {
  capabilitiesAt,
  observationAt,
  SNAPSHOT_DEFAULTS,
  type SnapshotOptions,
  snapshot,
} from './worlds/snapshot.js';
export { evidenceIndex, worldStats } from './worlds/stats.js';
