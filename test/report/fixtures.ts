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
import { messageOf } from './traceMessages.ts';

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
    const e = { step: this.step, atMs: this.now, kind, actor, text, ...messageOf(kind, text) } as TraceEvent;
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
      { at: 30_000, do: 'partition-node', node: nodes[0]! },
      { at: 400_000, do: 'delete-pod', pod: 'web-0', force: true },
      { at: 460_000, do: 'heal-node', node: nodes[0]! },
    ],
    settleMs: 600_000,
    controllers: { statefulset: 'correct' },
    sim: DEFAULT_SIM_OPTIONS,
    source: 'scenarios/statefulset-partition.yaml',
  };
}

const CTL = 'statefulset-controller';

/** One sync of the controller that creates `pod`, as the controller host writes it. */
function createSync(b: TraceBuilder, atMs: number, pod: string): void {
  b.at(atMs).ev(
    'controller',
    CTL,
    `idle → creatingPod on SYNC: web: ordinal ${pod.slice(4)} is missing, create ${pod}`,
  );
  if (pod !== 'web-0' || atMs < 1000)
    b.ev('create', CTL, `create persistentvolumeclaim/data-${pod} phase=Pending volume=-`, [
      `persistentvolumeclaim/data-${pod}`,
    ]);
  b.ev('create', CTL, `create pod/${pod} node=- phase=Pending ready=false`, [`pod/${pod}`]);
  b.at(atMs + 3).ev('controller', CTL, 'creatingPod → writingStatus on CREATED');
  b.at(atMs + 5).ev('status', CTL, 'status statefulset/web replicas=3 ready=0', ['statefulset/web']);
  b.ev('controller', CTL, 'writingStatus → idle on STATUS_WRITTEN');
}

/** Pod `pod` is bound to `node`, started and becomes Ready. */
function runPod(b: TraceBuilder, atMs: number, pod: string, node: string): void {
  const kubelet = `kubelet/${node}`;
  b.at(atMs).ev('update', 'scheduler', `bind pod/${pod} node=${node} phase=Pending ready=false`, [
    `pod/${pod}`,
  ]);
  b.at(atMs + 1500).ev('kubelet', kubelet, `started pod/${pod} (restarts 0)`, [`pod/${pod}`]);
  b.ev('status', kubelet, `status pod/${pod} node=${node} phase=Running ready=false`, [`pod/${pod}`]);
  b.at(atMs + 2500).ev('status', kubelet, `status pod/${pod} node=${node} phase=Running ready=true`, [
    `pod/${pod}`,
  ]);
}

function startupTrace(b: TraceBuilder, nodes: string[]): void {
  b.at(0).ev('create', 'user', 'create statefulset/web replicas=3 ready=0', ['statefulset/web']);
  ['web-0', 'web-1', 'web-2'].forEach((pod, i) => {
    const t0 = 10 + i * 2600;
    createSync(b, t0, pod);
    runPod(b, t0 + 8, pod, nodes[i]!);
    b.at(t0 + 2520).ev('controller', CTL, `idle → waitingForReady on SYNC: web: ${pod} became Ready`);
    b.at(t0 + 2525).ev('controller', CTL, 'waitingForReady → idle on STATUS_WRITTEN');
  });
}

function partitionTrace(nodes: string[]): { b: TraceBuilder; violationStep: number } {
  const [a, bn] = nodes as [string, string, string];
  const b = new TraceBuilder();
  startupTrace(b, nodes);
  b.at(30_000).ev('fault', 'user', `partition-node ${a}`, [`node/${a}`]);
  b.at(80_000).ev('status', 'node-lifecycle', `status node/${a} ready=Unknown taints=2`, [`node/${a}`]);
  b.ev('status', 'node-lifecycle', `status pod/web-0 node=${a} phase=Running ready=false`, ['pod/web-0']);
  b.at(80_020).ev(
    'controller',
    CTL,
    'idle → waitingForReady on SYNC: web: web-0 is not Ready; higher ordinals wait',
  );
  b.at(80_025).ev('controller', CTL, 'waitingForReady → idle on STATUS_WRITTEN');
  b.at(380_000).ev('node', 'taint-eviction', `evicting pod/web-0: node ${a} has NoExecute taints`, [
    'pod/web-0',
  ]);
  b.ev('update', 'taint-eviction', `terminate pod/web-0 node=${a} phase=Running ready=false terminating`, [
    'pod/web-0',
  ]);
  b.at(380_012).ev(
    'controller',
    CTL,
    'idle → waitingForDeletion on SYNC: web: web-0 is Terminating; no replacement until it is gone',
  );
  b.at(380_017).ev('controller', CTL, 'waitingForDeletion → idle on STATUS_WRITTEN');
  b.at(400_000).ev('fault', 'user', 'delete-pod web-0 force', ['pod/web-0']);
  b.ev('delete', 'user', 'delete pod/web-0', ['pod/web-0']);
  createSync(b, 400_015, 'web-0');
  b.at(400_023).ev('update', 'scheduler', `bind pod/web-0 node=${bn} phase=Pending ready=false`, [
    'pod/web-0',
  ]);
  b.at(401_523).ev('kubelet', `kubelet/${bn}`, 'started pod/web-0 (restarts 0)', ['pod/web-0']);
  b.ev('violation', 'checker', `statefulset.at-most-one: web-0 runs on ${a} (unreachable) and ${bn}`, [
    'pod/web-0',
    `node/${a}`,
    `node/${bn}`,
  ]);
  const violationStep = b.lastStep;
  b.ev('status', `kubelet/${bn}`, `status pod/web-0 node=${bn} phase=Running ready=false`, ['pod/web-0']);
  b.at(402_523).ev('status', `kubelet/${bn}`, `status pod/web-0 node=${bn} phase=Running ready=true`, [
    'pod/web-0',
  ]);
  b.at(460_000).ev('fault', 'user', `heal-node ${a}`, [`node/${a}`]);
  b.at(460_010).ev('kubelet', `kubelet/${a}`, 'killed pod/web-0: pod object is gone', ['pod/web-0']);
  b.at(470_000).ev('status', 'node-lifecycle', `status node/${a} ready=True taints=0`, [`node/${a}`]);
  return { b, violationStep };
}

const STS_VISITS: Array<[string, string, string, number]> = [
  ['idle', 'SYNC', 'creatingPod', 4],
  ['creatingPod', 'CREATED', 'writingStatus', 4],
  ['writingStatus', 'STATUS_WRITTEN', 'idle', 4],
  ['idle', 'SYNC', 'waitingForReady', 4],
  ['waitingForReady', 'STATUS_WRITTEN', 'idle', 4],
  ['idle', 'SYNC', 'waitingForDeletion', 1],
  ['waitingForDeletion', 'STATUS_WRITTEN', 'idle', 1],
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
      ...messageOf('status', 'status pod/web-2 phase=Running ready=true'),
      objects: ['pod/web-2'],
    } as TraceEvent);
  }
  return { ...r, events, steps: last.step + extraEvents };
}

/** The StatefulSet controller's machine as the fixture's `machineGraph` would return it. */
export const STS_GRAPH: MachineGraph = {
  states: [
    'idle',
    'claimingPods',
    'creatingPod',
    'waitingForReady',
    'waitingForDeletion',
    'deletingPod',
    'writingStatus',
  ],
  initial: 'idle',
  transitions: [
    { from: 'idle', event: 'SYNC', to: 'claimingPods' },
    { from: 'idle', event: 'SYNC', to: 'creatingPod' },
    { from: 'idle', event: 'SYNC', to: 'waitingForReady' },
    { from: 'idle', event: 'SYNC', to: 'waitingForDeletion' },
    { from: 'idle', event: 'SYNC', to: 'deletingPod' },
    { from: 'claimingPods', event: 'CLAIMED', to: 'creatingPod' },
    { from: 'claimingPods', event: 'CLAIMED', to: 'writingStatus' },
    { from: 'creatingPod', event: 'CREATED', to: 'writingStatus' },
    { from: 'creatingPod', event: 'CREATE_FAILED', to: 'idle' },
    { from: 'deletingPod', event: 'DELETED', to: 'writingStatus' },
    { from: 'waitingForReady', event: 'STATUS_WRITTEN', to: 'idle' },
    { from: 'waitingForDeletion', event: 'STATUS_WRITTEN', to: 'idle' },
    { from: 'writingStatus', event: 'STATUS_WRITTEN', to: 'idle' },
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
            ko: '각 스테이트풀셋 식별자의 실행 중인 인스턴스는 어느 순간에도 많아야 하나이다.',
          },
          explain: {
            en: 'Two running copies of web-0 could both write to the same data and both answer as web-0. A StatefulSet therefore never creates a replacement until the old Pod object is gone.',
            ko: 'web-0의 실행 중인 사본이 둘이면 같은 데이터에 함께 쓰고 둘 다 web-0처럼 응답할 수 있다. 그래서 스테이트풀셋은 기존 파드 오브젝트가 사라지기 전에는 대체 파드를 만들지 않는다.',
          },
        }
      : undefined,
};

/** Strings a hostile manifest could carry: markup, scripts, quotes, backticks, pipes, Markdown. */
export const HOSTILE = {
  node: '<script>window.__pwned=1</script>',
  label: 'a|b`c` **bold** [x](javascript:window.__pwned=1) "q" \'s\'',
  sts: 'web<img src=x onerror="window.__pwned=1">',
  description:
    '# Not a heading\n- not a list\n<img src=x onerror="window.__pwned=1"> ``` fence | pipe $x$ https://evil.example',
};

/** The partition run with hostile names in the cluster, manifest, description and trace. */
export function hostileRun(): RunResult {
  const nodes = [HOSTILE.node, 'node-b', 'node-c'];
  const r = statefulSetPartitionRun(nodes, webStatefulSet('web', { app: HOSTILE.label }));
  r.scenario.description = HOSTILE.description;
  r.scenario.nodes[0]!.labels = { 'x|y': HOSTILE.label };
  r.scenario.objects[0]!.metadata.annotations = { note: HOSTILE.sts, 'a`b': '```' };
  r.events.push({
    step: r.steps + 1,
    atMs: 470_001,
    kind: 'info',
    actor: HOSTILE.sts,
    text: `create pod/${HOSTILE.sts} ${HOSTILE.label}`,
    code: 'run.error',
    params: { error: `create pod/${HOSTILE.sts} ${HOSTILE.label}` },
    objects: [`pod/${HOSTILE.sts}`],
  });
  r.final.pods.push({
    name: HOSTILE.sts,
    node: HOSTILE.node,
    phase: 'Running',
    ready: false,
    terminating: false,
    owner: HOSTILE.label,
    restarts: 0,
  });
  return r;
}
