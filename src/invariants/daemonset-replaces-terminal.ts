/**
 * daemonset.replaces-terminal: a daemon pod that ended Succeeded or Failed does not stay on its
 * node: the controller deletes it (Succeeded at once, Failed after the node's back-off) and
 * manage() puts a fresh pod there (kubernetes#118716: pods that end Succeeded after a node
 * shutdown used to be kept, leaving the node without its daemon). The back-off is the node's, not
 * the pod's: a Failed pod queued behind others waits for a window that may start at the delete of
 * the pod before it, so its allowance counts from the later of its end and that delete, and the
 * report names such a wait as by design.
 */
import type { Finding, LivenessInvariant } from './types.ts';
import { hasKind, liveObjects } from './util.ts';
import { daemonPods, lingering } from './workloads/daemonset.ts';
import { waitsBehindLaterDelete } from './workloads/daemonset-pods.ts';

export const daemonsetReplacesTerminal: LivenessInvariant = {
  id: 'daemonset.replaces-terminal',
  kind: 'liveness',
  concept: 'daemonset',
  claim: {
    en: "After settle, no daemon pod that ended Succeeded or Failed is left on its node: Succeeded pods are deleted at once, Failed ones after the node's back-off, and a fresh pod takes their place.",
    ko: '안정화 후 Succeeded나 Failed로 끝난 데몬셋 파드는 노드에 남아 있지 않다. Succeeded 파드는 바로, Failed 파드는 노드별 백오프 뒤에 삭제되고 새 파드가 그 자리를 채운다.',
  },
  explain: {
    en: 'A streetlight that went out is taken down and replaced, whatever made it go out. A daemon pod ends Failed when it is evicted or rejected, and Succeeded when its node shuts down gracefully; either way nothing restarts it, so only the DaemonSet controller can bring the node its daemon back. Kubernetes once replaced only Failed pods, and nodes restarted after a shutdown kept a Succeeded pod and no agent (kubernetes#118716). Failed pods wait out the per-node back-off (up to 15 min a window, counted from the last Failed pod the controller deleted on that node, one window per Failed pod queued there), Succeeded ones go at once.',
    ko: '꺼진 가로등은 이유가 무엇이든 철거하고 새것으로 바꾼다. 데몬셋 파드는 축출되거나 거부되면 Failed로, 노드가 정상 종료되면 Succeeded로 끝나며, 어느 쪽이든 다시 시작되지 않으므로 노드에 에이전트를 되돌려 줄 수 있는 것은 데몬셋 컨트롤러뿐이다. 쿠버네티스는 한때 Failed 파드만 교체해서, 종료 후 재시작한 노드에 Succeeded 파드만 남고 에이전트가 없었다(kubernetes#118716). Failed 파드는 노드별 백오프(구간마다 최대 15분, 컨트롤러가 그 노드에서 마지막으로 Failed 파드를 지운 때부터 세며, 노드에 쌓인 Failed 파드마다 한 구간)를 기다리고, Succeeded 파드는 바로 지운다.',
  },
  appliesTo: (s) => hasKind(s, 'DaemonSet'),
  check(world, ctx) {
    const findings: Finding[] = [];
    for (const ds of liveObjects(world, 'DaemonSet')) {
      for (const p of daemonPods(world, ds)) {
        const since = waitsBehindLaterDelete(world, p);
        if (since === undefined) continue;
        const name = `daemonset/${ds.metadata.name}`;
        const pod = `pod/${p.metadata.name}`;
        const node = p.spec?.nodeName;
        const t = (since / 1000).toFixed(1);
        ctx.held({
          message: `${name}: ${pod} ended Failed on ${node} and waits its turn: the controller deleted another Failed pod there at ${t} s, and the node's failed-pod back-off (up to 15 min) counts from that delete, as Kubernetes does (podsShouldBeOnNode deletes one Failed pod a node per back-off window)`,
          messageKo: `${name}: ${pod} 파드는 ${node}에서 Failed로 끝나 차례를 기다린다. 컨트롤러가 ${t}초에 그 노드의 다른 Failed 파드를 지웠고, 노드별 Failed 파드 백오프(최대 15분)는 그 삭제부터 다시 센다. 쿠버네티스도 같다 (podsShouldBeOnNode는 백오프 구간마다 노드당 Failed 파드 하나만 지운다)`,
          objects: [name, pod, `node/${node}`],
        });
      }
      const stale = daemonPods(world, ds).filter((p) => lingering(world, p));
      if (stale.length === 0) continue;
      const name = `daemonset/${ds.metadata.name}`;
      const pods = stale.map((p) => `pod/${p.metadata.name} (${p.status?.phase} on ${p.spec?.nodeName})`);
      const podsKo = stale.map((p) => `pod/${p.metadata.name}: ${p.spec?.nodeName}에서 ${p.status?.phase}`);
      findings.push({
        message: `${name} left finished pods on their nodes instead of replacing them: ${pods.join(', ')}`,
        messageKo: `${name}: 끝난 파드를 교체하지 않고 노드에 남겨 두었다 (${podsKo.join(', ')})`,
        objects: [name, ...stale.map((p) => `pod/${p.metadata.name}`)],
      });
    }
    return findings;
  },
};
