/** Where the event store lives when no `--db` is given. */
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The event store's default home: the user's data directory (XDG), created on demand.
 *
 * @example
 * defaultDbPath(); // ~/.local/share/counterbalance/events.duckdb
 */
export function defaultDbPath(): string {
  const base = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'counterbalance', 'events.duckdb');
}
