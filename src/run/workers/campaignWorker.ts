/**
 * The worker thread of a campaign (src/run/workers/pool.ts): loads the run function once, then
 * runs each campaign index it is sent with `runOne`, exactly as the calling thread would, and
 * posts the finished run back. A separate entry module, so a build can bundle it as its own file
 * (`campaignWorker.js` beside the code that starts it).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type CampaignOptions, type CampaignRun, runOne } from '../campaign.ts';
import { loadRunnerRef, type RunnerRef } from './runnerRef.ts';

/** What a worker is started with. */
export interface WorkerSetup {
  opts: CampaignOptions;
  runner: RunnerRef;
}

/** Messages from a worker to the pool. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'run'; run: CampaignRun }
  | { type: 'failed'; index: number; message: string };

const port = parentPort;
if (port !== null) {
  const { opts, runner } = workerData as WorkerSetup;
  const run = await loadRunnerRef(runner);
  port.on('message', (index: number) => {
    let reply: WorkerMessage;
    try {
      reply = { type: 'run', run: runOne(opts, index, run) };
    } catch (e) {
      reply = { type: 'failed', index, message: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}
