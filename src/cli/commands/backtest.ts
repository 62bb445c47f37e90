/** `backtest`: the engine against history and the benchmark models, on the same cells. */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { LAYERS } from '../../domain/layers.js';
import type { Layer } from '../../domain/world.js';
import { type BacktestResult, runBacktest, type ScoreRow } from '../../simulation/backtest/backtest.js';
import { paramsFile } from '../../simulation/backtest/fitted-params.js';
import { openWorld } from '../../worlds/open-world.js';
import { integer, list, oneOf, yearRange } from '../option-parsers.js';
import { type Column, fmt, printJson, printTable, writeOutputFile } from '../output.js';

interface Flags {
  world: string;
  fit: [number, number];
  test: [number, number];
  dimension?: Layer;
  runs: number;
  seed: number;
  bootstrap: number;
  focus: string[];
  rolling: boolean;
  priors?: boolean;
  json?: boolean;
  output?: string;
}

const score = (x: number | null) => (x === null ? '–' : fmt(x));

const COLUMNS: Column<ScoreRow>[] = [
  { header: 'model', cell: (r) => r.model },
  { header: 'cells', cell: (r) => r.cells },
  { header: 'RMSE', cell: (r) => score(r.rmse), align: 'right' },
  { header: 'CRPS', cell: (r) => score(r.crps), align: 'right' },
  { header: 'Brier', cell: (r) => score(r.brier), align: 'right' },
  { header: 'log', cell: (r) => score(r.logScore), align: 'right' },
  { header: 'cov 50%', cell: (r) => score(r.coverage50), align: 'right' },
  { header: 'cov 90%', cell: (r) => score(r.coverage90), align: 'right' },
];

function printResult(result: BacktestResult, layer: Layer): void {
  const { params } = result;
  process.stdout.write(
    `backtest on ${result.world}: fit ${result.fit.join('–')}, test ${result.test.join('–')}, ` +
      `origins ${result.origins.join(', ')}, ${result.runs} runs, seed ${result.seed}, engine ${result.engine}\n` +
      `fitted (${params.method}; ${params.cells} one-step cells): steadyStart ${params.steadyStart} ` +
      `(SSE ${fmt(params.sse.fitted, 1)} against ${fmt(params.rejected.sse, 1)} with ${params.rejected.steadyStart}; ` +
      `persistence ${fmt(params.sse.persistence, 1)}, defaults ${fmt(params.sse.defaults, 1)}), noise ${fmt(params.noise.value)}\n\n`,
  );
  const rates = Object.entries(params.mechanisms).flatMap(([id, ps]) =>
    Object.entries(ps).map(([key, e]) => ({ name: `${id}.${key}`, ...e })),
  );
  printTable(rates, [
    { header: 'rate', cell: (r) => r.name },
    { header: 'fitted', cell: (r) => fmt(r.value), align: 'right' },
    { header: 'sd', cell: (r) => fmt(r.sd), align: 'right' },
    { header: '90% low', cell: (r) => fmt(r.low), align: 'right' },
    { header: '90% high', cell: (r) => fmt(r.high), align: 'right' },
    { header: 'identified', cell: (r) => (r.identified ? 'yes' : 'no: default and prior kept') },
  ]);
  for (const dyads of ['all', 'focus'] as const) {
    const rows = result.scores.filter((s) => s.dimension === layer && s.dyads === dyads);
    if (!rows.length) continue;
    process.stdout.write(
      `\n${layer}, ${dyads === 'all' ? 'all dyads' : 'focus dyads'}, by horizon (years ahead)\n`,
    );
    printTable(rows, [{ header: 'h', cell: (r) => r.horizon ?? 'all' }, ...COLUMNS]);
  }
  const pooled = result.scores.filter((s) => s.horizon === null && s.dyads === 'all');
  process.stdout.write('\nevery horizon pooled, all dyads, by dimension\n');
  printTable(pooled, [{ header: 'dimension', cell: (r) => r.dimension }, ...COLUMNS]);
}

export function register(program: Command): void {
  program
    .command('backtest')
    .description(
      'fit the engine’s rates on past years, forecast later years and score it against persistence, drift, AR(1) and climatology on the same cells',
    )
    .option('-w, --world <ref>', 'world id or path (yearly ties)', 'global')
    .requiredOption('--fit <years>', 'fit years FROM-TO, e.g. 1990-2005', yearRange('fit'))
    .requiredOption('--test <years>', 'test years FROM-TO starting the year after the fit', yearRange('test'))
    .option(
      '-d, --dimension <layer>',
      'score only this layer (composite or a dimension)',
      oneOf('dimension', LAYERS),
    )
    .option('--runs <n>', 'Monte Carlo runs per forecast origin', integer('runs', 2), 40)
    .option('--seed <s>', 'random seed (runs and bootstrap)', integer('seed', 0), 1)
    .option('--bootstrap <n>', 'bootstrap replicates of the fit', integer('bootstrap', 10), 200)
    .option('--focus <ids>', 'actors whose dyads get their own rows', list, [
      'RUS',
      'PAK',
      'IND',
      'CHN',
      'USA',
    ])
    .option('--no-rolling', 'forecast from the last fit year only (default: from every test year too)')
    .option('--priors', 'score the engine with its documented priors instead of the fitted rates')
    .option('-o, --output <file>', 'write the fitted rates (with their uncertainty) as a parameters file')
    .option('--json', 'every number as JSON: {fit, test, scores: [...]}')
    .action((flags: Flags) => {
      const world = openWorld(flags.world);
      const test = flags.test;
      const origins = flags.rolling ? test[1] - flags.fit[1] : 1;
      const progress =
        !flags.json && process.stderr.isTTY
          ? new cliProgress.SingleBar(
              { stream: process.stderr, format: 'origins {bar} {value}/{total}', hideCursor: true },
              cliProgress.Presets.shades_classic,
            )
          : undefined;
      progress?.start(origins, 0);
      let result: BacktestResult;
      try {
        result = runBacktest(world, {
          fit: flags.fit,
          test,
          runs: flags.runs,
          seed: flags.seed,
          rolling: flags.rolling,
          priors: flags.priors === true,
          focus: flags.focus,
          layers: flags.dimension ? [flags.dimension] : LAYERS,
          fitting: { bootstrap: flags.bootstrap },
          onOrigin: progress && ((done) => progress.update(done)),
        });
      } finally {
        progress?.stop();
      }
      if (flags.output)
        writeOutputFile(
          flags.output,
          `${JSON.stringify(paramsFile(result.world, result.params), null, 2)}\n`,
        );
      if (flags.json) printJson(result);
      else printResult(result, flags.dimension ?? 'composite');
    });
}
