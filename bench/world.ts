/**
 * Cold load + validate + snapshot of the bundled eurasia world, in fresh processes (goal < 300 ms),
 * the whole `world validate` command for comparison, and `world validate` on a 3 MB world with
 * 30,000 problems (the cost of locating problems must not grow with their number).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { manyProblemsWorld } from '../test/helpers/many-problems-world.js';
import { median, QUICK, table, timeCommand } from './_measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
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
table(
  ['case', 'median ms', 'peak MiB', 'runs'],
  [
    ['module imports (zod, js-yaml, loader)', median(samples.map((s) => s.imports)).toFixed(1), '', runs],
    ['load + validate + snapshot(2021-12)', median(samples.map((s) => s.loadSnapshot)).toFixed(1), '', runs],
    [
      'cold total (imports + load + snapshot)',
      median(samples.map((s) => s.total)).toFixed(1),
      (median(samples.map((s) => s.peak)) / 1024).toFixed(0),
      runs,
    ],
    [
      '`counterbalance world validate eurasia` whole process (CLI from source via tsx)',
      (median(cli.map((c) => c.seconds)) * 1000).toFixed(0),
      (median(cli.map((c) => c.peakKiB)) / 1024).toFixed(0),
      cli.length,
    ],
    [
      `\`world validate\`, ${Math.round(broken.total / 1000)}k errors, ${(broken.bytes / 1e6).toFixed(1)} MB (whole process)`,
      (median(invalid.map((c) => c.seconds)) * 1000).toFixed(0),
      (median(invalid.map((c) => c.peakKiB)) / 1024).toFixed(0),
      invalid.length,
    ],
  ],
);
