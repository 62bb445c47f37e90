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
    nodes: snap.actors.map((a) => ({
      id: a.id,
      label: a.name,
      kind: a.kind,
      ...(a.capital && { lat: a.capital.lat, lon: a.capital.lon }),
      ...(snap.capabilities[a.id]?.cinc !== undefined && { cinc: snap.capabilities[a.id]!.cinc }),
    })),
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
