import { scenarioKinds } from '../chaos/kinds.ts';
import { getControllerOf } from '../model/pod.ts';
import type { KObject } from '../model/types.ts';
import type { WriteRecord } from '../sim/api/types.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { ref } from './util.ts';

function controllerUid(o: KObject | undefined): string | undefined {
  return o && getControllerOf(o)?.uid;
}

function controllerCount(refs: KObject['metadata']['ownerReferences']): number {
  let n = 0;
  for (const r of refs ?? []) if (r.controller === true) n++;
  return n;
}

/**
 * Was the object terminating when the controller decided to adopt it? The controller can only skip
 * what its cache shows (ClaimPods checks the cached deletionTimestamp), and the patch it sends has
 * no such precondition, so the write's recorded view judges it; the store's copy only when the
 * write records none.
 */
function adoptedTerminating(w: WriteRecord): boolean {
  if (w.cause?.reason === 'adopt') return w.cause.observedTerminating;
  return !!w.before?.metadata.deletionTimestamp;
}

/**
 * At most one controller owns an object; a controller never takes an object from another one,
 * never adopts a terminating object, and never adopts while it is itself being deleted.
 */
export const ownershipSingleController: SafetyInvariant = {
  id: 'ownership.single-controller',
  kind: 'safety',
  concept: 'ownership',
  claim: {
    en: 'An object has at most one controller; no controller adopts an object owned by another, a terminating object, or while it is being deleted.',
    ko: '오브젝트의 컨트롤러는 최대 하나다. 다른 컨트롤러가 소유한 오브젝트, 종료 중인 오브젝트는 입양하지 않으며, 자신이 삭제되는 중에는 입양하지 않는다.',
  },
  explain: {
    en: "Labels say which pods a controller may manage; the ownerReference with controller: true says which one actually does. Only orphans may be adopted, and only by a controller that is not itself going away (the uncached re-check added for kubernetes#42639). Two controllers fighting over one pod would each count it and delete each other's work.",
    ko: '레이블은 컨트롤러가 관리할 수 있는 파드를, controller: true인 ownerReference는 실제로 관리하는 컨트롤러를 말한다. 고아 파드만 입양할 수 있고, 입양하는 컨트롤러 자신이 사라지는 중이어서는 안 된다(kubernetes#42639 이후 캐시를 거치지 않는 재확인). 두 컨트롤러가 한 파드를 두고 다투면 서로의 작업을 지우게 된다.',
  },
  appliesTo: (s) =>
    (['ReplicaSet', 'DaemonSet', 'StatefulSet', 'Deployment'] as const).some((k) => scenarioKinds(s).has(k)),
  check(world) {
    const findings: Finding[] = [];
    for (const w of world.stepWrites) {
      if (w.removed || !w.after) continue;
      const refs = w.after.metadata.ownerReferences;
      const controllers = controllerCount(refs);
      if (controllers > 1) {
        findings.push({
          message: `${ref(w.after)} has ${controllers} controller references`,
          messageKo: `${ref(w.after)}에 controller: true인 ownerReference가 ${controllers}개 있다 (컨트롤러는 하나여야 한다)`,
          objects: [ref(w.after)],
        });
      }
      // Most writes (a kubelet's status reports) keep the very same references: no change of owner.
      if (refs !== undefined && refs === w.before?.metadata.ownerReferences) continue;
      const before = controllerUid(w.before);
      const after = controllerUid(w.after);
      if (!after || before === after || w.verb === 'create') continue;
      const owner = world.store.byUid(after);
      const ownerRef = owner ? ref(owner) : after;
      if (before) {
        const prev = world.store.byUid(before);
        const prevRef = prev ? ref(prev) : before;
        findings.push({
          message: `${ownerRef} took ${ref(w.after)} from ${prevRef} (${w.actor})`,
          messageKo: `${ref(w.after)}의 컨트롤러가 바뀌었다 (${prevRef} → ${ownerRef}, ${w.actor}의 쓰기): 다른 컨트롤러가 소유한 오브젝트를 가져갔다`,
          objects: [ref(w.after), ownerRef, ...(prev ? [ref(prev)] : [])],
        });
      } else if (adoptedTerminating(w)) {
        findings.push({
          message: `${ownerRef} adopted ${ref(w.after)} although it was terminating`,
          messageKo: `종료 중인 ${ref(w.after)}에 ${ownerRef}의 controller ownerReference가 붙었다: 종료 중인 오브젝트는 입양하면 안 된다`,
          objects: [ref(w.after), ownerRef],
        });
      } else if (!owner || owner.metadata.deletionTimestamp) {
        findings.push({
          message: `${ownerRef} adopted ${ref(w.after)} while being deleted`,
          messageKo: `${ref(w.after)}에 ${ownerRef}의 controller ownerReference가 붙었지만, ${ownerRef} 자신은 삭제되는 중이었다: 사라지는 컨트롤러는 입양하면 안 된다`,
          objects: [ref(w.after), ownerRef],
        });
      }
    }
    return findings;
  },
};
