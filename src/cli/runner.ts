/**
 * Loads the simulator only when something is about to run, so `--help`, `explain` and bad-input
 * errors stay instant and never depend on the simulator loading.
 */
import type { PortableRunFn } from '../run/workers/runnerRef.ts';

/** The scenario runner (`runScenario` of src/run/runScenario.ts), which campaign workers can load too. */
export async function loadRunner(): Promise<PortableRunFn> {
  const mod = await import('../run/runScenario.ts');
  const { portable } = await import('../run/workers/runnerRef.ts');
  return portable(mod.runScenario, 'builtin');
}
