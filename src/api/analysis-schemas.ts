/**
 * Response schemas of the analysis routes (balance, triangles, balancers, alignment, power,
 * series), mirroring the reports of `src/analysis`; the routes' handlers are type-checked against
 * them, and the typed client reads its response types from the routes built on them.
 */
import { z } from 'zod';
import { CAPABILITY_MEASURES } from '../analysis/power/capability.js';
import { TRIANGLE_TYPES } from '../analysis/triangles/strategic-triangle.js';
import { Problem } from './schemas.js';

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

export const BalanceBody = z
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

export const TrianglesBody = z
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

export const BalancersBody = z
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

export const AlignmentBody = z
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

export const PowerBody = z
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

export const SeriesBody = z
  .object({
    world: z.string(),
    layer: z.string(),
    measure: z.string(),
    points: z.array(z.object({ at: z.string(), value: z.union([z.number(), z.string(), z.null()]) })),
  })
  .meta({ id: 'Series' });

export type BalanceBodyType = z.infer<typeof BalanceBody>;
export type TrianglesBodyType = z.infer<typeof TrianglesBody>;
export type BalancersBodyType = z.infer<typeof BalancersBody>;
export type AlignmentBodyType = z.infer<typeof AlignmentBody>;
export type PowerBodyType = z.infer<typeof PowerBody>;
export type SeriesBodyType = z.infer<typeof SeriesBody>;
