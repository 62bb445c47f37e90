/**
 * CAMEO code → the world dimension an event sits on. CAMEO (Schrodt 2012, "CAMEO Conflict and
 * Mediation Event Observations Event and Actor Codebook") names the material kinds in its
 * second-level codes: economic cooperation or aid (061, 071, 0311, 0331, 1011, 1031, 1041, 163
 * embargo), military cooperation or aid (062, 072, 0312, 0332, 1012, 1032, 1042), and the
 * roots of force (15 exhibit force, 17 coerce, 18 assault, 19 fight, 20 mass violence);
 * intelligence and judicial cooperation (063, 064) is security. All else is diplomatic.
 */
import type { DIMENSIONS } from '../domain/layers.js';

type Dimension = (typeof DIMENSIONS)[number];

const ECONOMIC = ['061', '071', '0311', '0331', '1011', '1031', '1041', '163'];
const MILITARY = ['062', '072', '0312', '0332', '1012', '1032', '1042', '15', '18', '19', '20'];
const SECURITY = ['063', '064', '17'];

/**
 * The dimension of a CAMEO code (the lists share no prefix, so at most one matches).
 *
 * @example cameoDimension('0612'); // 'economic'
 */
export function cameoDimension(code: string): Dimension {
  for (const [prefixes, dim] of [
    [ECONOMIC, 'economic'],
    [MILITARY, 'military'],
    [SECURITY, 'security'],
  ] as const) {
    if (prefixes.some((p) => code.startsWith(p))) return dim;
  }
  return 'diplomatic';
}
