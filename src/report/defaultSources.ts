/** The reporters' sources wired to the toolkit's registries (controllers' machines, invariant texts). */
import { getFault } from '../chaos/registry.ts';
import { getController, machineGraph } from '../controllers/registry.ts';
import { getInvariant } from '../invariants/registry.ts';
import type { ReportSources } from './sources.ts';

/** Machine graphs and mutant descriptions (src/controllers), invariant texts (src/invariants), fault summaries (src/chaos). */
export const defaultSources: ReportSources = {
  machineGraph: (controller) => machineGraph(controller),
  invariant: (id) => {
    const def = getInvariant(id);
    return def ? { concept: def.concept, claim: def.claim, explain: def.explain } : undefined;
  },
  fault: (kind) => getFault(kind)?.summary,
  mutant: (controller, variant) => getController(controller)?.variants[variant]?.description,
};
