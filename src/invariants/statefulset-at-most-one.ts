import { podRef, stsOwner, stsWrites } from './statefulset-util.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { hasKind } from './util.ts';

/**
 * At-most-one identity (kubernetes#54368): read the machines, not the API. For every StatefulSet
 * pod touched in this step, at most one container with that identity really runs, on all nodes
 * together, reachable or not. The store already refuses a second object with the same name, so a
 * second copy can only come from replacing an object whose container still runs somewhere.
 */
export const statefulsetAtMostOne: SafetyInvariant = {
  id: 'statefulset.at-most-one',
  kind: 'safety',
  concept: 'statefulset',
  claim: {
    en: 'At every moment at most one running instance of each StatefulSet identity exists across all nodes, reachable or not; a replacement is created only after the old pod object is gone.',
    ko: '어느 순간에도 스테이트풀셋의 각 식별자(identity)는 모든 노드를 통틀어(연결이 끊긴 노드 포함) 최대 하나만 실행된다. 대체 파드는 이전 파드 오브젝트가 사라진 뒤에만 만든다.',
  },
  explain: {
    en: 'Room 1 has one key. When a node drops off the network, its pods keep running: the control plane only stops hearing from them. After 5 minutes the taint eviction marks web-1 Terminating, but nobody can confirm it stopped, so the StatefulSet waits (for the node to come back, a force delete, or the Node to be deleted) instead of creating a second web-1 that would write to the same volume. A ReplicaSet would replace it at once; a StatefulSet must not.',
    ko: '1번 방의 열쇠는 하나뿐이다. 노드가 네트워크에서 끊겨도 그 위의 파드는 계속 실행된다. 컨트롤 플레인이 소식을 듣지 못할 뿐이다. 5분 뒤 테인트 기반 축출이 web-1을 Terminating으로 표시하지만 멈췄는지 확인해 줄 kubelet이 없으므로, 스테이트풀셋은 같은 볼륨에 쓰는 두 번째 web-1을 만들지 않고 기다린다(노드 복귀, force delete, 노드 삭제). 레플리카셋이라면 바로 교체하겠지만 스테이트풀셋은 그러면 안 된다.',
  },
  appliesTo: (s) => hasKind(s, 'StatefulSet'),
  check(world) {
    const names = new Set<string>();
    for (const w of stsWrites(world)) {
      const pod = w.after ?? w.before;
      if (w.kind === 'Pod' && pod && stsOwner(pod))
        names.add(`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`);
    }
    if (names.size === 0) return [];
    const running = new Map<string, string[]>();
    let copies = false;
    for (const m of world.machines.values()) {
      for (const c of m.containers.values()) {
        if (!c.running || !names.has(c.podKey)) continue;
        const nodes = running.get(c.podKey);
        if (nodes) {
          nodes.push(m.name);
          copies = true;
        } else running.set(c.podKey, [m.name]);
      }
    }
    if (!copies) return [];
    const findings: Finding[] = [];
    for (const [key, nodes] of [...running.entries()].sort()) {
      if (nodes.length < 2) continue;
      nodes.sort((a, b) => a.localeCompare(b));
      const name = key.slice(key.indexOf('/') + 1);
      findings.push({
        message: `${nodes.length} copies of ${name} are running at once, on ${nodes.join(' and ')}`,
        messageKo: `${name} 파드가 ${nodes.length}개 동시에 실행되고 있다 (노드 ${nodes.join(', ')}): 방 하나에 손님이 둘 이상 묵고 있는 셈이다`,
        objects: [podRef(name), ...nodes.map((n) => `node/${n}`)],
      });
    }
    return findings;
  },
};
