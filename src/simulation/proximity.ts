/**
 * Proximity for balance of threat: power projection weakens with distance (Boulding 1962,
 * "Conflict and Defense": the loss-of-strength gradient; Walt 1987). Distance is the great-circle
 * distance between capitals (haversine, mean Earth radius), mapped to [0, 1] by the hyperbolic
 * gradient prox = 1 / (1 + d / scale); actors without a capital get a documented default.
 */

export interface ProximityOptions {
  /** Distance (km) at which proximity falls to 1/2. */
  scaleKm: number;
  /** Proximity used when either actor has no capital (organisations, armed groups). */
  missing: number;
}

export const PROXIMITY_DEFAULTS: Readonly<ProximityOptions> = Object.freeze({ scaleKm: 2000, missing: 0.5 });

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between two points given in degrees. */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Symmetric n×n proximity matrix (zero diagonal) for points that may be missing.
 *
 * @example
 * proximityMatrix([{ lat: 55.75, lon: 37.62 }, { lat: 28.61, lon: 77.21 }]); // Moscow–Delhi ≈ 0.29
 */
export function proximityMatrix(
  capitals: readonly ({ lat: number; lon: number } | undefined)[],
  options: Partial<ProximityOptions> = {},
): Float64Array {
  const { scaleKm, missing } = { ...PROXIMITY_DEFAULTS, ...options };
  const n = capitals.length;
  const prox = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = capitals[i];
      const b = capitals[j];
      const v = a && b ? 1 / (1 + greatCircleKm(a.lat, a.lon, b.lat, b.lon) / scaleKm) : missing;
      prox[i * n + j] = v;
      prox[j * n + i] = v;
    }
  }
  return prox;
}
