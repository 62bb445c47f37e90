/**
 * Puts the chunk results of a paired Monte Carlo together as they arrive, in whatever order the
 * threads finish them. Per-run values go straight to their place in run-major arrays; sums are
 * added chunk by chunk in chunk order (a chunk that arrives early waits for the ones before it), so
 * the totals are the same bit for bit whichever thread finished first, and a chunk's arrays are
 * let go as soon as they are copied or added — the main thread does this between its own chunks,
 * while other threads are still computing, rather than all at once after the last chunk.
 */
import { measureFloats } from '../measures/collector.js';
import type { ChunkResult } from './montecarlo.js';
import type { Plan } from './plan.js';

/**
 * Run-major views of every run (runs in order) and the sums over all of them: the chunk layout
 * (see `ChunkResult`) over all runs, its sums (attribution, via) added over every chunk.
 */
export interface Gathered extends Omit<ChunkResult, 'from' | 'to'> {
  runs: number;
}

/** Per-run floats of each per-run field, for a plan. */
function perRun(plan: Plan): {
  horizon: number;
  capabilities: number;
  trajectories: number;
  measures: number;
  clipped: number;
} {
  const { n } = plan.model;
  const P = (n * (n - 1)) / 2;
  return {
    horizon: 3 * P,
    capabilities: 2 * n,
    trajectories: plan.tracked.length * (plan.steps + 1) * 2,
    measures: measureFloats(plan),
    clipped: plan.shocks.length,
  };
}

/**
 * Collects the chunks of one plan.
 *
 * @example
 * const g = new Gatherer(plan);
 * g.add(1, second); // may come first: its sums wait for chunk 0
 * g.add(0, first);
 * const all = g.gathered();
 */
export class Gatherer {
  private readonly plan: Plan;
  private readonly chunks: number;
  private readonly out: Gathered;
  /** Sums of chunks that arrived before an earlier one, by chunk index. */
  private readonly waiting = new Map<number, { attribution: Float64Array; via: Float64Array }>();
  /** The next chunk whose sums are to be added. */
  private next = 0;
  private readonly seen = new Set<number>();

  constructor(plan: Plan) {
    this.plan = plan;
    this.chunks = Math.ceil(plan.runs / plan.chunk);
    const per = perRun(plan);
    const { n } = plan.model;
    const P = (n * (n - 1)) / 2;
    const M = plan.mechanisms.length;
    this.out = {
      runs: plan.runs,
      horizon: new Float64Array(plan.runs * per.horizon),
      capabilities: new Float64Array(plan.runs * per.capabilities),
      trajectories: new Float64Array(plan.runs * per.trajectories),
      attribution: new Float64Array((M + 1) * P),
      via: new Float64Array(plan.tracked.length * M * n),
      measures: new Float64Array(plan.runs * per.measures),
      clipped: new Float64Array(plan.runs * per.clipped),
    };
  }

  /** Takes chunk `index` (runs `result.from` … `result.to` − 1). */
  add(index: number, result: ChunkResult): void {
    if (this.seen.has(index)) throw new RangeError(`chunk ${index} was gathered twice`);
    this.seen.add(index);
    const per = perRun(this.plan);
    this.out.horizon.set(result.horizon, result.from * per.horizon);
    this.out.capabilities.set(result.capabilities, result.from * per.capabilities);
    this.out.trajectories.set(result.trajectories, result.from * per.trajectories);
    this.out.measures.set(result.measures, result.from * per.measures);
    this.out.clipped.set(result.clipped, result.from * per.clipped);
    this.waiting.set(index, { attribution: result.attribution, via: result.via });
    for (let sums = this.waiting.get(this.next); sums; sums = this.waiting.get(this.next)) {
      addInto(this.out.attribution, sums.attribution);
      addInto(this.out.via, sums.via);
      this.waiting.delete(this.next++);
    }
  }

  /** Everything, once every chunk has been added. */
  gathered(): Gathered {
    if (this.next < this.chunks)
      throw new RangeError(`chunk ${this.next} of ${this.chunks} is missing; the runs are incomplete`);
    return this.out;
  }
}

function addInto(total: Float64Array, part: Float64Array): void {
  for (let x = 0; x < part.length; x++) total[x]! += part[x]!;
}
