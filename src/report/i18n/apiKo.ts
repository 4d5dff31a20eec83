/**
 * Korean text for the API store's trace lines (src/sim/api/store.ts): writes (`create pod/web-0
 * node=- phase=Pending ready=false`), rejected writes (`status replicaset/frontend failed: Conflict:
 * ...`) and the API's error messages, which controllers also quote in their decisions.
 *
 * The object reference and the field summary after it stay exactly as the trace has them: they are
 * data a learner matches against the cluster picture and the final state. Only the verb is said in
 * Korean, after the reference, as Korean puts the verb last.
 */
import { firstMatch, type Rule } from './rules.ts';

/** Store verbs as the trace writes them → what they mean to a learner. */
const WRITE_VERB: Readonly<Record<string, string>> = {
  create: '생성',
  update: '변경',
  patch: '패치',
  status: '상태 보고',
  terminate: '종료 시작',
  delete: '삭제',
};

/** Verbs of a rejected write (`status` is the status subresource write, not a report of it). */
const FAILED_VERB: Readonly<Record<string, string>> = { ...WRITE_VERB, status: 'status 쓰기' };

/**
 * Writes whose meaning is clearer than their verb: the scheduler's patch of a pod is its binding to
 * a Node, the volume binder's patch of a claim is its binding to a PersistentVolume.
 */
const ACTOR_VERB: Readonly<Record<string, string>> = {
  'scheduler patch pod': 'Node에 배치',
  'persistentvolume-binder patch persistentvolumeclaim': 'PV에 바인딩',
};

const WRITE = /^(create|update|patch|status|terminate|delete) ([a-z]+)\/(\S+)((?: \S+)*)$/;
const FAILED = /^(create|update|patch|status|delete) ([a-z]+\/\S+) failed: (\w+): (.*)$/s;

/** `create pod/web-0 node=- ...` → `pod/web-0 생성 (node=- ...)`; undefined for any other line. */
export function writeLineKo(actor: string, text: string): string | undefined {
  const m = WRITE.exec(text);
  if (!m) return undefined;
  const [, verb, kind, name, summary] = m as unknown as [string, string, string, string, string];
  const said = ACTOR_VERB[`${actor} ${verb} ${kind}`] ?? WRITE_VERB[verb]!;
  const fields = summary.trim();
  return `${kind}/${name} ${said}${fields ? ` (${fields})` : ''}`;
}

/** `status replicaset/x failed: Conflict: <message>` → `replicaset/x status 쓰기 실패: Conflict: <메시지>`. */
export function apiErrorLineKo(text: string): string | undefined {
  const m = FAILED.exec(text);
  if (!m) return undefined;
  const [, verb, ref, code, message] = m as unknown as [string, string, string, string, string];
  return `${ref} ${FAILED_VERB[verb]} 실패: ${code}: ${apiMessageKo(message) ?? message}`;
}

/** The API's error messages (store.ts `reject` calls and injected faults). */
const MESSAGES: readonly Rule[] = [
  [/^(\S+) already exists$/, (m) => `${m[1]} 이미 있음`],
  [/^(\w+) (\S+) not found$/, (m) => `${m[1]} ${m[2]} 없음`],
  [/^precondition failed: uid of (\S+) changed$/, (m) => `전제 조건 실패: ${m[1]}의 uid가 바뀜`],
  [/^the object (\S+) has been modified$/, (m) => `${m[1]} 오브젝트가 그사이 다른 쓰기로 바뀜`],
  [
    /^Only one reference can have Controller set to true$/,
    () => 'controller: true인 ownerReference는 하나만 둘 수 있음',
  ],
  [/^injected (\w+) failure$/, (m) => `주입된 ${m[1]} 실패 (fail-api)`],
];

/** One API error message in Korean, or undefined when it is not one the simulated API writes. */
export function apiMessageKo(message: string): string | undefined {
  return firstMatch(MESSAGES, message);
}
