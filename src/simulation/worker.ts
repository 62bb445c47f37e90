/**
 * Worker-thread entry: receives a plan once (workerData), then computes chunks of runs on request
 * and sends the results back, transferring their buffers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ChunkResult, Runner } from './montecarlo.js';
import type { Plan } from './plan.js';

export type WorkerRequest = { from: number; to: number };
export type WorkerReply = { ok: true; result: ChunkResult } | { ok: false; message: string };

const port = parentPort;
if (port) {
  const runner = new Runner(workerData as Plan);
  port.on('message', ({ from, to }: WorkerRequest) => {
    try {
      const result = runner.runChunk(from, to);
      const buffers = [
        result.horizon,
        result.capabilities,
        result.trajectories,
        result.attribution,
        result.via,
      ];
      port.postMessage(
        { ok: true, result } satisfies WorkerReply,
        buffers.map((b) => b.buffer as ArrayBuffer),
      );
    } catch (err) {
      port.postMessage({
        ok: false,
        message: err instanceof Error ? (err.stack ?? err.message) : String(err),
      });
    }
  });
}
