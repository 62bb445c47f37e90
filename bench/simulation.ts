/**
 * Simulation engine benchmarks, one case per child process (wall time and peak memory under GNU
 * time): the paired Monte Carlo on eurasia (1,000 runs × 60 monthly steps; goal ≤ 5 s on 2 cores),
 * the speed-up from 1 to 2 workers (goal ≥ 1.7×), the cost of following measures (the same
 * scenario following 3 strategic triangles, 2 tilts and the frustration index; goal ≤ 1.3× the
 * time of following nothing), a synthetic dense 200-actor world (100 runs × 30 steps) and how time
 * grows with the number of actors (50/100/200, dense), and the backtest on global end to end (fit
 * 1990–2005 with 200 bootstrap replicates, 40 runs from each of the 9 origins, every score).
 * `BENCH_QUICK=1` shrinks every case so the file can be smoke-tested; `CB_SIM_BENCH_ONLY=eurasia`
 * runs only the cases whose name contains the text (or one of several separated by `|`),
 * `CB_SIM_BENCH_ROUNDS=3` caps the rounds.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { World } from '../src/domain/world.js';
import { stream } from '../src/kernels/random.js';
import { runBacktest } from '../src/simulation/backtest/backtest.js';
import { runScenario } from '../src/simulation/scenarios/run-scenario.js';
import { loadScenario, scenarioFromObject } from '../src/simulation/scenarios/scenario.js';
import { openWorld } from '../src/worlds/open-world.js';
import { median, QUICK, table, timeCommand } from './_measure.js';
import { twoThreadThroughput } from './_parallelism.js';

const CASE_ENV = 'CB_SIM_BENCH_CASE';

/** A dense synthetic world: two blocs, every pair tied (bloc sign × strength + noise). */
function syntheticWorld(n: number, seed: number): World {
  const rng = stream(seed, n);
  const ids = Array.from({ length: n }, (_, i) => `S${String(i).padStart(3, '0')}`);
  const bloc = ids.map(() => (rng.next() < 0.5 ? 1 : -1));
  const actors = ids.map((id) => ({
    id,
    kind: 'state' as const,
    name: id,
    aliases: [],
    capital: { name: id, lat: -60 + 120 * rng.next(), lon: -180 + 360 * rng.next() },
    evidence: ['e'],
  }));
  const ties = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const value = Math.max(-1, Math.min(1, 0.5 * bloc[i]! * bloc[j]! + 0.3 * (2 * rng.next() - 1)));
      ties.push({
        a: ids[i]!,
        b: ids[j]!,
        dimension: 'diplomatic' as const,
        directed: false,
        observations: [{ at: '2020', value, confidence: 0.6, evidence: ['e'] }],
      });
    }
  }
  const capabilities = ids.map((actor) => ({
    actor,
    year: 2020,
    cinc: 0.001 + 0.05 * rng.next() ** 3,
    evidence: ['e'],
  }));
  return {
    meta: {
      id: `synthetic-${n}`,
      name: `synthetic ${n}`,
      description: '',
      period: { from: '2000', to: '2021-12' },
    },
    sources: [],
    evidence: [],
    actors,
    capabilities,
    ties,
    events: [],
    corridors: [],
    memberships: [],
    claims: [],
    actorById: new Map(actors.map((a) => [a.id, a])),
    evidenceById: new Map(),
    origin: 'synthetic',
  };
}

interface Case {
  name: string;
  workers: number;
  /** Processes per case (the median is reported); the dense 200-actor cases run once. */
  repeats: number;
  run: (workers: number) => Promise<{ runs: number; steps: number; actors: number }>;
}

/** The measures the seeds argue in, on the bait scenario's actors. */
const FOLLOW = [
  { triangle: ['IND', 'PAK', 'RUS'] },
  { triangle: ['CHN', 'IND', 'USA'] },
  { triangle: ['CHN', 'PAK', 'USA'] },
  { tilt: 'RUS', between: ['IND', 'CHN'] },
  { tilt: 'RUS', between: ['IND', 'PAK'] },
  { measure: 'frustration' },
];

const eurasia =
  (runs: number, steps: number, follow: Record<string, unknown>[] = []) =>
  async (workers: number) => {
    const doc = loadScenario('seed-russia-pakistan-bait');
    doc.scenario.horizon = steps;
    doc.scenario.follow = follow;
    const r = await runScenario(doc, { runs, workers });
    return {
      runs,
      steps,
      actors: r.effects.length > 0 ? Math.round((1 + Math.sqrt(1 + 8 * r.effects.length)) / 2) : 0,
    };
  };

const synthetic = (n: number, runs: number, steps: number) => async (workers: number) => {
  const world = syntheticWorld(n, 1);
  const doc = scenarioFromObject({
    name: `synthetic ${n}`,
    start: '2021-12',
    horizon: steps,
    runs,
    seed: 1,
    shocks: [{ at: 0, tie: ['S000', 'S001'], shift: 0.5 }],
  });
  await runScenario(doc, { world, workers });
  return { runs, steps, actors: n };
};

/** The backtest end to end on global: panel, fit with bootstrap, baselines, forecasts, scores. */
const backtest = (runs: number, testTo: number, bootstrap: number) => async () => {
  const r = runBacktest(openWorld('global'), {
    fit: [1990, 2005],
    test: [2006, testTo],
    runs,
    fitting: { bootstrap },
    focus: ['RUS', 'PAK', 'IND', 'CHN', 'USA'],
  });
  const horizons = testTo - 2005;
  return { runs, steps: (horizons * (horizons + 1)) / 2, actors: r.actors };
};

const q = (full: number, quick: number) => (QUICK ? quick : full);
const CASES: Case[] = [
  { name: 'eurasia, 2 workers', workers: 2, repeats: 9, run: eurasia(q(1000, 40), q(60, 12)) },
  { name: 'eurasia, 1 worker', workers: 1, repeats: 9, run: eurasia(q(1000, 40), q(60, 12)) },
  {
    name: 'eurasia following 6 measures, 2 workers',
    workers: 2,
    repeats: 9,
    run: eurasia(q(1000, 40), q(60, 12), FOLLOW),
  },
  {
    name: 'eurasia following 6 measures, 1 worker',
    workers: 1,
    repeats: 9,
    run: eurasia(q(1000, 40), q(60, 12), FOLLOW),
  },
  {
    name: 'synthetic dense 200, 2 workers',
    workers: 2,
    repeats: 1,
    run: synthetic(200, q(100, 4), q(30, 3)),
  },
  { name: 'synthetic dense 50, 1 worker', workers: 1, repeats: 3, run: synthetic(50, q(20, 4), q(30, 3)) },
  { name: 'synthetic dense 100, 1 worker', workers: 1, repeats: 3, run: synthetic(100, q(20, 4), q(30, 3)) },
  { name: 'synthetic dense 200, 1 worker', workers: 1, repeats: 1, run: synthetic(200, q(20, 4), q(30, 3)) },
  {
    name: 'backtest global 1990-2005 / 2006-2014, 1 worker',
    workers: 1,
    repeats: 1,
    run: backtest(q(40, 4), q(2014, 2007), q(200, 20)),
  },
];

// Alternatives separated by `|`: `CB_SIM_BENCH_ONLY='eurasia, 1|following 6 measures, 1'`.
const ONLY = process.env.CB_SIM_BENCH_ONLY?.split('|');
const CHOSEN = ONLY ? CASES.filter((c) => ONLY.some((o) => c.name.includes(o))) : CASES;

async function child(name: string): Promise<void> {
  const c = CASES.find((x) => x.name === name)!;
  const t0 = performance.now();
  const info = await c.run(c.workers);
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(`${JSON.stringify({ ...info, seconds })}\n`);
}

interface Sample {
  runs: number;
  steps: number;
  actors: number;
  /** runScenario seconds, and the process's wall seconds, CPU seconds and peak memory. */
  seconds: number;
  wall: number;
  cpu: number;
  peak: number;
}

function measure(c: Case, self: string, root: string): Sample {
  process.env[CASE_ENV] = c.name;
  try {
    const r = timeCommand(process.execPath, ['--import', 'tsx', self], { cwd: root });
    const info = JSON.parse(r.stdout.trim().split('\n').pop()!) as Omit<Sample, 'wall' | 'cpu' | 'peak'>;
    return { ...info, peak: r.peakKiB, wall: r.seconds, cpu: r.cpuSeconds };
  } finally {
    delete process.env[CASE_ENV];
  }
}

async function main(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const self = fileURLToPath(import.meta.url);
  // Rounds run every case still needing a sample, one after another, so that a slow or fast spell
  // of this shared machine falls on all cases alike (not on all repeats of one case).
  const samples = new Map<string, Sample[]>(CHOSEN.map((c) => [c.name, []]));
  const rounds = QUICK
    ? 1
    : Number(process.env.CB_SIM_BENCH_ROUNDS ?? Math.max(...CHOSEN.map((c) => c.repeats)));
  // What the machine itself gave a second thread in each round, measured just before its cases.
  const available: number[] = [];
  for (let round = 0; round < rounds; round++) {
    available.push(await twoThreadThroughput());
    // Odd rounds go in reverse order, so neither case always runs right after the other.
    const order = round % 2 === 0 ? CHOSEN : [...CHOSEN].reverse();
    for (const c of order)
      if (round < (QUICK ? 1 : Math.min(c.repeats, rounds)))
        samples.get(c.name)!.push(measure(c, self, root));
  }
  const rows: (string | number)[][] = [];
  for (const c of CHOSEN) {
    const xs = samples.get(c.name)!;
    const s = median(xs.map((x) => x.seconds));
    const first = xs[0]!;
    rows.push([
      c.name,
      first.actors,
      `${first.runs} × ${first.steps}`,
      s.toFixed(2),
      `${Math.min(...xs.map((x) => x.seconds)).toFixed(2)}–${Math.max(...xs.map((x) => x.seconds)).toFixed(2)}`,
      median(xs.map((x) => x.wall)).toFixed(2),
      median(xs.map((x) => x.cpu)).toFixed(2),
      (median(xs.map((x) => x.peak)) / 1024).toFixed(0),
      ((first.runs * first.steps) / s).toFixed(0),
    ]);
  }
  // Speed-up per round (the 1- and 2-thread runs of a round ran back to back), then the median.
  const one = samples.get('eurasia, 1 worker');
  const two = samples.get('eurasia, 2 workers');
  const ratios = one && two ? one.map((x, r) => x.seconds / two[r]!.seconds) : [];
  if (ratios.length > 0)
    rows.push([
      'speed-up eurasia 1 → 2 workers',
      '',
      '',
      `${median(ratios).toFixed(2)}×`,
      '',
      '',
      '',
      '',
      '',
    ]);
  // Cost of following measures, per round (the cases with and without ran in the same round), in
  // runScenario seconds and in process CPU seconds (steadier on a busy machine).
  const cost = (workers: string, of: (x: Sample) => number) => {
    const plain = samples.get(`eurasia, ${workers}`)!;
    const followed = samples.get(`eurasia following 6 measures, ${workers}`)!;
    return `${median(followed.map((x, r) => of(x) / of(plain[r]!))).toFixed(2)}×`;
  };
  for (const w of ['1 worker', '2 workers']) {
    if (!samples.has(`eurasia, ${w}`) || !samples.has(`eurasia following 6 measures, ${w}`)) continue;
    const name = `following 6 measures / nothing, ${w} (goal ≤ 1.3×)`;
    rows.push([name, '', '', cost(w, (x) => x.seconds), '', '', cost(w, (x) => x.cpu), '', '']);
  }
  table(
    [
      'case',
      'actors',
      'runs × steps',
      'median s (library call)',
      'range s',
      'median s (process)',
      'median CPU s (process)',
      'peak MiB',
      'run-steps/s',
    ],
    rows,
  );
  process.stdout.write(
    `\nspeed-up per round: ${ratios.map((x) => x.toFixed(2)).join(', ')}\n` +
      `the machine's own two-thread throughput per round (a fixed loop in 2 threads over 1, ` +
      `measured just before): ${available.map((x) => x.toFixed(2)).join(', ')}; median ` +
      `${median(available).toFixed(2)}×\n` +
      `medians over ${rounds} interleaved rounds (samples: ${CHOSEN.map((c) => `${c.name} ${samples.get(c.name)!.length}`).join('; ')}); ` +
      `the speed-up is the median of per-round ratios; a ` +
      `run-step advances a scenario and its twin by one step (a backtest run-step: one unshocked trajectory by one year); "workers" are threads computing runs ` +
      `(this thread and worker threads); load average at the end: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}\n`,
  );
}

if (process.env[CASE_ENV]) await child(process.env[CASE_ENV]);
else await main();
