/** `serve`: the HTTP API and the workbench on one port, loopback only unless told otherwise. */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Command, OptionValues } from 'commander';
import { SERVER_DEFAULTS, startServer } from '../../api/server.js';
import { InvalidInputError } from '../../domain/errors.js';
import { DEFAULT_WORLD } from '../world-options.js';

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

/** The event store's default home: the user's data directory (XDG), created on demand. */
export function defaultDbPath(): string {
  const base = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'counterbalance', 'events.duckdb');
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
    .option('--db <path>', 'DuckDB event store file (":memory:" for none on disk)', defaultDbPath())
    .action(async (opts: OptionValues) => {
      const [first, ...rest] = opts.world as string[];
      const db = opts.db as string;
      if (db !== ':memory:') mkdirSync(dirname(db), { recursive: true });
      const server = await startServer({
        port: opts.port as number,
        host: opts.host as string,
        defaultWorld: first ?? DEFAULT_WORLD,
        worlds: rest,
        ...(db !== ':memory:' && { db }),
        handleSignals: true,
      });
      process.stderr.write(
        `counterbalance serving ${server.url}/ (workbench), ${server.url}/docs (API reference), events in ${db}; Ctrl-C stops\n`,
      );
      if (opts.host !== '127.0.0.1' && opts.host !== 'localhost' && opts.host !== '::1') {
        process.stderr.write(`warning: bound to ${opts.host}; the API has no authentication\n`);
      }
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await server.close();
    });
}
