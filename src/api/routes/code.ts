/**
 * Event coding of posted text: `POST /api/code?date=YYYY-MM-DD` with a text/plain body (never
 * a server path) returns the coded events with offsets, the skip counts and warnings. The body
 * size is capped by the app's body-limit middleware.
 *
 * `POST /api/worlds/{world}/coded-events` turns chosen events into a world file fragment
 * (sources, evidence, events; see src/evidence/coded-events-to-world.ts) for the user to save in
 * the world's folder. The body carries the text and the indices of the chosen events, not the
 * events: the server codes the text again, so every quote is verbatim and every event is one the
 * coder found. The server's worlds stay as their files say: the fragment is checked against the
 * world (known actors, no id the world already has) and handed back, never kept in memory, so
 * what a user adds survives a restart and goes through `world validate` like any curated fact.
 */
import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { InvalidInputError } from '../../domain/errors.js';
import { WorldFile } from '../../domain/schema.js';
import { codedEventsToWorld } from '../../evidence/coded-events-to-world.js';
import { codeTexts } from '../../evidence/coder/code-texts.js';
import { parseIsoDate } from '../../evidence/coder/dates.js';
import type { ApiContext } from '../context.js';
import { parseStructured, readBodyText } from '../read-body.js';
import { WorldParam } from '../schemas.js';
import { errorResponses, json, routeApp } from './shared.js';

const Span = z.tuple([z.number().int(), z.number().int()]);
const CodedEventBody = z.object({
  doc: z.string(),
  sentence: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  source: z.string(),
  target: z.string(),
  code: z.string(),
  goldstein: z.number().nullable(),
  quad: z.number().int().nullable(),
  verb: z.string(),
  pattern: z.string(),
  marks: z.object({ source: Span, target: Span, verb: Span }),
});
const CodeBody = z.object({
  events: z.array(CodedEventBody),
  stats: z.object({
    sentences: z.number().int(),
    discarded: z.number().int(),
    negated: z.number().int(),
    noActors: z.number().int(),
    tooLong: z.number().int(),
  }),
  warnings: z.array(z.object({ message: z.string(), hint: z.string().optional() })),
});

const codeText = createRoute({
  method: 'post',
  path: '/api/code',
  tags: ['evidence'],
  summary: 'Code English text into CAMEO events with character offsets (text/plain body)',
  request: {
    query: z.object({ date: z.string().optional().openapi({ example: '2019-08-15' }) }),
    body: { description: 'the text to code', content: { 'text/plain': { schema: { type: 'string' } } } },
  },
  responses: { 200: json(CodeBody, 'the coded events'), ...errorResponses(413, 415) },
});

const ChosenEvents = z
  .object({
    text: z.string().min(1),
    date: z.string().describe("date of the text, YYYY-MM-DD: the events' date"),
    doc: z.string().min(1).max(200).default('pasted-text').describe('name of the text, e.g. its file name'),
    chosen: z
      .array(z.number().int().min(0))
      .min(1)
      .describe('indices into the events POST /api/code returned'),
  })
  .strict();

const WorldPatch = z.object({
  fileName: z.string().describe("save the patch under this name in the world's folder"),
  patch: z.record(z.string(), z.unknown()).describe('world file sections: sources, evidence, events'),
  added: z.number().int(),
  skipped: z.object({
    unknownActor: z.number().int(),
    selfDirected: z.number().int(),
    unscaled: z.number().int(),
  }),
});

const addEvents = createRoute({
  method: 'post',
  path: '/api/worlds/{world}/coded-events',
  tags: ['evidence'],
  summary: 'Chosen coded events of a text as a world file fragment with verbatim quotes and offsets',
  request: {
    params: WorldParam,
    body: { required: true, content: { 'application/json': { schema: ChosenEvents } } },
  },
  responses: { 200: json(WorldPatch, 'the world file fragment to save'), ...errorResponses(404, 413, 415) },
});

function dayOf(date: string | undefined, field: string): number | undefined {
  const day = date === undefined ? undefined : parseIsoDate(date);
  if (date !== undefined && day === undefined) {
    throw new InvalidInputError({ field, message: `"${date}" is not a date`, hint: 'write YYYY-MM-DD' });
  }
  return day;
}

export function codeRoutes(ctx: ApiContext) {
  return routeApp()
    .openapi(addEvents, async (c) => {
      const world = ctx.registry.world(c.req.valid('param').world);
      const raw = await readBodyText(c, 'the text and the chosen events as JSON', ['application/json']);
      const body = ChosenEvents.safeParse(parseStructured(raw, true));
      if (!body.success) {
        const issue = body.error.issues[0]!;
        throw new InvalidInputError({
          field: issue.path.join('.') || 'body',
          message: issue.message,
          hint: 'send {text, date, doc?, chosen: [indices]}',
        });
      }
      const { text, date, doc, chosen } = body.data;
      const { events } = codeTexts([{ id: doc, text }], { date: dayOf(date, 'date') });
      const missing = chosen.filter((i) => i >= events.length);
      if (missing.length > 0) {
        throw new InvalidInputError({
          field: 'chosen',
          message: `the text codes into ${events.length} event(s); there is no event ${missing.join(', ')}`,
          hint: 'choose among the indices POST /api/code returned for this text and date',
        });
      }
      const digest = createHash('sha256').update(`${date}\u0000${doc}\u0000${text}`).digest('hex');
      const picked = [...new Set(chosen)].sort((a, b) => a - b).map((i) => events[i]!);
      const { file, added, skipped } = codedEventsToWorld(picked, new Set(world.actors.map((a) => a.id)), {
        date,
        idPrefix: `coded.${digest.slice(0, 10)}`,
      });
      const taken = file.events.filter((e) => world.events.some((w) => w.id === e.id)).map((e) => e.id);
      if (taken.length > 0) {
        throw new InvalidInputError({
          field: 'chosen',
          message: `the world already holds ${taken.join(', ')}`,
          hint: 'these events were added before; choose others',
        });
      }
      WorldFile.parse(file);
      return c.json(
        { fileName: `coded-events.${digest.slice(0, 10)}.json`, patch: file, added, skipped },
        200,
      );
    })

    .openapi(codeText, async (c) => {
      const { date } = c.req.valid('query');
      const day = dayOf(date, 'date');
      const text = await readBodyText(c, 'English text', ['text/plain']);
      const r = codeTexts([{ id: 'request', text }], { date: day });
      return c.json(
        { ...r, warnings: r.warnings.map((w) => ({ message: w.message, ...(w.hint && { hint: w.hint }) })) },
        200,
      );
    });
}

export type CodeBodyType = z.infer<typeof CodeBody>;
export type WorldPatchBody = z.infer<typeof WorldPatch>;
export type ChosenEventsInput = z.input<typeof ChosenEvents>;
