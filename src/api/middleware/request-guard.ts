/**
 * Guards against requests a browser makes on another site's behalf:
 * - **Host** (DNS rebinding): a page on `evil.example` whose name is re-pointed at 127.0.0.1 sends
 *   `Host: evil.example`; only loopback names, IP literals (which no DNS answer can rebind), the
 *   bound host and configured names are served.
 * - **Origin**: a state-changing request (anything but GET/HEAD/OPTIONS) whose `Origin` is not this
 *   server's own, or whose `Sec-Fetch-Site` says another site sent it, is refused.
 * - **Token**: when the server has one (required beyond loopback), every `/api/…` request carries it
 *   as `Authorization: Bearer …` or in the cookie the page gets by opening `/?token=…` once.
 * Refusals are 403 (`ForbiddenError`) and 401 (`UnauthorizedError`).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { ForbiddenError, UnauthorizedError } from '../../domain/errors.js';

/** Name of the cookie holding the access token in the workbench. */
export const TOKEN_COOKIE = 'counterbalance_token';

export interface GuardOptions {
  /** Host names served besides loopback names, IP literals and `boundHost`. */
  allowedHosts: readonly string[];
  /** The address the server listens on (a name here is allowed as Host). */
  boundHost?: string;
  /** The access token; `undefined` = none asked for. */
  token?: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True for names that can only mean this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

function hostAllowed(hostname: string, options: GuardOptions): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isLoopbackHost(h) || isIP(h) !== 0) return true;
  if (options.boundHost !== undefined && h === options.boundHost.toLowerCase()) return true;
  return options.allowedHosts.some((a) => a.toLowerCase() === h);
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares in time independent of where the strings differ (hashing evens out their lengths). */
export function tokenMatches(given: string | undefined, token: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

function presentedToken(c: Context): string | undefined {
  const auth = c.req.header('authorization');
  const bearer = auth === undefined ? undefined : /^Bearer\s+(.+)$/i.exec(auth)?.[1];
  return bearer ?? getCookie(c, TOKEN_COOKIE);
}

function checkOrigin(c: Context, url: URL): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new ForbiddenError(`a ${c.req.method} from another site (Sec-Fetch-Site: ${site}) is refused`);
  }
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== url.origin) {
    throw new ForbiddenError(
      `a ${c.req.method} from origin ${origin} is refused; this server accepts changes from ${url.origin} only`,
    );
  }
}

/**
 * The middleware.
 *
 * @example
 * app.use('*', requestGuard({ allowedHosts: ['cb.lan'], boundHost: '0.0.0.0', token: 's3cret' }));
 */
export function requestGuard(options: GuardOptions): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (!hostAllowed(url.hostname, options)) {
      throw new ForbiddenError(
        `Host '${url.host}' is not served here; use the address the server prints, or add the name with --allow-host`,
      );
    }
    checkOrigin(c, url);
    const { token } = options;
    if (token === undefined) return next();
    if (url.pathname === '/' && url.searchParams.has('token')) {
      if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) {
        throw new UnauthorizedError('the token in the link is wrong; copy the link the server printed');
      }
      setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
      return c.redirect('/', 303);
    }
    if (url.pathname.startsWith('/api/') && !tokenMatches(presentedToken(c), token)) {
      throw new UnauthorizedError(
        'this server asks for its access token: send Authorization: Bearer <token>, or open the link with ?token= the server printed',
      );
    }
    return next();
  };
}
