/**
 * Bargaining forecaster benchmark: KTAB's scaling inputs (dummyData-a040/a080/a160), its reference
 * example and a real scenario, each run in a child process (median time of the forecast and peak
 * RSS of that process), side by side with KTAB's C++ `smpc` as shipped (minimal SQLite logging),
 * measured on this project's reference machine — KTAB is not runnable here, so its column cites
 * those figures. Also fits how our time grows with the number of actors, and times the sensitivity
 * band (`draws` re-runs plus the one-at-a-time swings) on the seed issues.
 *
 *   node --import tsx bench/bargaining.ts          (BENCH_QUICK=1 for a smoke run)
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { forecast } from '../src/bargaining/forecast.js';
import { loadBargainingInput } from '../src/bargaining/input/load.js';
import { forecastSensitivity } from '../src/bargaining/sensitivity.js';
import type { BargainingModel } from '../src/bargaining/types.js';
import { stream } from '../src/kernels/random.js';
import { median, QUICK, table } from './_measure.js';

/** KTAB published/measured figures (seconds), from the project's bargaining reference notes. */
const KTAB_SECONDS: Record<string, number> = {
  dummyData_3Dim: 0.08,
  'SOE-Pol-Comp': 0.7,
  'dummyData-a040': 16.9,
  'dummyData-a080': 224,
};

interface Case {
  name: string;
  model: BargainingModel;
  reps: number;
  /** Also the sensitivity band with this many draws (seed 1). */
  draws?: number;
}

interface Measured {
  seconds: number[];
  wallSeconds: number;
  maxRssKiB: number;
  actors: number;
  steps: number;
}

const CASES: Case[] = QUICK
  ? [
      { name: 'dummyData_3Dim', model: 'smp', reps: 1 },
      { name: 'dummyData-a040', model: 'smp', reps: 1 },
      { name: 'russia-joins-cpec', model: 'smp', reps: 1, draws: 200 },
    ]
  : [
      { name: 'dummyData_3Dim', model: 'smp', reps: 7 },
      { name: 'SOE-Pol-Comp', model: 'smp', reps: 7 },
      { name: 'dummyData-a040', model: 'smp', reps: 5 },
      { name: 'dummyData-a080', model: 'smp', reps: 5 },
      { name: 'dummyData-a160', model: 'smp', reps: 3 },
      { name: 'dummyData-a040', model: 'bdm', reps: 5 },
      { name: 'dummyData-a080', model: 'bdm', reps: 5 },
      { name: 'dummyData-a160', model: 'bdm', reps: 3 },
      { name: 'russia-joins-cpec', model: 'smp', reps: 3, draws: 200 },
      { name: 'pakistan-nsg-bid', model: 'smp', reps: 3, draws: 200 },
      { name: 'dummyData_3Dim', model: 'smp', reps: 3, draws: 200 },
    ];

/** In the child: run one case `reps` times and report times, steps and peak RSS as JSON. */
function child(name: string, model: BargainingModel, reps: number, draws: number): void {
  const seconds: number[] = [];
  let steps = 0;
  let actors = 0;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const input = loadBargainingInput(name);
    const result = forecast(input, { model });
    if (draws > 0) forecastSensitivity(input, stream(1), { draws, forecast: { model } });
    seconds.push((performance.now() - t0) / 1000);
    steps = result.steps;
    actors = result.actors.length;
  }
  const maxRssKiB = process.resourceUsage().maxRSS;
  process.stdout.write(JSON.stringify({ seconds, steps, actors, maxRssKiB }));
}

function measure(c: Case): Measured {
  const script = fileURLToPath(import.meta.url);
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', script, '--child', c.name, c.model, String(c.reps), String(c.draws ?? 0)],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const wallSeconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`benchmark child failed for ${c.name}: ${r.stderr}`);
  return { ...JSON.parse(r.stdout), wallSeconds };
}

/** Least-squares slope of log(y) on log(x): y ∝ x^slope. */
function exponent(points: [number, number][]): number {
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

function main(): void {
  const rows: string[][] = [];
  const scaling: Record<BargainingModel, { n: number; total: number; perStep: number }[]> = {
    smp: [],
    bdm: [],
  };
  for (const c of CASES) {
    const m = measure(c);
    const t = median(m.seconds);
    const peer = c.model === 'smp' && !c.draws ? KTAB_SECONDS[c.name] : undefined;
    rows.push([
      c.name,
      c.draws ? `${c.model} + band (${c.draws} draws)` : c.model,
      String(m.actors),
      String(m.steps),
      t.toFixed(4),
      m.seconds[0]!.toFixed(4),
      m.wallSeconds.toFixed(2),
      (m.maxRssKiB / 1024).toFixed(0),
      peer === undefined ? '—' : `${peer} †`,
      '—',
      peer === undefined ? '—' : `${Math.round(peer / t)}×`,
    ]);
    if (c.name.startsWith('dummyData-a') && !c.draws) {
      scaling[c.model].push({ n: m.actors, total: t, perStep: t / Math.max(1, m.steps) });
    }
  }
  process.stdout.write(
    `bargaining forecaster (counterbalance, Node ${process.version}) vs KTAB smpc${QUICK ? ' — BENCH_QUICK' : ''}\n\n`,
  );
  table(
    [
      'case',
      'model',
      'actors',
      'steps',
      'median time (s)',
      'first run (s)',
      'child wall incl. startup (s)',
      'peak RSS (MiB)',
      'KTAB smpc (s)',
      'KTAB peak RSS',
      'speed-up (median)',
    ],
    rows,
  );
  const notes = [
    '',
    '† KTAB published/measured figure: KTAB C++ `smpc` as shipped, minimal SQLite logging, measured on the',
    '  project reference machine (KTAB is not runnable here); its cost grows about as n^3.7; memory not measured.',
    '  Our median time is parse + forecast inside a child process; peak RSS is that child (Node + tsx included).',
  ];
  for (const model of ['smp', 'bdm'] as const) {
    const pts = scaling[model];
    if (pts.length < 2) continue;
    const total = exponent(pts.map((p) => [p.n, p.total])).toFixed(2);
    const perStep = exponent(pts.map((p) => [p.n, p.perStep])).toFixed(2);
    notes.push(
      `  ${model}: time grows as n^${total} over n = ${pts.map((p) => p.n).join(', ')} (per step: n^${perStep})`,
    );
  }
  process.stdout.write(`${notes.join('\n')}\n`);
}

if (process.argv[2] === '--child') {
  child(
    process.argv[3]!,
    process.argv[4] as BargainingModel,
    Number(process.argv[5]),
    Number(process.argv[6] ?? 0),
  );
} else {
  main();
}
