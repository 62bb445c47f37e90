/** The network view's edge–node clearance on hand-made drawings: it clears, and it is repeatable. */
import { describe, expect, it } from 'vitest';
import {
  type ClearanceNode,
  type ClearanceSegment,
  clearEdges,
  countEdgeNodeOverlaps,
  segmentDistance,
} from '../web/src/edge-clearance.js';

/** A 5 × 5 grid of nodes with both diagonals and the middle row drawn as lines (many crossings). */
function grid(): { nodes: ClearanceNode[]; lines: ClearanceSegment[] } {
  const nodes: ClearanceNode[] = [];
  for (let i = 0; i < 5; i++) {
    for (let j = 0; j < 5; j++)
      nodes.push({ id: `n${i}${j}`, x: 40 * j, y: 40 * i, r: 4 + ((i + j) % 3) * 3 });
  }
  const lines = [
    { a: 'n00', b: 'n44', width: 3 },
    { a: 'n04', b: 'n40', width: 1 },
    { a: 'n20', b: 'n24', width: 7 },
    { a: 'n02', b: 'n42', width: 2 },
  ];
  return { nodes, lines };
}

describe('clearEdges', () => {
  it('leaves no line over a node it does not join, with the margin kept', () => {
    const { nodes, lines } = grid();
    expect(countEdgeNodeOverlaps(nodes, lines)).toBeGreaterThan(5);
    clearEdges(nodes, lines, { margin: 2 });
    expect(countEdgeNodeOverlaps(nodes, lines)).toBe(0);
    const at = new Map(nodes.map((n) => [n.id, n]));
    for (const s of lines) {
      for (const c of nodes) {
        if (c.id === s.a || c.id === s.b) continue;
        expect(segmentDistance(at.get(s.a)!, at.get(s.b)!, c)).toBeGreaterThanOrEqual(
          c.r + s.width / 2 + 2 - 1e-6,
        );
      }
    }
  });

  it('gives the same positions every time', () => {
    const first = grid();
    const second = grid();
    clearEdges(first.nodes, first.lines);
    clearEdges(second.nodes, second.lines);
    expect(second.nodes).toEqual(first.nodes);
  });

  it('moves nothing when no line is in the way', () => {
    const nodes = [
      { id: 'A', x: 0, y: 0, r: 4 },
      { id: 'B', x: 100, y: 0, r: 4 },
      { id: 'C', x: 50, y: 30, r: 4 },
    ];
    const before = structuredClone(nodes);
    expect(clearEdges(nodes, [{ a: 'A', b: 'B', width: 2 }])).toBe(0);
    expect(nodes).toEqual(before);
  });

  it('spends at most maxChecks on a dense network that cannot be cleared', () => {
    // 200 nodes on a ring, every pair joined: no placement clears this, so only the budget stops it.
    const nodes: ClearanceNode[] = Array.from({ length: 200 }, (_, i) => ({
      id: `n${i}`,
      x: 400 + 300 * Math.cos(i),
      y: 300 + 300 * Math.sin(i),
      r: 6,
    }));
    const lines: ClearanceSegment[] = [];
    for (let i = 0; i < 200; i += 2)
      for (let j = i + 1; j < 200; j += 3) lines.push({ a: `n${i}`, b: `n${j}`, width: 1 });
    const perPass = 400 * 200 + (200 * 199) / 2;
    expect(clearEdges(nodes, lines, { maxLines: 400, maxChecks: 3 * perPass })).toBe(3);
  });

  it('clears only the maxLines widest lines', () => {
    const nodes = [
      { id: 'A', x: 0, y: 0, r: 4 },
      { id: 'B', x: 100, y: 0, r: 4 },
      { id: 'C', x: 50, y: 1, r: 4 },
      { id: 'D', x: 0, y: 100, r: 4 },
      { id: 'E', x: 100, y: 100, r: 4 },
      { id: 'F', x: 50, y: 100, r: 4 },
    ];
    const lines = [
      { a: 'A', b: 'B', width: 1 },
      { a: 'D', b: 'E', width: 5 },
    ];
    clearEdges(nodes, lines, { maxLines: 1 });
    // F sat on the wide line and was moved off; C still sits on the narrow one, which was left alone.
    expect(countEdgeNodeOverlaps([nodes[3]!, nodes[4]!, nodes[5]!], [lines[1]!])).toBe(0);
    expect(countEdgeNodeOverlaps([nodes[0]!, nodes[1]!, nodes[2]!], [lines[0]!])).toBe(1);
  });
});
