/**
 * Bug-finding power: for every mutant in the catalogue, random campaign scenarios (the same
 * generator as `kubeprop chaos`) are run with the mutant until it breaks an invariant that the
 * correct controller keeps on the very same scenario (a differential verdict, so scenarios where
 * real Kubernetes itself is stuck do not count). Reports runs and wall time to the first failure.
 */
import { CONTROLLERS } from '../src/controllers/registry.ts';
import { type CampaignController, generateScenario } from '../src/run/campaign.ts';
import { runScenario } from '../src/run/runScenario.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { type BenchResult, median, round } from './util.ts';

const MAX_RUNS = 300;

function violated(s: Scenario): Set<string> {
  const r = runScenario(s, { keepTrace: false });
  return new Set(r.invariants.filter((i) => i.status === 'violated').map((i) => i.id));
}

/** Runs and ms until the mutant breaks a claim the correct controller keeps, or undefined. */
function firstFailure(
  controller: CampaignController,
  mutant: string,
): { runs: number; ms: number; id: string } | undefined {
  const t0 = performance.now();
  for (let i = 0; i < MAX_RUNS; i++) {
    const base = generateScenario(controller, 7, i);
    const bad = violated({ ...base, controllers: { [controller]: mutant } });
    if (bad.size === 0) continue;
    const good = violated(base);
    const id = [...bad].sort().find((x) => !good.has(x));
    if (id) return { runs: i + 1, ms: performance.now() - t0, id };
  }
  return undefined;
}

export async function benchMutants(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const times: number[] = [];
  let missed = 0;
  for (const entry of CONTROLLERS) {
    for (const mutant of Object.keys(entry.variants).filter((v) => v !== 'correct')) {
      const hit = firstFailure(entry.name as CampaignController, mutant);
      if (!hit) {
        missed++;
        out.push({
          name: `mutants.${entry.name}.${mutant}.runs_to_failure`,
          value: -1,
          unit: 'runs',
          detail: `not caught in ${MAX_RUNS} random campaign runs`,
        });
        continue;
      }
      times.push(hit.ms);
      out.push({
        name: `mutants.${entry.name}.${mutant}.ms_to_failure`,
        value: round(hit.ms, 0),
        unit: 'ms',
        detail: `${hit.runs} runs, ${hit.id}`,
      });
    }
  }
  out.push({
    name: 'mutants.median_ms_to_first_failure',
    value: round(median(times), 0),
    unit: 'ms',
    detail: `${times.length} caught, ${missed} missed by random campaigns`,
  });
  return out;
}
