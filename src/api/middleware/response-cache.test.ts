import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { responseCache } from './response-cache.js';

/** An app whose one route answers slowly with a body of multi-byte characters, counting calls. */
function slowApp(maxBytes: number) {
  const cache = responseCache(maxBytes);
  const calls = new Map<string, number>();
  const app = new Hono();
  app.use('*', cache);
  app.get('/r/:id', async (c) => {
    const id = c.req.param('id');
    calls.set(id, (calls.get(id) ?? 0) + 1);
    await new Promise((r) => setTimeout(r, 20));
    return c.json({ id, text: 'é'.repeat(100) });
  });
  return { app, cache, calls };
}

const bodyBytes = (id: string) => Buffer.byteLength(JSON.stringify({ id, text: 'é'.repeat(100) }));

describe('responseCache', () => {
  it('counts UTF-8 bytes, not characters', async () => {
    const { app, cache } = slowApp(1 << 20);
    await app.request('/r/a');
    expect(cache.stats()).toEqual({ entries: 1, bytes: bodyBytes('a') });
    expect(bodyBytes('a')).toBeGreaterThan(JSON.stringify({ id: 'a', text: 'é'.repeat(100) }).length);
  });

  it('computes concurrent misses on one URL once and counts them once', async () => {
    const { app, cache, calls } = slowApp(1 << 20);
    const answers = await Promise.all(Array.from({ length: 8 }, () => app.request('/r/a')));
    expect(calls.get('a')).toBe(1);
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(cache.stats()).toEqual({ entries: 1, bytes: bodyBytes('a') });
  });

  it('keeps its byte count equal to what it holds under churn, so it never stops caching', async () => {
    const max = bodyBytes('k0') * 4 + 10;
    const { app, cache, calls } = slowApp(max * 8);
    for (let round = 0; round < 3; round++) {
      await Promise.all(Array.from({ length: 40 }, (_, i) => app.request(`/r/k${i % 10}`)));
    }
    const { entries, bytes } = cache.stats();
    expect(bytes).toBeLessThanOrEqual(max * 8);
    expect(bytes).toBe(entries * bodyBytes('k0'));
    await app.request('/r/fresh');
    await app.request('/r/fresh');
    expect(calls.get('fresh')).toBe(1);
  });
});
