/**
 * Daemon pods: how one is built for a node (util `CreatePodTemplate` + the node-name affinity), which
 * node a pod belongs to, and the order Kubernetes uses to pick "the oldest" pod on a node.
 */
import { targetNodeNameOf, withNodeNameAffinity } from '../../model/affinity.ts';
import { isPodAvailable } from '../../model/pod.ts';
import type { KObject, Pod } from '../../model/types.ts';
import { REVISION_HASH_LABEL } from '../shared/history.ts';
import { withDaemonTolerations } from './eligibility.ts';

/**
 * The pod for `node`: the template with the automatic tolerations (unless a mutant drops them), the
 * `controller-revision-hash` label, our controllerRef, and required node affinity replaced by
 * `matchFields metadata.name In [node]`. nodeName stays empty: the scheduler binds it.
 */
export function newDaemonPod(ds: KObject, node: string, hash: string, autoTolerations = true): KObject {
  const tmpl = ds.spec?.template ?? {};
  const spec = { ...(tmpl.spec ?? {}) };
  if (autoTolerations) spec.tolerations = withDaemonTolerations(spec);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels: { ...(tmpl.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
      ...(tmpl.metadata?.annotations ? { annotations: { ...tmpl.metadata.annotations } } : {}),
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          name: ds.metadata.name,
          uid: ds.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: withNodeNameAffinity(spec, node),
  } as KObject;
}

/** The node a daemon pod is for: its nodeName, or the node-name affinity term before binding. */
export function podNode(pod: KObject): string | undefined {
  return targetNodeNameOf(pod.spec ?? {});
}

export function isTerminal(pod: KObject): boolean {
  const phase = pod.status?.phase;
  return phase === 'Failed' || phase === 'Succeeded';
}

/** `podByCreationTimestampAndPhase`: scheduled first, then older, then by name. */
export function byAgeAndPhase(a: KObject, b: KObject): number {
  const sa = a.spec?.nodeName ? 0 : 1;
  const sb = b.spec?.nodeName ? 0 : 1;
  if (sa !== sb) return sa - sb;
  const ta = a.metadata.creationTimestamp;
  const tb = b.metadata.creationTimestamp;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/**
 * `getNodesToDaemonPods`: the DaemonSet's pods grouped by target node, each group oldest first.
 * Pods that are both finished and deleting are left out (they no longer occupy the node), unless
 * `includeDeletedTerminal` (history cleanup wants every hash still on a pod).
 */
export function podsByNode(pods: readonly KObject[], includeDeletedTerminal = false): Map<string, KObject[]> {
  const out = new Map<string, KObject[]>();
  for (const p of pods) {
    if (!includeDeletedTerminal && p.metadata.deletionTimestamp && isTerminal(p)) continue;
    const node = podNode(p);
    if (node === undefined) continue;
    const list = out.get(node);
    if (list) list.push(p);
    else out.set(node, [p]);
  }
  for (const list of out.values()) if (list.length > 1) list.sort(byAgeAndPhase);
  return out;
}

export function podHash(pod: KObject): string | undefined {
  return pod.metadata.labels?.[REVISION_HASH_LABEL];
}

export function available(pod: KObject, minReadySeconds: number, nowMs: number): boolean {
  return isPodAvailable(pod as Pod, minReadySeconds, nowMs);
}
