/**
 * A typed client of the HTTP API, fetch-based and free of Node-only imports, shared by the
 * workbench, the tests and any script. Each response type is read off the app's route table
 * (`AppType`: the body each route declares for its success status), so a route whose response schema changes breaks the
 * callers' type check. The imports are type-only: nothing of the server reaches a browser bundle.
 * Errors arrive as `ApiError` carrying the server's `{error, problems}`.
 */

import type { ExtractSchema } from 'hono/types';
import type { CAPABILITY_MEASURES } from '../analysis/power/capability.js';
import type { EXPORT_FORMATS } from '../worlds/export/index.js';
import type { AppType } from './app.js';
import type { JobProgress } from './jobs.js';
import type { ChosenEventsInput } from './routes/code.js';
import type { ErrorBody, LayerName } from './schemas.js';

export { LAYERS } from '../domain/layers.js';
export type {
  AlignmentBodyType,
  BalanceBodyType,
  BalancersBodyType,
  PowerBodyType,
  SeriesBodyType,
  TrianglesBodyType,
} from './analysis-schemas.js';
export type { JobProgress, JobState } from './jobs.js';
export type { BargainingIssueBody, ForecastBodyType, IssueSummaryBody } from './routes/bargaining.js';
export type { ChosenEventsInput, CodeBodyType, WorldPatchBody } from './routes/code.js';
export type { BundledScenarioBody, JobAcceptedBody, ScenarioResultBody } from './routes/scenarios.js';
export type * from './schemas.js';

type Routes = ExtractSchema<AppType>;
/** The body that route `P` declares for method `M` and success status `S`, as JSON parsing yields it. */
type Ok<
  P extends keyof Routes,
  M extends keyof Routes[P] = '$get' & keyof Routes[P],
  S extends number = 200,
> = Extract<Routes[P][M], { status: S }> extends { output: infer O } ? O : never;

/** A job's state: GET /api/jobs/{id}'s body, which the event stream's `end` event carries too. */
type JobBody = Ok<'/api/jobs/:id'>;

/** Which events to list: one actor's, one dyad's (a with b), within a period. */
export interface EventParams {
  actor?: string;
  a?: string;
  b?: string;
  from?: string;
  to?: string;
  limit?: number;
}

/** An error response of the API. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.error);
  }
}

export interface ClientOptions {
  /** Base URL of the server; '' (default) means the page's own origin. */
  baseUrl: string;
  fetch: typeof fetch;
}

/** Query parameters: undefined values are left out. */
export type Query = Record<string, string | number | boolean | undefined>;

export interface SnapshotParams {
  at?: string;
  dimension?: LayerName;
}

/** Options every measure takes: date, layer, and the neutral band. */
export interface AnalysisParams extends SnapshotParams {
  neutral?: number;
}

/** A window of dates for histories and series. */
export interface WindowParams {
  from?: string;
  to?: string;
  every?: number;
}

/** The export formats the server writes. */
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

function queryString(q: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Splits a server-sent event stream into `{event, data}` records as chunks arrive. */
export function sseParser(onEvent: (event: string, data: string) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk.replace(/\r\n?/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length > 0) onEvent(event, data.join('\n'));
      end = buffer.indexOf('\n\n');
    }
  };
}

/**
 * Creates a client.
 *
 * @example
 * const api = createClient({ baseUrl: 'http://127.0.0.1:8080' });
 * const snap = await api.snapshot('eurasia', { at: '2016-09', dimension: 'military' });
 */
export function createClient(options: Partial<ClientOptions> = {}) {
  const baseUrl = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function request<T>(method: string, path: string, init: RequestInit = {}): Promise<T> {
    const res = await doFetch(`${baseUrl}${path}`, { ...init, method });
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = { error: text };
    }
    if (!res.ok) {
      const err = (body ?? {}) as Partial<ErrorBody>;
      throw new ApiError(res.status, { ...err, error: err.error ?? `${res.status} ${res.statusText}` });
    }
    return body as T;
  }
  const get = <T>(path: string, q?: Query) => request<T>('GET', path + queryString(q));
  const w = (world: string) => `/api/worlds/${encodeURIComponent(world)}`;

  /** Posts a body: strings go as YAML (or JSON when they look like JSON), objects as JSON. */
  function post<T>(path: string, body: unknown, q?: Query): Promise<T> {
    const isText = typeof body === 'string';
    const json = !isText || /^\s*[{[]/.test(body);
    return request<T>('POST', path + queryString(q), {
      headers: { 'Content-Type': json ? 'application/json' : 'application/yaml' },
      body: isText ? body : JSON.stringify(body),
    });
  }

  return {
    baseUrl,
    request,
    get,
    post,
    health: () => get<Ok<'/api/health'>>('/api/health'),
    worlds: () => get<Ok<'/api/worlds'>>('/api/worlds'),
    world: (world: string) => get<Ok<'/api/worlds/:world'>>(w(world)),
    snapshot: (world: string, p: SnapshotParams = {}) =>
      get<Ok<'/api/worlds/:world/snapshot'>>(`${w(world)}/snapshot`, { ...p }),
    ties: (world: string, p: SnapshotParams = {}) =>
      get<Ok<'/api/worlds/:world/ties'>>(`${w(world)}/ties`, { ...p }),
    tie: (world: string, a: string, b: string, p: { at?: string } = {}) =>
      get<Ok<'/api/worlds/:world/ties/:a/:b'>>(
        `${w(world)}/ties/${encodeURIComponent(a)}/${encodeURIComponent(b)}`,
        p,
      ),
    events: (world: string, p: EventParams = {}) =>
      get<Ok<'/api/worlds/:world/events'>>(`${w(world)}/events`, { ...p }),
    eventMonths: (world: string, p: Omit<EventParams, 'limit'> = {}) =>
      get<Ok<'/api/worlds/:world/events/monthly'>>(`${w(world)}/events/monthly`, { ...p }),
    balance: (world: string, p: AnalysisParams & { weighted?: boolean } = {}) =>
      get<Ok<'/api/worlds/:world/balance'>>(`${w(world)}/balance`, { ...p }),
    /** One triangle with its history (`actors`), or the catalogue of every triangle. */
    triangles: (
      world: string,
      p: AnalysisParams & WindowParams & { actors?: [string, string, string] } = {},
    ) =>
      get<Ok<'/api/worlds/:world/triangles'>>(`${w(world)}/triangles`, { ...p, actors: p.actors?.join(',') }),
    balancers: (world: string, p: AnalysisParams & { all?: boolean } = {}) =>
      get<Ok<'/api/worlds/:world/balancers'>>(`${w(world)}/balancers`, { ...p }),
    alignment: (world: string, poles: [string, string], p: AnalysisParams = {}) =>
      get<Ok<'/api/worlds/:world/alignment'>>(`${w(world)}/alignment`, { ...p, poles: poles.join(',') }),
    power: (world: string, p: AnalysisParams & { measure?: (typeof CAPABILITY_MEASURES)[number] } = {}) =>
      get<Ok<'/api/worlds/:world/power'>>(`${w(world)}/power`, { ...p }),
    /** A measure over time, e.g. `tilt:RUS:IND:PAK` (see the docs for the list). */
    series: (world: string, measure: string, p: Omit<AnalysisParams, 'at'> & WindowParams = {}) =>
      get<Ok<'/api/worlds/:world/series'>>(`${w(world)}/series`, { ...p, measure }),
    /** URL of a snapshot export (for a download link). */
    exportUrl: (world: string, format: ExportFormatName, p: SnapshotParams = {}) =>
      `${baseUrl}${w(world)}/export/${format}${queryString({ ...p })}`,
    /** URL of the sources behind a view as BibTeX or CSL-JSON (for a download link). */
    citationsUrl: (world: string, format: 'bibtex' | 'csl-json', p: { at?: string; pair?: string } = {}) =>
      `${baseUrl}${w(world)}/citations${queryString({ ...p, format })}`,

    /** The imported event data of one dyad (either order) per month or year. */
    eventDyads: (
      a: string,
      b: string,
      p: { by?: 'month' | 'year'; weighting?: 'events' | 'mentions' | 'root' } = {},
    ) => get<Ok<'/api/event-data/dyads'>>('/api/event-data/dyads', { a, b, ...p }),
    /** One page of the imported events of a dyad in a period (YYYY, YYYY-MM or YYYY-MM-DD). */
    eventsAt: (a: string, b: string, at: string, p: { page?: number; pageSize?: number } = {}) =>
      get<Ok<'/api/event-data/events'>>('/api/event-data/events', { a, b, at, ...p }),

    /** Bundled scenarios that run on a world, with their YAML. */
    scenarios: (world: string) => get<Ok<'/api/worlds/:world/scenarios'>>(`${w(world)}/scenarios`),
    /** Queues a scenario run (YAML text or a JSON object); follow it with `watchJob`. */
    runScenario: (world: string, scenario: unknown, p: { track?: string; dimension?: LayerName } = {}) =>
      post<Ok<'/api/worlds/:world/scenarios', '$post', 202>>(`${w(world)}/scenarios`, scenario, p),
    /** Runs a scenario and answers with its result (the request stays open until it ends). */
    runScenarioNow: (world: string, scenario: unknown, p: { track?: string; dimension?: LayerName } = {}) =>
      post<Ok<'/api/worlds/:world/scenarios', '$post'>>(`${w(world)}/scenarios`, scenario, {
        ...p,
        wait: 'true',
      }),

    bargainingIssues: () => get<Ok<'/api/bargaining/issues'>>('/api/bargaining/issues'),
    bargainingIssue: (id: string) =>
      get<Ok<'/api/bargaining/issues/:issue'>>(`/api/bargaining/issues/${encodeURIComponent(id)}`),
    forecast: (
      id: string,
      p: {
        model?: 'smp' | 'bdm';
        dimension?: number;
        detail?: 'true' | 'false';
        draws?: number;
        seed?: number;
      } = {},
    ) =>
      get<Ok<'/api/bargaining/issues/:issue/forecast'>>(
        `/api/bargaining/issues/${encodeURIComponent(id)}/forecast`,
        p,
      ),
    /** Forecasts an uploaded issue: YAML text, or KTAB CSV with `csv: true`. */
    forecastUpload: (
      text: string,
      p: { model?: 'smp' | 'bdm'; dimension?: number; csv?: boolean; draws?: number; seed?: number } = {},
    ) =>
      request<Ok<'/api/bargaining/forecast', '$post'>>(
        'POST',
        `/api/bargaining/forecast${queryString({ model: p.model, dimension: p.dimension, draws: p.draws, seed: p.seed })}`,
        { headers: { 'Content-Type': p.csv ? 'text/csv' : 'application/yaml' }, body: text },
      ),

    /** Codes English text into CAMEO events with offsets (`date` as YYYY-MM-DD). */
    code: (text: string, date?: string) =>
      request<Ok<'/api/code', '$post'>>('POST', `/api/code${queryString({ date })}`, {
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        body: text,
      }),
    /** Chosen events of a coded text (indices into `code`'s events) as a world file fragment. */
    codedEvents: (world: string, chosen: ChosenEventsInput) =>
      post<Ok<'/api/worlds/:world/coded-events', '$post'>>(`${w(world)}/coded-events`, chosen),

    job: (id: string) => get<Ok<'/api/jobs/:id'>>(`/api/jobs/${encodeURIComponent(id)}`),
    cancelJob: (id: string) =>
      request<Ok<'/api/jobs/:id', '$delete'>>('DELETE', `/api/jobs/${encodeURIComponent(id)}`),
    /**
     * Follows a job's event stream until it ends; resolves with the final state (done, failed or
     * cancelled — check `status`).
     */
    async watchJob(
      id: string,
      onProgress: (p: JobProgress) => void = () => undefined,
      signal?: AbortSignal,
    ): Promise<JobBody> {
      const res = await doFetch(`${baseUrl}/api/jobs/${encodeURIComponent(id)}/events`, {
        headers: { Accept: 'text/event-stream' },
        ...(signal && { signal }),
      });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => ({}))) as Partial<ErrorBody>;
        throw new ApiError(res.status, { error: body.error ?? `${res.status} ${res.statusText}` });
      }
      let final: JobBody | undefined;
      const feed = sseParser((event, data) => {
        if (event === 'progress') onProgress(JSON.parse(data) as JobProgress);
        else if (event === 'end') final = JSON.parse(data) as JobBody;
      });
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      while (final === undefined) {
        const { value, done } = await reader.read();
        if (done) break;
        feed(value);
      }
      await reader.cancel().catch(() => undefined);
      if (!final) throw new ApiError(0, { error: `the event stream of job ${id} ended without a result` });
      return final;
    },
  };
}

export type Client = ReturnType<typeof createClient>;
