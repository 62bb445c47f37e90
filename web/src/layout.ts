/**
 * Node positions for the network view that stay put while the slider moves: states sit where
 * their capitals are on a flat map centred on the world's median capital (longitude and latitude
 * offsets compressed by a power < 1, so a far capital does not squeeze the rest), organisations
 * and actors without a capital on a ring outside, each in the direction of its members; then
 * overlapping nodes are nudged apart. Depends only on the world, never on the date.
 */

import { pointGrid, pushNear } from './point-grid.js';

export interface LayoutActor {
  id: string;
  kind: string;
  capital?: { lat: number; lon: number } | undefined;
}

export interface LayoutOptions {
  /** Exponent applied to longitude and latitude offsets (< 1 pulls far capitals in). */
  compression: number;
  /** Ring radius for actors without a capital, as a multiple of the farthest capital. */
  ringRadius: number;
  /** Smallest distance between two nodes, as a share of the layout's radius. */
  minGap: number;
  /** Rounds of pairwise nudging. */
  relaxRounds: number;
  /** Vertical stretch of the capitals' offsets (latitudes spread less than longitudes). */
  yStretch: number;
}

export const LAYOUT_DEFAULTS: Readonly<LayoutOptions> = Object.freeze({
  compression: 0.7,
  ringRadius: 1.3,
  minGap: 0.12,
  relaxRounds: 80,
  yStretch: 1.6,
});

type Point = { x: number; y: number };

/** Offset of `p` from `o` in degrees (longitude wrapped to ±180), each axis compressed. */
function offset(o: { lat: number; lon: number }, p: { lat: number; lon: number }, power: number): Point {
  const dlon = ((p.lon - o.lon + 540) % 360) - 180;
  const dlat = p.lat - o.lat;
  const squash = (d: number) => Math.sign(d) * Math.abs(d) ** power;
  return { x: squash(dlon), y: squash(dlat) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
}

/**
 * Positions for every actor (x east, y north).
 *
 * @example
 * const pos = stableLayout(world.actors, world.memberships);
 * pos.get('PAK'); // { x: …, y: … }
 */
export function stableLayout(
  actors: readonly LayoutActor[],
  memberships: readonly { actor: string; org: string }[],
  options: Partial<LayoutOptions> = {},
): Map<string, Point> {
  const opts = { ...LAYOUT_DEFAULTS, ...options };
  const placed = actors.filter((a) => a.capital);
  const center = {
    lat: median(placed.map((a) => a.capital!.lat)),
    lon: median(placed.map((a) => a.capital!.lon)),
  };
  const pos = new Map<string, Point>();
  for (const a of placed) {
    const p = offset(center, a.capital!, opts.compression);
    pos.set(a.id, { x: p.x, y: p.y * opts.yStretch });
  }
  const radius = Math.max(1, ...[...pos.values()].map((p) => Math.hypot(p.x, p.y)));
  // The ring is an ellipse around the capitals' extent, flattened no more than 2:1.
  const rx = Math.max(1, ...[...pos.values()].map((p) => Math.abs(p.x)));
  const ry = Math.max(rx / 2, ...[...pos.values()].map((p) => Math.abs(p.y)));
  const rest = actors.filter((a) => !a.capital);
  const angleOf = (id: string, i: number): number => {
    const members = memberships.filter((m) => m.org === id).map((m) => pos.get(m.actor));
    const known = members.filter((p): p is Point => p !== undefined);
    if (known.length === 0) return (2 * Math.PI * i) / Math.max(1, rest.length);
    const cx = known.reduce((s, p) => s + p.x, 0) / known.length;
    const cy = known.reduce((s, p) => s + p.y, 0) / known.length;
    return Math.atan2(cx, cy) + i * 1e-6;
  };
  const ring = rest.map((a, i) => ({ id: a.id, angle: angleOf(a.id, i) })).sort((p, q) => p.angle - q.angle);
  // Spread ring nodes to at least an even share of the circle's gap, keeping their order.
  const step = Math.min((2 * Math.PI) / Math.max(1, ring.length), opts.minGap * 2);
  for (let i = 1; i < ring.length; i++) {
    ring[i]!.angle = Math.max(ring[i]!.angle, ring[i - 1]!.angle + step);
  }
  for (const { id, angle } of ring) {
    pos.set(id, { x: opts.ringRadius * rx * Math.sin(angle), y: opts.ringRadius * ry * Math.cos(angle) });
  }
  relax(
    actors.map((a) => pos.get(a.id)!),
    opts.minGap * radius,
    opts.relaxRounds,
  );
  return pos;
}

/**
 * Pushes pairs closer than `gap` apart along the line joining them, in a fixed order (pairs i < j);
 * a grid of the points (`point-grid.ts`) skips the pairs already `gap` apart, in the same order.
 */
function relax(points: Point[], gap: number, rounds: number): void {
  const grid = pointGrid(points, gap);
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < points.length; i++) {
      if (pushNear(points, grid, i, gap, gap / 2, (j) => pushApart(points[i]!, points[j]!, gap, i + j))) {
        moved = true;
      }
    }
    if (!moved) break;
  }
}

/** Moves p and q apart to `gap`, half each; says whether they were closer. */
function pushApart(p: Point, q: Point, gap: number, seed: number): boolean {
  let dx = q.x - p.x;
  let dy = q.y - p.y;
  let dist = Math.hypot(dx, dy);
  if (dist >= gap) return false;
  if (dist < 1e-9) {
    // Coincident: separate along a direction fixed by the pair's indices.
    dx = Math.cos(seed);
    dy = Math.sin(seed);
    dist = 1;
  }
  const push = (gap - Math.min(dist, gap)) / 2;
  const ux = dx / dist;
  const uy = dy / dist;
  p.x -= ux * push;
  p.y -= uy * push;
  q.x += ux * push;
  q.y += uy * push;
  return true;
}
