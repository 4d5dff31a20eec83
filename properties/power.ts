/**
 * Shared by the power scripts (properties/*.power.ts): a scenario property that holds when the run
 * passes, and otherwise throws naming the violated claims, the seed and the plan.
 */
import { runScenario } from '../src/run/runScenario.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { describePlan } from './arbitraries.ts';

export function allHold(s: Scenario): boolean {
  const r = runScenario(s, { keepTrace: false });
  if (r.outcome === 'pass') return true;
  const why = r.invariants
    .filter((i) => i.status === 'violated')
    .map((i) => `${i.id}: ${i.violations[0]?.message}`);
  throw new Error(`${r.outcome}: ${r.error ?? why.join('; ')}\nseed=${s.seed}\n${describePlan(s.events)}`);
}
