/**
 * 트레이스 메시지의 한국어 (ICU MessageFormat). 용어와 문체는 docs/glossary-ko.md를 따른다: 평서형
 * `-다` 체, 값 바로 뒤에는 조사를 붙이지 않고 명사(파드, 노드, 오브젝트)나 `:`, `=`를 쓴다. 영어 메시지가
 * 말하는 사실(이름, 개수, 단계)은 한국어도 모두 말한다 (test/report/messages.test.ts가 자리 표시자를 비교한다).
 */
import type { MessageCatalog } from './catalog.ts';

const TERMINATING = '{terminating, select, true {, 종료 중} other {}}';
/** 명사(파드, 노드, 오브젝트, PVC) 뒤에 붙는 쓰기 동사. */
const VERB =
  '{verb, select, create {를 만들었다} update {를 갱신했다} patch {를 패치했다} status {의 status를 기록했다} other {의 삭제를 시작했다}}';

export const KO: MessageCatalog = {
  'run.started': 'kubeprop {version} 실행을 시작했다: 시나리오 {scenario}, 시드 {seed}, 이벤트 {events}개',
  'run.mutant': "{controller} 컨트롤러를 뮤턴트 ''{variant}'' 버전으로 실행한다",
  'run.error': '내부 오류가 났다: {error}',

  'api.pod': `pod/{pod} 파드${VERB}: 노드 {node}, 단계 {phase}, Ready={ready}${TERMINATING}`,
  'api.node': `node/{node} 노드${VERB}: Ready={ready}{unschedulable, select, true {, 코든됨} other {}}, 테인트 {taints}개`,
  'api.workload': `{ref} 오브젝트${VERB}: spec.replicas={replicas}, Ready 파드 {ready}개${TERMINATING}`,
  'api.pvc': `persistentvolumeclaim/{pvc} PVC${VERB}: 단계 {phase}, 볼륨 {volume}${TERMINATING}`,
  'api.object': `{ref} 오브젝트${VERB}${TERMINATING}`,
  'api.removed': '{ref} 오브젝트가 API에서 사라졌다',
  'api.rejected':
    'API 서버가 {ref} 오브젝트에 대한 {verb} 요청을 거부했다: {reason} ({reason, select, Conflict {그사이 다른 쓰기로 바뀌었다} NotFound {오브젝트가 없다} AlreadyExists {같은 이름의 오브젝트가 이미 있다} Invalid {요청이 유효하지 않다} other {서버 내부 오류}}), API 서버의 메시지: {message}',

  'kubelet.waiting':
    'pod/{pod} 파드를 아직 시작하지 않는다: PVC "{claim}" {wait, select, missing {없음} deleting {삭제 중} other {아직 바인딩되지 않음}}',
  'kubelet.rejected': 'pod/{pod} 파드를 승인 단계에서 거부했다: {message}',
  'kubelet.shutdown': 'pod/{pod} 파드가 노드 종료로 {phase} 단계가 되었다',
  'kubelet.started': 'pod/{pod} 파드의 컨테이너를 시작했다 (재시작 {restarts}회)',
  'kubelet.exited':
    'pod/{pod} 파드의 컨테이너가 {exitZero, select, true {코드 0으로 끝났다 (restartPolicy Always)} other {끝났다}}. 백오프 {restartSeconds}초 뒤 다시 시작한다',
  'kubelet.finished': 'pod/{pod} 파드가 {phase} 단계로 끝났다',
  'kubelet.stopped': 'pod/{pod} 파드의 컨테이너가 정상 종료했다',
  'kubelet.killed': 'pod/{pod} 파드의 컨테이너를 강제로 멈췄다: 파드 오브젝트가 사라졌다',
  'kubelet.power-lost': 'pod/{pod} 파드의 컨테이너가 멈췄다: 머신 전원이 꺼졌다',
  'node.evicting': 'pod/{pod} 파드를 축출한다: node/{node} 노드에 NoExecute 테인트가 있다',

  'controller.restarted': '프로세스가 다시 시작했다: 워크 큐와 expectations를 잃었다',
  'controller.transition': '{from} → {to} ({event} 이벤트)',
  'controller.decision': '{from} → {to} ({event} 이벤트): {detail}',

  'sync.key': '{key}',
  'sync.gone': '{key}: 더 이상 없다 (삭제됨)',
  'sync.deleting': '{key}: 삭제되는 중이라 파드도 status도 건드리지 않는다',
  'sync.empty-selector': '{key}: 셀렉터가 비어 있어 어떤 파드도 선택하지 않는다',
  'sync.nothing': '{key}: 할 일이 없다',
  'sync.claims':
    '{key}: 파드 {adopt}개를 입양하고 {release}개를 놓아준다{revisions, plural, =0 {} other {, 고아 리비전 #개도 입양한다}}',
  'sync.failed': '{key}: 동기화를 멈췄다: {error}',
  'replicaset.pods': '{key}: 파드 {active}개, 의도한 레플리카 {desired}개',
  'replicaset.create': '{key}: 파드 {active}개, 의도한 레플리카 {desired}개라서 {create}개를 만든다',
  'replicaset.delete': '{key}: 파드 {active}개, 의도한 레플리카 {desired}개라서 삭제한다: {pods}',
  'replicaset.expectations':
    '{key}: expectations 대기 중 (생성 {add}개, 삭제 {del}개): 앞서 요청한 생성과 삭제를 캐시에서 아직 보지 못했다',
  'daemonset.plan':
    '{key}: 템플릿 hash {hash}{expectationsPending, select, true {, expectations 대기 중} other {}}' +
    '{creates, plural, =0 {} other {, 파드를 만들 노드: {createOn}{createMore, plural, =0 {} other { 외 #개}}}}' +
    '{deletes, plural, =0 {} other {, 삭제할 파드: {deletePods}{deleteMore, plural, =0 {} other { 외 #개}}}}' +
    '{rolling, select, true {, 노드 {rollingNodes}개를 새 템플릿으로 교체 (maxSurge {maxSurge}, maxUnavailable {maxUnavailable})} other {}}',
  'deployment.plan':
    '{key}: {step, select, rolling {롤링 업데이트} recreate {재생성(Recreate)} scale {스케일} deleting {삭제되는 중} waitForOldPods {이전 파드가 모두 사라지기를 기다린다} other {{step}}}' +
    '{paused, select, true { (일시 중지됨)} other {}}, 새 레플리카셋 {newReplicaSet}' +
    '{count, plural, =0 {, 쓸 레플리카셋 없음} other {: {writes}}}{more, plural, =0 {} other { 외 #개}}',
  'endpointslice.plan':
    '{key}: 엔드포인트 {endpoints}개 (Ready {ready}개): 엔드포인트슬라이스 생성 {creates}개, 업데이트 {updates}개, 삭제 {deletes}개',
  'endpointslice.stale':
    '{key}: 이 컨트롤러가 마지막으로 쓴 엔드포인트슬라이스가 캐시에 아직 보이지 않아 기다린다',
  'statefulset.wait-ready': '{key}: {pod} 파드가 Running이고 Ready가 되기를 기다린다',
  'statefulset.wait-gone': '{key}: {pod} 파드가 완전히 사라지기를 기다린다',
  'statefulset.intent':
    '{key}: {intent, select, create {{pod} 파드를 만든다} createClaims {{pod} 파드의 PVC를 만든다} repair {{pod} 파드의 식별자와 PVC 연결을 복구한다} deleteCondemned {스케일 다운 대상인 {pod} 파드를 삭제한다} deleteTerminal {Failed 또는 Succeeded 단계인 {pod} 파드를 삭제한다} other {새 리비전으로 바꾸려고 {pod} 파드를 삭제한다}}',

  'fault.applied': '{command}: {effectText}',
  'fault.skipped': '{command}: 건너뛰었다 ({reason})',
  'node.joined': 'node/{node} 노드가 클러스터에 들어왔다',
  'node.power-lost': '머신 {node}: 전원이 꺼져 컨테이너가 모두 멈췄다',
  'node.shut-down': 'node/{node} 노드를 정상 종료했다: 파드 {ended}개가 {phase} 단계로 끝났다',
  'node.partitioned': '머신 {node}: 컨트롤 플레인과 연결이 끊겼다. 컨테이너는 계속 돈다',
  'node.rebooted': '머신 {node}: 다시 부팅했다',
  'node.reconnected': '머신 {node}: 컨트롤 플레인에 다시 닿는다',
  'node.removed': 'node/{node} 노드를 클러스터에서 제거했다',
  'node.cordoned': 'node/{node} 노드를 코든했다',
  'node.uncordoned': 'node/{node} 노드를 언코든했다',
  'node.drained': 'node/{node} 노드를 드레인했다: 파드 {evicted}개를 축출했다',
  'node.labeled': 'node/{node} 노드의 레이블을 바꿨다',
  'node.tainted': 'node/{node} 노드에 테인트를 추가했다: {taint}',
  'node.untainted': 'node/{node} 노드에서 테인트를 제거했다: {taint}',
  'node.rejects-pods': 'kubelet/{node}: 승인 단계에서 파드를 거부한다 ({reason})',
  'pod.crashed': 'pod/{pod} 파드의 컨테이너가 비정상 종료했다',
  'pod.failed': 'pod/{pod} 파드가 Failed 단계가 되었다',
  'pod.deleted': 'pod/{pod} 파드를 삭제했다{force, select, true { (강제)} other {}}',
  'pod.unready': 'pod/{pod} 파드가 {for} 동안 Ready가 아니다',
  'pod.relabeled': 'pod/{pod} 파드의 레이블을 바꿨다',
  'workload.scaled': '{ref} 오브젝트의 레플리카를 바꿨다: spec.replicas={replicas}',
  'workload.template-changed': '{ref} 오브젝트의 파드 템플릿을 바꿨다',
  'workload.partition-set': '{ref} 오브젝트의 파티션을 바꿨다: partition={partition}',
  'workload.rolled-back': '{ref} 오브젝트를 리비전 {revision}의 템플릿으로 롤백했다',
  'workload.paused': '{ref} 오브젝트의 롤아웃을 일시 중지했다',
  'workload.resumed': '{ref} 오브젝트의 롤아웃을 재개했다',
  'object.deleted': '{ref} 오브젝트를 삭제했다 (propagationPolicy={propagation})',
  'object.created': '{ref} 오브젝트를 만들었다',
  'pvc.deleted': 'persistentvolumeclaim/{pvc} PVC를 삭제했다',
  'finalizer.added': '{name}: 파이널라이저를 붙였다: {finalizer}',
  'finalizer.removed': '파드 {pods}개에서 파이널라이저를 뗐다: {finalizer}',
  'controller.restart': '{controller} 컨트롤러를 다시 시작했다',
  'watch.delayed': '{controllers} 컨트롤러의 watch가 {for} 동안 멈췄다',
  'api.will-fail':
    '다음 {verb} 호출 {count}번이 실패한다{controller, select, all {} other { (대상: {controller} 컨트롤러)}}',
  'requests.sent': '{to}에 요청 {count}개: 응답 {answered}개, 실패 {failed}개',
  'request.answered': '{to}에 보낸 요청 → {ip}: {node} 노드의 pod/{pod} 파드가 응답했다',
  'request.failed':
    '{to}에 보낸 요청이 실패했다: {reason, select, nxdomain {그런 DNS 이름이 없다} noEndpoints {서비스에 라우팅할 엔드포인트가 없다} other {{ip} 주소에서 응답하는 것이 없다}}',

  'invariant.violated': '{message}',
};
