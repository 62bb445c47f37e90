/**
 * Helpers on a claim's machine-checkable `test` (schema: `ClaimTest` in schema.ts), shared by the
 * world checks and the claim checker.
 */
import type { Claim, ClaimTest } from './schema.js';

/**
 * The tests of a claim as a list (a single test or none read alike).
 *
 * @example
 * claimTests({ ...claim, test: { tie: ['A', 'B'], sign: 'positive', dimension: 'composite' } }).length; // 1
 */
export function claimTests(claim: Pick<Claim, 'test'>): ClaimTest[] {
  return claim.test === undefined ? [] : Array.isArray(claim.test) ? claim.test : [claim.test];
}

/**
 * The actor ids a test names, keyed by the field that names them (a single id as a one-item list).
 *
 * @example
 * claimTestActors({ tilt: 'X', between: ['A', 'B'], direction: 'even', dimension: 'composite' });
 * // { tilt: ['X'], between: ['A', 'B'] }
 */
export function claimTestActors(t: ClaimTest): Record<string, string[]> {
  if ('tilt' in t) return { tilt: [t.tilt], between: [...t.between] };
  if ('triangle' in t) {
    return {
      triangle: [...t.triangle],
      ...(t.pivot && { pivot: [t.pivot] }),
      ...(t.outcast && { outcast: [t.outcast] }),
    };
  }
  if ('tie' in t) return { tie: [...t.tie] };
  return { trend: [...t.trend] };
}
