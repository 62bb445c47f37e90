/**
 * Scenario validation without a run, for editors that check as the user types: the same parser,
 * world checks and work limits as a run, answered as a list of located problems (200 either way,
 * because a scenario with problems is what this route is asked to look at, not a failed request).
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { InvalidInputError, LimitExceededError } from '../../domain/errors.js';
import { checkScenario, parseScenario } from '../../simulation/scenarios/scenario.js';
import type { ApiContext } from '../context.js';
import { readBodyText, STRUCTURED_MEDIA_TYPES } from '../read-body.js';
import { Problem, WorldParam } from '../schemas.js';
import { checkWork } from './scenarios.js';
import { errorResponses, json, routeApp } from './shared.js';

const Validation = z
  .object({
    valid: z.boolean(),
    problems: z.array(Problem).describe('every problem found, with its line in the posted text'),
  })
  .meta({ id: 'ScenarioValidation' });

const validateRoute = createRoute({
  method: 'post',
  path: '/api/worlds/{world}/scenarios/validate',
  tags: ['scenarios'],
  summary: 'Check a scenario (YAML or JSON text) against this world without running it',
  request: {
    params: WorldParam,
    body: {
      required: true,
      description: 'the scenario text as the user wrote it; lines in problems refer to it',
      content: { 'application/yaml': { schema: { type: 'string' } }, 'application/json': { schema: {} } },
    },
  },
  responses: { 200: json(Validation, 'the problems found, if any'), ...errorResponses(404) },
});

/** Problems of the text, in the order of their lines. */
function problemsOf(run: () => void): z.infer<typeof Problem>[] {
  try {
    run();
    return [];
  } catch (err) {
    if (err instanceof InvalidInputError) {
      return err.problems
        .map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as typeof p)
        .sort((x, y) => (x.line ?? 0) - (y.line ?? 0));
    }
    if (err instanceof LimitExceededError) return [{ field: 'runs', message: err.message }];
    throw err;
  }
}

export function scenarioValidateRoutes(ctx: ApiContext) {
  return routeApp().openapi(validateRoute, async (c) => {
    const world = ctx.registry.world(c.req.valid('param').world);
    const text = await readBodyText(c, 'a scenario as YAML or JSON', STRUCTURED_MEDIA_TYPES);
    const problems = problemsOf(() => {
      // JSON is YAML, so one parser gives lines for both.
      const doc = parseScenario(text, 'scenario');
      checkWork(doc, ctx.options.limits);
      checkScenario(doc, world, {
        maxRuns: ctx.options.limits.maxRuns,
        maxHorizon: ctx.options.limits.maxHorizon,
      });
    });
    return c.json({ valid: problems.length === 0, problems }, 200);
  });
}

export type ScenarioValidationBody = z.infer<typeof Validation>;
