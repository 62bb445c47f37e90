/**
 * CLI start-up: `--version`, `ties` and `triangle` through the launcher (cached bundle of the
 * source), side by side with `node -e 0` (Node's own start) and with the same commands run from
 * the TypeScript source through tsx (how the launcher ran before the bundle, and runs after an
 * edit). Median wall time of repeats, ratio to `node -e 0`, peak resident memory.
 */
import { fileURLToPath } from 'node:url';
import { median, QUICK, table, timeCommand } from './_measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const repeats = QUICK ? 3 : 9;
const node = process.execPath;

const COMMANDS: Readonly<Record<string, string[]>> = Object.freeze({
  '--version': ['--version'],
  ties: ['ties', '--world', 'eurasia', '--at', '2021-12'],
  triangle: ['triangle', 'RUS', 'IND', 'PAK', '--world', 'eurasia', '--at', '2021-12'],
});

function measure(args: string[]): { seconds: number; peakMiB: number } {
  const runs = Array.from({ length: repeats }, () => timeCommand(node, args, { cwd: root }));
  return {
    seconds: median(runs.map((r) => r.seconds)),
    peakMiB: Math.max(...runs.map((r) => r.peakKiB)) / 1024,
  };
}

// One run first, so the launcher's bundle is fresh (a stale one is rebuilt on that run).
timeCommand(node, ['bin/counterbalance.js', '--version'], { cwd: root });
const baseline = measure(['-e', '0']);
const rows: (string | number)[][] = [
  ['node -e 0', 'node', baseline.seconds.toFixed(3), '1.0', baseline.peakMiB.toFixed(0)],
];
for (const [name, args] of Object.entries(COMMANDS)) {
  for (const [how, prefix] of [
    ['launcher (cached bundle)', ['bin/counterbalance.js']],
    ['tsx (source)', ['--import', 'tsx', 'src/cli/main.ts']],
  ] as const) {
    const m = measure([...prefix, ...args]);
    rows.push([
      name,
      how,
      m.seconds.toFixed(3),
      (m.seconds / baseline.seconds).toFixed(1),
      m.peakMiB.toFixed(0),
    ]);
  }
}
table(['command', 'run by', `median s (${repeats} runs)`, '× node -e 0', 'peak MiB'], rows);
