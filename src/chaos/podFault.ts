/** Shared parts of faults that act on one pod: the reference, its description and generation. */
import type { KObject } from '../model/types.ts';
import type { Container, Machine } from '../sim/machine.ts';
import type { Rng } from '../sim/prng.ts';
import type { World } from '../sim/world.ts';
import { containerOf, podRefText, resolvePod } from './refs.ts';
import type {
  ApplyOutcome,
  ChaosContext,
  EventBase,
  EventFields,
  FaultDef,
  FieldSpecs,
  PodRef,
} from './types.ts';

/** An event of a pod fault: the pod it names plus the fields `F` its kind declares. */
export type PodEvent<K extends string, F> = EventBase<K> & { pod: PodRef } & EventFields<F>;

/** A random pod reference of one of the scenario's workloads (optionally only some kinds). */
export function randomPodRef(ctx: ChaosContext, rng: Rng, skipKinds: readonly string[] = []): PodRef | null {
  const targets = ctx.targets.filter((t) => !skipKinds.includes(t.split('/')[0]!));
  if (targets.length === 0) return null;
  return { owner: rng.pick(targets), index: rng.int(6) };
}

export interface PodFaultSpec<K extends string, F extends FieldSpecs> {
  kind: K;
  summary: { en: string; ko: string };
  /** Fields besides `pod`, declared as data (see FieldSpec); `{}` when there are none. */
  extraFields: F;
  /** A one-line YAML example for the docs; default `{do: <kind>, pod: web-0}` plus nothing. */
  example?: string;
  describeExtra?: (ev: PodEvent<K, F>) => string;
  /** Acts on the resolved pod; `running` is set when a machine really runs it. */
  act(
    world: World,
    ev: PodEvent<K, F>,
    pod: KObject,
    running: { machine: Machine; container: Container } | undefined,
  ): ApplyOutcome;
  /** The declared fields of a drawn event (`() => ({})` when chaos sets none). */
  generateExtra: (rng: Rng, ctx: ChaosContext, pod: PodRef) => EventFields<F>;
  /** Workload kinds (lower-case) whose pods random chaos must not pick for this fault. */
  skipKindsInChaos?: readonly string[];
}

export function podFault<const K extends string, const F extends FieldSpecs>(
  spec: PodFaultSpec<K, F>,
): FaultDef<PodEvent<K, F>> {
  return {
    kind: spec.kind,
    summary: spec.summary,
    appliesTo: ['replicaset', 'daemonset', 'statefulset', 'deployment'],
    fields: {
      pod: { type: 'pod', required: true, doc: 'a pod name, {owner, index} or {owner, node}' },
      ...spec.extraFields,
    },
    example: spec.example ?? `{do: ${spec.kind}, pod: web-0}`,
    describe: (ev) =>
      `${spec.kind} ${podRefText(ev.pod)}${spec.describeExtra ? ` ${spec.describeExtra(ev)}` : ''}`,
    apply(world, ev) {
      const pod = resolvePod(world, ev.pod);
      if (!pod) return { applied: false, reason: `no pod ${podRefText(ev.pod)} exists now` };
      return spec.act(world, ev, pod, containerOf(world, pod));
    },
    generate(ctx, rng) {
      const pod = randomPodRef(ctx, rng, spec.skipKindsInChaos);
      return pod === null ? null : { at: ctx.at, do: spec.kind, pod, ...spec.generateExtra(rng, ctx, pod) };
    },
  };
}
