/**
 * The `global` world (issue #13): build from the dataset CSVs (goal ≤ 30 s), cold load of the
 * built world (≤ 300 ms), a snapshot of all states for one year (≤ 50 ms), and the exact
 * frustration index of that year's composite network beside COIN-OR CBC on the same XOR model.
 * Each case runs in its own process under /usr/bin/time, so peak memory is the case's own.
 * Run: `node --import tsx bench/world-global.ts` (BENCH_QUICK=1 for fewer runs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, QUICK, table, timeCommand } from './_measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const YEAR = '1985';
const CASES: Record<string, () => Promise<Record<string, unknown>>> = {
  async build() {
    const { rebuildGlobal } = await import('../src/worlds/global/rebuild.js');
    const out = mkdtempSync(join(tmpdir(), 'cb-global-'));
    try {
      const t = performance.now();
      const r = rebuildGlobal({ out });
      return {
        ms: performance.now() - t,
        detail: `${r.actors} actors, ${r.series} series, ${r.observations} observations, ${(r.bytes / 1e6).toFixed(2)} MB`,
      };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
  async load() {
    const { loadWorld } = await import('../src/worlds/load.js');
    const { snapshot } = await import('../src/worlds/snapshot.js');
    const t0 = performance.now();
    const w = loadWorld('global');
    const t1 = performance.now();
    snapshot(w, YEAR);
    const t2 = performance.now();
    const s = snapshot(w, YEAR);
    const t3 = performance.now();
    return {
      ms: t1 - t0,
      first: t2 - t1,
      warm: t3 - t2,
      detail: `${w.ties.length} series; snapshot ${s.actors.length} actors, ${s.ties.length} composite ties`,
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
    const t = performance.now();
    const r = await frustrationIndex(g);
    return { ms: performance.now() - t, lp, detail: `L ${r.L}, ${g.m} edges` };
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

function main(): void {
  const mib = (k: number) => (k / 1024).toFixed(0);
  const build = runCase('build');
  const loads = Array.from({ length: QUICK ? 2 : 5 }, () => runCase('load'));
  const fr = runCase('frustration');
  const rows: (string | number)[][] = [
    [
      'build global from CSVs (validate + write)',
      Number(build.ms).toFixed(0),
      mib(Number(build.peakKiB)),
      '≤ 30000',
      String(build.detail),
    ],
    [
      'load global (built file, checksum, unpack)',
      median(loads.map((l) => Number(l.ms))).toFixed(0),
      mib(median(loads.map((l) => Number(l.peakKiB)))),
      '≤ 300',
      String(loads[0]!.detail),
    ],
    [
      `snapshot all states ${YEAR} (first)`,
      median(loads.map((l) => Number(l.first))).toFixed(1),
      '',
      '≤ 50',
      '',
    ],
    [
      `snapshot all states ${YEAR} (warm)`,
      median(loads.map((l) => Number(l.warm))).toFixed(1),
      '',
      '≤ 50',
      '',
    ],
    [
      `exact frustration index, composite ${YEAR} (ours)`,
      Number(fr.ms).toFixed(0),
      mib(Number(fr.peakKiB)),
      '',
      String(fr.detail),
    ],
  ];
  const cbc = spawnSync(
    '/usr/bin/time',
    ['-f', '__TIME__ %e %M', process.env.CBC ?? 'cbc', String(fr.lp), 'solve', 'quit'],
    { encoding: 'utf8' },
  );
  const m = /__TIME__ ([\d.]+) (\d+)/.exec(cbc.stderr ?? '');
  if (m && cbc.status === 0) {
    const L = Math.round(Number(/Objective value:\s*([-\d.e+]+)/.exec(cbc.stdout)?.[1] ?? Number.NaN));
    rows.push([
      `CBC on the same XOR model`,
      (Number(m[1]) * 1000).toFixed(0),
      mib(Number(m[2])),
      '',
      `L ${L}`,
    ]);
    rows.push(['ratio ours / CBC', (Number(fr.ms) / (Number(m[1]) * 1000)).toFixed(3), '', '', '']);
  } else rows.push(['CBC', '—', '—', '', 'cbc not found']);
  rmSync(join(String(fr.lp), '..'), { recursive: true, force: true });
  table(['case', 'ms', 'peak MiB', 'goal ms', 'detail'], rows);
}

if (process.argv.includes('--case')) await child();
else main();
