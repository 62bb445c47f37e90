/**
 * Request and response schemas of the HTTP API. The OpenAPI document is generated from these, and
 * the typed client (`client.ts`) takes its types from them, so the three cannot drift apart.
 * World sections reuse the world-file schemas of `src/domain/schema.ts`.
 */
import { z } from 'zod';
import {
  Actor,
  Claim,
  Corridor,
  DateString,
  DIMENSIONS,
  Event,
  Id,
  Membership,
  Observation,
  Source,
  WorldMeta,
} from '../domain/schema.js';
import { isDate } from '../domain/time.js';

export const Problem = z
  .object({
    file: z.string().optional(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
    field: z.string().optional(),
    message: z.string(),
    hint: z.string().optional(),
  })
  .meta({ id: 'Problem', description: 'One thing wrong with a request, located where possible.' });

export const ErrorBody = z
  .object({
    error: z.string().describe('what went wrong and how to fix it'),
    problems: z.array(Problem).optional(),
  })
  .meta({ id: 'Error' });

export const LayerSchema = z.enum(['composite', ...DIMENSIONS]).meta({
  id: 'Layer',
  description: '`composite` (weighted mean over dimensions) or one dimension',
});

/** A world id, or a composed one: the world's id and its sources' origins joined by `+`. */
const WorldId = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_.:-]*(\+[A-Za-z][A-Za-z0-9_.:-]*)*$/,
    'world ids start with a letter and use letters, digits, _ . : - (a composed world joins ids with +)',
  );

export const WorldParam = z.object({
  world: WorldId.meta({
    description: 'world id, e.g. eurasia, or a composed one, e.g. eurasia+events',
    example: 'eurasia',
  }),
});

/** A date that exists on the calendar (the pattern alone lets month 13 through). */
export const CalendarDate = DateString.refine(isDate, {
  message: 'not a calendar date: months run 01–12 and days must exist in their month',
});

export const SnapshotQuery = z.object({
  at: CalendarDate.optional().meta({
    description:
      'YYYY, YYYY-MM or YYYY-MM-DD, read as "as of the end of"; default: the end of the world period',
    example: '2021-12',
  }),
  dimension: LayerSchema.default('composite'),
});

export const WorldSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    period: z.object({ from: z.string(), to: z.string() }),
    origin: z.enum(['bundled', 'file']),
    default: z.boolean().describe('the world the workbench opens first'),
  })
  .meta({ id: 'WorldSummary' });

export const WorldStats = z
  .object({
    actors: z.number(),
    ties: z.number(),
    observations: z.number(),
    events: z.number(),
    corridors: z.number(),
    memberships: z.number(),
    claims: z.number(),
    evidence: z.number(),
    capabilities: z.number(),
  })
  .meta({ id: 'WorldStats' });

export const WorldDetail = z
  .object({
    meta: WorldMeta,
    origin: z.enum(['bundled', 'file']),
    stats: WorldStats,
    dimensions: z.array(z.enum(DIMENSIONS)),
    actors: z.array(Actor),
    sources: z.array(Source),
    corridors: z.array(Corridor),
    memberships: z.array(Membership),
    claims: z.array(Claim),
  })
  .meta({ id: 'WorldDetail' });

export const TieAtSchema = z
  .object({
    a: z.string(),
    b: z.string(),
    dimension: LayerSchema,
    value: z.number().min(-1).max(1),
    confidence: z.number().min(0).max(1),
    observed: z.string().describe('date of the observation used (composite: the latest)'),
    evidence: z.array(z.string()),
    carried: z
      .array(
        z.object({
          dimension: z.enum(DIMENSIONS),
          value: z.number().min(-1).max(1),
          confidence: z.number().min(0).max(1),
          observed: z.string(),
        }),
      )
      .optional()
      .describe('composite only: dimensions coded only after the date, entered with their first observation'),
    missing: z
      .array(z.enum(DIMENSIONS))
      .optional()
      .describe('composite only: dimensions the dyad is coded on with no value at the date (no data)'),
  })
  .meta({ id: 'TieAt' });

export const SnapshotNode = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    lat: z.number().optional(),
    lon: z.number().optional(),
    cinc: z.number().optional(),
  })
  .meta({ id: 'SnapshotNode' });

export const SnapshotBody = z
  .object({
    world: z.string(),
    at: z.string(),
    layer: LayerSchema,
    actors: z.array(SnapshotNode),
    ties: z.array(TieAtSchema),
  })
  .meta({ id: 'Snapshot' });

export const EvidenceDetail = z
  .object({
    id: z.string(),
    quote: z.string().optional(),
    rows: z.array(z.record(z.string(), z.union([z.string(), z.number()]))).optional(),
    note: z.string().optional(),
    grade: z.string().describe('the evidence grade, else its source grade (A reliable … F unknown)'),
    retrieved: z.string().optional(),
    source: Source,
  })
  .meta({ id: 'EvidenceDetail' });

export const TieLayerDetail = TieAtSchema.extend({ evidence: z.array(EvidenceDetail) }).meta({
  id: 'TieLayerDetail',
});

export const TieHistory = z
  .object({
    dimension: z.enum(DIMENSIONS),
    directed: z.boolean(),
    from: z.string().describe('first actor as written in the world file (directed series: the source)'),
    observations: z.array(Observation),
  })
  .meta({ id: 'TieHistory' });

export const TieDetail = z
  .object({
    world: z.string(),
    at: z.string(),
    a: Actor,
    b: Actor,
    layers: z.array(TieLayerDetail).describe('composite first, then every dimension with a tie at `at`'),
    history: z.array(TieHistory).describe('every observation of the dyad, per dimension'),
    events: z.array(Event).describe('events between the two actors up to `at`'),
  })
  .meta({ id: 'TieDetail' });

export const TiesBody = z
  .object({
    world: z.string(),
    at: z.string(),
    layer: LayerSchema,
    ties: z.array(TieAtSchema.extend({ evidence: z.array(EvidenceDetail) })),
  })
  .meta({ id: 'Ties' });

/** An event as the event store keeps it (its evidence ids resolve in the world). */
export const StoredEvent = z
  .object({
    id: z.string().describe('origin-qualified id, e.g. eurasia:ev.2016-druzhba'),
    date: z.string(),
    source: z.string(),
    target: z.string(),
    cameo: z.string(),
    goldstein: z.number(),
    quad: z.string(),
    dimension: z.enum(DIMENSIONS).optional(),
    title: z.string().optional(),
    origin: z.string(),
    evidence: z.array(z.string()),
  })
  .meta({ id: 'StoredEvent' });

export const EventsBody = z.object({ events: z.array(StoredEvent) }).meta({ id: 'Events' });

export const DyadMonthsBody = z
  .object({
    series: z.array(
      z.object({
        a: z.string(),
        b: z.string(),
        month: z.string(),
        events: z.number(),
        meanGoldstein: z.number(),
        cooperative: z.number(),
        conflictual: z.number(),
      }),
    ),
  })
  .meta({ id: 'DyadMonths' });

/** Which events: by actor, by dyad (a and b), by period. */
export const EventQuery = z.object({
  actor: Id.optional().meta({ description: 'events where this actor is source or target' }),
  a: Id.optional().meta({ description: 'with b: events between a and b, in either direction' }),
  b: Id.optional(),
  from: CalendarDate.optional().meta({ example: '2014' }),
  to: CalendarDate.optional().meta({ example: '2021-12' }),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});

export const HealthBody = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    uptimeSeconds: z.number(),
    worlds: z.array(z.string()).describe('worlds on offer'),
    loaded: z.array(z.string()).describe('worlds already in memory'),
    defaultWorld: z.string(),
    db: z
      .object({
        path: z.string().nullable(),
        status: z.enum(['connected', 'memory', 'not-opened']),
        events: z.number().nullable(),
      })
      .describe('the embedded DuckDB event store: its file (null = in memory), state and event count'),
    jobs: z.object({ queued: z.number(), running: z.number(), finished: z.number() }),
    forecasts: z
      .object({ running: z.number(), waiting: z.number() })
      .describe('bargaining forecasts computing in worker threads and waiting for one'),
    limits: z
      .object({
        maxBodyBytes: z.number().describe('largest request body, in bytes'),
        maxRuns: z.number().describe('most Monte Carlo runs one scenario may ask for'),
        maxHorizon: z.number().describe('longest scenario horizon, in steps'),
        maxWork: z.number().describe('most runs × horizon steps one scenario may ask for'),
      })
      .catchall(z.number())
      .describe('what this server accepts (the workbench reads its form limits here)'),
  })
  .meta({ id: 'Health' });

export type ErrorBody = z.infer<typeof ErrorBody>;
export type Problem = z.infer<typeof Problem>;
export type LayerName = z.infer<typeof LayerSchema>;
export type WorldSummary = z.infer<typeof WorldSummary>;
export type WorldDetail = z.infer<typeof WorldDetail>;
export type TieAtBody = z.infer<typeof TieAtSchema>;
export type SnapshotNode = z.infer<typeof SnapshotNode>;
export type SnapshotBody = z.infer<typeof SnapshotBody>;
export type EvidenceDetail = z.infer<typeof EvidenceDetail>;
export type TieDetail = z.infer<typeof TieDetail>;
export type TiesBody = z.infer<typeof TiesBody>;
export type EventsBody = z.infer<typeof EventsBody>;
export type DyadMonthsBody = z.infer<typeof DyadMonthsBody>;
export type HealthBody = z.infer<typeof HealthBody>;
