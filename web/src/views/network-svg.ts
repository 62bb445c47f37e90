/** The network view as a standalone SVG, for the PNG and SVG export buttons. */
import type { UndirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import type { SnapshotBody } from '../../../src/api/client.js';
import { MEMBERSHIP_COLOR, signColor, tieWidth } from '../palette.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgEl(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/**
 * The network as drawn on screen (same camera), as a standalone SVG: ties as lines, memberships
 * as dashed paths (so a tie count of lines stays a tie count), hidden actors left out.
 */
export function networkSvg(graph: UndirectedGraph, renderer: Sigma, snap: SnapshotBody): SVGSVGElement {
  const { width, height } = renderer.getDimensions();
  const svg = svgEl('svg', {
    xmlns: SVG_NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
  }) as SVGSVGElement;
  svg.appendChild(svgEl('rect', { width, height, fill: '#ffffff' }));
  const title = svgEl('text', {
    x: 12,
    y: 20,
    'font-family': 'system-ui, sans-serif',
    'font-size': 14,
    fill: '#1a1a1a',
  });
  title.textContent = `${snap.world} · ${snap.at} · ${snap.layer}`;
  svg.appendChild(title);
  const at = (node: string) =>
    renderer.graphToViewport(graph.getNodeAttributes(node) as { x: number; y: number });
  graph.forEachEdge((_edge, attrs, source, target) => {
    const p = at(source);
    const q = at(target);
    if (attrs.kind === 'membership') {
      svg.appendChild(
        svgEl('path', {
          d: `M${p.x},${p.y}L${q.x},${q.y}`,
          stroke: MEMBERSHIP_COLOR,
          'stroke-width': 1,
          'stroke-dasharray': '4 3',
          fill: 'none',
        }),
      );
      return;
    }
    svg.appendChild(
      svgEl('line', {
        x1: p.x,
        y1: p.y,
        x2: q.x,
        y2: q.y,
        stroke: signColor(attrs.value as number),
        'stroke-opacity': 0.8,
        'stroke-width': tieWidth(attrs.value as number) / 1.5,
      }),
    );
  });
  graph.forEachNode((node, attrs) => {
    if (attrs.hidden) return;
    const p = at(node);
    svg.appendChild(
      svgEl('circle', { cx: p.x, cy: p.y, r: (attrs.size as number) / 1.2, fill: attrs.color as string }),
    );
    const label = svgEl('text', {
      x: p.x + (attrs.size as number) / 1.2 + 3,
      y: p.y + 4,
      'font-family': 'system-ui, sans-serif',
      'font-size': 12,
      'font-weight': 600,
      fill: '#1a1a1a',
    });
    label.textContent = node;
    svg.appendChild(label);
  });
  const legend = svgEl('text', {
    x: 12,
    y: height - 12,
    'font-family': 'system-ui, sans-serif',
    'font-size': 11,
    fill: '#404040',
  });
  legend.textContent = 'blue: positive tie · red: negative tie · width: strength · dashed: membership';
  svg.appendChild(legend);
  return svg;
}
