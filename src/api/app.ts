/**
 * The HTTP API and workbench host as a Hono app: request log, security headers, body-size limit,
 * the routes (OpenAPI-described), `/openapi.json`, the `/docs` reference page, the built workbench
 * at `/`, and JSON errors for everything that goes wrong.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { LimitExceededError, NotFoundError } from '../domain/errors.js';
import { ConcurrencyGate } from './concurrency-gate.js';
import type { ApiContext } from './context.js';
import { DOCS_CSS, type OpenApiDocLike, renderDocsPage } from './docs-page.js';
import { errorBody, handleError, validationHook } from './errors.js';
import { JobQueue } from './jobs.js';
import { requestGuard } from './middleware/request-guard.js';
import { requestLog } from './middleware/request-log.js';
import { responseCache } from './middleware/response-cache.js';
import { securityHeaders } from './middleware/security-headers.js';
import { type ApiOptionsInput, resolveApiOptions } from './options.js';
import { analysisRoutes } from './routes/analysis.js';
import { bargainingRoutes } from './routes/bargaining.js';
import { claimRoutes } from './routes/claims.js';
import { codeRoutes } from './routes/code.js';
import { eventDataRoutes } from './routes/event-data.js';
import { eventRoutes } from './routes/events.js';
import { exportRoutes } from './routes/exports.js';
import { healthRoutes, packageVersion } from './routes/health.js';
import { jobRoutes } from './routes/jobs.js';
import { scenarioValidateRoutes } from './routes/scenario-validate.js';
import { scenarioRoutes } from './routes/scenarios.js';
import { snapshotRoutes } from './routes/snapshots.js';
import { worldRoutes } from './routes/worlds.js';
import { defaultWebRoot, serveWeb } from './static-web.js';
import { WorldEvents } from './world-events.js';
import { WorldRegistry } from './world-registry.js';

/** Mounts every route module in order; the result's type is the whole API, for the client. */
function mountRoutes(app: OpenAPIHono, ctx: ApiContext) {
  return app
    .route('/', healthRoutes(ctx))
    .route('/', worldRoutes(ctx))
    .route('/', snapshotRoutes(ctx))
    .route('/', eventRoutes(ctx))
    .route('/', eventDataRoutes(ctx))
    .route('/', analysisRoutes(ctx))
    .route('/', claimRoutes(ctx))
    .route('/', exportRoutes(ctx))
    .route('/', scenarioValidateRoutes(ctx))
    .route('/', scenarioRoutes(ctx))
    .route('/', jobRoutes(ctx))
    .route('/', bargainingRoutes(ctx))
    .route('/', codeRoutes(ctx));
}

/** The API's routes as a type: paths, methods, inputs and response bodies (see `client.ts`). */
export type AppType = ReturnType<typeof mountRoutes>;

/** The app plus what a host must release on shutdown. */
export type CounterbalanceApp = OpenAPIHono & {
  readonly context: ApiContext;
  /** Cancels running jobs; the host closes its sockets. */
  dispose(): Promise<void>;
};

const INFO = {
  title: 'counterbalance',
  description:
    'Signed, dated, evidence-backed ties between international actors; balance, triangles, balancers, ' +
    'alignment and power at any date; scenario simulations and bargaining forecasts. Every world ' +
    'resource lives under /api/worlds/{world}/…',
};

/**
 * Builds the app. Worlds load on first use (extra references in `options.worlds` load now).
 *
 * @example
 * const app = createApp({ log: null });
 * const res = await app.request('/api/worlds/eurasia/snapshot?at=2021-12');
 * (await res.json()).ties.length;
 */
export function createApp(input: ApiOptionsInput = {}): CounterbalanceApp {
  const resolved = resolveApiOptions(input);
  const registry = new WorldRegistry(
    [...resolved.worlds, resolved.defaultWorld],
    resolved.snapshotCacheSize,
    resolved.sources,
  );
  const options = { ...resolved, defaultWorld: registry.idForRef(resolved.defaultWorld) };
  const context: ApiContext = {
    registry,
    options,
    jobs: new JobQueue({
      maxQueued: options.limits.maxQueuedJobs,
      ttlMs: options.jobTtlMs,
      maxFinished: options.limits.maxFinishedJobs,
      timeoutMs: options.limits.jobTimeoutMs,
    }),
    forecasts: new ConcurrencyGate({
      maxRunning: options.limits.maxForecastWorkers,
      maxWaiting: options.limits.maxWaitingForecasts,
      retryAfterSeconds: 5,
      what: 'forecasts',
    }),
    events: new WorldEvents(registry, resolved.db),
    startedAt: Date.now(),
  };
  const app = new OpenAPIHono({ defaultHook: validationHook });

  if (options.log) app.use('*', requestLog(options.log));
  app.use('*', securityHeaders());
  app.use(
    '*',
    requestGuard({
      allowedHosts: options.allowedHosts,
      ...(options.boundHost !== undefined && { boundHost: options.boundHost }),
      ...(options.token !== undefined && { token: options.token }),
    }),
  );
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: options.limits.maxBodyBytes,
      onError: (c) => {
        const { status, body } = errorBody(
          new LimitExceededError(
            `the request body exceeds ${options.limits.maxBodyBytes} bytes; send a smaller file or raise the server's body limit`,
          ),
        );
        return c.json(body, status);
      },
    }),
  );

  if (options.responseCacheBytes > 0) app.use('/api/worlds/*', responseCache(options.responseCacheBytes));
  mountRoutes(app, context);

  const docConfig = { openapi: '3.1.0', info: { ...INFO, version: packageVersion() } };
  // The routes do not change once registered: the document is built once, on first request.
  let openApiJson: string | undefined;
  let docsHtml: string | undefined;
  const openApiDoc = () => app.getOpenAPI31Document(docConfig);
  app.get('/openapi.json', (c) => {
    openApiJson ??= JSON.stringify(openApiDoc());
    return c.body(openApiJson, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
  app.get('/docs', (c) => {
    docsHtml ??= renderDocsPage(openApiDoc() as OpenApiDocLike);
    return c.html(docsHtml);
  });
  app.get('/docs/docs.css', (c) => c.body(DOCS_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));

  app.use('*', serveWeb(options.webRoot ?? defaultWebRoot()));

  app.notFound((c) => {
    const { status, body } = errorBody(
      new NotFoundError(
        `no route ${c.req.method} ${c.req.path}; the API is described at /openapi.json and /docs`,
      ),
    );
    return c.json(body, status);
  });
  app.onError(handleError(options.log));

  return Object.assign(app, {
    context,
    dispose: async () => {
      context.jobs.close();
      await context.events.close();
    },
  });
}
