/**
 * fast-check arbitraries shared by the property suites: clusters, workload manifests and fault
 * plans. Everything is plain data (so counterexamples shrink) and goes through the same parsing
 * defaults as scenario files, so a property run is a scenario like any other.
 */
import fc from 'fast-check';
import { allFaults } from '../src/chaos/registry.ts';
import type { KObject } from '../src/model/types.ts';
import { applyDefaults } from '../src/scenario/manifests.ts';
import {
  DEFAULT_SIM_OPTIONS,
  type NodeSpec,
  type Scenario,
  type ScenarioEvent,
} from '../src/scenario/types.ts';

/** 1–5 nodes named node-1.., spread over up to two zones. */
export const clusterArb: fc.Arbitrary<NodeSpec[]> = fc.integer({ min: 1, max: 5 }).map((n) =>
  Array.from({ length: n }, (_, i) => ({
    name: `node-${i + 1}`,
    labels: { 'topology.kubernetes.io/zone': i % 2 === 0 ? 'zone-a' : 'zone-b' },
    taints: [],
    unschedulable: false,
    podCapacity: 110,
  })),
);

/** `n` plain nodes named node-1..node-n (benchmarks and fixed scenarios). */
export function plainNodes(n: number, podCapacity = 110): NodeSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `node-${i + 1}`,
    labels: {},
    taints: [],
    unschedulable: false,
    podCapacity,
  }));
}

/** A ReplicaSet manifest with Kubernetes defaults applied. */
export function replicaSet(name: string, replicas: number, app = 'web', minReadySeconds = 0): KObject {
  return applyDefaults({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: {
      replicas,
      minReadySeconds,
      selector: { matchLabels: { app } },
      template: {
        metadata: { labels: { app } },
        spec: { containers: [{ name: 'app', image: 'registry.local/app:v1' }] },
      },
    },
  });
}

/** A bare pod matching `app` (an orphan that a ReplicaSet may adopt). */
export function orphanPod(name: string, app = 'web'): KObject {
  return applyDefaults({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app } },
    spec: { containers: [{ name: 'app', image: 'registry.local/app:v1' }] },
  });
}

const SECOND = 1000;

/** Event arbitraries by kind, for a cluster of `nodes` and workloads `targets` (`<kind>/<name>`). */
export function eventArbs(
  nodes: string[],
  targets: string[],
  maxAtMs: number,
): Record<string, fc.Arbitrary<ScenarioEvent>> {
  const at = fc.integer({ min: 0, max: Math.floor(maxAtMs / 100) }).map((t) => t * 100);
  const node = fc.constantFrom(...nodes, 'node-9');
  const target = fc.constantFrom(...targets);
  const pod = fc.record({ owner: target, index: fc.integer({ min: 0, max: 5 }) });
  const ev = <T extends object>(kind: string, fields: fc.Arbitrary<T>) =>
    fc.tuple(at, fields).map(([t, f]) => ({ at: t, do: kind, ...f }) as ScenarioEvent);
  const taint = fc.record({
    key: fc.constant('kubeprop.io/maintenance'),
    value: fc.constant('true'),
    effect: fc.constantFrom('NoSchedule', 'NoExecute'),
  });
  return {
    'add-node': ev('add-node', fc.record({ node })),
    'remove-node': ev('remove-node', fc.record({ node })),
    'crash-node': ev('crash-node', fc.record({ node })),
    'partition-node': ev('partition-node', fc.record({ node })),
    'heal-node': ev('heal-node', fc.record({ node })),
    'cordon-node': ev('cordon-node', fc.record({ node })),
    'uncordon-node': ev('uncordon-node', fc.record({ node })),
    'drain-node': ev('drain-node', fc.record({ node })),
    'taint-node': ev('taint-node', fc.record({ node, taint })),
    'untaint-node': ev('untaint-node', fc.record({ node, taint })),
    'crash-pod': ev('crash-pod', fc.record({ pod })),
    'fail-pod': ev('fail-pod', fc.record({ pod })),
    'delete-pod': ev('delete-pod', fc.record({ pod })),
    'unready-pod': ev(
      'unready-pod',
      fc.record({ pod, for: fc.integer({ min: 1, max: 90 }).map((s) => s * SECOND) }),
    ),
    'relabel-pod': ev(
      'relabel-pod',
      fc.record({ pod, labels: fc.constantFrom({ app: 'quarantine' }, { app: 'web' }) }),
    ),
    scale: ev('scale', fc.record({ target, replicas: fc.integer({ min: 0, max: 8 }) })),
    'restart-controller': ev('restart-controller', fc.record({ controller: fc.constant('replicaset') })),
    // Below the 5-minute expectations timeout: beyond it real Kubernetes over-creates (#129795).
    'delay-watch': ev(
      'delay-watch',
      fc.record({ for: fc.integer({ min: 1, max: 120 }).map((s) => s * SECOND) }),
    ),
    'fail-api': ev(
      'fail-api',
      fc.record({
        verb: fc.constantFrom('create', 'delete', 'patch', 'update'),
        count: fc.integer({ min: 1, max: 3 }),
      }),
    ),
    // Persistent and repeated failure (issue #11): a kubelet rejecting pods at admission, a
    // graceful shutdown ending pods Succeeded or Failed, a finalizer holding a pod, a rollout to an
    // application that crash-loops or never becomes ready.
    'reject-pods': ev(
      'reject-pods',
      fc.record({
        node,
        reason: fc.constantFrom('OutOfcpu', 'OutOfmemory', 'UnexpectedAdmissionError'),
        count: fc.integer({ min: 1, max: 6 }),
      }),
    ),
    'shutdown-node': ev('shutdown-node', fc.record({ node, phase: fc.constantFrom('Succeeded', 'Failed') })),
    'add-finalizer': ev('add-finalizer', fc.record({ pod })),
    'remove-finalizer': ev('remove-finalizer', fc.record({})),
    'update-template': ev(
      'update-template',
      fc.record({
        target,
        image: fc.constantFrom(
          'registry.local/app:v1',
          'registry.local/app:v2',
          'registry.local/app:v2-crashloop',
          'registry.local/app:v2-never-ready',
        ),
      }),
    ),
  };
}

/** The kinds issue #11 found no generator drew: suites add them to their plans. */
export const PERSISTENT_FAILURE_KINDS = [
  'reject-pods',
  'shutdown-node',
  'add-finalizer',
  'remove-finalizer',
  'update-template',
] as const;

/**
 * The fault kinds of the chaos registry that are meaningful for `controller` (FaultDef.appliesTo),
 * less those a suite draws elsewhere or leaves out, each with the reason: a fault added to the
 * registry joins the plans by itself, and faultPlanArb fails until someone writes its generator.
 */
export function registryKinds(controller: string, leftOut: Record<string, string>): string[] {
  return allFaults()
    .filter((f) => (f.appliesTo as readonly string[]).includes(controller) && !(f.kind in leftOut))
    .map((f) => f.kind);
}

/** A fault plan: up to `max` events of the given kinds, sorted by time (stable). */
export function faultPlanArb(
  arbs: Record<string, fc.Arbitrary<ScenarioEvent>>,
  kinds: string[],
  max: number,
): fc.Arbitrary<ScenarioEvent[]> {
  const missing = kinds.filter((k) => !arbs[k]);
  if (missing.length > 0) throw new Error(`no event generator for fault kinds ${missing.join(', ')}`);
  return fc
    .array(fc.oneof(...kinds.map((k) => arbs[k]!)), { maxLength: max })
    .map((events) => [...events].sort((a, b) => a.at - b.at));
}

export interface ScenarioParts {
  name: string;
  seed: number;
  nodes: NodeSpec[];
  objects: KObject[];
  events: ScenarioEvent[];
  settleMs: number;
  controllers?: Scenario['controllers'];
}

/** A complete Scenario from its parts (short stability window: property runs must be cheap). */
export function scenarioOf(p: ScenarioParts): Scenario {
  return {
    name: p.name,
    description: 'generated by a property test',
    seed: p.seed,
    nodes: p.nodes,
    objects: p.objects,
    events: p.events,
    settleMs: p.settleMs,
    controllers: p.controllers ?? {},
    sim: { ...DEFAULT_SIM_OPTIONS, stabilityMs: 30_000 },
  };
}

/** One readable line per event: how a shrunk counterexample is printed. */
export function describePlan(events: readonly ScenarioEvent[]): string {
  return events
    .map((e) => {
      const { at, do: kind, ...rest } = e;
      const fields = Object.entries(rest)
        .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
        .join(' ');
      return `  at ${(at / 1000).toFixed(1)}s ${kind} ${fields}`;
    })
    .join('\n');
}
