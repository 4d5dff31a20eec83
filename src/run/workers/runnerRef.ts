/**
 * A worker thread cannot receive a function, so a run function that may run on workers says where
 * a worker loads it from: the built-in simulator, or an export of a module (a test's mutant
 * runner, a user's own controllers). A run function without that note runs in the calling thread.
 */
import type { RunFn } from '../replay.ts';

/** Where a worker loads the run function: the built-in `runScenario`, or `name` exported by `module` (a file URL). */
export type RunnerRef = 'builtin' | { module: string; name: string };

/** A run function that also says how a worker thread loads the same function. */
export type PortableRunFn = RunFn & { readonly workerRef?: RunnerRef };

/** Marks `run` as loadable by workers through `ref`. */
export function portable(run: RunFn, ref: RunnerRef): PortableRunFn {
  const wrapped: RunFn = (scenario, opts) => run(scenario, opts);
  return Object.assign(wrapped, { workerRef: ref });
}

/** The run function a ref names (in a worker thread). */
export async function loadRunnerRef(ref: RunnerRef): Promise<RunFn> {
  if (ref === 'builtin') return (await import('../runScenario.ts')).runScenario;
  const mod = (await import(ref.module)) as Record<string, unknown>;
  const run = mod[ref.name];
  if (typeof run !== 'function') throw new Error(`${ref.module} exports no run function ${ref.name}`);
  return run as RunFn;
}
