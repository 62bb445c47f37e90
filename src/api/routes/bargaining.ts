/**
 * Bargaining forecasts: the bundled issues (YAML issues from the seeds and KTAB's CSV examples),
 * a forecast of one of them, or of an issue posted as YAML or KTAB CSV. Capabilities an issue
 * leaves to a world come from this server's worlds only (never from a path in the upload).
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  type BargainingInput,
  bundledIssueNames,
  bundledIssuePath,
  parseIssueYaml,
  parseKtabCsv,
} from '../../bargaining/index.js';
import { LimitExceededError, NotFoundError } from '../../domain/errors.js';
import { capabilitiesAt } from '../../worlds/snapshot.js';
import type { ApiContext } from '../context.js';
import type { ForecastTask, ForecastWithSensitivity } from '../forecast-worker.js';
import type { ApiLimits } from '../options.js';
import { readBodyText } from '../read-body.js';
import { runInWorker } from '../run-in-worker.js';
import { CalendarDate } from '../schemas.js';
import type { WorldRegistry } from '../world-registry.js';
import { errorResponses, json, routeApp } from './shared.js';

const Quote = z.object({ source: z.string(), quote: z.string() });
const Basis = z.object({
  kind: z.enum(['seed-quote', 'dataset', 'public-record', 'judgement']),
  note: z.string(),
});

export const BargainingIssue = z
  .object({
    name: z.string(),
    description: z.string(),
    dimensions: z.array(z.string()),
    scale: z.object({ min: z.number(), max: z.number() }),
    actors: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        description: z.string().optional(),
        capability: z.number(),
        position: z.array(z.number()),
        salience: z.array(z.number()),
        evidence: z
          .object({ position: Quote.optional(), salience: Quote.optional(), capability: Quote.optional() })
          .optional(),
        basis: z
          .object({ position: Basis.optional(), salience: Basis.optional(), capability: Basis.optional() })
          .optional()
          .describe('what each number rests on'),
        uncertainty: z
          .object({
            position: z.array(z.number()).optional(),
            salience: z.array(z.number()).optional(),
            capability: z.number().optional(),
          })
          .optional()
          .describe('± per number: scale points, salience points, fraction of capability'),
      }),
    ),
  })
  .meta({ id: 'BargainingIssue' });

export const IssueSummary = z
  .object({
    id: z.string(),
    kind: z.enum(['yaml', 'ktab-csv']),
    name: z.string(),
    description: z.string(),
    dimensions: z.array(z.string()),
    actors: z.number(),
  })
  .meta({ id: 'BargainingIssueSummary' });

const ForecastPoint = z.object({ mean: z.array(z.number()), median: z.array(z.number()) });

const Band = z.object({
  point: z.number(),
  low: z.number(),
  high: z.number(),
  sameSide: z.number().describe('share of draws on the same side of the scale midpoint as the point'),
  withinTolerance: z.number().describe('share of draws within the tolerance of the point'),
});

const Sensitivity = z
  .object({
    seed: z.number(),
    draws: z.number(),
    band: z.array(z.number()).describe('quantiles of the band, e.g. [0.05, 0.95]'),
    tolerance: z.number(),
    midpoint: z.number(),
    dimensions: z.array(z.object({ name: z.string(), median: Band, mean: Band })),
    swings: z.array(
      z.object({
        actor: z.string(),
        field: z.enum(['position', 'salience', 'capability']),
        dimension: z.string().optional(),
        value: z.number(),
        low: z.number(),
        high: z.number(),
        medianAtLow: z.array(z.number()),
        medianAtHigh: z.array(z.number()),
        swing: z.number(),
      }),
    ),
  })
  .meta({
    id: 'ForecastSensitivity',
    description:
      'the forecast re-run with every input drawn within its uncertainty: 5–95% band, and the inputs whose ends move the median most',
  });

export const ForecastBody = z
  .object({
    model: z.enum(['smp', 'bdm']),
    name: z.string(),
    actors: z.array(z.string()),
    dimensions: z.array(z.string()),
    scale: z.object({ min: z.number(), max: z.number() }),
    turns: z.array(
      z.object({
        turn: z.number(),
        positions: z.record(z.string(), z.array(z.number())),
        risk: z.record(z.string(), z.number()),
        forecast: ForecastPoint,
        challenges: z.array(z.unknown()).optional(),
        choices: z.array(z.unknown()).optional(),
        riskExponent: z.record(z.string(), z.number()).optional(),
        expected: z.record(z.string(), z.record(z.string(), z.number())).optional(),
        offers: z.record(z.string(), z.unknown()).optional(),
      }),
    ),
    final: z.record(z.string(), z.array(z.number())),
    forecast: ForecastPoint,
    converged: z.boolean(),
    steps: z.number(),
    stopRatio: z.number().optional(),
    sensitivity: Sensitivity.optional(),
  })
  .meta({
    id: 'Forecast',
    description: 'positions per turn in the issue units, the forecast point per turn',
  });

const ForecastQuery = z.object({
  model: z.enum(['smp', 'bdm']).default('smp'),
  dimension: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe('BDM is one-dimensional: which dimension to run'),
  world: z
    .string()
    .optional()
    .describe('world supplying capabilities the issue leaves out (default: its own)'),
  at: CalendarDate.optional().describe('date of those capabilities (default: the issue date)'),
  draws: z.coerce
    .number()
    .int()
    .min(0)
    .max(2000)
    .default(0)
    .describe('sensitivity band: re-runs with every input nudged within its uncertainty (0: none)'),
  seed: z.coerce.number().int().min(0).default(1).describe('seed of the sensitivity draws'),
  detail: z
    .enum(['true', 'false'])
    .default('true')
    .describe('false drops per-turn challenges, choices and offers (only positions and forecasts remain)'),
});

const IssueParam = z.object({ issue: z.string().min(1).meta({ example: 'russia-joins-cpec' }) });

const listIssues = createRoute({
  method: 'get',
  path: '/api/bargaining/issues',
  tags: ['bargaining'],
  summary: 'Bundled bargaining issues (YAML issues from the seeds, KTAB CSV examples)',
  responses: { 200: json(z.array(IssueSummary), 'issues'), ...errorResponses() },
});

const getIssue = createRoute({
  method: 'get',
  path: '/api/bargaining/issues/{issue}',
  tags: ['bargaining'],
  summary: 'One bundled issue: actors with capability, position, salience and evidence',
  request: { params: IssueParam, query: ForecastQuery.pick({ world: true, at: true }) },
  responses: { 200: json(BargainingIssue, 'the issue'), ...errorResponses(404) },
});

const forecastIssue = createRoute({
  method: 'get',
  path: '/api/bargaining/issues/{issue}/forecast',
  tags: ['bargaining'],
  summary: 'Forecast a bundled issue with the spatial model of politics (smp) or expected utility (bdm)',
  request: { params: IssueParam, query: ForecastQuery },
  responses: { 200: json(ForecastBody, 'the forecast'), ...errorResponses(404, 413) },
});

/** What a forecast upload may be: a YAML issue or a KTAB CSV. */
const FORECAST_MEDIA_TYPES = ['application/yaml', 'text/yaml', 'text/csv'] as const;

const forecastUpload = createRoute({
  method: 'post',
  path: '/api/bargaining/forecast',
  tags: ['bargaining'],
  summary: 'Forecast an uploaded issue: YAML issue, or KTAB CSV with Content-Type text/csv',
  request: {
    query: ForecastQuery,
    body: {
      description: 'a YAML issue (see scenarios/bargaining/*.yaml) or a KTAB scenario CSV',
      content: {
        'application/yaml': { schema: { type: 'string' } },
        'text/yaml': { schema: { type: 'string' } },
        'text/csv': { schema: { type: 'string' } },
      },
    },
  },
  responses: { 200: json(ForecastBody, 'the forecast'), ...errorResponses(413, 415, 503) },
});

function capabilitySource(registry: WorldRegistry) {
  return (world: string, at: string) => {
    const byActor = capabilitiesAt(registry.world(world), at);
    return (actorId: string) => byActor[actorId]?.cinc;
  };
}

function parseIssue(
  registry: WorldRegistry,
  text: string,
  file: string,
  csv: boolean,
  q: { world?: string | undefined; at?: string | undefined },
): BargainingInput {
  if (csv) return parseKtabCsv(text, file);
  return parseIssueYaml(text, file, {
    capabilities: capabilitySource(registry),
    ...(q.world !== undefined && { world: q.world }),
    ...(q.at !== undefined && { at: q.at }),
  });
}

function bundledIssue(
  registry: WorldRegistry,
  id: string,
  q: { world?: string | undefined; at?: string | undefined } = {},
): BargainingInput {
  const path = bundledIssuePath(id);
  if (path === undefined) {
    throw new NotFoundError(`no bargaining issue '${id}' (bundled: ${bundledIssueNames().join(', ')})`);
  }
  const csv = extname(path).toLowerCase() === '.csv';
  return parseIssue(registry, readFileSync(path, 'utf8'), basename(path), csv, q);
}

/**
 * Checks the server's limits on the size of an issue and the work of forecasting it; throws
 * `LimitExceededError` (413) naming the limit.
 *
 * @example
 * checkForecastWork(parseKtabCsv(text, 'upload.csv'), API_LIMITS); // throws for 40 actors × 1,000 dimensions
 */
export function checkForecastWork(
  input: BargainingInput,
  limits: Pick<ApiLimits, 'maxBargainingActors' | 'maxBargainingDimensions' | 'maxBargainingWork'>,
): void {
  const actors = input.actors.length;
  const dims = input.dimensions.length;
  if (actors > limits.maxBargainingActors) {
    throw new LimitExceededError(
      `the issue has ${actors} actors; this server forecasts at most ${limits.maxBargainingActors}`,
    );
  }
  if (dims > limits.maxBargainingDimensions) {
    throw new LimitExceededError(
      `the issue has ${dims} dimensions; this server forecasts at most ${limits.maxBargainingDimensions}`,
    );
  }
  if (actors * actors * dims > limits.maxBargainingWork) {
    throw new LimitExceededError(
      `actors² × dimensions = ${actors * actors * dims} exceeds this server's limit of ${limits.maxBargainingWork}; forecast fewer actors or dimensions (or one dimension with ?model=bdm&dimension=…)`,
    );
  }
}

/**
 * Forecasts in a worker thread, never in the request thread, once the gate admits it, with a time
 * limit; the worker is terminated when the client goes away (`signal`).
 */
async function runForecast(
  input: BargainingInput,
  q: z.infer<typeof ForecastQuery>,
  ctx: ApiContext,
  signal: AbortSignal,
): Promise<ForecastWithSensitivity> {
  const { limits } = ctx.options;
  checkForecastWork(input, limits);
  const task: ForecastTask = {
    input,
    model: q.model,
    ...(q.dimension !== undefined && { dimension: q.dimension }),
    ...(q.draws > 0 && { sensitivity: { draws: q.draws, seed: q.seed } }),
  };
  const what = `the ${q.model} forecast of '${input.name}'`;
  const result = await ctx.forecasts.run(
    () =>
      runInWorker<ForecastWithSensitivity>('forecast-worker', task, {
        timeoutMs: limits.forecastTimeoutMs,
        what,
        signal,
      }),
    signal,
  );
  if (q.detail === 'true') return result;
  return {
    ...result,
    turns: result.turns.map((t) => ({
      turn: t.turn,
      positions: t.positions,
      risk: t.risk,
      forecast: t.forecast,
    })),
  };
}

export function bargainingRoutes(ctx: ApiContext) {
  const { registry } = ctx;
  let summaries: z.infer<typeof IssueSummary>[] | undefined;

  return routeApp()
    .openapi(listIssues, (c) => {
      summaries ??= bundledIssueNames().flatMap((id) => {
        try {
          const input = bundledIssue(registry, id);
          const csv = extname(bundledIssuePath(id) ?? '').toLowerCase() === '.csv';
          return [
            {
              id,
              kind: csv ? ('ktab-csv' as const) : ('yaml' as const),
              name: input.name,
              description: input.description,
              dimensions: input.dimensions,
              actors: input.actors.length,
            },
          ];
        } catch {
          // An issue whose world is not served here cannot be listed; it stays reachable by upload.
          return [];
        }
      });
      return c.json(summaries, 200);
    })

    .openapi(getIssue, (c) =>
      c.json(bundledIssue(registry, c.req.valid('param').issue, c.req.valid('query')), 200),
    )

    .openapi(forecastIssue, async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await runForecast(bundledIssue(registry, c.req.valid('param').issue, q), q, ctx, c.req.raw.signal),
        200,
      );
    })

    .openapi(forecastUpload, async (c) => {
      const q = c.req.valid('query');
      const text = await readBodyText(c, 'a YAML issue or a KTAB CSV', FORECAST_MEDIA_TYPES);
      const csv = /^text\/csv\b/i.test(c.req.header('content-type') ?? '');
      const input = parseIssue(registry, text, csv ? 'upload.csv' : 'upload.yaml', csv, q);
      return c.json(await runForecast(input, q, ctx, c.req.raw.signal), 200);
    });
}

export type BargainingIssueBody = z.infer<typeof BargainingIssue>;
export type IssueSummaryBody = z.infer<typeof IssueSummary>;
export type ForecastBodyType = z.infer<typeof ForecastBody>;
