/**
 * Expands a scenario's `chaos:` into concrete events drawn from the seed (stream `chaos`). The
 * result is plain data: a replay file stores the expanded list, so a run never depends on the
 * generator again. Kinds that would only break claims real Kubernetes itself breaks are not drawn
 * by default (delete-object, force deletes); a scenario can still name them explicitly.
 *
 * Besides the independent draws, the rare conjunctions are drawn on purpose: a second fault within
 * 100 ms of a join, a create or an update (coupled.ts), and a same-name delete-and-recreate while
 * the garbage collector runs (recreate.ts). Those side draws come from their own streams
 * (`chaos/coupled`, `chaos/recreate`), so the same seed still gives the same events. With the
 * default kinds, episodes.ts adds what real clusters see around the faults (a stranded pod deleted,
 * a restart storm before a scale-down), from the stream `chaos/episodes`.
 */

import type { KObject } from '../model/types.ts';
import { type Rng, rngFor } from '../sim/prng.ts';
import { COUPLED_WINDOW_MS, coupledFault } from './coupled.ts';
import { restartStorm, strandedDelete } from './episodes.ts';
import { type ScenarioContents, scenarioKinds } from './kinds.ts';
import { recreatePair } from './recreate.ts';
import { allFaults, getFault, type ScenarioEvent } from './registry.ts';
import type { ChaosContext, ChaosSpec } from './types.ts';

/** What chaos expansion reads of a scenario; the parser's Scenario has these and more. */
export interface ChaosInput extends ScenarioContents {
  readonly seed: number;
  readonly nodes: readonly { readonly name: string }[];
  readonly objects: readonly KObject[];
  readonly events: ScenarioEvent[];
  readonly chaos?: ChaosSpec;
}

/** Kinds drawn when `chaos.kinds` is not given, for the workloads present. */
export function defaultChaosKinds(scenario: ScenarioContents): string[] {
  const controllers = new Set([...scenarioKinds(scenario)].map((k) => k.toLowerCase()));
  return allFaults()
    .filter((f) => f.generate && f.kind !== 'delete-object' && f.appliesTo.some((c) => controllers.has(c)))
    .map((f) => f.kind);
}

/**
 * Most machine failures end: a crash or partition is usually followed by a heal of the same node
 * 30 s to 4 min later, so random runs also exercise recovery instead of mostly dead clusters. With
 * a StatefulSet every failure heals: a pod stuck Terminating on a dead node blocks its identity
 * until someone fences the node (kubernetes#54368), which no claim of convergence covers.
 */
function pairedHeal(ev: ScenarioEvent, rng: Rng, always: boolean): ScenarioEvent | undefined {
  if (ev.do !== 'crash-node' && ev.do !== 'partition-node' && ev.do !== 'shutdown-node') return undefined;
  if (!always && !rng.chance(0.75)) return undefined;
  return { at: ev.at + 30_000 + rng.int(210_000), do: 'heal-node', node: ev.node };
}

/**
 * A finalizer someone adds is removed again when its controller has done its work, 5 s to 3 min
 * later: a pod held for ever blocks its StatefulSet identity, which no claim of convergence covers.
 */
function pairedRelease(ev: ScenarioEvent, rng: Rng): ScenarioEvent | undefined {
  if (ev.do !== 'add-finalizer') return undefined;
  const at = ev.at + 5_000 + rng.int(175_000);
  return ev.finalizer === undefined
    ? { at, do: 'remove-finalizer' }
    : { at, do: 'remove-finalizer', finalizer: ev.finalizer };
}

/**
 * A rollout to pods that end by themselves (evicted at once, or exiting) is fixed 5-60 s later,
 * as the property suites do: with restartPolicy Always a pod ends Succeeded only through its node,
 * and a template whose pods end again and again is a short episode, not a state to settle in.
 */
function pairedFix(ev: ScenarioEvent, rng: Rng): ScenarioEvent | undefined {
  if (ev.do !== 'update-template' || typeof ev.image !== 'string') return undefined;
  const fixed = ev.image.replace(/-(fail|complete)$/, '');
  if (fixed === ev.image) return undefined;
  return { at: ev.at + 5_000 + rng.int(55_000), do: 'update-template', target: ev.target, image: fixed };
}

/** What follows a drawn event: its heal, its finalizer's release or its fix, a fault coupled to it. */
function followers(
  ev: ScenarioEvent,
  kinds: readonly string[],
  ctx: ChaosContext,
  rng: Rng,
  side: Rng,
  hasSet: boolean,
  couple = true,
): ScenarioEvent[] {
  const out: ScenarioEvent[] = [];
  const heal = kinds.includes('heal-node') ? pairedHeal(ev, rng, hasSet) : undefined;
  if (heal) out.push(heal);
  const release = pairedRelease(ev, side) ?? pairedFix(ev, side);
  if (release) out.push(release);
  // A coupled fault gets its own heal, release or fix, but no coupled fault of its own.
  const coupled = couple ? coupledFault(ev, kinds, ctx, side) : undefined;
  if (coupled) out.push(coupled, ...followers(coupled, kinds, ctx, rng, side, hasSet, false));
  return out;
}

export function expandChaos<S extends ChaosInput>(scenario: S): S {
  const chaos = scenario.chaos;
  if (!chaos || chaos.count === 0) return scenario;
  const rng = rngFor(scenario.seed, 'chaos');
  const kinds = (chaos.kinds ?? defaultChaosKinds(scenario)).filter((k) => getFault(k)?.generate);
  if (kinds.length === 0) return { ...scenario, chaos: undefined };
  const ctx: ChaosContext = {
    scenario,
    nodeNames: scenario.nodes.map((n) => n.name),
    targets: scenario.objects
      .filter((o) => ['ReplicaSet', 'DaemonSet', 'StatefulSet', 'Deployment'].includes(o.kind))
      .map((o) => `${o.kind.toLowerCase()}/${o.metadata.name}`),
    at: 0,
  };
  const [from, to] = chaos.between;
  const times = Array.from({ length: chaos.count }, () => from + rng.int(Math.max(1, to - from + 1))).sort(
    (a, b) => a - b,
  );
  const side = rngFor(scenario.seed, 'chaos/coupled');
  // Sometimes the first fault strikes within 100 ms of the workloads' own creation.
  if (from === 0 && side.chance(0.2)) times[0] = side.int(COUPLED_WINDOW_MS + 1);
  const generated: ScenarioEvent[] = [];
  const hasSet = scenario.objects.some((o) => o.kind === 'StatefulSet');
  const episodes = rngFor(scenario.seed, 'chaos/episodes');
  if (chaos.kinds === undefined) generated.push(...restartStorm(ctx, chaos.between, episodes));
  if (chaos.kinds === undefined || chaos.kinds.includes('create-object')) {
    const pair = recreatePair(scenario, chaos.between, rngFor(scenario.seed, 'chaos/recreate'));
    generated.push(...pair, ...pair.flatMap((ev) => followers(ev, kinds, ctx, rng, side, hasSet)));
  }
  for (const at of times) {
    ctx.at = at;
    for (let attempt = 0; attempt < 5; attempt++) {
      const ev = getFault(rng.pick(kinds))!.generate!(ctx, rng);
      if (ev) {
        generated.push(ev, ...followers(ev, kinds, ctx, rng, side, hasSet));
        const stranded = chaos.kinds === undefined ? strandedDelete(ev, ctx, episodes) : undefined;
        if (stranded) generated.push(stranded);
        break;
      }
    }
  }
  const events = [...scenario.events, ...generated].sort((a, b) => a.at - b.at);
  return { ...scenario, events, chaos: undefined };
}
