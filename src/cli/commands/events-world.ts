/** `world from-events`: a world whose ties come from the event store (see src/evidence/world-from-events.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command, OptionValues } from 'commander';
import { InvalidInputError } from '../../domain/errors.js';
import { DIMENSIONS } from '../../domain/schema.js';
import { worldFromEvents } from '../../evidence/world-from-events.js';
import { openWorld } from '../../worlds/open-world.js';
import { defaultDbPath } from '../default-db.js';
import { list, number, oneOf } from '../option-parsers.js';
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
    .option('--id <id>', 'world id', 'events')
    .option('--json', 'print JSON')
    .action(async (opts: OptionValues) => {
      // loaded here: `world` commands other than this one never need the native DuckDB binding
      const { openDuckDbStore } = await import('../../evidence/store/duckdb-store.js');
      const store = await openDuckDbStore(opts.db as string);
      const file = await worldFromEvents(store, {
        id: opts.id,
        by: opts.by,
        weighting: opts.weighting,
        dimension: opts.dimension,
        prior: opts.prior,
        ...(opts.actors && { actors: opts.actors }),
      }).finally(() => store.close());
      if (!file.ties || file.ties.length === 0) {
        throw new InvalidInputError({
          field: '--actors',
          message: 'the store holds no events between these actors',
          hint: 'run events import first, or widen --actors',
        });
      }
      mkdirSync(opts.out as string, { recursive: true });
      writeFileSync(join(opts.out as string, 'world.json'), `${JSON.stringify(file, null, 1)}\n`);
      const loaded = openWorld(opts.out as string);
      const summary = {
        out: opts.out as string,
        actors: loaded.actors.length,
        series: loaded.ties.length,
        observations: loaded.ties.reduce((n, s) => n + s.observations.length, 0),
        evidence: loaded.evidence.length,
        period: loaded.meta.period,
      };
      if (opts.json) return printJson(summary);
      printTable(
        loaded.ties.map((s) => ({ s, last: s.observations[s.observations.length - 1]! })),
        [
          { header: 'a', cell: (r) => r.s.a },
          { header: 'b', cell: (r) => r.s.b },
          { header: 'periods', cell: (r) => r.s.observations.length },
          { header: 'last', cell: (r) => r.last.at },
          { header: 'value', cell: (r) => r.last.value.toFixed(3), align: 'right' },
          { header: 'confidence', cell: (r) => r.last.confidence.toFixed(2), align: 'right' },
        ],
      );
      process.stdout.write(
        `wrote ${summary.out}/world.json: ${summary.actors} actors, ${summary.series} series, ${summary.observations} observations\n`,
      );
    });
}
