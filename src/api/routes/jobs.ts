/**
 * Jobs: state by polling, progress and result as server-sent events, cancellation. The event
 * stream sends `state` first (so a late subscriber catches up), then `progress` events, then one
 * `end` event carrying the final state (with the result or the error), and closes.
 */
import { createRoute } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { ApiContext } from '../context.js';
import type { JobEvent } from '../jobs.js';
import { ErrorBody } from '../schemas.js';
import { errorResponses, json, routeApp } from './shared.js';

export const JobStateSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
    progress: z.object({ done: z.number(), total: z.number(), message: z.string().optional() }),
    createdAt: z.string(),
    finishedAt: z.string().optional(),
    result: z.unknown().optional().describe('present when status is done; shape depends on the job kind'),
    error: ErrorBody.extend({ status: z.number() }).optional(),
  })
  .meta({ id: 'JobState' });

const JobParam = z.object({ id: z.string().min(1) });

const getJob = createRoute({
  method: 'get',
  path: '/api/jobs/{id}',
  tags: ['jobs'],
  summary: 'A job: status, progress, and the result once done',
  request: { params: JobParam },
  responses: { 200: json(JobStateSchema, 'the job'), ...errorResponses(404) },
});

const cancelJob = createRoute({
  method: 'delete',
  path: '/api/jobs/{id}',
  tags: ['jobs'],
  summary: 'Cancel a queued or running job',
  request: { params: JobParam },
  responses: { 200: json(JobStateSchema, 'the job after cancelling'), ...errorResponses(404) },
});

const jobEvents = createRoute({
  method: 'get',
  path: '/api/jobs/{id}/events',
  tags: ['jobs'],
  summary: 'Server-sent events: `state`, then `progress` while running, then one `end` with the final state',
  request: { params: JobParam },
  responses: {
    200: { description: 'an event stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...errorResponses(404),
  },
});

/** Milliseconds between keep-alive comments on an idle event stream. */
export const SSE_KEEPALIVE_MS = 15_000;

export function jobRoutes(ctx: ApiContext) {
  const { jobs } = ctx;

  const app = routeApp()
    .openapi(getJob, (c) => c.json(jobs.get(c.req.valid('param').id), 200))
    .openapi(cancelJob, (c) => c.json(jobs.cancel(c.req.valid('param').id), 200));

  // The event stream is described by hand: the typed route helpers do not model SSE.
  app.openAPIRegistry.registerPath(jobEvents);
  return app.get('/api/jobs/:id/events', (c) => {
    const id = c.req.param('id');
    const initial = jobs.get(id);
    // Subscribe in the same tick as reading the state, so no event falls between the two.
    const queue: JobEvent[] = [];
    let wake: (() => void) | undefined;
    const unsubscribe = initial.finishedAt
      ? () => undefined
      : jobs.subscribe(id, (e) => {
          queue.push(e);
          wake?.();
        });
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: 'state', data: JSON.stringify(initial) });
      if (initial.finishedAt) {
        await stream.writeSSE({ event: 'end', data: JSON.stringify(initial) });
        return;
      }
      while (!stream.aborted) {
        const event = queue.shift();
        if (!event) {
          let timer: ReturnType<typeof setTimeout> | undefined;
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, SSE_KEEPALIVE_MS);
          });
          clearTimeout(timer);
          wake = undefined;
          if (queue.length === 0 && !stream.aborted) await stream.write(': keep-alive\n\n');
          continue;
        }
        // A slow reader gets the latest progress, not a backlog.
        if (event.type === 'progress' && queue[0]?.type === 'progress') continue;
        if (event.type === 'progress') {
          await stream.writeSSE({ event: 'progress', data: JSON.stringify(event.progress) });
        } else {
          await stream.writeSSE({ event: 'end', data: JSON.stringify(event.state) });
          break;
        }
      }
      unsubscribe();
    });
  });
}
