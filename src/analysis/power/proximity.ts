/**
 * Proximity: power projection weakens with distance (Boulding 1962, "Conflict and Defense", the
 * loss-of-strength gradient; Walt 1987 on proximate threats). One definition for the analysis and
 * the simulation: the hyperbolic gradient prox = 1 / (1 + d / scaleKm) ∈ (0, 1], d the
 * great-circle distance between capitals, so proximity is 1/2 at `scaleKm`.
 */

export interface ProximityOptions {
  /** Distance (km) at which proximity falls to 1/2. */
  scaleKm: number;
  /** Proximity used when either actor has no capital (organisations, armed groups). */
  missing: number;
}

export const PROXIMITY_DEFAULTS: Readonly<ProximityOptions> = Object.freeze({ scaleKm: 2000, missing: 0.5 });

/**
 * Proximity at a distance.
 *
 * @example
 * proximityAt(2000); // 0.5
 */
export function proximityAt(distanceKm: number, scaleKm = PROXIMITY_DEFAULTS.scaleKm): number {
  return 1 / (1 + distanceKm / scaleKm);
}
