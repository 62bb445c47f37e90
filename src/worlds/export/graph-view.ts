/**
 * The flat node/edge view every export format writes: one row per actor, one per tie on the
 * snapshot's layer, with each dimension's value beside the composite.
 */
import { DIMENSIONS, type Dimension } from '../../domain/schema.js';
import type { Snapshot } from '../../domain/world.js';

export interface ExportNode {
  id: string;
  label: string;
  kind: string;
  lat?: number;
  lon?: number;
  cinc?: number;
}

export interface ExportEdge {
  source: string;
  target: string;
  layer: string;
  value: number;
  sign: -1 | 0 | 1;
  confidence: number;
  observed: string;
  evidence: string[];
  dimensions: Partial<Record<Dimension, number>>;
}

export interface GraphView {
  world: string;
  at: string;
  layer: string;
  nodes: ExportNode[];
  edges: ExportEdge[];
}

/**
 * The snapshot's actors as graph nodes: capital coordinates and the CINC in force at the date,
 * each only when known. The API's snapshot and every export format draw their nodes from here.
 *
 * @example
 * graphNodes(snapshot(world, '2021-12'))[0]; // { id: 'A', label: 'Alpha', kind: 'state', lat: 40, lon: 60, cinc: 0.04 }
 */
export function graphNodes(snap: Snapshot): ExportNode[] {
  return snap.actors.map((a) => ({
    id: a.id,
    label: a.name,
    kind: a.kind,
    ...(a.capital && { lat: a.capital.lat, lon: a.capital.lon }),
    ...(snap.capabilities[a.id]?.cinc !== undefined && { cinc: snap.capabilities[a.id]!.cinc }),
  }));
}

/** Builds the export view of a snapshot (pure). */
export function graphView(snap: Snapshot): GraphView {
  const perDim = new Map<string, Partial<Record<Dimension, number>>>();
  for (const d of DIMENSIONS) {
    for (const t of snap.byDimension[d]) {
      const key = `${t.a}|${t.b}`;
      perDim.set(key, { ...perDim.get(key), [d]: t.value });
    }
  }
  return {
    world: snap.world,
    at: snap.at,
    layer: snap.layer,
    nodes: graphNodes(snap),
    edges: snap.ties.map((t) => ({
      source: t.a,
      target: t.b,
      layer: String(t.dimension),
      value: round(t.value),
      sign: t.value > 0 ? 1 : t.value < 0 ? -1 : 0,
      confidence: round(t.confidence),
      observed: t.observed,
      evidence: t.evidence,
      dimensions: perDim.get(`${t.a}|${t.b}`) ?? {},
    })),
  };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Escapes text for XML attribute and element content. */
export function xml(text: string | number): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
