/** `bargain FILE`: forecast where a negotiation lands (KTAB's SMP or Bueno de Mesquita's model). */
import { type Command, Option } from 'commander';
import {
  explainActor,
  type ForecastOptions,
  forecast,
  forecastChart,
  forecastSensitivity,
  inputBasisLines,
  loadBargainingInput,
  readingGuide,
  SENSITIVITY_DEFAULTS,
  sensitivityLines,
} from '../../bargaining/index.js';
import type { BargainingInput, ForecastResult } from '../../bargaining/types.js';
import { LimitExceededError } from '../../domain/errors.js';
import { stream } from '../../kernels/random.js';
import { number } from '../option-parsers.js';
import { fmt, printJson, printTable } from '../output.js';

interface BargainOptions {
  model: 'smp' | 'bdm';
  json?: boolean;
  explain?: string | true;
  draws: number;
  seed: number;
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
    .option(
      '--explain [actor]',
      'explain in plain words what the numbers and the forecast mean and what each input rests on; with an actor, also its targets, expected gains and moves per turn',
    )
    .option(
      '--draws <n>',
      'sensitivity band: re-runs with every input nudged within its uncertainty (0: none)',
      number('draws', 0),
      SENSITIVITY_DEFAULTS.draws,
    )
    .option('--seed <n>', 'seed of the sensitivity draws', number('seed', 0), 1)
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
      const model: ForecastOptions =
        opts.model === 'bdm'
          ? { model: 'bdm', ...(opts.dimension === undefined ? {} : { dimension: Number(opts.dimension) }) }
          : { model: 'smp' };
      const result = forecast(input, model);
      const actor = typeof opts.explain === 'string' ? opts.explain : undefined;
      const explanation = actor === undefined ? undefined : explainActor(result, actor);
      const sensitivity =
        opts.draws > 0
          ? {
              seed: opts.seed,
              ...forecastSensitivity(input, stream(opts.seed), { draws: opts.draws, forecast: model }),
            }
          : undefined;
      if (opts.json) {
        return printJson({
          ...result,
          ...(sensitivity && { sensitivity }),
          ...(explanation && { explanation }),
        });
      }
      const status = result.converged ? 'converged' : 'stopped at the turn limit';
      const ratio = result.stopRatio === undefined ? '' : `, stop ratio ${fmt(result.stopRatio, 4)}`;
      process.stdout.write(
        `${result.name} — ${result.model.toUpperCase()}: ${result.steps} steps, ${status}${ratio}\n`,
      );
      if (opts.explain !== undefined) {
        process.stdout.write(`\n${readingGuide(input, result, sensitivity).join('\n')}\n`);
        process.stdout.write(`\nThe inputs and what they rest on\n${inputBasisLines(input).join('\n')}\n`);
      }
      printPositions(result);
      const final = result.dimensions.map(
        (name, d) =>
          `${name}: mean ${fmt(result.forecast.mean[d]!, 1)}, median ${fmt(result.forecast.median[d]!, 1)}`,
      );
      process.stdout.write(`\nforecast: ${final.join('; ')}\n`);
      if (sensitivity) {
        process.stdout.write(
          `\nsensitivity (${sensitivity.draws} draws, seed ${sensitivity.seed}; each input within its declared uncertainty, ` +
            `else ±${SENSITIVITY_DEFAULTS.positionShare * 100}% of the scale, ±${SENSITIVITY_DEFAULTS.salience} salience points, ` +
            `±${SENSITIVITY_DEFAULTS.capabilityShare * 100}% of capability)\n${sensitivityLines(sensitivity).join('\n')}\n`,
        );
      }
      if (explanation) process.stdout.write(`\n${actor}, turn by turn\n${explanation.join('\n')}\n`);
    });
}
