/**
 * Keeps the network's lines off the nodes they do not join, as sigma draws them: the nodes start
 * from their map positions, are nudged in pixels of the unzoomed camera over the map's own frame
 * (see `edge-clearance.ts`; so the result depends on the world, the month and the canvas size
 * only), and what is left is counted as drawn, into the canvas's `data-edge-node-overlaps`.
 */
import type { UndirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import { type ClearanceNode, clearEdges, countEdgeNodeOverlaps } from '../edge-clearance.js';

type Point = { x: number; y: number };

/**
 * Clears `graph`'s shown nodes off its lines, from `home`. With `render` false the caller is at the
 * start of a sigma frame (its `resize` event), which draws the new positions: no render of its own,
 * and the count follows that frame. `done` runs once the count is in `canvas.dataset`.
 *
 * @example
 * clearNetwork(renderer, graph, home, canvas, { render: true });
 */
export function clearNetwork(
  r: Sigma,
  graph: UndirectedGraph,
  home: ReadonlyMap<string, Point>,
  canvas: HTMLElement,
  options: { render: boolean; done?: () => void },
): void {
  const box = homeFrame(home);
  const old = r.getCustomBBox();
  // The frame maps graph to screen: a new one takes a processing pass before it can be used.
  if (!old || old.x.join() !== box.x.join() || old.y.join() !== box.y.join()) {
    r.setCustomBBox({ x: [box.x[0], box.x[1]], y: [box.y[0], box.y[1]] });
    r.refresh();
  }
  const unzoomed = { cameraState: { x: 0.5, y: 0.5, ratio: 1, angle: 0 } };
  const nodes: ClearanceNode[] = [];
  graph.forEachNode((id, attrs) => {
    if (attrs.hidden) return;
    const p = r.graphToViewport(home.get(id)!, unzoomed);
    nodes.push({ id, x: p.x, y: p.y, r: r.scaleSize(attrs.size as number, 1) });
  });
  const lines = graph.mapEdges((_e, attrs, a, b) => ({ a, b, width: attrs.size as number }));
  clearEdges(nodes, lines);
  const moved = new Map(nodes.map((n) => [n.id, r.viewportToGraph(n, unzoomed)]));
  // One graph event for all nodes (sigma then reprocesses once), not one per node.
  graph.updateEachNodeAttributes((id, attrs) => ({ ...attrs, ...(moved.get(id) ?? home.get(id)!) }), {
    attributes: ['x', 'y'],
  });
  const count = () => {
    canvas.dataset.edgeNodeOverlaps = String(countEdgeNodeOverlaps(drawnNodes(r, graph), lines));
    canvas.dataset.cleared = 'true';
    performance.mark('cb:network-cleared');
    options.done?.();
  };
  if (options.render) {
    r.refresh();
    count();
  } else r.once('afterRender', count);
}

/**
 * The extent of the map positions: the frame the clearance and sigma share.
 *
 * @example
 * homeFrame(new Map([['A', { x: 0, y: 1 }], ['B', { x: 2, y: 3 }]])); // { x: [0, 2], y: [1, 3] }
 */
export function homeFrame(home: ReadonlyMap<string, Point>): { x: [number, number]; y: [number, number] } {
  const xs = [...home.values()].map((p) => p.x);
  const ys = [...home.values()].map((p) => p.y);
  return { x: [Math.min(...xs), Math.max(...xs)], y: [Math.min(...ys), Math.max(...ys)] };
}

/** The shown nodes where sigma drew them, in viewport pixels, with their drawn radii. */
function drawnNodes(r: Sigma, graph: UndirectedGraph): ClearanceNode[] {
  const out: ClearanceNode[] = [];
  graph.forEachNode((id, attrs) => {
    const shown = r.getNodeDisplayData(id);
    if (attrs.hidden || !shown) return;
    const p = r.framedGraphToViewport(shown);
    out.push({ id, x: p.x, y: p.y, r: r.scaleSize(shown.size) });
  });
  return out;
}
