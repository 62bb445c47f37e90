/**
 * How stable each actor's side on a polar axis is under the uncertainty of its ties: `draws`
 * parametric bootstrap draws of the snapshot (the shared noise model of `tie-draw.ts`) re-run the
 * alignment measure, and each actor placed on the axis reports the share of draws in which it stays
 * on the same side — toward P (+), toward Q (−), or between (0, |position| below `sideBand`) — and
 * the 5th–95th percentile band of its position. A tie the snapshot does not have is never drawn, so
 * an actor's "no data" stays no data in every draw.
 */

import type { Snapshot } from '../../domain/world.js';
import { quantile } from '../../kernels/quantiles.js';
import type { Rng } from '../../kernels/random.js';
import { checkDraws, drawSnapshot, TIE_DRAW_DEFAULTS } from '../tie-draw.js';
import {
  ALIGNMENT_DEFAULTS,
  type AlignmentOptions,
  type AxisReport,
  alignmentInSnapshot,
} from './alignment.js';

export interface AlignmentStabilityOptions extends AlignmentOptions {
  draws: number;
  /** Standard deviation of a tie held with confidence 0 (see `tie-draw.ts`). */
  spread: number;
  /** |position| below this is "between the poles"; half the neutral band, as position halves a tie difference. */
  sideBand: number;
}

export const ALIGNMENT_STABILITY_DEFAULTS: Readonly<AlignmentStabilityOptions> = Object.freeze({
  ...ALIGNMENT_DEFAULTS,
  draws: 1000,
  spread: TIE_DRAW_DEFAULTS.spread,
  sideBand: ALIGNMENT_DEFAULTS.neutral / 2,
});

export type Side = '+' | '-' | '0';

export interface SideStability {
  actor: string;
  position: number;
  side: Side;
  /** Share of draws in which the actor stays on `side`. */
  keepsSide: number;
  /** 5th and 95th percentile of the position over the draws. */
  band: [number, number];
}

export interface AlignmentStability {
  report: AxisReport;
  draws: number;
  rows: SideStability[];
}

/**
 * Stability of every position on the P–Q axis of a snapshot, from `rng`.
 *
 * @example
 * alignmentStability(snap, ['P', 'Q'], stream(7), { draws: 500 }).rows[0]; // { actor, side, keepsSide, band }
 */
export function alignmentStability(
  s: Snapshot,
  poles: readonly [string, string],
  rng: Rng,
  options: Partial<AlignmentStabilityOptions> = {},
): AlignmentStability {
  const opts = { ...ALIGNMENT_STABILITY_DEFAULTS, ...options };
  checkDraws(opts.draws);
  const measure = { neutral: opts.neutral, kinds: opts.kinds };
  const side = (p: number): Side => (Math.abs(p) < opts.sideBand ? '0' : p > 0 ? '+' : '-');
  const report = alignmentInSnapshot(s, poles, measure);
  const positions = new Map(report.rows.map((r) => [r.actor, [] as number[]]));
  for (let d = 0; d < opts.draws; d++) {
    // the actors on the axis are those with both ties observed, the same in every draw
    for (const r of alignmentInSnapshot(drawSnapshot(s, rng, opts.spread), poles, measure).rows)
      positions.get(r.actor)!.push(r.position);
  }
  return {
    report,
    draws: opts.draws,
    rows: report.rows.map((r) => {
      const drawn = positions.get(r.actor)!;
      const sorted = [...drawn].sort((x, y) => x - y);
      return {
        actor: r.actor,
        position: r.position,
        side: side(r.position),
        keepsSide: drawn.filter((p) => side(p) === side(r.position)).length / opts.draws,
        band: [quantile(sorted, 0.05), quantile(sorted, 0.95)],
      };
    }),
  };
}
