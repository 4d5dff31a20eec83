/**
 * DaemonSet lab — starter. Fill in reconcile so that every node runs exactly one pod of each
 * DaemonSet. Grade it with: npx kubeprop lab daemonset ./this-file.ts
 *
 * Hints:
 * - Bind a daemon pod to its node with spec.nodeName.
 * - The cache lags: the pod you created for a node a moment ago may not be there yet.
 * - A pod whose phase is Failed or Succeeded will not run again; one being deleted still holds its node.
 * - A node joining or leaving concerns every DaemonSet (onEvent).
 *
 * 데몬셋 실습 — 시작 파일. 모든 노드에서 각 데몬셋의 파드가 정확히 하나씩 실행되도록 reconcile을
 * 채운다. 채점: npx kubeprop lab daemonset ./this-file.ts
 * - 파드는 spec.nodeName으로 노드에 묶는다. 캐시는 늦게 갱신된다.
 * - phase가 Failed나 Succeeded인 파드는 다시 실행되지 않고, 삭제 중인 파드는 아직 노드를 차지한다.
 */
import type { Controller } from 'kubeprop';

const controller: Controller = {
  name: 'lab-daemonset',
  kind: 'DaemonSet',
  watches: ['Pod', 'Node'],
  async reconcile(key, client) {
    const ds = client.get('DaemonSet', key);
    if (!ds) return undefined;
    // TODO: for each node in client.list('Node'), make sure exactly one pod of this DaemonSet runs there.
    return undefined;
  },
};

export default controller;
