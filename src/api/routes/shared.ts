/** Small helpers every route module uses: response declarations and lookups with good errors. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import type { Actor } from '../../domain/schema.js';
import type { Layer, Snapshot, World } from '../../domain/world.js';
import { closest } from '../../worlds/suggest.js';
import { validationHook } from '../errors.js';
import { ErrorBody } from '../schemas.js';
import type { WorldRegistry } from '../world-registry.js';

const ERROR_TEXT: Readonly<Record<number, string>> = Object.freeze({
  404: 'unknown world, actor or resource',
  413: 'the request is larger or asks for more work than the limits allow',
  415: 'the body is not in a media type this endpoint accepts',
  422: 'invalid request: see `problems` for each field',
  500: 'internal error',
  503: 'the server is at capacity for this work; retry after the Retry-After seconds',
});

type ErrorStatus = 404 | 413 | 415 | 422 | 500 | 503;

/**
 * An empty sub-app for one route module to chain its routes on, so the routes' types reach the app
 * and the client. Validation failures answer with the API's own error body.
 *
 * @example
 * const app = routeApp().openapi(route, (c) => c.json(body, 200));
 */
export function routeApp() {
  return new OpenAPIHono({ defaultHook: validationHook });
}

/** A JSON response declaration for `createRoute`. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

/** Declarations of the error responses a route can give (422 always: request validation). */
export function errorResponses(...statuses: ErrorStatus[]) {
  const all = [...new Set([...statuses, 422 as const])];
  return Object.fromEntries(all.map((s) => [s, json(ErrorBody, ERROR_TEXT[s]!)])) as Record<
    ErrorStatus,
    ReturnType<typeof json<typeof ErrorBody>>
  >;
}

/** The date a request is about: `at` if given, else the end of the world's period. */
export function atOf(world: World, at: string | undefined): string {
  return at ?? world.meta.period.to;
}

/**
 * The cached snapshot a request asks for: world `world` at `at` (default: the end of its period)
 * on layer `dimension`; an unknown world throws `NotFoundError`.
 *
 * @example
 * snapshotFor(registry, 'eurasia', { at: '2021-12', dimension: 'military' }).ties.length;
 */
export function snapshotFor(
  registry: WorldRegistry,
  world: string,
  query: { at?: string | undefined; dimension: Layer },
): Snapshot {
  return registry.snapshot(world, atOf(registry.world(world), query.at), query.dimension);
}

/**
 * An actor of the world; an unknown id throws `NotFoundError` suggesting the closest id.
 *
 * @example
 * actorOf(world, 'PAKK'); // throws: no actor 'PAKK' in world 'eurasia' (did you mean 'PAK'?)
 */
export function actorOf(world: World, id: string): Actor {
  const actor = world.actorById.get(id);
  if (actor) return actor;
  const guess = closest(id, world.actorById.keys());
  throw new NotFoundError(
    `no actor '${id}' in world '${world.meta.id}'${guess ? ` (did you mean '${guess}'?)` : ''}`,
  );
}
