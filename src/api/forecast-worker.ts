/** Worker-thread entry: runs one bargaining forecast (see run-in-worker.ts) and posts it back. */
import { parentPort, workerData } from 'node:worker_threads';
import { type ForecastOptions, forecast } from '../bargaining/forecast.js';
import { forecastSensitivity, type SensitivityResult } from '../bargaining/sensitivity.js';
import type { BargainingInput, BargainingModel, ForecastResult } from '../bargaining/types.js';
import { replyFromError, type WorkerReply } from '../domain/worker-reply.js';
import { stream } from '../kernels/random.js';

export interface ForecastTask {
  input: BargainingInput;
  model: BargainingModel;
  dimension?: number;
  /** Also the sensitivity band: this many draws from this seed. */
  sensitivity?: { draws: number; seed: number };
}

/** A forecast with, when asked for, its sensitivity band and the seed it was drawn from. */
export type ForecastWithSensitivity = ForecastResult & { sensitivity?: SensitivityResult & { seed: number } };

/** Runs a forecast task (in whichever thread calls it). */
export function forecastTask(task: ForecastTask): ForecastWithSensitivity {
  const model: ForecastOptions =
    task.model === 'bdm'
      ? { model: 'bdm', ...(task.dimension !== undefined && { dimension: task.dimension }) }
      : { model: 'smp' };
  const result = forecast(task.input, model);
  const s = task.sensitivity;
  if (!s || s.draws === 0) return result;
  const band = forecastSensitivity(task.input, stream(s.seed), { draws: s.draws, forecast: model });
  return { ...result, sensitivity: { seed: s.seed, ...band } };
}

if (parentPort && (workerData as { input?: unknown } | null)?.input) {
  let reply: WorkerReply<ForecastWithSensitivity>;
  try {
    reply = { ok: true, result: forecastTask(workerData as ForecastTask) };
  } catch (err) {
    reply = replyFromError(err);
  }
  parentPort.postMessage(reply);
}
