/**
 * How much of a second core this shared machine gives at the moment: the throughput of a fixed
 * floating-point loop in two worker threads at once, over the same loop in one. On a dedicated
 * 2-core machine it is about 2; when a neighbour takes part of a core it drops, and any parallel
 * speed-up measured at that moment drops with it.
 */
import { Worker } from 'node:worker_threads';

const SPIN = `
const { parentPort, workerData } = require('node:worker_threads');
const a = new Float64Array(4096).map((_, i) => Math.sin(i));
const end = Date.now() + workerData;
let loops = 0;
let acc = 0;
while (Date.now() < end) {
  for (let r = 0; r < 64; r++) for (let k = 0; k < a.length; k++) acc += a[k] * a[(k + r) & 4095];
  loops++;
}
parentPort.postMessage({ loops, acc });
`;

function spin(threads: number, ms: number): Promise<number> {
  return Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<number>((resolve, reject) => {
          const w = new Worker(SPIN, { eval: true, workerData: ms });
          w.once('message', (m: { loops: number }) => resolve(m.loops));
          w.once('error', reject);
        }),
    ),
  ).then((loops) => loops.reduce((s, x) => s + x, 0));
}

/**
 * Throughput of two threads over one thread on a fixed loop, each measured for `ms`; one thread
 * runs before and after the two, so a drift of the machine's speed cancels.
 */
export async function twoThreadThroughput(ms = 500): Promise<number> {
  const before = await spin(1, ms);
  const two = await spin(2, ms);
  const after = await spin(1, ms);
  return (2 * two) / (before + after);
}
