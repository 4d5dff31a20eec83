/**
 * Short episodes real clusters see, drawn around the independent faults, from the stream
 * `chaos/episodes` (so the base draws of a seed stay as they were):
 * - a pod stranded on a node that crashed or was partitioned is deleted by a user 5-25 s later,
 *   before the node heals: the pod stays Terminating, its identity taken (kubernetes#54368);
 * - a restart storm: a few pods of a workload crash once or several times (an OOM wave, a bad
 *   config reload), then the workload is scaled down while their restart counts still differ.
 */
import type { Rng } from '../sim/prng.ts';
import type { ScenarioEvent } from './registry.ts';
import type { ChaosContext } from './types.ts';

const STRANDED_DELETE_CHANCE = 0.3;
const STORM_CHANCE = 0.5;
/** Crashes of one pod are this far apart: the kubelet's back-off (10 s, 20 s...) has restarted it. */
const CRASH_SPACING_MS = 45_000;

/** Maybe a user's delete of the workload's pod on a node that just went away. */
export function strandedDelete(ev: ScenarioEvent, ctx: ChaosContext, rng: Rng): ScenarioEvent | undefined {
  if (ev.do !== 'crash-node' && ev.do !== 'partition-node') return undefined;
  if (ctx.targets.length === 0 || !rng.chance(STRANDED_DELETE_CHANCE)) return undefined;
  return {
    at: ev.at + 5_000 + rng.int(20_001),
    do: 'delete-pod',
    pod: { owner: rng.pick(ctx.targets), node: ev.node },
  };
}

/**
 * Maybe a restart storm at a random time in `between`, and a scale-down of the same workload while
 * its pods are still in crash back-off: they are all not Ready, so what tells them apart when the
 * ReplicaSet picks victims is how often they restarted (ready time only ranks Ready pods).
 */
export function restartStorm(
  ctx: ChaosContext,
  between: readonly [number, number],
  rng: Rng,
): ScenarioEvent[] {
  const scalable = ctx.targets.filter((t) => !t.startsWith('daemonset/'));
  if (scalable.length === 0 || !rng.chance(STORM_CHANCE)) return [];
  const owner = rng.pick(scalable);
  const start = between[0] + rng.int(Math.max(1, between[1] - between[0] + 1));
  const out: ScenarioEvent[] = [];
  const rounds = 3;
  // Pods crash 1-3 times, the last crash of each in the same round.
  for (let index = 0, n = rng.between(2, 5); index < n; index++) {
    for (let k = rounds - rng.between(1, rounds); k < rounds; k++)
      out.push({ at: start + k * CRASH_SPACING_MS + rng.int(500), do: 'crash-pod', pod: { owner, index } });
  }
  const last = start + (rounds - 1) * CRASH_SPACING_MS + 500;
  out.push({
    at: last + 500 + rng.int(7_501),
    do: 'scale',
    target: owner,
    replicas: rng.between(1, 3),
  });
  return out;
}
