/**
 * Edge–node clearance: a line must not run over a node it does not join. After the map layout,
 * every node closer to a line than its drawn radius plus a margin is pushed off it, and the line's
 * two ends move back by their share, as one projected constraint (position-based dynamics, Müller
 * et al. 2007, applied to the node–edge repulsion of Bertault's PrEd, 2000). Nodes too close to
 * each other are pushed apart the same way. Passes run in a fixed order with no random draw, so the
 * same positions, lines and sizes always give the same result. Works in screen pixels, so the
 * margin is what the reader sees.
 *
 * The work is bounded: a pass costs lines × nodes + nodes² checks, so at ~200 states and thousands
 * of ties the unbounded pass loop ran for minutes (and a dense network can never be fully cleared
 * anyway). Only the `maxLines` widest lines are cleared, and passes stop once `maxChecks` point–line
 * and point–point checks are spent. Those are the checks of the plain loop over every pair; a grid
 * of the nodes (`point-grid.ts`) skips the pairs too far apart to move, which the plain loop would
 * have left alone anyway, so the result is the plain loop's, at a fraction of its cost.
 */

import { pointGrid, pushAlong, pushNear, widen } from './point-grid.js';

export interface ClearanceNode {
  id: string;
  x: number;
  y: number;
  /** Drawn radius, in the same unit as x and y. */
  r: number;
}

export interface ClearanceSegment {
  a: string;
  b: string;
  /** Drawn stroke width (half of it counts against the clearance). */
  width: number;
}

export interface ClearanceOptions {
  /** Free space between a line's edge and a node's rim, in pixels. */
  margin: number;
  /** Free space between two nodes' rims, in pixels. */
  nodeGap: number;
  /** Passes over every line and node pair at most (stops earlier once nothing moves). */
  maxIterations: number;
  /** Only the widest this many lines are cleared (ties broken by input order); the rest are drawn as they fall. */
  maxLines: number;
  /** Total point–line plus point–point checks over all passes; passes stop before exceeding it. */
  maxChecks: number;
}

export const CLEARANCE_DEFAULTS: Readonly<ClearanceOptions> = Object.freeze({
  margin: 2,
  nodeGap: 2,
  maxIterations: 200,
  maxLines: 400,
  maxChecks: 1_500_000,
});

type Point = { x: number; y: number };

/** Closest point of segment pq to c, as the parameter t in [0, 1] along it. */
function closestT(p: Point, q: Point, c: Point): number {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const len2 = dx * dx + dy * dy;
  if (len2 < 1e-12) return 0;
  return Math.max(0, Math.min(1, ((c.x - p.x) * dx + (c.y - p.y) * dy) / len2));
}

/** Distance from c to segment pq. */
export function segmentDistance(p: Point, q: Point, c: Point): number {
  const t = closestT(p, q, c);
  return Math.hypot(c.x - (p.x + t * (q.x - p.x)), c.y - (p.y + t * (q.y - p.y)));
}

/**
 * (line, node) pairs where the line passes within the node's radius and the node is not one of
 * its ends.
 *
 * @example
 * countEdgeNodeOverlaps([{ id: 'A', x: 0, y: 0, r: 1 }, { id: 'B', x: 10, y: 0, r: 1 },
 *   { id: 'C', x: 5, y: 0.5, r: 1 }], [{ a: 'A', b: 'B', width: 1 }]); // 1
 */
export function countEdgeNodeOverlaps(
  nodes: readonly ClearanceNode[],
  segments: readonly ClearanceSegment[],
): number {
  const at = new Map(nodes.map((n) => [n.id, n]));
  const maxR = Math.max(0, ...nodes.map((n) => n.r));
  const grid = pointGrid(nodes, cellSize(maxR));
  let count = 0;
  for (const s of segments) {
    const p = at.get(s.a);
    const q = at.get(s.b);
    if (!p || !q) continue;
    for (const k of grid.along(p, q, widen(maxR))) {
      const c = nodes[k]!;
      if (c.id !== s.a && c.id !== s.b && segmentDistance(p, q, c) < c.r) count++;
    }
  }
  return count;
}

/** Cells about as wide as the longest reach looked for, never degenerate. */
function cellSize(reach: number): number {
  return Math.max(1, reach);
}

/**
 * Moves `nodes` (in place) until no line among the `maxLines` widest runs within
 * `r + width / 2 + margin` of a node it does not join, or `maxIterations` passes (or `maxChecks`
 * checks) are spent. Returns the passes used.
 *
 * @example
 * const nodes = [{ id: 'A', x: 0, y: 0, r: 4 }, { id: 'B', x: 100, y: 0, r: 4 }, { id: 'C', x: 50, y: 1, r: 4 }];
 * clearEdges(nodes, [{ a: 'A', b: 'B', width: 2 }]);
 * nodes[2].y; // 5, and A–B moved down to y = −2: C sits 7 px clear of the line
 */
export function clearEdges(
  nodes: ClearanceNode[],
  segments: readonly ClearanceSegment[],
  options: Partial<ClearanceOptions> = {},
): number {
  const opts = { ...CLEARANCE_DEFAULTS, ...options };
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const lines = segments
    .map((s, order) => ({ a: index.get(s.a), b: index.get(s.b), half: s.width / 2, order }))
    .filter(
      (s): s is { a: number; b: number; half: number; order: number } =>
        s.a !== undefined && s.b !== undefined,
    )
    .sort((x, y) => y.half - x.half || x.order - y.order)
    .slice(0, Math.max(0, opts.maxLines));
  const perPass = lines.length * nodes.length + (nodes.length * (nodes.length - 1)) / 2;
  const passes = Math.min(opts.maxIterations, perPass > 0 ? Math.floor(opts.maxChecks / perPass) : 0);
  const maxR = Math.max(0, ...nodes.map((n) => n.r));
  const maxHalf = Math.max(0, ...lines.map((l) => l.half));
  // Wide enough that one cell's slack (below) stays small beside the reaches looked for.
  const cell = cellSize(Math.max(2 * maxR + opts.nodeGap, maxR + maxHalf + opts.margin));
  const slack = cell / 2;
  const grid = pointGrid(nodes, cell);
  for (let pass = 0; pass < passes; pass++) {
    let moved = false;
    for (const { a, b, half } of lines) {
      const need = (k: number) => nodes[k]!.r + half + opts.margin;
      if (
        pushAlong(nodes, grid, a, b, maxR + half + opts.margin, slack, (k) =>
          pushOffLine(nodes[a]!, nodes[b]!, nodes[k]!, need(k), a + b + k),
        )
      ) {
        moved = true;
      }
    }
    for (let i = 0; i < nodes.length; i++) {
      const need = (j: number) => nodes[i]!.r + nodes[j]!.r + opts.nodeGap;
      if (
        pushNear(nodes, grid, i, 2 * maxR + opts.nodeGap, slack, (j) =>
          pushApart(nodes[i]!, nodes[j]!, need(j), i + j),
        )
      ) {
        moved = true;
      }
    }
    if (!moved) return pass;
  }
  return passes;
}

/**
 * One projection of the constraint dist(c, pq) ≥ need: c moves along the normal, p and q the
 * other way in proportion to how near c is to each (equal weights). `seed` fixes the side when c
 * lies exactly on the line.
 */
function pushOffLine(p: Point, q: Point, c: Point, need: number, seed: number): boolean {
  const t = closestT(p, q, c);
  const fx = p.x + t * (q.x - p.x);
  const fy = p.y + t * (q.y - p.y);
  let nx = c.x - fx;
  let ny = c.y - fy;
  let d = Math.hypot(nx, ny);
  // A tiny overshoot, so the projected constraint holds after rounding.
  const deficit = need - d + 1e-6;
  if (deficit <= 1e-6) return false;
  if (d < 1e-9) {
    // On the line: step to the side the line's normal and the seed pick.
    const lx = q.x - p.x;
    const ly = q.y - p.y;
    const len = Math.hypot(lx, ly) || 1;
    const side = seed % 2 === 0 ? 1 : -1;
    nx = (-ly / len) * side;
    ny = (lx / len) * side;
    d = 1;
  }
  nx /= d;
  ny /= d;
  const wp = 1 - t;
  const wq = t;
  const lambda = deficit / (1 + wp * wp + wq * wq);
  c.x += lambda * nx;
  c.y += lambda * ny;
  p.x -= lambda * wp * nx;
  p.y -= lambda * wp * ny;
  q.x -= lambda * wq * nx;
  q.y -= lambda * wq * ny;
  return true;
}

/** One projection of dist(p, q) ≥ need, half the correction each. */
function pushApart(p: Point, q: Point, need: number, seed: number): boolean {
  let dx = q.x - p.x;
  let dy = q.y - p.y;
  let d = Math.hypot(dx, dy);
  const deficit = need - d + 1e-6;
  if (deficit <= 1e-6) return false;
  if (d < 1e-9) {
    dx = Math.cos(seed);
    dy = Math.sin(seed);
    d = 1;
  }
  const ux = dx / d;
  const uy = dy / d;
  p.x -= (ux * deficit) / 2;
  p.y -= (uy * deficit) / 2;
  q.x += (ux * deficit) / 2;
  q.y += (uy * deficit) / 2;
  return true;
}
