/**
 * A cache of successful GET responses for resources that depend only on their URL (everything
 * under /api/worlds/… is computed from worlds that do not change while the server runs). Hits skip
 * validation, computation and serialisation; every cached response carries an ETag, so a browser
 * revalidating gets 304 without a body. Bounded by total bytes, least recently used dropped first.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

interface Entry {
  body: string;
  type: string;
  etag: string;
  extra: [string, string][];
}

/** Response headers worth keeping with a cached body (besides Content-Type). */
const KEPT_HEADERS = ['content-disposition'];

export function responseCache(maxBytes: number): MiddlewareHandler {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const answer = (ifNoneMatch: string | undefined, e: Entry): Response => {
    const headers = new Headers([['ETag', e.etag], ['Cache-Control', 'no-cache'], ...e.extra]);
    if (ifNoneMatch === e.etag) return new Response(null, { status: 304, headers });
    headers.set('Content-Type', e.type);
    return new Response(e.body, { status: 200, headers });
  };
  return async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const url = new URL(c.req.url);
    const key = url.pathname + url.search;
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key);
      entries.set(key, hit);
      c.res = answer(c.req.header('if-none-match'), hit);
      return;
    }
    await next();
    const res = c.res;
    const type = res.headers.get('content-type') ?? '';
    if (res.status !== 200 || !/json|xml|csv/.test(type) || res.body === null) return;
    const body = await res.clone().text();
    if (body.length > maxBytes / 8) return;
    const entry: Entry = {
      body,
      type,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      extra: KEPT_HEADERS.flatMap((h) => {
        const v = res.headers.get(h);
        return v === null ? [] : [[h, v] as [string, string]];
      }),
    };
    entries.set(key, entry);
    bytes += body.length;
    for (const [k, e] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(k);
      bytes -= e.body.length;
    }
    c.res = answer(c.req.header('if-none-match'), entry);
  };
}
