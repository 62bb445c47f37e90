/** `scenario run|explain|validate|list|mechanisms`: what-if simulations against a paired baseline. */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { InvalidInputError } from '../../domain/errors.js';
import type { Layer } from '../../domain/world.js';
import { readParameters } from '../../simulation/backtest/fitted-params.js';
import { explainMeasures } from '../../simulation/measures/explain-measures.js';
import { describeMechanisms } from '../../simulation/scenarios/describe.js';
import { explainPair } from '../../simulation/scenarios/explain.js';
import { replicateBundle, writeReplicationBundle } from '../../simulation/scenarios/replication-bundle.js';
import {
  type RunScenarioOptions,
  runScenario,
  type ScenarioResult,
} from '../../simulation/scenarios/run-scenario.js';
import {
  bundledScenarioIds,
  checkScenario,
  loadScenario,
  type ScenarioDocument,
  worldRef,
} from '../../simulation/scenarios/scenario.js';
import { openWorld } from '../../worlds/open-world.js';
import { integer, pair } from '../option-parsers.js';
import { bar, clip, fmt, printJson, printTable } from '../output.js';
import { TOOL_VERSION } from '../version.js';
import { EVENTS_DB_HELP, eventSourcesFor } from '../world-options.js';
import { registerSensitivity } from './scenario-sensitivity.js';

interface RunFlags {
  runs?: number;
  seed?: number;
  world?: string;
  eventsDb?: string;
  workers?: number;
  dimension: string;
  pair: [string, string][];
  top: number;
  json?: boolean;
  bundle?: string;
  params?: string;
}

const pairOf = pair('pair');

/** `--pair A,B` again and again: every pair, in order. */
function collectPairs(value: string, previous: [string, string][]): [string, string][] {
  return [...previous, pairOf(value)];
}

function withRunOptions(cmd: Command): Command {
  return cmd
    .option('--runs <n>', 'Monte Carlo runs (default: the scenario’s)', integer('runs', 1))
    .option('--seed <s>', 'random seed (default: the scenario’s)', integer('seed', 0))
    .option('-w, --world <ref>', 'world id or path (default: the scenario’s)')
    .option('--events-db <path>', EVENTS_DB_HELP)
    .option(
      '--workers <k>',
      'threads computing runs: this one and k − 1 worker threads (default: min(cores, runs/50))',
      integer('workers', 1),
    )
    .option('-d, --dimension <dimension>', 'report effects on composite or one dimension', 'composite')
    .option(
      '--params <file>',
      'fitted rates as priors (the file `backtest -o` writes); the scenario’s own settings win',
    )
    .option('--json', 'machine-readable output');
}

/** The scenario's world (or `--world`) with the ties of the `--events-db` store beside its own. */
async function eventsWorld(doc: ScenarioDocument, flags: RunFlags) {
  if (flags.bundle) {
    throw new InvalidInputError({
      field: '--bundle',
      message: 'a replication bundle records world files, not an event store (--events-db)',
      hint: 'write the events into a world first (world from-events) and run the scenario on it',
    });
  }
  const ref = worldRef(doc, flags.world);
  return openWorld(ref, { sources: await eventSourcesFor(flags.eventsDb!, [ref]) });
}

async function run(
  file: string,
  flags: RunFlags,
  track: [string, string][],
): Promise<{ doc: ScenarioDocument; options: Partial<RunScenarioOptions>; result: ScenarioResult }> {
  const doc = loadScenario(file);
  if (flags.params && flags.bundle) {
    throw new InvalidInputError({
      field: '--bundle',
      message: 'a replication bundle does not record a parameters file (--params)',
      hint: 'set the fitted values in the scenario’s mechanisms: block to bundle the run',
    });
  }
  const options: Partial<RunScenarioOptions> = {
    runs: flags.runs,
    seed: flags.seed,
    world: flags.eventsDb ? await eventsWorld(doc, flags) : flags.world,
    workers: flags.workers,
    dimension: flags.dimension as Layer,
    track,
    ...(flags.params && { parameters: readParameters(flags.params) }),
  };
  const total = options.runs ?? doc.scenario.runs;
  const progress =
    !flags.json && process.stderr.isTTY && total * doc.scenario.horizon >= 2000
      ? new cliProgress.SingleBar(
          { stream: process.stderr, format: 'runs {bar} {value}/{total} ({eta}s left)', hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  progress?.start(total, 0);
  try {
    const result = await runScenario(doc, {
      ...options,
      onProgress: progress && (({ done }) => progress.update(done)),
    });
    return { doc, options, result };
  } finally {
    progress?.stop();
  }
}

function printRun(r: ScenarioResult, top: number): void {
  const s = r.scenario;
  process.stdout.write(
    `${s.name} — world ${s.world} from ${s.start}, ${s.horizon} ${s.step}s, ${r.runs} runs, seed ${s.seed}\n\n`,
  );
  if (r.checks.length > 0) {
    printTable(r.checks, [
      {
        header: 'expected',
        cell: (c) =>
          `${c.pair ? c.pair.join('–') : c.measure ? c.measure.title : `${c.capability} capability`} ${c.direction}`,
      },
      { header: 'mean', cell: (c) => fmt(c.mean) },
      { header: '5%…95%', cell: (c) => `${fmt(c.lo)}…${fmt(c.hi)}` },
      { header: 'P(sign)', cell: (c) => fmt(c.probability, 2) },
    ]);
    process.stdout.write('\n');
  }
  const scale = Math.max(1e-9, ...r.effects.slice(0, top).map((e) => Math.abs(e.mean)));
  printTable(r.effects.slice(0, top), [
    { header: 'pair', cell: (e) => `${e.a}–${e.b}` },
    { header: 'effect', cell: (e) => fmt(e.mean) },
    { header: '', cell: (e) => bar(e.mean / scale, 12), align: 'left' },
    { header: '5%…95%', cell: (e) => `${fmt(e.lo)}…${fmt(e.hi)}` },
    { header: 'P(>0)', cell: (e) => fmt(e.pPositive, 2) },
    { header: 'baseline', cell: (e) => fmt(e.baseline) },
    {
      header: 'mostly',
      cell: (e) =>
        clip(
          Object.entries(r.attribution[`${e.a}-${e.b}`] ?? {})
            .sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]))
            .slice(0, 2)
            .map(([m, v]) => `${m} ${Math.round(v * 100)}%`)
            .join(', '),
          40,
        ),
      align: 'left',
    },
  ]);
  const moved = r.capabilities.filter((c) => Math.abs(c.mean) >= 0.001).slice(0, 5);
  if (moved.length > 0) {
    const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
    process.stdout.write(
      `\ncapability at the horizon, scenario vs baseline (a scale shock acts at its step; the mechanisms move it after): ${moved.map((c) => `${c.actor} ${pct(c.mean)} (${pct(c.lo)}…${pct(c.hi)})`).join(', ')}\n`,
    );
  }
  if (r.measures.length > 0)
    process.stdout.write(
      `\nfollowed measures:\n${explainMeasures(r)
        .map((x) => `  ${x}`)
        .join('\n')}\n`,
    );
  for (const w of r.warnings) process.stderr.write(`note: ${w}\n`);
}

export function register(program: Command): void {
  const scenario = program
    .command('scenario')
    .description('what-if simulations: shocks against a paired baseline, with uncertainty and attribution');

  withRunOptions(scenario.command('run <file>'))
    .description('run a scenario file (or a bundled scenario id) and show the largest effects')
    .option('--pair <A,B>', 'also follow this pair step by step (repeatable)', collectPairs, [])
    .option('--top <k>', 'effects to show', integer('top', 0), 15)
    .option('--bundle <dir>', 'also write a replication bundle (manifest, scenario, outputs, citations) here')
    .action(async (file: string, flags: RunFlags, cmd: Command) => {
      const { doc, options, result } = await run(file, flags, flags.pair);
      if (flags.bundle) {
        // the arguments as given to the program (runCli may be called without process.argv);
        // commander keeps them on the root command but leaves `rawArgs` out of its types
        const root = cmd.parent?.parent as unknown as { rawArgs?: string[] } | undefined;
        const commandLine = ['counterbalance', ...(root?.rawArgs ?? [])];
        writeReplicationBundle(flags.bundle, {
          doc,
          options,
          result,
          commandLine,
          toolVersion: TOOL_VERSION,
        });
        process.stderr.write(`wrote replication bundle ${flags.bundle}\n`);
      }
      if (flags.json) return printJson(result);
      printRun(result, flags.top);
    });

  registerSensitivity(scenario);

  withRunOptions(scenario.command('explain <file>'))
    .description(
      'explain in words how the scenario moved one pair (mechanisms, third actors, numbers) and its followed measures',
    )
    .option('--pair <A,B>', 'the pair to explain (without it: the followed measures only)', pairOf)
    .action(async (file: string, flags: Omit<RunFlags, 'pair'> & { pair?: [string, string] }) => {
      const pair = flags.pair;
      const { result } = await run(file, { ...flags, pair: [], top: 0 }, pair ? [pair] : []);
      const explanation = pair && explainPair(result, pair[0], pair[1]);
      const measures = explainMeasures(result);
      if (flags.json)
        return printJson({ ...explanation, measures: { results: result.measures, text: measures } });
      if (!explanation && measures.length === 0) {
        throw new InvalidInputError({
          field: 'pair',
          message: 'nothing to explain: the scenario follows no measure and no --pair is given',
          hint: 'pass --pair A,B, or add `follow:` entries to the scenario',
        });
      }
      process.stdout.write(`${[...(explanation?.text ?? []), ...measures].join('\n')}\n`);
    });

  scenario
    .command('replicate <dir>')
    .description(
      're-run a replication bundle from its manifest; exit 1 unless the outputs match byte for byte',
    )
    .action(async (dir: string) => {
      const r = await replicateBundle(dir);
      if (r.firstDifference !== undefined) {
        throw new InvalidInputError({
          file: dir,
          message: `the re-run does not reproduce outputs.json (first difference at byte ${r.firstDifference})`,
          hint: 'check the tool and Node versions in manifest.json against this installation',
        });
      }
      process.stdout.write(`✔ ${dir}: outputs reproduced byte for byte (${r.actual.length} bytes)\n`);
    });

  scenario
    .command('validate <files...>')
    .description('check scenario files against their worlds without running them; exit 1 if any is invalid')
    .option('-w, --world <ref>', 'world id or path (default: each scenario’s)')
    .action((files: string[], flags: { world?: string }) => {
      for (const file of files) {
        const doc = loadScenario(file);
        checkScenario(doc, openWorld(worldRef(doc, flags.world)));
        process.stdout.write(
          `✔ ${file}: valid (${doc.scenario.shocks.length} shocks, ${doc.scenario.runs} runs)\n`,
        );
      }
    });

  scenario
    .command('list')
    .description('the bundled scenarios')
    .option('--json', 'machine-readable output')
    .action((flags: { json?: boolean }) => {
      const rows = bundledScenarioIds().map((id) => ({ id, ...loadScenario(id).scenario }));
      if (flags.json)
        return printJson(
          rows.map(({ id, name, world, start, horizon, quote }) => ({
            id,
            name,
            world,
            start,
            horizon,
            quote,
          })),
        );
      printTable(rows, [
        { header: 'id', cell: (r) => r.id },
        { header: 'name', cell: (r) => clip(r.name, 50) },
        { header: 'world', cell: (r) => r.world ?? '' },
        { header: 'start', cell: (r) => r.start },
        {
          header: 'expects',
          cell: (r) =>
            r.expect
              .map((x) => `${x.pair?.join('–') ?? `${x.capability} capability`} ${x.direction}`)
              .join('; '),
        },
      ]);
    });

  scenario
    .command('mechanisms')
    .description('the mechanisms with their theory, parameters, defaults and priors')
    .option('--json', 'machine-readable output')
    .action((flags: { json?: boolean }) => {
      const rows = describeMechanisms();
      if (flags.json) return printJson(rows);
      printTable(
        rows.flatMap((m) => m.params.map((p) => ({ m, p }))),
        [
          { header: 'mechanism', cell: (r) => r.m.id },
          { header: 'parameter', cell: (r) => r.p.name },
          { header: 'default', cell: (r) => String(r.p.default) },
          { header: 'prior', cell: (r) => r.p.prior ?? 'fixed' },
          { header: 'unit', cell: (r) => r.p.unit },
          { header: 'meaning', cell: (r) => clip(r.p.doc, 60), align: 'left' },
        ],
      );
    });
}
