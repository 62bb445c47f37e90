/**
 * One strategic triangle (Dittmer 1981, "The strategic triangle: an elementary game-theoretical
 * analysis", World Politics 33(4)) followed through time: its type, pivot or outcast and three ties
 * at every date of a window. A date at which one of the three actors does not exist (before it is
 * founded, after it ends) has no triangle, so it is left out rather than reported as incomplete.
 */
import type { World } from '../../domain/world.js';
import { type SeriesOptions, seriesOf } from '../series/series-of.js';
import {
  STRATEGIC_TRIANGLE_DEFAULTS,
  type StrategicTriangleOptions,
  type TriangleType,
  triangleInSnapshot,
} from './strategic-triangle.js';

export type TriangleHistoryOptions = Pick<SeriesOptions, 'from' | 'to'> &
  Partial<SeriesOptions> &
  Partial<StrategicTriangleOptions>;

/** The triangle at one date: roles only where the type has them. */
export interface TriangleHistoryPoint {
  at: string;
  type: TriangleType;
  pivot?: string;
  outcast?: string;
  /** The three ties keyed "X-Y" in the order the actors were given. */
  ties: Record<string, number>;
}

/**
 * The triangle of `actors` at every date from `from` to `to`, `every` months apart, skipping dates
 * at which one of them is not in the world.
 *
 * @example
 * await triangleHistory(world, ['A', 'B', 'C'], { from: '2014', to: '2021', every: 12 });
 * // [{ at: '2014-01', type: 'stable-marriage', outcast: 'B', ties: { 'A-B': -0.4, … } }, …]
 */
export async function triangleHistory(
  world: World,
  actors: readonly [string, string, string],
  options: TriangleHistoryOptions,
): Promise<TriangleHistoryPoint[]> {
  const { neutral = STRATEGIC_TRIANGLE_DEFAULTS.neutral, ...window } = options;
  const points = await seriesOf(
    world,
    (s) =>
      actors.every((id) => s.actors.some((a) => a.id === id))
        ? triangleInSnapshot(s, actors, { neutral })
        : undefined,
    window,
  );
  return points.flatMap(({ at, value: t }) =>
    t
      ? {
          at,
          type: t.type,
          ...(t.pivot !== undefined && { pivot: t.pivot }),
          ...(t.outcast !== undefined && { outcast: t.outcast }),
          ties: t.ties,
        }
      : [],
  );
}
