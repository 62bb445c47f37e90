/**
 * Worker-thread entry: receives a plan, its chunks and the shared claim counter (workerData), then
 * claims and computes chunks until none is left, sending each result back as it is done
 * (transferring its buffers) and a last `done`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ChunkResult, Runner } from './montecarlo.js';
import type { Plan } from './plan.js';

export interface WorkerInput {
  plan: Plan;
  /** Runs [from, to) of every chunk, in chunk order. */
  chunks: [number, number][];
  /** One Int32 on a SharedArrayBuffer: the next chunk to claim, shared by every thread. */
  claim: Int32Array;
}

export type WorkerReply =
  | { kind: 'chunk'; index: number; result: ChunkResult }
  | { kind: 'done' }
  | { kind: 'failed'; message: string };

const port = parentPort;
if (port) {
  const { plan, chunks, claim } = workerData as WorkerInput;
  try {
    const runner = new Runner(plan);
    for (let c = Atomics.add(claim, 0, 1); c < chunks.length; c = Atomics.add(claim, 0, 1)) {
      const result = runner.runChunk(...chunks[c]!);
      const buffers = [
        result.horizon,
        result.capabilities,
        result.trajectories,
        result.attribution,
        result.via,
      ];
      port.postMessage(
        { kind: 'chunk', index: c, result } satisfies WorkerReply,
        buffers.map((b) => b.buffer as ArrayBuffer),
      );
    }
    port.postMessage({ kind: 'done' } satisfies WorkerReply);
  } catch (err) {
    port.postMessage({
      kind: 'failed',
      message: err instanceof Error ? (err.stack ?? err.message) : String(err),
    } satisfies WorkerReply);
  }
}
