/** Exports of a snapshot as a file: GEXF and GraphML (Gephi, Cytoscape), CSV edge list, JSON. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { EXPORT_FORMATS, EXPORT_MEDIA_TYPES, exportSnapshot } from '../../worlds/export/index.js';
import type { ApiContext } from '../context.js';
import { SnapshotQuery, WorldParam } from '../schemas.js';
import { atOf, errorResponses } from './shared.js';

const EXTENSIONS: Readonly<Record<(typeof EXPORT_FORMATS)[number], string>> = Object.freeze({
  gexf: 'gexf',
  graphml: 'graphml',
  csv: 'csv',
  json: 'json',
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/worlds/{world}/export/{format}',
  tags: ['exports'],
  summary: 'A snapshot as a file to download (GEXF, GraphML, CSV edge list or JSON)',
  request: {
    params: WorldParam.extend({ format: z.enum(EXPORT_FORMATS) }),
    query: SnapshotQuery,
  },
  responses: {
    200: {
      description: 'the file, with Content-Disposition: attachment',
      content: Object.fromEntries(EXPORT_FORMATS.map((f) => [EXPORT_MEDIA_TYPES[f], { schema: z.string() }])),
    },
    ...errorResponses(404, 422),
  },
});

export function registerExportRoutes(app: OpenAPIHono, ctx: ApiContext): void {
  app.openapi(exportRoute, (c) => {
    const { world: id, format } = c.req.valid('param');
    const q = c.req.valid('query');
    const at = atOf(ctx.registry.world(id), q.at);
    const text = exportSnapshot(ctx.registry.snapshot(id, at, q.dimension), format);
    const name = `${id}-${at}-${q.dimension}.${EXTENSIONS[format]}`;
    return c.body(text, 200, {
      'Content-Type': `${EXPORT_MEDIA_TYPES[format]}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${name}"`,
    });
  });
}
