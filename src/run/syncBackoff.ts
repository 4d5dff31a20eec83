/**
 * The work queue's back-off, as liveness judging must allow for it. A ReplicaSet sync whose call the
 * API server rejects (an injected failure, a conflict) returns the error, and client-go's default
 * controller rate limiter requeues the set after 5 ms, doubling with each failure in a row up to
 * 1000 s. After a long run of failed creates the next try may come after the settle time ends, as
 * on a real cluster: the set's settle window extends by that back-off, and the verdict says so.
 *
 * The judge sees the rejected calls, not the failed syncs. A ReplicaSet sync fails only through a
 * rejected call, so counting every rejected call as one failed sync bounds the back-off from above:
 * several rejections in one sync, a rejection the controller ignores (a delete that finds the pod
 * gone), or a successful sync that resets the count, only shorten it.
 *
 * StatefulSets are left to their own excuses (src/invariants/workloads/statefulset.ts): their syncs
 * also fail with no rejected call (a claim being deleted), so rejections bound nothing there, and
 * a flat 1000 s after any rejection would excuse every mutant that meets a routine conflict.
 */
import type { KObject } from '../model/types.ts';
import type { World } from '../sim/world.ts';

export const BASE_BACKOFF_MS = 5;
/** client-go's DefaultControllerRateLimiter: ItemExponentialFailureRateLimiter(5 ms, 1000 s). */
export const MAX_BACKOFF_MS = 1_000_000;
/**
 * How long a retry that came gets to finish the job: a sync, its writes, and pods started and
 * Ready (pod start is at most 3 s, minReadySeconds in the generators at most 15 s). Not the whole
 * settle time: a controller whose own needless writes meet a conflict is retried within
 * milliseconds, and must not earn a second settle window (mutant writes-unchanged-status).
 */
export const RETRY_SETTLE_MS = 60_000;

/** The longest wait before the next try after `failures` failed syncs in a row. */
export function backoffAfter(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.min(failures - 1, 40));
}

export interface SettleExtension {
  /** The workload as findings name it (`replicaset/web`). */
  workload: string;
  rejected: number;
  lastMs: number;
  backoffMs: number;
  /** When the extended settle window ends: the last retry, and the time it gets to finish. */
  untilMs: number;
}

function replicaSetNamed(world: World, name: string): KObject | undefined {
  for (const o of world.store.values('ReplicaSet')) if (o.metadata.name === name) return o;
  return undefined;
}

/**
 * The extension of the settle window of the ReplicaSet a finding names, if its controller met
 * rejected calls and its last retry, with the time it gets to finish, is not over by `world.now`.
 */
export function settleExtension(world: World, objects: readonly string[]): SettleExtension | null {
  const ref = objects.find((o) => o.startsWith('replicaset/'));
  const rs = ref && replicaSetNamed(world, ref.slice('replicaset/'.length));
  const r = rs && world.store.rejectionsFor('replicaset-controller', rs.metadata.uid);
  if (!ref || !r) return null;
  const backoffMs = backoffAfter(r.count);
  const untilMs = r.lastMs + backoffMs + RETRY_SETTLE_MS;
  if (world.now >= untilMs) return null;
  return { workload: ref, rejected: r.count, lastMs: r.lastMs, backoffMs, untilMs };
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** The held-by-design note for a finding the extension excuses, en and ko. */
export function extensionNote(e: SettleExtension, finding: { message: string; messageKo?: string }) {
  const calls = e.rejected === 1 ? '1 call' : `${e.rejected} calls`;
  return {
    message: `${e.workload}: settle window extended to ${seconds(e.untilMs)} by the work queue's back-off: the API server rejected ${calls} of its controller, the last at ${seconds(e.lastMs)}, and a failing sync is retried after 5 ms doubling up to 1000 s (here up to ${seconds(e.backoffMs)}); not converged yet: ${finding.message}`,
    messageKo: `${e.workload}: 워크 큐의 백오프 때문에 안정화 구간이 ${seconds(e.untilMs)}까지 늘어났다. API 서버가 컨트롤러의 호출 ${e.rejected}개를 거부했고 마지막 거부는 ${seconds(e.lastMs)}였다. 실패한 동기화는 5ms에서 시작해 두 배씩 늘려 최대 1000초(여기서는 최대 ${seconds(e.backoffMs)}) 뒤에 다시 시도된다. 아직 수렴하지 않은 내용: ${finding.messageKo ?? finding.message}`,
  };
}
