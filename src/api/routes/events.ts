/**
 * Events from the embedded DuckDB store: a world's dated, CAMEO-coded events filtered by actor,
 * dyad and period, and their dyad-month aggregation (counts and mean Goldstein score).
 */
import { createRoute, type z } from '@hono/zod-openapi';
import type { ApiContext } from '../context.js';
import { DyadMonthsBody, EventQuery, EventsBody, WorldParam } from '../schemas.js';
import { actorOf, errorResponses, json, routeApp } from './shared.js';

const listEvents = createRoute({
  method: 'get',
  path: '/api/worlds/{world}/events',
  tags: ['events'],
  summary: 'Dated, CAMEO-coded events of a world from the event store (DuckDB), oldest first',
  request: { params: WorldParam, query: EventQuery },
  responses: { 200: json(EventsBody, 'events'), ...errorResponses(404) },
});

const monthly = createRoute({
  method: 'get',
  path: '/api/worlds/{world}/events/monthly',
  tags: ['events'],
  summary: 'Events aggregated per dyad and month: count, mean Goldstein, cooperative and conflictual',
  request: { params: WorldParam, query: EventQuery.omit({ limit: true }) },
  responses: { 200: json(DyadMonthsBody, 'dyad-months'), ...errorResponses(404) },
});

function storeQuery(
  ctx: ApiContext,
  world: string,
  q: z.infer<typeof EventQuery> | Omit<z.infer<typeof EventQuery>, 'limit'>,
) {
  const w = ctx.registry.world(world);
  for (const id of [q.actor, q.a, q.b]) if (id) actorOf(w, id);
  return {
    origin: w.meta.id,
    ...(q.actor && { actor: q.actor }),
    ...(q.a && q.b && { pair: [q.a, q.b] as [string, string] }),
    ...(q.from && { from: q.from }),
    ...(q.to && { to: q.to }),
  };
}

export function eventRoutes(ctx: ApiContext) {
  return routeApp()
    .openapi(listEvents, async (c) => {
      const { world } = c.req.valid('param');
      const q = c.req.valid('query');
      const store = await ctx.events.forWorld(ctx.registry.world(world).meta.id);
      return c.json({ events: await store.events({ ...storeQuery(ctx, world, q), limit: q.limit }) }, 200);
    })
    .openapi(monthly, async (c) => {
      const { world } = c.req.valid('param');
      const q = c.req.valid('query');
      const store = await ctx.events.forWorld(ctx.registry.world(world).meta.id);
      return c.json({ series: await store.dyadMonths(storeQuery(ctx, world, q)) }, 200);
    });
}
