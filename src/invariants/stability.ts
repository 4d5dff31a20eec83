/**
 * What workload.converges looks at during the stability window, after the workload converged and
 * no fault is left: does anything still move, and is that the controller's fault?
 *
 * A hot loop is a write that changes nothing, or a create/delete cycle of pods while nothing else
 * happens. Status that follows pods whose application crash-loops is not one: readiness really
 * flaps, and Kubernetes writes each change. Pods that keep ending Failed or Succeeded by their own
 * application are replaced by design (a ReplicaSet has no back-off for that), so that churn is a
 * held-by-design note, never a violation.
 */
import type { KObject } from '../model/types.ts';
import type { World } from '../sim/world.ts';
import type { Explanation, Finding } from './types.ts';
import { appCanBeReady, controlledPods, perVersion } from './util.ts';

export interface StabilityMemo {
  /** Uids of the owned active pods (WorkloadChecks.fingerprint). */
  print: string;
  rv: string;
  /** resourceVersions of every pod the workload controls. */
  podVersions: string;
  /** Dropped no-op writes of the workload's controller to the workload and its pods. */
  noops: number;
  /**
   * Whether its application could not run when it converged: the failing pods may be replaced by
   * the time the window ends (a StatefulSet's current revision moves on), and they were the churn.
   */
  cannotRun: boolean;
}

/** The workload controller's actor name, as the trace and the API store's records spell it. */
function controllerActor(obj: KObject): string {
  return `${obj.kind.toLowerCase()}-controller`;
}

function needlessWrites(world: World, obj: KObject): number {
  const actor = controllerActor(obj);
  const ns = obj.metadata.namespace ?? 'default';
  let n = world.store.noopCount(actor, obj.kind, `${ns}/${obj.metadata.name}`);
  for (const p of controlledPods(world, obj.metadata.uid))
    n += world.store.noopCount(actor, 'Pod', `${ns}/${p.metadata.name}`);
  return n;
}

/**
 * What the workload's own writes follow: its pods, and for a Deployment (which controls no pod) its
 * ReplicaSets and their pods, whose statuses its status sums.
 */
function followed(world: World, obj: KObject): KObject[] {
  const pods = controlledPods(world, obj.metadata.uid);
  if (obj.kind !== 'Deployment') return pods;
  const sets = world.store
    .list('ReplicaSet')
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === obj.metadata.uid));
  return [...pods, ...sets.flatMap((rs) => [rs, ...controlledPods(world, rs.metadata.uid)])];
}

/**
 * A Deployment's status also follows the clock: when progressDeadlineSeconds passes without
 * progress, it is rewritten once (Progressing=False, ProgressDeadlineExceeded) with no pod changed.
 */
function deadlineState(obj: KObject): string[] {
  if (obj.kind !== 'Deployment') return [];
  const c = (obj.status?.conditions ?? []).find((x: { type: string }) => x.type === 'Progressing');
  return [`Progressing=${c?.status ?? ''}/${c?.reason ?? ''}`];
}

export function stabilityMemo(world: World, obj: KObject, print: string): StabilityMemo {
  return {
    print,
    rv: obj.metadata.resourceVersion,
    // Of the API store's objects only: the same at both looks when nothing was written in between.
    podVersions: perVersion(world, 'podVersions', obj, (o) =>
      followed(world, o)
        .map((p) => p.metadata.resourceVersion)
        .concat(deadlineState(o))
        .join(','),
    ),
    noops: needlessWrites(world, obj),
    cannotRun: appCannotRun(world, obj),
  };
}

/**
 * The templates the workload makes pods from: its spec's, and a StatefulSet's current revision
 * (pods below a partition, or any pod under OnDelete, come back at it, even when it is a failing
 * build that a later template update fixed only above the partition).
 */
function podTemplates(world: World, obj: KObject): KObject[] {
  const templates = [obj.spec?.template];
  const current = obj.kind === 'StatefulSet' ? obj.status?.currentRevision : undefined;
  if (typeof current === 'string') {
    // A revision's data is the patch {spec: {template}} (semantics/revisions.ts), not the template.
    const rev = world.store.get('ControllerRevision', `${obj.metadata.namespace ?? 'default'}/${current}`) as
      | { data?: { spec?: { template?: KObject } } }
      | undefined;
    templates.push(rev?.data?.spec?.template);
  }
  return templates.filter((t) => t).map((t) => ({ ...t, metadata: t.metadata ?? {} }) as KObject);
}

/**
 * True when the workload's application cannot run to Ready: a template it still makes pods from or
 * one of its pods. A workload scaled to zero waits on no pod (a rolled-back Deployment's broken
 * ReplicaSet), so its template alone holds nothing.
 */
export function appCannotRun(world: World, obj: KObject): boolean {
  // Asked up to three times a look per workload (the check, its memo, the stability finding).
  return perVersion(world, 'appCannotRun', obj, (o) => computeAppCannotRun(world, o));
}

function computeAppCannotRun(world: World, obj: KObject): boolean {
  const asksForPods = obj.spec?.replicas !== 0;
  if (asksForPods && podTemplates(world, obj).some((t) => !appCanBeReady(t))) return true;
  // A Deployment's pods are its ReplicaSets' (a paused one can keep running a failing build).
  return followed(world, obj).some((p) => p.kind === 'Pod' && !appCanBeReady(p));
}

/** Why a converged workload whose application cannot run is still a pass, en and ko. */
export function appCannotRunNote(name: string): Finding {
  return {
    message: `${name}: its application crash-loops or ends by itself, so its pods never all become Ready; Kubernetes restarts or replaces them and reports each change`,
    messageKo: `${name}: 애플리케이션이 반복해서 죽거나 스스로 끝나서 파드가 모두 Ready가 되지 않는다. 쿠버네티스는 파드를 재시작하거나 교체하고 바뀐 상태를 그때마다 기록한다`,
    objects: [name],
  };
}

/** The finding (if any) for a workload that converged at `before` and is converged again now. */
export function stabilityFinding(
  world: World,
  obj: KObject,
  name: string,
  before: StabilityMemo,
  print: string,
): Finding | null {
  const cannotRun = before.cannotRun || appCannotRun(world, obj);
  if (podsLeft(before.print, print) && !cannotRun) {
    return {
      message: `${name} kept changing after it converged: its pods were replaced during the stability window`,
      messageKo: `${name}의 상태가 수렴한 뒤에도 계속 바뀌었다: 안정 구간 동안 파드가 교체되었다`,
      objects: [name],
    };
  }
  // Taken once: its count of needless writes is the one the window is judged by.
  const now = stabilityMemo(world, obj, print);
  const noops = now.noops - before.noops;
  if (noops > 0)
    return hotLoop(name, {
      en: `${noops} writes that changed nothing`,
      ko: `아무것도 바꾸지 않는 쓰기 ${noops}번`,
    });
  if (before.rv !== now.rv && before.podVersions === now.podVersions && !cannotRun) {
    return hotLoop(name, {
      en: 'rewrites while none of its pods changed',
      ko: '파드가 하나도 바뀌지 않았는데도 다시 쓰기',
    });
  }
  return null;
}

/**
 * Whether a pod of the first fingerprint is gone from the second: a replacement always removes one.
 * A pod that only joins the fingerprint is not judged (a kind may leave out, for a while, pods it
 * expects to be replaced, as the DaemonSet check does for nodes in their failed-pod back-off).
 */
function podsLeft(before: string, now: string): boolean {
  if (before === now || before === '') return false;
  const present = new Set(now.split(','));
  return before.split(',').some((uid) => !present.has(uid));
}

function hotLoop(name: string, what: Explanation): Finding {
  return {
    message: `${name} kept rewriting itself after it converged (a hot loop): ${what.en} during the stability window`,
    messageKo: `${name}의 오브젝트가 수렴한 뒤에도 계속 다시 쓰였다 (핫 루프): 안정 구간 동안 ${what.ko}`,
    objects: [name],
  };
}
