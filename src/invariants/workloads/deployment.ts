/**
 * What a converged Deployment is: its new ReplicaSet (the one with its template) holds every
 * replica with all of them available and its old ReplicaSets none; the Available and Progressing
 * conditions say so. Two waits are Kubernetes' own and are held, not failed: a paused Deployment
 * does not roll, and a rollout whose new pods cannot become Ready (a broken image, nowhere to run)
 * stops at maxUnavailable until progressDeadlineSeconds marks it ProgressDeadlineExceeded. The
 * condition alone holds nothing: a controller that blocks a healthy rollout times out as well.
 * The pods themselves are judged with their ReplicaSets (replicaset.ts).
 */
import type { KObject } from '../../model/types.ts';
import { nodeReadyStatus } from '../../sim/nodes.ts';
import type { World } from '../../sim/world.ts';
import { deploymentSets, rolloutComplete } from '../deployment-history-limit.ts';
import { isRecreate, newReplicaSetOf, specReplicas, templateKey } from '../semantics/deployment.ts';
import type { Explanation } from '../types.ts';
import { appCanBeReady, controlledPods, excusedNotReady, ownedActivePods } from '../util.ts';
import type { WorkloadChecks } from './types.ts';

const sum = (sets: readonly KObject[], f: (rs: KObject) => number) => sets.reduce((n, s) => n + f(s), 0);
const avail = (rs: KObject): number => rs.status?.availableReplicas ?? 0;

function condition(d: KObject, type: string): { status?: string; reason?: string } | undefined {
  return (d.status?.conditions ?? []).find((c: { type: string }) => c.type === type);
}

/**
 * An old pod that still runs, as Recreate counts it, on a node that is not Ready: its deletion is
 * never confirmed until the node comes back, and Recreate waits for it (so would Kubernetes).
 */
function oldPodOnDownNode(
  world: World,
  d: KObject,
  sets: readonly KObject[],
  newRS: KObject | undefined,
): KObject | undefined {
  const key = templateKey(d.spec?.template);
  for (const rs of sets) {
    if (rs === newRS || templateKey(rs.spec?.template) === key) continue;
    const pod = controlledPods(world, rs.metadata.uid).find((p) => {
      const phase = p.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') return false;
      const node = p.spec?.nodeName ? world.store.get('Node', p.spec.nodeName) : undefined;
      return !!p.spec?.nodeName && (!node || nodeReadyStatus(node) !== 'True');
    });
    if (pod) return pod;
  }
  return undefined;
}

function recreateWait(d: KObject, pod: KObject): Explanation {
  const name = pod.metadata.name;
  const node = pod.spec?.nodeName;
  return {
    en: `Recreate waits until no old pod runs, and pod/${name} is still running on node ${node}, which is not Ready (Kubernetes waits for it too; progressDeadlineSeconds=${d.spec?.progressDeadlineSeconds ?? 600} marks the rollout ProgressDeadlineExceeded)`,
    ko: `Recreate는 이전 파드가 하나도 실행되지 않을 때까지 기다리는데, pod/${name}의 노드 ${node}가 Ready가 아니어서 그 파드가 아직 실행 중으로 남아 있다 (쿠버네티스도 기다린다. progressDeadlineSeconds=${d.spec?.progressDeadlineSeconds ?? 600}초가 지나면 롤아웃은 ProgressDeadlineExceeded가 된다)`,
  };
}

/** Why the rollout waits on purpose, if it does (see the file's comment). */
function heldRollout(world: World, d: KObject, sets: readonly KObject[]): Explanation | null {
  if (rolloutComplete(d, sets)) return null;
  if (d.spec?.paused)
    return {
      en: 'paused: Kubernetes keeps a paused Deployment where it is (it scales it, it does not roll it) until it is resumed',
      ko: '일시 중지됨: 쿠버네티스는 일시 중지된 디플로이먼트를 재개될 때까지 그대로 둔다 (스케일은 하지만 롤아웃은 하지 않는다)',
    };
  const progressing = condition(d, 'Progressing');
  const newRS = newReplicaSetOf(d, sets);
  const template = {
    metadata: { name: 'template', ...(d.spec?.template?.metadata ?? {}) },
    spec: d.spec?.template?.spec,
  };
  const broken = !appCanBeReady(template as KObject);
  const stuck = newRS ? ownedActivePods(world, newRS).some((p) => excusedNotReady(world, p)) : false;
  // A deadline passed alone holds nothing: a controller that blocks a healthy rollout times out too.
  const blocker = isRecreate(d) ? oldPodOnDownNode(world, d, sets, newRS) : undefined;
  if (blocker) return recreateWait(d, blocker);
  if (!broken && !stuck) return null;
  const why = broken
    ? { en: 'its new template never becomes Ready', ko: '새 템플릿의 파드가 Ready가 되지 않는다' }
    : {
        en: 'new pods cannot become Ready (nowhere to run or their node is down)',
        ko: '새 파드가 Ready가 될 수 없다 (실행할 노드가 없거나 노드가 멈췄다)',
      };
  const deadline = d.spec?.progressDeadlineSeconds ?? 600;
  return {
    en: `Kubernetes holds the rollout: ${why.en}, so no more old replicas may go (maxUnavailable); after progressDeadlineSeconds=${deadline} without progress it reports Progressing=False, ProgressDeadlineExceeded (now ${progressing?.reason ?? 'no Progressing condition'}), and does not roll back by itself`,
    ko: `쿠버네티스가 롤아웃을 멈추고 있다: ${why.ko}. 그래서 이전 레플리카를 더 줄일 수 없다 (maxUnavailable). 진행 없이 progressDeadlineSeconds=${deadline}초가 지나면 Progressing=False, ProgressDeadlineExceeded를 기록하고 (지금은 ${progressing?.reason ?? 'Progressing 컨디션 없음'}) 스스로 롤백하지 않는다`,
  };
}

/** Why the Deployment has not converged, sizes first, then its conditions. */
function notConverged(world: World, d: KObject): Explanation | null {
  const sets = deploymentSets(world, d);
  if (heldRollout(world, d, sets)) return null;
  const want = specReplicas(d);
  const newRS = newReplicaSetOf(d, sets);
  if (!newRS) return { en: 'no ReplicaSet carries its template', ko: '템플릿을 가진 레플리카셋이 없다' };
  const old = sets.filter((s) => s !== newRS && (specReplicas(s) > 0 || (s.status?.replicas ?? 0) > 0));
  if (specReplicas(newRS) !== want || old.length > 0) {
    const olds = old.map((s) => `replicaset/${s.metadata.name}=${specReplicas(s)}`).join(', ');
    return {
      en: `new replicaset/${newRS.metadata.name} has spec.replicas=${specReplicas(newRS)} of ${want}${olds ? `, old ones still have replicas (${olds})` : ''}`,
      ko: `새 replicaset/${newRS.metadata.name}의 spec.replicas=${specReplicas(newRS)}이고 원하는 값은 ${want}이다${olds ? `. 이전 레플리카셋에 아직 레플리카가 있다 (${olds})` : ''}`,
    };
  }
  if (avail(newRS) < want) return null; // its pods are the ReplicaSet's to explain (replicaset.ts)
  const available = condition(d, 'Available');
  if (available?.status !== 'True')
    return {
      en: `all ${want} replicas are available but the Available condition is ${available?.status ?? 'missing'}`,
      ko: `레플리카 ${want}개가 모두 사용 가능하지만 Available 컨디션은 ${available?.status ?? '없음'}이다`,
    };
  const progressing = condition(d, 'Progressing');
  // A paused Deployment says so instead (checkPausedConditions), complete or not.
  const done = d.spec?.paused ? 'DeploymentPaused' : 'NewReplicaSetAvailable';
  if (progressing && progressing.reason !== done)
    return {
      en: `the rollout is complete but Progressing says ${progressing.status}, ${progressing.reason}`,
      ko: `롤아웃이 끝났지만 Progressing 컨디션은 ${progressing.status}, ${progressing.reason}이다`,
    };
  return null;
}

export const deploymentChecks: WorkloadChecks = {
  kind: 'Deployment',
  notConverged,
  heldByDesign: (world, d) => heldRollout(world, d, deploymentSets(world, d)),
  fingerprint: (world, d) =>
    deploymentSets(world, d)
      .flatMap((rs) => ownedActivePods(world, rs).map((p) => p.metadata.uid))
      .sort()
      .join(','),
  expectedStatus(world, d) {
    const sets = deploymentSets(world, d);
    const newRS = newReplicaSetOf(d, sets);
    const available = sum(sets, avail);
    return {
      replicas: sum(sets, (s) => s.status?.replicas ?? 0),
      updatedReplicas: newRS?.status?.replicas ?? 0,
      readyReplicas: sum(sets, (s) => s.status?.readyReplicas ?? 0),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, sum(sets, specReplicas) - available),
      observedGeneration: d.metadata.generation,
    };
  },
};
