import type { KObject } from '../model/types.ts';
import type { World } from '../sim/world.ts';
import { controlledSets, newReplicaSetOf, specReplicas } from './semantics/deployment.ts';
import type { Finding, LivenessInvariant } from './types.ts';
import { hasKind, liveObjects } from './util.ts';

/** The Deployment's live ReplicaSets in the store, oldest first. */
export function deploymentSets(world: World, d: KObject): KObject[] {
  return controlledSets(liveObjects(world, 'ReplicaSet'), d);
}

/**
 * Whether the rollout is complete in the store: the new ReplicaSet is sized for spec.replicas with
 * all of them available, and no old ReplicaSet asks for or still has a replica.
 */
export function rolloutComplete(d: KObject, sets: readonly KObject[]): boolean {
  const newRS = newReplicaSetOf(d, sets);
  if (!newRS || specReplicas(newRS) !== specReplicas(d)) return false;
  if ((newRS.status?.availableReplicas ?? 0) < specReplicas(d)) return false;
  return sets.every((s) => s === newRS || (specReplicas(s) === 0 && (s.status?.replicas ?? 0) === 0));
}

/**
 * Once a rollout is complete, at most spec.revisionHistoryLimit (default 10) old ReplicaSets of the
 * Deployment remain: the controller deletes the oldest revisions with no replicas left.
 */
export const deploymentHistoryLimit: LivenessInvariant = {
  id: 'deployment.history-limit',
  kind: 'liveness',
  concept: 'replicaset',
  claim: {
    en: 'At most revisionHistoryLimit old ReplicaSets remain once the rollout completes.',
    ko: '롤아웃이 끝나면 이전 레플리카셋은 revisionHistoryLimit개까지만 남는다.',
  },
  explain: {
    en: 'Every template change leaves an old ReplicaSet behind, scaled to zero: it is what `kubectl rollout undo` goes back to. Keeping all of them would fill the API server with empty ReplicaSets, so the controller deletes the oldest revisions beyond spec.revisionHistoryLimit (10 by default) once a rollout is complete.',
    ko: '템플릿이 바뀔 때마다 0으로 줄어든 이전 레플리카셋이 하나씩 남는다. `kubectl rollout undo`가 되돌아갈 곳이 바로 그것이다. 모두 남겨 두면 API 서버가 빈 레플리카셋으로 가득 차므로, 컨트롤러는 롤아웃이 끝나면 spec.revisionHistoryLimit(기본값 10)개를 넘는 가장 오래된 리비전부터 지운다.',
  },
  appliesTo: (s) => hasKind(s, 'Deployment'),
  check(world) {
    const findings: Finding[] = [];
    for (const d of liveObjects(world, 'Deployment')) {
      const sets = deploymentSets(world, d);
      if (!rolloutComplete(d, sets)) continue;
      const limit = d.spec?.revisionHistoryLimit ?? 10;
      const newRS = newReplicaSetOf(d, sets);
      const old = sets.filter((s) => s !== newRS);
      if (old.length <= limit) continue;
      const name = `deployment/${d.metadata.name}`;
      findings.push({
        message: `${name}: the rollout is complete but ${old.length} old ReplicaSets remain, above revisionHistoryLimit=${limit}`,
        messageKo: `${name}: 롤아웃이 끝났지만 이전 레플리카셋이 ${old.length}개 남아 있어 revisionHistoryLimit=${limit}보다 많다`,
        objects: [name, ...old.map((s) => `replicaset/${s.metadata.name}`)],
      });
    }
    return findings;
  },
};
