import { isPodAvailable } from '../../model/pod.ts';
import type { KObject, Pod } from '../../model/types.ts';
import type { World } from '../../sim/world.ts';
import { controlledPods, notReadyReasons, ownedActivePods, readyCounts } from '../util.ts';
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
  fingerprint: (world, rs) =>
    ownedActivePods(world, rs)
      .map((p) => p.metadata.uid)
      .sort()
      .join(','),
  expectedStatus(world: World, rs: KObject) {
    const pods = ownedActivePods(world, rs);
    const tmplLabels: Record<string, string> = rs.spec?.template?.metadata?.labels ?? {};
    const minReady = rs.spec?.minReadySeconds ?? 0;
    return {
      replicas: pods.length,
      readyReplicas: readyCounts(world, rs).ready,
      availableReplicas: pods.filter((p) => isPodAvailable(p as Pod, minReady, world.now)).length,
      fullyLabeledReplicas: pods.filter((p) =>
        Object.entries(tmplLabels).every(([k, v]) => p.metadata.labels?.[k] === v),
      ).length,
      terminatingReplicas: controlledPods(world, rs.metadata.uid).filter((p) => p.metadata.deletionTimestamp)
        .length,
      observedGeneration: rs.metadata.generation,
    };
  },
};
