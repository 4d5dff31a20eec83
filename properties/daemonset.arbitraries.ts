/**
 * Generators for the DaemonSet property suite: the knobs real manifests set (budgets as ints and
 * percentages, minReadySeconds, tolerations, host networking, a nodeSelector), the shared chaos,
 * and the fault classes single events rarely meet: rollouts (sometimes to an image that fails,
 * completes, crash-loops or never turns ready, sometimes reverted), a node whose pods keep failing,
 * and a second fault within 0–100 ms of a join, a template update or a pod failure.
 */
import fc from 'fast-check';
import type { KObject } from '../src/model/types.ts';
import { applyDefaults } from '../src/scenario/manifests.ts';
import type { NodeSpec, Scenario, ScenarioEvent } from '../src/scenario/types.ts';
import { eventArbs, scenarioOf } from './arbitraries.ts';

export const TARGET = 'daemonset/agent';
const SECOND = 1000;
/** Events land on a 5 s grid in the first 3 minutes, so faults coincide often enough to matter. */
const at = fc.integer({ min: 0, max: 36 }).map((t) => t * 5 * SECOND);

/** 1–4 nodes; odd ones carry `tier=edge`, which a nodeSelector may require. */
const nodesArb: fc.Arbitrary<NodeSpec[]> = fc.integer({ min: 1, max: 4 }).map((n) =>
  Array.from({ length: n }, (_, i) => ({
    name: `node-${i + 1}`,
    labels: (i % 2 === 0 ? { tier: 'edge' } : {}) as Record<string, string>,
    taints: [],
    unschedulable: false,
    podCapacity: 110,
  })),
);

/** OnDelete, or RollingUpdate with budgets as ints and percentages (rounded up for DaemonSets). */
const strategyArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ type: 'OnDelete' }) },
  {
    weight: 6,
    arbitrary: fc
      .constantFrom<[number | string | undefined, number | string | undefined]>(
        [undefined, undefined],
        [1, 0],
        [2, 0],
        ['50%', 0],
        ['25%', '0%'],
        ['34%', 0],
        [0, 1],
        [0, '50%'],
        [0, '100%'],
        [1, 1],
        [2, '25%'],
      )
      .map(([maxUnavailable, maxSurge]) => ({
        type: 'RollingUpdate',
        rollingUpdate: {
          ...(maxUnavailable === undefined ? {} : { maxUnavailable }),
          ...(maxSurge === undefined ? {} : { maxSurge }),
        },
      })),
  },
);

export interface DaemonKnobs {
  strategy: object;
  /** Where the template asks to run: anywhere, `tier=edge` by nodeSelector, or by required affinity. */
  edgeOnly: boolean;
  byAffinity: boolean;
  minReadySeconds: number;
  hostNetwork: boolean;
  /** Tolerate the suite's user taints: none, the NoSchedule one, or every effect of both keys. */
  tolerate: 'none' | 'dedicated' | 'all';
}

const knobsArb: fc.Arbitrary<DaemonKnobs> = fc.record({
  strategy: strategyArb,
  edgeOnly: fc.boolean(),
  byAffinity: fc.boolean(),
  minReadySeconds: fc.constantFrom(0, 0, 0, 5, 10),
  hostNetwork: fc.boolean(),
  tolerate: fc.constantFrom('none', 'none', 'dedicated', 'all'),
});

const TOLERATIONS = {
  none: [],
  dedicated: [{ key: 'example.com/dedicated', operator: 'Exists', effect: 'NoSchedule' }],
  all: [
    { key: 'example.com/dedicated', operator: 'Exists' },
    { key: 'example.com/maintenance', operator: 'Exists' },
  ],
};

/** Required node affinity for `tier=edge` (the controller replaces it by a node-name term per pod). */
const EDGE_AFFINITY = {
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['edge'] }] }],
    },
  },
};

export function daemonSet(k: DaemonKnobs): KObject {
  return applyDefaults({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      updateStrategy: k.strategy,
      minReadySeconds: k.minReadySeconds,
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: {
          ...(k.edgeOnly && !k.byAffinity ? { nodeSelector: { tier: 'edge' } } : {}),
          ...(k.edgeOnly && k.byAffinity ? { affinity: EDGE_AFFINITY } : {}),
          ...(k.hostNetwork ? { hostNetwork: true } : {}),
          ...(k.tolerate === 'none' ? {} : { tolerations: TOLERATIONS[k.tolerate] }),
          containers: [{ name: 'agent', image: 'registry.local/agent:v1' }],
        },
      },
    },
  });
}

const ev = <T extends object>(t: fc.Arbitrary<number>, kind: string, fields: fc.Arbitrary<T>) =>
  fc.tuple(t, fields).map(([a, f]) => ({ at: a, do: kind, ...f }) as ScenarioEvent);

/** DaemonSet-specific single events on top of the shared ones. */
function singleArbs(nodes: string[]): fc.Arbitrary<ScenarioEvent>[] {
  const shared = eventArbs(nodes, [TARGET], 180 * SECOND);
  const node = fc.constantFrom(...nodes, 'node-5');
  const taint = fc.record({
    key: fc.constantFrom('example.com/dedicated', 'example.com/maintenance'),
    effect: fc.constantFrom('NoSchedule', 'PreferNoSchedule', 'NoExecute'),
  });
  const pod = fc.record({ owner: fc.constant(TARGET), node: fc.constantFrom(...nodes) });
  return [
    ev(
      at,
      'add-node',
      fc.record({ node: fc.constantFrom('node-5', 'node-6'), labels: fc.constantFrom({}, { tier: 'edge' }) }),
    ),
    ev(at, 'remove-node', fc.record({ node })),
    ev(at, 'crash-node', fc.record({ node })),
    ev(at, 'partition-node', fc.record({ node })),
    ev(at, 'heal-node', fc.record({ node })),
    ev(at, 'cordon-node', fc.record({ node })),
    ev(at, 'uncordon-node', fc.record({ node })),
    ev(at, 'drain-node', fc.record({ node })),
    ev(at, 'label-node', fc.record({ node, labels: fc.constantFrom({ tier: 'edge' }, { tier: null }) })),
    ev(at, 'taint-node', fc.record({ node, taint })),
    ev(at, 'untaint-node', fc.record({ node, taint })),
    ev(at, 'crash-pod', fc.record({ pod })),
    ev(at, 'fail-pod', fc.record({ pod })),
    ev(at, 'delete-pod', fc.record({ pod })),
    // Relabelled away, the pod must be released and replaced; relabelled back, it may be re-adopted.
    ev(
      at,
      'relabel-pod',
      fc.record({ pod, labels: fc.constantFrom({ app: 'quarantine' }, { app: 'agent' }) }),
    ),
    ev(at, 'restart-controller', fc.record({ controller: fc.constant('daemonset') })),
    // Below the 5-minute expectations timeout (kubernetes#129795 is out of scope here).
    ev(
      at,
      'delay-watch',
      fc.record({
        controller: fc.constant('daemonset'),
        for: fc.integer({ min: 1, max: 120 }).map((s) => `${s}s`),
      }),
    ),
    shared['fail-api']!,
  ];
}

/** How the application of a new template behaves (kubeprop.io/behavior, podBehavior.ts). */
const behaviorArb = fc.constantFrom('normal', 'normal', 'fail', 'complete', 'crashloop', 'never-ready');

/**
 * A rollout: a new image, sometimes one whose pods fail, complete, crash-loop or never turn ready,
 * and sometimes a fix rolled out 5–60 s later (back to a normal application).
 */
function rolloutArb(): fc.Arbitrary<ScenarioEvent[]> {
  return fc
    .tuple(at, behaviorArb, fc.option(fc.integer({ min: 5, max: 60 }), { nil: undefined }))
    .map(([t, behavior, fixAfter]) => {
      const update = (a: number, image: string, b: string): ScenarioEvent => ({
        at: a,
        do: 'update-template',
        target: TARGET,
        image,
        ...(b === 'normal' ? {} : { patch: { metadata: { annotations: { 'kubeprop.io/behavior': b } } } }),
      });
      const out = [update(t, 'registry.local/agent:v2', behavior)];
      // A template whose application exits 0 crash-loops (restartPolicy Always: the kubelet
      // restarts it with back-off; pods end Succeeded only through a node shutdown, shutdownArb).
      // It stays a short episode, always fixed, as the suite's run counts were measured with.
      const fix = behavior === 'complete' ? (fixAfter ?? 30) : fixAfter;
      if (fix !== undefined && behavior !== 'normal')
        out.push({
          at: t + fix * SECOND,
          do: 'update-template',
          target: TARGET,
          image: 'registry.local/agent:v3',
          patch: { metadata: { annotations: { 'kubeprop.io/behavior': 'normal' } } },
        });
      return out;
    });
}

/** A node whose daemon pod keeps failing: `fail-pod` again and again, 2–6 s apart. */
function failingNodeArb(nodes: string[]): fc.Arbitrary<ScenarioEvent[]> {
  return fc
    .tuple(at, fc.constantFrom(...nodes), fc.integer({ min: 3, max: 8 }), fc.integer({ min: 2, max: 6 }))
    .map(([t, node, times, gap]) =>
      Array.from({ length: times }, (_, i) => ({
        at: t + i * gap * SECOND,
        do: 'fail-pod',
        pod: { owner: TARGET, node },
      })),
    );
}

/** A graceful node shutdown (its pods end Succeeded, or Failed), then the node comes back. */
function shutdownArb(nodes: string[]): fc.Arbitrary<ScenarioEvent[]> {
  return fc
    .tuple(
      at,
      fc.constantFrom(...nodes),
      fc.constantFrom('Succeeded', 'Succeeded', 'Failed'),
      fc.integer({ min: 20, max: 90 }),
    )
    .map(([t, node, phase, back]) => [
      { at: t, do: 'shutdown-node', node, phase },
      { at: t + back * SECOND, do: 'heal-node', node },
    ]);
}

/** The kubelet rejects every pod for a while (admission), after the running pod failed. */
function rejectArb(nodes: string[]): fc.Arbitrary<ScenarioEvent[]> {
  // Short spells: with maxSurge a rejected node collects Failed pods (one per sync, deleted one
  // per back-off), as on a real cluster; long spells only make runs slow.
  return fc.tuple(at, fc.constantFrom(...nodes), fc.integer({ min: 5, max: 30 })).map(([t, node, secs]) => [
    { at: t, do: 'reject-pods', node, reason: 'OutOfcpu', for: `${secs}s` },
    { at: t, do: 'fail-pod', pod: { owner: TARGET, node } },
  ]);
}

/** Another controller's finalizer on a daemon pod that then ends or is deleted, released later. */
function finalizerArb(nodes: string[]): fc.Arbitrary<ScenarioEvent[]> {
  return fc
    .tuple(
      at,
      fc.constantFrom(...nodes),
      fc.constantFrom('fail-pod', 'delete-pod'),
      // Sometimes never released: the finished pod's object stays to the end, and the node must
      // still get its replacement beside it (kubernetes#118716).
      fc.option(fc.integer({ min: 20, max: 90 }), { nil: undefined }),
    )
    .map(([t, node, end, release]): ScenarioEvent[] => [
      { at: t, do: 'add-finalizer', pod: { owner: TARGET, node }, finalizer: 'example.com/backup' },
      { at: t + 5 * SECOND, do: end, pod: { owner: TARGET, node } },
      ...(release === undefined
        ? []
        : [{ at: t + release * SECOND, do: 'remove-finalizer' as const, finalizer: 'example.com/backup' }]),
    ]);
}

/** A join, a template update or a pod failure, and a second fault 0–100 ms later. */
function coupledArb(nodes: string[]): fc.Arbitrary<ScenarioEvent[]> {
  const pod = fc.record({ owner: fc.constant(TARGET), node: fc.constantFrom(...nodes) });
  // The first fault as a group (a rollout keeps its fix); the second lands after its first event.
  const first = fc.oneof(
    ev(at, 'add-node', fc.record({ node: fc.constant('node-5'), labels: fc.constant({ tier: 'edge' }) })).map(
      (e) => [e],
    ),
    rolloutArb(),
    ev(at, 'fail-pod', fc.record({ pod })).map((e) => [e]),
  );
  const node = fc.constantFrom(...nodes, 'node-5');
  const second = fc.oneof(
    fc.record({ do: fc.constant('remove-node'), node }),
    fc.record({
      do: fc.constant('taint-node'),
      node,
      taint: fc.record({
        key: fc.constant('example.com/maintenance'),
        effect: fc.constantFrom('NoSchedule', 'NoExecute'),
      }),
    }),
    fc.record({ do: fc.constant('partition-node'), node }),
    fc.record({ do: fc.constant('label-node'), node, labels: fc.constant({ tier: null }) }),
    fc.record({ do: fc.constant('restart-controller'), controller: fc.constant('daemonset') }),
    fc.record({ do: fc.constant('delete-pod'), pod: fc.record({ owner: fc.constant(TARGET), node }) }),
  );
  return fc
    .tuple(first, second, fc.integer({ min: 0, max: 100 }))
    .map(([a, b, lag]) => [...a, { ...b, at: a[0]!.at + lag } as ScenarioEvent]);
}

/**
 * The kubernetes#54096 setting: a node joins, the controller's watch stalls just after it created the
 * pod there (a few ms later), and the controller restarts while the watch is still stalled.
 */
const staleRestartArb: fc.Arbitrary<ScenarioEvent[]> = fc
  .tuple(
    at,
    fc.integer({ min: 0, max: 80 }),
    fc.integer({ min: 30, max: 120 }),
    fc.integer({ min: 3, max: 25 }),
  )
  .map(([t, lagMs, stall, restart]) => [
    { at: t, do: 'add-node', node: 'node-5', labels: { tier: 'edge' } },
    { at: t + lagMs, do: 'delay-watch', controller: 'daemonset', for: `${stall}s` },
    { at: t + restart * SECOND, do: 'restart-controller', controller: 'daemonset' },
  ]);

function planArb(nodes: string[]): fc.Arbitrary<ScenarioEvent[]> {
  const single = fc.oneof(...singleArbs(nodes)).map((e) => [e]);
  return fc
    .array(
      fc.oneof(
        { weight: 10, arbitrary: single },
        { weight: 3, arbitrary: rolloutArb() },
        { weight: 1, arbitrary: failingNodeArb(nodes) },
        { weight: 1, arbitrary: shutdownArb(nodes) },
        { weight: 1, arbitrary: rejectArb(nodes) },
        { weight: 1, arbitrary: finalizerArb(nodes) },
        { weight: 2, arbitrary: coupledArb(nodes) },
        { weight: 1, arbitrary: staleRestartArb },
      ),
      { maxLength: 6 },
    )
    .map((groups) => groups.flat().sort((a, b) => a.at - b.at));
}

/** A whole scenario for the DaemonSet controller `variant`. */
export function daemonScenarioArb(variant: string): fc.Arbitrary<Scenario> {
  return fc
    .record({ nodes: nodesArb, knobs: knobsArb, seed: fc.integer({ min: 1, max: 1_000_000 }) })
    .chain((base) =>
      planArb(base.nodes.map((n) => n.name)).map((events) => {
        const s = scenarioOf({
          name: 'daemonset-property',
          seed: base.seed,
          nodes: base.nodes,
          objects: [daemonSet(base.knobs)],
          events,
          settleMs: 420 * SECOND,
          controllers: { daemonset: variant },
        });
        return { ...s, sim: { ...s.sim, keepTrace: false } };
      }),
    );
}

/**
 * Which invariant must catch each mutant: the claim its bug breaks, so a mutant caught only by a
 * side effect (a stale status) does not count (the property suite checks the table is complete).
 */
export const CAUGHT_BY: Record<string, string> = {
  'ignores-taints': 'daemonset.placement',
  'initial-nodes-only': 'daemonset.coverage',
  'replaces-terminating': 'daemonset.one-per-node',
  'no-auto-tolerations': 'daemonset.placement',
  'noschedule-evicts': 'daemonset.placement',
  'stale-restart': 'daemonset.one-per-node',
  'ignores-max-unavailable': 'daemonset.rollout-budget',
  'ignores-max-surge': 'daemonset.rollout-budget',
  'keeps-succeeded': 'daemonset.replaces-terminal',
  'no-failed-backoff': 'daemonset.failed-pod-backoff',
};
