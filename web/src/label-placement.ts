/**
 * Label placement for point charts: greedy candidate-position placement (the "point-feature
 * label placement" of Christensen, Marks & Shieber 1995, greedy variant). Labels are placed one
 * at a time, most important first; each tries positions around its point on rings of growing
 * distance (the first ring touches the dot, the further ones get a leader line) and takes the
 * first that stays in the frame and overlaps no placed label and no dot. A label with no free spot
 * is dropped, for the caller to list beside the chart. No random draw: the same input always gives
 * the same layout.
 */

export interface LabelRequest {
  id: string;
  /** The labelled point, in pixels. */
  x: number;
  y: number;
  /** Radius of the point's dot (labels keep off every dot). */
  r: number;
  /** The label's measured size, in pixels. */
  width: number;
  height: number;
}

export interface PlacedLabel {
  id: string;
  /** Centre of the label's box. */
  x: number;
  y: number;
  /** Whether the label sits away from its dot and needs a line to it. */
  leader: boolean;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LabelPlacementOptions {
  /** Space between a dot's rim and its label on the first ring, in pixels. */
  gap: number;
  /** Free space kept around each label, in pixels. */
  padding: number;
  /** Extra distance of each further ring, in pixels. */
  ringStep: number;
  /** Rings tried before a label is dropped (1 = next to the dot only). */
  rings: number;
  /** Directions tried on each ring. */
  directions: number;
}

export const LABEL_PLACEMENT_DEFAULTS: Readonly<LabelPlacementOptions> = Object.freeze({
  gap: 2,
  padding: 1,
  ringStep: 10,
  rings: 6,
  directions: 16,
});

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Whether a box comes within `r` of a point. */
function touchesDot(b: Box, x: number, y: number, r: number): boolean {
  const dx = Math.max(b.left - x, 0, x - b.right);
  const dy = Math.max(b.top - y, 0, y - b.bottom);
  return dx * dx + dy * dy < r * r;
}

/**
 * Pairs of boxes that overlap.
 *
 * @example
 * countBoxOverlaps([{ left: 0, top: 0, right: 10, bottom: 10 }, { left: 5, top: 5, right: 15, bottom: 15 }]); // 1
 */
export function countBoxOverlaps(boxes: readonly Box[]): number {
  let n = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!, boxes[j]!)) n++;
  }
  return n;
}

/**
 * Places labels in `frame` in the order given (put the most important first).
 *
 * @example
 * const { placed, dropped } = placeLabels(
 *   [{ id: 'A', x: 50, y: 50, r: 5, width: 20, height: 12 }, { id: 'B', x: 52, y: 50, r: 5, width: 20, height: 12 }],
 *   { left: 0, top: 0, right: 200, bottom: 200 },
 * );
 * placed.length; // 2: A just above its dot, B beside it or further out with a leader
 */
export function placeLabels(
  labels: readonly LabelRequest[],
  frame: Box,
  options: Partial<LabelPlacementOptions> = {},
): { placed: PlacedLabel[]; dropped: string[] } {
  const opts = { ...LABEL_PLACEMENT_DEFAULTS, ...options };
  const taken: Box[] = [];
  const placed: PlacedLabel[] = [];
  const dropped: string[] = [];
  // Directions start straight up and alternate right and left of it, so the usual spot comes first.
  const angles = [0];
  for (let k = 1; angles.length < opts.directions; k++) {
    angles.push((2 * Math.PI * k) / opts.directions);
    if (angles.length < opts.directions) angles.push((-2 * Math.PI * k) / opts.directions);
  }
  for (const l of labels) {
    const spot = findSpot(l, labels, taken, frame, angles, opts);
    if (!spot) {
      dropped.push(l.id);
      continue;
    }
    taken.push(spot.box);
    placed.push({
      id: l.id,
      x: (spot.box.left + spot.box.right) / 2,
      y: (spot.box.top + spot.box.bottom) / 2,
      leader: spot.ring > 0,
    });
  }
  return { placed, dropped };
}

function findSpot(
  l: LabelRequest,
  all: readonly LabelRequest[],
  taken: readonly Box[],
  frame: Box,
  angles: readonly number[],
  opts: LabelPlacementOptions,
): { box: Box; ring: number } | undefined {
  const hw = l.width / 2 + opts.padding;
  const hh = l.height / 2 + opts.padding;
  for (let ring = 0; ring < opts.rings; ring++) {
    const reach = l.r + opts.gap + ring * opts.ringStep;
    for (const a of angles) {
      // The box's side nearest the dot touches the circle of radius `reach` in direction `a`.
      const ux = Math.sin(a);
      const uy = -Math.cos(a);
      const scale = Math.min(hw / Math.max(Math.abs(ux), 1e-9), hh / Math.max(Math.abs(uy), 1e-9));
      const cx = l.x + ux * (reach + scale);
      const cy = l.y + uy * (reach + scale);
      const box = { left: cx - hw, top: cy - hh, right: cx + hw, bottom: cy + hh };
      if (
        box.left < frame.left ||
        box.right > frame.right ||
        box.top < frame.top ||
        box.bottom > frame.bottom
      ) {
        continue;
      }
      if (taken.some((t) => overlaps(t, box))) continue;
      if (all.some((d) => touchesDot(box, d.x, d.y, d.r))) continue;
      return { box, ring };
    }
  }
  return undefined;
}
