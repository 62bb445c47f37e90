/**
 * Dependence asymmetry, the "junior partner" risk: in a friendly tie between unequal powers, the
 * weaker side depends on the stronger more than the reverse (Keohane & Nye 1977, Power and
 * Interdependence, on asymmetric interdependence as a source of power):
 *   asymmetry = w(A,B) · (1 − cap_junior / cap_senior) ∈ [0, 1]
 * — the tie's strength times how unequal the pair is. `ratio` is cap_senior / cap_junior.
 */
import type { Snapshot } from '../../domain/world.js';
import { type CapabilityMeasure, capabilityOf } from './capability.js';

export interface DependenceOptions {
  measure: CapabilityMeasure;
  /** Ties below this are not partnerships. */
  neutral: number;
}

export const DEPENDENCE_DEFAULTS: Readonly<DependenceOptions> = Object.freeze({
  measure: 'cinc',
  neutral: 0.1,
});

export interface Dependence {
  junior: string;
  senior: string;
  tie: number;
  ratio: number;
  asymmetry: number;
}

/**
 * Every friendly dyad whose two sides have the measure, most asymmetric first.
 *
 * @example
 * dependence(snap)[0]; // { junior, senior, tie, ratio, asymmetry }
 */
export function dependence(s: Snapshot, options: Partial<DependenceOptions> = {}): Dependence[] {
  const opts = { ...DEPENDENCE_DEFAULTS, ...options };
  const out: Dependence[] = [];
  for (const t of s.ties) {
    if (t.value < opts.neutral) continue;
    const ca = capabilityOf(s, t.a, opts.measure);
    const cb = capabilityOf(s, t.b, opts.measure);
    if (ca === undefined || cb === undefined || Math.max(ca, cb) === 0) continue;
    const [junior, senior, cj, cs] = ca <= cb ? [t.a, t.b, ca, cb] : [t.b, t.a, cb, ca];
    out.push({
      junior,
      senior,
      tie: t.value,
      ratio: cj === 0 ? Number.POSITIVE_INFINITY : cs / cj,
      asymmetry: t.value * (1 - cj / cs),
    });
  }
  return out.sort((x, y) => y.asymmetry - x.asymmetry || (x.junior < y.junior ? -1 : 1));
}
