/**
 * A uniform grid over moving points (the "cell list" of molecular dynamics, Allen & Tildesley,
 * Computer Simulation of Liquids, 1987, §5.3): each point is filed in the square cell it falls in,
 * so the points near a spot or near a segment are found by visiting a few cells instead of every
 * point. A point that moves is re-filed with `move`, so queries always see current positions.
 * Queries return indices in ascending order, so a caller that checks them in that order does the
 * same work, in the same order, as a loop over every point that skips the far ones.
 */

type Point = { x: number; y: number };

export interface PointGrid {
  /** Re-files point `i` after it moved. */
  move(i: number): void;
  /** Indices above `after` of the points that may lie within `reach` of (x, y), ascending (a superset). */
  near(x: number, y: number, reach: number, after?: number): Int32Array;
  /** Indices above `after` of the points that may lie within `reach` of segment pq, ascending (a superset). */
  along(p: Point, q: Point, reach: number, after?: number): Int32Array;
}

/** At most this many cells each way: a wider spread gets wider cells. */
const MAX_CELLS = 256;

/**
 * Files `points` (read, never written) in cells of side `cell` (or wider: about one point a cell,
 * at most `MAX_CELLS` each way) over their extent; a point that moves outside it is filed in the
 * border cell, which only makes a query return more candidates, never fewer.
 *
 * @example
 * const grid = pointGrid([{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 3, y: 4 }], 10);
 * grid.near(0, 0, 5); // [0, 2]: point 1 is in no cell within reach
 */
export function pointGrid(points: readonly Point[], cell: number): PointGrid {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  if (!(x1 >= x0 && y1 >= y0)) x0 = y0 = x1 = y1 = 0;
  const wanted = cell > 0 && Number.isFinite(cell) ? cell : 1;
  // About one point a cell: smaller cells cost more visits than the checks they save.
  const perPoint = Math.sqrt(((x1 - x0) * (y1 - y0)) / Math.max(1, points.length));
  const size = Math.max(wanted, perPoint, (x1 - x0) / MAX_CELLS, (y1 - y0) / MAX_CELLS);
  const cols = Math.min(MAX_CELLS, Math.floor((x1 - x0) / size) + 1);
  const rows = Math.min(MAX_CELLS, Math.floor((y1 - y0) / size) + 1);
  const cx = (x: number) => Math.max(0, Math.min(cols - 1, Math.floor((x - x0) / size)));
  const cy = (y: number) => Math.max(0, Math.min(rows - 1, Math.floor((y - y0) / size)));
  const cells: number[][] = Array.from({ length: cols * rows }, () => []);
  const home: number[] = [];
  const file = (i: number) => {
    const p = points[i]!;
    const k = cx(p.x) * rows + cy(p.y);
    home[i] = k;
    cells[k]!.push(i);
  };
  for (let i = 0; i < points.length; i++) file(i);

  const collect = (out: number[], col: number, r0: number, r1: number, after: number) => {
    for (let r = r0; r <= r1; r++) {
      const list = cells[col * rows + r]!;
      for (let n = 0; n < list.length; n++) if (list[n]! > after) out.push(list[n]!);
    }
  };
  // A typed array sorts numerically in native code, many times faster than a comparator.
  const sorted = (out: number[]) => Int32Array.from(out).sort();

  return {
    move(i) {
      const p = points[i]!;
      if (cx(p.x) * rows + cy(p.y) === home[i]) return;
      const list = cells[home[i]!]!;
      list.splice(list.indexOf(i), 1);
      file(i);
    },
    near(x, y, reach, after = -1) {
      const out: number[] = [];
      const r0 = cy(y - reach);
      const r1 = cy(y + reach);
      for (let c = cx(x - reach); c <= cx(x + reach); c++) collect(out, c, r0, r1, after);
      return sorted(out);
    },
    along(p, q, reach, after = -1) {
      // Column by column: the segment's stretch whose x comes within `reach` of the column,
      // widened by `reach` in y, covers every point of the column within `reach` of the segment.
      const out: number[] = [];
      const dx = q.x - p.x;
      const dy = q.y - p.y;
      const c0 = cx(Math.min(p.x, q.x) - reach);
      const c1 = cx(Math.max(p.x, q.x) + reach);
      for (let c = c0; c <= c1; c++) {
        let t0 = 0;
        let t1 = 1;
        // The border columns also hold the points beyond them: no clipping there.
        if (Math.abs(dx) > 1e-12 && c > 0 && c < cols - 1) {
          const ta = (x0 + c * size - reach - p.x) / dx;
          const tb = (x0 + (c + 1) * size + reach - p.x) / dx;
          t0 = Math.max(0, Math.min(ta, tb));
          t1 = Math.min(1, Math.max(ta, tb));
          if (t0 > t1) continue;
        }
        const ya = p.y + t0 * dy;
        const yb = p.y + t1 * dy;
        collect(out, c, cy(Math.min(ya, yb) - reach), cy(Math.max(ya, yb) + reach), after);
      }
      return sorted(out);
    },
  };
}

/** A reach a little wider than `d`, so rounding in the cell arithmetic never misses a point. */
export function widen(d: number): number {
  return d * (1 + 1e-9) + 1e-6;
}

/**
 * Runs `push(k)` for every point k (ascending, neither a nor b) that may lie within `reach` of
 * segment ab: the loop over every k, less the ones too far to be pushed. `push` may move k, a and
 * b (it says whether it did); they are re-filed, and once a or b has drifted more than `slack` from
 * where the candidates were gathered, the rest are gathered again. Returns whether anything moved.
 *
 * @example
 * pushAlong(points, grid, 0, 1, 6, 3, (k) => pushOff(points[0], points[1], points[k]));
 */
export function pushAlong(
  points: readonly Point[],
  grid: PointGrid,
  a: number,
  b: number,
  reach: number,
  slack: number,
  push: (k: number) => boolean,
): boolean {
  const p = points[a]!;
  const q = points[b]!;
  let from = { px: p.x, py: p.y, qx: q.x, qy: q.y };
  const gather = (after: number) => grid.along(p, q, widen(reach + slack), after);
  let candidates = gather(-1);
  let moved = false;
  for (let n = 0; n < candidates.length; n++) {
    const k = candidates[n]!;
    if (k === a || k === b || !push(k)) continue;
    moved = true;
    grid.move(k);
    grid.move(a);
    grid.move(b);
    if (
      Math.max(Math.hypot(p.x - from.px, p.y - from.py), Math.hypot(q.x - from.qx, q.y - from.qy)) > slack
    ) {
      from = { px: p.x, py: p.y, qx: q.x, qy: q.y };
      candidates = gather(k);
      n = -1;
    }
  }
  return moved;
}

/**
 * Runs `push(j)` for every point j > i that may lie within `reach` of point i, ascending: the loop
 * over every later j, less the ones too far to be pushed. `push` may move i and j; i's drift past
 * `slack` re-gathers the rest, as in `pushAlong`. Returns whether anything moved.
 *
 * @example
 * pushNear(points, grid, 0, 10, 5, (j) => pushApart(points[0], points[j]));
 */
export function pushNear(
  points: readonly Point[],
  grid: PointGrid,
  i: number,
  reach: number,
  slack: number,
  push: (j: number) => boolean,
): boolean {
  const p = points[i]!;
  let from = { x: p.x, y: p.y };
  const gather = (after: number) => grid.near(p.x, p.y, widen(reach + slack), after);
  let candidates = gather(i);
  let moved = false;
  for (let n = 0; n < candidates.length; n++) {
    const j = candidates[n]!;
    if (!push(j)) continue;
    moved = true;
    grid.move(i);
    grid.move(j);
    if (Math.hypot(p.x - from.x, p.y - from.y) > slack) {
      from = { x: p.x, y: p.y };
      candidates = gather(j);
      n = -1;
    }
  }
  return moved;
}
