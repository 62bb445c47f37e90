import { describe, expect, it } from 'vitest';
import { stageClock } from './stage-clock.js';

describe('stageClock', () => {
  it('times each stage from its mark to the next, and ends the last one when asked', () => {
    let t = 0;
    const clock = stageClock(() => t);
    clock.mark('read');
    t = 30;
    clock.mark('write');
    t = 45;
    const stages = clock.stages();
    expect(stages.map((s) => [s.label, s.wallMs])).toEqual([
      ['read', 30],
      ['write', 15],
    ]);
    for (const s of stages) expect(s.cpuMs).toBeGreaterThanOrEqual(0);
    // asking again does not add a stage
    expect(clock.stages()).toHaveLength(2);
  });

  it('has no stages before the first mark', () => {
    expect(stageClock().stages()).toEqual([]);
  });
});
