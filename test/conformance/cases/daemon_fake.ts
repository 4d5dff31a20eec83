/**
 * A hand-filled DaemonSet controller cache, as the Go tests build one (newTestController +
 * expectSyncDaemonSets): nodes, pods and a DaemonSet, and one sync at a time. A sync runs kubeprop's
 * own steps in the order its controller host does: claim the pods (shared/claim.ts), then plan the
 * sync (daemonset/syncPlan.ts `planSync` over `fullTable`). Like Kubernetes' fake pod control, a
 * create adds the pod to the cache at once and a delete removes it; expectations are cleared
 * between syncs, as `clearExpectations` does in the Go tests.
 */
import { FailedPodBackoff } from '../../../src/controllers/daemonset/backoff.ts';
import { fullTable } from '../../../src/controllers/daemonset/nodeTable.ts';
import { newDaemonPod } from '../../../src/controllers/daemonset/pods.ts';
import { planSync } from '../../../src/controllers/daemonset/syncPlan.ts';
import { CORRECT } from '../../../src/controllers/daemonset/variants.ts';
import { planClaims } from '../../../src/controllers/shared/claim.ts';
import { REVISION_HASH_LABEL, templateHash } from '../../../src/controllers/shared/history.ts';
import { compileSelector } from '../../../src/model/labels.ts';
import { formatTimestamp } from '../../../src/model/time.ts';
import type { KObject } from '../../../src/model/types.ts';

export const simpleNodeLabel = { color: 'blue' };
export const simpleNodeLabel2 = { color: 'red' };
export const simpleDaemonSetLabel = { name: 'simple-daemon', type: 'production' };
export const simpleDaemonSetLabel2 = { name: 'simple-daemon', type: 'test' };

export type Strategy = 'OnDelete' | 'RollingUpdate';
export const STRATEGIES: Strategy[] = ['OnDelete', 'RollingUpdate'];

const DS_UID = 'ds-uid';

/** `newDaemonSet`: selector and template labels simpleDaemonSetLabel, one container foo/bar. */
export function newDaemonSet(
  name: string,
  strategy: Strategy = 'RollingUpdate',
  spec: Record<string, unknown> = {},
) {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      name,
      namespace: 'default',
      uid: DS_UID,
      generation: 1,
      creationTimestamp: formatTimestamp(0),
    },
    spec: {
      selector: { matchLabels: simpleDaemonSetLabel },
      updateStrategy: strategy === 'OnDelete' ? { type: 'OnDelete' } : { type: 'RollingUpdate' },
      template: {
        metadata: { labels: simpleDaemonSetLabel },
        spec: { containers: [{ name: 'foo', image: 'foo/bar' }], ...spec },
      },
    },
    status: {},
  } as unknown as KObject;
}

export function newNode(name: string, labels: Record<string, string> = {}, taints: unknown[] = []): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `node-${name}`, labels, creationTimestamp: formatTimestamp(0) },
    spec: { taints },
    status: { conditions: [{ type: 'Ready', status: 'True' }] },
  } as unknown as KObject;
}

/** `addNodes(store, start, count, labels)`: node-<start> .. node-<start+count-1>. */
export function nodes(start: number, count: number, labels: Record<string, string> = {}): KObject[] {
  return Array.from({ length: count }, (_, i) => newNode(`node-${start + i}`, labels));
}

export class FakeDaemonCluster {
  pods: KObject[] = [];
  nowMs = 0;
  readonly backoff = new FailedPodBackoff();
  private seq = 0;

  constructor(
    public ds: KObject,
    public nodes: KObject[],
  ) {}

  /**
   * `addPods(store, node, labels, ds, n)`: n pods bound to `node`, controlled by the DaemonSet and,
   * like the Go test's `newPod`, labelled with the hash of its current template.
   */
  addPods(
    node: string,
    labels: Record<string, string>,
    n: number,
    extra: Record<string, unknown> = {},
  ): void {
    for (let i = 0; i < n; i++) {
      const name = `${node}-${this.seq++}`;
      this.pods.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name,
          namespace: 'default',
          uid: `uid-${name}`,
          creationTimestamp: formatTimestamp(this.nowMs),
          labels: { ...labels, [REVISION_HASH_LABEL]: templateHash(this.ds) },
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'DaemonSet',
              name: this.ds.metadata.name,
              uid: DS_UID,
              controller: true,
            },
          ],
          ...extra,
        },
        spec: { nodeName: node, containers: [] },
        status: { phase: 'Running', conditions: [] },
      } as unknown as KObject);
    }
  }

  /** One sync: the number of pods created and deleted, and whether the rolling update planned them. */
  sync(onlyIfRolling = false): { creates: number; deletes: number; rolled?: boolean } {
    const claims = planClaims(this.pods, {
      ownerUid: DS_UID,
      ownerDeleting: false,
      selector: compileSelector(this.ds.spec?.selector),
    });
    const owned = [...claims.owned, ...claims.adopt];
    const plan = planSync({
      ds: this.ds,
      table: () => fullTable(this.ds, this.nodes, owned, CORRECT.rules),
      pods: () => owned,
      revisions: [],
      expectationsSatisfied: true,
      nowMs: this.nowMs,
      backoff: this.backoff,
      knobs: CORRECT,
    });
    if (onlyIfRolling && !plan.rolling) return { creates: 0, deletes: 0 };
    // Released pods lose our controllerRef (the patch the Go fake records but does not apply).
    for (const p of claims.release) p.metadata.ownerReferences = [];
    for (const node of plan.creates) this.create(node, plan.hash);
    const gone = new Set(plan.deletes.map((d) => d.pod));
    this.pods = this.pods.filter((p) => !gone.has(p));
    const counts = { creates: plan.creates.length, deletes: plan.deletes.length };
    return plan.rolling ? { ...counts, rolled: true } : counts;
  }

  /**
   * One sync as the Go test counts it. Its fake pod control observes its own writes at once, so
   * the expectations manage() raised are already met and rollingUpdate runs in the same sync. In a
   * real cluster, and in kubeprop, those expectations hold the rolling update until the next sync:
   * so this runs kubeprop's next sync too, but only if it is the rolling-update step.
   */
  syncAsGoFake(): { creates: number; deletes: number } {
    const first = this.sync();
    if (first.rolled || first.creates + first.deletes === 0)
      return { creates: first.creates, deletes: first.deletes };
    const second = this.sync(true);
    return { creates: first.creates + second.creates, deletes: first.deletes + second.deletes };
  }

  private create(node: string, hash: string): void {
    const pod = newDaemonPod(this.ds, node, hash) as KObject & { metadata: Record<string, unknown> };
    const name = `${this.ds.metadata.name}-${this.seq++}`;
    pod.metadata.name = name;
    pod.metadata.uid = `uid-${name}`;
    pod.metadata.creationTimestamp = formatTimestamp(this.nowMs);
    (pod as { status?: unknown }).status = { phase: 'Running', conditions: [] };
    this.pods.push(pod);
  }

  /** `setPodReadiness`: flip up to `count` pods (not deleting, matching `fn`) to Ready=`ready` now. */
  setReady(ready: boolean, count = Number.POSITIVE_INFINITY, fn: (p: KObject) => boolean = () => true): void {
    for (const p of this.pods) {
      if (count <= 0) break;
      const isReady = (p.status?.conditions ?? []).some(
        (c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True',
      );
      if (p.metadata.deletionTimestamp || isReady === ready || !fn(p)) continue;
      p.status = {
        ...p.status,
        conditions: [
          {
            type: 'Ready',
            status: ready ? 'True' : 'False',
            lastTransitionTime: formatTimestamp(this.nowMs),
          },
        ],
      };
      count--;
    }
  }

  /**
   * A new DaemonSet object with a changed template (and so a new template hash) and, optionally,
   * strategy or minReadySeconds. Objects are never mutated: eligibility memoises by spec identity.
   */
  update(image: string, spec: Record<string, unknown> = {}): void {
    const old = this.ds.spec as { template: { spec: Record<string, unknown> } };
    const template = {
      ...old.template,
      spec: { ...old.template.spec, containers: [{ name: 'foo', image }] },
    };
    this.ds = {
      ...this.ds,
      metadata: { ...this.ds.metadata, generation: 2 },
      spec: { ...old, template, ...spec },
    };
  }

  hashOf(p: KObject): string | undefined {
    return p.metadata.labels?.[REVISION_HASH_LABEL];
  }
}
