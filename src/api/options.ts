/**
 * Options of the HTTP API and server. Every limit is an option with a default here, so tests and
 * operators can tighten or loosen them without touching the routes.
 */
import { DEFAULT_WORLD } from '../domain/defaults.js';
import type { WorldSource } from '../domain/world-source.js';

export interface ApiLimits {
  /** Largest request body accepted, in bytes (scenario and bargaining uploads). */
  maxBodyBytes: number;
  /** Most Monte Carlo runs one scenario may ask for. */
  maxRuns: number;
  /** Longest scenario horizon, in steps (months). */
  maxHorizon: number;
  /** Most runs × horizon steps one scenario may ask for (the work a request may cause). */
  maxWork: number;
  /** Most scenario jobs waiting or running at once; further POSTs are refused until one ends. */
  maxQueuedJobs: number;
  /** Most points a time series request may compute. */
  maxSeriesPoints: number;
  /** Most actors a bargaining issue may have. */
  maxBargainingActors: number;
  /** Most dimensions a bargaining issue may have. */
  maxBargainingDimensions: number;
  /** Most actors² × dimensions one forecast may ask for (the work of one bargaining round). */
  maxBargainingWork: number;
  /** Forecasts computing at once, each in its own worker thread; later ones wait their turn. */
  maxForecastWorkers: number;
  /** Forecasts waiting for a worker; beyond them a request is refused with 503 and Retry-After. */
  maxWaitingForecasts: number;
  /** A forecast in a worker is stopped after this many milliseconds (413). */
  forecastTimeoutMs: number;
  /** A scenario job still running after this many milliseconds is stopped and fails (413). */
  jobTimeoutMs: number;
  /** Finished jobs kept for reading back; the oldest are forgotten first beyond this. */
  maxFinishedJobs: number;
}

export interface ApiOptions {
  /** World references (bundled ids or paths) served besides the bundled worlds. */
  worlds: string[];
  /** The world the workbench opens first. */
  defaultWorld: string;
  /**
   * Derived sources (`--events-db`) laid over `defaultWorld` and `worlds`: each is also offered
   * composed, as `<id>+<origin>`, and the workbench opens the composed default world.
   */
  sources: readonly WorldSource[];
  /** DuckDB event-store file (`--db`); absent = an in-memory store. */
  db?: string;
  limits: ApiLimits;
  /** Snapshots kept in memory per server, least recently used dropped first. */
  snapshotCacheSize: number;
  /** Bytes of serialised GET /api/worlds/… responses kept in memory (0 turns the cache off). */
  responseCacheBytes: number;
  /** How long a finished job's result stays available, in milliseconds. */
  jobTtlMs: number;
  /** Folder of the built workbench; `undefined` = `web/dist` next to this package. */
  webRoot?: string;
  /** Host names served besides loopback names, IP literals and the bound host (DNS rebinding guard). */
  allowedHosts: string[];
  /** The address the server listens on (set by `startServer`). */
  boundHost?: string;
  /** Access token every /api request must carry; required when the server listens beyond loopback. */
  token?: string;
  /** Where the one-line JSON request log goes; `null` silences it. */
  log: ((line: string) => void) | null;
}

export const API_LIMITS: Readonly<ApiLimits> = Object.freeze({
  maxBodyBytes: 1024 * 1024,
  maxRuns: 2000,
  maxHorizon: 240,
  maxWork: 200_000,
  maxQueuedJobs: 8,
  maxSeriesPoints: 1000,
  maxBargainingActors: 200,
  maxBargainingDimensions: 50,
  maxBargainingWork: 200_000,
  maxForecastWorkers: 2,
  maxWaitingForecasts: 8,
  forecastTimeoutMs: 30_000,
  jobTimeoutMs: 10 * 60 * 1000,
  maxFinishedJobs: 100,
});

export const API_DEFAULTS: Readonly<Omit<ApiOptions, 'limits'>> & { limits: Readonly<ApiLimits> } =
  Object.freeze({
    worlds: [],
    defaultWorld: DEFAULT_WORLD,
    sources: [],
    limits: API_LIMITS,
    snapshotCacheSize: 5000,
    responseCacheBytes: 64 * 1024 * 1024,
    jobTtlMs: 30 * 60 * 1000,
    allowedHosts: [],
    log: (line: string) => void process.stderr.write(`${line}\n`),
  });

/** What callers pass: any option, and any subset of the limits. */
export type ApiOptionsInput = Partial<Omit<ApiOptions, 'limits'>> & { limits?: Partial<ApiLimits> };

/** Options with every default filled in (limits merged field by field). */
export function resolveApiOptions(options: ApiOptionsInput = {}): ApiOptions {
  return {
    ...API_DEFAULTS,
    ...options,
    limits: { ...API_LIMITS, ...options.limits },
  };
}
