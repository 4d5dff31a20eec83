/**
 * StatefulSet convergence and status, recomputed from the API store and the machines. Converged:
 * every slot [start, start + replicas) holds a Running and Ready pod, nothing out of range is left,
 * and with RollingUpdate every slot from the partition up runs the update revision. A pod that
 * cannot become Ready through no fault of the controller (unschedulable, a broken application, a
 * readiness probe held failing by an `unready-pod` fault) is excused, and with OrderedReady so is
 * everything the controller rightly waits for behind it (higher slots, scale-down, the rollout).
 */
import { computeHash } from '../../model/hash.ts';
import { parseOrdinal } from '../../model/ordinal.ts';
import { isPodAvailable } from '../../model/pod.ts';
import type { KObject, Pod } from '../../model/types.ts';
import { claimNames } from '../../sim/volumes.ts';
import type { World } from '../../sim/world.ts';
import { currentRevisionIn } from '../semantics/revisions.ts';
import { endedNoLaterThanMs, healthy, runningAndReady, terminal } from '../semantics/statefulset.ts';
import {
  batchEnd,
  heldByFinalizer,
  MAX_SYNC_BACKOFF_MS,
  nameHeldByFinalizer,
  ownPodGoneAtMs,
  podCallRejectedWithinBackoff,
  startingAfterBackoff,
  waitingOutBackoff,
} from '../statefulset-util.ts';
import type { Explanation } from '../types.ts';
import { appCanBeReady, controlledPods, notReadyReasons, ready, unschedulable } from '../util.ts';
import type { WorkloadChecks } from './types.ts';

const REVISION = 'controller-revision-hash';

/** Pods the set controls whose name is `<set>-<ordinal>`, terminating ones included. */
function members(world: World, set: KObject): Array<{ pod: KObject; ordinal: number }> {
  return controlledPods(world, set.metadata.uid).flatMap((pod) => {
    const p = parseOrdinal(pod.metadata.name);
    return p && p.parent === set.metadata.name ? [{ pod, ordinal: p.ordinal }] : [];
  });
}

/** The update revision's name, recomputed from the template and the collision count. */
export function expectedUpdateRevision(set: KObject): string {
  const template = (set.spec?.template ?? {}) as object;
  const cc = set.status?.collisionCount ?? 0;
  let byCount = hashes.get(template);
  if (!byCount) {
    byCount = new Map();
    hashes.set(template, byCount);
  }
  let h = byCount.get(cc);
  if (h === undefined) {
    h = computeHash(template, cc);
    byCount.set(cc, h);
  }
  return `${set.metadata.name}-${h}`;
}

/**
 * The update revision as Kubernetes picks it (`getStatefulSetRevisions`): the set's highest-numbered
 * revision whose template equals the set's, whatever hash its name carries (one found under its
 * name after a same-name re-create, or raised by a rollback after a collision); the recomputed name
 * only when no such revision exists yet.
 */
export function updateRevisionIn(world: World, set: KObject): string {
  return (
    currentRevisionIn(world.store.values('ControllerRevision'), set)?.metadata.name ??
    expectedUpdateRevision(set)
  );
}

/** How long a controller may take to notice that a pod ended (a watch event, a sync). */
const ENDED_NOTICE_MS = 60_000;

/** Template hashes by template object (stored objects are immutable: a new spec is a new object). */
const hashes = new WeakMap<object, Map<number, string>>();

/**
 * Not the controller's fault: unschedulable, a broken application, a readiness probe held failing,
 * or a pod that had not started when a user deleted its claim (the kubelet will not mount a
 * terminating claim and pvc-protection keeps it while the pod exists: Kubernetes waits for a human).
 */
function excused(world: World, pod: KObject): boolean {
  if (unschedulable(pod) || heldByFinalizer(pod)) return true;
  // Created only now, by the back-off retry a name held until recently forced: still starting.
  if (startingAfterBackoff(world, pod) !== undefined) return true;
  // A finished pod whose delete the API server rejected: the set is retried on back-off.
  if (terminal(pod) && podCallRejectedWithinBackoff(world, pod) !== undefined) return true;
  // An application that never becomes ready excuses a live pod; a pod that ended is the
  // controller's to delete and create again, whatever its application does, and is excused only
  // while the controller can hardly have noticed (an application that exits ends again and again).
  if (!appCanBeReady(pod)) return !terminal(pod) || world.now - endedNoLaterThanMs(pod) <= ENDED_NOTICE_MS;
  const ns = pod.metadata.namespace ?? 'default';
  const claimGoing = claimNames(pod).some(
    (c) => world.store.get('PersistentVolumeClaim', `${ns}/${c}`)?.metadata.deletionTimestamp,
  );
  if (claimGoing && (pod.status?.phase ?? 'Pending') === 'Pending') return true;
  const c = world.machines.get(pod.spec?.nodeName)?.containers.get(pod.metadata.uid);
  return !!c && c.unreadyUntilMs > world.now;
}

/**
 * OrderedReady scale-down halted by design: the highest condemned pod is not Running and Ready
 * and is not the first unhealthy pod, so stateful_set_control.go waits for it and deletes nothing
 * (the documented "you cannot scale down while a pod is unhealthy", kubernetes#36333, #57865); a
 * Failed condemned pod is never repaired, so only a human ends the wait.
 */
function scaleDownHalted(
  members: ReadonlyArray<{ pod: KObject; ordinal: number }>,
  start: number,
  end: number,
) {
  const sorted = [...members].sort((a, b) => a.ordinal - b.ordinal);
  const inRange = sorted.filter((m) => m.ordinal >= start && m.ordinal < end);
  const condemned = sorted.filter((m) => m.ordinal < start || m.ordinal >= end);
  const highest = condemned.at(-1)?.pod;
  if (!highest || highest.metadata.deletionTimestamp || runningAndReady(highest)) return false;
  const first = [...inRange, ...condemned].find((m) => !healthy(m.pod))?.pod;
  return highest !== first;
}

/**
 * A slot whose pods end by themselves (their revision's application fails or completes): the
 * controller deletes each ended pod and creates it again, as Kubernetes does, so between the delete
 * and the create the slot is empty by design for a moment (chaos statefulset seed 1026 run 91). Below the
 * partition the pod comes from the current revision, from the partition up from the set's template.
 */
function replacedAgainAndAgain(world: World, set: KObject, name: string, slot: number): boolean {
  // Only a slot emptied lately: one the controller never fills again is its fault.
  const goneAt = ownPodGoneAtMs(world, `${set.metadata.namespace ?? 'default'}/${name}`, set.metadata.uid);
  if (goneAt === undefined || world.now - goneAt > ENDED_NOTICE_MS) return false;
  const partition = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  const rolling = set.spec?.updateStrategy?.type !== 'OnDelete';
  const current = set.status?.currentRevision;
  const rev =
    rolling && slot < partition && typeof current === 'string'
      ? world.store.get('ControllerRevision', `${set.metadata.namespace ?? 'default'}/${current}`)
      : undefined;
  // A ControllerRevision's data is the patch `{spec: {template}}` (getPatch).
  const data = (rev as { data?: { spec?: { template?: unknown } } } | undefined)?.data;
  const template = (data?.spec?.template ?? set.spec?.template) as KObject | undefined;
  return !!template && !appCanBeReady({ ...template, metadata: template.metadata ?? {} } as KObject);
}

function slotProblems(world: World, set: KObject, byOrdinal: Map<number, KObject>): Explanation[] {
  const start = set.spec?.ordinals?.start ?? 0;
  const replicas = set.spec?.replicas ?? 1;
  const ordered = set.spec?.podManagementPolicy !== 'Parallel';
  const problems: Explanation[] = [];
  let lastProcessed = Number.POSITIVE_INFINITY;
  for (let ord = start; ord < start + replicas; ord++) {
    if (ord - start > lastProcessed) break;
    const pod = byOrdinal.get(ord);
    const name = `${set.metadata.name}-${ord}`;
    if (pod && excused(world, pod)) {
      if (ordered) break;
      // A finished pod whose delete was rejected fails its batch: later batches wait (slowStartBatch).
      if (terminal(pod) && podCallRejectedWithinBackoff(world, pod) !== undefined)
        lastProcessed = Math.min(lastProcessed, batchEnd(ord - start));
      continue;
    }
    if (!pod && (waitingOutBackoff(world, set, name) || nameHeldByFinalizer(world, set, name))) {
      if (ordered) break;
      lastProcessed = Math.min(lastProcessed, batchEnd(ord - start));
      continue;
    }
    if (!pod && replacedAgainAndAgain(world, set, name, ord - start)) {
      if (ordered) break;
      lastProcessed = Math.min(lastProcessed, batchEnd(ord - start));
      continue;
    }
    if (!pod) problems.push({ en: `${name} is missing`, ko: `${name} 파드가 없다` });
    else if (pod.metadata.deletionTimestamp)
      problems.push({ en: `${name} is terminating`, ko: `${name} 파드가 종료 중이다 (Terminating)` });
    else if (!ready(pod) || pod.status?.phase !== 'Running')
      problems.push({
        en: `${name} is not Running and Ready (${notReadyReasons(world, [pod]) || pod.status?.phase})`,
        ko: `${name} 파드가 아직 Running 및 Ready가 아니다 (${notReadyReasons(world, [pod], 'ko') || pod.status?.phase})`,
      });
  }
  return problems;
}

/** Members from the partition up, in range, not at the update revision (RollingUpdate only). */
function staleMembers(
  world: World,
  set: KObject,
  all: ReadonlyArray<{ pod: KObject; ordinal: number }>,
): string[] {
  if (set.spec?.updateStrategy?.type === 'OnDelete') return [];
  const start = set.spec?.ordinals?.start ?? 0;
  const end = start + (set.spec?.replicas ?? 1);
  const update = updateRevisionIn(world, set);
  const partition = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  return all
    .filter(
      (m) =>
        m.ordinal - start >= partition && m.ordinal < end && m.pod.metadata.labels?.[REVISION] !== update,
    )
    .map((m) => m.pod.metadata.name);
}

/**
 * The lowest missing slot whose name the set cannot take yet: a foreign pod of that name kept by a
 * finalizer, or one that belonged to another set until recently (the create is retried with back-off).
 */
function missingNameHeld(
  world: World,
  set: KObject,
  all: ReadonlyArray<{ pod: KObject; ordinal: number }>,
): Explanation | null {
  const start = set.spec?.ordinals?.start ?? 0;
  for (let ord = start; ord < start + (set.spec?.replicas ?? 1); ord++) {
    const name = `${set.metadata.name}-${ord}`;
    if (all.some((m) => m.ordinal === ord)) continue;
    const other = nameHeldByFinalizer(world, set, name);
    if (other) {
      const fins = other.metadata.finalizers!.join(', ');
      return {
        en: `${name} cannot be created: a pod of that name that the set does not own is being deleted, and its finalizer ${fins} keeps it (a pod being deleted is never adopted; every create fails with AlreadyExists until the finalizer is removed)`,
        ko: `${name} 파드를 만들 수 없다: 스테이트풀셋이 소유하지 않은 같은 이름의 파드가 삭제 중이며 파이널라이저(${fins})가 붙잡고 있다 (삭제 중인 파드는 입양되지 않고, 파이널라이저가 제거될 때까지 생성은 AlreadyExists로 실패한다)`,
      };
    }
    if (waitingOutBackoff(world, set, name))
      return {
        en: `${name} belonged to a pod the set did not own (another StatefulSet of that name, or none) until recently, every create failed with AlreadyExists, and the set is retried with the work queue's back-off (up to 1000 s)`,
        ko: `${name} 파드 이름은 최근까지 이 스테이트풀셋이 소유하지 않은 파드(같은 이름의 다른 스테이트풀셋의 파드 또는 소유자 없는 파드)가 쓰고 있어 생성이 AlreadyExists로 실패했고, 워크 큐의 백오프(최대 1000초)에 따라 다시 시도한다`,
      };
  }
  return null;
}

/**
 * What Kubernetes holds on purpose behind a pod that cannot become Ready: with OrderedReady the
 * higher ordinals and the scale-down; with RollingUpdate the rollout (it waits for unhealthy pods).
 */
function heldBehind(world: World, set: KObject): Explanation | null {
  const all = members(world, set);
  const missing = missingNameHeld(world, set, all);
  if (missing) return missing;
  const kept = all.find((m) => heldByFinalizer(m.pod))?.pod;
  if (kept)
    return {
      en: `${kept.metadata.name} is being deleted but its finalizer ${kept.metadata.finalizers!.join(', ')} keeps it, and the StatefulSet never creates a second pod of that name`,
      ko: `${kept.metadata.name} 파드는 삭제 중이지만 파이널라이저(${kept.metadata.finalizers!.join(', ')})가 붙잡고 있어, 스테이트풀셋은 같은 이름의 파드를 새로 만들지 않고 기다린다`,
    };
  const start = set.spec?.ordinals?.start ?? 0;
  const end = start + (set.spec?.replicas ?? 1);
  const ordered = set.spec?.podManagementPolicy !== 'Parallel';
  const sorted = [...all].sort((a, b) => a.ordinal - b.ordinal);
  const extra = sorted.filter((m) => m.ordinal < start || m.ordinal >= end).map((m) => m.pod.metadata.name);
  const blocker = sorted.find(
    (m) => m.ordinal >= start && m.ordinal < end && !healthy(m.pod) && excused(world, m.pod),
  );
  if (!blocker) {
    if (!ordered || extra.length === 0 || !scaleDownHalted(all, start, end)) return null;
    const highest = extra.at(-1)!;
    const rollout = staleMembers(world, set, all).length > 0;
    return {
      en: `scale-down${rollout ? ' and the rollout' : ''} held by design: ${highest} is not Running and Ready and is not the first unhealthy pod, so OrderedReady waits for it (kubernetes#36333)`,
      ko: `스케일 다운${rollout ? '과 롤아웃은' : '은'} 설계상 대기이다: ${highest} 파드가 Running 및 Ready가 아니고 첫 번째 비정상 파드도 아니어서 OrderedReady는 그 파드를 기다린다 (kubernetes#36333)`,
    };
  }
  const name = blocker.pod.metadata.name;
  const behind: Explanation[] = [];
  if (ordered) {
    const higher = sorted.filter((m) => m.ordinal > blocker.ordinal && m.ordinal < end && !healthy(m.pod));
    const missing =
      end - blocker.ordinal - 1 - sorted.filter((m) => m.ordinal > blocker.ordinal && m.ordinal < end).length;
    if (higher.length + missing > 0) behind.push({ en: 'the higher ordinals', ko: '더 높은 서수' });
    if (extra.length > 0) behind.push({ en: 'the scale-down', ko: 'scale-down' });
  }
  if (staleMembers(world, set, all).length > 0) behind.push({ en: 'the rollout', ko: '롤아웃' });
  if (behind.length === 0) return null;
  const since = startingAfterBackoff(world, blocker.pod);
  if (since !== undefined) {
    const s = (since / 1000).toFixed(1);
    return {
      en: `${behind.map((b) => b.en).join(' and ')} held by design: ${name} was created only ${s} s ago and is still starting: its name belonged to a pod the set did not own until recently, every create failed with AlreadyExists, and the set's work-queue back-off (up to 1000 s) outlasted the settle time`,
      ko: `${name} 파드는 불과 ${s}초 전에 만들어져 아직 시작 중이다: 그 이름을 최근까지 이 스테이트풀셋이 소유하지 않은 파드가 쓰고 있어 생성이 AlreadyExists로 실패했고, 워크 큐의 백오프(최대 1000초)가 안정화 시간보다 길었다 (멈춘 작업: ${behind.map((b) => b.ko).join(', ')})`,
    };
  }
  const why = notReadyReasons(world, [blocker.pod]) || (blocker.pod.status?.phase ?? 'Pending');
  const whyKo = notReadyReasons(world, [blocker.pod], 'ko') || (blocker.pod.status?.phase ?? 'Pending');
  return {
    en: `${behind.map((b) => b.en).join(' and ')} held by design: ${name} cannot become Ready (${why}) and Kubernetes waits for it`,
    ko: `${name} 파드가 Ready가 될 수 없어 (${whyKo}) 쿠버네티스가 의도적으로 기다리는 중이다 (멈춘 작업: ${behind.map((b) => b.ko).join(', ')})`,
  };
}

/**
 * completeRollingUpdate: with RollingUpdate, once every pod runs the update revision and is Ready,
 * status.currentRevision is the update revision (otherwise the judge does not know what it must be).
 */
function completedRollout(
  set: KObject,
  pods: readonly KObject[],
  live: readonly KObject[],
  update: string,
): { currentRevision?: string } {
  if (set.spec?.updateStrategy?.type === 'OnDelete') return {};
  const updated = live.filter((p) => p.metadata.labels?.[REVISION] === update).length;
  const readyCount = pods.filter(runningAndReady).length;
  return updated === pods.length && readyCount === pods.length ? { currentRevision: update } : {};
}

/**
 * A stale availableReplicas the StatefulSet controller leaves on purpose while its syncs keep
 * failing. `syncStatefulSet` requeues the set after minReadySeconds only when UpdateStatefulSet
 * returned no error: a sync that fails (a create of a slot whose name another pod still holds ends
 * in AlreadyExists) still writes the status (performUpdate) but returns before that requeue, and the
 * key waits out the work queue's back-off (up to 1000 s). A pod turning Ready wakes the set (and the
 * status counts it Ready); its turning available an instant later wakes nothing. So while a missing
 * slot's name is held (by a finalizer, or until recently), availableReplicas may lag behind, but
 * never below the pods already available one back-off ago (a retry has run since) and never above
 * the recount. Returns why, or null when any other field is wrong or the lag is not this one.
 */
export function availabilityLagByDesign(
  world: World,
  set: KObject,
  wrong: readonly string[],
): Explanation | null {
  const minReady = set.spec?.minReadySeconds ?? 0;
  if (minReady <= 0 || wrong.length !== 1 || wrong[0] !== 'availableReplicas') return null;
  const all = members(world, set);
  const held = missingNameHeld(world, set, all);
  if (!held) return null;
  const reported = Number(set.status?.availableReplicas ?? 0);
  const running = (p: KObject) => p.status?.phase === 'Running';
  const availableAt = (ms: number) =>
    all.filter((m) => running(m.pod) && isPodAvailable(m.pod as Pod, minReady, ms)).length;
  if (reported > availableAt(world.now) || reported < availableAt(world.now - MAX_SYNC_BACKOFF_MS))
    return null;
  return {
    en: `availableReplicas=${reported} lags by design: ${held.en}; a failed sync returns before the minReadySeconds requeue (syncStatefulSet), so pods that became available since wait for that retry`,
    ko: `availableReplicas=${reported}는 설계상 늦다: ${held.ko}. 실패한 동기화는 minReadySeconds 뒤의 재큐잉 전에 끝나므로(syncStatefulSet), 그 뒤에 가용 상태가 된 파드는 그 재시도 때 반영된다`,
  };
}

export const statefulSetChecks: WorkloadChecks = {
  kind: 'StatefulSet',
  notConverged(world, set) {
    const all = members(world, set);
    const byOrdinal = new Map(all.map((m) => [m.ordinal, m.pod]));
    const start = set.spec?.ordinals?.start ?? 0;
    const end = start + (set.spec?.replicas ?? 1);
    const anyExcused = all.some((m) => excused(world, m.pod));
    const ordered = set.spec?.podManagementPolicy !== 'Parallel';
    const problems = slotProblems(world, set, byOrdinal);
    const extra = all
      .filter((m) => (m.ordinal < start || m.ordinal >= end) && !heldByFinalizer(m.pod))
      .map((m) => m.pod.metadata.name);
    // A halted OrderedReady scale-down also holds the rollout: the sync returns before it; so does
    // a slot whose create keeps failing because its name is still taken (with Parallel too: the
    // sync returns on the create error before scale-down and the rollout).
    const halted =
      (ordered && extra.length > 0 && scaleDownHalted(all, start, end)) ||
      missingNameHeld(world, set, all) !== null;
    if (extra.length > 0 && !((ordered && anyExcused) || halted))
      problems.push({
        en: `${extra.join(', ')} should be gone`,
        ko: `spec.replicas 범위 밖의 파드가 아직 남아 있다: ${extra.join(', ')}`,
      });
    if (!anyExcused && !halted) {
      const update = updateRevisionIn(world, set);
      const stale = staleMembers(world, set, all);
      if (stale.length > 0)
        problems.push({
          en: `${stale.join(', ')} not at update revision ${update}`,
          ko: `아직 업데이트 리비전 ${update}에 맞춰 업데이트되지 않은 파드가 있다: ${stale.join(', ')}`,
        });
    }
    if (problems.length === 0) return null;
    return { en: problems.map((p) => p.en).join('; '), ko: problems.map((p) => p.ko).join('; ') };
  },
  heldByDesign: heldBehind,
  statusHeldByDesign: availabilityLagByDesign,
  fingerprint: (world, set) =>
    members(world, set)
      .map((m) => m.pod.metadata.uid)
      .sort()
      .join(','),
  expectedStatus(world, set) {
    const pods = members(world, set).map((m) => m.pod);
    const live = pods.filter((p) => !p.metadata.deletionTimestamp);
    const update = updateRevisionIn(world, set);
    const minReady = set.spec?.minReadySeconds ?? 0;
    const running = (p: KObject) => p.status?.phase === 'Running';
    return {
      replicas: pods.length,
      readyReplicas: pods.filter((p) => running(p) && ready(p)).length,
      availableReplicas: pods.filter((p) => running(p) && isPodAvailable(p as Pod, minReady, world.now))
        .length,
      currentReplicas: live.filter((p) => p.metadata.labels?.[REVISION] === set.status?.currentRevision)
        .length,
      updatedReplicas: live.filter((p) => p.metadata.labels?.[REVISION] === update).length,
      updateRevision: update,
      ...completedRollout(set, pods, live, update),
      observedGeneration: set.metadata.generation,
    };
  },
};
