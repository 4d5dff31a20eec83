/**
 * Korean text for controller decision lines (src/controllers/shared/base.ts `send`):
 * `<from> → <to> on <EVENT>[: <detail>]` and the restart line.
 *
 * State and event names stay as they are, because the report's state diagram is drawn with them;
 * the line reads `idle → creatingPod (SYNC 이벤트): default/web: web-1 생성`, the same shape as the
 * diagram's edge titles. The detail is what each controller's `describe` writes (workload key,
 * then its decision); decisions of the three controllers differ in form, so one parser tries each.
 * A detail this module does not know leaves the whole line in English: a half-translated decision
 * would hide that the translation is missing. (An API error message quoted inside a known decision
 * is the exception: it is the API's own text, kept as written when apiKo.ts does not know it.)
 */
import { apiMessageKo } from './apiKo.ts';
import { daemonPlanKo } from './daemonPlanKo.ts';
import { firstMatch, type Rule } from './rules.ts';

const TRANSITION = /^(\S+) → (\S+) on (\w+)(?:: (.*))?$/s;
const RESTARTED = 'process restarted: work queue and expectations lost';
/** A workload key, `<namespace>/<name>`. */
const KEY = '([^\\s:/]+/[^\\s:]+)';
const KEYED = new RegExp(`^${KEY}: (.*)$`, 's');

/** A controller line in Korean, or undefined when it is not one the controllers write. */
export function controllerLineKo(text: string): string | undefined {
  if (text === RESTARTED) return '프로세스 재시작: work queue와 expectations를 잃음';
  const m = TRANSITION.exec(text);
  if (!m) return undefined;
  const head = `${m[1]} → ${m[2]} (${m[3]} 이벤트)`;
  if (m[4] === undefined) return head;
  const detail = detailKo(m[4]);
  return detail === undefined ? undefined : `${head}: ${detail}`;
}

const KEY_ONLY: readonly Rule[] = [
  [new RegExp(`^${KEY}$`), (m) => m[1]],
  [new RegExp(`^${KEY} is gone$`), (m) => `${m[1]}: 더 이상 없음 (삭제됨)`],
  [new RegExp(`^${KEY} is being deleted$`), (m) => `${m[1]}: 삭제되는 중이라 Pod도 status도 건드리지 않음`],
];

function detailKo(detail: string): string | undefined {
  const keyed = firstMatch(KEY_ONLY, detail);
  if (keyed !== undefined) return keyed;
  const m = KEYED.exec(detail);
  if (!m) return undefined;
  const decision = decisionKo(m[2]!);
  return decision === undefined ? undefined : `${m[1]}: ${decision}`;
}

/** What the sync decided: the part after the workload key. */
function decisionKo(rest: string): string | undefined {
  return firstMatch(DECISIONS, rest) ?? failureKo(rest);
}

const DECISIONS: readonly Rule[] = [
  [/^nothing to do$/, () => '할 일 없음'],
  [
    /^adopt (\d+), release (\d+)(?:, adopt (\d+) orphaned revisions?)?$/,
    (m) =>
      `Pod ${m[1]}개 입양(adopt), ${m[2]}개 놓아줌(release)${m[3] ? `, 주인 없는 revision ${m[3]}개 입양` : ''}`,
  ],
  [/^empty selector selects no pods$/, () => '셀렉터가 비어 있어 어떤 Pod도 선택하지 않음'],
  // ReplicaSet (replicaset/controller.ts describe)
  [/^(\d+)\/(\d+) pods$/, (m) => `Pod ${m[1]}개 (목표 ${m[2]}개)`],
  [/^(\d+)\/(\d+) pods, create (\d+)$/, (m) => `Pod ${m[1]}개 (목표 ${m[2]}개), ${m[3]}개 생성`],
  [/^(\d+)\/(\d+) pods, delete (.+)$/, (m) => `Pod ${m[1]}개 (목표 ${m[2]}개), ${m[3]} 삭제`],
  [
    /^expectations pending (\{.*\})$/,
    (m) => `expectations 대기 중 ${m[1]}: 앞서 요청한 생성·삭제를 캐시에서 아직 보지 못함`,
  ],
  // DaemonSet (daemonset/controller.ts describe)
  [/^hash ([^\s,]+)(.*)$/, (m) => daemonPlanKo(m[1]!, m[2]!)],
  // StatefulSet (statefulset/sync.ts describe)
  [
    /^waiting for (\S+) to become Running and Ready$/,
    (m) => `${m[1]} Pod가 Running이고 Ready가 되기를 기다림`,
  ],
  [/^waiting for (\S+) to go away$/, (m) => `${m[1]} Pod가 완전히 사라지기를 기다림`],
  [
    /^(create|createClaims|repair|deleteCondemned|deleteTerminal|updateDelete) ?(\S*)$/,
    (m) => intentKo(m[1]!, m[2]!),
  ],
];

/** StatefulSet intents (statefulset/plan.ts) on the pod they name. */
const INTENT: Readonly<Record<string, (pod: string) => string>> = {
  create: (pod) => `${pod} 생성`,
  createClaims: (pod) => `${pod}의 PVC 생성`,
  repair: (pod) => `${pod}의 정체성과 PVC 연결 복구`,
  deleteCondemned: (pod) => `축소 대상 ${pod} 삭제`,
  deleteTerminal: (pod) => `Failed 또는 Succeeded 단계인 ${pod} 삭제`,
  updateDelete: (pod) => `새 revision으로 바꾸려고 ${pod} 삭제`,
};

function intentKo(intent: string, pod: string): string {
  return INTENT[intent]!(pod || 'Pod');
}

/** Errors a sync stops on, quoting the API's message when there is one. */
const FAILURES: readonly Rule[] = [
  [
    new RegExp(`^can't adopt pods: ${KEY} is being deleted or gone$`),
    (m) => `Pod를 입양할 수 없음: ${m[1]} 삭제 중이거나 없음`,
  ],
  [/^create Pod (\S+) failed: (.*)$/s, (m) => `Pod ${m[1]} 생성 실패: ${apiMessageKo(m[2]!) ?? m[2]}`],
  [/^failed to create PVC (\S+): (.*)$/s, (m) => `PVC ${m[1]} 생성 실패: ${apiMessageKo(m[2]!) ?? m[2]}`],
  [/^pvc (\S+) is being deleted$/, (m) => `PVC ${m[1]} 삭제 중`],
  [/^too many revision name collisions$/, () => 'revision 이름 충돌이 너무 많음'],
];

function failureKo(rest: string): string | undefined {
  return firstMatch(FAILURES, rest) ?? apiMessageKo(rest);
}
