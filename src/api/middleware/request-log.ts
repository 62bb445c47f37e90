/**
 * One structured JSON line per request (method, path, status, ms), written when the response
 * headers are ready; a streamed response is logged when its stream opens.
 */
import type { MiddlewareHandler } from 'hono';

/** Request logging middleware writing to `log` (stderr by default). */
export function requestLog(log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const ms = Math.round((performance.now() - start) * 100) / 100;
    log(
      JSON.stringify({
        time: new Date().toISOString(),
        level: c.res.status >= 500 ? 'error' : 'info',
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms,
      }),
    );
  };
}
