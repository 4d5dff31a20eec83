/**
 * Korean text for the DaemonSet controller's decision (src/controllers/daemonset/controller.ts
 * `describe`): the template hash, then what the sync will do, in Kubernetes' order. Node and pod
 * names stay as written; a learner finds them in the cluster picture.
 */

/** Why a DaemonSet deletes a pod (daemonset/plan.ts and rolling.ts `DeleteReason`). */
const DELETE_REASON: Readonly<Record<string, string>> = {
  'node-gone': 'Node 없음',
  misscheduled: '배치 조건에 맞지 않음',
  failed: 'Failed',
  succeeded: 'Succeeded',
  duplicate: '중복',
  'surge-replaced': 'surge로 교체됨',
  'rolling-update': '롤링 업데이트',
};

const DAEMON_PLAN =
  /^(, expectations pending)?(?:, create on (.+?))?(?:, delete (.+?))?(?:, rolling nodes? \(maxSurge ([^,]+), maxUnavailable ([^)]+)\))?$/;

/** `hash <h>[, expectations pending][, create on <nodes>][, delete <pods>][, rolling ...]`. */
export function daemonPlanKo(hash: string, rest: string): string | undefined {
  const m = DAEMON_PLAN.exec(rest);
  if (!m) return undefined;
  const parts = [`템플릿 hash ${hash}`];
  if (m[1]) parts.push('expectations 대기 중');
  if (m[2]) parts.push(`Pod를 만들 Node: ${listKo(m[2])}`);
  if (m[3]) parts.push(`삭제: ${listKo(m[3]).replace(/\(([^)]+)\)/g, (w, r: string) => reasonKo(r) ?? w)}`);
  if (m[4]) parts.push(`Node를 새 템플릿으로 교체 (maxSurge ${m[4]}, maxUnavailable ${m[5]})`);
  return parts.join(', ');
}

/** A list the controllers cut after five items: `a, b, c, d, e and 3 more`. */
function listKo(list: string): string {
  return list.replace(/ and (\d+) more$/, ' 외 $1개');
}

/** A delete reason in Korean, in its parentheses; undefined for one this file does not know. */
function reasonKo(reason: string): string | undefined {
  const said = DELETE_REASON[reason];
  return said === undefined ? undefined : `(${said})`;
}
