/**
 * Great-circle distance between two points on a sphere of the Earth's mean radius, by the
 * haversine formula (Sinnott 1984, "Virtues of the haversine", Sky & Telescope 68(2)).
 */

/** Mean Earth radius in km (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Distance in km between two latitude/longitude points given in degrees.
 *
 * @example
 * Math.round(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 90 })); // 10008
 */
export function greatCircleKm(p: { lat: number; lon: number }, q: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (q.lat - p.lat) * rad;
  const dLon = (q.lon - p.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(p.lat * rad) * Math.cos(q.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
