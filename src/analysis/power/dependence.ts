/**
 * Dependence asymmetry, the "junior partner" risk: in a friendly tie between unequal powers, the
 * weaker side depends on the stronger more than the reverse (Keohane & Nye 1977, Power and
 * Interdependence, on asymmetric interdependence as a source of power). Inequality alone is not
 * dependence: a weaker state that sells arms to a stronger one (a supplier and its client) is not
 * the client's junior partner. So a pair counts only when the weaker side also relies on the
 * stronger one — the share of its arms imports that comes from the stronger side (SIPRI TIV, the
 * capability records' `armsImports`) is at least `minReliance` and larger than the reverse share:
 *   asymmetry = w(A,B) · (1 − cap_junior / cap_senior) ∈ [0, 1]
 * — the tie's strength times how unequal the pair is. `ratio` is cap_senior / cap_junior, `reliance`
 * the junior's import share from the senior. Where the weaker side has no arms-import record the
 * pair is not assessed (counted in `unassessed`), never read as dependent.
 */
import { NEUTRAL_THRESHOLD } from '../../domain/defaults.js';
import type { Snapshot } from '../../domain/world.js';
import { type CapabilityMeasure, capabilityOf } from './capability.js';

export interface DependenceOptions {
  measure: CapabilityMeasure;
  /** Ties below this are not partnerships. */
  neutral: number;
  /** Least share of the junior's arms imports that must come from the senior. */
  minReliance: number;
}

export const DEPENDENCE_DEFAULTS: Readonly<DependenceOptions> = Object.freeze({
  measure: 'cinc',
  neutral: NEUTRAL_THRESHOLD,
  minReliance: 0.1,
});

export interface Dependence {
  junior: string;
  senior: string;
  tie: number;
  ratio: number;
  /** Share of the junior's arms imports that comes from the senior. */
  reliance: number;
  asymmetry: number;
}

/** Share of `actor`'s arms imports from `supplier`; undefined when the actor has no import record. */
function importShare(s: Snapshot, actor: string, supplier: string): number | undefined {
  const shares = s.capabilities[actor]?.armsImports;
  return shares === undefined ? undefined : (shares[supplier] ?? 0);
}

/**
 * Every friendly unequal dyad whose weaker side relies on the stronger, most asymmetric first;
 * `unassessed` counts the friendly unequal dyads whose weaker side has no arms-import record.
 *
 * @example
 * dependenceReport(snap).pairs[0]; // { junior, senior, tie, ratio, reliance, asymmetry }
 */
export function dependenceReport(
  s: Snapshot,
  options: Partial<DependenceOptions> = {},
): { pairs: Dependence[]; unassessed: number } {
  const opts = { ...DEPENDENCE_DEFAULTS, ...options };
  const pairs: Dependence[] = [];
  let unassessed = 0;
  for (const t of s.ties) {
    if (t.value < opts.neutral) continue;
    const ca = capabilityOf(s, t.a, opts.measure);
    const cb = capabilityOf(s, t.b, opts.measure);
    if (ca === undefined || cb === undefined || Math.max(ca, cb) === 0) continue;
    const [junior, senior, cj, cs] = ca <= cb ? [t.a, t.b, ca, cb] : [t.b, t.a, cb, ca];
    const reliance = importShare(s, junior, senior);
    if (reliance === undefined) {
      unassessed++;
      continue;
    }
    if (reliance < opts.minReliance || reliance <= (importShare(s, senior, junior) ?? 0)) continue;
    pairs.push({
      junior,
      senior,
      tie: t.value,
      ratio: cj === 0 ? Number.POSITIVE_INFINITY : cs / cj,
      reliance,
      asymmetry: t.value * (1 - cj / cs),
    });
  }
  pairs.sort((x, y) => y.asymmetry - x.asymmetry || (x.junior < y.junior ? -1 : 1));
  return { pairs, unassessed };
}

/**
 * The junior partners of `dependenceReport`, without the count of pairs it could not assess.
 *
 * @example
 * dependence(snap)[0]; // { junior, senior, tie, ratio, reliance, asymmetry }
 */
export function dependence(s: Snapshot, options: Partial<DependenceOptions> = {}): Dependence[] {
  return dependenceReport(s, options).pairs;
}
