/**
 * Wall and CPU time of each stage of a build, for `world build --timings`. CPU is the process's
 * user + system time (every thread), so on a busy machine wall minus CPU is the time spent waiting
 * for a core rather than working.
 */

export interface StageTime {
  label: string;
  wallMs: number;
  cpuMs: number;
}

/**
 * A clock whose `mark(label)` ends the running stage and starts `label`; `stages()` ends the last.
 *
 * @example
 * const clock = stageClock();
 * clock.mark('read'); readAll(); clock.mark('write'); writeAll();
 * clock.stages(); // [{ label: 'read', wallMs: 812, cpuMs: 790 }, { label: 'write', … }]
 */
export function stageClock(now: () => number = () => performance.now()) {
  const done: StageTime[] = [];
  let running: { label: string; wall: number; cpu: NodeJS.CpuUsage } | undefined;
  const stop = () => {
    if (!running) return;
    const cpu = process.cpuUsage(running.cpu);
    done.push({ label: running.label, wallMs: now() - running.wall, cpuMs: (cpu.user + cpu.system) / 1000 });
    running = undefined;
  };
  return {
    mark(label: string): void {
      stop();
      running = { label, wall: now(), cpu: process.cpuUsage() };
    },
    stages(): StageTime[] {
      stop();
      return [...done];
    },
  };
}
