/**
 * A cache of successful GET responses for resources that depend only on their URL (everything
 * under /api/worlds/… is computed from worlds that do not change while the server runs). Hits skip
 * validation, computation and serialisation; every cached response carries an ETag, so a browser
 * revalidating gets 304 without a body. Bounded by total UTF-8 bytes, least recently used dropped
 * first. Concurrent misses on one URL compute once (single flight): the others wait for it.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

interface Entry {
  body: string;
  bytes: number;
  type: string;
  etag: string;
  extra: [string, string][];
}

/** Response headers worth keeping with a cached body (besides Content-Type). */
const KEPT_HEADERS = ['content-disposition'];

/** The cache's bookkeeping, exposed for tests and health checks. */
export interface ResponseCacheStats {
  entries: number;
  bytes: number;
}

/**
 * The middleware, plus `stats()` reading its current size.
 *
 * @example
 * const cache = responseCache(64 * 1024 * 1024);
 * app.use('/api/worlds/*', cache);
 * cache.stats(); // { entries: 0, bytes: 0 }
 */
export function responseCache(maxBytes: number): MiddlewareHandler & { stats(): ResponseCacheStats } {
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<Entry | undefined>>();
  let bytes = 0;
  const answer = (ifNoneMatch: string | undefined, e: Entry): Response => {
    const headers = new Headers([['ETag', e.etag], ['Cache-Control', 'no-cache'], ...e.extra]);
    if (ifNoneMatch === e.etag) return new Response(null, { status: 304, headers });
    headers.set('Content-Type', e.type);
    return new Response(e.body, { status: 200, headers });
  };
  const store = (key: string, entry: Entry) => {
    const replaced = entries.get(key);
    if (replaced) bytes -= replaced.bytes;
    entries.delete(key);
    entries.set(key, entry);
    bytes += entry.bytes;
    for (const [k, e] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(k);
      bytes -= e.bytes;
    }
  };
  const toEntry = async (res: Response): Promise<Entry | undefined> => {
    const type = res.headers.get('content-type') ?? '';
    if (res.status !== 200 || !/json|xml|csv/.test(type) || res.body === null) return undefined;
    const body = await res.clone().text();
    const size = Buffer.byteLength(body, 'utf8');
    if (size > maxBytes / 8) return undefined;
    return {
      body,
      bytes: size,
      type,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      extra: KEPT_HEADERS.flatMap((h) => {
        const v = res.headers.get(h);
        return v === null ? [] : [[h, v] as [string, string]];
      }),
    };
  };
  const middleware: MiddlewareHandler = async (c, next) => {
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
    const pending = inFlight.get(key);
    if (pending) {
      const shared = await pending;
      if (shared) {
        c.res = answer(c.req.header('if-none-match'), shared);
        return;
      }
      // The first request's answer was not cacheable (an error, say): compute this one itself.
      return next();
    }
    let settle: (e: Entry | undefined) => void = () => undefined;
    inFlight.set(key, new Promise((resolve) => (settle = resolve)));
    let entry: Entry | undefined;
    try {
      await next();
      entry = await toEntry(c.res);
    } finally {
      inFlight.delete(key);
      settle(entry);
    }
    if (!entry) return;
    store(key, entry);
    c.res = answer(c.req.header('if-none-match'), entry);
  };
  return Object.assign(middleware, { stats: () => ({ entries: entries.size, bytes }) });
}
