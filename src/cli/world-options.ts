/** The `--world`, `--at` and `--dimension` options shared by every command that reads a world. */
import type { Command } from 'commander';
import { DEFAULT_WORLD } from '../domain/defaults.js';
import type { Layer, Snapshot, World } from '../domain/world.js';
import { loadWorld } from '../worlds/load.js';
import { snapshot } from '../worlds/snapshot.js';

export interface WorldOptions {
  world: string;
  at: string;
  dimension: Layer;
}

export const DEFAULT_AT = '2021-12';

/** Adds `--world` alone (commands that read a whole world, not a snapshot of it). */
export function addWorldOption(cmd: Command): Command {
  return cmd.option('-w, --world <ref>', 'bundled world id or path to a world file/folder', DEFAULT_WORLD);
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

/** Loads the world named by the options. */
export function worldFromOptions(opts: Pick<WorldOptions, 'world'>): World {
  return loadWorld(opts.world);
}

/** Loads the world and takes its snapshot at the options' date and layer. */
export function snapshotFromOptions(opts: WorldOptions): Snapshot {
  return snapshot(worldFromOptions(opts), opts.at, { layer: opts.dimension });
}
