/**
 * Hand-built RunResults that look like real runs, for the reporter tests (until runScenario lands).
 *
 * The main one is the textbook StatefulSet failure (kubernetes#54368): node-a is partitioned while
 * it runs web-0; after taint eviction only marks web-0 Terminating, someone force-deletes it; the
 * controller creates a new web-0 on node-b while node-a still runs the old one, and
 * statefulset.at-most-one breaks.
 */
import type { KObject } from '../../src/model/types.ts';
import type { MachineGraph, ReportSources } from '../../src/report/sources.ts';
import type { InvariantResult, MachineVisit, RunResult } from '../../src/run/types.ts';
import { DEFAULT_SIM_OPTIONS, type Scenario } from '../../src/scenario/types.ts';
import type { TraceEvent, TraceKind } from '../../src/trace/types.ts';

/** Builds a trace: each `at` starts a new step at that simulated time. */
class TraceBuilder {
  readonly events: TraceEvent[] = [];
  private step = 0;
  private now = 0;

  at(ms: number): this {
    this.step++;
    this.now = ms;
    return this;
  }

  ev(kind: TraceKind, actor: string, text: string, objects?: string[]): this {
    const e: TraceEvent = { step: this.step, atMs: this.now, kind, actor, text };
    if (objects) e.objects = objects;
    this.events.push(e);
    return this;
  }

  get lastStep(): number {
    return this.step;
  }
}

function meta(name: string, extra: Record<string, unknown> = {}): KObject['metadata'] {
  return {
    name,
    namespace: 'default',
    uid: `uid-${name}`,
    resourceVersion: '1',
    generation: 1,
    creationTimestamp: '1970-01-01T00:00:00Z',
    ...extra,
  };
}

/** The StatefulSet `web` of the fixture (3 replicas, one PVC template). */
export function webStatefulSet(name = 'web', labels: Record<string, string> = { app: 'web' }): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta(name, { labels }),
    spec: {
      replicas: 3,
      serviceName: name,
      podManagementPolicy: 'OrderedReady',
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.8' }] },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      ],
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    },
  };
}

function scenarioOf(objects: KObject[], nodes: string[]): Scenario {
  return {
    name: 'hotel-statefulset-partition',
    description:
      'A hotel with three numbered rooms. The node holding room 0 loses contact with the control plane, and an operator force-deletes the stuck Pod.',
    seed: 42,
    nodes: nodes.map((name) => ({
      name,
      labels: { 'kubernetes.io/hostname': name },
      taints: [],
      unschedulable: false,
      podCapacity: 110,
    })),
    objects,
    events: [
      { at: 30_000, do: 'partition-node', node: nodes[0] },
      { at: 400_000, do: 'delete-pod', pod: 'web-0', force: true },
      { at: 460_000, do: 'heal-node', node: nodes[0] },
    ],
    settleMs: 600_000,
    controllers: { statefulset: 'correct' },
    sim: DEFAULT_SIM_OPTIONS,
    source: 'scenarios/statefulset-partition.yaml',
  };
}

/** Starts pod `pod` (ordinal i) on `node`: create, bind, run, ready. */
function startPod(b: TraceBuilder, atMs: number, pod: string, node: string): void {
  const ctl = 'statefulset-controller';
  b.at(atMs).ev('controller', ctl, 'state Syncing -> WaitingReady (CREATED)', ['statefulset/web']);
  b.ev('create', ctl, `create pvc/data-${pod}`, [`pvc/data-${pod}`]);
  b.ev('create', ctl, `create pod/${pod} node=-`, [`pod/${pod}`, 'statefulset/web']);
  b.at(atMs + 8).ev('schedule', 'scheduler', `bind pod/${pod} node=${node}`, [`pod/${pod}`, `node/${node}`]);
  b.at(atMs + 1508).ev('kubelet', `kubelet/${node}`, `start pod/${pod} phase=Running node=${node}`, [
    `pod/${pod}`,
  ]);
  b.at(atMs + 2508).ev('status', `kubelet/${node}`, `status pod/${pod} phase=Running ready=true`, [
    `pod/${pod}`,
  ]);
  b.ev('controller', ctl, 'state WaitingReady -> Syncing (POD_READY)', ['statefulset/web']);
}

function partitionTrace(nodes: string[]): { b: TraceBuilder; violationStep: number } {
  const [a, bn, c] = nodes as [string, string, string];
  const b = new TraceBuilder();
  const ctl = 'statefulset-controller';
  b.at(0).ev('create', 'user', 'create statefulset/web replicas=3', ['statefulset/web']);
  b.at(4).ev('controller', ctl, 'state Idle -> Syncing (SYNC)', ['statefulset/web']);
  startPod(b, 10, 'web-0', a);
  startPod(b, 2530, 'web-1', bn);
  startPod(b, 5050, 'web-2', c);
  b.at(7570).ev('controller', ctl, 'state Syncing -> Idle (DONE)', ['statefulset/web']);
  b.at(30_000).ev('fault', 'user', `partition-node ${a}`, [`node/${a}`]);
  b.at(80_000).ev(
    'node',
    'node-lifecycle',
    `node/${a} Ready=Unknown taint=node.kubernetes.io/unreachable:NoExecute`,
    [`node/${a}`],
  );
  b.ev('update', 'node-lifecycle', 'mark pod/web-0 ready=false', ['pod/web-0']);
  b.at(80_020).ev('controller', ctl, 'state Idle -> Syncing (SYNC)', ['statefulset/web']);
  b.ev('controller', ctl, 'web: web-0 is not Ready; wait before touching higher ordinals', [
    'statefulset/web',
    'pod/web-0',
  ]);
  b.at(380_000).ev('delete', 'taint-eviction', 'delete pod/web-0 terminating grace=30s', ['pod/web-0']);
  b.at(380_012).ev('controller', ctl, 'state Syncing -> WaitingDelete (DELETED)', [
    'statefulset/web',
    'pod/web-0',
  ]);
  b.ev('info', ctl, 'web: web-0 is Terminating on an unreachable node; no replacement until it is gone', [
    'pod/web-0',
  ]);
  b.at(400_000).ev('fault', 'user', 'delete-pod web-0 force', ['pod/web-0']);
  b.ev('delete', 'user', 'remove pod/web-0 force=true', ['pod/web-0']);
  b.at(400_015).ev('controller', ctl, 'state WaitingDelete -> Syncing (POD_GONE)', ['statefulset/web']);
  b.ev('controller', ctl, 'web: ordinal 0 is missing; create web-0', ['statefulset/web', 'pod/web-0']);
  b.ev('create', ctl, 'create pod/web-0 node=-', ['pod/web-0', 'statefulset/web']);
  b.at(400_023).ev('schedule', 'scheduler', `bind pod/web-0 node=${bn}`, ['pod/web-0', `node/${bn}`]);
  b.at(401_523).ev('kubelet', `kubelet/${bn}`, `start pod/web-0 phase=Running node=${bn}`, ['pod/web-0']);
  b.ev('violation', 'checker', `statefulset.at-most-one: web-0 runs on ${a} (unreachable) and ${bn}`, [
    'pod/web-0',
    `node/${a}`,
    `node/${bn}`,
  ]);
  const violationStep = b.lastStep;
  b.at(402_523).ev('status', `kubelet/${bn}`, 'status pod/web-0 phase=Running ready=true', ['pod/web-0']);
  b.at(460_000).ev('fault', 'user', `heal-node ${a}`, [`node/${a}`]);
  b.ev('node', 'node-lifecycle', `node/${a} Ready=True`, [`node/${a}`]);
  b.at(460_010).ev('kubelet', `kubelet/${a}`, 'kill pod/web-0 stopped (its object is gone)', ['pod/web-0']);
  return { b, violationStep };
}

const STS_VISITS: Array<[string, string, string, number]> = [
  ['Idle', 'SYNC', 'Syncing', 2],
  ['Syncing', 'CREATED', 'WaitingReady', 3],
  ['WaitingReady', 'POD_READY', 'Syncing', 3],
  ['Syncing', 'DONE', 'Idle', 1],
  ['Syncing', 'DELETED', 'WaitingDelete', 1],
  ['WaitingDelete', 'POD_GONE', 'Syncing', 1],
];

function stsInvariants(violationStep: number, a: string, b: string): InvariantResult[] {
  const held = (id: string, kind: 'safety' | 'liveness'): InvariantResult => ({
    id,
    kind,
    status: 'held',
    violations: [],
  });
  return [
    {
      id: 'statefulset.at-most-one',
      kind: 'safety',
      status: 'violated',
      violations: [
        {
          atMs: 401_523,
          step: violationStep,
          message: `web-0 runs on ${a} (unreachable) and ${b}`,
          objects: ['pod/web-0', `node/${a}`, `node/${b}`],
        },
      ],
    },
    held('statefulset.ordered-ready', 'safety'),
    held('statefulset.stable-identity', 'safety'),
    held('statefulset.volume-retention', 'safety'),
    held('statefulset.partition', 'safety'),
    held('ownership.single-controller', 'safety'),
    held('workload.converges', 'liveness'),
    held('status.consistent', 'liveness'),
    { id: 'replicaset.exact-replicas', kind: 'liveness', status: 'not-applicable', violations: [] },
  ];
}

/** The partitioned-StatefulSet run (outcome "violation"); node names can be overridden. */
export function statefulSetPartitionRun(
  nodes: string[] = ['node-a', 'node-b', 'node-c'],
  sts = webStatefulSet(),
): RunResult {
  const { b, violationStep } = partitionTrace(nodes);
  const [a, bn, c] = nodes as [string, string, string];
  const visits: MachineVisit[] = STS_VISITS.map(([from, event, to, count]) => ({
    controller: 'statefulset',
    from,
    event,
    to,
    count,
  }));
  const pod = (name: string, node: string) => ({
    name,
    node,
    phase: 'Running',
    ready: true,
    terminating: false,
    owner: 'statefulset/web',
    restarts: 0,
  });
  return {
    scenario: scenarioOf([sts], nodes),
    seed: 42,
    toolkitVersion: '0.1.0',
    traceDigest: '9f2c4e1a7b3d5f6e8a0c2e4f6a8b0d2e4f6a8c0e2a4c6e8f0a2c4e6a8c0e2f4a',
    outcome: 'violation',
    invariants: stsInvariants(violationStep, a, bn),
    events: b.events,
    final: {
      nodes: nodes.map((name) => ({
        name,
        ready: 'True',
        up: true,
        reachable: true,
        unschedulable: false,
        taints: [],
      })),
      pods: [pod('web-0', bn), pod('web-1', bn), pod('web-2', c)],
      workloads: [
        {
          kind: 'StatefulSet',
          name: 'web',
          spec: sts.spec,
          status: { replicas: 3, readyReplicas: 3, currentReplicas: 3 },
        },
      ],
      pvcs: ['web-0', 'web-1', 'web-2'].map((p) => ({
        name: `data-${p}`,
        phase: 'Bound',
        volume: `pv-data-${p}`,
        terminating: false,
      })),
    },
    machines: visits,
    expectMet: true,
    expectProblems: [],
    endMs: 1_060_000,
    steps: b.lastStep,
  };
}

/** A passing run: the same cluster without the force delete (nothing broke). */
export function statefulSetPassRun(): RunResult {
  const r = statefulSetPartitionRun();
  const cut = r.events.findIndex((e) => e.text.startsWith('delete-pod'));
  return {
    ...r,
    outcome: 'pass',
    events: r.events.slice(0, cut),
    invariants: r.invariants.map((i) => ({
      ...i,
      status: i.status === 'violated' ? 'held' : i.status,
      violations: [],
    })),
  };
}

/** A long run (many pod churn events) for timeline elision. */
export function longRun(extraEvents = 600): RunResult {
  const r = statefulSetPartitionRun();
  const events = [...r.events];
  const last = events[events.length - 1]!;
  for (let i = 0; i < extraEvents; i++) {
    events.push({
      step: last.step + 1 + i,
      atMs: last.atMs + 1000 * (i + 1),
      kind: 'status',
      actor: 'kubelet/node-c',
      text: 'status pod/web-2 phase=Running ready=true',
      objects: ['pod/web-2'],
    });
  }
  return { ...r, events, steps: last.step + extraEvents };
}

/** The StatefulSet controller's machine as the fixture's `machineGraph` would return it. */
export const STS_GRAPH: MachineGraph = {
  states: ['Idle', 'Syncing', 'WaitingReady', 'WaitingDelete', 'Backoff'],
  initial: 'Idle',
  transitions: [
    { from: 'Idle', event: 'SYNC', to: 'Syncing' },
    { from: 'Syncing', event: 'CREATED', to: 'WaitingReady' },
    { from: 'WaitingReady', event: 'POD_READY', to: 'Syncing' },
    { from: 'WaitingReady', event: 'POD_FAILED', to: 'Syncing' },
    { from: 'Syncing', event: 'DELETED', to: 'WaitingDelete' },
    { from: 'WaitingDelete', event: 'POD_GONE', to: 'Syncing' },
    { from: 'Syncing', event: 'DONE', to: 'Idle' },
    { from: 'Syncing', event: 'API_ERROR', to: 'Backoff' },
    { from: 'Backoff', event: 'RETRY', to: 'Syncing' },
  ],
};

/** Sources for tests: the fixture machine and invariant texts. */
export const fixtureSources: ReportSources = {
  machineGraph: (controller) => (controller === 'statefulset' ? STS_GRAPH : undefined),
  invariant: (id) =>
    id === 'statefulset.at-most-one'
      ? {
          concept: 'statefulset',
          claim: {
            en: 'At most one running instance of each StatefulSet identity exists at any moment.',
            ko: '각 StatefulSet 정체성의 실행 중인 인스턴스는 어느 순간에도 많아야 하나입니다.',
          },
          explain: {
            en: 'Two running copies of web-0 could both write to the same data and both answer as web-0. A StatefulSet therefore never creates a replacement until the old Pod object is gone.',
            ko: 'web-0의 실행 중인 사본이 둘이면 같은 데이터에 함께 쓰고 둘 다 web-0처럼 응답할 수 있습니다. 그래서 StatefulSet은 기존 Pod 오브젝트가 사라지기 전에는 대체 Pod를 만들지 않습니다.',
          },
        }
      : undefined,
};
