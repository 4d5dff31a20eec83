/**
 * Rare conjunctions on purpose. The property suites and campaigns draw fault times independently,
 * so two faults within milliseconds of each other almost never meet; the bugs that hide there are
 * races against a node join, a create or a template update (a node tainted or removed while the
 * controller is placing on it, a pod killed while the rollout plans around it). After such an
 * event, chaos sometimes draws a second fault 0–100 ms later, aimed at what just changed. Every
 * choice comes from the stream `chaos/coupled`, so the base draws of a seed stay as they were.
 */
import type { Rng } from '../sim/prng.ts';
import { getFault, type ScenarioEvent } from './registry.ts';
import type { ChaosContext } from './types.ts';

/** What may follow each triggering kind closely. */
const FOLLOWERS: Readonly<Record<string, readonly string[]>> = {
  'add-node': [
    'remove-node',
    'taint-node',
    'partition-node',
    'crash-node',
    'shutdown-node',
    'cordon-node',
    'reject-pods',
  ],
  'update-template': [
    'crash-pod',
    'fail-pod',
    'delete-pod',
    'restart-controller',
    'delay-watch',
    'update-template',
    'scale',
    'crash-node',
    'reject-pods',
  ],
  'create-object': [
    'delete-pod',
    'crash-node',
    'restart-controller',
    'delay-watch',
    'scale',
    'fail-api',
    'add-node',
  ],
};

export const COUPLED_WINDOW_MS = 100;
const COUPLING_CHANCE = 0.35;

/** Whether a kind is one a second fault may be coupled to. */
export function triggersCoupling(kind: string): boolean {
  return kind in FOLLOWERS;
}

/**
 * Maybe a second fault within 0–100 ms of `ev`, of a kind the run allows; node faults after a join
 * strike the node that joined.
 */
export function coupledFault(
  ev: ScenarioEvent,
  kinds: readonly string[],
  ctx: ChaosContext,
  rng: Rng,
): ScenarioEvent | undefined {
  const followers = (FOLLOWERS[ev.do] ?? []).filter((k) => kinds.includes(k));
  if (followers.length === 0 || !rng.chance(COUPLING_CHANCE)) return undefined;
  const kind = rng.pick(followers);
  const at = ev.at + rng.int(COUPLED_WINDOW_MS + 1);
  const drawn = getFault(kind)?.generate?.({ ...ctx, at }, rng);
  if (!drawn) return undefined;
  if (ev.do === 'add-node' && 'node' in drawn) return { ...drawn, node: ev.node };
  return drawn;
}
