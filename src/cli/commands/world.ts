/** `world validate|stats|evidence|schema`, `ties` and `export`. */
import type { Command } from 'commander';
import { CounterbalanceError, formatProblem, InvalidInputError } from '../../domain/errors.js';
import { worldJsonSchema } from '../../domain/schema.js';
import { bundledWorldIds } from '../../worlds/bundled.js';
import { CITATION_FORMATS, formatCitations } from '../../worlds/export/citations.js';
import { citedSources } from '../../worlds/export/cited-sources.js';
import { EXPORT_FORMATS, exportSnapshot } from '../../worlds/export/index.js';
import type { StageTime } from '../../worlds/global/stage-clock.js';
import { openWorld } from '../../worlds/open-world.js';
import { evidenceIndex, worldStats } from '../../worlds/stats.js';
import { pair } from '../option-parsers.js';
import { bar, clip, fmt, printJson, printTable, writeOutputFile } from '../output.js';
import {
  addWorldOption,
  addWorldOptions,
  snapshotFromOptions,
  type WorldOptions,
  worldFromOptions,
} from '../world-options.js';

function validateRefs(refs: string[]) {
  return refs.map((ref) => {
    try {
      return { world: ref, valid: true, stats: worldStats(openWorld(ref)), total: 0, problems: [] };
    } catch (err) {
      if (!(err instanceof CounterbalanceError)) throw err;
      const problems = err instanceof InvalidInputError ? err.problems : [{ message: err.message }];
      const total = err instanceof InvalidInputError ? err.total : 1;
      return { world: ref, valid: false, stats: undefined, total, problems };
    }
  });
}

/** The `--timings` lines: each stage's wall and CPU milliseconds, then their totals. */
function stageTable(stages: StageTime[]): string {
  const total = stages.reduce((t, s) => ({ wallMs: t.wallMs + s.wallMs, cpuMs: t.cpuMs + s.cpuMs }), {
    wallMs: 0,
    cpuMs: 0,
  });
  const width = Math.max(5, ...stages.map((s) => s.label.length));
  const line = (label: string, wall: string, cpu: string) =>
    `${label.padEnd(width)}  ${wall.padStart(8)}  ${cpu.padStart(8)}\n`;
  return [
    line('stage', 'wall ms', 'cpu ms'),
    ...[...stages, { label: 'total', ...total }].map((s) =>
      line(s.label, s.wallMs.toFixed(0), s.cpuMs.toFixed(0)),
    ),
  ].join('');
}

export function register(program: Command): void {
  const world = program.command('world').description('validate, count and inspect worlds');

  world
    .command('build <id>')
    .description('rebuild a derived world from its datasets in data/datasets/ (only `global` is derived)')
    .option('--datasets <dir>', 'folder holding the dataset CSVs (default: data/datasets)')
    .option('--out <dir>', 'folder to write the built world into (default: data/worlds/<id>)')
    .option('--json', 'machine-readable output')
    .option('--timings', 'print the wall and CPU milliseconds of each build stage to stderr')
    .action(
      async (id: string, opts: { datasets?: string; out?: string; json?: boolean; timings?: boolean }) => {
        if (id !== 'global')
          throw new InvalidInputError({
            field: 'id',
            message: `'${id}' is not a derived world`,
            hint: 'only global is built from datasets',
          });
        // loaded here: the dataset readers are not needed by any other world command
        const { rebuildGlobal } = await import('../../worlds/global/rebuild.js');
        const { stageClock } = await import('../../worlds/global/stage-clock.js');
        const clock = stageClock();
        const r = rebuildGlobal({
          datasets: opts.datasets,
          out: opts.out,
          progress: (done, total, label) => {
            clock.mark(label);
            process.stderr.write(`\r${bar(done / total)} ${done}/${total} ${label.padEnd(50)}`);
          },
        });
        process.stderr.write('\n');
        if (opts.timings) process.stderr.write(stageTable(clock.stages()));
        const summary = { ...r, warnings: r.warnings.length };
        if (opts.json) return printJson({ ...summary, warningList: r.warnings });
        printTable(
          Object.entries(summary).map(([k, v]) => ({
            k,
            v: typeof v === 'object' ? JSON.stringify(v) : String(v),
          })),
          [
            { header: 'built', cell: (x) => x.k },
            { header: '', cell: (x) => x.v },
          ],
        );
      },
    );

  world
    .command('validate [paths...]')
    .description('validate world files or folders (default: every bundled world); exit 1 if any is invalid')
    .option('--json', 'machine-readable output')
    .action((paths: string[], opts: { json?: boolean }) => {
      const results = validateRefs(paths.length > 0 ? paths : bundledWorldIds());
      if (opts.json) printJson(results);
      for (const r of opts.json ? [] : results) {
        if (r.valid) {
          process.stdout.write(
            `✔ ${r.world}: valid (${r.stats!.actors} actors, ${r.stats!.ties} tie series)\n`,
          );
          continue;
        }
        process.stderr.write(`✘ ${r.world}: ${r.total} problem${r.total === 1 ? '' : 's'}\n`);
        for (const p of r.problems) process.stderr.write(`  ${formatProblem(p)}\n`);
        if (r.total > r.problems.length) {
          process.stderr.write(
            `  … and ${r.total - r.problems.length} more (the first ${r.problems.length} are shown)\n`,
          );
        }
      }
      if (results.some((r) => !r.valid)) process.exitCode = 1;
    });

  addWorldOption(
    world
      .command('stats')
      .description('counts of actors, ties, events, corridors, memberships, claims and evidence'),
  )
    .option('--json', 'machine-readable output')
    .action((opts: { world: string; json?: boolean }) => {
      const stats = worldStats(worldFromOptions(opts));
      if (opts.json) return printJson(stats);
      printTable(Object.entries(stats), [
        { header: 'section', cell: ([k]) => k },
        { header: 'count', cell: ([, v]) => v },
      ]);
    });

  addWorldOption(
    world
      .command('evidence')
      .description('every evidence record with its source, quote and the facts that cite it'),
  )
    .option('--json', 'machine-readable output')
    .action((opts: { world: string; json?: boolean }) => {
      const index = evidenceIndex(worldFromOptions(opts));
      if (opts.json) return printJson(index);
      printTable(index, [
        { header: 'id', cell: (e) => e.id },
        { header: 'source', cell: (e) => e.source },
        { header: 'used by', cell: (e) => e.usedBy.length },
        { header: 'quote / rows', cell: (e) => clip(e.quote ?? JSON.stringify(e.rows), 70) },
      ]);
    });

  world
    .command('schema')
    .description('print the world file JSON Schema (for editors and validators)')
    .action(() => printJson(worldJsonSchema()));

  addWorldOptions(program.command('ties').description('ties at a date: value, confidence and evidence'))
    .option('--json', 'machine-readable output')
    .action((opts: WorldOptions & { json?: boolean }) => {
      const rows = snapshotFromOptions(opts).ties.map((t) => ({
        a: t.a,
        b: t.b,
        dimension: t.dimension,
        value: t.value,
        confidence: t.confidence,
        evidence: t.evidence,
      }));
      if (opts.json) return printJson(rows);
      printTable(rows, [
        { header: 'a', cell: (r) => r.a },
        { header: 'b', cell: (r) => r.b },
        { header: 'value', cell: (r) => fmt(r.value, 2), align: 'right' },
        { header: 'conf', cell: (r) => fmt(r.confidence, 2), align: 'right' },
        { header: 'evidence', cell: (r) => clip(r.evidence.join(', '), 60) },
      ]);
    });

  addWorldOptions(
    program
      .command('export <format>')
      .description(
        `export a snapshot as ${EXPORT_FORMATS.join(', ')} (Gephi and Cytoscape open GEXF/GraphML)`,
      ),
  )
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action((format: string, opts: WorldOptions & { output?: string }) => {
      const text = exportSnapshot(snapshotFromOptions(opts), format);
      if (!opts.output) return void process.stdout.write(text);
      writeOutputFile(opts.output, text);
      process.stderr.write(`wrote ${opts.output}\n`);
    });

  addWorldOption(
    program
      .command('cite')
      .description(
        `the sources behind a view as ${CITATION_FORMATS.join(' or ')}: the whole world, the ties at a date, one pair`,
      ),
  )
    .option('--at <date>', 'only the ties in force at this date (default: every observation)')
    .option('--pair <A,B>', 'only the ties between these two actors', pair('pair'))
    .option('--evidence <ids>', 'exactly these evidence ids, comma-separated')
    .requiredOption('-f, --format <format>', CITATION_FORMATS.join(' | '))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(
      (opts: {
        world: string;
        at?: string;
        pair?: [string, string];
        evidence?: string;
        format: string;
        output?: string;
      }) => {
        const evidence = opts.evidence?.split(',').map((s) => s.trim());
        // check the format before loading the world: a typo fails fast and writes nothing
        formatCitations([], opts.format);
        const cited = citedSources(worldFromOptions(opts), { at: opts.at, pair: opts.pair, evidence });
        const text = formatCitations(cited, opts.format);
        if (!opts.output) return void process.stdout.write(text);
        writeOutputFile(opts.output, text);
        process.stderr.write(`wrote ${cited.length} sources to ${opts.output}\n`);
      },
    );
}
