/**
 * Reads a request body written as JSON or YAML (chosen by Content-Type; YAML is the fallback, and
 * JSON is valid YAML anyway), turning syntax errors into located problems. Size limits are the
 * body-limit middleware's job.
 */
import type { Context } from 'hono';
import { InvalidInputError, UnsupportedMediaTypeError } from '../domain/errors.js';
import { parseYamlSource } from '../worlds/yaml-source.js';

/** Media types a structured upload may use. */
export const STRUCTURED_MEDIA_TYPES = ['application/json', 'application/yaml', 'text/yaml'] as const;

/** True when the request declares a JSON body. */
export function isJsonRequest(c: Context): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(c.req.header('content-type') ?? '');
}

/**
 * The body text, if its Content-Type is one of `accepted` (else 415: a form or `text/plain` POST
 * is what a cross-site page can send without asking); an empty body is an error naming what was
 * expected.
 */
export async function readBodyText(c: Context, what: string, accepted: readonly string[]): Promise<string> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!accepted.includes(type)) {
    throw new UnsupportedMediaTypeError(
      `${type === '' ? 'a body without Content-Type' : `Content-Type ${type}`} is not accepted here; send ${what} as ${accepted.join(', ')}`,
    );
  }
  const text = await c.req.text();
  if (text.trim() === '') {
    throw new InvalidInputError({
      field: 'body',
      message: `the request body is empty`,
      hint: `send ${what}`,
    });
  }
  return text;
}

/**
 * Parses JSON (Content-Type application/json) or YAML text into plain data.
 *
 * @example
 * parseStructured('{"runs": 10}', true); // { runs: 10 }
 * parseStructured('runs: 10\n', false); // { runs: 10 }
 */
export function parseStructured(text: string, json: boolean): unknown {
  if (json) {
    try {
      return JSON.parse(text);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      const pos = /position (\d+)/.exec(detail);
      const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
      throw new InvalidInputError({
        field: 'body',
        ...(line !== undefined && { line }),
        message: `malformed JSON: ${detail}`,
        hint: 'check commas, quotes and brackets, or send YAML with Content-Type application/yaml',
      });
    }
  }
  const src = parseYamlSource('body', text);
  if (src.problems.length > 0) throw new InvalidInputError(src.problems);
  return src.data;
}
