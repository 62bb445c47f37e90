/** Hand-made composite snapshots for the stability measures' tests. */
import { DIMENSIONS } from '../../src/domain/schema.js';
import type { Snapshot, TieAt } from '../../src/domain/world.js';

/** A composite tie observed in 2021 with the given value and confidence. */
export const compositeTie = (a: string, b: string, value: number, confidence: number): TieAt => ({
  a,
  b,
  dimension: 'composite',
  value,
  confidence,
  observed: '2021',
  evidence: ['e'],
});

/**
 * A composite snapshot at 2021-12 of the given states and ties, with no per-dimension layers.
 *
 * @example
 * compositeSnapshot(['A', 'B'], [compositeTie('A', 'B', 0.5, 0.8)]).ties.length; // 1
 */
export const compositeSnapshot = (ids: readonly string[], ties: TieAt[]): Snapshot => ({
  world: 'w',
  at: '2021-12',
  layer: 'composite',
  actors: ids.map((id) => ({ id, kind: 'state', name: id, aliases: [], evidence: ['e'] })),
  ties,
  byDimension: Object.fromEntries(DIMENSIONS.map((d) => [d, []])) as unknown as Snapshot['byDimension'],
  capabilities: {},
});
