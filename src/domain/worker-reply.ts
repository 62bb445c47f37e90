/**
 * What a worker posts back: a result, or an error flattened to data (class name, message,
 * problems) that the caller turns back into the same named error, so HTTP statuses survive the
 * thread boundary.
 */
import {
  BargainingInputError,
  CounterbalanceError,
  InvalidInputError,
  LimitExceededError,
  NotFoundError,
  type Problem,
  ScenarioValidationError,
  SolverError,
} from './errors.js';

/** A failure as data: the error's class name, message and problems. */
export interface WorkerFailure {
  ok: false;
  name: string;
  message: string;
  problems?: Problem[];
}

/** What every worker thread of this project posts back (the API's forecasts, the simulation's chunks). */
export type WorkerReply<T> = { ok: true; result: T } | WorkerFailure;

/** Flattens an error for `postMessage`. */
export function replyFromError(err: unknown): WorkerFailure {
  if (err instanceof InvalidInputError) {
    return { ok: false, name: err.name, message: err.message, problems: err.problems };
  }
  if (err instanceof Error) return { ok: false, name: err.name, message: err.message };
  return { ok: false, name: 'Error', message: String(err) };
}

/** Rebuilds the named error a worker reported. */
export function errorFromReply(reply: { name: string; message: string; problems?: Problem[] }): Error {
  const problems = reply.problems ?? [{ message: reply.message }];
  switch (reply.name) {
    case 'BargainingInputError':
      return new BargainingInputError(problems, reply.message);
    case 'ScenarioValidationError':
      return new ScenarioValidationError(problems, reply.message);
    case 'InvalidInputError':
    case 'WorldValidationError':
      return new InvalidInputError(problems, reply.message);
    case 'NotFoundError':
      return new NotFoundError(reply.message);
    case 'LimitExceededError':
      return new LimitExceededError(reply.message);
    case 'SolverError':
      return new SolverError(reply.message);
    case 'CounterbalanceError':
      return new CounterbalanceError(reply.message);
    default:
      return new Error(reply.message);
  }
}
