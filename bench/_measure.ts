/** Shared helpers for benchmarks: child-process timing with peak memory, medians, tables. */
import { spawnSync } from 'node:child_process';

export interface Timed {
  seconds: number;
  peakKiB: number;
  /** User + system CPU seconds (on a shared machine wall time also counts the waiting). */
  cpuSeconds: number;
}

/**
 * Runs a command under GNU time and returns wall seconds and peak resident memory. `status` is the
 * exit code the command must end with (a validator given a broken file exits 1).
 */
export function timeCommand(
  cmd: string,
  args: string[],
  opts: { cwd?: string; input?: string; status?: number } = {},
): Timed & { stdout: string } {
  const r = spawnSync('/usr/bin/time', ['-f', '__TIME__ %e %M %U %S', cmd, ...args], {
    cwd: opts.cwd,
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const m = /__TIME__ ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (!m || r.status !== (opts.status ?? 0))
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-500)}`);
  return {
    seconds: Number(m[1]),
    peakKiB: Number(m[2]),
    cpuSeconds: Number(m[3]) + Number(m[4]),
    stdout: r.stdout,
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Prints a markdown table. */
export function table(header: string[], rows: (string | number)[][]): void {
  const all = [header, ...rows.map((r) => r.map(String))];
  const w = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(w[i]!)).join(' | ')} |`;
  process.stdout.write(
    `${[line(all[0]!), `|${w.map((x) => '-'.repeat(x + 2)).join('|')}|`, ...all.slice(1).map(line)].join('\n')}\n`,
  );
}

export const QUICK = process.env.BENCH_QUICK === '1';
