/**
 * GEXF 1.3 (the format Gephi reads natively). Edge weight is |value| because layouts expect
 * positive weights; the signed value, sign, confidence and per-dimension values are attributes,
 * colours follow the sign, and node positions are capital longitude/latitude.
 */
import { DIMENSIONS } from '../../domain/schema.js';
import { endOf } from '../../domain/time.js';
import { type GraphView, xml } from './graph-view.js';

const NODE_ATTRS = [
  ['kind', 'string'],
  ['cinc', 'double'],
  ['lat', 'double'],
  ['lon', 'double'],
] as const;
const EDGE_ATTRS = [
  ['value', 'double'],
  ['sign', 'integer'],
  ['confidence', 'double'],
  ['observed', 'string'],
  ['evidence', 'string'],
  ...DIMENSIONS.map((d) => [d, 'double'] as const),
] as const;

/**
 * Serialises a graph view as GEXF 1.3.
 *
 * @example
 * writeFileSync('eurasia.gexf', toGexf(graphView(snapshot(world, '2021-12'))));
 */
export function toGexf(g: GraphView): string {
  const declare = ([id, type]: readonly [string, string]) =>
    `      <attribute id="${id}" title="${id}" type="${type}"/>`;
  const nodeAttr = NODE_ATTRS.map(declare);
  const edgeAttr = EDGE_ATTRS.map(declare);
  const nodes = g.nodes.map((n) => {
    const vals = NODE_ATTRS.map(([k]) => {
      const v = n[k as keyof typeof n];
      return v === undefined ? '' : `          <attvalue for="${k}" value="${xml(v)}"/>`;
    }).filter(Boolean);
    const pos =
      n.lon !== undefined && n.lat !== undefined
        ? `\n        <viz:position x="${n.lon * 10}" y="${n.lat * 10}" z="0"/>`
        : '';
    return `      <node id="${xml(n.id)}" label="${xml(n.label)}">\n        <attvalues>\n${vals.join('\n')}\n        </attvalues>${pos}\n      </node>`;
  });
  const edges = g.edges.map((e, k) => {
    const values: Record<string, string | number | undefined> = {
      value: e.value,
      sign: e.sign,
      confidence: e.confidence,
      observed: e.observed,
      evidence: e.evidence.join(';'),
      ...e.dimensions,
    };
    const vals = EDGE_ATTRS.map(([id]) =>
      values[id] === undefined ? '' : `          <attvalue for="${id}" value="${xml(values[id]!)}"/>`,
    ).filter(Boolean);
    const colour =
      e.sign > 0 ? 'r="46" g="139" b="87"' : e.sign < 0 ? 'r="200" g="40" b="40"' : 'r="150" g="150" b="150"';
    return `      <edge id="${k}" source="${xml(e.source)}" target="${xml(e.target)}" weight="${Math.abs(e.value)}">\n        <attvalues>\n${vals.join('\n')}\n        </attvalues>\n        <viz:color ${colour}/>\n      </edge>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    `  <meta lastmodifieddate="${endOf(g.at)}">`,
    '    <creator>counterbalance</creator>',
    `    <description>${xml(`${g.world} at ${g.at}, layer ${g.layer}`)}</description>`,
    '  </meta>',
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    ...nodeAttr,
    '    </attributes>',
    '    <attributes class="edge">',
    ...edgeAttr,
    '    </attributes>',
    '    <nodes>',
    ...nodes,
    '    </nodes>',
    '    <edges>',
    ...edges,
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}
