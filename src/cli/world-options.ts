/**
 * The `--world`, `--events-db`, `--at` and `--dimension` options shared by every command that reads
 * a world. `--events-db` lays the ties derived from an event store beside the world's curated ones
 * (src/evidence/event-source.ts): the store is read before the command runs, so the command itself
 * opens its world the one way, through `openWorld`.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { DEFAULT_WORLD } from '../domain/defaults.js';
import { NotFoundError } from '../domain/errors.js';
import type { Layer, Snapshot, World } from '../domain/world.js';
import type { WorldSource } from '../domain/world-source.js';
import { openWorld } from '../worlds/open-world.js';
import { snapshot } from '../worlds/snapshot.js';

export interface WorldOptions {
  world: string;
  at: string;
  dimension: Layer;
  /** Derived sources opened from `--events-db` before the action (set by the option's hook). */
  sources?: readonly WorldSource[];
}

/**
 * The event store at `eventsDb` as a source over the worlds `refs` name (read now, among their
 * actors; the store is closed again). `serve` and `scenario run` use it as the world options do.
 *
 * @example
 * const sources = await eventSourcesFor('events.duckdb', ['eurasia']);
 * openWorld('eurasia', { sources }).meta.id; // 'eurasia+events'
 */
export async function eventSourcesFor(eventsDb: string, refs: readonly string[]): Promise<WorldSource[]> {
  if (!existsSync(eventsDb)) {
    throw new NotFoundError(`no event store at '${eventsDb}' (--events-db); run events import --db first`);
  }
  // loaded here: commands without --events-db never need the native DuckDB binding
  const [{ openDuckDbStore }, { openEventSource }] = await Promise.all([
    import('../evidence/store/duckdb-store.js'),
    import('../evidence/event-source.js'),
  ]);
  const actors = [...new Set(refs.flatMap((ref) => openWorld(ref).actors.map((a) => a.id)))];
  const store = await openDuckDbStore(eventsDb);
  return [await openEventSource(store, { actors }).finally(() => store.close())];
}

/** The `--events-db` option's text, shared by every command that takes it. */
export const EVENTS_DB_HELP =
  "lay the ties derived from this event store beside the world's curated ones (origin: events)";

/** Opens the event store named by `--events-db` as a source over the command's world. */
async function openEventsOption(_: Command, action: Command): Promise<void> {
  const { eventsDb, world } = action.opts<{ eventsDb?: string; world: string }>();
  if (eventsDb === undefined) return;
  action.setOptionValue('sources', await eventSourcesFor(eventsDb, [world]));
}

export const DEFAULT_AT = '2021-12';

/** Adds `--world` alone (commands that read a whole world, not a snapshot of it). */
export function addWorldOption(cmd: Command): Command {
  return cmd
    .option('-w, --world <ref>', 'bundled world id or path to a world file/folder', DEFAULT_WORLD)
    .option('--events-db <path>', EVENTS_DB_HELP)
    .hook('preAction', openEventsOption);
}

/** Adds `--dimension` (composite or one layer). */
export function addDimensionOption(cmd: Command): Command {
  return cmd.option(
    '-d, --dimension <dimension>',
    'composite or one dimension (diplomatic, military, …)',
    'composite',
  );
}

/** Adds `--world`, `--at` and `--dimension` to a command. */
export function addWorldOptions(cmd: Command): Command {
  return addDimensionOption(
    addWorldOption(cmd).option(
      '--at <date>',
      'date: YYYY, YYYY-MM or YYYY-MM-DD (as of the end of it)',
      DEFAULT_AT,
    ),
  );
}

/** Opens the world named by the options, with the sources `--events-db` opened. */
export function worldFromOptions(opts: Pick<WorldOptions, 'world' | 'sources'>): World {
  return openWorld(opts.world, { sources: opts.sources ?? [] });
}

/** Loads the world and takes its snapshot at the options' date and layer. */
export function snapshotFromOptions(opts: WorldOptions): Snapshot {
  return snapshot(worldFromOptions(opts), opts.at, { layer: opts.dimension });
}
