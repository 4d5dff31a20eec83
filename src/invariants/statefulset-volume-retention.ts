import { parseOrdinal, pvcNameFor } from '../model/ordinal.ts';
import type { KObject } from '../model/types.ts';
import type { WriteRecord } from '../sim/api/types.ts';
import { claimNames } from '../sim/volumes.ts';
import type { World } from '../sim/world.ts';
import { podRef, STS_ACTOR, stsCause, stsOwner, stsWrites } from './statefulset-util.ts';
import type { Explanation, Finding, SafetyInvariant } from './types.ts';
import { hasKind } from './util.ts';

/** Per run: for each claim, the PV its pods wrote to and how many records were there. */
const seen = new WeakMap<World, Map<string, { pv: string; records: number }>>();

function memo(world: World): Map<string, { pv: string; records: number }> {
  let m = seen.get(world);
  if (!m) {
    m = new Map();
    seen.set(world, m);
  }
  return m;
}

/** A pod created by the controller mounts `<tmpl>-<set>-<i>` for every template. */
function checkMounts(world: World, pod: KObject): Finding | null {
  const set = world.store.get('StatefulSet', `${pod.metadata.namespace ?? 'default'}/${stsOwner(pod)}`);
  const ord = parseOrdinal(pod.metadata.name)?.ordinal;
  if (!set || ord === undefined) return null;
  const vols = (pod.spec?.volumes ?? []) as Array<{
    name: string;
    persistentVolumeClaim?: { claimName?: string };
  }>;
  for (const t of (set.spec?.volumeClaimTemplates ?? []) as Array<{ metadata: { name: string } }>) {
    const want = pvcNameFor(t.metadata.name, set.metadata.name, ord);
    const got = vols.find((v) => v.name === t.metadata.name)?.persistentVolumeClaim?.claimName;
    if (got !== want)
      return {
        message: `${pod.metadata.name} was created mounting ${got ?? 'nothing'} instead of its own claim ${want}`,
        messageKo: got
          ? `${pod.metadata.name} 파드가 자기 PVC ${want} 대신 ${got} PVC를 마운트한 채 만들어졌다: 이 방에 남아 있던 짐을 볼 수 없다`
          : `${pod.metadata.name} 파드가 자기 PVC ${want} 없이, 아무 PVC도 마운트하지 않은 채 만들어졌다: 이 방에 남아 있던 짐을 볼 수 없다`,
        objects: [podRef(pod.metadata.name)],
      };
  }
  return null;
}

/**
 * A pod is never created on a claim being deleted, as the controller's cache showed it (PR #93457):
 * the kubelet will not mount it and pvc-protection keeps it while the pod exists, so the pod would
 * stay Pending for good.
 */
function checkTerminatingClaims(w: WriteRecord): Finding | null {
  const c = stsCause(w);
  if (c?.reason !== 'create' || !w.after) return null;
  const going = c.claimsSeen.find((p) => p?.metadata.deletionTimestamp);
  if (!going) return null;
  const pod = w.after.metadata.name;
  return {
    message: `${pod} was created on persistentvolumeclaim/${going.metadata.name}, which was being deleted (as the controller saw it): the pod can never start`,
    messageKo: `${pod} 파드를 삭제 중인 PVC ${going.metadata.name} 위에 만들었다 (컨트롤러가 본 상태 기준): 이 파드는 시작할 수 없다`,
    objects: [podRef(pod), `persistentvolumeclaim/${going.metadata.name}`],
  };
}

/** The controller sets owner references on a claim only as the retention policy says. */
function checkClaimOwners(w: WriteRecord): Finding | null {
  const c = stsCause(w);
  if (!c || !w.after || w.removed) return null;
  const policy = c.retention;
  const start = c.start;
  const end = start + c.observedReplicas;
  for (const r of w.after.metadata.ownerReferences ?? []) {
    if (r.uid === c.ownerUid && policy.whenDeleted !== 'Delete')
      return bad(w, {
        en: `owned by the StatefulSet although whenDeleted is ${policy.whenDeleted}`,
        ko: `whenDeleted=${policy.whenDeleted}인데 스테이트풀셋이 소유자로 지정되었다`,
      });
    if (r.kind !== 'Pod') continue;
    const ord = parseOrdinal(r.name)?.ordinal ?? -1;
    if (policy.whenScaled !== 'Delete')
      return bad(w, {
        en: `owned by pod ${r.name} although whenScaled is ${policy.whenScaled}`,
        ko: `whenScaled=${policy.whenScaled}인데 ${r.name} 파드가 소유자로 지정되었다`,
      });
    if (ord >= start && ord < end)
      return bad(w, {
        en: `owned by pod ${r.name}, which is not scaled down`,
        ko: `스케일 다운되지 않은 ${r.name} 파드가 소유자로 지정되었다`,
      });
  }
  return null;
}

function bad(w: WriteRecord, why: Explanation): Finding {
  return {
    message: `persistentvolumeclaim/${w.after!.metadata.name} ${why.en}: the garbage collector would delete its data`,
    messageKo: `persistentvolumeclaim/${w.after!.metadata.name}: ${why.ko}: 이대로라면 가비지 수집기가 이 PVC와 그 데이터를 지운다`,
    objects: [`persistentvolumeclaim/${w.after!.metadata.name}`],
  };
}

/** A container of a StatefulSet pod (re)started: it must see its volume and all its earlier data. */
function checkData(world: World, pod: KObject): Finding[] {
  const m = memo(world);
  const out: Finding[] = [];
  const ns = pod.metadata.namespace ?? 'default';
  for (const claim of claimNames(pod)) {
    const pv = world.volumes.boundVolume(ns, claim);
    if (!pv) continue;
    const key = `${ns}/${claim}`;
    const before = m.get(key);
    const records = world.volumes.data(pv).length;
    if (before && before.pv !== pv) {
      out.push({
        message: `${pod.metadata.name} now mounts ${pv} through ${claim}, but its earlier incarnations wrote to ${before.pv}: their data is gone`,
        messageKo: `${pod.metadata.name} 파드의 PVC ${claim}에 바인딩된 볼륨은 이제 PV ${pv}인데, 같은 이름의 이전 파드가 데이터를 쓴 볼륨은 PV ${before.pv}이다: 그 데이터가 사라졌다`,
        objects: [podRef(pod.metadata.name), `persistentvolumeclaim/${claim}`],
      });
    } else if (before && records < before.records) {
      out.push({
        message: `${pv} holds ${records} records, but ${before.records} were written before ${pod.metadata.name} started`,
        messageKo: `${pod.metadata.name} 파드가 시작되기 전에 기록 ${before.records}개가 쓰였는데, PV ${pv}에는 기록 ${records}개만 남아 있다`,
        objects: [podRef(pod.metadata.name)],
      });
    }
    m.set(key, { pv, records });
  }
  return out;
}

function started(w: WriteRecord): boolean {
  const now = w.after?.status?.containerStatuses?.[0]?.state?.running?.startedAt;
  const was = w.before?.status?.containerStatuses?.[0]?.state?.running?.startedAt;
  return now !== undefined && now !== was;
}

/** Volume retention (assertBurstInvariants storage + checkClaimInvariants), on the store and the volumes' data. */
export const statefulsetVolumeRetention: SafetyInvariant = {
  id: 'statefulset.volume-retention',
  kind: 'safety',
  concept: 'statefulset',
  claim: {
    en: 'Pod i always mounts PVC <tmpl>-<set>-<i> bound to the same PV; data written by earlier incarnations of pod i is still there; PVCs are deleted only as the retention policy says.',
    ko: '파드 i는 항상 같은 PV에 바인딩된 PVC <tmpl>-<set>-<i>를 마운트하고, 같은 이름의 이전 파드가 쓴 데이터가 그대로 남아 있으며, PVC는 보존 정책(retention policy)이 정한 경우에만 삭제된다.',
  },
  explain: {
    en: "Guests come and go, but the belongings stay in the room: when web-1 is recreated (a crash, an eviction, a rollout) it mounts the same claim and finds everything its predecessors wrote. The controller never deletes a claim itself; persistentVolumeClaimRetentionPolicy makes the StatefulSet (whenDeleted: Delete) or a scaled-down pod (whenScaled: Delete) an owner, and the garbage collector does the rest. Deleting a claim by hand is the user's choice and starts a fresh history.",
    ko: '손님은 바뀌어도 짐은 방에 남는다. web-1이 다시 만들어지면(크래시, 축출, 롤아웃) 같은 PVC를 마운트하고 이전 파드가 쓴 데이터를 모두 찾는다. 컨트롤러는 PVC를 직접 지우지 않는다. persistentVolumeClaimRetentionPolicy에 따라 스테이트풀셋(whenDeleted: Delete)이나 스케일 다운된 파드(whenScaled: Delete)를 소유자로 지정하고, 나머지는 가비지 수집기가 한다. 사용자가 직접 PVC를 지우는 것은 사용자의 선택이며 새 기록이 시작된다.',
  },
  appliesTo: (s) => hasKind(s, 'StatefulSet'),
  check(world) {
    const findings: Finding[] = [];
    for (const w of stsWrites(world)) {
      if (w.kind === 'PersistentVolumeClaim') {
        if (w.verb === 'delete' && w.actor === STS_ACTOR)
          findings.push({
            message: `the StatefulSet controller deleted persistentvolumeclaim/${w.key}`,
            messageKo: `스테이트풀셋 컨트롤러가 PVC를 직접 삭제했다: persistentvolumeclaim/${w.key} (PVC는 컨트롤러가 아니라 보존 정책에 따라 가비지 수집기가 지운다)`,
            objects: [`persistentvolumeclaim/${w.key}`],
          });
        const f = checkClaimOwners(w);
        if (f) findings.push(f);
      } else if (w.kind === 'Pod' && w.after && !w.removed) {
        if (w.verb === 'create' && w.actor === STS_ACTOR) {
          const f = checkMounts(world, w.after) ?? checkTerminatingClaims(w);
          if (f) findings.push(f);
        } else if (w.verb === 'status' && started(w)) findings.push(...checkData(world, w.after));
      }
    }
    // A claim that left the store (as the policy or a user said) starts a fresh history.
    for (const w of world.stepWrites)
      if (w.kind === 'PersistentVolumeClaim' && w.removed) memo(world).delete(w.key);
    return findings;
  },
};
