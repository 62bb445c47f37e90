/**
 * Turns anything thrown in a route into a JSON error `{error, problems?}` with the status that
 * `httpStatusFor` (the one mapping from error classes to statuses) gives it. Unexpected errors
 * become a 500 whose body names no internals; their stack goes to the log.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { httpStatusFor } from '../domain/error-codes.js';
import {
  CounterbalanceError,
  InvalidInputError,
  ServerBusyError,
  UnauthorizedError,
} from '../domain/errors.js';
import type { ErrorBody, Problem } from './schemas.js';

/** The status and JSON body for an error thrown while serving a request. */
export function errorBody(err: unknown): { status: ContentfulStatusCode; body: ErrorBody } {
  if (err instanceof HTTPException) {
    return { status: err.status as ContentfulStatusCode, body: { error: err.message || 'bad request' } };
  }
  const status = httpStatusFor(err) as ContentfulStatusCode;
  if (err instanceof InvalidInputError) {
    return { status, body: { error: err.message, problems: err.problems.map(plainProblem) } };
  }
  if (err instanceof CounterbalanceError) return { status, body: { error: err.message } };
  return { status: 500, body: { error: 'internal error; the server log has the details' } };
}

function plainProblem(p: Problem): Problem {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Problem;
}

/** Headers an error response needs besides its body: when to retry, how to authenticate. */
export function errorHeaders(err: unknown): Record<string, string> {
  if (err instanceof ServerBusyError) return { 'Retry-After': String(err.retryAfterSeconds) };
  if (err instanceof UnauthorizedError) return { 'WWW-Authenticate': 'Bearer realm="counterbalance"' };
  return {};
}

/** Hono `onError` handler: JSON body, logged stack for unexpected errors. */
export function handleError(log: ((line: string) => void) | null) {
  return (err: Error, c: Context): Response => {
    const { status, body } = errorBody(err);
    if (status >= 500 && log && !(err instanceof ServerBusyError)) {
      log(JSON.stringify({ level: 'error', path: c.req.path, error: err.stack ?? String(err) }));
    }
    return c.json(body, status, errorHeaders(err));
  };
}

/**
 * Problems of a failed zod validation of one request part, with the field paths users typed.
 *
 * @example
 * zodProblems(schema.safeParse({ at: 'x' }).error!, 'query'); // [{ field: 'query.at', message: … }]
 */
export function zodProblems(error: z.ZodError, part: string): Problem[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    return {
      field: [part, ...path].join('.'),
      message: issue.message,
      ...(issue.code === 'invalid_value' && { hint: `use one of ${issue.values.join(', ')}` }),
    };
  });
}

/** The `defaultHook` of the OpenAPI app: a failed request validation throws `InvalidInputError`. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target: string },
): void {
  if (result.success) return;
  const problems = zodProblems(result.error, result.target === 'param' ? 'path' : result.target);
  throw new InvalidInputError(
    problems,
    `invalid request: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
  );
}
