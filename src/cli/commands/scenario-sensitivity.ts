/** `scenario sensitivity`: how each large effect moves over the parameters' priors. */
import type { Command } from 'commander';
import { LAYERS } from '../../domain/layers.js';
import { loadScenario } from '../../simulation/scenarios/scenario.js';
import { type SensitivityResult, scenarioSensitivity } from '../../simulation/scenarios/sensitivity.js';
import { integer, number, oneOf } from '../option-parsers.js';
import { bar, fmt, printJson, printTable } from '../output.js';

interface Flags {
  runs?: number;
  seed?: number;
  level: number;
  top: number;
  dimension: (typeof LAYERS)[number];
  workers?: number;
  json?: boolean;
}

function printSensitivity(r: SensitivityResult, rows: number): void {
  process.stdout.write(
    `${r.scenario}: ${r.runs} runs per variant, ${r.dimension}; one at a time: each parameter at its prior's ` +
      `${fmt(((1 - r.level) / 2) * 100, 0)} % and ${fmt(((1 + r.level) / 2) * 100, 0)} % quantiles, every other at its default\n`,
  );
  const widest = Math.max(1e-12, ...r.effects.flatMap((e) => e.oneAtATime.map((x) => Math.abs(x.swing))));
  for (const e of r.effects) {
    const { joint } = e;
    process.stdout.write(
      `\n${e.a}–${e.b}: joint ${fmt(joint.mean, 4)} [${fmt(joint.lo, 4)}, ${fmt(joint.hi, 4)}], P(>0) ${fmt(joint.pPositive, 2)}; ` +
        `all at defaults ${fmt(e.nominal, 4)}\n`,
    );
    const range = new Map(r.parameters.map((p) => [`${p.mechanism}.${p.param}`, p]));
    printTable(e.oneAtATime.slice(0, rows), [
      { header: 'parameter', cell: (x) => `${x.mechanism}.${x.param}` },
      {
        header: 'low → high',
        cell: (x) => {
          const p = range.get(`${x.mechanism}.${x.param}`)!;
          return `${fmt(p.low)} → ${fmt(p.high)}`;
        },
      },
      { header: 'at low', cell: (x) => fmt(x.atLow, 4), align: 'right' },
      { header: 'at high', cell: (x) => fmt(x.atHigh, 4), align: 'right' },
      { header: 'swing', cell: (x) => fmt(x.swing, 4), align: 'right' },
      { header: '', cell: (x) => bar(x.swing / widest, 12) },
      { header: 'sign', cell: (x) => (x.flips ? 'flips' : 'holds') },
    ]);
  }
}

/** Adds `scenario sensitivity` to the `scenario` command. */
export function registerSensitivity(scenario: Command): void {
  scenario
    .command('sensitivity <file>')
    .description(
      'vary each parameter with a prior over it (one at a time, and jointly) and show how the largest effects move',
    )
    .option('--runs <n>', 'Monte Carlo runs per variant (default: the scenario’s)', integer('runs', 2))
    .option('--seed <s>', 'random seed (default: the scenario’s)', integer('seed', 0))
    .option(
      '--level <x>',
      'central share of each prior explored one at a time',
      number('level', 0.01, 0.99),
      0.9,
    )
    .option(
      '--top <k>',
      'effects reported besides the expected pairs (the largest of the joint run)',
      integer('top', 1),
      6,
    )
    .option('--rows <k>', 'parameters shown per effect', integer('rows', 1), 8)
    .option(
      '-d, --dimension <layer>',
      'effects on composite or one dimension',
      oneOf('dimension', LAYERS),
      'composite',
    )
    .option('--workers <k>', 'threads computing runs', integer('workers', 1))
    .option('--json', 'every variant’s numbers as JSON')
    .action(async (file: string, flags: Flags & { rows: number }) => {
      const result = await scenarioSensitivity(loadScenario(file), {
        runs: flags.runs,
        seed: flags.seed,
        level: flags.level,
        top: flags.top,
        dimension: flags.dimension,
        workers: flags.workers,
      });
      if (flags.json) return printJson(result);
      printSensitivity(result, flags.rows);
    });
}
