/**
 * Any measure over time: the measure is taken on the world's snapshot at every date from `from` to
 * `to` (inclusive), `every` months apart. Snapshots follow the world's own rule — a tie's value at
 * t is its latest valid observation — so the series never averages across windows.
 */
import { monthRange } from '../../domain/time.js';
import type { Snapshot, World } from '../../domain/world.js';
import { type SnapshotOptions, snapshot } from '../../worlds/snapshot.js';

export interface SeriesOptions {
  from: string;
  to: string;
  /** Months between dates. */
  every: number;
  snapshot: Partial<SnapshotOptions>;
  /**
   * Where the snapshot at a date comes from; default: computed from the world with `snapshot`.
   * A server passes its cache here so a series reuses the snapshots other requests made.
   */
  snapshotAt?: (at: string) => Snapshot;
}

export const SERIES_DEFAULTS: Readonly<Omit<SeriesOptions, 'from' | 'to' | 'snapshotAt'>> = Object.freeze({
  every: 12,
  snapshot: Object.freeze({}),
});

export interface SeriesPoint<T> {
  at: string;
  value: T;
}

/**
 * Evaluates `measure` on the world at each date of the range.
 *
 * @example
 * await seriesOf(world, (s) => s.ties.length, { from: '2014', to: '2021-12', every: 12 });
 * // [{ at: '2014-01', value: … }, { at: '2015-01', value: … }, …]
 * await seriesOf(world, (s) => s.ties.length, { from: '2014', to: '2021-12', snapshotAt: (at) => cache.get(at) });
 */
export async function seriesOf<T>(
  world: World,
  measure: (s: Snapshot) => T | Promise<T>,
  options: Pick<SeriesOptions, 'from' | 'to'> & Partial<SeriesOptions>,
): Promise<SeriesPoint<T>[]> {
  const opts = { ...SERIES_DEFAULTS, ...options };
  const snapshotAt = opts.snapshotAt ?? ((at: string) => snapshot(world, at, opts.snapshot));
  const out: SeriesPoint<T>[] = [];
  for (const at of monthRange(opts.from, opts.to, opts.every)) {
    out.push({ at, value: await measure(snapshotAt(at)) });
  }
  return out;
}
