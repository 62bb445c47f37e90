/**
 * Scenario runs. A scenario (JSON or YAML) is posted to the world it runs on; the world in the
 * path is authoritative (a `world:` inside the body never loads anything from disk). Limits on
 * runs, horizon and runs × horizon are checked before any work: beyond them the answer is 413;
 * a scenario that is malformed or names unknown actors gets 422 with one problem per field. The
 * run itself is a job: 202 with its id, progress and result over server-sent events, or, with
 * `?wait=true`, the result in the response.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { LimitExceededError, SolverError } from '../../domain/errors.js';
import { runScenario, type ScenarioResult } from '../../simulation/scenarios/run-scenario.js';
import {
  bundledScenarioIds,
  bundledScenariosDir,
  checkScenario,
  parseScenario,
  type ScenarioDocument,
  ScenarioSchema,
  scenarioFromObject,
} from '../../simulation/scenarios/scenario.js';
import type { ApiContext } from '../context.js';
import type { ApiLimits } from '../options.js';
import { isJsonRequest, parseStructured, readBodyText, STRUCTURED_MEDIA_TYPES } from '../read-body.js';
import { LayerSchema, WorldParam } from '../schemas.js';
import { JobStateSchema } from './jobs.js';
import { errorResponses, json, routeApp } from './shared.js';

const Pair = z.tuple([z.string(), z.string()]);
const Interval = { mean: z.number(), lo: z.number(), hi: z.number() };
const Band = z.object({
  lo90: z.number(),
  lo50: z.number(),
  median: z.number(),
  hi50: z.number(),
  hi90: z.number(),
});
const Outcome = z.object({ outcome: z.string(), scenario: z.number(), baseline: z.number() });

export const ScenarioResultSchema = z
  .object({
    scenario: z.object({
      name: z.string(),
      file: z.string().optional(),
      world: z.string(),
      start: z.string(),
      step: z.enum(['month', 'year']),
      horizon: z.number(),
      seed: z.number(),
      shocks: z.array(z.record(z.string(), z.unknown())),
      mechanisms: z.array(z.string()),
      quote: z.string().optional(),
      source: z.string().optional(),
    }),
    runs: z.number(),
    effects: z
      .array(
        z.object({
          a: z.string(),
          b: z.string(),
          dimension: LayerSchema,
          ...Interval,
          pPositive: z.number(),
          baseline: z.number(),
        }),
      )
      .describe('scenario − baseline at the horizon per dyad, with a 90% interval and P(effect > 0)'),
    attribution: z
      .record(z.string(), z.record(z.string(), z.number()))
      .describe('per pair (A-B), each mechanism’s share of the effect'),
    trajectories: z
      .record(
        z.string(),
        z.array(
          z.object({
            step: z.number(),
            date: z.string(),
            ...Interval,
            scenario: z.number(),
            baseline: z.number(),
          }),
        ),
      )
      .describe('per tracked pair, the effect at every step (fan chart data)'),
    channels: z.record(
      z.string(),
      z.array(
        z.object({
          mechanism: z.string(),
          contribution: z.number(),
          share: z.number(),
          via: z.array(z.object({ actor: z.string(), contribution: z.number() })),
        }),
      ),
    ),
    capabilities: z.array(z.object({ actor: z.string(), ...Interval })),
    measures: z
      .array(
        z.object({
          name: z.string(),
          args: z.array(z.string()),
          title: z.string(),
          mean: z.number().nullable(),
          lo: z.number().nullable(),
          hi: z.number().nullable(),
          pPositive: z.number().nullable(),
          baseline: z.number().nullable(),
          scenario: z.number().nullable(),
          defined: z.number(),
          outcomes: z.array(Outcome).optional(),
          steps: z.array(
            z.object({
              step: z.number(),
              date: z.string(),
              mean: z.number().nullable().optional(),
              lo: z.number().nullable().optional(),
              hi: z.number().nullable().optional(),
              scenario: z.number().nullable().optional(),
              baseline: z.number().nullable().optional(),
              outcomes: z.array(Outcome).optional(),
              bands: z
                .object({ scenario: Band.nullable(), baseline: Band.nullable() })
                .optional()
                .describe(
                  'numeric measures: median, 50% and 90% bands of the values with and without the shocks',
                ),
            }),
          ),
        }),
      )
      .describe(
        'followed measures: numeric ones as scenario − twin at the horizon with a 90% interval (null ' +
          'where undefined in every run), categorical ones as each outcome’s probability with and without the shocks',
      ),
    checks: z.array(
      z.object({
        pair: Pair.optional(),
        capability: z.string().optional().describe('for an expectation on an actor’s capability'),
        measure: z
          .object({ name: z.string(), args: z.array(z.string()), title: z.string() })
          .optional()
          .describe('for an expectation on a followed measure'),
        dimension: LayerSchema,
        direction: z.enum(['positive', 'negative']),
        ...Interval,
        probability: z.number(),
      }),
    ),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'ScenarioResult' });

export const BundledScenario = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    world: z.string().optional(),
    start: z.string(),
    horizon: z.number(),
    runs: z.number(),
    text: z.string().describe('the scenario file (YAML), ready to edit and post back'),
  })
  .meta({ id: 'BundledScenario' });

const Accepted = z
  .object({
    job: JobStateSchema,
    links: z.object({ self: z.string(), events: z.string() }),
  })
  .meta({ id: 'JobAccepted' });

const RunQuery = z.object({
  dimension: LayerSchema.default('composite').describe('layer the effects are reported on'),
  wait: z.enum(['true', 'false']).default('false').describe('true: answer with the result when the run ends'),
  track: z
    .string()
    .regex(/^[A-Za-z][\w.:-]*-[A-Za-z][\w.:-]*(,[A-Za-z][\w.:-]*-[A-Za-z][\w.:-]*)*$/, 'pairs as A-B,C-D')
    .optional()
    .describe('extra pairs to follow step by step, e.g. IND-RUS,CHN-PAK'),
});

const listScenarios = createRoute({
  method: 'get',
  path: '/api/worlds/{world}/scenarios',
  tags: ['scenarios'],
  summary: 'Bundled scenarios that run on this world, with their YAML',
  request: { params: WorldParam },
  responses: { 200: json(z.array(BundledScenario), 'scenarios'), ...errorResponses(404) },
});

const runRoute = createRoute({
  method: 'post',
  path: '/api/worlds/{world}/scenarios',
  tags: ['scenarios'],
  summary: 'Run a scenario (JSON or YAML) against its paired baseline',
  description:
    'Returns 202 with a job; follow /api/jobs/{id}/events for progress and the result. With ?wait=true ' +
    'the response is the result itself. Runs, horizon and runs × horizon are bounded (413 beyond).',
  request: {
    params: WorldParam,
    query: RunQuery,
    body: {
      required: true,
      description: 'a scenario: application/json or application/yaml (see scenarios/*.yaml)',
      content: {
        'application/json': { schema: z.toJSONSchema(ScenarioSchema, { io: 'input' }) as object },
        'application/yaml': { schema: { type: 'string' } },
        'text/yaml': { schema: { type: 'string' } },
      },
    },
  },
  responses: {
    200: json(ScenarioResultSchema, 'the result (with ?wait=true)'),
    202: json(Accepted, 'the run is queued'),
    ...errorResponses(404, 413, 415, 422),
  },
});

/**
 * Checks the server's limits on the work a scenario asks for; throws `LimitExceededError` (413).
 *
 * @example
 * checkWork(doc, { maxRuns: 2000, maxHorizon: 240, maxWork: 200_000 }); // throws for runs: 1e9
 */
export function checkWork(
  doc: ScenarioDocument,
  limits: Pick<ApiLimits, 'maxRuns' | 'maxHorizon' | 'maxWork'>,
): void {
  const { runs, horizon } = doc.scenario;
  const where = doc.file ? `${doc.file}: ` : '';
  if (runs > limits.maxRuns) {
    throw new LimitExceededError(
      `${where}runs: ${runs} exceeds this server's limit of ${limits.maxRuns} runs`,
    );
  }
  if (horizon > limits.maxHorizon) {
    throw new LimitExceededError(
      `${where}horizon: ${horizon} steps exceeds this server's limit of ${limits.maxHorizon}; use yearly steps or a shorter horizon`,
    );
  }
  if (runs * horizon > limits.maxWork) {
    throw new LimitExceededError(
      `${where}runs × horizon = ${runs * horizon} exceeds this server's limit of ${limits.maxWork}; ask for fewer runs or a shorter horizon`,
    );
  }
}

function trackPairs(track: string | undefined): [string, string][] {
  return (track ?? '')
    .split(',')
    .filter(Boolean)
    .map((p) => p.split('-') as [string, string]);
}

export function scenarioRoutes(ctx: ApiContext) {
  const { registry, jobs, options } = ctx;

  return routeApp()
    .openapi(listScenarios, (c) => {
      const id = c.req.valid('param').world;
      registry.world(id);
      const dir = bundledScenariosDir();
      const list = bundledScenarioIds().flatMap((sid) => {
        const text = readFileSync(resolve(dir, `${sid}.yaml`), 'utf8');
        let sc: ScenarioDocument['scenario'];
        try {
          sc = parseScenario(text, `${sid}.yaml`).scenario;
        } catch {
          // A scenario file that does not validate is left out here; `counterbalance scenario` reports it.
          return [];
        }
        if (sc.world !== undefined && sc.world !== id) return [];
        return [
          {
            id: sid,
            name: sc.name,
            ...(sc.description !== undefined && { description: sc.description }),
            ...(sc.world !== undefined && { world: sc.world }),
            start: sc.start,
            horizon: sc.horizon,
            runs: sc.runs,
            text,
          },
        ];
      });
      return c.json(list, 200);
    })

    .openapi(runRoute, async (c) => {
      const id = c.req.valid('param').world;
      const q = c.req.valid('query');
      const world = registry.world(id);
      const text = await readBodyText(c, 'a scenario', STRUCTURED_MEDIA_TYPES);
      const doc = isJsonRequest(c)
        ? scenarioFromObject(parseStructured(text, true))
        : parseScenario(text, 'body');
      checkWork(doc, options.limits);
      const limits = { maxRuns: options.limits.maxRuns, maxHorizon: options.limits.maxHorizon };
      // Unknown actors, mechanisms and dates are reported now (422), not as a failed job later.
      checkScenario(doc, world, limits);
      const track = trackPairs(q.track);
      const job = jobs.submit('scenario', (report, signal) =>
        runScenario(doc, {
          world,
          signal,
          // The server keeps answering while a scenario runs.
          offThread: true,
          dimension: q.dimension,
          track,
          limits,
          onProgress: ({ done, total }) => report({ done, total, message: `${done} of ${total} runs` }),
        }),
      );
      if (q.wait === 'true') {
        const end = await jobs.wait(job.id);
        if (end.status === 'done') return c.json(end.result as ScenarioResult, 200);
        throw end.failure ?? new SolverError(`the run ended as ${end.status} before it finished`);
      }
      const self = `/api/jobs/${job.id}`;
      return c.json({ job, links: { self, events: `${self}/events` } }, 202, { Location: self });
    });
}

export type ScenarioResultBody = z.infer<typeof ScenarioResultSchema>;
export type BundledScenarioBody = z.infer<typeof BundledScenario>;
export type JobAcceptedBody = z.infer<typeof Accepted>;
