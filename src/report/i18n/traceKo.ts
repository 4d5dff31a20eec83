/**
 * Korean text for the trace lines a Korean report shows, other than faults, skipped events and
 * violations (src/report/eventText.ts handles those). The simulator writes its trace in English and
 * the trace is what the digest and replays compare, so it never changes; only what a report shows
 * does. Each writer's phrasings are matched here:
 *
 * - controller decisions: controllerKo.ts (the DaemonSet's plan: daemonPlanKo.ts);
 * - API writes and rejected writes (the scheduler, the garbage collector, node lifecycle, volumes
 *   and the controllers all act through them): apiKo.ts;
 * - the kubelet (src/sim/kubelet.ts), taint eviction (src/sim/taintEviction.ts) and the runner's
 *   notes (src/run/runScenario.ts): this file.
 *
 * Object references (`pod/web-0`), phases and field summaries stay as written. A line no rule knows
 * gives undefined, and the report shows the English line unchanged.
 */
import type { TraceEvent } from '../../trace/types.ts';
import { apiErrorLineKo, writeLineKo } from './apiKo.ts';
import { controllerLineKo } from './controllerKo.ts';
import { firstMatch, type Rule } from './rules.ts';

/** Why a kubelet waits before starting a pod (the volume manager's admission, src/sim/volumes.ts). */
const WAIT_REASONS: readonly Rule[] = [
  [/^persistentvolumeclaim "([^"]+)" not found$/, (m) => `persistentvolumeclaim "${m[1]}" 없음`],
  [/^persistentvolumeclaim "([^"]+)" is being deleted$/, (m) => `persistentvolumeclaim "${m[1]}" 삭제 중`],
  [
    /^persistentvolumeclaim "([^"]+)" is not bound yet$/,
    (m) => `persistentvolumeclaim "${m[1]}" 아직 바인딩되지 않음`,
  ],
];

const KUBELET: readonly Rule[] = [
  [/^waiting to start (pod\/\S+): (.*)$/s, (m) => `${m[1]} 시작 대기: ${reasonKo(m[2]!)}`],
  [/^rejected (pod\/\S+): (.*)$/s, (m) => `${m[1]} 거부: ${reasonKo(m[2]!)}`],
  [/^started (pod\/\S+) \(restarts (\d+)\)$/, (m) => `${m[1]} 시작 (재시작 ${m[2]}회)`],
  [
    /^container of (pod\/\S+) exited; restart in (\S+)$/,
    (m) => `${m[1]}의 컨테이너 종료됨, back-off ${m[2]} 후 재시작`,
  ],
  [
    /^container of (pod\/\S+) exited with code 0; restart in (\S+)$/,
    (m) => `${m[1]}의 컨테이너가 코드 0으로 종료됨(restartPolicy Always), back-off ${m[2]} 후 재시작`,
  ],
  [/^(pod\/\S+) (Failed|Succeeded)$/, (m) => `${m[1]}: ${m[2]} 단계로 끝남`],
  [/^stopped (pod\/\S+)$/, (m) => `${m[1]} 컨테이너 정상 종료`],
  [/^stopped (pod\/\S+): power loss$/, (m) => `${m[1]} 컨테이너 멈춤: 머신 전원이 꺼짐`],
  [/^killed (pod\/\S+): pod object is gone$/, (m) => `${m[1]} 컨테이너 강제 종료: Pod 오브젝트가 사라짐`],
];

const NODE: readonly Rule[] = [
  [
    /^evicting (pod\/\S+): node (\S+) has NoExecute taints$/,
    (m) => `${m[1]} 축출(evict): Node ${m[2]}에 NoExecute taint가 있음`,
  ],
];

const INFO: readonly Rule[] = [
  [/^kubeprop (\S+) (scenario=.*)$/, (m) => `kubeprop ${m[1]} 실행 시작: ${m[2]}`],
  [/^(\S+) controller runs mutant '([^']+)'$/, (m) => `${m[1]} 컨트롤러: mutant '${m[2]}' 버전으로 실행`],
  [/^internal error: (.*)$/s, (m) => `내부 오류: ${m[1]}`],
];

/** A trace line in Korean, or undefined when no rule knows it (the report then shows the English). */
export function traceKo(e: Pick<TraceEvent, 'kind' | 'text'> & { actor?: string }): string | undefined {
  switch (e.kind) {
    case 'controller':
      return controllerLineKo(e.text);
    case 'kubelet':
      return firstMatch(KUBELET, e.text);
    case 'node':
      return firstMatch(NODE, e.text);
    case 'info':
      return firstMatch(INFO, e.text);
    case 'create':
    case 'update':
    case 'status':
    case 'delete':
      return writeLineKo(e.actor ?? '', e.text);
    case 'api-error':
      return apiErrorLineKo(e.text);
    default:
      return undefined;
  }
}

/** A wait or reject reason in Korean; one the volume manager does not write is kept as is. */
function reasonKo(reason: string): string {
  return firstMatch(WAIT_REASONS, reason) ?? reason;
}
