/**
 * A pool of campaign worker threads (campaignWorker). Each worker holds its run and the next one,
 * so it starts the next the moment it finishes instead of waiting a round trip to this thread
 * (about a twentieth of the campaign on two busy cores). A stop takes effect at the next hand-out:
 * a run already handed out still runs, at most one per worker beyond the one running.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CampaignRun } from '../campaign.ts';
import type { WorkerMessage, WorkerSetup, WorkerTask } from './campaignWorker.ts';

/**
 * From sources (tsx, vitest) the worker entry is the .ts file, loaded after registering tsx's ESM
 * loader in the worker (a worker does not get the main thread's loader, and Node 20 ignores
 * `--import` in a worker's execArgv); compiled, it is `campaignWorker.js` beside this module or
 * the bundle that contains it.
 */
function newWorker(setup: WorkerSetup): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./campaignWorker.js', import.meta.url), { workerData: setup });
  const entry = new URL('./campaignWorker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: setup });
}

/** The file URL of `tsx/esm/api` for `import` (require.resolve would give its CommonJS twin). */
function tsxEsmApi(): string {
  const pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api']!.import.default)).href;
}

export interface Pool {
  readonly size: number;
  /**
   * Keeps every worker busy with the indices `next` gives until it gives none, then waits for the
   * runs in hand; `onRun` gets each as it finishes. Rejects when a worker fails. When `abandon`
   * aborts, returns at once without waiting for the runs in hand.
   */
  runAll(
    next: () => WorkerTask | undefined,
    onRun: (r: CampaignRun) => void,
    abandon?: AbortSignal,
  ): Promise<void>;
  close(): Promise<void>;
}

/** Starts `size` workers and waits until each has loaded the simulator. */
export async function startPool(size: number, setup: WorkerSetup): Promise<Pool> {
  const workers = Array.from({ length: size }, () => newWorker(setup));
  try {
    await Promise.all(workers.map(ready));
  } catch (e) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw e;
  }
  return {
    size,
    runAll: (next, onRun, abandon) => runAll(workers, next, onRun, abandon),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

function ready(w: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: WorkerMessage) => {
      if (m.type !== 'ready') return;
      w.off('error', reject);
      w.off('message', onMessage);
      resolve();
    };
    w.on('message', onMessage);
    w.once('error', reject);
  });
}

/** Runs a worker holds at once: the one it runs and the next, already in its message queue. */
const RUNS_HELD = 2;

function runAll(
  workers: readonly Worker[],
  next: () => WorkerTask | undefined,
  onRun: (r: CampaignRun) => void,
  abandon?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let busy = 0;
    let failed = false;
    const cleanup = () => {
      for (const w of workers) w.removeAllListeners('message').removeAllListeners('error');
      abandon?.removeEventListener('abort', onAbort);
    };
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      cleanup();
      reject(e);
    };
    const held = new Map<Worker, number>(workers.map((w) => [w, 0]));
    /** Hands `w` runs until it holds `upTo`, or `next` gives none (then resolves once all are in). */
    const feed = (w: Worker, upTo = RUNS_HELD) => {
      while (held.get(w)! < upTo) {
        const task = next();
        if (task === undefined) {
          if (busy === 0) {
            cleanup();
            resolve();
          }
          return;
        }
        busy++;
        held.set(w, held.get(w)! + 1);
        w.postMessage(task);
      }
    };
    const onAbort = () => {
      cleanup();
      resolve();
    };
    abandon?.addEventListener('abort', onAbort);
    for (const w of workers) {
      w.on('error', fail);
      w.on('message', (m: WorkerMessage) => {
        if (m.type === 'failed') return fail(new Error(`campaign run ${m.index + 1}: ${m.message}`));
        if (m.type !== 'run') return;
        busy--;
        held.set(w, held.get(w)! - 1);
        // The worker's next run first: handling this one (reports, progress) need not hold it up.
        if (!failed) feed(w);
        onRun(m.run);
      });
    }
    if (abandon?.aborted) return onAbort();
    // One run to every worker first, then the next: a short campaign is shared out evenly.
    for (let upTo = 1; upTo <= RUNS_HELD; upTo++) for (const w of workers) feed(w, upTo);
  });
}
