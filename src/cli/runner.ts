/**
 * Loads the simulator only when something is about to run, so `--help`, `explain` and bad-input
 * errors stay instant and never depend on the simulator loading.
 */
import type { RunFn } from '../run/replay.ts';

/** The scenario runner (`runScenario` of src/run/runScenario.ts). */
export async function loadRunner(): Promise<RunFn> {
  const mod = await import('../run/runScenario.ts');
  return mod.runScenario;
}
