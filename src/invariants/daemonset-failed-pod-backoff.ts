/**
 * daemonset.failed-pod-backoff: the DaemonSet controller deletes the Failed daemon pods of one node
 * no faster than its per-node back-off allows (daemon_controller.go `failedPodsBackoff`: 1 s,
 * doubling to 15 min, forgotten after 30 quiet minutes, keyed by DaemonSet, observedGeneration and
 * node, and lost when the controller process restarts), so a pod the node keeps failing is not
 * recreated in a hot loop. The judge keeps its own back-off record, fed by each step's writes.
 */
import type { KObject } from '../model/types.ts';
import type { DaemonSetCause, WriteRecord } from '../sim/api/types.ts';
import type { World } from '../sim/world.ts';
import {
  currentHash,
  daemonPlacement,
  daemonPodNode,
  FAILED_BACKOFF_INITIAL_MS,
  FAILED_BACKOFF_MAX_MS,
  revisionHash,
} from './semantics/daemonset.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { dsCause, hasKind } from './util.ts';

interface Backoff {
  lastMs: number;
  delayMs: number;
}

const records = new WeakMap<World, Map<string, Backoff>>();
/** When the controller last deleted a Failed pod, per `<ds uid>/<node>` (for the stability window). */
const lastDeletes = new WeakMap<World, Map<string, number>>();

/**
 * When the DaemonSet controller last deleted a Failed pod of this DaemonSet on this node, as this
 * claim saw it (undefined when never, or when the claim is not checked in this run).
 */
export function lastFailedPodDeleteMs(world: World, dsUid: string, node: string): number | undefined {
  return lastDeletes.get(world)?.get(`${dsUid}/${node}`);
}

/**
 * A delete the back-off governs: the controller removing a Failed pod of the current template from
 * a node that may keep it (a Failed pod of an old template goes with the rolling update, and one
 * on a node that must not run it goes as misscheduled, neither behind the back-off).
 */
function governed(world: World, w: WriteRecord): { ds: KObject; node: string; cause: DaemonSetCause } | null {
  const pod = w.before;
  const cause = dsCause(w);
  if (w.kind !== 'Pod' || w.verb !== 'delete' || !cause) return null;
  const { dsView: ds, nodeView } = cause;
  if (!pod || !nodeView || pod.status?.phase !== 'Failed' || pod.metadata.deletionTimestamp) return null;
  // The current revision's hash: after a rollback or a same-name re-create it need not be the template's.
  const hash = currentHash(ds, world.store.values('ControllerRevision'));
  if (revisionHash(pod) !== hash || !daemonPlacement(ds, nodeView).shouldContinueRunning) return null;
  const node = daemonPodNode(pod);
  return node ? { ds, node, cause } : null;
}

function judge(world: World, book: Map<string, Backoff>, w: WriteRecord): Finding | null {
  const g = governed(world, w);
  if (!g) return null;
  const { ds, node, cause } = g;
  const key = `${ds.metadata.uid}/${cause.process}/${ds.status?.observedGeneration ?? 0}/${node}`;
  const b = book.get(key);
  // The controller advances its back-off when it plans the delete; the write lands a round trip later.
  const now = cause.plannedAtMs;
  let finding: Finding | null = null;
  if (b && now - b.lastMs < b.delayMs) {
    const pod = `pod/${w.before!.metadata.name}`;
    const name = `daemonset/${ds.metadata.name}`;
    const gap = now - b.lastMs;
    finding = {
      message: `${name} deleted Failed ${pod} on ${node} ${gap} ms after the previous Failed pod there, inside its back-off of ${b.delayMs} ms (a create/delete hot loop)`,
      messageKo: `${name}: 노드 ${node}에서 Failed 상태인 ${pod}를 이전 Failed 파드 삭제 후 ${gap}ms 만에 지웠다. 백오프 ${b.delayMs}ms 안이므로 생성/삭제 핫 루프이다`,
      objects: [name, pod, `node/${node}`],
    };
  }
  const last = lastDeletes.get(world) ?? new Map<string, number>();
  lastDeletes.set(world, last);
  last.set(`${ds.metadata.uid}/${node}`, now);
  if (!b || now - b.lastMs > 2 * FAILED_BACKOFF_MAX_MS)
    book.set(key, { lastMs: now, delayMs: FAILED_BACKOFF_INITIAL_MS });
  else book.set(key, { lastMs: now, delayMs: Math.min(2 * b.delayMs, FAILED_BACKOFF_MAX_MS) });
  return finding;
}

export const daemonsetFailedPodBackoff: SafetyInvariant = {
  id: 'daemonset.failed-pod-backoff',
  kind: 'safety',
  concept: 'daemonset',
  claim: {
    en: 'After a daemon pod on a node fails, the DaemonSet controller waits out its per-node back-off (1 s doubling to 15 min) before it deletes the next Failed pod on that node.',
    ko: '노드의 데몬셋 파드가 실패하면, 데몬셋 컨트롤러는 그 노드의 다음 Failed 파드를 지우기 전에 노드별 백오프(1초에서 두 배씩 최대 15분)를 기다린다.',
  },
  explain: {
    en: 'A streetlight that keeps burning out on the same street should not be replaced every second: something about that street is wrong (the kubelet rejects the pod, the agent cannot start there). The DaemonSet controller deletes a Failed daemon pod and creates a fresh one, but per node it backs off: 1 s after the first failure, then 2 s, 4 s… up to 15 minutes, so a node that fails every pod costs the API server almost nothing. Without it, the controller and the kubelet feed each other in a create/delete hot loop. A new template (a new observedGeneration) or a controller restart starts the back-off again.',
    ko: '같은 거리에서 가로등이 계속 나간다면 매초 갈아 끼워서는 안 된다. 그 거리에 무언가 문제가 있는 것이다(kubelet이 파드를 거부하거나, 에이전트가 그 노드에서 시작하지 못한다). 데몬셋 컨트롤러는 Failed 파드를 지우고 새 파드를 만들지만, 노드별로 백오프한다. 첫 실패 뒤 1초, 그다음 2초, 4초… 최대 15분까지 늘려서, 모든 파드가 실패하는 노드라도 API 서버에 거의 부담을 주지 않는다. 백오프가 없으면 컨트롤러와 kubelet이 생성/삭제 핫 루프를 돈다. 새 템플릿(새 observedGeneration)이나 컨트롤러 재시작은 백오프를 처음부터 다시 시작한다.',
  },
  appliesTo: (s) => hasKind(s, 'DaemonSet'),
  check(world) {
    let book = records.get(world);
    if (!book) {
      book = new Map();
      records.set(world, book);
    }
    const findings: Finding[] = [];
    for (const w of world.stepWrites) {
      const f = judge(world, book, w);
      if (f) findings.push(f);
    }
    return findings;
  },
};
