/** What every route module gets: the world registry, the options, the job queue. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { JobQueue } from './jobs.js';
import type { ApiOptions } from './options.js';
import type { WorldRegistry } from './world-registry.js';

export interface ApiContext {
  registry: WorldRegistry;
  options: ApiOptions;
  jobs: JobQueue;
  startedAt: number;
}

/** A route module adds its routes to the app. */
export type RegisterRoutes = (app: OpenAPIHono, ctx: ApiContext) => void;
