import { TAINT_NOT_READY, TAINT_UNREACHABLE } from '../model/taints.ts';
import type { KObject, Taint } from '../model/types.ts';
import type { DaemonSetCause, WriteRecord } from '../sim/api/types.ts';
import type { World } from '../sim/world.ts';
import { daemonPlacement } from './semantics/daemonset.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { dsCause, hasKind } from './util.ts';

const EVICTOR = 'taint-eviction-controller';

function isDaemonPod(pod: KObject | undefined): boolean {
  return pod?.metadata.ownerReferences?.some((r) => r.controller === true && r.kind === 'DaemonSet') ?? false;
}

function taintText(node: KObject | undefined, lang: 'en' | 'ko' = 'en'): string {
  const taints = (node?.spec?.taints ?? []) as Taint[];
  if (taints.length === 0) return lang === 'ko' ? '테인트 없음' : 'no taints';
  return taints.map((t) => `${t.key}:${t.effect}`).join(', ');
}

/** A create by the DaemonSet controller, judged against the node and DaemonSet it had cached. */
function checkCreate(w: WriteRecord, cause: DaemonSetCause): Finding | null {
  const node = cause.nodeView;
  const ds = cause.dsView;
  const pod = `pod/${w.after!.metadata.name}`;
  if (!node)
    return {
      message: `${pod} was created for node ${cause.node}, which was not in the controller's cache`,
      messageKo: `${pod}: 노드 ${cause.node}에 배치하려고 만든 파드인데, 그 노드는 컨트롤러의 캐시에 없었다`,
      objects: [pod],
    };
  if (daemonPlacement(ds, node).shouldRun) return null;
  return {
    message: `${pod} was created for ${cause.node}, but in the controller's view that node was not eligible (${taintText(node)})`,
    messageKo: `${pod}: 노드 ${cause.node}에 배치하려고 만든 파드인데, 컨트롤러가 본 그 노드는 자격이 없었다 (${taintText(node, 'ko')})`,
    objects: [pod, `node/${cause.node}`, `daemonset/${ds.metadata.name}`],
  };
}

/** A deletion for ineligibility must be one Kubernetes would make: an untolerated NoExecute taint or a selector mismatch. */
function checkDelete(w: WriteRecord, cause: DaemonSetCause): Finding | null {
  if (cause.reason !== 'misscheduled') return null;
  const node = cause.nodeView;
  const ds = cause.dsView;
  if (!node || !daemonPlacement(ds, node).shouldContinueRunning) return null;
  const pod = `pod/${w.before!.metadata.name}`;
  return {
    message: `${pod} was deleted from ${cause.node} although it may keep running there (${taintText(node)}): only an untolerated NoExecute taint ends a daemon pod`,
    messageKo: `${pod}: 노드 ${cause.node}에서 계속 실행해도 되는데 삭제되었다 (${taintText(node, 'ko')}): 데몬셋 파드를 없앨 수 있는 것은 허용되지 않은 NoExecute 테인트뿐이다`,
    objects: [pod, `node/${cause.node}`, `daemonset/${ds.metadata.name}`],
  };
}

/** The taint-eviction controller must never evict a daemon pod for not-ready or unreachable. */
function checkEviction(world: World, w: WriteRecord): Finding | null {
  const pod = w.before!;
  const node = world.store.get('Node', pod.spec?.nodeName ?? '');
  const noExecute = ((node?.spec?.taints ?? []) as Taint[]).filter((t) => t.effect === 'NoExecute');
  const lifecycleOnly =
    noExecute.length > 0 && noExecute.every((t) => t.key === TAINT_NOT_READY || t.key === TAINT_UNREACHABLE);
  if (!lifecycleOnly) return null;
  return {
    message: `pod/${pod.metadata.name} of a DaemonSet was evicted from ${pod.spec?.nodeName} for ${noExecute.map((t) => t.key).join(', ')}: daemon pods tolerate not-ready and unreachable forever`,
    messageKo: `데몬셋의 pod/${pod.metadata.name}: ${noExecute.map((t) => t.key).join(', ')} 테인트 때문에 노드 ${pod.spec?.nodeName}에서 축출되었다 (데몬셋 파드는 not-ready와 unreachable을 기한 없이 톨러레이션으로 허용한다)`,
    objects: [`pod/${pod.metadata.name}`, `node/${pod.spec?.nodeName}`],
  };
}

/** Placement: create only where eligible, never delete for NoSchedule, never taint-evict for node health. */
export const daemonsetPlacement: SafetyInvariant = {
  id: 'daemonset.placement',
  kind: 'safety',
  concept: 'daemonset',
  claim: {
    en: 'A DaemonSet never creates a pod for a node that is ineligible in its view, never deletes one for NoSchedule-only taints, and its pods are never evicted for not-ready/unreachable.',
    ko: '데몬셋은 자기가 보기에 자격이 없는 노드에 파드를 만들지 않고, NoSchedule 테인트만으로 파드를 지우지 않으며, 그 파드는 not-ready/unreachable 때문에 축출되지 않는다.',
  },
  explain: {
    en: 'A streetlight goes only on streets that allow it: nodeSelector, required node affinity and taints decide, as the controller saw the node when it decided (its cache may lag). NoSchedule means "no new lights here", not "tear down the one that is there" (kubernetes#53556); only an untolerated NoExecute taint removes a daemon pod. And a street whose power monitor went silent keeps its light: daemon pods tolerate not-ready and unreachable without a time limit, because node agents are needed most on sick nodes (kubernetes#41738). Cordoned nodes still get daemon pods; a NotReady node gets no new one but keeps its own.',
    ko: '가로등은 허용된 거리에만 세운다. nodeSelector, 필수 노드 어피니티, 테인트가 결정하며, 판단 기준은 컨트롤러가 결정할 때 캐시에서 본 노드다(캐시는 늦을 수 있다). NoSchedule은 "여기에 새 가로등 금지"이지 "있는 가로등을 철거하라"가 아니다(kubernetes#53556). 허용되지 않은 NoExecute 테인트만 데몬셋 파드를 없앤다. 또 상태 보고가 끊긴 거리도 가로등을 유지한다. 데몬셋 파드는 not-ready와 unreachable을 기한 없이 허용하는데, 아픈 노드일수록 노드 에이전트가 필요하기 때문이다(kubernetes#41738). 코든된 노드에도 데몬셋 파드는 생기고, NotReady 노드에는 새 파드가 생기지 않지만 기존 파드는 남는다.',
  },
  appliesTo: (s) => hasKind(s, 'DaemonSet'),
  check(world) {
    const findings: Finding[] = [];
    for (const w of world.stepWrites) {
      if (w.kind !== 'Pod') continue;
      let f: Finding | null = null;
      const cause = dsCause(w);
      if (cause) {
        if (w.verb === 'create') f = checkCreate(w, cause);
        else if (w.verb === 'delete') f = checkDelete(w, cause);
      } else if (w.actor === EVICTOR && w.verb === 'delete' && isDaemonPod(w.before)) {
        f = checkEviction(world, w);
      }
      if (f) findings.push(f);
    }
    return findings;
  },
};
