/** The alignment chart's label placement on hand-made crowds: no overlaps, nothing lost, repeatable. */
import { describe, expect, it } from 'vitest';
import { type Box, countBoxOverlaps, type LabelRequest, placeLabels } from '../web/src/label-placement.js';

const FRAME: Box = { left: 0, top: 0, right: 300, bottom: 200 };

/** Twelve dots a few pixels apart, the crowd the old stacking printed over each other. */
function crowd(): LabelRequest[] {
  return Array.from({ length: 12 }, (_, i) => ({
    id: `A${i}`,
    x: 140 + (i % 4) * 6,
    y: 100 + Math.floor(i / 4) * 5,
    r: 5,
    width: 24,
    height: 13,
  }));
}

function boxes(placed: { x: number; y: number }[], w: number, h: number): Box[] {
  return placed.map((p) => ({
    left: p.x - w / 2,
    top: p.y - h / 2,
    right: p.x + w / 2,
    bottom: p.y + h / 2,
  }));
}

describe('placeLabels', () => {
  it('places a crowd with no two labels overlapping, inside the frame, each label accounted for', () => {
    const labels = crowd();
    const { placed, dropped } = placeLabels(labels, FRAME);
    expect(placed.length + dropped.length).toBe(labels.length);
    expect(placed.length).toBeGreaterThan(8);
    const laid = boxes(placed, 24, 13);
    expect(countBoxOverlaps(laid)).toBe(0);
    for (const b of laid) {
      expect(b.left).toBeGreaterThanOrEqual(FRAME.left);
      expect(b.right).toBeLessThanOrEqual(FRAME.right);
    }
    expect(placed.some((p) => p.leader)).toBe(true);
  });

  it('puts a lone label just above its dot, with no leader', () => {
    const { placed } = placeLabels([{ id: 'A', x: 100, y: 100, r: 5, width: 20, height: 10 }], FRAME);
    expect(placed).toEqual([{ id: 'A', x: 100, y: 100 - 5 - 2 - 1 - 5, leader: false }]);
  });

  it('drops what does not fit rather than overlap, and is repeatable', () => {
    const tight = { left: 120, top: 80, right: 190, bottom: 130 };
    const first = placeLabels(crowd(), tight, { rings: 2 });
    expect(first.dropped.length).toBeGreaterThan(0);
    expect(countBoxOverlaps(boxes(first.placed, 24, 13))).toBe(0);
    expect(placeLabels(crowd(), tight, { rings: 2 })).toEqual(first);
  });
});
