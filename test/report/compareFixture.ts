/**
 * A hand-built run with a ReplicaSet, a DaemonSet and a StatefulSet through the same faults, in the
 * simulator's trace format (as in a real run of scenarios/compare-node-crash.yaml): node-1 loses
 * power at 60s; at 410s taint eviction marks the ReplicaSet and StatefulSet Pods on it Terminating
 * and the ReplicaSet replaces its Pod at once; at 480s node-1 boots, its kubelet removes the old
 * objects, the StatefulSet creates db-0 again on node-3 (same claim) and the DaemonSet Pod starts
 * again in place; at 600s the StatefulSet is scaled to 1 (db-1 removed); at 700s node-4 joins and
 * gets its daemon Pod.
 */
import type { KObject } from '../../src/model/types.ts';
import type { RunResult } from '../../src/run/types.ts';
import { DEFAULT_SIM_OPTIONS } from '../../src/scenario/types.ts';
import type { TraceEvent, TraceKind } from '../../src/trace/types.ts';
import { messageOf } from './traceMessages.ts';

function workload(kind: string, name: string, extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', generation: 1 },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } } },
      ...extra,
    },
  } as KObject;
}

class Trace {
  readonly events: TraceEvent[] = [];
  private step = 0;
  private ms = 0;
  at(ms: number): this {
    this.step++;
    this.ms = ms;
    return this;
  }
  ev(kind: TraceKind, actor: string, text: string, objects?: string[]): this {
    const e = { step: this.step, atMs: this.ms, kind, actor, text, ...messageOf(kind, text) } as TraceEvent;
    if (objects) e.objects = objects;
    this.events.push(e);
    return this;
  }
  /** A Pod created by `ctl`, bound to `node`, Running and Ready 2s later. */
  pod(ms: number, ctl: string, name: string, node: string, claim?: string): this {
    this.at(ms);
    if (claim)
      this.ev('create', ctl, `create persistentvolumeclaim/${claim} phase=Pending volume=-`, [
        `persistentvolumeclaim/${claim}`,
      ]);
    this.ev('create', ctl, `create pod/${name} node=- phase=Pending ready=false`, [`pod/${name}`]);
    this.at(ms + 5).ev('update', 'scheduler', `patch pod/${name} node=${node} phase=Pending ready=false`, [
      `pod/${name}`,
    ]);
    if (claim)
      this.ev(
        'status',
        'persistentvolume-binder',
        `status persistentvolumeclaim/${claim} phase=Bound volume=pv-${claim}`,
        [`persistentvolumeclaim/${claim}`],
      );
    this.at(ms + 2000).ev('kubelet', `kubelet/${node}`, `started pod/${name} (restarts 0)`, [`pod/${name}`]);
    this.ev('status', `kubelet/${node}`, `status pod/${name} node=${node} phase=Running ready=true`, [
      `pod/${name}`,
    ]);
    return this;
  }
}

const RS = 'replicaset-controller';
const DS = 'daemonset-controller';
const STS = 'statefulset-controller';

/** The comparison run (outcome pass). */
export function compareRun(): RunResult {
  const t = new Trace();
  t.pod(10, RS, 'front-aaaaa', 'node-1').pod(12, RS, 'front-bbbbb', 'node-2');
  t.pod(14, DS, 'agent-xxxxx', 'node-1').pod(16, DS, 'agent-yyyyy', 'node-2');
  t.pod(20, STS, 'db-0', 'node-1', 'data-db-0').pod(3000, STS, 'db-1', 'node-2', 'data-db-1');
  t.at(60_000);
  for (const p of ['agent-xxxxx', 'front-aaaaa', 'db-0'])
    t.ev('kubelet', 'kubelet/node-1', `stopped pod/${p}: power loss`, [`pod/${p}`]);
  t.ev('fault', 'user', 'crash-node node-1: machine node-1 lost power: its containers stopped', [
    'node/node-1',
  ]);
  t.at(110_000);
  for (const p of ['agent-xxxxx', 'front-aaaaa', 'db-0'])
    t.ev('status', 'node-lifecycle-controller', `status pod/${p} node=node-1 phase=Running ready=false`, [
      `pod/${p}`,
    ]);
  for (const [i, p] of ['front-aaaaa', 'db-0'].entries()) {
    t.at(410_000 + i).ev(
      'node',
      'taint-eviction-controller',
      `evicting pod/${p}: node node-1 has NoExecute taints`,
      [`pod/${p}`],
    );
    t.ev(
      'update',
      'taint-eviction-controller',
      `terminate pod/${p} node=node-1 phase=Running ready=false terminating`,
      [`pod/${p}`],
    );
  }
  t.pod(410_040, RS, 'front-ccccc', 'node-3');
  t.at(480_000).ev('fault', 'user', 'heal-node node-1: machine node-1 booted again', ['node/node-1']);
  t.at(487_000);
  for (const p of ['front-aaaaa', 'db-0']) t.ev('delete', 'kubelet/node-1', `delete pod/${p}`, [`pod/${p}`]);
  t.pod(487_040, STS, 'db-0', 'node-3');
  t.at(490_000).ev('kubelet', 'kubelet/node-1', 'started pod/agent-xxxxx (restarts 1)', ['pod/agent-xxxxx']);
  t.ev('status', 'kubelet/node-1', 'status pod/agent-xxxxx node=node-1 phase=Running ready=true', [
    'pod/agent-xxxxx',
  ]);
  t.at(600_000).ev('fault', 'user', 'scale statefulset/db to 1: spec.replicas of statefulset/db set to 1', [
    'statefulset/db',
  ]);
  t.at(600_010).ev('delete', STS, 'delete pod/db-1 node=node-2 phase=Running ready=true terminating', [
    'pod/db-1',
  ]);
  t.at(630_000).ev('delete', 'kubelet/node-2', 'delete pod/db-1', ['pod/db-1']);
  t.at(700_000).ev('fault', 'user', 'add-node node-4: node node-4 joined', ['node/node-4']);
  t.pod(700_020, DS, 'agent-zzzzz', 'node-4');
  const nodes = ['node-1', 'node-2', 'node-3'];
  const pod = (name: string, node: string, owner: string) => ({
    name,
    node,
    phase: 'Running',
    ready: true,
    terminating: false,
    owner,
    restarts: name === 'agent-xxxxx' ? 1 : 0,
  });
  const sts = workload('StatefulSet', 'db', {
    replicas: 1,
    serviceName: 'db',
    volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: {} }],
  });
  return {
    scenario: {
      name: 'compare-fixture',
      description: 'Three workloads, one power cut.',
      seed: 1,
      nodes: nodes.map((name) => ({ name, labels: {}, taints: [], unschedulable: false, podCapacity: 110 })),
      objects: [workload('ReplicaSet', 'front', { replicas: 2 }), workload('DaemonSet', 'agent'), sts],
      events: [],
      settleMs: 300_000,
      controllers: {},
      sim: DEFAULT_SIM_OPTIONS,
    },
    seed: 1,
    toolkitVersion: '0.1.0',
    traceDigest: 'f'.repeat(64),
    outcome: 'pass',
    invariants: [],
    events: t.events,
    final: {
      nodes: [...nodes, 'node-4'].map((name) => ({
        name,
        ready: 'True',
        up: true,
        reachable: true,
        unschedulable: false,
        taints: [],
      })),
      pods: [
        pod('front-bbbbb', 'node-2', 'replicaset/front'),
        pod('front-ccccc', 'node-3', 'replicaset/front'),
        pod('agent-xxxxx', 'node-1', 'daemonset/agent'),
        pod('agent-yyyyy', 'node-2', 'daemonset/agent'),
        pod('agent-zzzzz', 'node-4', 'daemonset/agent'),
        pod('db-0', 'node-3', 'statefulset/db'),
      ],
      workloads: [
        { kind: 'ReplicaSet', name: 'front', spec: { replicas: 2 }, status: {} },
        { kind: 'DaemonSet', name: 'agent', spec: {}, status: { desiredNumberScheduled: 3 } },
        { kind: 'StatefulSet', name: 'db', spec: { replicas: 1 }, status: {} },
      ],
      pvcs: ['data-db-0', 'data-db-1'].map((c) => ({
        name: c,
        phase: 'Bound',
        volume: `pv-${c}`,
        terminating: false,
      })),
    },
    machines: [],
    expectMet: true,
    expectProblems: [],
    endMs: 760_000,
    steps: t.events[t.events.length - 1]!.step,
  };
}
