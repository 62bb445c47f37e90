/** `world from-events`: a world whose ties come from the event store (see src/evidence/world-from-events.ts). */
import type { Command, OptionValues } from 'commander';
import { InvalidInputError } from '../../domain/errors.js';
import { DIMENSIONS } from '../../domain/schema.js';
import { eventWorld, WORLD_FROM_EVENTS_DEFAULTS } from '../../evidence/world-from-events.js';
import { writeEventWorld } from '../../evidence/write-event-world.js';
import { openWorld } from '../../worlds/open-world.js';
import { defaultDbPath } from '../default-db.js';
import { integer, list, number, oneOf } from '../option-parsers.js';
import { printJson, printTable } from '../output.js';

/** Adds `from-events` to the `world` command (registered before this one). */
export function register(program: Command): void {
  const world = program.commands.find((c) => c.name() === 'world');
  if (!world) throw new Error('register the world command before world from-events');
  world
    .command('from-events')
    .description('write a world whose ties are derived from the event store (origin: events)')
    .requiredOption('-o, --out <dir>', 'folder to write the world into')
    .option('--db <path>', 'DuckDB event store file', defaultDbPath())
    .option('--actors <ids>', 'only dyads among these (comma-separated)', list)
    .option('--by <period>', 'month or year', oneOf('by', ['month', 'year']), 'month')
    .option(
      '--weighting <w>',
      'events, mentions or root',
      oneOf('weighting', ['events', 'mentions', 'root']),
      'events',
    )
    .option(
      '--dimension <d>',
      `dimension of the derived ties (${DIMENSIONS.join(', ')})`,
      oneOf('dimension', DIMENSIONS),
      'diplomatic',
    )
    .option('--prior <n>', 'neutral pseudo-events per period (shrinkage)', number('prior', 0), 10)
    .option(
      '--max-rows <n>',
      'events listed per dyad-period and file (the note gives the full count)',
      integer('max-rows', 1),
      WORLD_FROM_EVENTS_DEFAULTS.maxRows,
    )
    .option('--id <id>', 'world id', 'events')
    .option('--json', 'print JSON')
    .action(async (opts: OptionValues) => {
      // loaded here: `world` commands other than this one never need the native DuckDB binding
      const { openDuckDbStore } = await import('../../evidence/store/duckdb-store.js');
      const store = await openDuckDbStore(opts.db as string);
      let open = true;
      const close = () => {
        if (open) store.close();
        open = false;
      };
      const { summary, ties } = await (async () => {
        const world = await eventWorld(store, {
          id: opts.id,
          by: opts.by,
          weighting: opts.weighting,
          dimension: opts.dimension,
          prior: opts.prior,
          maxRows: opts.maxRows,
          ...(opts.actors && { actors: opts.actors }),
        });
        if (world.head.ties.length === 0) {
          throw new InvalidInputError({
            field: '--actors',
            message: 'the store holds no events between these actors',
            hint: 'run events import first, or widen --actors',
          });
        }
        // The normal loader (schema, cross-references, the checker) on the written bytes, so a broken
        // output is an error, not a world that fails later. The evidence is all read by then: the
        // store closes first, so its memory and the loader's never add up; nothing loaded is kept.
        const check = (file: string) => {
          close();
          openWorld(file, { cache: false });
        };
        return {
          summary: await writeEventWorld(world, opts.out as string, { check }),
          ties: world.head.ties,
        };
      })().finally(close);
      if (opts.json) return printJson(summary);
      printTable(
        ties.map((s) => ({ s, last: s.observations[s.observations.length - 1]! })),
        [
          { header: 'a', cell: (r) => r.s.a },
          { header: 'b', cell: (r) => r.s.b },
          { header: 'periods', cell: (r) => r.s.observations.length },
          { header: 'last', cell: (r) => r.last.at },
          { header: 'value', cell: (r) => r.last.value.toFixed(3), align: 'right' },
          { header: 'confidence', cell: (r) => (r.last.confidence ?? 0).toFixed(2), align: 'right' },
        ],
      );
      process.stdout.write(
        `wrote ${summary.out}/world.json: ${summary.actors} actors, ${summary.series} series, ${summary.observations} observations\n`,
      );
    });
}
