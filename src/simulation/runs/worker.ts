/**
 * Worker-thread entry. Receives a plan, its chunks and the shared claim counter — in workerData, or
 * by message after a warm-up when the thread was started early (`startWorkers`) — then claims and
 * computes chunks until none is left, sending each result back as it is done (with the exact
 * horizon values of followed measures, see `ExactAtHorizon`) and a last `done`.
 *
 * Results are copied, not transferred: transferring detaches the thread's ArrayBuffers, and in V8 the
 * first detached ArrayBuffer of a thread permanently slows every optimised typed-array access in it
 * (the "array buffer detaching" protector) — the engine ran 25–40 % slower in worker threads than
 * on the main thread until this was found. Copying ~250 KB per chunk costs far less.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { replyFromError, type WorkerReply } from '../../domain/worker-reply.js';
import { ExactAtHorizon } from '../measures/collector.js';
import { type ChunkResult, measureRng, Runner } from './montecarlo.js';
import type { Plan } from './plan.js';
import { WARM_UP_DEFAULTS, warmUpPlan } from './warm-up-plan.js';

export interface WorkerInput {
  plan: Plan;
  /** Runs [from, to) of every chunk, in chunk order. */
  chunks: [number, number][];
  /** One Int32 on a SharedArrayBuffer: the next chunk to claim, shared by every thread. */
  claim: Int32Array;
}

/**
 * workerData of a thread started before its plan exists: warm up for at most `warmUpMs`, stopping
 * early once `planSent[0]` is set (a SharedArrayBuffer flag), then wait for the plan.
 */
export interface WarmUpRequest {
  warmUpMs: number;
  planSent: Int32Array;
}

/** What a simulation worker posts: each chunk as it is done, then `'done'` (or a failure). */
export type ChunkReply = WorkerReply<{ index: number; chunk: ChunkResult } | 'done'>;

async function work(port: MessagePort, { plan, chunks, claim }: WorkerInput): Promise<void> {
  try {
    const runner = new Runner(plan);
    const exact = new ExactAtHorizon(plan, measureRng(plan.seed));
    for (let c = Atomics.add(claim, 0, 1); c < chunks.length; c = Atomics.add(claim, 0, 1)) {
      const result = runner.runChunk(...chunks[c]!);
      await exact.apply(result);
      port.postMessage({ ok: true, result: { index: c, chunk: result } } satisfies ChunkReply);
    }
    port.postMessage({ ok: true, result: 'done' } satisfies ChunkReply);
  } catch (err) {
    // the stack says where in the engine it failed: the pool puts it in its SolverError
    const reply = replyFromError(err);
    const stack = err instanceof Error ? err.stack : undefined;
    port.postMessage((stack ? { ...reply, message: stack } : reply) satisfies ChunkReply);
  }
}

/** Runs the warm-up plan until `ms` have passed or the plan is sent; its results are dropped. */
function warmUp({ warmUpMs, planSent }: WarmUpRequest): void {
  const runner = new Runner(warmUpPlan());
  const end = performance.now() + warmUpMs;
  while (performance.now() < end && Atomics.load(planSent, 0) === 0)
    runner.runChunk(0, WARM_UP_DEFAULTS.runs);
}

/** Warms up, if it can: a failure here only costs speed, and the real plan reports its own. */
function tryWarmUp(request: WarmUpRequest): void {
  try {
    warmUp(request);
  } catch {
    // nothing to report: the plan that follows runs the same code and fails visibly if it must
  }
}

const port = parentPort;
if (port) {
  const data = workerData as WorkerInput | WarmUpRequest;
  if ('warmUpMs' in data) {
    port.once('message', (input: WorkerInput) => void work(port, input));
    tryWarmUp(data);
  } else void work(port, data);
}
