/** The reporters' sources wired to the toolkit's registries (controllers' machines, invariant texts). */
import { machineGraph } from '../controllers/registry.ts';
import { getInvariant } from '../invariants/registry.ts';
import type { ReportSources } from './sources.ts';

/** Machine graphs from src/controllers/registry.ts and invariant texts from src/invariants/registry.ts. */
export const defaultSources: ReportSources = {
  machineGraph: (controller) => machineGraph(controller),
  invariant: (id) => {
    const def = getInvariant(id);
    return def ? { concept: def.concept, claim: def.claim, explain: def.explain } : undefined;
  },
};
