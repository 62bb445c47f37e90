/**
 * GraphML (Cytoscape, yEd, networkx, igraph). Every attribute is declared as a typed key.
 */
import { DIMENSIONS } from '../../domain/schema.js';
import { type GraphView, xml } from './graph-view.js';

const NODE_KEYS = [
  ['label', 'string'],
  ['kind', 'string'],
  ['cinc', 'double'],
  ['lat', 'double'],
  ['lon', 'double'],
] as const;
const EDGE_KEYS = [
  ['value', 'double'],
  ['weight', 'double'],
  ['sign', 'int'],
  ['confidence', 'double'],
  ['observed', 'string'],
  ['evidence', 'string'],
  ...DIMENSIONS.map((d) => [d, 'double'] as const),
] as const;

function data(key: string, value: string | number | undefined): string {
  return value === undefined ? '' : `      <data key="${key}">${xml(value)}</data>`;
}

/**
 * Serialises a graph view as GraphML.
 *
 * @example
 * writeFileSync('eurasia.graphml', toGraphml(graphView(snapshot(world, '2021-12'))));
 */
export function toGraphml(g: GraphView): string {
  const keys = [
    ...NODE_KEYS.map(([k, t]) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${t}"/>`),
    ...EDGE_KEYS.map(([k, t]) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`),
  ];
  const nodes = g.nodes.map((n) => {
    const body = NODE_KEYS.map(([k]) => data(`n_${k}`, k === 'label' ? n.label : n[k])).filter(Boolean);
    return `    <node id="${xml(n.id)}">\n${body.join('\n')}\n    </node>`;
  });
  const edges = g.edges.map((e, i) => {
    const values: Record<string, string | number | undefined> = {
      value: e.value,
      weight: Math.abs(e.value),
      sign: e.sign,
      confidence: e.confidence,
      observed: e.observed,
      evidence: e.evidence.join(';'),
      ...e.dimensions,
    };
    const body = EDGE_KEYS.map(([k]) => data(`e_${k}`, values[k])).filter(Boolean);
    return `    <edge id="e${i}" source="${xml(e.source)}" target="${xml(e.target)}">\n${body.join('\n')}\n    </edge>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys,
    `  <graph id="${xml(`${g.world}@${g.at}:${g.layer}`)}" edgedefault="undirected">`,
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}
