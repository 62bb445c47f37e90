/** Claims: every claim of a world held against what the world measures at its date. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { CHECK_CLAIMS_DEFAULTS, checkClaims } from '../../analysis/claims/check-claims.js';
import { Id } from '../../domain/schema.js';
import type { ApiContext } from '../context.js';
import { WorldParam } from '../schemas.js';
import { errorResponses, json, routeApp } from './shared.js';

/** More draws than this per test are refused: each draw re-reads every test of every claim. */
const MAX_DRAWS = 2000;

const ClaimsCheckQuery = z.object({
  claim: Id.optional().meta({ description: 'only this claim', example: 'cl.unbalanced-in-favor-of-india' }),
  draws: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_DRAWS)
    .default(CHECK_CLAIMS_DEFAULTS.draws)
    .meta({ description: "bootstrap draws from the ties' confidence; 0 reads the coded values only" }),
  seed: z.coerce.number().int().min(0).default(CHECK_CLAIMS_DEFAULTS.seed),
});

const Measured = z.record(z.string(), z.union([z.number(), z.string(), z.null()]));
const Verdict = z.enum(['supported', 'contradicted', 'mixed', 'not-testable', 'no-data']);

const ClaimCheckBody = z
  .object({
    id: z.string(),
    author: z.string(),
    date: z.string(),
    thesis: z.string(),
    verdict: Verdict,
    measured: Measured,
    tests: z.array(
      z.object({
        label: z.string(),
        verdict: Verdict.exclude(['not-testable']),
        measured: Measured,
        support: z.number().optional(),
        series: z.array(z.object({ at: z.string(), value: z.number().nullable() })).optional(),
      }),
    ),
    evidence: z.array(z.string()),
  })
  .meta({ id: 'ClaimCheck' });

const checkClaimsRoute = createRoute({
  method: 'get',
  path: '/api/worlds/{world}/claims/check',
  tags: ['claims'],
  summary: "Each analyst's claim against what the world measures at the claim's date",
  description:
    "A claim's `test` names a measure (tilt, triangle, tie sign, trend) and the reading it expects; " +
    'the verdict is supported, contradicted, mixed (the draws from the ties’ confidence disagree, or ' +
    'its tests do), no-data or not-testable (the claim states nothing measurable).',
  request: { params: WorldParam, query: ClaimsCheckQuery },
  responses: { 200: json(z.array(ClaimCheckBody), 'one verdict per claim'), ...errorResponses(404, 422) },
});

export function claimRoutes(ctx: ApiContext) {
  return routeApp().openapi(checkClaimsRoute, (c) => {
    const q = c.req.valid('query');
    const world = ctx.registry.world(c.req.valid('param').world);
    return c.json(
      checkClaims(world, { draws: q.draws, seed: q.seed, ...(q.claim !== undefined && { claim: q.claim }) }),
      200,
    );
  });
}
