/**
 * One reading of a claim's test on the snapshots a world gives at the claim's dates: the measure it
 * names (tilt, Waltz 1979 ch. 6 as in balancing/tilt.ts; strategic triangle, Dittmer 1981; a tie's
 * sign; a tie's trend) and whether the value agrees with what the claim expects. Ties the snapshot
 * does not have are no data, never neutral. Actor ids come only from the test.
 */
import type { ClaimTest } from '../../domain/schema.js';
import type { Layer, Snapshot } from '../../domain/world.js';
import { tiltBetween } from '../balancing/tilt.js';
import { observedTie } from '../from-snapshot.js';
import { classifyTriangle } from '../triangles/strategic-triangle.js';

export interface ReadTestOptions {
  /** Ties with |w| below this are neutral. */
  neutral: number;
  /** Smallest change across a window that counts as a trend (tie value or tilt). */
  minChange: number;
  /** A tilt with |tilt| below this is even-handed. */
  even: number;
}

export const READ_TEST_DEFAULTS: Readonly<ReadTestOptions> = Object.freeze({
  neutral: 0.1,
  minChange: 0.05,
  even: 0.15,
});

export type Measured = Record<string, number | string | null>;

export interface TestReading {
  /** 'no-data' when a tie the test needs has no observation at a date it reads. */
  outcome: 'supported' | 'contradicted' | 'no-data';
  measured: Measured;
}

/** The snapshot on a layer at a date (the caller caches and may draw it). */
export type SnapshotAt = (at: string, layer: Layer) => Snapshot;

/** The dates a test reads: the claim's date, or both ends of its window. */
export function testDates(t: ClaimTest, date: string): string[] {
  return 'over' in t && t.over ? [...t.over] : [date];
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const NO_DATA: TestReading = { outcome: 'no-data', measured: {} };
const verdict = (ok: boolean, measured: Measured): TestReading => ({
  outcome: ok ? 'supported' : 'contradicted',
  measured,
});

function tiltAt(s: Snapshot, x: string, [a, b]: readonly [string, string], neutral: number) {
  const xa = observedTie(s, x, a, { neutral });
  const xb = observedTie(s, x, b, { neutral });
  return xa === undefined && xb === undefined ? undefined : tiltBetween(xa ?? 0, xb ?? 0);
}

/**
 * Reads one test at the claim's `date` on the snapshots `at` gives.
 *
 * @example
 * readTest({ tie: ['A', 'B'], sign: 'positive', dimension: 'composite' }, '2017-07', at);
 * // { outcome: 'supported', measured: { value: 0.4 } }
 */
export function readTest(
  t: ClaimTest,
  date: string,
  at: SnapshotAt,
  options: Partial<ReadTestOptions> = {},
): TestReading {
  const { neutral, minChange, even } = { ...READ_TEST_DEFAULTS, ...options };
  const layer = t.dimension;
  if ('tie' in t) {
    const v = observedTie(at(date, layer), t.tie[0], t.tie[1]);
    if (v === undefined) return NO_DATA;
    const sign = v >= neutral ? 'positive' : v <= -neutral ? 'negative' : 'neutral';
    return verdict(sign === t.sign, { value: round(v) });
  }
  if ('trend' in t) {
    const [from, to] = t.over.map((d) => observedTie(at(d, layer), t.trend[0], t.trend[1]));
    if (from === undefined || to === undefined) return NO_DATA;
    const change = to - from;
    const dir = change >= minChange ? 'rising' : change <= -minChange ? 'falling' : 'steady';
    return verdict(dir === t.direction, { from: round(from), to: round(to), change: round(change) });
  }
  if ('tilt' in t) {
    if (!t.over) {
      const tilt = tiltAt(at(date, layer), t.tilt, t.between, neutral);
      if (tilt === undefined) return NO_DATA;
      const lean = tilt >= even ? 'towards-first' : tilt <= -even ? 'towards-second' : 'even';
      return verdict(t.direction === 'uneven' ? lean !== 'even' : lean === t.direction, {
        tilt: round(tilt),
      });
    }
    const [from, to] = t.over.map((d) => tiltAt(at(d, layer), t.tilt, t.between, neutral));
    if (from === undefined || to === undefined) return NO_DATA;
    const change = to - from;
    const ok = {
      'towards-first': change >= minChange,
      'towards-second': change <= -minChange,
      even: Math.abs(to) < even,
      uneven: Math.abs(to) - Math.abs(from) >= minChange,
    }[t.direction];
    return verdict(ok, { from: round(from), to: round(to), change: round(change) });
  }
  const s = at(date, layer);
  const [a, b, c] = t.triangle;
  const pairs: [string, string][] = [
    [a, b],
    [a, c],
    [b, c],
  ];
  const values = pairs.map(([x, y]) => observedTie(s, x, y));
  if (values.some((v) => v === undefined)) return NO_DATA;
  const tri = classifyTriangle(
    t.triangle,
    Object.fromEntries(pairs.map(([x, y], i) => [`${x}-${y}`, values[i]!])),
    { neutral },
  );
  const ok =
    (t.type === undefined || tri.type === t.type) &&
    (t.pivot === undefined || tri.pivot === t.pivot) &&
    (t.outcast === undefined || tri.outcast === t.outcast);
  return verdict(ok, {
    type: tri.type,
    ...(tri.pivot && { pivot: tri.pivot }),
    ...(tri.outcast && { outcast: tri.outcast }),
    ...Object.fromEntries(pairs.map(([x, y], i) => [`${x}-${y}`, round(values[i]!)])),
  });
}
