/**
 * Named error classes. Every message says where the problem is and how to fix it.
 * `src/domain/error-codes.ts` is the one place that maps them to exit codes and HTTP statuses.
 */

/** Where in an input a problem sits: file, 1-based line, and the field path. */
export interface Location {
  file?: string;
  line?: number;
  column?: number;
  field?: string;
}

/** One problem found while reading an input; several may be collected before failing. */
export interface Problem extends Location {
  message: string;
  hint?: string;
}

/** Renders a problem as `file:line field: message (hint)`. */
export function formatProblem(p: Problem): string {
  const line = p.line !== undefined ? `line ${p.line}` : '';
  const where = p.file ? (p.line !== undefined ? `${p.file}:${p.line}` : p.file) : line;
  const head = [where, p.field].filter(Boolean).join(' ');
  const hint = p.hint ? ` (hint: ${p.hint})` : '';
  return `${head ? `${head}: ` : ''}${p.message}${hint}`;
}

/** Base class: every error the library throws on purpose. */
export class CounterbalanceError extends Error {
  override name = 'CounterbalanceError';
}

/** The input (a file, a request body, an argument) is wrong; the user can fix it. */
export class InvalidInputError extends CounterbalanceError {
  override name = 'InvalidInputError';
  readonly problems: Problem[];
  /** How many problems were found; more than `problems` holds when collecting stopped at a cap. */
  readonly total: number;
  constructor(problems: Problem[] | Problem, summary?: string, total?: number) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(summary ?? list.map(formatProblem).join('\n'));
    this.problems = list;
    this.total = total ?? list.length;
  }
}

/** A world file (or directory) failed validation. */
export class WorldValidationError extends InvalidInputError {
  override name = 'WorldValidationError';
}

/** A scenario file failed validation. */
export class ScenarioValidationError extends InvalidInputError {
  override name = 'ScenarioValidationError';
}

/** A bargaining input (KTAB CSV or YAML issue) failed validation. */
export class BargainingInputError extends InvalidInputError {
  override name = 'BargainingInputError';
}

/** Something named by the user does not exist (world id, actor id, route). */
export class NotFoundError extends CounterbalanceError {
  override name = 'NotFoundError';
}

/** A request asks for more work than the configured limits allow. */
export class LimitExceededError extends CounterbalanceError {
  override name = 'LimitExceededError';
}

/** A solver or algorithm could not finish (time limit, numerical failure). */
export class SolverError extends CounterbalanceError {
  override name = 'SolverError';
}

/** The server is at capacity for this kind of work; the client may retry after a while. */
export class ServerBusyError extends CounterbalanceError {
  override name = 'ServerBusyError';
  constructor(
    message: string,
    /** Seconds after which a retry is worth trying (the `Retry-After` header). */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** A request is not allowed from where it comes (cross-origin, unknown Host). */
export class ForbiddenError extends CounterbalanceError {
  override name = 'ForbiddenError';
}

/** A request lacks the credentials the server asks for (its access token). */
export class UnauthorizedError extends CounterbalanceError {
  override name = 'UnauthorizedError';
}

/** A request body comes in a media type the endpoint does not accept. */
export class UnsupportedMediaTypeError extends CounterbalanceError {
  override name = 'UnsupportedMediaTypeError';
}
