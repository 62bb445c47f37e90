/** `serve`: the HTTP API and the workbench on one port, loopback only unless told otherwise. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command, OptionValues } from 'commander';
import { SERVER_DEFAULTS, startServer } from '../../api/server.js';
import { DEFAULT_WORLD } from '../../domain/defaults.js';
import { InvalidInputError } from '../../domain/errors.js';
import { EVENTS_DB_HELP, eventSourcesFor } from '../world-options.js';

function port(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidInputError({
      field: '--port',
      message: `'${raw}' is not a port`,
      hint: 'use 0–65535 (0 picks a free one)',
    });
  }
  return n;
}

/** A failed bind as the user's mistake: which option, what went wrong, what to try. */
function bindError(err: unknown, port: number, host: string): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    return new InvalidInputError({
      field: '--port',
      message: `port ${port} on ${host} is ${code === 'EACCES' ? 'not allowed for this user' : 'in use'}`,
      hint: `pass another one, e.g. --port ${port + 1} (npm start -- --port ${port + 1}), or --port 0 for a free one`,
    });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EADDRNOTAVAIL' || code === 'EINVAL') {
    return new InvalidInputError({
      field: '--host',
      message: `cannot bind to '${host}' (${code})`,
      hint: 'use an address of this machine, e.g. 127.0.0.1, ::1 or 0.0.0.0',
    });
  }
  return err;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api, /openapi.json, /docs) and the workbench (/) until Ctrl-C')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', port, SERVER_DEFAULTS.port)
    .option('--host <host>', 'address to bind; the default serves this machine only', SERVER_DEFAULTS.host)
    .option(
      '-w, --world <ref...>',
      'world(s) to offer first: bundled id or path (the first opens in the workbench)',
      [DEFAULT_WORLD],
    )
    .option(
      '--db <path>',
      "DuckDB event store file; without it the events live in memory (the worlds' own events are re-read from their files at every start)",
    )
    .option(
      '--token <secret>',
      'access token every API request must carry (default: $COUNTERBALANCE_TOKEN); required beyond loopback',
    )
    .option('--allow-host <name...>', 'host names to serve besides loopback, IP addresses and --host', [])
    .option('--events-db <path>', `${EVENTS_DB_HELP}; the served worlds are also offered as <id>+events`)
    .action(async (opts: OptionValues) => {
      const [first, ...rest] = opts.world as string[];
      const eventsDb = opts.eventsDb as string | undefined;
      const sources = eventsDb ? await eventSourcesFor(eventsDb, opts.world as string[]) : [];
      const db = opts.db === ':memory:' ? undefined : (opts.db as string | undefined);
      if (db) mkdirSync(dirname(db), { recursive: true });
      const token = (opts.token as string | undefined) ?? (process.env.COUNTERBALANCE_TOKEN || undefined);
      const server = await startServer({
        port: opts.port as number,
        host: opts.host as string,
        allowedHosts: opts.allowHost as string[],
        ...(token !== undefined && { token }),
        defaultWorld: first ?? DEFAULT_WORLD,
        worlds: rest,
        sources,
        ...(db && { db }),
        handleSignals: true,
      }).catch((err: unknown) => {
        throw bindError(err, opts.port as number, opts.host as string);
      });
      const page =
        token === undefined ? `${server.url}/` : `${server.url}/?token=${encodeURIComponent(token)}`;
      process.stderr.write(
        `counterbalance serving ${page} (workbench), ${server.url}/docs (API reference), events ${db ? `in ${db}` : 'in memory'}; Ctrl-C stops\n`,
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await server.close();
    });
}
