/**
 * Admits at most `maxRunning` tasks at once and lets up to `maxWaiting` more wait their turn in
 * arrival order; beyond that a task is refused with `ServerBusyError` (503 with Retry-After). A
 * waiting task whose signal aborts (its client went away) leaves the line without ever running.
 */
import { ServerBusyError, SolverError } from '../domain/errors.js';

export interface GateOptions {
  maxRunning: number;
  maxWaiting: number;
  /** What the `Retry-After` of a refusal says, in seconds. */
  retryAfterSeconds: number;
  /** Names the work in messages, e.g. "forecasts". */
  what: string;
}

export class ConcurrencyGate {
  readonly #options: GateOptions;
  readonly #waiting: (() => void)[] = [];
  #running = 0;

  constructor(options: GateOptions) {
    this.#options = options;
  }

  /** Tasks running and waiting now. */
  counts(): { running: number; waiting: number } {
    return { running: this.#running, waiting: this.#waiting.length };
  }

  /**
   * Runs `task` once admitted; the slot is released when it settles.
   *
   * @example
   * const gate = new ConcurrencyGate({ maxRunning: 3, maxWaiting: 6, retryAfterSeconds: 5, what: 'forecasts' });
   * await gate.run(() => runInWorker(…), request.signal);
   */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.#admit(signal);
    try {
      return await task();
    } finally {
      this.#running--;
      this.#wakeNext();
    }
  }

  #admit(signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted)
      return Promise.reject(new SolverError(`the ${this.#options.what} request was cancelled`));
    if (this.#running < this.#options.maxRunning) {
      this.#running++;
      return Promise.resolve();
    }
    if (this.#waiting.length >= this.#options.maxWaiting) {
      const { maxRunning, maxWaiting, retryAfterSeconds, what } = this.#options;
      return Promise.reject(
        new ServerBusyError(
          `the server is running ${maxRunning} ${what} with ${maxWaiting} waiting; retry in ${retryAfterSeconds} s`,
          retryAfterSeconds,
        ),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const admit = () => {
        signal?.removeEventListener('abort', onAbort);
        this.#running++;
        resolve();
      };
      const onAbort = () => {
        this.#waiting.splice(this.#waiting.indexOf(admit), 1);
        reject(new SolverError(`the ${this.#options.what} request was cancelled while waiting`));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(admit);
    });
  }

  #wakeNext(): void {
    if (this.#running < this.#options.maxRunning) this.#waiting.shift()?.();
  }
}
