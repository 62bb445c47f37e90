/**
 * Saying when a tie shock was clipped at ±1. Ties live in [−1, 1], so a shift that would carry a
 * tie past an end moves it less than the scenario asks: a doubled shock on a tie already at 0.5
 * moves it by 0.5, not by twice the shock. Silently, that reads as "the effect saturates"; the
 * scenario's author should see it instead, with how often and by how much it happened.
 */
import type { Gathered } from '../runs/gather.js';
import type { Plan, TieShock } from '../runs/plan.js';
import type { Scenario } from './scenario.js';

export interface ClippingOptions {
  /** A loss at or below this (float rounding) is no clipping. */
  readonly tolerance: number;
}

export const CLIPPING_DEFAULTS: Readonly<ClippingOptions> = Object.freeze({ tolerance: 1e-9 });

/**
 * One warning per tie shock that was clipped in some run, in the scenario's shock order.
 *
 * @example
 * clippingWarnings(sc, plan, gathered);
 * // ['shock 1 (PAK–USA shift +0.80 at step 0): clipped at +1 in 1000 of 1000 runs; 0.30 of the shift lost on average where clipped']
 */
export function clippingWarnings(
  sc: Scenario,
  plan: Plan,
  gathered: Gathered,
  options: Partial<ClippingOptions> = {},
): string[] {
  const { tolerance } = { ...CLIPPING_DEFAULTS, ...options };
  const S = plan.shocks.length;
  const found: { source: number; text: string }[] = [];
  plan.shocks.forEach((shock, k) => {
    if (shock.kind !== 'tie') return;
    const label = describeShock(sc, shock);
    if (shock.layerClipped !== undefined && Math.abs(shock.layerClipped) > tolerance) {
      found.push({
        source: shock.source,
        text:
          `${label}: the ${shock.dimension} layer would pass ${end(shock.layerClipped)} at the start and is ` +
          `clipped there in every run; ${Math.abs(shock.layerClipped).toFixed(2)} of the shift lost`,
      });
    }
    let runs = 0;
    let lost = 0;
    let sign = 0;
    for (let r = 0; r < gathered.runs; r++) {
      const x = gathered.clipped[r * S + k]!;
      if (Math.abs(x) <= tolerance) continue;
      runs++;
      lost += Math.abs(x);
      sign = Math.sign(x);
    }
    if (runs === 0) return;
    found.push({
      source: shock.source,
      text:
        `${label}: clipped at ${end(sign)} in ${runs} of ${gathered.runs} runs; ` +
        `${(lost / runs).toFixed(2)} of the ${shock.mode === 'set' ? 'change' : 'shift'} lost on average where clipped`,
    });
  });
  return found.sort((a, b) => a.source - b.source).map((f) => f.text);
}

function describeShock(sc: Scenario, shock: TieShock): string {
  const s = sc.shocks[shock.source]!;
  const what = s.set !== undefined ? `set to ${s.set.toFixed(2)}` : `shift ${signed(s.shift!)}`;
  const layer = s.dimension !== undefined ? ` ${s.dimension}` : '';
  return `shock ${shock.source + 1} (${s.tie!.join('–')}${layer} ${what} at step ${s.at})`;
}

const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
const end = (sign: number): string => (sign > 0 ? '+1' : '−1');
