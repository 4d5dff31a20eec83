/**
 * ReplicaSet lab — starter. Fill in reconcile so that each ReplicaSet keeps exactly spec.replicas
 * active pods. Grade it with: npx kubeprop lab replicaset ./this-file.ts
 *
 * Hints:
 * - `client.get` and `client.list` read a cache that lags: the pods you created a moment ago may
 *   not be there yet. What stops you from creating them twice? (Kubernetes: "expectations".)
 * - A pod that is being deleted, or whose phase is Succeeded or Failed, will not run again.
 * - A rejected write throws an ApiError; throwing it from reconcile retries the key with back-off.
 *
 * 레플리카셋 실습 — 시작 파일. 각 레플리카셋이 정확히 spec.replicas개의 활성 파드를 유지하도록
 * reconcile을 채운다. 채점: npx kubeprop lab replicaset ./this-file.ts
 * - `client.get`과 `client.list`는 늦게 갱신되는 캐시를 읽는다. 방금 만든 파드가 아직 안 보일 수 있다.
 * - 삭제 중인 파드, phase가 Succeeded나 Failed인 파드는 다시 실행되지 않는다.
 */
import type { Controller } from 'kubeprop';

const controller: Controller = {
  name: 'lab-replicaset',
  kind: 'ReplicaSet',
  watches: ['Pod'],
  async reconcile(key, client) {
    const rs = client.get('ReplicaSet', key);
    if (!rs) return undefined;
    // TODO: list the pods this ReplicaSet controls, count the active ones, create or delete the
    // difference, and write status.replicas.
    return undefined;
  },
};

export default controller;
