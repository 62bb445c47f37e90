/**
 * The world schema: the single source of truth for world files (YAML or JSON), exported as JSON
 * Schema by `counterbalance world schema`. A world is one file, or a directory of files whose
 * sections are concatenated (so a curator can keep actors, ties and events apart).
 */
import { z } from 'zod';
import { DIMENSIONS } from './layers.js';
import { DATE_PATTERN, isDate } from './time.js';

export { DIMENSIONS, LAYERS } from './layers.js';

export const ACTOR_KINDS = ['state', 'organization', 'bloc', 'nonstate'] as const;
export const CORRIDOR_STATUSES = [
  'proposed',
  'agreed',
  'under-construction',
  'operational',
  'stalled',
  'cancelled',
] as const;
/** Reliability of a source, NATO/Admiralty style: A completely reliable … F cannot be judged. */
export const GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

export const Id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.:-]*$/, 'ids start with a letter and use letters, digits, _ . : -');
export const DateString = z
  .string()
  .regex(DATE_PATTERN, { message: 'dates are YYYY, YYYY-MM or YYYY-MM-DD', abort: true })
  .refine(isDate, {
    error: (issue) => `'${String(issue.input)}' is not a calendar date: use a real month (01-12) and day`,
  });
const EvidenceRefs = z.array(Id).min(1, 'every fact needs at least one evidence id');
const Unit = z.number().min(-1, 'values lie in [-1, 1]').max(1, 'values lie in [-1, 1]');
const Probability = z.number().min(0, 'confidence lies in [0, 1]').max(1, 'confidence lies in [0, 1]');

export const Dimension = z.enum(DIMENSIONS);

export const Source = z
  .object({
    id: Id,
    kind: z.enum(['document', 'dataset']),
    title: z.string().min(1),
    author: z.string().optional(),
    published: DateString.optional(),
    file: z.string().optional().describe('file name of the document, e.g. a seed text'),
    citation: z.string().optional(),
    grade: z.enum(GRADES).default('C'),
  })
  .strict();

export const Evidence = z
  .object({
    id: Id,
    source: Id,
    quote: z.string().min(1).optional().describe('verbatim text from a document source'),
    rows: z
      .array(z.record(z.string(), z.union([z.string(), z.number()])))
      .min(1)
      .optional()
      .describe('row keys in a dataset source'),
    note: z.string().optional().describe('how a date or value was chosen from the source'),
    grade: z.enum(GRADES).optional(),
    retrieved: DateString.optional(),
  })
  .strict();

export const Capability = z
  .object({
    actor: Id,
    year: z.number().int(),
    cinc: z.number().min(0).max(1).optional(),
    milex: z.number().min(0).optional(),
    milper: z.number().min(0).optional(),
    irst: z.number().min(0).optional(),
    pec: z.number().min(0).optional(),
    tpop: z.number().min(0).optional(),
    upop: z.number().min(0).optional(),
    armsImports: z
      .record(Id, z.number().min(0).max(1))
      .optional()
      .describe(
        "share of the actor's arms imports (SIPRI TIV) from each supplier in the world, over the five " +
          'years to `year`; suppliers below a share of 0.001 are left out',
      ),
    evidence: EvidenceRefs,
  })
  .strict();

export const Actor = z
  .object({
    id: Id,
    kind: z.enum(ACTOR_KINDS),
    name: z.string().min(1),
    aliases: z.array(z.string()).default([]),
    cow: z.number().int().positive().optional(),
    region: z.string().optional(),
    since: DateString.optional().describe(
      'first date the actor exists (founding, independence); absent = before the world begins',
    ),
    until: DateString.optional().describe(
      'last date the actor exists (dissolution, succession); absent = to the end of the world',
    ),
    nuclear: z.boolean().optional(),
    note: z.string().optional().describe('curator note: how this was coded'),
    capital: z
      .object({
        name: z.string(),
        lat: z.number().min(-90, 'latitudes lie in [-90, 90]').max(90, 'latitudes lie in [-90, 90]'),
        lon: z.number().min(-180, 'longitudes lie in [-180, 180]').max(180, 'longitudes lie in [-180, 180]'),
      })
      .strict()
      .optional(),
    evidence: EvidenceRefs,
  })
  .strict();

export const Observation = z
  .object({
    at: DateString,
    until: DateString.optional().describe('last date the value holds; absent = until the next one'),
    value: Unit,
    confidence: Probability.default(0.6),
    evidence: EvidenceRefs,
    note: z.string().optional(),
  })
  .strict();

export const TieSeries = z
  .object({
    a: Id,
    b: Id,
    dimension: Dimension,
    directed: z.boolean().default(false),
    origin: Id.optional().describe(
      'the derived source these observations come from (e.g. events, global); absent = curated. ' +
        'Curated and derived series of one dyad and dimension live side by side: a snapshot uses ' +
        'the curated value where it has one and shows the derived ones beside it',
    ),
    observations: z.array(Observation).min(1),
  })
  .strict();

/**
 * Quad classes of coded events: verbal/material cooperation/conflict, and `neutral` for the
 * Phoenix variant's zero class (event data only: a curated event takes one of the four others).
 */
const CODED_QUADS = [
  'verbal-cooperation',
  'material-cooperation',
  'verbal-conflict',
  'material-conflict',
] as const;
export const QUADS = ['neutral', ...CODED_QUADS] as const;

/**
 * A dated, coded interaction between two actors, as curated in a world file. The event store holds
 * the same type with provenance added (`EventRecord`, src/domain/event-record.ts).
 */
export const Event = z
  .object({
    id: Id,
    date: DateString,
    source: Id,
    target: Id,
    cameo: z.string().regex(/^\d{2,4}$/, 'CAMEO codes are 2 to 4 digits, e.g. 036'),
    goldstein: z.number().min(-10).max(10),
    quad: z.enum(CODED_QUADS),
    dimension: Dimension,
    title: z.string().min(1),
    text: z.string().optional(),
    note: z.string().optional().describe('curator note: how this was coded'),
    weight: z.number().positive().default(1),
    evidence: EvidenceRefs,
  })
  .strict();

const Interval = { from: DateString, to: DateString.optional() };

export const CorridorStatus = z
  .object({
    ...Interval,
    status: z.enum(CORRIDOR_STATUSES),
    note: z.string().optional(),
    evidence: EvidenceRefs,
  })
  .strict();

export const Corridor = z
  .object({
    id: Id,
    name: z.string().min(1),
    kind: z.enum(['corridor', 'pipeline', 'railway', 'maritime', 'initiative']),
    dimension: Dimension,
    participants: z.array(Id).min(1),
    route: z.array(Id).default([]).describe('actors the route passes through, in order'),
    note: z.string().optional().describe('curator note: how this was coded'),
    parent: Id.optional().describe('the initiative this project belongs to (CPEC → BRI)'),
    waypoints: z
      .object({
        points: z
          .array(
            z
              .object({
                name: z.string().optional(),
                lat: z.number().min(-90).max(90),
                lon: z.number().min(-180).max(180),
              })
              .strict(),
          )
          .min(2),
        evidence: EvidenceRefs,
      })
      .strict()
      .optional()
      .describe('where the corridor runs on the map, in order; absent = from capital to capital along route'),
    statuses: z.array(CorridorStatus).min(1),
    evidence: EvidenceRefs,
  })
  .strict();

export const Membership = z
  .object({
    actor: Id,
    org: Id,
    ...Interval,
    note: z.string().optional().describe('curator note: how this was coded'),
    role: z.enum(['member', 'observer', 'partner', 'applicant']).default('member'),
    evidence: EvidenceRefs,
  })
  .strict();

const Pair = z.tuple([Id, Id]);
const Window = z
  .tuple([DateString, DateString])
  .describe('[from, to]: the window the claim speaks of, e.g. ["2014-01", "2017-07"]');
const TestLayer = z.enum(['composite', ...DIMENSIONS]).default('composite');

/**
 * A machine-checkable reading of a claim: one measure, its actors and what the claim expects.
 * `tilt`: X's lean between A and B (`towards-first` = towards A), at the claim's date or, with
 * `over`, its change across the window (`uneven`: the lean grows either way); `triangle`: Dittmer's
 * type and/or pivot/outcast of three actors; `tie`: the sign of one tie; `trend`: a tie's change
 * across a window.
 */
export const ClaimTest = z.union([
  z
    .object({
      tilt: Id,
      between: Pair,
      direction: z.enum(['towards-first', 'towards-second', 'even', 'uneven']),
      over: Window.optional(),
      dimension: TestLayer,
    })
    .strict(),
  z
    .object({
      triangle: z.tuple([Id, Id, Id]),
      type: z.enum(['menage-a-trois', 'romantic', 'stable-marriage', 'unit-veto']).optional(),
      pivot: Id.optional(),
      outcast: Id.optional(),
      dimension: TestLayer,
    })
    .strict()
    .refine((t) => t.type || t.pivot || t.outcast, {
      message: 'a triangle test names a type, a pivot or an outcast',
    }),
  z
    .object({
      tie: Pair,
      sign: z.enum(['positive', 'negative', 'neutral']),
      dimension: TestLayer,
    })
    .strict(),
  z
    .object({
      trend: Pair,
      over: Window,
      direction: z.enum(['rising', 'falling', 'steady']),
      dimension: TestLayer,
    })
    .strict(),
]);

export const Claim = z
  .object({
    id: Id,
    author: z.string().min(1),
    date: DateString,
    thesis: z.string().min(1).describe('the claim in one line'),
    about: z.array(Id).min(1).describe('actors the claim is about'),
    note: z.string().optional().describe('curator note: how this was coded'),
    kind: z
      .enum(['balancing', 'alignment', 'prediction', 'perception', 'mechanism', 'assessment'])
      .default('assessment'),
    test: z
      .union([ClaimTest, z.array(ClaimTest).min(1)])
      .optional()
      .describe(
        'what the world must measure for the claim to hold; several must all hold; absent = not testable',
      ),
    evidence: EvidenceRefs,
  })
  .strict();

export const WorldMeta = z
  .object({
    id: Id,
    name: z.string().min(1),
    description: z.string().default(''),
    period: z.object({ from: DateString, to: DateString }).strict(),
    dimensionWeights: z.partialRecord(Dimension, z.number().min(0)).optional(),
    /**
     * How far back (months) the composite may carry a dimension whose coding of a dyad starts after
     * the date. Off unless a world says so: a curated world whose dates follow when its sources
     * were published may set it; a dataset world must not read later data into the past.
     */
    compositeCarryBackMonths: z.number().int().min(0).optional(),
  })
  .strict();

/** One world file; in a directory, `meta` appears in exactly one file. */
export const WorldFile = z
  .object({
    meta: WorldMeta.optional(),
    sources: z.array(Source).default([]),
    evidence: z.array(Evidence).default([]),
    actors: z.array(Actor).default([]),
    capabilities: z.array(Capability).default([]),
    ties: z.array(TieSeries).default([]),
    events: z.array(Event).default([]),
    corridors: z.array(Corridor).default([]),
    memberships: z.array(Membership).default([]),
    claims: z.array(Claim).default([]),
  })
  .strict();

export type Dimension = z.infer<typeof Dimension>;
export type Source = z.infer<typeof Source>;
export type Evidence = z.infer<typeof Evidence>;
export type Capability = z.infer<typeof Capability>;
export type Actor = z.infer<typeof Actor>;
export type Observation = z.infer<typeof Observation>;
export type TieSeries = z.infer<typeof TieSeries>;
export type Event = z.infer<typeof Event>;
export type CorridorStatus = z.infer<typeof CorridorStatus>;
export type Corridor = z.infer<typeof Corridor>;
export type Membership = z.infer<typeof Membership>;
export type Claim = z.infer<typeof Claim>;
export type ClaimTest = z.infer<typeof ClaimTest>;
export type WorldMeta = z.infer<typeof WorldMeta>;
export type WorldFile = z.infer<typeof WorldFile>;

/** The world schema as JSON Schema (draft 2020-12), for editors and other tools. */
export function worldJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(WorldFile, { io: 'input' }) as Record<string, unknown>;
}
