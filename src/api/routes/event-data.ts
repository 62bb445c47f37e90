/**
 * Imported event data (GDELT, ICEWS) in the store: a dyad's series per month or year, and the
 * events behind one point of it, paged, each with its file, line and source URL. Imports happen
 * through the CLI (`events import`); the server never reads a path it is given.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { Id } from '../../domain/schema.js';
import { endOf, startOf } from '../../domain/time.js';
import type { ApiContext } from '../context.js';
import { CalendarDate } from '../schemas.js';
import { errorResponses, json, routeApp } from './shared.js';

const Pair = z.object({ a: Id.meta({ example: 'PAK' }), b: Id.meta({ example: 'RUS' }) });

const SeriesQuery = Pair.extend({
  by: z.enum(['month', 'year']).default('month'),
  weighting: z.enum(['events', 'mentions', 'root']).default('events'),
});

const DyadPeriodBody = z.object({
  a: z.string(),
  b: z.string(),
  period: z.string(),
  count: z.number(),
  goldsteinSum: z.number(),
  goldsteinMean: z.number(),
  coopSum: z.number(),
  conflictSum: z.number(),
  quad: z.array(z.number()).length(4),
  score: z.number(),
});

const EventsAtQuery = Pair.extend({
  at: CalendarDate.meta({ description: 'the period: YYYY, YYYY-MM or YYYY-MM-DD', example: '2020-11' }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

const EventRow = z.object({
  id: z.string(),
  date: z.string(),
  source: z.string(),
  target: z.string(),
  cameo: z.string(),
  goldstein: z.number(),
  quad: z.string(),
  file: z.string(),
  line: z.number().nullable(),
  url: z.string().nullable(),
});

const series = createRoute({
  method: 'get',
  path: '/api/event-data/dyads',
  tags: ['events'],
  summary: 'One dyad of the imported event data per month or year: counts, Goldstein sums, quads, score',
  request: { query: SeriesQuery },
  responses: { 200: json(z.object({ series: z.array(DyadPeriodBody) }), 'dyad series'), ...errorResponses() },
});

const eventsAt = createRoute({
  method: 'get',
  path: '/api/event-data/events',
  tags: ['events'],
  summary: 'The events of a dyad in one period, paged, with file, line and source URL',
  request: { query: EventsAtQuery },
  responses: {
    200: json(
      z.object({ events: z.array(EventRow), page: z.number(), next: z.number().nullable() }),
      'events',
    ),
    ...errorResponses(),
  },
});

export function eventDataRoutes(ctx: ApiContext) {
  return routeApp()
    .openapi(series, async (c) => {
      const q = c.req.valid('query');
      const store = await ctx.events.open();
      const rows = await store.dyads({ by: q.by, weighting: q.weighting, actors: [q.a, q.b] });
      return c.json({ series: rows.filter((r) => r.a !== r.b) }, 200);
    })
    .openapi(eventsAt, async (c) => {
      const q = c.req.valid('query');
      const store = await ctx.events.open();
      const found = await store.events({
        pair: [q.a, q.b],
        from: startOf(q.at),
        to: endOf(q.at),
        limit: q.pageSize + 1,
        offset: (q.page - 1) * q.pageSize,
        imported: true,
      });
      const events = found.slice(0, q.pageSize).map((e) => ({
        id: e.id,
        date: e.date,
        source: e.source,
        target: e.target,
        cameo: e.cameo,
        goldstein: e.goldstein,
        quad: e.quad,
        file: e.origin,
        line: e.line ?? null,
        url: e.evidence.find((x) => /^https?:\/\//.test(x)) ?? null,
      }));
      return c.json({ events, page: q.page, next: found.length > q.pageSize ? q.page + 1 : null }, 200);
    });
}
