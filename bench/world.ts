/**
 * Worlds: loading the bundled eurasia world, and the `global` world of issue #13.
 * - eurasia: cold load + validate + snapshot in fresh processes of the compiled library (goal
 *   < 300 ms), and the whole `world validate` command for comparison;
 * - global: building it from the dataset CSVs (goal ≤ 30 s), a cold load of the built world
 *   (≤ 300 ms), a snapshot of all states for one year (≤ 50 ms; the first one builds the series
 *   index), and the exact frustration index of that year's composite network beside COIN-OR CBC
 *   on the same XOR model;
 * - `world validate` on a 3 MB world with 30,000 problems (locating problems must not cost in
 *   proportion to their number);
 * - YAML: js-yaml (the load path) beside `yaml` (which the line index and the web editor need),
 *   each in its own process, on the eurasia world's YAML files, the scenario and bargaining YAML,
 *   and the 3 MB world: import, then the median of repeated parses (the README's development
 *   notes say which is kept and why).
 * The build's rows are followed by its stages (wall and CPU ms each, as `world build --timings`).
 * Each case runs in its own process under /usr/bin/time, so peak memory is the case's own; the
 * CPU column (user + system of the process's threads during the case) is what to compare on a
 * busy machine, where wall time also counts the waiting.
 * Run: `npm run bench -- world` or `node --import tsx bench/world.ts` (BENCH_QUICK=1: fewer runs;
 * `--yaml`: the YAML rows only; `--load-only`: just the global load, first- and second-snapshot rows, 5
 * fresh processes, min and median).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StageTime } from '../src/worlds/global/stage-clock.js';
import { manyProblemsWorld } from '../test/helpers/many-problems-world.js';
import { median, QUICK, table, timeCommand } from './_measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const YEAR = '1985';

/** Wall and CPU milliseconds of `f`. */
async function timed<T>(f: () => T | Promise<T>): Promise<{ ms: number; cpu: number; value: T }> {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = await f();
  const u = process.cpuUsage(c);
  return { ms: performance.now() - t, cpu: (u.user + u.system) / 1000, value };
}

/** The YAML texts the load path parses: eurasia's files, the scenarios, the bargaining issues. */
function yamlTexts(): { name: string; texts: string[] }[] {
  const dir = (d: string) =>
    readdirSync(join(root, d))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => readFileSync(join(root, d, f), 'utf8'));
  const big = manyProblemsWorld(30_000);
  return [
    { name: 'eurasia world files', texts: dir('data/worlds/eurasia') },
    { name: 'scenarios + bargaining issues', texts: [...dir('scenarios'), ...dir('scenarios/bargaining')] },
    {
      name: `3 MB world (${(big.bytes / 1e6).toFixed(1)} MB)`,
      texts: readdirSync(big.dir)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => readFileSync(join(big.dir, f), 'utf8')),
    },
  ];
}

/** Import time, then per text set the median wall and CPU ms of one pass over it. */
async function yamlCase(parse: () => Promise<(text: string) => unknown>) {
  const sets = yamlTexts();
  const imported = await timed(parse);
  const out: Record<string, unknown> = { importMs: imported.ms };
  for (const [i, set] of sets.entries()) {
    const reps = i === 2 ? (QUICK ? 2 : 5) : QUICK ? 10 : 40;
    const passes = [];
    for (let r = 0; r < reps; r++) passes.push(await timed(() => set.texts.map(imported.value)));
    out[`ms${i}`] = median(passes.map((p) => p.ms));
    out[`cpu${i}`] = median(passes.map((p) => p.cpu));
    out[`name${i}`] = set.name;
  }
  return out;
}

const CASES: Record<string, () => Promise<Record<string, unknown>>> = {
  'js-yaml': () =>
    yamlCase(async () => {
      const { CORE_SCHEMA, load } = await import('js-yaml');
      return (text) => load(text, { schema: CORE_SCHEMA });
    }),
  yaml: () =>
    yamlCase(async () => {
      const { parse } = await import('yaml');
      return (text) => parse(text, { schema: 'core' });
    }),
  async build() {
    const { rebuildGlobal } = await import('../src/worlds/global/rebuild.js');
    const { stageClock } = await import('../src/worlds/global/stage-clock.js');
    const out = mkdtempSync(join(tmpdir(), 'cb-global-'));
    const clock = stageClock();
    try {
      const {
        ms,
        cpu,
        value: r,
      } = await timed(() => rebuildGlobal({ out, progress: (_d, _t, label) => clock.mark(label) }));
      return {
        ms,
        cpu,
        stages: clock.stages(),
        detail: `${r.actors} actors, ${r.series} series, ${r.observations} observations, ${(r.bytes / 1e6).toFixed(2)} MB`,
      };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
  async load() {
    const { loadWorld } = await import('../src/worlds/load.js');
    const { snapshot } = await import('../src/worlds/snapshot.js');
    const load = await timed(() => loadWorld('global'));
    const first = await timed(() => snapshot(load.value, YEAR));
    const warm = await timed(() => snapshot(load.value, YEAR));
    return {
      ms: load.ms,
      cpu: load.cpu,
      first: first.ms,
      firstCpu: first.cpu,
      warm: warm.ms,
      warmCpu: warm.cpu,
      detail: `${load.value.ties.length} series; snapshot ${warm.value.actors.length} actors, ${warm.value.ties.length} composite ties`,
    };
  },
  async frustration() {
    const { loadWorld } = await import('../src/worlds/load.js');
    const { snapshot } = await import('../src/worlds/snapshot.js');
    const { graphFromSnapshot } = await import('../src/analysis/from-snapshot.js');
    const { indexGraph } = await import('../src/analysis/signed-graph.js');
    const { frustrationIndex } = await import('../src/analysis/balance/frustration-exact.js');
    const { toCostGraph } = await import('../src/analysis/balance/cost-graph.js');
    const { xorModelLp } = await import('../src/analysis/balance/frustration-mip.js');
    const g = indexGraph(graphFromSnapshot(snapshot(loadWorld('global'), YEAR)));
    const lp = join(mkdtempSync(join(tmpdir(), 'cb-global-lp-')), 'model.lp');
    writeFileSync(lp, xorModelLp(toCostGraph(g, false), { triangleCuts: true }));
    const { ms, cpu, value: r } = await timed(() => frustrationIndex(g));
    return { ms, cpu, lp, detail: `L ${r.L}, ${g.m} edges` };
  },
};

async function child(): Promise<void> {
  const r = await CASES[process.argv[process.argv.indexOf('--case') + 1]!]!();
  process.stdout.write(`${JSON.stringify(r)}\n`);
}

function runCase(name: string): Record<string, unknown> & { peakKiB: number } {
  const t = timeCommand(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--case', name],
    { cwd: root },
  );
  const r = JSON.parse(t.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
  return { ...r, peakKiB: t.peakKiB };
}

const mib = (k: number) => (k / 1024).toFixed(0);

function eurasiaRows(): (string | number)[][] {
  // Measure the compiled library, as installed users run it (tsx would add its transpile time).
  spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  const probe = `
const t0 = performance.now();
const { loadWorld } = await import('./dist/src/worlds/load.js');
const { snapshot } = await import('./dist/src/worlds/snapshot.js');
const t1 = performance.now();
const w = loadWorld('eurasia');
const s = snapshot(w, '2021-12');
const t2 = performance.now();
console.log(JSON.stringify({ total: t2 - t0, imports: t1 - t0, loadSnapshot: t2 - t1, ties: s.ties.length }));
`;
  const runs = QUICK ? 3 : 15;
  const samples = Array.from({ length: runs }, () => {
    const r = timeCommand(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
      cwd: root,
    });
    return { ...JSON.parse(r.stdout.trim().split('\n').pop()!), peak: r.peakKiB, wall: r.seconds };
  });
  const cli = Array.from({ length: QUICK ? 2 : 7 }, () =>
    timeCommand(process.execPath, ['bin/counterbalance.js', 'world', 'validate', 'eurasia'], { cwd: root }),
  );
  const broken = manyProblemsWorld(30_000);
  const invalid = Array.from({ length: QUICK ? 1 : 3 }, () =>
    timeCommand(process.execPath, ['bin/counterbalance.js', 'world', 'validate', broken.dir], {
      cwd: root,
      status: 1,
    }),
  );
  const med = (k: 'imports' | 'loadSnapshot' | 'total') => median(samples.map((s) => s[k])).toFixed(1);
  return [
    ['eurasia: module imports (zod, js-yaml, loader)', med('imports'), '', '', '', `${runs} runs`],
    ['eurasia: load + validate + snapshot(2021-12)', med('loadSnapshot'), '', '', '', `${runs} runs`],
    [
      'eurasia: cold total (imports + load + snapshot)',
      med('total'),
      '',
      mib(median(samples.map((s) => s.peak))),
      '< 300',
      `${runs} runs`,
    ],
    [
      'eurasia: `counterbalance world validate eurasia` (whole process, CLI via tsx)',
      (median(cli.map((c) => c.seconds)) * 1000).toFixed(0),
      (median(cli.map((c) => c.cpuSeconds)) * 1000).toFixed(0),
      mib(median(cli.map((c) => c.peakKiB))),
      '',
      `${cli.length} runs`,
    ],
    [
      `\`world validate\`, ${Math.round(broken.total / 1000)}k errors, ${(broken.bytes / 1e6).toFixed(1)} MB (whole process)`,
      (median(invalid.map((c) => c.seconds)) * 1000).toFixed(0),
      (median(invalid.map((c) => c.cpuSeconds)) * 1000).toFixed(0),
      mib(median(invalid.map((c) => c.peakKiB))),
      '',
      `${invalid.length} runs`,
    ],
  ];
}

function globalRows(): (string | number)[][] {
  const build = runCase('build');
  const loads = Array.from({ length: QUICK ? 3 : 7 }, () => runCase('load'));
  const fr = runCase('frustration');
  const med = (k: string, digits = 0) => median(loads.map((l) => Number(l[k]))).toFixed(digits);
  const rows: (string | number)[][] = [
    [
      'global: build from CSVs (validate + write)',
      Number(build.ms).toFixed(0),
      Number(build.cpu).toFixed(0),
      mib(Number(build.peakKiB)),
      '≤ 30000',
      String(build.detail),
    ],
    ...(build.stages as StageTime[]).map((st) => [
      `  build stage: ${st.label}`,
      st.wallMs.toFixed(0),
      st.cpuMs.toFixed(0),
      '',
      '',
      '',
    ]),
    [
      'global: load (built file, checksum, unpack)',
      med('ms'),
      med('cpu'),
      mib(median(loads.map((l) => Number(l.peakKiB)))),
      '≤ 300',
      `${String(loads[0]!.detail)}; ${loads.length} runs`,
    ],
    [
      `global: snapshot all states ${YEAR} (first, builds the index)`,
      med('first', 1),
      med('firstCpu', 1),
      '',
      '≤ 50',
      '',
    ],
    [`global: snapshot all states ${YEAR} (warm)`, med('warm', 1), med('warmCpu', 1), '', '≤ 50', ''],
    [
      `global: exact frustration index, composite ${YEAR} (ours)`,
      Number(fr.ms).toFixed(0),
      Number(fr.cpu).toFixed(0),
      mib(Number(fr.peakKiB)),
      '',
      String(fr.detail),
    ],
  ];
  const cbc = spawnSync(
    '/usr/bin/time',
    ['-f', '__TIME__ %e %M %U %S', process.env.CBC ?? 'cbc', String(fr.lp), 'solve', 'quit'],
    { encoding: 'utf8' },
  );
  const m = /__TIME__ ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(cbc.stderr ?? '');
  if (m && cbc.status === 0) {
    const L = Math.round(Number(/Objective value:\s*([-\d.e+]+)/.exec(cbc.stdout)?.[1] ?? Number.NaN));
    rows.push([
      'global: CBC on the same XOR model',
      (Number(m[1]) * 1000).toFixed(0),
      ((Number(m[3]) + Number(m[4])) * 1000).toFixed(0),
      mib(Number(m[2])),
      '',
      `L ${L}`,
    ]);
    rows.push([
      'global: ratio ours / CBC (wall)',
      (Number(fr.ms) / (Number(m[1]) * 1000)).toFixed(3),
      '',
      '',
      '',
      '',
    ]);
  } else rows.push(['global: CBC', '—', '—', '—', '', 'cbc not found']);
  rmSync(join(String(fr.lp), '..'), { recursive: true, force: true });
  return rows;
}

function yamlRows(): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const runs = { 'js-yaml': runCase('js-yaml'), yaml: runCase('yaml') };
  for (const [lib, r] of Object.entries(runs)) {
    rows.push([`YAML ${lib}: import`, Number(r.importMs).toFixed(1), '', mib(Number(r.peakKiB)), '', '']);
    for (const i of [0, 1, 2]) {
      rows.push([
        `YAML ${lib}: parse ${String(r[`name${i}`])}`,
        Number(r[`ms${i}`]).toFixed(1),
        Number(r[`cpu${i}`]).toFixed(1),
        '',
        '',
        i === 0
          ? `yaml / js-yaml CPU: ${(Number(runs.yaml.cpu0) / Number(runs['js-yaml'].cpu0)).toFixed(2)}`
          : '',
      ]);
    }
  }
  return rows;
}

/** Five fresh processes: the load of global, the first snapshot after it (cold) and the next (warm), min / median. */
function loadRows(): (string | number)[][] {
  const loads = Array.from({ length: 5 }, () => runCase('load'));
  const span = (k: string) => {
    const xs = loads.map((l) => Number(l[k])).sort((x, y) => x - y);
    return `${xs[0]!.toFixed(0)} / ${median(xs).toFixed(0)}`;
  };
  const peak = mib(median(loads.map((l) => l.peakKiB)));
  return [
    ['load global', span('ms'), span('cpu'), peak, '≤ 300', 'min / median of 5 fresh processes'],
    [`first snapshot (cold), ${YEAR}`, span('first'), span('firstCpu'), '', '≤ 50', String(loads[0]!.detail)],
    [`second snapshot (warm), ${YEAR}`, span('warm'), span('warmCpu'), '', '≤ 50', ''],
  ];
}

function main(): void {
  if (process.argv.includes('--yaml')) {
    table(['case', 'ms', 'cpu ms', 'peak MiB', 'goal ms', 'detail'], yamlRows());
    return;
  }
  if (process.argv.includes('--load-only')) {
    table(['case', 'ms', 'cpu ms', 'peak MiB', 'goal ms', 'detail'], loadRows());
    return;
  }
  const rows = [...eurasiaRows(), ...globalRows(), ...yamlRows()];
  table(['case', 'ms', 'cpu ms', 'peak MiB', 'goal ms', 'detail'], rows);
  process.stdout.write(
    `\nload average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
}

if (process.argv.includes('--case')) await child();
else main();
