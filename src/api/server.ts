/**
 * Runs the app on a Node HTTP server: binds to loopback unless told otherwise, reports its URL,
 * and closes gracefully (stops accepting, ends event streams and idle keep-alive sockets, cancels
 * jobs) on `close()` or, when asked, on SIGINT/SIGTERM.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { InvalidInputError } from '../domain/errors.js';
import { type CounterbalanceApp, createApp } from './app.js';
import { isLoopbackHost } from './middleware/request-guard.js';
import type { ApiOptionsInput } from './options.js';

export interface ServerOptions extends ApiOptionsInput {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** Close on SIGINT/SIGTERM (the CLI sets this; tests do not). */
  handleSignals: boolean;
  /** How long `close()` waits for open requests before cutting connections, in milliseconds. */
  shutdownGraceMs: number;
}

export const SERVER_DEFAULTS: Readonly<
  Pick<ServerOptions, 'port' | 'host' | 'handleSignals' | 'shutdownGraceMs'>
> = Object.freeze({ port: 8080, host: '127.0.0.1', handleSignals: false, shutdownGraceMs: 3000 });

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  app: CounterbalanceApp;
  close(): Promise<void>;
}

/**
 * Starts the server and resolves once it listens.
 *
 * @example
 * const server = await startServer({ port: 0, log: null });
 * await fetch(`${server.url}/api/health`);
 * await server.close();
 */
export async function startServer(input: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const opts = { ...SERVER_DEFAULTS, ...input };
  if (!isLoopbackHost(opts.host) && !opts.token) {
    throw new InvalidInputError({
      field: '--host',
      message: `binding to ${opts.host} serves other machines, and this server has no access token`,
      hint: 'pass --token <secret> or set COUNTERBALANCE_TOKEN, or bind to 127.0.0.1',
    });
  }
  const app = createApp({ ...opts, boundHost: opts.host });
  // Load the first world and its events now: a broken world or a locked store fails the start.
  app.context.registry.world(app.context.options.defaultWorld);
  await app.context.events.forWorld(app.context.options.defaultWorld);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, () =>
      resolve(s as Server),
    ) as Server;
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      app.context.jobs.close();
      const force = setTimeout(() => server.closeAllConnections(), opts.shutdownGraceMs);
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    })
      .then(() => app.dispose())
      .finally(() => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      });
    return closing;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    app.context.options.log?.(
      JSON.stringify({ time: new Date().toISOString(), level: 'info', event: 'shutdown', signal }),
    );
    void close().then(() => {
      process.exitCode = 0;
    });
  };
  if (opts.handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { url: `http://${hostForUrl}:${port}`, port, app, close };
}
