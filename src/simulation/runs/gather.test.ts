import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Gathered, Gatherer } from './gather.js';
import { type ChunkResult, Runner } from './montecarlo.js';
import { warmUpPlan } from './warm-up-plan.js';

const plan = { ...warmUpPlan({ runs: 23, steps: 6 }), chunk: 5, tracked: [[0, 1] as [number, number]] };
const runner = new Runner(plan);
const chunks: ChunkResult[] = [];
for (let from = 0; from < plan.runs; from += plan.chunk)
  chunks.push(runner.runChunk(from, Math.min(plan.runs, from + plan.chunk)));

const bytes = (g: Gathered) =>
  [g.horizon, g.capabilities, g.trajectories, g.attribution, g.via].map((b) =>
    Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64'),
  );

describe('Gatherer', () => {
  it('puts runs in run order and adds sums chunk by chunk in chunk order', () => {
    const g = new Gatherer(plan);
    for (const [k, c] of chunks.entries()) g.add(k, c);
    const all = g.gathered();
    const P = (plan.model.n * (plan.model.n - 1)) / 2;
    expect(all.runs).toBe(23);
    expect(all.horizon.length).toBe(23 * 3 * P);
    // The last chunk (runs 20–22) ends the horizon array.
    expect(all.horizon.subarray(20 * 3 * P)).toEqual(chunks[4]!.horizon);
    const attribution = new Float64Array(chunks[0]!.attribution.length);
    for (const c of chunks) for (let x = 0; x < attribution.length; x++) attribution[x]! += c.attribution[x]!;
    expect(all.attribution).toEqual(attribution);
    expect(all.via.some((v) => v !== 0)).toBe(true);
  });

  it('gives the same bytes whatever order the chunks arrive in', () => {
    const inOrder = new Gatherer(plan);
    for (const [k, c] of chunks.entries()) inOrder.add(k, c);
    const expected = bytes(inOrder.gathered());
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }), (order) => {
        const g = new Gatherer(plan);
        for (const k of order) g.add(k, chunks[k]!);
        expect(bytes(g.gathered())).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a chunk given twice and says which chunk is missing', () => {
    const g = new Gatherer(plan);
    g.add(0, chunks[0]!);
    expect(() => g.add(0, chunks[0]!)).toThrow(/chunk 0 was gathered twice/);
    g.add(2, chunks[2]!);
    expect(() => g.gathered()).toThrow(/chunk 1 of 5 is missing/);
  });
});
