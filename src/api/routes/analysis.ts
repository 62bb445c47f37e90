/**
 * Measures at a date (balance, triangles, balancers, alignment, power) and any measure over time.
 * Every route reads the cached snapshot of (world, date, layer), and results that take a solver
 * (balance, balancers) are cached too, so the workbench can replay them as the slider moves.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { balanceReport } from '../../analysis/balance/report.js';
import { alignmentInSnapshot } from '../../analysis/balancing/alignment.js';
import { balancers } from '../../analysis/balancing/balancers.js';
import { type ActorKind, graphFromSnapshot } from '../../analysis/from-snapshot.js';
import { CAPABILITY_MEASURES } from '../../analysis/power/capability.js';
import { powerReport } from '../../analysis/power/report.js';
import { measureHelp, parseMeasure } from '../../analysis/series/measures.js';
import { seriesOf } from '../../analysis/series/series-of.js';
import { indexGraph } from '../../analysis/signed-graph.js';
import { strategicTriangles, triangleInSnapshot } from '../../analysis/triangles/strategic-triangle.js';
import { triangleHistory } from '../../analysis/triangles/triangle-history.js';
import { NEUTRAL_THRESHOLD } from '../../domain/defaults.js';
import { InvalidInputError, LimitExceededError } from '../../domain/errors.js';
import { ACTOR_KINDS, Id } from '../../domain/schema.js';
import { monthRange } from '../../domain/time.js';
import type { Layer, Snapshot } from '../../domain/world.js';
import {
  AlignmentBody,
  BalanceBody,
  BalancersBody,
  PowerBody,
  SeriesBody,
  TrianglesBody,
} from '../analysis-schemas.js';
import type { ApiContext } from '../context.js';
import { LruCache } from '../lru.js';
import { CalendarDate, SnapshotQuery, WorldParam } from '../schemas.js';
import { errorResponses, json, routeApp, snapshotFor } from './shared.js';

/** Analysis options shared by the routes: the neutral band and the solver's time budget. */
export const ANALYSIS_DEFAULTS = Object.freeze({
  neutral: NEUTRAL_THRESHOLD,
  solverSeconds: 10,
  cacheSize: 2000,
});

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

export function analysisRoutes(ctx: ApiContext) {
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
  const graphOf = (s: Snapshot, neutral: number, kinds: readonly ActorKind[]) =>
    indexGraph(graphFromSnapshot(s, { neutral, kinds }));
  const where = (s: Snapshot) => ({ world: s.world, at: s.at, layer: s.layer });
  /** The window of a history or series: the world's period unless narrowed, within the limit. */
  const windowOf = (world: string, q: { from?: string; to?: string; every: number }) => {
    const { period } = registry.world(world).meta;
    const [from, to] = [q.from ?? period.from, q.to ?? period.to];
    windowDates(from, to, q.every, options.limits.maxSeriesPoints);
    return { from, to, every: q.every };
  };
  const cachedSnapshots = (world: string, layer: Layer) => ({
    snapshotAt: (at: string) => registry.snapshot(world, at, layer),
  });

  return routeApp()
    .openapi(balanceRoute, async (c) => {
      const { world } = c.req.valid('param');
      const q = c.req.valid('query');
      const s = snapshotFor(registry, world, q);
      const weighted = q.weighted === 'true';
      const report = await cached(
        `balance|${world}|${s.at}|${s.layer}|${q.neutral}|${q.kinds.join()}|${weighted}`,
        () => balanceReport(graphOf(s, q.neutral, q.kinds), { weighted, frustration }),
      );
      return c.json({ ...where(s), ...report }, 200);
    })

    .openapi(trianglesRoute, async (c) => {
      const { world } = c.req.valid('param');
      const q = c.req.valid('query');
      const s = snapshotFor(registry, world, q);
      if (!q.actors) {
        return c.json({ ...where(s), catalogue: strategicTriangles(graphOf(s, q.neutral, q.kinds)) }, 200);
      }
      const actors = q.actors as [string, string, string];
      const triangle = triangleInSnapshot(s, actors, { neutral: q.neutral });
      const history = await triangleHistory(registry.world(world), actors, {
        ...windowOf(world, q),
        ...cachedSnapshots(world, q.dimension),
        neutral: q.neutral,
      });
      return c.json({ ...where(s), triangle, history }, 200);
    })

    .openapi(balancersRoute, async (c) => {
      const { world } = c.req.valid('param');
      const q = c.req.valid('query');
      const s = snapshotFor(registry, world, q);
      const all = q.all === 'true';
      const rows = await cached(
        `balancers|${world}|${s.at}|${s.layer}|${q.neutral}|${q.kinds.join()}|${all}`,
        () => balancers(graphOf(s, q.neutral, q.kinds), { all, frustration }),
      );
      return c.json({ ...where(s), rows }, 200);
    })

    .openapi(alignmentRoute, (c) => {
      const { world } = c.req.valid('param');
      const q = c.req.valid('query');
      const s = snapshotFor(registry, world, q);
      const poles = q.poles as [string, string];
      return c.json(
        { ...where(s), poles, ...alignmentInSnapshot(s, poles, { neutral: q.neutral, kinds: q.kinds }) },
        200,
      );
    })

    .openapi(powerRoute, (c) => {
      const { world } = c.req.valid('param');
      const q = c.req.valid('query');
      const s = snapshotFor(registry, world, q);
      const report = powerReport(s, { measure: q.measure, neutral: q.neutral });
      const balances = report.balances.map((b) => ({
        ...b,
        ratio: Number.isFinite(b.ratio) ? b.ratio : null,
      }));
      return c.json({ world, ...report, balances }, 200);
    })

    .openapi(seriesRoute, async (c) => {
      const { world } = c.req.valid('param');
      const q = c.req.valid('query');
      const window = windowOf(world, q);
      const measure = parseMeasure(q.measure, { neutral: q.neutral });
      const points = await seriesOf(registry.world(world), measure.fn, {
        ...window,
        ...cachedSnapshots(world, q.dimension),
      });
      return c.json({ world, layer: q.dimension, measure: measure.spec, points }, 200);
    });
}
