/**
 * Schema of a YAML bargaining issue: the issue's question, scale and dimensions, and per actor a
 * position, a salience and (unless a linked world supplies it) a capability, each of which may cite
 * a verbatim quote from its source. Actor ids follow the worlds: ISO3 for states (RUS, PAK…),
 * stable ids for others (TALIBAN, ISKP, SCO…).
 */
import { z } from 'zod';
import { DateString, Id } from '../../domain/schema.js';

const Quote = z
  .object({
    source: z.string().min(1).describe('document the quote comes from, e.g. a seed file name'),
    quote: z.string().min(1).describe('verbatim text from that document'),
  })
  .strict();

const PerDimension = z.union([z.number(), z.array(z.number()).min(1)]);

const NonNegative = z.number().nonnegative('an uncertainty is a distance: use a number ≥ 0');
const NonNegativePerDimension = z.union([NonNegative, z.array(NonNegative).min(1)]);

/** What a number rests on; `note` says which quote, dataset row or reasoning. */
const Basis = z
  .object({
    kind: z
      .enum(['seed-quote', 'dataset', 'public-record', 'judgement'])
      .describe(
        "seed-quote: read off a seed's sentence; dataset/public-record: a cited figure; judgement: the author's",
      ),
    note: z.string().min(1, 'say what the number rests on'),
  })
  .strict();

export const IssueActor = z
  .object({
    id: Id,
    name: z.string().min(1).optional(),
    description: z.string().optional(),
    capability: z.number().positive('capability must be > 0').optional(),
    capabilityNote: z.string().optional().describe('where the capability figure comes from'),
    position: PerDimension.describe('one value per dimension, on the issue scale'),
    salience: PerDimension.describe('percent of attention per dimension; the sum is at most 100'),
    rationale: z.string().optional(),
    evidence: z
      .object({ position: Quote.optional(), salience: Quote.optional(), capability: Quote.optional() })
      .strict()
      .optional(),
    basis: z
      .object({ position: Basis.optional(), salience: Basis.optional(), capability: Basis.optional() })
      .strict()
      .optional()
      .describe('what each number rests on'),
    uncertainty: z
      .object({
        position: NonNegativePerDimension.optional().describe('± points on the issue scale, per dimension'),
        salience: NonNegativePerDimension.optional().describe('± salience points, per dimension'),
        capability: NonNegative.max(0.99, 'capability uncertainty is a fraction below 1 (0.2 = ±20%)')
          .optional()
          .describe('± fraction of the capability'),
      })
      .strict()
      .optional()
      .describe('how far each number may be off; the sensitivity band draws within it'),
  })
  .strict();

export const Issue = z
  .object({
    id: Id.optional(),
    title: z.string().min(1),
    question: z.string().optional(),
    description: z.string().optional(),
    date: DateString.optional().describe('when the assessment holds; default for --at'),
    world: z.string().optional().describe('world supplying missing capabilities (CINC); default for --world'),
    scale: z.object({ min: z.number(), max: z.number() }).strict().default({ min: 0, max: 100 }),
    dimensions: z
      .array(
        z
          .object({ name: z.string().min(1), low: z.string().optional(), high: z.string().optional() })
          .strict(),
      )
      .min(1, 'an issue needs at least one dimension'),
    actors: z.array(IssueActor),
    sources: z
      .array(z.object({ file: z.string(), title: z.string(), author: z.string().optional() }).strict())
      .optional(),
  })
  .strict();

export type IssueFile = z.infer<typeof Issue>;
