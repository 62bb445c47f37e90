/**
 * Benchmarks of the measurement layer. Run: `node --import tsx bench/analysis.ts` (BENCH_QUICK=1
 * for a smoke run). Each of our cases runs in its own child process so that its peak memory
 * (maxRSS) is its own; COIN-OR CBC runs under /usr/bin/time on the same XOR model written as LP
 * files in this run.
 *
 * Rows:
 * - signed triangle census on a complete 200-node graph and a sparse 10,000-node graph;
 * - exact frustration index of the 51 COW windows (Doreian & Mrvar 2015), ours vs CBC;
 * - the heuristic alone on those windows (gap to the exact values) and on a 5,000-node graph
 *   (gap to the planted partition and to a cycle-packing lower bound).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toCostGraph } from '../src/analysis/balance/cost-graph.js';
import { frustrationIndex } from '../src/analysis/balance/frustration-exact.js';
import { frustrationHeuristic } from '../src/analysis/balance/frustration-heuristic.js';
import { negativeCyclePacking } from '../src/analysis/balance/frustration-lower-bound.js';
import { xorModelLp } from '../src/analysis/balance/frustration-mip.js';
import { triangleCensus, triangleCount } from '../src/analysis/balance/triangle-census.js';
import { parseEdgeListCsv } from '../src/analysis/edge-list-csv.js';
import { type IndexedSignedGraph, indexGraph, type SignedEdge } from '../src/analysis/signed-graph.js';
import { stream as createRng, type Rng } from '../src/kernels/random.js';

const QUICK = process.env.BENCH_QUICK === '1';
const COW_DIR = new URL('../data/balance/cow_doreian_mrvar/', import.meta.url);
const CBC = process.env.CBC ?? 'cbc';
const TIME = '/usr/bin/time';

interface CaseResult {
  name: string;
  medianMs: number;
  maxRssKiB: number;
  detail: Record<string, string | number | boolean>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function cowGraphs(): { name: string; g: IndexedSignedGraph }[] {
  const files = readdirSync(COW_DIR)
    .filter((f) => f.startsWith('cow_'))
    .sort();
  return (QUICK ? files.slice(0, 6) : files).map((f) => ({
    name: f.replace('.csv', ''),
    g: indexGraph(parseEdgeListCsv(readFileSync(new URL(f, COW_DIR), 'utf8'), f).graph),
  }));
}

/** Complete signed graph, 30% negative edges. */
function completeGraph(n: number, rng: Rng): IndexedSignedGraph {
  const nodes = Array.from({ length: n }, (_, i) => `v${i}`);
  const edges: SignedEdge[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) edges.push({ a: nodes[i]!, b: nodes[j]!, w: rng.next() < 0.3 ? -1 : 1 });
  return indexGraph({ nodes, edges });
}

/** Sparse graph of dense communities: friends inside (mostly), rivals across (mostly). */
function communityGraph(
  n: number,
  size: number,
  pIn: number,
  outPerNode: number,
  rng: Rng,
): IndexedSignedGraph {
  const nodes = Array.from({ length: n }, (_, i) => `v${i}`);
  const seen = new Set<number>();
  const edges: SignedEdge[] = [];
  const add = (i: number, j: number, w: number) => {
    const [a, b] = i < j ? [i, j] : [j, i];
    if (a === b || seen.has(a * n + b)) return;
    seen.add(a * n + b);
    edges.push({ a: nodes[a]!, b: nodes[b]!, w });
  };
  for (let c = 0; c < n; c += size) {
    for (let i = c; i < Math.min(n, c + size); i++) {
      for (let j = i + 1; j < Math.min(n, c + size); j++)
        if (rng.next() < pIn) add(i, j, rng.next() < 0.85 ? 1 : -1);
    }
  }
  for (let i = 0; i < n; i++)
    for (let k = 0; k < outPerNode; k++) add(i, Math.floor(rng.next() * n), rng.next() < 0.7 ? -1 : 1);
  return indexGraph({ nodes, edges });
}

/** Random graph with a planted bipartition; a share `noise` of the edges has the wrong sign. */
function plantedGraph(n: number, degree: number, noise: number, rng: Rng) {
  const nodes = Array.from({ length: n }, (_, i) => `v${i}`);
  const side = Uint8Array.from({ length: n }, () => (rng.next() < 0.5 ? 0 : 1));
  const seen = new Set<number>();
  const edges: SignedEdge[] = [];
  let planted = 0;
  while (edges.length < (n * degree) / 2) {
    const [i, j] = [Math.floor(rng.next() * n), Math.floor(rng.next() * n)];
    const [a, b] = i < j ? [i, j] : [j, i];
    if (a === b || seen.has(a * n + b)) continue;
    seen.add(a * n + b);
    let w = side[a] === side[b] ? 1 : -1;
    if (rng.next() < noise) {
      w = -w;
      planted++;
    }
    edges.push({ a: nodes[a]!, b: nodes[b]!, w });
  }
  return { g: indexGraph({ nodes, edges }), planted };
}

function timeRepeated(reps: number, fn: () => void): number {
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

const CASES: Record<string, () => Promise<Omit<CaseResult, 'maxRssKiB'>>> = {
  'census-complete': async () => {
    const g = completeGraph(200, createRng(1));
    const triangles = triangleCount(triangleCensus(g));
    const ms = timeRepeated(QUICK ? 20 : 1000, () => triangleCensus(g));
    return {
      name: 'triangle census, complete n=200',
      medianMs: ms,
      detail: { triangles, 'ns/triangle': Number(((ms * 1e6) / triangles).toFixed(3)) },
    };
  },
  'census-sparse': async () => {
    const g = communityGraph(10_000, 50, 0.3, 5, createRng(2));
    const triangles = triangleCount(triangleCensus(g));
    const ms = timeRepeated(QUICK ? 3 : 15, () => triangleCensus(g));
    return {
      name: `triangle census, sparse n=10000 m=${g.m}`,
      medianMs: ms,
      detail: { triangles, 'ns/triangle': Number(((ms * 1e6) / triangles).toFixed(3)) },
    };
  },
  'frustration-cow': async () => {
    const graphs = cowGraphs();
    const t = performance.now();
    const results = [];
    for (const { g } of graphs) results.push(await frustrationIndex(g));
    const ms = performance.now() - t;
    const stats = results.map((r) => r.stats);
    return {
      name: `exact frustration, ${graphs.length} COW windows (ours)`,
      medianMs: ms,
      detail: {
        optimal: results.every((r) => r.optimal),
        sumL: results.reduce((s, r) => s + r.L, 0),
        L: results.map((r) => r.L).join(' '),
        blocks: stats.reduce((s, x) => s + x.blocks, 0),
        byBounds: stats.reduce((s, x) => s + x.closedByBounds, 0),
        byLp: stats.reduce((s, x) => s + x.closedByLp, 0),
        byMip: stats.reduce((s, x) => s + x.closedByMip, 0),
      },
    };
  },
  'heuristic-cow': async () => {
    const graphs = cowGraphs();
    const exact: number[] = [];
    for (const { g } of graphs) exact.push((await frustrationIndex(g)).L);
    const rng = createRng(3);
    const t = performance.now();
    const found = graphs.map(({ g }) => frustrationHeuristic(toCostGraph(g, false), rng).cost);
    const ms = performance.now() - t;
    const gap = found.reduce((s, x, k) => s + x - exact[k]!, 0);
    return {
      name: `heuristic only, ${graphs.length} COW windows`,
      medianMs: ms,
      detail: {
        'windows at exact L': found.filter((x, k) => x === exact[k]).length,
        'total gap': gap,
        'gap %': Number(((100 * gap) / exact.reduce((s, x) => s + x, 0)).toFixed(2)),
      },
    };
  },
  'heuristic-5000': async () => {
    const rng = createRng(4);
    const { g, planted } = plantedGraph(QUICK ? 1000 : 5000, 10, 0.1, rng);
    const cg = toCostGraph(g, false);
    const t = performance.now();
    const h = frustrationHeuristic(cg, rng, { restarts: 8 });
    const ms = performance.now() - t;
    const lower = negativeCyclePacking(cg, h.side, rng, { rounds: 1 }).bound;
    return {
      name: `heuristic, planted n=${g.n} m=${g.m}`,
      medianMs: ms,
      detail: {
        L: h.cost,
        planted,
        'lower bound': lower,
        'gap vs planted %': Number(((100 * (h.cost - planted)) / planted).toFixed(2)),
        'gap vs bound %': Number(((100 * (h.cost - lower)) / h.cost).toFixed(2)),
      },
    };
  },
};

/** Runs one case in a fresh child process and reads its JSON line and maxRSS. */
function runChild(key: string): CaseResult {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--case', key],
    {
      encoding: 'utf8',
      env: process.env,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as CaseResult;
}

/** CBC on the same XOR model (with triangle cuts), one process per window. */
function runCbc(): { totalMs: number; maxRssKiB: number; optimal: boolean; L: number[] } | undefined {
  if (spawnSync(CBC, ['-quit'], { encoding: 'utf8' }).error) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'cb-bench-'));
  try {
    let totalMs = 0;
    let maxRssKiB = 0;
    let optimal = true;
    const L: number[] = [];
    for (const { name, g } of cowGraphs()) {
      const file = join(dir, `${name}.lp`);
      writeFileSync(file, xorModelLp(toCostGraph(g, false), { triangleCuts: true }));
      const r = spawnSync(TIME, ['-f', '%e %M', CBC, file, 'solve', 'quit'], { encoding: 'utf8' });
      const [elapsed, rss] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
      totalMs += elapsed! * 1000;
      maxRssKiB = Math.max(maxRssKiB, rss!);
      optimal &&= /Result - Optimal solution found/.test(r.stdout);
      L.push(Math.round(Number(/Objective value:\s*([-\d.e+]+)/.exec(r.stdout)?.[1] ?? Number.NaN)));
    }
    return { totalMs, maxRssKiB, optimal, L };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--case');
  if (at >= 0) {
    const key = process.argv[at + 1]!;
    const r = await CASES[key]!();
    const maxRssKiB = process.resourceUsage().maxRSS;
    process.stdout.write(`${JSON.stringify({ ...r, maxRssKiB })}\n`);
    return;
  }
  const rows: string[] = [];
  const row = (name: string, ms: number, kib: number, detail: string) =>
    rows.push(`| ${name} | ${ms.toFixed(1)} | ${(kib / 1024).toFixed(0)} | ${detail} |`);
  const fmtDetail = (d: CaseResult['detail']) =>
    Object.entries(d)
      .filter(([k]) => k !== 'L')
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  for (const key of ['census-complete', 'census-sparse', 'heuristic-cow', 'heuristic-5000']) {
    const r = runChild(key);
    row(r.name, r.medianMs, r.maxRssKiB, fmtDetail(r.detail));
  }
  const ours = Array.from({ length: QUICK ? 1 : 3 }, () => runChild('frustration-cow'));
  const oursMs = median(ours.map((r) => r.medianMs));
  const first = ours[0]!;
  row(
    `${first.name}, median of ${ours.length} cold runs`,
    oursMs,
    Math.max(...ours.map((r) => r.maxRssKiB)),
    fmtDetail(first.detail),
  );
  const cbc = runCbc();
  if (cbc) {
    const agree = String(first.detail.L) === cbc.L.join(' ');
    row(
      `exact frustration, same windows (CBC, XOR model + triangle cuts)`,
      cbc.totalMs,
      cbc.maxRssKiB,
      `optimal ${cbc.optimal}, sumL ${cbc.L.reduce((s, x) => s + x, 0)}, same L as ours ${agree}`,
    );
    rows.push(`| ratio ours / CBC | ${(oursMs / cbc.totalMs).toFixed(3)} | | goal ≤ 0.5 |`);
  } else rows.push('| CBC | — | — | /usr/bin/cbc not found |');
  process.stdout.write(
    ['| case | median ms | peak MiB | detail |', '|---|---:|---:|---|', ...rows].join('\n') + '\n',
  );
}

await main();
