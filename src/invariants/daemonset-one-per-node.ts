import type { KObject } from '../model/types.ts';
import type { WriteRecord } from '../sim/api/types.ts';
import type { World } from '../sim/world.ts';
import { daemonPodNode, finished, surges } from './semantics/daemonset.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { hasKind } from './util.ts';

/** The DaemonSet uid controlling a pod, if a DaemonSet controls it. */
function daemonOwner(pod: KObject | undefined): string | undefined {
  const ref = pod?.metadata.ownerReferences?.find((r) => r.controller === true);
  return ref?.kind === 'DaemonSet' ? ref.uid : undefined;
}

/**
 * Pod objects per (DaemonSet, node), kept up to date from each step's writes, so a check costs
 * O(writes of the step) rather than O(pods) even on a 5,000-node cluster. Built from the store the
 * first time a world is seen.
 */
const indexes = new WeakMap<World, Map<string, Set<string>>>();

/** Per world, the last stored version of each DaemonSet seen, by uid. */
const seen = new WeakMap<World, Map<string, KObject>>();

function slot(uid: string, node: string): string {
  return `${uid}\u0000${node}`;
}

function buildIndex(world: World): Map<string, Set<string>> {
  const idx = new Map<string, Set<string>>();
  for (const pod of world.store.list('Pod')) {
    const uid = daemonOwner(pod);
    const node = uid && daemonPodNode(pod);
    if (!uid || !node) continue;
    const k = slot(uid, node);
    const set = idx.get(k) ?? new Set<string>();
    set.add(`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`);
    idx.set(k, set);
  }
  return idx;
}

function apply(idx: Map<string, Set<string>>, w: WriteRecord, touched: Set<string>): void {
  const beforeUid = daemonOwner(w.before);
  const beforeNode = beforeUid && daemonPodNode(w.before!);
  if (beforeUid && beforeNode) idx.get(slot(beforeUid, beforeNode))?.delete(w.key);
  if (w.removed) return;
  const uid = daemonOwner(w.after);
  const node = uid && daemonPodNode(w.after!);
  if (!uid || !node) return;
  const k = slot(uid, node);
  const set = idx.get(k) ?? new Set<string>();
  set.add(w.key);
  idx.set(k, set);
  touched.add(k);
}

/** With surge a node may hold the old and the new pod for a while; without, one pod object. */
function limitFor(ds: KObject | undefined): number {
  return ds && surges(ds) ? 2 : 1;
}

/**
 * The pods a slot counts against its limit: every object without surge (but a finished pod being
 * deleted); with surge only live ones (not terminating, not Failed or Succeeded). A surge rollout ignores pods being deleted
 * (findUpdatedPodsOnNode skips them), and the surge manage loop creates when no pod *runs*: a
 * Failed pod kept for its back-off, or one deleted in the same sync after the create, does not
 * hold a replacement back.
 */
function counted(world: World, keys: Set<string>, surge: boolean): string[] {
  return [...keys].filter((k) => {
    const pod = world.store.get('Pod', k);
    if (!pod) return false;
    // A finished pod being deleted (an object kept by a finalizer) runs nothing and no longer
    // occupies its node: the controller places the replacement beside it (kubernetes#118716).
    if (finished(pod) && pod.metadata.deletionTimestamp) return false;
    return !surge || (!pod.metadata.deletionTimestamp && !finished(pod));
  });
}

function overflow(name: string, node: string, names: string[], limit: number): Finding {
  const objects = [name, `node/${node}`, ...names.map((n) => `pod/${n}`)];
  if (limit > 1)
    return {
      message: `${name} has ${names.length} live pods on ${node} (at most ${limit} with maxSurge): ${names.join(', ')}`,
      messageKo: `노드 ${node}에 ${name}의 살아 있는 파드가 ${names.length}개 있다 (maxSurge가 있어도 최대 ${limit}개까지 허용된다): ${names.join(', ')}`,
      objects,
    };
  return {
    message: `${name} has ${names.length} pod objects on ${node} (at most ${limit} allowed): ${names.join(', ')}`,
    messageKo: `노드 ${node}에 ${name}의 파드 오브젝트가 ${names.length}개 있다 (종료 중인 파드도 세며 최대 ${limit}개까지 허용된다): ${names.join(', ')}`,
    objects,
  };
}

/** ≤ 1 pod object (terminating ones included) of a DaemonSet per node; ≤ 2 live ones with maxSurge. */
export const daemonsetOnePerNode: SafetyInvariant = {
  id: 'daemonset.one-per-node',
  kind: 'safety',
  concept: 'daemonset',
  claim: {
    en: 'With maxSurge 0, a node holds at most one pod object of a DaemonSet (terminating ones included, but not finished pods being deleted); with maxSurge, at most two live ones (not terminating, not finished).',
    ko: 'maxSurge가 0이면 한 노드에는 데몬셋의 파드 오브젝트가 최대 하나(종료 중인 것 포함, 삭제 중인 끝난 파드는 제외)만 있고, maxSurge가 있으면 살아 있는 파드(종료 중이거나 끝난 파드 제외)가 최대 두 개다.',
  },
  explain: {
    en: 'One streetlight per street. A daemon (a log shipper, a network agent) often owns something of the node — a host port, a socket, a file — so two copies fight over it. A new pod must wait until the old one has fully terminated (kubernetes#51464), and a controller that restarts must not trust a stale cache and place a second one (kubernetes#54096). Only a surge rollout may briefly run the old and the new light side by side.',
    ko: '거리마다 가로등은 하나다. 데몬셋의 파드(로그 수집기, 네트워크 에이전트)는 흔히 호스트 포트, 소켓, 파일처럼 노드의 자원을 독점하므로 두 개가 뜨면 서로 다툰다. 새 파드는 이전 파드가 완전히 종료될 때까지 기다려야 하고(kubernetes#51464), 재시작한 컨트롤러가 오래된 캐시를 믿고 두 번째 파드를 만들어서도 안 된다(kubernetes#54096). surge 롤아웃만 잠시 옛 가로등과 새 가로등을 나란히 켤 수 있다.',
  },
  appliesTo: (s) => hasKind(s, 'DaemonSet'),
  check(world) {
    let idx = indexes.get(world);
    const touched = new Set<string>();
    if (!idx) {
      idx = buildIndex(world);
      indexes.set(world, idx);
      for (const k of idx.keys()) touched.add(k);
    } else {
      for (const w of world.stepWrites) if (w.kind === 'Pod') apply(idx, w, touched);
    }
    const findings: Finding[] = [];
    const lastSeen = seen.get(world) ?? new Map<string, KObject>();
    seen.set(world, lastSeen);
    for (const k of [...touched].sort()) {
      const pods = idx.get(k);
      if (!pods || pods.size <= 1) continue;
      const [uid, node] = k.split('\u0000') as [string, string];
      // A DaemonSet already gone (its pods await the garbage collector) keeps the limit it had.
      const ds = world.store.byUid(uid) ?? lastSeen.get(uid);
      if (ds) lastSeen.set(uid, ds);
      const limit = limitFor(ds);
      if (pods.size <= limit) continue;
      const live = counted(world, pods, limit > 1);
      if (live.length <= limit) continue;
      const names = live.map((key) => key.slice(key.indexOf('/') + 1)).sort();
      findings.push(overflow(`daemonset/${ds?.metadata.name ?? uid}`, node, names, limit));
    }
    return findings;
  },
};
