/**
 * daemonset.rollout-budget: a RollingUpdate takes down at most maxUnavailable daemon pods and adds
 * at most maxSurge extra ones, judged against the pods and nodes the controller saw when it
 * planned the rolling step (the write cause carries that view), as update.go counts them.
 */
import type { KObject } from '../model/types.ts';
import type { RollView, WriteRecord } from '../sim/api/types.ts';
import type { World } from '../sim/world.ts';
import {
  available,
  currentHash,
  daemonPlacement,
  daemonPodNode,
  podsPerNode,
  revisionHash,
  rolloutBudget,
  surges,
} from './semantics/daemonset.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { dsCause, hasKind } from './util.ts';

interface Step {
  ds: KObject;
  view: RollView;
  creates: string[];
  deletes: KObject[];
}

/** The step's rolling-update writes, grouped by the view they were planned from. */
function rollingSteps(world: World): Step[] {
  const steps = new Map<RollView, Step>();
  for (const w of world.stepWrites) {
    const cause = w.kind === 'Pod' ? dsCause(w) : undefined;
    const view = cause?.rollView;
    if (!cause || !view) continue;
    const step = steps.get(view) ?? { ds: cause.dsView, view, creates: [], deletes: [] };
    steps.set(view, step);
    addWrite(step, w);
  }
  return [...steps.values()];
}

function addWrite(step: Step, w: WriteRecord): void {
  if (w.verb === 'create' && w.after) {
    const node = daemonPodNode(w.after);
    if (node) step.creates.push(node);
  } else if (w.verb === 'delete' && w.before) step.deletes.push(w.before);
}

/** The node's live pods split by template, or undefined when it holds more than one of a kind. */
function split(pods: readonly KObject[], hash: string): { fresh?: KObject; old?: KObject } | undefined {
  const live = pods.filter((p) => !p.metadata.deletionTimestamp);
  const fresh = live.filter((p) => revisionHash(p) === hash);
  const old = live.filter((p) => revisionHash(p) !== hash);
  if (fresh.length > 1 || old.length > 1) return undefined;
  return { fresh: fresh[0], old: old[0] };
}

interface Counts {
  /** Nodes whose daemon is already unavailable (no pod, two, or one not available). */
  unavailable: number;
  /** Nodes with a surge pod not yet available beside the old one (or more than one of a kind). */
  surging: number;
  /** Nodes whose old pod is available with no new pod beside it. */
  oldAvailable: Set<string>;
  byNode: Map<string, KObject[]>;
  shouldRun: Set<string>;
}

/**
 * update.go's counts over every node that should run the pod or holds one, from the view. `hash` is
 * the current revision's (after a rollback or a same-name re-create it need not be the template's).
 */
function count(step: Step, hash: string): Counts {
  const { ds, view } = step;
  const byNode = podsPerNode(view.pods);
  const shouldRun = new Set(
    view.nodes.filter((n) => daemonPlacement(ds, n).shouldRun).map((n) => n.metadata.name),
  );
  const c: Counts = { unavailable: 0, surging: 0, oldAvailable: new Set(), byNode, shouldRun };
  const ok = (p: KObject) => available(p, ds, view.atMs);
  for (const node of new Set([...byNode.keys(), ...shouldRun])) {
    const s = split(byNode.get(node) ?? [], hash);
    if (!s) {
      c.unavailable++;
      c.surging++;
    } else if (s.fresh && s.old) {
      c.unavailable++;
      if (!ok(s.fresh)) c.surging++;
    } else if (!s.fresh && !s.old) c.unavailable++;
    else if (!ok((s.fresh ?? s.old)!)) c.unavailable++;
    else if (s.old) c.oldAvailable.add(node);
  }
  return c;
}

/**
 * A deleted pod that was available, as the controller saw it (the store may already know better),
 * and leaves its (wanted) node with no other available pod.
 */
function takesDown(step: Step, c: Counts, deleted: KObject): boolean {
  const node = daemonPodNode(deleted) ?? '';
  const pod = (c.byNode.get(node) ?? []).find((p) => p.metadata.uid === deleted.metadata.uid);
  if (!pod || !c.shouldRun.has(node) || !available(pod, step.ds, step.view.atMs)) return false;
  const gone = new Set(step.deletes.map((p) => p.metadata.uid));
  return !(c.byNode.get(node) ?? []).some(
    (p) =>
      !gone.has(p.metadata.uid) && !p.metadata.deletionTimestamp && available(p, step.ds, step.view.atMs),
  );
}

function judge(world: World, step: Step): Finding[] {
  const c = count(step, currentHash(step.ds, world.store.values('ControllerRevision')));
  const { maxSurge, maxUnavailable } = rolloutBudget(step.ds, c.shouldRun.size);
  const name = `daemonset/${step.ds.metadata.name}`;
  const findings: Finding[] = [];
  const down = step.deletes.filter((p) => takesDown(step, c, p));
  const room = Math.max(0, maxUnavailable - c.unavailable);
  if (down.length > room) {
    const pods = down.map((p) => `pod/${p.metadata.name}`);
    findings.push({
      message: `${name} took down ${down.length} available pods in one rolling step (${pods.join(', ')}) while ${c.unavailable} of ${c.shouldRun.size} nodes were already unavailable in its view: maxUnavailable ${maxUnavailable} leaves room for ${room}`,
      messageKo: `${name}: 컨트롤러가 본 노드 ${c.shouldRun.size}개 중 ${c.unavailable}개가 이미 unavailable인데 롤링 한 단계에서 available 파드 ${down.length}개를 내렸다 (${pods.join(', ')}): maxUnavailable=${maxUnavailable}이므로 ${room}개까지만 허용된다`,
      objects: [name, ...pods],
    });
  }
  if (!surges(step.ds)) return findings;
  const extra = step.creates.filter((n) => c.oldAvailable.has(n));
  const surgeRoom = Math.max(0, maxSurge - c.surging);
  if (extra.length > surgeRoom)
    findings.push({
      message: `${name} created ${extra.length} surge pods in one rolling step (on ${extra.join(', ')}) while ${c.surging} surge pods were not yet available in its view: maxSurge ${maxSurge} leaves room for ${surgeRoom}`,
      messageKo: `${name}: 컨트롤러가 보기에 아직 available이 아닌 surge 파드가 ${c.surging}개 있는데 롤링 한 단계에서 surge 파드 ${extra.length}개를 만들었다 (노드 ${extra.join(', ')}): maxSurge=${maxSurge}이므로 ${surgeRoom}개까지만 허용된다`,
      objects: [name, ...extra.map((n) => `node/${n}`)],
    });
  return findings;
}

export const daemonsetRolloutBudget: SafetyInvariant = {
  id: 'daemonset.rollout-budget',
  kind: 'safety',
  concept: 'daemonset',
  claim: {
    en: 'A DaemonSet rolling update takes down at most maxUnavailable daemon pods and adds at most maxSurge extra ones at a time, counting the pods as the controller saw them when it decided.',
    ko: '데몬셋의 롤링 업데이트는 컨트롤러가 결정할 때 본 파드를 기준으로, 한 번에 최대 maxUnavailable개의 데몬셋 파드만 내리고 최대 maxSurge개의 파드만 더 만든다.',
  },
  explain: {
    en: "Replacing the streetlights of a city one street at a time keeps most streets lit. maxUnavailable says how many streets may be dark at once (nodes with no pod, a pod that is not available, or a new pod still starting all count), and maxSurge how many streets may have a second light while the new one warms up. A controller that deletes every old pod at once leaves the whole cluster without its agent (log shipper, network plugin) for a while. Rounded up from percentages; with both 0, maxUnavailable is 1. Judged against the controller's own view when it planned the step, since its cache may lag.",
    ko: '도시의 가로등을 한 거리씩 바꾸면 대부분의 거리는 계속 밝다. maxUnavailable은 동시에 어두워도 되는 거리의 수(파드가 없거나, available이 아니거나, 새 파드가 아직 시작 중인 노드를 모두 센다), maxSurge는 새 가로등이 켜지는 동안 두 번째 가로등을 둘 수 있는 거리의 수다. 옛 파드를 한꺼번에 지우는 컨트롤러는 클러스터 전체에서 잠시 에이전트(로그 수집기, 네트워크 플러그인)를 없앤다. 백분율은 올림하고, 둘 다 0이면 maxUnavailable은 1이다. 캐시가 늦을 수 있으므로 컨트롤러가 그 단계를 계획할 때 본 상태를 기준으로 판단한다.',
  },
  appliesTo: (s) => hasKind(s, 'DaemonSet'),
  check(world) {
    if (world.stepWrites.length === 0) return [];
    return rollingSteps(world).flatMap((step) => judge(world, step));
  },
};
