/**
 * statefulset.replaces-terminal: a pod of a StatefulSet that ended Failed or Succeeded does not stay:
 * the controller deletes it and creates the same identity again (processReplica: "restart the pod
 * regardless of the exit code" — a pod ends Succeeded after a graceful node shutdown as often as
 * Failed). The waits Kubernetes makes on purpose: with OrderedReady the sync stops at the first
 * lower ordinal that is not Running and Ready, before it reaches the finished pod; with Parallel
 * (slowStartBatch over the slots) it stops after a batch whose call failed, so a finished pod in a
 * later batch waits while a lower slot's create keeps failing (its name still held by a pod the set
 * does not own, then the work queue's back-off).
 */
import type { KObject } from '../model/types.ts';
import type { World } from '../sim/world.ts';
import {
  endedNoLaterThanMs,
  healthy,
  memberOrdinal,
  runningAndAvailable,
  terminal,
} from './semantics/statefulset.ts';
import { type FailingSlot, failingEarlierBatch, podCallRejectedWithinBackoff } from './statefulset-util.ts';
import type { Finding, LivenessInvariant } from './types.ts';
import { controlledPods, hasKind, liveObjects } from './util.ts';

/** How long the controller may take to notice a finished pod (a watch event, a sync, a round trip). */
const NOTICE_MS = 60_000;

/** In-range members of the set by slot (ordinal − start). */
function slots(world: World, set: KObject): Map<number, KObject> {
  const start = set.spec?.ordinals?.start ?? 0;
  const replicas = set.spec?.replicas ?? 1;
  const out = new Map<number, KObject>();
  for (const p of controlledPods(world, set.metadata.uid)) {
    const ord = memberOrdinal(set.metadata.name, p);
    if (ord !== undefined && ord >= start && ord < start + replicas) out.set(ord - start, p);
  }
  return out;
}

/** The lowest slot below `slot` an OrderedReady sync stops at, if any. */
function orderedBlocker(world: World, set: KObject, bySlot: Map<number, KObject>, slot: number) {
  if (set.spec?.podManagementPolicy === 'Parallel') return undefined;
  const minReady = set.spec?.minReadySeconds ?? 0;
  for (let s = 0; s < slot; s++) {
    const p = bySlot.get(s);
    if (!p || !healthy(p) || !runningAndAvailable(p, minReady, world.now))
      return `${set.metadata.name}-${(set.spec?.ordinals?.start ?? 0) + s}`;
  }
  return undefined;
}

/** Why a lower slot's call keeps failing (statefulset-util.ts `failingEarlierBatch`). */
const FAILING_WHY: Record<FailingSlot['why'], { en: string; ko: string }> = {
  finalizer: {
    en: 'a pod of that name that the set does not own is being deleted and a finalizer keeps it, so every create fails with AlreadyExists',
    ko: '스테이트풀셋이 소유하지 않은 같은 이름의 파드가 삭제 중인데 파이널라이저가 붙잡고 있어 생성이 매번 AlreadyExists로 실패한다',
  },
  backoff: {
    en: "a pod the set did not own held that name until recently, every create failed with AlreadyExists, and the set is retried on the work queue's back-off (up to 1000 s)",
    ko: '스테이트풀셋이 소유하지 않은 파드가 최근까지 그 이름을 쓰고 있어 생성이 AlreadyExists로 실패했고, 워크 큐의 백오프(최대 1000초)에 따라 다시 시도한다',
  },
  rejected: {
    en: "it ended too and the API server rejected its delete, so the set is retried on the work queue's back-off (up to 1000 s)",
    ko: '그 파드도 끝났는데 API 서버가 삭제를 거부해 워크 큐의 백오프(최대 1000초)에 따라 다시 시도한다',
  },
};

export const statefulsetReplacesTerminal: LivenessInvariant = {
  id: 'statefulset.replaces-terminal',
  kind: 'liveness',
  concept: 'statefulset',
  claim: {
    en: 'After settle, no pod of a StatefulSet that ended Failed or Succeeded is left in its slot: the controller deletes it and creates the same identity again.',
    ko: '안정화 후 Failed나 Succeeded로 끝난 스테이트풀셋 파드는 자기 자리에 남아 있지 않다. 컨트롤러가 그 파드를 지우고 같은 이름으로 다시 만든다.',
  },
  explain: {
    en: 'A guest who checked out, for whatever reason, does not keep the room key: the hotel clears the room and gives the same room number to the next guest, with the same storage. A pod ends Failed when it is evicted or rejected, and Succeeded when its node shuts down gracefully or its process exits 0; nothing restarts either, so the StatefulSet controller must delete it and create it again. With OrderedReady it gets there only once every lower ordinal is Running and Ready, which the report names as a wait by design; with Parallel, likewise, while the create of a lower ordinal keeps failing (its name is still held by a pod the set does not own): the batches stop at the failed one.',
    ko: '어떤 이유로든 체크아웃한 손님은 방 열쇠를 계속 갖고 있지 않는다. 호텔은 방을 비우고 같은 방 번호와 같은 짐 보관함을 다음 손님에게 준다. 파드는 축출되거나 거부되면 Failed로, 노드가 정상 종료되거나 프로세스가 0으로 끝나면 Succeeded로 끝나며, 어느 쪽이든 다시 시작되지 않으므로 스테이트풀셋 컨트롤러가 지우고 다시 만들어야 한다. OrderedReady에서는 더 낮은 서수가 모두 Running 및 Ready일 때에야 그 차례가 오며, Parallel에서도 더 낮은 서수의 생성이 계속 실패하는 동안(스테이트풀셋이 소유하지 않은 파드가 아직 그 이름을 쓰고 있을 때)은 배치가 실패한 곳에서 멈추므로 마찬가지다. 리포트는 이를 설계상 대기로 밝힌다.',
  },
  appliesTo: (s) => hasKind(s, 'StatefulSet'),
  check(world, ctx) {
    const findings: Finding[] = [];
    for (const set of liveObjects(world, 'StatefulSet')) {
      const bySlot = slots(world, set);
      const name = `statefulset/${set.metadata.name}`;
      for (const [slot, pod] of [...bySlot].sort((a, b) => a[0] - b[0])) {
        if (!terminal(pod) || pod.metadata.deletionTimestamp) continue;
        if (world.now - endedNoLaterThanMs(pod) <= NOTICE_MS) continue;
        const pname = pod.metadata.name;
        const phase = pod.status?.phase;
        const rejectedAt = podCallRejectedWithinBackoff(world, pod);
        if (rejectedAt !== undefined) {
          const t = (rejectedAt / 1000).toFixed(1);
          ctx.held({
            message: `${name}: ${pname} ended ${phase}; the API server rejected the controller's call on it at ${t} s, so the set is retried on the work queue's back-off (up to 1000 s), as Kubernetes does`,
            messageKo: `${name}: ${pname} 파드는 ${phase} 상태로 끝났고, API 서버가 ${t}초에 컨트롤러의 요청을 거부했다. 쿠버네티스처럼 워크 큐의 백오프(최대 1000초)가 지난 뒤 다시 시도한다`,
            objects: [name, `pod/${pname}`],
          });
          continue;
        }
        const blocker = orderedBlocker(world, set, bySlot, slot);
        if (blocker) {
          ctx.held({
            message: `${name}: ${pname} ended ${phase} and waits behind ${blocker}, which is not Running and Ready (OrderedReady replaces in order)`,
            messageKo: `${name}: ${pname} 파드는 ${phase} 상태로 끝났고, 더 낮은 서수인 ${blocker} 파드가 Running 및 Ready가 아니어서 차례를 기다린다 (OrderedReady는 순서대로 교체한다)`,
            objects: [name, `pod/${pname}`, `pod/${blocker}`],
          });
          continue;
        }
        const failing = failingEarlierBatch(world, set, slot);
        if (failing) {
          const why = FAILING_WHY[failing.why];
          ctx.held({
            message: `${name}: ${pname} ended ${phase} and waits behind ${failing.name}: ${why.en}; Parallel's slow-start batches stop after a failed one, before they reach ${pname}, as Kubernetes does`,
            messageKo: `${name}: ${pname} 파드는 ${phase} 상태로 끝났고 ${failing.name} 파드 뒤에서 기다린다: ${why.ko}. 쿠버네티스처럼 Parallel의 슬로 스타트 배치는 실패한 배치에서 멈추므로 ${pname} 차례가 아직 오지 않는다`,
            objects: [name, `pod/${pname}`, `pod/${failing.name}`],
          });
          continue;
        }
        findings.push({
          message: `${name} left ${pname}, which ended ${phase}, in its slot instead of creating it again`,
          messageKo: `${name}: ${phase} 상태로 끝난 ${pname} 파드를 지우고 다시 만들지 않고 그대로 두었다`,
          objects: [name, `pod/${pname}`],
        });
      }
    }
    return findings;
  },
};
