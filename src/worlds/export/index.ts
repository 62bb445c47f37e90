/** Export formats by name: GEXF and GraphML for Gephi/Cytoscape, CSV edge lists, JSON. */
import { InvalidInputError } from '../../domain/errors.js';
import type { Snapshot } from '../../domain/world.js';
import { toGexf } from './gexf.js';
import { type GraphView, graphView } from './graph-view.js';
import { toGraphml } from './graphml.js';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = Object.freeze({
  gexf: 'application/gexf+xml',
  graphml: 'application/graphml+xml',
  csv: 'text/csv',
  json: 'application/json',
});

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(g: GraphView): string {
  const header = ['source', 'target', 'layer', 'value', 'sign', 'confidence', 'observed', 'evidence'];
  const rows = g.edges.map((e) =>
    [e.source, e.target, e.layer, e.value, e.sign, e.confidence, e.observed, e.evidence.join(';')]
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...rows].join('\n')}\n`;
}

/**
 * Serialises a snapshot in one of the export formats.
 *
 * @example
 * exportSnapshot(snapshot(world, '2021-12'), 'gexf'); // '<?xml …'
 */
export function exportSnapshot(snap: Snapshot, format: string): string {
  const g = graphView(snap);
  switch (format) {
    case 'gexf':
      return toGexf(g);
    case 'graphml':
      return toGraphml(g);
    case 'csv':
      return toCsv(g);
    case 'json':
      return `${JSON.stringify(g, null, 2)}\n`;
    default:
      throw new InvalidInputError({
        field: 'format',
        message: `unknown export format '${format}'`,
        hint: `use one of ${EXPORT_FORMATS.join(', ')}`,
      });
  }
}
