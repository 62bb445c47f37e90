/** Health: version, worlds, the event store setting, jobs and limits. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRoute } from '@hono/zod-openapi';
import type { ApiContext } from '../context.js';
import { HealthBody } from '../schemas.js';
import { json, routeApp } from './shared.js';

/** The package version, read from package.json beside `src/` or `dist/src/`. */
export function packageVersion(): string {
  for (const rel of ['../../../package.json', '../../../../package.json']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return String(JSON.parse(readFileSync(file, 'utf8')).version ?? 'unknown');
  }
  return 'unknown';
}

const health = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['server'],
  summary: 'Liveness and configuration: version, worlds, event store, jobs, limits',
  responses: { 200: json(HealthBody, 'the server is up') },
});

export function healthRoutes(ctx: ApiContext) {
  const version = packageVersion();
  return routeApp().openapi(health, (c) =>
    c.json(
      {
        status: 'ok' as const,
        version,
        uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000),
        worlds: ctx.registry.ids(),
        loaded: ctx.registry.loadedIds(),
        defaultWorld: ctx.options.defaultWorld,
        db: ctx.events.status(),
        jobs: ctx.jobs.counts(),
        forecasts: ctx.forecasts.counts(),
        limits: { ...ctx.options.limits },
      },
      200,
    ),
  );
}
