/**
 * Exports of a snapshot as a file: GEXF and GraphML (Gephi, Cytoscape), CSV edge list, JSON; and the
 * sources behind a view as BibTeX or CSL-JSON.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  CITATION_EXTENSIONS,
  CITATION_FORMATS,
  CITATION_MEDIA_TYPES,
  formatCitations,
} from '../../worlds/export/citations.js';
import { citedSources } from '../../worlds/export/cited-sources.js';
import { EXPORT_FORMATS, EXPORT_MEDIA_TYPES, exportSnapshot } from '../../worlds/export/index.js';
import type { ApiContext } from '../context.js';
import { CalendarDate, SnapshotQuery, WorldParam } from '../schemas.js';
import { atOf, errorResponses, routeApp } from './shared.js';

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

const citationsRoute = createRoute({
  method: 'get',
  path: '/api/worlds/{world}/citations',
  tags: ['exports'],
  summary: 'The sources behind a view (the whole world, the ties at a date, one pair) as BibTeX or CSL-JSON',
  request: {
    params: WorldParam,
    query: z.object({
      format: z.enum(CITATION_FORMATS).meta({ example: 'bibtex' }),
      at: CalendarDate.optional().meta({
        description: 'only the ties in force at this date; absent = every observation',
        example: '2021-12',
      }),
      pair: z
        .string()
        .regex(/^[^,]+,[^,]+$/, 'pair is A,B: two actor ids')
        .optional()
        .meta({ description: 'only the ties between these two actors', example: 'IND,RUS' }),
    }),
  },
  responses: {
    200: {
      description: 'the bibliography, with Content-Disposition: attachment',
      content: Object.fromEntries(
        CITATION_FORMATS.map((f) => [CITATION_MEDIA_TYPES[f], { schema: z.string() }]),
      ),
    },
    ...errorResponses(404, 422),
  },
});

export function exportRoutes(ctx: ApiContext) {
  return routeApp()
    .openapi(exportRoute, (c) => {
      const { world: id, format } = c.req.valid('param');
      const q = c.req.valid('query');
      const at = atOf(ctx.registry.world(id), q.at);
      const text = exportSnapshot(ctx.registry.snapshot(id, at, q.dimension), format);
      const name = `${id}-${at}-${q.dimension}.${EXTENSIONS[format]}`;
      return c.body(text, 200, {
        'Content-Type': `${EXPORT_MEDIA_TYPES[format]}; charset=utf-8`,
        'Content-Disposition': `attachment; filename="${name}"`,
      });
    })

    .openapi(citationsRoute, (c) => {
      const { world: id } = c.req.valid('param');
      const q = c.req.valid('query');
      const pair = q.pair?.split(',').map((x) => x.trim()) as [string, string] | undefined;
      const text = formatCitations(citedSources(ctx.registry.world(id), { at: q.at, pair }), q.format);
      const view = [id, q.at, pair?.join('-')].filter(Boolean).join('-');
      return c.body(text, 200, {
        'Content-Type': `${CITATION_MEDIA_TYPES[q.format]}; charset=utf-8`,
        'Content-Disposition': `attachment; filename="${view}-sources.${CITATION_EXTENSIONS[q.format]}"`,
      });
    });
}
