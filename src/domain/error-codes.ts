import {
  CounterbalanceError,
  ForbiddenError,
  InvalidInputError,
  LimitExceededError,
  NotFoundError,
  ServerBusyError,
  SolverError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
} from './errors.js';

/** Process exit codes: 0 ok, 1 invalid input or failed work, 2 usage. */
export const EXIT = Object.freeze({ ok: 0, invalid: 1, usage: 2, internal: 3 });

/** The one mapping from error classes to CLI exit codes. */
export function exitCodeFor(err: unknown): number {
  if (err instanceof CounterbalanceError) return EXIT.invalid;
  return EXIT.internal;
}

/** The one mapping from error classes to HTTP statuses. */
export function httpStatusFor(err: unknown): number {
  if (err instanceof LimitExceededError) return 413;
  if (err instanceof InvalidInputError) return 422;
  if (err instanceof NotFoundError) return 404;
  if (err instanceof SolverError) return 500;
  if (err instanceof ServerBusyError) return 503;
  if (err instanceof UnauthorizedError) return 401;
  if (err instanceof ForbiddenError) return 403;
  if (err instanceof UnsupportedMediaTypeError) return 415;
  if (err instanceof CounterbalanceError) return 400;
  return 500;
}
