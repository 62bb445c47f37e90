/** `bargain FILE`: forecast where a negotiation lands (KTAB's SMP or Bueno de Mesquita's model). */
import { type Command, Option } from 'commander';
import { explainActor, forecast, forecastChart, loadBargainingInput } from '../../bargaining/index.js';
import type { BargainingInput, ForecastResult } from '../../bargaining/types.js';
import { LimitExceededError } from '../../domain/errors.js';
import { number } from '../number-option.js';
import { fmt, printJson, printTable } from '../output.js';

interface BargainOptions {
  model: 'smp' | 'bdm';
  json?: boolean;
  explain?: string;
  world?: string;
  at?: string;
  dimension?: string;
  maxActors: number;
  maxDimensions: number;
}

/** Largest issue the CLI forecasts unless told otherwise (work grows with actors² × dimensions). */
export const BARGAIN_LIMITS = Object.freeze({ maxActors: 100, maxDimensions: 50 });

function checkSize(input: BargainingInput, opts: BargainOptions): void {
  const over = [
    ['actors', input.actors.length, opts.maxActors, '--max-actors'],
    ['dimensions', input.dimensions.length, opts.maxDimensions, '--max-dimensions'],
  ] as const;
  for (const [what, n, limit, flag] of over) {
    if (n > limit) {
      throw new LimitExceededError(
        `'${input.name}' has ${n} ${what}, more than the limit of ${limit} (raise it with ${flag} ${n})`,
      );
    }
  }
}

/** Above this many actors the per-turn table shows the forecast only. */
const MAX_ACTOR_COLUMNS = 10;

function printPositions(result: ForecastResult): void {
  const wide = result.actors.length <= MAX_ACTOR_COLUMNS;
  result.dimensions.forEach((name, d) => {
    process.stdout.write(
      `\n${name}${wide ? '' : ` (forecast only: ${result.actors.length} actors; --json has them all)`}\n`,
    );
    printTable(result.turns, [
      { header: 'turn', cell: (t) => t.turn },
      ...(wide
        ? result.actors.map((a) => ({
            header: a,
            cell: (t: (typeof result.turns)[number]) => fmt(t.positions[a]![d]!, 1),
            align: 'right' as const,
          }))
        : []),
      { header: 'mean', cell: (t) => fmt(t.forecast.mean[d]!, 1), align: 'right' },
      { header: 'median', cell: (t) => fmt(t.forecast.median[d]!, 1), align: 'right' },
    ]);
    process.stdout.write(`\nforecast path (${name})\n${forecastChart(result, d).join('\n')}\n`);
  });
}

export function register(program: Command): void {
  program
    .command('bargain <file>')
    .description(
      'forecast a negotiation from a KTAB CSV or a YAML issue (path or bundled name, e.g. russia-joins-cpec)',
    )
    .addOption(
      new Option('-m, --model <model>', 'smp: KTAB Spatial Model of Politics; bdm: Bueno de Mesquita 1994')
        .choices(['smp', 'bdm'])
        .default('smp'),
    )
    .option('--json', 'machine-readable output')
    .option('--explain <actor>', "print that actor's targets, expected gains and moves per turn")
    .option('-w, --world <ref>', "world supplying missing capabilities (default: the issue's `world:`)")
    .option('--at <date>', "date of those capabilities (default: the issue's `date:`)")
    .option('-d, --dimension <n>', 'bdm: which dimension of a multi-dimensional issue (0-based)')
    .option(
      '--max-actors <n>',
      'refuse issues with more actors',
      number('max-actors', 1),
      BARGAIN_LIMITS.maxActors,
    )
    .option(
      '--max-dimensions <n>',
      'refuse issues with more dimensions',
      number('max-dimensions', 1),
      BARGAIN_LIMITS.maxDimensions,
    )
    .action((file: string, opts: BargainOptions) => {
      const input = loadBargainingInput(file, { world: opts.world, at: opts.at });
      checkSize(input, opts);
      const result =
        opts.model === 'bdm'
          ? forecast(input, {
              model: 'bdm',
              ...(opts.dimension === undefined ? {} : { dimension: Number(opts.dimension) }),
            })
          : forecast(input, { model: 'smp' });
      const explanation = opts.explain === undefined ? undefined : explainActor(result, opts.explain);
      if (opts.json) return printJson(explanation ? { ...result, explanation } : result);
      const status = result.converged ? 'converged' : 'stopped at the turn limit';
      const ratio = result.stopRatio === undefined ? '' : `, stop ratio ${fmt(result.stopRatio, 4)}`;
      process.stdout.write(
        `${result.name} — ${result.model.toUpperCase()}: ${result.steps} steps, ${status}${ratio}\n`,
      );
      printPositions(result);
      const final = result.dimensions.map(
        (name, d) =>
          `${name}: mean ${fmt(result.forecast.mean[d]!, 1)}, median ${fmt(result.forecast.median[d]!, 1)}`,
      );
      process.stdout.write(`\nforecast: ${final.join('; ')}\n`);
      if (explanation) process.stdout.write(`\n${opts.explain}, turn by turn\n${explanation.join('\n')}\n`);
    });
}
