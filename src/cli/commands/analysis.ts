/**
 * Measurement commands: `balance`, `triangle`, `triangles`, `balancers`, `alignment`, `power` and
 * `series`. Each parses its options, calls `src/analysis` and prints a table or JSON.
 */
import type { Command } from 'commander';
import { balanceStability } from '../../analysis/balance/balance-stability.js';
import { type BalanceReport, balanceReport } from '../../analysis/balance/report.js';
import { alignmentInSnapshot } from '../../analysis/balancing/alignment.js';
import { alignmentStability } from '../../analysis/balancing/alignment-stability.js';
import { balancers } from '../../analysis/balancing/balancers.js';
import { parseEdgeListCsv } from '../../analysis/edge-list-csv.js';
import { type ActorKind, graphFromSnapshot } from '../../analysis/from-snapshot.js';
import { CAPABILITY_MEASURES, type CapabilityMeasure } from '../../analysis/power/capability.js';
import { type Transfer, transferEffects } from '../../analysis/power/military-balance.js';
import { powerReport } from '../../analysis/power/report.js';
import { measureHelp, parseMeasure } from '../../analysis/series/measures.js';
import { seriesOf } from '../../analysis/series/series-of.js';
import { indexGraph } from '../../analysis/signed-graph.js';
import { TIE_DRAW_DEFAULTS } from '../../analysis/tie-draw.js';
import {
  strategicTriangles,
  TRIANGLE_TYPES,
  triangleInSnapshot,
} from '../../analysis/triangles/strategic-triangle.js';
import { triangleStability } from '../../analysis/triangles/triangle-stability.js';
import { NEUTRAL_THRESHOLD } from '../../domain/defaults.js';
import { formatProblem, InvalidInputError } from '../../domain/errors.js';
import { ACTOR_KINDS } from '../../domain/schema.js';
import { stream } from '../../kernels/random.js';
import { readTextFile } from '../../worlds/read-text-file.js';
import { integer, number, pair } from '../option-parsers.js';
import { bar, clip, fmt, printJson, printTable } from '../output.js';
import {
  addDimensionOption,
  addWorldOption,
  addWorldOptions,
  snapshotFromOptions,
  type WorldOptions,
  worldFromOptions,
} from '../world-options.js';

interface Common extends WorldOptions {
  json?: boolean;
  neutral: number;
  kinds: string;
}

/** `--neutral`: the threshold every measure below reads signs with. */
function withNeutral(cmd: Command): Command {
  return cmd.option(
    '--neutral <x>',
    'ties with |w| below this are neutral',
    number('neutral', 0, 1),
    NEUTRAL_THRESHOLD,
  );
}

/** `--world/--at/--dimension`, `--neutral`, `--kinds` and `--json`. */
function withCommon(cmd: Command): Command {
  return withNeutral(addWorldOptions(cmd))
    .option(
      '--kinds <list>',
      `actor kinds measured, comma-separated (${ACTOR_KINDS.join(', ')}); the theories behind these measures are about states`,
      'state',
    )
    .option('--json', 'machine-readable output');
}

/** `--kinds state,nonstate` → the kinds, each checked. */
function actorKinds(raw: string): ActorKind[] {
  const kinds = raw.split(',').map((k) => k.trim());
  const bad = kinds.find((k) => !(ACTOR_KINDS as readonly string[]).includes(k));
  if (bad !== undefined) {
    throw new InvalidInputError({
      field: '--kinds',
      message: `'${bad}' is not an actor kind`,
      hint: `use ${ACTOR_KINDS.join(', ')}`,
    });
  }
  return kinds as ActorKind[];
}

function capabilityMeasure(field: string, raw: string): CapabilityMeasure {
  if (!CAPABILITY_MEASURES.includes(raw as CapabilityMeasure)) {
    throw new InvalidInputError({
      field,
      message: `unknown measure '${raw}'`,
      hint: `use ${CAPABILITY_MEASURES.join(', ')}`,
    });
  }
  return raw as CapabilityMeasure;
}

/** `RECIPIENT:AMOUNT`: TIV on the milex measure, a capability delta otherwise. */
function parseTransfer(raw: string, measure: CapabilityMeasure): Transfer {
  const [recipient = '', amountText = ''] = raw.split(':');
  const amount = Number(amountText);
  if (recipient === '' || amountText.trim() === '' || !Number.isFinite(amount)) {
    throw new InvalidInputError({
      field: '--transfer',
      message: `'${raw}' is not RECIPIENT:AMOUNT`,
      hint: 'e.g. PAK:500',
    });
  }
  return measure === 'milex' ? { recipient, tiv: amount } : { recipient, delta: amount };
}

function graphOf(opts: Common) {
  return indexGraph(
    graphFromSnapshot(snapshotFromOptions(opts), { neutral: opts.neutral, kinds: actorKinds(opts.kinds) }),
  );
}

function warn(problems: readonly { message: string }[]): void {
  for (const p of problems) process.stderr.write(`warning: ${formatProblem(p)}\n`);
}

function printBalance(r: BalanceReport): void {
  const rows: [string, string][] = [
    ['nodes / edges', `${r.nodes} / ${r.edges} (${r.positive}+, ${r.negative}−)`],
    ['triangles +++ ++− +−− −−−', `${r.census.ppp} ${r.census.ppn} ${r.census.pnn} ${r.census.nnn}`],
    ['triangle index', fmt(r.triangleIndex)],
    ['balanced', r.balanced ? 'yes' : `no (odd cycle ${r.oddCycle!.join(' → ')})`],
    [
      'frustration L',
      `${fmt(r.frustration.L, 2)}${r.frustration.optimal ? ' (optimal)' : ` (≥ ${r.frustration.lowerBound})`}`,
    ],
    ['walk balance K', r.walkBalance === null ? '—' : fmt(r.walkBalance)],
    ['algebraic conflict', r.algebraicConflict === null ? '—' : fmt(r.algebraicConflict)],
    ...(r.timeLimitReached.length > 0
      ? [['time limit reached', r.timeLimitReached.join('; ')] as [string, string]]
      : []),
  ];
  printTable(rows, [
    { header: 'measure', cell: ([k]) => k },
    { header: 'value', cell: ([, v]) => v },
  ]);
  process.stdout.write(
    `\nfactions:\n  A: ${r.frustration.partition[0].join(', ')}\n  B: ${r.frustration.partition[1].join(', ')}\n`,
  );
  const edges = r.frustration.frustratedEdges.map(([a, b]) => `${a}–${b}`).join(', ');
  process.stdout.write(`frustrated ties: ${edges || 'none'}\n`);
}

/** `--stability N --seed S` on a command whose measure reads tie values near the neutral cut-off. */
function withStability(cmd: Command, what: string): Command {
  return cmd
    .option(
      '--stability <n>',
      `n draws of each tie from its confidence, N(v, (${TIE_DRAW_DEFAULTS.spread}·(1 − c))²): ${what}`,
      integer('stability', 1, 1_000_000),
    )
    .option('--seed <s>', 'random seed of the --stability draws', integer('seed', 0), 1);
}

interface Stability {
  stability?: number;
  seed: number;
}

function stabilityHeading(draws: number, seed: number): string {
  return `\nstability over ${draws} draws (seed ${seed}; each tie N(v, (${TIE_DRAW_DEFAULTS.spread}·(1 − confidence))²)):\n`;
}

export function register(program: Command): void {
  withStability(
    withCommon(
      program
        .command('balance')
        .description('structural balance: triangle census, frustration index and factions, walk balance')
        .option(
          '--edges <file>',
          'read a signed edge list CSV (from,to,sign or from,to,weight) instead of a world',
        )
        .option('--weighted', 'cost of a frustrated tie is |w| (default: each tie counts 1)')
        .option(
          '--time-limit <s>',
          'seconds for the whole report (frustration solver and spectral measures)',
          number('time-limit', 0.01),
          60,
        ),
    ),
    'the triangle census and balance of a world snapshot',
  ).action(async (opts: Common & Stability & { edges?: string; weighted?: boolean; timeLimit: number }) => {
    let graph: ReturnType<typeof graphOf>;
    if (opts.edges && opts.stability !== undefined) {
      throw new InvalidInputError({
        field: '--stability',
        message: 'an edge list has no confidence to draw from',
        hint: 'use --stability with --world',
      });
    }
    if (opts.edges) {
      const { graph: g, warnings } = parseEdgeListCsv(readTextFile(opts.edges), opts.edges);
      warn(warnings);
      graph = indexGraph(g);
    } else graph = graphOf(opts);
    const report = await balanceReport(graph, {
      weighted: opts.weighted ?? false,
      timeLimit: opts.timeLimit,
    });
    warn(report.warnings);
    const stability =
      opts.stability === undefined
        ? undefined
        : balanceStability(snapshotFromOptions(opts), stream(opts.seed), {
            neutral: opts.neutral,
            kinds: actorKinds(opts.kinds),
            draws: opts.stability,
          });
    if (opts.json)
      return printJson(stability ? { ...report, stability: { seed: opts.seed, ...stability } } : report);
    printBalance(report);
    if (!stability) return;
    process.stdout.write(stabilityHeading(stability.draws, opts.seed));
    const band = (b: { value: number; band: [number, number] }, digits: number) =>
      `${fmt(b.value, digits)} (5–95 %: ${fmt(b.band[0], digits)} … ${fmt(b.band[1], digits)})`;
    const rows: [string, string][] = [
      ['edges', band(stability.edges, 0)],
      ['triangles', band(stability.triangles, 0)],
      ['triangle index', band(stability.triangleIndex, 3)],
      [`${stability.balanced ? 'balanced' : 'unbalanced'} in`, `${fmt(stability.keepsBalanced, 3)} of draws`],
    ];
    printTable(rows, [
      { header: 'measure', cell: ([k]) => k },
      { header: 'value', cell: ([, v]) => v },
    ]);
  });

  withStability(
    withCommon(program.command('triangle <a> <b> <c>')).description(
      'strategic triangle (Dittmer) of three actors: type, pivot/wings or partners/outcast',
    ),
    "how often the type and each tie's sign hold",
  ).action((a: string, b: string, c: string, opts: Common & Stability) => {
    const snap = snapshotFromOptions(opts);
    const t = triangleInSnapshot(snap, [a, b, c], { neutral: opts.neutral });
    const stability =
      opts.stability === undefined
        ? undefined
        : triangleStability(snap, [a, b, c], stream(opts.seed), {
            neutral: opts.neutral,
            draws: opts.stability,
          });
    if (opts.json) return printJson(stability ? { ...t, stability: { seed: opts.seed, ...stability } } : t);
    const roles = t.pivot
      ? `pivot ${t.pivot}, wings ${t.wings!.join(' and ')}`
      : t.partners
        ? `partners ${t.partners.join(' and ')}, outcast ${t.outcast}`
        : '';
    process.stdout.write(`${a}–${b}–${c}: ${t.type}${roles ? ` (${roles})` : ''}\n`);
    printTable(Object.entries(t.ties), [
      { header: 'tie', cell: ([k]) => k },
      { header: 'value', cell: ([, v]) => fmt(v, 2), align: 'right' },
      { header: '', cell: ([, v]) => bar(v, 10) },
    ]);
    if (!stability) return;
    const types = TRIANGLE_TYPES.filter((type) => stability.types[type] > 0)
      .map((type) => `${type} ${fmt(stability.types[type], 3)}`)
      .join(', ');
    process.stdout.write(
      `${stabilityHeading(stability.draws, opts.seed)}` +
        `keeps its type in ${fmt(stability.keepsType, 3)} of draws (${types})\n`,
    );
    printTable(stability.ties, [
      { header: 'tie', cell: (s) => s.tie },
      { header: 'sign', cell: (s) => s.sign, align: 'right' },
      {
        header: 'confidence',
        cell: (s) => (s.confidence === undefined ? 'no data' : fmt(s.confidence, 2)),
        align: 'right',
      },
      { header: 'keeps sign', cell: (s) => fmt(s.keepsSign, 3), align: 'right' },
    ]);
  });

  withCommon(
    program
      .command('triangles')
      .description('every complete triangle of a snapshot by type, and pivot counts'),
  ).action((opts: Common) => {
    const cat = strategicTriangles(graphOf(opts));
    if (opts.json) return printJson(cat);
    for (const [type, list] of Object.entries(cat.byType)) {
      process.stdout.write(`${type} (${list.length})\n`);
      for (const t of list) {
        const roles = t.pivot ? `  pivot ${t.pivot}` : t.outcast ? `  outcast ${t.outcast}` : '';
        process.stdout.write(`  ${t.actors.join('–')}${roles}\n`);
      }
    }
    const pivots = Object.entries(cat.pivotCounts).filter(([, n]) => n > 0);
    if (pivots.length > 0) {
      process.stdout.write('\n');
      printTable(
        pivots.sort((x, y) => y[1] - x[1]),
        [
          { header: 'pivot', cell: ([id]) => id },
          { header: 'romantic triangles', cell: ([, n]) => n },
        ],
      );
    }
  });

  withCommon(
    program
      .command('balancers')
      .description('actors tied to both sides of rivalries: tilt per rival pair, pivot score, flip cost')
      .option('--all', 'list every actor, not only balancers'),
  ).action(async (opts: Common & { all?: boolean }) => {
    const rows = await balancers(graphOf(opts), { all: opts.all ?? false });
    if (opts.json) return printJson(rows);
    printTable(
      rows.flatMap((r) =>
        (r.pairs.length > 0 ? r.pairs : [undefined]).map((p, k) => ({ r, p, first: k === 0 })),
      ),
      [
        { header: 'actor', cell: (x) => (x.first ? x.r.actor : '') },
        { header: 'rival pair', cell: (x) => (x.p ? `${x.p.a} vs ${x.p.b}` : '—') },
        { header: 'tilt', cell: (x) => (x.p ? fmt(x.p.tilt, 2) : ''), align: 'right' },
        { header: `◀ ${'b'.padEnd(9)}a ▶`, cell: (x) => (x.p ? bar(x.p.tilt, 10) : '') },
        { header: 'pivot', cell: (x) => (x.first ? fmt(x.r.pivotScore, 2) : ''), align: 'right' },
        { header: 'flip cost', cell: (x) => (x.first ? fmt(x.r.flipCost, 2) : ''), align: 'right' },
      ],
    );
  });

  withStability(
    withCommon(
      program
        .command('alignment')
        .description('position of every actor between two poles (+1 first pole, −1 second) and engagement')
        .requiredOption('--poles <p,q>', 'two actor ids, e.g. USA,CHN', pair('poles')),
    ),
    "how often each actor stays on its side, and its position's 5–95 % band",
  ).action((opts: Common & Stability & { poles: [string, string] }) => {
    const snap = snapshotFromOptions(opts);
    const axis = opts.poles;
    const measure = { neutral: opts.neutral, kinds: actorKinds(opts.kinds) };
    const report = alignmentInSnapshot(snap, axis, measure);
    const stability =
      opts.stability === undefined
        ? undefined
        : alignmentStability(snap, axis, stream(opts.seed), { ...measure, draws: opts.stability });
    if (opts.json)
      return printJson(
        stability
          ? { ...report, stability: { seed: opts.seed, draws: stability.draws, rows: stability.rows } }
          : report,
      );
    printTable(report.rows, [
      { header: 'actor', cell: (r) => r.actor },
      { header: 'position', cell: (r) => fmt(r.position, 2), align: 'right' },
      { header: `◀ ${axis[1].padEnd(9)}${axis[0]} ▶`, cell: (r) => bar(r.position, 10) },
      { header: 'engagement', cell: (r) => fmt(r.engagement, 2), align: 'right' },
    ]);
    const one = report.oneSided.map((r) => `${r.actor} (${r.pole} ${fmt(r.tie, 2)})`).join(', ');
    if (one) console.log(`\ntied to one pole only, no position: ${one}`);
    console.log(`${report.noData} actor(s) without data on either pole`);
    if (!stability) return;
    process.stdout.write(stabilityHeading(stability.draws, opts.seed));
    printTable(stability.rows, [
      { header: 'actor', cell: (r) => r.actor },
      { header: 'side', cell: (r) => r.side, align: 'right' },
      { header: 'keeps side', cell: (r) => fmt(r.keepsSide, 3), align: 'right' },
      {
        header: 'position 5–95 %',
        cell: (r) => `${fmt(r.band[0], 2)} … ${fmt(r.band[1], 2)}`,
        align: 'right',
      },
    ]);
  });

  withCommon(
    program
      .command('power')
      .description('capabilities, military balance of rival pairs, balance of threat, junior partners')
      .option('--measure <m>', `capability measure: ${CAPABILITY_MEASURES.join(', ')}`, 'cinc')
      .option('--military-measure <m>', 'measure for the military balance of rival pairs', 'milex')
      .option(
        '--transfer <recipient:amount>',
        "show how an arms transfer moves the recipient's rival balances (TIV with --measure milex, else a capability delta)",
      ),
  ).action((opts: Common & { measure: string; militaryMeasure: string; transfer?: string }) => {
    const measure = capabilityMeasure('--measure', opts.measure);
    const militaryMeasure = capabilityMeasure('--military-measure', opts.militaryMeasure);
    const r = powerReport(snapshotFromOptions(opts), { measure, militaryMeasure, neutral: opts.neutral });
    warn(r.warnings);
    const transfer = opts.transfer ? parseTransfer(opts.transfer, militaryMeasure) : undefined;
    const effects = transfer
      ? transferEffects(r.balances, transfer, { measure: militaryMeasure })
      : undefined;
    if (opts.json) return printJson(effects ? { ...r, transfer: { ...transfer, effects } } : r);
    process.stdout.write(`capabilities (${r.measure}) at ${r.at}\n`);
    printTable(r.capabilities, [
      { header: 'actor', cell: (c) => c.actor },
      { header: 'year', cell: (c) => c.year },
      { header: r.measure, cell: (c) => fmt(c.value, r.measure === 'cinc' ? 4 : 0), align: 'right' },
      { header: 'share', cell: (c) => fmt(c.share, 3), align: 'right' },
    ]);
    process.stdout.write(
      `\nmilitary balance of rival pairs (on ${r.militaryMeasure}; --military-measure to change)\n`,
    );
    printTable(r.balances, [
      { header: 'pair', cell: (m) => `${m.a} vs ${m.b}` },
      { header: 'tie', cell: (m) => fmt(m.tie, 2), align: 'right' },
      { header: 'ratio a/b', cell: (m) => fmt(m.ratio, 2), align: 'right' },
      { header: 'share a', cell: (m) => fmt(m.share, 2), align: 'right' },
    ]);
    if (effects) {
      process.stdout.write(`\nafter a transfer of ${opts.transfer}\n`);
      printTable(effects, [
        { header: 'pair', cell: (m) => `${m.a} vs ${m.b}` },
        { header: 'share a before', cell: (m) => fmt(m.before, 3), align: 'right' },
        { header: 'after', cell: (m) => fmt(m.share, 3), align: 'right' },
        { header: 'shift', cell: (m) => fmt(m.shareShift, 4), align: 'right' },
      ]);
    }
    process.stdout.write('\nbalance of threat (source → target)\n');
    printTable(r.threats, [
      { header: 'source → target', cell: (t) => `${t.source} → ${t.target}` },
      { header: 'threat', cell: (t) => fmt(t.threat, 2), align: 'right' },
      { header: 'power', cell: (t) => fmt(t.power, 2), align: 'right' },
      { header: 'proximity', cell: (t) => fmt(t.proximity, 2), align: 'right' },
      { header: 'offense', cell: (t) => fmt(t.offense, 2), align: 'right' },
      { header: 'hostility', cell: (t) => fmt(t.hostility, 2), align: 'right' },
    ]);
    process.stdout.write('\ndependence (junior partner risk)\n');
    printTable(r.dependence.slice(0, 20), [
      { header: 'junior → senior', cell: (d) => `${d.junior} → ${d.senior}` },
      { header: 'tie', cell: (d) => fmt(d.tie, 2), align: 'right' },
      { header: 'capability ratio', cell: (d) => fmt(d.ratio, 1), align: 'right' },
      { header: 'arms from senior', cell: (d) => fmt(d.reliance, 2), align: 'right' },
      { header: 'asymmetry', cell: (d) => fmt(d.asymmetry, 2), align: 'right' },
    ]);
  });

  withNeutral(
    addDimensionOption(
      addWorldOption(
        program
          .command('series <measure>')
          .description('a measure over a date range, one value per date')
          .addHelpText('after', `\nMeasures (actor ids from the world):\n${measureHelp()}\n`),
      ),
    )
      .requiredOption('--from <date>', 'first date (YYYY, YYYY-MM or YYYY-MM-DD)')
      .requiredOption('--to <date>', 'last date (inclusive)')
      .option('--every <months>', 'months between dates', number('every', 1), 12),
  )
    .option('--json', 'machine-readable output')
    .action(
      async (
        spec: string,
        opts: Pick<WorldOptions, 'world' | 'dimension'> & {
          from: string;
          to: string;
          every: number;
          neutral: number;
          json?: boolean;
        },
      ) => {
        const measure = parseMeasure(spec, { neutral: opts.neutral });
        const points = await seriesOf(worldFromOptions(opts), measure.fn, {
          from: opts.from,
          to: opts.to,
          every: Math.round(opts.every),
          snapshot: { layer: opts.dimension },
        });
        if (opts.json) return printJson({ measure: spec, points });
        printTable(points, [
          { header: 'at', cell: (p) => p.at },
          {
            header: spec,
            cell: (p) => (typeof p.value === 'number' ? fmt(p.value) : clip(String(p.value ?? '—'), 40)),
            align: 'right',
          },
          {
            header: '',
            cell: (p) => (typeof p.value === 'number' && Math.abs(p.value) <= 1 ? bar(p.value, 10) : ''),
          },
        ]);
      },
    );
}
