/**
 * Serves the built workbench (`web/dist`) at `/`. Hashed assets are cached for a year; the page
 * itself is revalidated so a rebuilt workbench shows up on reload. Until the workbench is built,
 * `/` answers with a short page saying how to build it.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

const MEDIA_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
});

/** `web/dist` of this package, from `src/api` (tsx) or `dist/src/api` (compiled). */
export function defaultWebRoot(): string {
  const candidates = ['../../web/dist', '../../../web/dist'].map((rel) =>
    fileURLToPath(new URL(rel, import.meta.url)),
  );
  return candidates.find((dir) => existsSync(resolve(dir, 'index.html'))) ?? candidates[0]!;
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>counterbalance: workbench not built</title></head>
<body><h1>The workbench is not built yet</h1>
<p>Run <code>npm run build:web</code> and reload. The API is up: see <a href="/docs">/docs</a>.</p>
</body></html>`;

/** A handler serving files under `root`; unknown paths fall through to `next`. */
export function serveWeb(root: string) {
  const base = resolve(root);
  return async (c: Context, next: () => Promise<void>): Promise<Response | undefined> => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next() as Promise<undefined>;
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path);
    } catch {
      return next() as Promise<undefined>;
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = resolve(base, `.${rel}`);
    if (file !== base && !file.startsWith(base + sep)) return next() as Promise<undefined>;
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
      if (rel === '/index.html') return c.html(NOT_BUILT, 503);
      return next() as Promise<undefined>;
    }
    const body = await readFile(file);
    const type = MEDIA_TYPES[extname(file)] ?? 'application/octet-stream';
    const cache = rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': cache });
  };
}
