/**
 * Measures at a date (balance, triangles, balancers, alignment, power) and any measure over time.
 * Every route reads the cached snapshot of (world, date, layer), and results that take a solver
 * (balance, balancers) are cached too, so the workbench can replay them as the slider moves.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { balanceReport } from '../../analysis/balance/report.js';
import { alignmentInSnapshot } from '../../analysis/balancing/alignment.js';
import { balancers } from '../../analysis/balancing/balancers.js';
import { type ActorKind, graphFromSnapshot } from '../../analysis/from-snapshot.js';
import { CAPABILITY_MEASURES } from '../../analysis/power/capability.js';
import { powerReport } from '../../analysis/power/report.js';
import { measureHelp, parseMeasure } from '../../analysis/series/measures.js';
import { indexGraph } from '../../analysis/signed-graph.js';
import {
  strategicTriangles,
  TRIANGLE_TYPES,
  triangleInSnapshot,
} from '../../analysis/triangles/strategic-triangle.js';
import { InvalidInputError, LimitExceededError } from '../../domain/errors.js';
import { ACTOR_KINDS, Id } from '../../domain/schema.js';
import { monthRange } from '../../domain/time.js';
import type { Snapshot } from '../../domain/world.js';
import type { ApiContext } from '../context.js';
import { LruCache } from '../lru.js';
import { CalendarDate, Problem, SnapshotQuery, WorldParam } from '../schemas.js';
import { atOf, errorResponses, json } from './shared.js';

/** Analysis options shared by the routes: the neutral band and the solver's time budget. */
export const ANALYSIS_DEFAULTS = Object.freeze({ neutral: 0.1, solverSeconds: 10, cacheSize: 2000 });

const MeasureQuery = SnapshotQuery.extend({
  neutral: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(ANALYSIS_DEFAULTS.neutral)
    .describe('ties with |w| below this count as neutral (no edge)'),
  kinds: z
    .string()
    .default('state')
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(z.enum(ACTOR_KINDS)).min(1))
    .describe('actor kinds measured, comma-separated; the theories behind these measures are about states')
    .meta({ example: 'state,nonstate' }),
});

const pairList = (n: number, example: string) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(Id).length(n, `give ${n} actor ids separated by commas, e.g. ${example}`))
    .meta({ example });

const Triangle = z
  .object({
    actors: z.tuple([z.string(), z.string(), z.string()]),
    type: z.enum(TRIANGLE_TYPES),
    pivot: z.string().optional(),
    wings: z.tuple([z.string(), z.string()]).optional(),
    partners: z.tuple([z.string(), z.string()]).optional(),
    outcast: z.string().optional(),
    ties: z.record(z.string(), z.number()),
  })
  .meta({ id: 'StrategicTriangle', description: 'Dittmer (1981): type and roles of three actors' });

const BalanceBody = z
  .object({
    world: z.string(),
    at: z.string(),
    layer: z.string(),
    nodes: z.number(),
    edges: z.number(),
    positive: z.number(),
    negative: z.number(),
    census: z.object({ ppp: z.number(), ppn: z.number(), pnn: z.number(), nnn: z.number() }),
    triangleIndex: z.number(),
    balanced: z.boolean(),
    oddCycle: z.array(z.string()).optional(),
    frustration: z.object({
      L: z.number(),
      optimal: z.boolean(),
      lowerBound: z.number(),
      partition: z.tuple([z.array(z.string()), z.array(z.string())]),
      frustratedEdges: z.array(z.tuple([z.string(), z.string()])),
    }),
    walkBalance: z.number().nullable(),
    algebraicConflict: z.number().nullable(),
    warnings: z.array(Problem),
  })
  .meta({ id: 'Balance' });

const TrianglesBody = z
  .object({
    world: z.string(),
    at: z.string(),
    layer: z.string(),
    triangle: Triangle.optional().describe('the requested triangle (with ?actors=A,B,C)'),
    history: z
      .array(
        z.object({
          at: z.string(),
          type: z.enum(TRIANGLE_TYPES),
          pivot: z.string().optional(),
          outcast: z.string().optional(),
          ties: z.record(z.string(), z.number()),
        }),
      )
      .optional()
      .describe('the triangle at every date of the history window'),
    catalogue: z
      .object({
        byType: z.record(z.string(), z.array(Triangle)),
        pivotCounts: z.record(z.string(), z.number()),
      })
      .optional()
      .describe('every complete triangle by type (without ?actors)'),
  })
  .meta({ id: 'Triangles' });

const BalancersBody = z
  .object({
    world: z.string(),
    at: z.string(),
    layer: z.string(),
    rows: z.array(
      z.object({
        actor: z.string(),
        pairs: z.array(z.object({ a: z.string(), b: z.string(), tilt: z.number() })),
        pivotScore: z.number(),
        flipCost: z.number(),
      }),
    ),
  })
  .meta({ id: 'Balancers' });

const AlignmentBody = z
  .object({
    world: z.string(),
    at: z.string(),
    layer: z.string(),
    poles: z.tuple([z.string(), z.string()]),
    rows: z.array(z.object({ actor: z.string(), position: z.number(), engagement: z.number() })),
    oneSided: z
      .array(z.object({ actor: z.string(), pole: z.string(), tie: z.number() }))
      .describe('actors with an observed tie to one pole only: no data on the other, so no position'),
    noData: z.number().int().describe('actors (of the measured kinds) with no tie to either pole'),
  })
  .meta({
    id: 'Alignment',
    description:
      'position (w(X,P) − w(X,Q)) / 2: +1 = allied with the first pole and hostile to the second; states only',
  });

const PowerBody = z
  .object({
    world: z.string(),
    at: z.string(),
    measure: z.enum(CAPABILITY_MEASURES),
    capabilities: z.array(
      z.object({
        actor: z.string(),
        year: z.number(),
        value: z.number(),
        share: z.number(),
        cinc: z.number().optional(),
        milex: z.number().optional(),
        milper: z.number().optional(),
      }),
    ),
    balances: z.array(
      z.object({
        a: z.string(),
        b: z.string(),
        tie: z.number(),
        capA: z.number(),
        capB: z.number(),
        ratio: z.number().nullable().describe('null when B has no capability'),
        share: z.number(),
      }),
    ),
    threats: z.array(
      z.object({
        source: z.string(),
        target: z.string(),
        threat: z.number(),
        power: z.number(),
        proximity: z.number(),
        offense: z.number(),
        hostility: z.number(),
        distanceKm: z.number().optional(),
      }),
    ),
    dependence: z.array(
      z.object({
        junior: z.string(),
        senior: z.string(),
        tie: z.number(),
        ratio: z.number(),
        reliance: z.number().describe("share of the junior's arms imports from the senior"),
        asymmetry: z.number(),
      }),
    ),
    warnings: z.array(Problem),
  })
  .meta({ id: 'Power' });

const SeriesBody = z
  .object({
    world: z.string(),
    layer: z.string(),
    measure: z.string(),
    points: z.array(z.object({ at: z.string(), value: z.union([z.number(), z.string(), z.null()]) })),
  })
  .meta({ id: 'Series' });

const Window = {
  from: CalendarDate.optional().describe('first date; default: the start of the world period'),
  to: CalendarDate.optional().describe('last date (inclusive); default: the end of the world period'),
  every: z.coerce.number().int().min(1).max(120).default(12).describe('months between dates'),
};

const balanceRoute = createRoute({
  method: 'get',
  path: '/api/worlds/{world}/balance',
  tags: ['analysis'],
  summary:
    'Structural balance: triangle census and index, exact frustration index and factions, walk balance',
  request: {
    params: WorldParam,
    query: MeasureQuery.extend({
      weighted: z.enum(['true', 'false']).default('false').describe('cost of a frustrated tie is |w|'),
    }),
  },
  responses: { 200: json(BalanceBody, 'the balance report'), ...errorResponses(404, 422) },
});

const trianglesRoute = createRoute({
  method: 'get',
  path: '/api/worlds/{world}/triangles',
  tags: ['analysis'],
  summary: 'Strategic triangles: one triangle with its history (?actors=A,B,C), or every triangle by type',
  request: {
    params: WorldParam,
    query: MeasureQuery.extend({
      actors: pairList(3, 'CHN,IND,PAK').optional(),
      ...Window,
      every: Window.every.default(1),
    }),
  },
  responses: { 200: json(TrianglesBody, 'triangles'), ...errorResponses(404, 413, 422) },
});

const balancersRoute = createRoute({
  method: 'get',
  path: '/api/worlds/{world}/balancers',
  tags: ['analysis'],
  summary: 'Balancers: tilt on every rival pair an actor is tied to, pivot score, flip cost',
  request: {
    params: WorldParam,
    query: MeasureQuery.extend({
      all: z.enum(['true', 'false']).default('false').describe('list every actor'),
    }),
  },
  responses: { 200: json(BalancersBody, 'balancers, most rival pairs first'), ...errorResponses(404, 422) },
});

const alignmentRoute = createRoute({
  method: 'get',
  path: '/api/worlds/{world}/alignment',
  tags: ['analysis'],
  summary: 'Alignment on the axis between two poles ("new bipolarity"): position and engagement',
  request: { params: WorldParam, query: MeasureQuery.extend({ poles: pairList(2, 'USA,CHN') }) },
  responses: {
    200: json(AlignmentBody, 'actors from the first pole’s side to the second’s'),
    ...errorResponses(404, 422),
  },
});

const powerRoute = createRoute({
  method: 'get',
  path: '/api/worlds/{world}/power',
  tags: ['analysis'],
  summary: 'Power and threat: capabilities, military balance of rival pairs, balance of threat, dependence',
  request: {
    params: WorldParam,
    query: MeasureQuery.extend({ measure: z.enum(CAPABILITY_MEASURES).default('cinc') }),
  },
  responses: { 200: json(PowerBody, 'the power report'), ...errorResponses(404, 422) },
});

const seriesRoute = createRoute({
  method: 'get',
  path: '/api/worlds/{world}/series',
  tags: ['analysis'],
  summary: 'Any measure over time, one value per date',
  description: `Measures (actor ids from the world):\n${measureHelp()}`,
  request: {
    params: WorldParam,
    query: MeasureQuery.omit({ at: true }).extend({
      measure: z.string().min(1).meta({ example: 'tilt:RUS:IND:PAK' }),
      ...Window,
    }),
  },
  responses: { 200: json(SeriesBody, 'the series'), ...errorResponses(404, 413, 422) },
});

/** Dates of a window, refusing more than `max` of them (413). */
function windowDates(from: string, to: string, every: number, max: number): string[] {
  const dates = monthRange(from, to, every);
  if (dates.length > max) {
    throw new LimitExceededError(
      `${dates.length} dates from ${from} to ${to} every ${every} month(s) exceed this server's limit of ${max}; narrow the window or raise 'every'`,
    );
  }
  if (dates.length === 0) {
    throw new InvalidInputError({ field: 'query.from', message: `'from' (${from}) is after 'to' (${to})` });
  }
  return dates;
}

export function registerAnalysisRoutes(app: OpenAPIHono, ctx: ApiContext): void {
  const { registry, options } = ctx;
  const cache = new LruCache<string, Promise<unknown>>(ANALYSIS_DEFAULTS.cacheSize);
  const frustration = { timeLimit: ANALYSIS_DEFAULTS.solverSeconds };

  /** A cached async result; a failure is not cached. */
  function cached<T>(key: string, make: () => Promise<T>): Promise<T> {
    const p = cache.getOrCreate(key, () => make()) as Promise<T>;
    return p.catch((err: unknown) => {
      cache.delete(key);
      throw err;
    });
  }
  const snap = (
    world: string,
    at: string | undefined,
    layer: Parameters<typeof registry.snapshot>[2],
  ): Snapshot => registry.snapshot(world, atOf(registry.world(world), at), layer);
  const graphOf = (s: Snapshot, neutral: number, kinds: readonly ActorKind[]) =>
    indexGraph(graphFromSnapshot(s, { neutral, kinds }));
  const where = (s: Snapshot) => ({ world: s.world, at: s.at, layer: s.layer });

  app.openapi(balanceRoute, async (c) => {
    const world = c.req.valid('param').world;
    const q = c.req.valid('query');
    const s = snap(world, q.at, q.dimension);
    const weighted = q.weighted === 'true';
    const report = await cached(
      `balance|${world}|${s.at}|${s.layer}|${q.neutral}|${q.kinds.join()}|${weighted}`,
      () => balanceReport(graphOf(s, q.neutral, q.kinds), { weighted, frustration }),
    );
    return c.json({ ...where(s), ...report }, 200);
  });

  app.openapi(trianglesRoute, (c) => {
    const world = c.req.valid('param').world;
    const q = c.req.valid('query');
    const s = snap(world, q.at, q.dimension);
    if (!q.actors) {
      return c.json({ ...where(s), catalogue: strategicTriangles(graphOf(s, q.neutral, q.kinds)) }, 200);
    }
    const actors = q.actors as [string, string, string];
    const triangle = triangleInSnapshot(s, actors, { neutral: q.neutral });
    const { meta } = registry.world(world);
    const dates = windowDates(
      q.from ?? meta.period.from,
      q.to ?? meta.period.to,
      q.every,
      options.limits.maxSeriesPoints,
    );
    // Dates before one of the three exists (or after it ends) have no triangle.
    const history = dates.flatMap((at) => {
      const past = registry.snapshot(world, at, q.dimension);
      if (!actors.every((id) => past.actors.some((a) => a.id === id))) return [];
      const t = triangleInSnapshot(past, actors, { neutral: q.neutral });
      return {
        at,
        type: t.type,
        ...(t.pivot !== undefined && { pivot: t.pivot }),
        ...(t.outcast !== undefined && { outcast: t.outcast }),
        ties: t.ties,
      };
    });
    return c.json({ ...where(s), triangle, history }, 200);
  });

  app.openapi(balancersRoute, async (c) => {
    const world = c.req.valid('param').world;
    const q = c.req.valid('query');
    const s = snap(world, q.at, q.dimension);
    const all = q.all === 'true';
    const rows = await cached(
      `balancers|${world}|${s.at}|${s.layer}|${q.neutral}|${q.kinds.join()}|${all}`,
      () => balancers(graphOf(s, q.neutral, q.kinds), { all, frustration }),
    );
    return c.json({ ...where(s), rows }, 200);
  });

  app.openapi(alignmentRoute, (c) => {
    const world = c.req.valid('param').world;
    const q = c.req.valid('query');
    const s = snap(world, q.at, q.dimension);
    const poles = q.poles as [string, string];
    return c.json(
      { ...where(s), poles, ...alignmentInSnapshot(s, poles, { neutral: q.neutral, kinds: q.kinds }) },
      200,
    );
  });

  app.openapi(powerRoute, (c) => {
    const world = c.req.valid('param').world;
    const q = c.req.valid('query');
    const s = snap(world, q.at, q.dimension);
    const report = powerReport(s, { measure: q.measure, neutral: q.neutral });
    const balances = report.balances.map((b) => ({ ...b, ratio: Number.isFinite(b.ratio) ? b.ratio : null }));
    return c.json({ world, ...report, balances }, 200);
  });

  app.openapi(seriesRoute, async (c) => {
    const world = c.req.valid('param').world;
    const q = c.req.valid('query');
    const { meta } = registry.world(world);
    const measure = parseMeasure(q.measure, { neutral: q.neutral });
    const dates = windowDates(
      q.from ?? meta.period.from,
      q.to ?? meta.period.to,
      q.every,
      options.limits.maxSeriesPoints,
    );
    const points = [];
    for (const at of dates) {
      points.push({ at, value: await measure.fn(registry.snapshot(world, at, q.dimension)) });
    }
    return c.json({ world, layer: q.dimension, measure: measure.spec, points }, 200);
  });
}

export type BalanceBodyType = z.infer<typeof BalanceBody>;
export type TrianglesBodyType = z.infer<typeof TrianglesBody>;
export type BalancersBodyType = z.infer<typeof BalancersBody>;
export type AlignmentBodyType = z.infer<typeof AlignmentBody>;
export type PowerBodyType = z.infer<typeof PowerBody>;
export type SeriesBodyType = z.infer<typeof SeriesBody>;
