import { isPodAvailable } from '../../model/pod.ts';
import type { KObject, Pod } from '../../model/types.ts';
import type { World } from '../../sim/world.ts';
import { controlledPods, notReadyReasons, ownedActivePods, perVersion, readyCounts } from '../util.ts';
import type { WorkloadChecks } from './types.ts';

export const replicaSetChecks: WorkloadChecks = {
  kind: 'ReplicaSet',
  notConverged(world, rs) {
    const want = rs.spec?.replicas ?? 1;
    const pods = ownedActivePods(world, rs);
    const { ready: readyCount, excused } = readyCounts(world, rs);
    if (pods.length === want && readyCount + excused === want) return null;
    const why = notReadyReasons(world, pods);
    const whyKo = notReadyReasons(world, pods, 'ko');
    return {
      en: `${pods.length}/${want} pods, ${readyCount} Ready${why ? `: ${why}` : ''}`,
      ko: `spec.replicas는 ${want}인데 파드는 ${pods.length}개이고 그중 Ready는 ${readyCount}개이다${whyKo ? ` (${whyKo})` : ''}`,
    };
  },
  // In key order (ownedActivePods is sorted by key): one set of pods always prints the same, and
  // 1,500 sorts of 100 uids each are left out at the end of a large run. Kept per store version:
  // the settled and stable looks often see the same store.
  fingerprint: (world, rs) =>
    perVersion(world, 'fingerprint', rs, (o) =>
      ownedActivePods(world, o)
        .map((p) => p.metadata.uid)
        .join(','),
    ),
  expectedStatus(world: World, rs: KObject) {
    const pods = ownedActivePods(world, rs);
    const minReady = rs.spec?.minReadySeconds ?? 0;
    const readyReplicas = readyCounts(world, rs).ready;
    return {
      replicas: pods.length,
      readyReplicas,
      // Without minReadySeconds, available is Ready (IsPodAvailable): the count made already.
      availableReplicas:
        minReady <= 0
          ? readyReplicas
          : pods.filter((p) => isPodAvailable(p as Pod, minReady, world.now)).length,
      fullyLabeledReplicas: fullyLabeled(pods, rs.spec?.template?.metadata?.labels ?? {}),
      terminatingReplicas: terminating(controlledPods(world, rs.metadata.uid)),
      observedGeneration: rs.metadata.generation,
    };
  },
};

/** How many pods carry every label of the template (status.fullyLabeledReplicas). */
function fullyLabeled(pods: readonly KObject[], tmplLabels: Record<string, string>): number {
  const wanted = Object.entries(tmplLabels);
  let n = 0;
  for (const p of pods) {
    const labels = p.metadata.labels;
    let all = true;
    for (const [k, v] of wanted) {
      if (labels?.[k] === v) continue;
      all = false;
      break;
    }
    if (all) n++;
  }
  return n;
}

/** How many pods are being deleted (status.terminatingReplicas). */
function terminating(pods: readonly KObject[]): number {
  let n = 0;
  for (const p of pods) if (p.metadata.deletionTimestamp) n++;
  return n;
}
