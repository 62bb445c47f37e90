/** Worker-thread entry: runs one bargaining forecast (see run-in-worker.ts) and posts it back. */
import { parentPort, workerData } from 'node:worker_threads';
import { forecast } from '../bargaining/forecast.js';
import type { BargainingInput, BargainingModel, ForecastResult } from '../bargaining/types.js';
import { replyFromError, type WorkerReply } from './worker-reply.js';

export interface ForecastTask {
  input: BargainingInput;
  model: BargainingModel;
  dimension?: number;
}

/** Runs a forecast task (in whichever thread calls it). */
export function forecastTask(task: ForecastTask): ForecastResult {
  return task.model === 'bdm'
    ? forecast(task.input, {
        model: 'bdm',
        ...(task.dimension !== undefined && { dimension: task.dimension }),
      })
    : forecast(task.input, { model: 'smp' });
}

if (parentPort && (workerData as { input?: unknown } | null)?.input) {
  let reply: WorkerReply<ForecastResult>;
  try {
    reply = { ok: true, result: forecastTask(workerData as ForecastTask) };
  } catch (err) {
    reply = replyFromError(err);
  }
  parentPort.postMessage(reply);
}
