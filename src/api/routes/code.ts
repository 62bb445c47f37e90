/**
 * Event coding of posted text: `POST /api/code?date=YYYY-MM-DD` with a text/plain body (never
 * a server path) returns the coded events with offsets, the skip counts and warnings. The body
 * size is capped by the app's body-limit middleware.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { InvalidInputError } from '../../domain/errors.js';
import { codeTexts } from '../../evidence/coder/code-texts.js';
import { parseIsoDate } from '../../evidence/coder/dates.js';
import type { ApiContext } from '../context.js';
import { readBodyText } from '../read-body.js';
import { errorResponses, json } from './shared.js';

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

export function registerCodeRoutes(app: OpenAPIHono, _ctx: ApiContext): void {
  app.openapi(codeText, async (c) => {
    const { date } = c.req.valid('query');
    const day = date === undefined ? undefined : parseIsoDate(date);
    if (date !== undefined && day === undefined) {
      throw new InvalidInputError({
        field: 'date',
        message: `"${date}" is not a date`,
        hint: 'write YYYY-MM-DD',
      });
    }
    const text = await readBodyText(c, 'English text', ['text/plain']);
    const r = codeTexts([{ id: 'request', text }], { date: day });
    return c.json(
      { ...r, warnings: r.warnings.map((w) => ({ message: w.message, ...(w.hint && { hint: w.hint }) })) },
      200,
    );
  });
}

export type CodeBodyType = z.infer<typeof CodeBody>;
