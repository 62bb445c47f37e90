/**
 * How stable a strategic triangle's type is under the uncertainty of its ties: `draws` parametric
 * bootstrap draws (the shared noise model of `tie-draw.ts`: each observed tie N(v, (spread·(1 − c))²),
 * clipped) re-classify the triangle (Dittmer 1981) and count how often it keeps its type and each tie
 * its sign. A tie the snapshot does not have is no data: it stays at 0 (neutral) in every draw
 * rather than being given a confidence it does not have. The measure matters near the neutral
 * cut-off: a tie of 0.12 held with confidence 0.5 is neutral in about a third of the draws.
 */

import type { Snapshot } from '../../domain/world.js';
import type { Rng } from '../../kernels/random.js';
import { checkDraws, drawTie, TIE_DRAW_DEFAULTS } from '../tie-draw.js';
import {
  classifyTriangle,
  STRATEGIC_TRIANGLE_DEFAULTS,
  type StrategicTriangle,
  TRIANGLE_TYPES,
  type TriangleType,
  triangleInSnapshot,
} from './strategic-triangle.js';

export interface TriangleStabilityOptions {
  /** Ties with |w| below this are neutral. */
  neutral: number;
  /** Number of draws. */
  draws: number;
  /** Standard deviation of a tie held with confidence 0 (see `tie-draw.ts`). */
  spread: number;
}

export const TRIANGLE_STABILITY_DEFAULTS: Readonly<TriangleStabilityOptions> = Object.freeze({
  neutral: STRATEGIC_TRIANGLE_DEFAULTS.neutral,
  draws: 1000,
  spread: TIE_DRAW_DEFAULTS.spread,
});

export type TieSign = '+' | '-' | '0';

export interface TieStability {
  /** "X-Y" in the order the actors were given. */
  tie: string;
  value: number;
  /** Undefined when the snapshot has no such tie (it stays neutral in every draw). */
  confidence?: number;
  sign: TieSign;
  /** Share of draws in which the tie keeps `sign`. */
  keepsSign: number;
}

export interface TriangleStability {
  triangle: StrategicTriangle;
  draws: number;
  /** Share of draws in which the triangle keeps its type (and its pivot or outcast). */
  keepsType: number;
  /** Share of draws of each type. */
  types: Record<TriangleType, number>;
  ties: TieStability[];
}

function signOf(v: number, neutral: number): TieSign {
  return Math.abs(v) < neutral ? '0' : v > 0 ? '+' : '-';
}

/** Same type and, where it has one, the same actor in the odd role. */
function sameReading(x: StrategicTriangle, y: StrategicTriangle): boolean {
  return x.type === y.type && x.pivot === y.pivot && x.outcast === y.outcast;
}

/**
 * The stability of the A–B–C triangle of a snapshot under its ties' confidence, from `rng`.
 *
 * @example
 * triangleStability(snap, ['A', 'B', 'C'], stream(7), { draws: 500 }).keepsType; // e.g. 0.93
 */
export function triangleStability(
  s: Snapshot,
  actors: readonly [string, string, string],
  rng: Rng,
  options: Partial<TriangleStabilityOptions> = {},
): TriangleStability {
  const opts = { ...TRIANGLE_STABILITY_DEFAULTS, ...options };
  checkDraws(opts.draws);
  const triangle = triangleInSnapshot(s, actors, { neutral: opts.neutral });
  const keys = Object.keys(triangle.ties);
  const found = keys.map((k) => {
    const [a, b] = k.split('-') as [string, string];
    const [x, y] = a < b ? [a, b] : [b, a];
    return s.ties.find((t) => t.a === x && t.b === y);
  });
  const types = Object.fromEntries(TRIANGLE_TYPES.map((t) => [t, 0])) as Record<TriangleType, number>;
  const signs = keys.map((k) => signOf(triangle.ties[k]!, opts.neutral));
  const kept = keys.map(() => 0);
  let keepsType = 0;
  for (let d = 0; d < opts.draws; d++) {
    const drawn: Record<string, number> = {};
    keys.forEach((k, i) => {
      const t = found[i];
      // one normal per tie and draw, present or not, so a tie's draws do not depend on the others
      const z = rng.normal();
      drawn[k] = t ? drawTie(t.value, t.confidence, z, opts.spread) : 0;
      if (signOf(drawn[k]!, opts.neutral) === signs[i]) kept[i]!++;
    });
    const again = classifyTriangle(actors, drawn, { neutral: opts.neutral });
    types[again.type]++;
    if (sameReading(again, triangle)) keepsType++;
  }
  const share = (n: number) => n / opts.draws;
  return {
    triangle,
    draws: opts.draws,
    keepsType: share(keepsType),
    types: Object.fromEntries(TRIANGLE_TYPES.map((t) => [t, share(types[t])])) as Record<
      TriangleType,
      number
    >,
    ties: keys.map((tie, i) => ({
      tie,
      value: triangle.ties[tie]!,
      ...(found[i] && { confidence: found[i]!.confidence }),
      sign: signs[i]!,
      keepsSign: share(kept[i]!),
    })),
  };
}
