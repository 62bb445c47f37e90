/** Worlds: the list, and one world's metadata and sections. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { DIMENSIONS } from '../../domain/schema.js';
import { worldStats } from '../../worlds/stats.js';
import type { ApiContext } from '../context.js';
import { WorldDetail, WorldParam, WorldSummary } from '../schemas.js';
import { errorResponses, json, routeApp } from './shared.js';

const listWorlds = createRoute({
  method: 'get',
  path: '/api/worlds',
  tags: ['worlds'],
  summary: 'The worlds this server offers',
  responses: {
    200: json(z.array(WorldSummary), 'bundled worlds and worlds given on the command line'),
    ...errorResponses(),
  },
});

const getWorld = createRoute({
  method: 'get',
  path: '/api/worlds/{world}',
  tags: ['worlds'],
  summary: 'A world: metadata, counts, actors, sources, corridors, memberships and claims',
  request: { params: WorldParam },
  responses: { 200: json(WorldDetail, 'the world'), ...errorResponses(404, 422) },
});

export function worldRoutes(ctx: ApiContext) {
  const { registry, options } = ctx;

  return routeApp()
    .openapi(listWorlds, (c) =>
      c.json(
        registry.ids().map((id) => {
          const { meta } = registry.world(id);
          return {
            id,
            name: meta.name,
            description: meta.description,
            period: meta.period,
            origin: registry.entry(id).origin,
            default: id === options.defaultWorld,
          };
        }),
        200,
      ),
    )

    .openapi(getWorld, (c) => {
      const id = c.req.valid('param').world;
      const world = registry.world(id);
      return c.json(
        {
          meta: world.meta,
          origin: registry.entry(id).origin,
          stats: worldStats(world),
          dimensions: [...DIMENSIONS],
          actors: [...world.actors],
          sources: [...world.sources],
          corridors: [...world.corridors],
          memberships: [...world.memberships],
          claims: [...world.claims],
        },
        200,
      );
    });
}
