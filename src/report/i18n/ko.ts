/**
 * 한국어 메시지 카탈로그. 학습자를 위해 쓰며, 용어와 문체는 docs/glossary-ko.md를 따른다:
 * 쿠버네티스 한국어 문서의 용어(파드, 노드, 레플리카셋, 데몬셋, 스테이트풀셋, 테인트, 레이블, ...),
 * 서술은 평서형 -다 체, 표 머리글과 상태 값은 명사형. 비유는 강의 노트를 따른다:
 * 레플리카셋 = 아파트 관리 사무소, 데몬셋 = 가로등, 스테이트풀셋 = 호텔.
 * test/report/glossary-ko.test.ts가 이 파일을 검사한다.
 */
import type { MessageKey } from './en.ts';

export const ko: Record<MessageKey, string> = {
  // 문서
  'doc.title': 'kubeprop 리포트: {scenario}',
  'doc.generatedBy':
    '이 리포트는 kubeprop {version}에서 생성되었다. 시간은 실제 시간이 아닌 시뮬레이션 시간이다.',
  'doc.toc': '목차',
  'doc.langSwitch': '이 리포트의 영어판: {file}',

  // 판정
  'verdict.pass': '통과: 검사한 모든 불변 조건(invariant)이 지켜졌다.',
  'verdict.violation': '위반: 불변 조건 {count}개가 깨졌다.',
  'verdict.error': '오류: 도구 내부 오류로 실행이 멈췄다: {error}',
  'verdict.expectMet': '시나리오가 기대한 결과(expect)와 일치한다.',
  'verdict.expectNotMet': '시나리오가 기대한 결과(expect)와 다르다:',
  'verdict.nothingChecked': '검사한 것이 없다: {why}',
  'verdict.heldCount': '불변 조건 {count}개 지켜짐',
  'verdict.heldByDesign': '설계상 대기: {note}',
  'verdict.more': '(외 {count}개)',
  'verdict.internalError': '내부 오류: {error}',
  'verdict.violatedAsExpected': '{ids} 위반 (시나리오가 기대한 대로), {held}',
  'verdict.violatedAt': '{id} 위반: {time}, 스텝 {step}',
  'verdict.expectProblems': '기대한 결과와 다르다: {problems}',
  'verdict.seeReport': '리포트 참고',
  'list.separator': ' / ',
  'verdict.skipped': '이벤트 {count}개 건너뜀: {first}',
  'skip.gone.node': '{name}: {time}에 제거됨',
  'skip.gone.object': '{name}: {time}에 삭제됨',
  'skip.later.node': '{name}: {time}에야 합류함',
  'skip.later.object': '{name}: {time}에야 생성됨',
  'skip.other': '{time}의 {event}: {reason}',
  'held.heading': '설계상 대기',
  'held.intro':
    '아래 주장은 쿠버네티스가 일부러 기다리기 때문에 지켜진 것이다. 실제 클러스터도 똑같이 기다리므로 위반이 아니다.',

  // 요약
  'summary.heading': '요약',
  'summary.seed': '시드(seed)',
  'summary.version': '도구 버전',
  'summary.digest': '트레이스 다이제스트',
  'summary.duration': '시뮬레이션 시간',
  'summary.steps': '스텝 수',
  'summary.events': '트레이스 이벤트 수',
  'summary.outcome': '결과',
  'outcome.pass': '통과',
  'outcome.violation': '위반',
  'outcome.error': '오류',

  // 시나리오
  'scenario.heading': '시나리오',
  'scenario.noDescription': '이 시나리오에는 설명이 없다.',
  'scenario.settle': '마지막 이벤트 후 {settle} 안에 활성(liveness) 조건이 성립해야 한다.',
  'scenario.plannedEvents': '예정된 이벤트 (스크립트와 카오스)',
  'scenario.noEvents': '이벤트가 없다. 클러스터가 방해 없이 동작한다.',
  'scenario.eventAt': '시각',
  'scenario.eventDo': '이벤트',
  'scenario.eventFields': '세부 내용',

  // 클러스터
  'cluster.heading': '클러스터',
  'cluster.node': '노드',
  'cluster.labels': '레이블',
  'cluster.taints': '테인트',
  'cluster.unschedulable': '스케줄 불가',
  'cluster.capacity': '파드 수용량',
  'cluster.none': '없음',
  'cluster.yes': '예',
  'cluster.no': '아니요',

  // 워크로드
  'workloads.heading': '워크로드',
  'workloads.intro': '시뮬레이터가 받은 그대로의 매니페스트이다 (쿠버네티스 기본값 적용).',

  // 개념
  'concept.heading': '이 리포트의 개념',
  'concept.replicaset.title': '레플리카셋: 아파트 관리 사무소',
  'concept.replicaset.body':
    '레플리카셋은 파드 레플리카를 정확히 N개 유지하는 컨트롤러이다. 아파트 관리 사무소를 떠올려 보자. 정해진 수만큼 입주자가 있는지 확인하고, 빈 집이 생기면 곧바로 새로운 입주자를 찾는다. 관리 사무소는 레이블(레이블 셀렉터)로 자기 입주자를 알아보고, 새 파드는 언제나 같은 설계도(파드 템플릿)로 만든다.',
  'concept.daemonset.title': '데몬셋: 모든 길에 가로등 하나씩',
  'concept.daemonset.body':
    '데몬셋은 조건에 맞는 모든 노드에 파드를 정확히 하나씩 실행한다. 가로등과 같다. 모든 길(노드)마다 가로등이 하나씩 있고, 새 길이 생기면 가로등이 자동으로 설치되며, 길이 없어지면 그 가로등도 함께 사라진다. 파드가 실행될 수 없는 노드(테인트, 노드 셀렉터)에는 설치하지 않는다.',
  'concept.statefulset.title': '스테이트풀셋: 방 번호가 있는 호텔',
  'concept.statefulset.body':
    '스테이트풀셋은 각 파드에 안정적인 식별자를 준다. 호텔과 같다. 방마다 번호가 있고(web-0, web-1, web-2), 투숙객은 언제나 같은 방으로 돌아오며, 방에 둔 물건은 그대로 남아 있다(파드마다 자기 PVC와 볼륨을 유지). 방은 0번부터 순서대로 채우고, 비울 때는 가장 높은 번호부터 비운다. 같은 방의 열쇠를 두 투숙객이 동시에 가져서는 안 된다.',
  'concept.ownership.title': '소유권: 누가 어떤 파드를 관리하는가',
  'concept.ownership.body':
    '각 파드의 컨트롤러 소유자(controller owner)는 많아야 하나이며, ownerReferences에 기록된다. 컨트롤러는 자기 레이블 셀렉터에 맞는 주인 없는 파드만 입양(adopt)한다. 다른 컨트롤러의 파드, 이미 삭제 중인 파드는 입양하지 않고, 자신이 삭제되는 중에도 입양하지 않는다.',
  'concept.workload.title': '수렴: 컨트롤러 패턴',
  'concept.workload.body':
    '모든 컨트롤러는 같은 루프를 반복한다. 의도한 상태(Desired State)를 읽고, 현재 상태(Current State)를 관찰하고, 차이를 인지해 조정한다. 수렴이란 장애가 멈춘 뒤 현재 상태가 의도한 상태에 도달하고 그대로 머무르는 것이다. 선언적 관리의 자가 치유가 바로 이것이다.',
  'concept.status.title': '상태(status): 컨트롤러의 보고',
  'concept.status.body':
    '워크로드의 status(replicas, readyReplicas, availableReplicas, ...)는 컨트롤러가 관찰한 내용을 보고한 것이다. 클러스터가 안정된 뒤에는 이 숫자들이 API에 있는 오브젝트를 새로 센 값과 같아야 한다.',

  // 재현
  'replay.heading': '직접 실행해 보기',
  'replay.rerun': '같은 시드로 이 시나리오를 다시 실행한다 (같은 시드, 같은 트레이스):',
  'replay.replay': '리플레이 파일로 이 실패한 실행을 그대로 재현한다:',
  'replay.digest': '재현이 일치하면 “replayed exactly”가 출력된다. 기대하는 트레이스 다이제스트: {digest}',
  'replay.noSource': '시나리오 파일 경로를 알 수 없다. 여러분의 시나리오 파일 경로를 쓰면 된다.',

  // 불변 조건
  'inv.heading': '불변 조건',
  'inv.intro':
    '불변 조건(invariant)은 항상 참이어야 하는 주장이다. 안전성(safety) 조건은 매 스텝마다, 활성(liveness) 조건은 마지막 장애 이후 안정화 시간 안에 검사한다.',
  'inv.col.id': '불변 조건',
  'inv.col.kind': '종류',
  'inv.col.status': '결과',
  'inv.col.first': '첫 위반',
  'inv.col.claim': '주장',
  'inv.none': '검사한 불변 조건이 없다.',
  'kind.safety': '안전성',
  'kind.liveness': '활성',
  'status.held': '지켜짐',
  'status.violated': '위반됨',
  'status.not-applicable': '해당 없음',
  'inv.firstAt': '스텝 {step}, {time}',

  // 위반
  'viol.heading': '무엇이 잘못되었나',
  'viol.title': '{id} 위반',
  'viol.firstStep': '스텝 {step}, 시뮬레이션 시간 {time}에 처음 깨졌다.',
  'viol.count': '이 실행에서 {count}번 깨졌다. 여기서는 첫 번째 위반을 설명한다.',
  'viol.objects': '관련 오브젝트',
  'viol.message': '검사기가 본 것',
  'viol.protects': '이 불변 조건이 지키는 것',
  'viol.why': '왜 이 순서가 조건을 깨뜨렸나',
  'viol.concept': '더 읽기: {concept}',
  'viol.jump': '첫 위반으로 이동',

  // 원인 설명
  'why.intro': '스텝 {step} 직전에 같은 오브젝트를 건드린 이벤트들이다:',
  'why.none': '직전에 이 오브젝트를 건드린 장애나 컨트롤러 동작이 없다. 원인은 타임라인의 더 앞쪽에 있다.',
  'why.ev.fault': '{time}에 장애가 발생했다: {text}.',
  'why.ev.controller': '{time}에 {actor}의 결정: {text}.',
  'why.ev.create': '{time}에 {actor}의 오브젝트 생성: {text}.',
  'why.ev.update': '{time}에 {actor}의 오브젝트 변경: {text}.',
  'why.ev.status': '{time}에 {actor}의 상태 보고: {text}.',
  'why.ev.delete': '{time}에 {actor}의 오브젝트 삭제: {text}.',
  'why.ev.node': '{time}에 {actor}(노드 수명 주기)의 감지: {text}.',
  'why.ev.kubelet': '{time}에 {actor}의 보고: {text}.',
  'why.ev.schedule': '{time}에 스케줄러가 동작했다: {text}.',
  'why.ev.gc': '{time}에 가비지 수집기가 동작했다: {text}.',
  'why.ev.api-error': '{time}에 API가 쓰기를 거부했다: {text}.',
  'why.ev.other': '{time}에 {actor}: {text}.',
  'why.then': '그리고 스텝 {step}에서: {message}.',
  'why.slice.heading': '위반 직전에 이 오브젝트들에 쓴 마지막 쓰기',
  'why.slice.write': '스텝 {step}, {who}: {text}',
  'why.slice.decided': '스텝 {step}의 결정: {text}',
  'why.slice.none': '위반 전에 이 오브젝트들에 쓴 쓰기가 없다.',
  'who.controller': '{name} 컨트롤러',
  'who.user': '사용자',
  'mutant.banner': '이 실행은 뮤턴트 컨트롤러를 쓴다: {controller} ‘{variant}’. {description}',
  'mutant.noDescription': '일부러 버그를 심은 컨트롤러다.',
  'why.hint.generic': '이 단계들이 겹치면서 클러스터가 이 주장이 금지하는 상태가 되었다.',
  'why.hint.replicaset.exact-replicas':
    '장애가 멈춘 뒤 관리 사무소는 빈 집을 모두 다시 채웠어야 했지만, 안정화 시간이 지나도 Ready 상태인 입주자 수가 spec.replicas와 달랐다.',
  'why.hint.replicaset.no-overshoot':
    '늦게 갱신된 캐시 때문에 관리 사무소는 빈 집이 있다고 착각해 입주자를 너무 많이 들였다. expectations는 바로 이것을 막기 위한 장치이다. 컨트롤러는 자신이 만든 파드를 캐시에서 확인할 때까지 기다려야 한다.',
  'why.hint.ownership.single-controller':
    '한 파드에 관리자가 둘이 되었거나, 컨트롤러가 손대지 말아야 할 파드(다른 관리자의 파드, 종료 중인 파드, 또는 자신이 삭제되는 중)를 가져갔다.',
  'why.hint.daemonset.one-per-node':
    '한 길에 가로등이 두 개 생겼다. 같은 데몬셋의 파드 두 개가 한 노드에 있었다(종료 중인 파드도 센다).',
  'why.hint.daemonset.placement':
    '설치하면 안 되는 곳에 가로등이 세워졌거나, 철거 사유가 아닌 이유(NoSchedule 전용 테인트, 연결이 끊긴 노드)로 가로등이 철거되었다.',
  'why.hint.daemonset.coverage':
    '장애가 멈춘 뒤에도 조건에 맞는 어떤 길에는 켜진 가로등이 없었거나, 조건에 맞지 않는 길에 가로등이 남아 있었다.',
  'why.hint.statefulset.ordered-ready':
    '방은 순서대로 채워야 한다. 더 낮은 번호의 파드가 아직 Running이면서 Ready가 아닌데 다음 파드가 만들어졌다(또는 축소가 가장 높은 번호부터 시작하지 않았다).',
  'why.hint.statefulset.at-most-one':
    '네트워크가 분리된 노드는 컨트롤 플레인이 더 이상 볼 수 없어도 자기 파드를 계속 실행한다. 기존 파드 오브젝트가 지워지고 같은 이름의 대체 파드가 다른 곳에서 시작되자, 같은 방의 열쇠를 두 투숙객이 동시에 갖게 되었다.',
  'why.hint.statefulset.stable-identity':
    '방 번호와 투숙객이 맞지 않게 되었다. 파드의 이름, hostname, DNS 이름, 인덱스 레이블 중 하나가 서수와 달랐다.',
  'why.hint.statefulset.volume-retention':
    '투숙객이 돌아왔는데 방의 물건이 사라졌거나 바뀌었다. 파드가 자기 PVC와 볼륨을 받지 못했거나, 보존 정책과 다르게 PVC가 삭제되었다.',
  'why.hint.statefulset.partition':
    '롤아웃 파티션보다 낮은 번호의 파드가 새 리비전으로 바뀌었다. 파티션을 둔 RollingUpdate에서는 허용되지 않는다.',
  'why.hint.workload.converges':
    '장애가 멈춘 뒤에도 워크로드가 안정화 시간 안에 의도한 상태에 도달하지 못했거나, 도달한 뒤 그 상태에 머무르지 못했다.',
  'why.hint.status.consistent':
    '클러스터가 안정된 뒤, 컨트롤러가 보고한 status가 API의 오브젝트를 새로 센 값과 달랐다.',

  // 상태 머신
  'machine.heading': '컨트롤러 상태 머신',
  'machine.intro':
    '각 컨트롤러는 상태 머신으로 동작한다. 그림은 이번 실행에서 지나간 상태와 전이를 보여 주고, 커버리지 줄은 그것이 머신 전체의 얼마인지 말한다.',
  'machine.title': '{controller} 컨트롤러',
  'machine.coverage':
    '커버리지: 상태 {states}개 중 {statesVisited}개, 전이 {transitions}개 중 {transVisited}개.',
  'machine.unavailable': '이 빌드에서는 {controller}의 상태 머신을 볼 수 없다.',
  'machine.col.from': '출발 상태',
  'machine.col.event': '이벤트',
  'machine.col.to': '도착 상태',
  'machine.col.count': '횟수',
  'machine.none': '이 시나리오에서는 컨트롤러 상태 머신이 실행되지 않았다.',
  'machine.legendVisited': '지나감',
  'machine.legendUnvisited': '지나가지 않음 (머신 전체 그림에서 점선)',
  'machine.showAll': '머신 전체 보기 (전이 {count}개)',
  'machine.notVisited': '지나가지 않은 상태: {states}',
  'machine.edgeTitle': '{from} → {to} ({event} 이벤트)',

  // 요청 (issue #16)
  'requests.heading': '요청',
  'requests.intro':
    '트레이스에 기록된 클라이언트 요청이다. 어느 파드가 몇 개에 응답했는지, 몇 개가 왜 실패했는지 보여 준다 (nxdomain: 그런 이름이 없음, noEndpoints: 서비스에 엔드포인트가 없음, noAnswer: 그 주소에서 응답하는 것이 없음).',
  'requests.time': '시간',
  'requests.to': '대상',
  'requests.answered': '응답한 파드',
  'requests.failed': '실패',

  // 타임라인
  'timeline.heading': '타임라인',
  'timeline.intro': '시뮬레이션 시간(mm:ss.mmm) 순으로 이벤트 하나당 한 줄이다.',
  'timeline.legend': '범례',
  'timeline.elided': '… 이벤트 {count}개 생략 (파드와 노드 변경) …',
  'timeline.elidedNote':
    '이 실행에는 이벤트가 {total}개 있다. 타임라인에는 장애, 컨트롤러의 결정, 위반만 보여 주고 나머지는 개수만 센다.',
  'timeline.empty': '트레이스가 비어 있다 (트레이스를 보관하지 않고 실행했다).',
  // 리포트가 번역하는 트레이스 줄 (src/report/eventText.ts)
  'event.fault': '{command}: {summary}',
  'event.faultObjects': '{command}: {summary} ({objects})',
  'event.skipped': '{command}: 건너뜀 ({reason})',
  'legend.fault': '장애',
  'legend.skip': '건너뛴 이벤트 (대상이 없었음)',
  'legend.create': '생성',
  'legend.update': '변경',
  'legend.status': '상태 보고',
  'legend.delete': '삭제',
  'legend.api-error': 'API 오류',
  'legend.controller': '컨트롤러의 결정',
  'legend.node': '노드 수명 주기',
  'legend.kubelet': 'kubelet',
  'legend.schedule': '스케줄러',
  'legend.gc': '가비지 수집기',
  'legend.violation': '위반',
  'legend.info': '참고',

  // Pod 단계
  'phase.Pending': 'Pending (대기)',
  'phase.Running': 'Running (실행 중)',
  'phase.Ready': 'Ready (준비됨)',
  'phase.Terminating': 'Terminating (종료 중)',
  'phase.Failed': 'Failed (실패)',
  'phase.Succeeded': 'Succeeded (완료)',
  'phase.Ghost': '보이지 않게 계속 실행 중',
  'phase.legendGhost': 'API 오브젝트가 지워진 뒤에도 연결이 끊긴 노드에서 계속 실행 중',

  // 그림과 스텝 이동 (HTML)
  'picture.heading': '시간에 따른 노드',
  'picture.intro':
    '행은 노드, 오른쪽으로 갈수록 시간이 흐른다. 막대 하나가 파드 하나이며 단계(phase)별로 색이 다르다. 번개 표시는 장애이다.',
  'picture.compressed':
    '시간 축은 압축되어 있다. 조용한 구간은 바쁜 구간보다 짧게 그린다. 막대 위에 마우스를 올리면 정확한 시각이 보인다.',
  'picture.unscheduled': '(스케줄되지 않음)',
  'hierarchy.heading': '디플로이먼트의 레플리카셋, 스텝별로',
  'hierarchy.intro':
    '디플로이먼트의 레플리카셋이 바뀐 스텝마다 한 행이다. 리비전(deployment.kubernetes.io/revision 어노테이션), spec.replicas, Ready 파드 수를 적는다. 스텝 보기와 그림에서 디플로이먼트의 파드마다 자기 레플리카셋의 리비전 색 줄이 있다.',
  'hierarchy.now': '이 스텝의 디플로이먼트 레플리카셋',
  'hierarchy.revision': '리비전 {revision}',
  'hierarchy.size': '레플리카 {replicas}개, Ready {ready}개',
  'hierarchy.col.step': '스텝',
  'hierarchy.col.time': '시간',
  'hierarchy.col.replicaSets': '레플리카셋',
  'hierarchy.col.replicaSet': '레플리카셋',
  'hierarchy.col.revision': '리비전',
  'hierarchy.col.replicas': 'spec.replicas',
  'hierarchy.col.ready': 'Ready 파드',
  'stepper.heading': '스텝별로 따라가기',
  'stepper.prev': '이전',
  'stepper.next': '다음',
  'stepper.position': '스텝 {step} / {last}, 시뮬레이션 시간 {time}',
  'stepper.events': '이 스텝의 이벤트',
  'stepper.noPods': '파드 없음',
  'stepper.nodeUp': '정상',
  'stepper.nodeCrashed': '중단됨',
  'stepper.nodePartitioned': '네트워크 분리됨',
  'stepper.nodeRemoved': '제거됨',
  'stepper.cordoned': '코든됨',
  'picture.absent': '클러스터에 없음',
  'stepper.taint': '이펙트가 {effect}인 테인트',
  'stepper.noScript': '스텝 이동 기능은 JavaScript가 필요하다. 나머지는 JavaScript 없이도 볼 수 있다.',

  // 최종 상태
  'final.heading': '최종 상태',
  'final.pods': '파드',
  'final.pvcs': '퍼시스턴트볼륨클레임',
  'final.nodes': '노드',
  'final.col.name': '이름',
  'final.col.node': '노드',
  'final.col.phase': '단계',
  'final.col.ready': 'Ready',
  'final.col.owner': '관리자',
  'final.col.restarts': '재시작',
  'final.col.volume': '볼륨',
  'final.col.status': '상태',
  'final.col.reachable': '연결됨',
  'final.terminating': '종료 중',
  'final.empty': '없음',
  // 나란히 비교 (워크로드 종류가 둘 이상인 시나리오)
  'compare.heading': '나란히 보기: 워크로드마다 어떻게 반응했나',
  'compare.intro':
    '이 시나리오의 모든 워크로드가 같은 장애를 겪었다. 열 하나가 워크로드 하나이고, 행 하나가 장애 하나이다. 각 칸은 그 장애를 맞은 파드가 어떻게 되었는지 트레이스에서 읽어 낸 것이다. 파드는 다음 장애를 맞을 때까지 계속 따라가므로, 노드가 돌아온 뒤에야 일어나는 복구도 피해를 일으킨 장애의 행에 적혀 있다.',
  'compare.glance': '한눈에 보기',
  'compare.atFaults': '장애별로 보기',
  'compare.col.aspect': '항목',
  'compare.col.fault': '장애',
  'compare.row.start': '시작 (첫 장애 전)',
  'compare.row.how': '노드를 잃었을 때',
  'compare.row.placement': '마지막 배치',
  'compare.row.scaling': '레플리카 수',
  'compare.row.identity': '식별자 (파드 이름)',
  'compare.row.storage': '스토리지',
  'compare.row.network': '네트워크 식별자',
  'compare.how.ReplicaSet':
    '파드 수를 센다. 잃어버린 파드 대신 새 이름의 새 파드를 자리가 있는 아무 노드에나 만든다.',
  'compare.how.Deployment':
    '레플리카셋을 통해 파드 수를 센다. 잃어버린 파드 대신 새 이름의 새 파드를 자리가 있는 아무 노드에나 만든다.',
  'compare.how.DaemonSet':
    '파드를 옮기지 않는다. 노드마다 자기 파드가 있다. 연결이 끊긴 노드의 파드는 축출(evict)되지 않고 노드가 돌아오기를 기다린다.',
  'compare.how.StatefulSet':
    '기존 파드 오브젝트가 완전히 사라질 때까지 기다린 뒤 같은 이름으로 파드를 다시 만든다. 새 파드는 자기 PVC를 그대로 다시 찾는다.',
  'compare.placement.onePerNode': '노드마다 파드 하나',
  'compare.placement.none': '파드 없음',
  'compare.scaling.replicas': '파드 {desired}개 중 {ready}개 Ready',
  'compare.scaling.daemon': '노드 수를 따름: 조건에 맞는 노드 {desired}개에 {ready}개 Ready',
  'compare.scaling.unknown': '파드 {pods}개 중 {ready}개 Ready',
  'compare.identity.random': '무작위 이름. 파드 {count}개가 새 이름으로 대체됨',
  'compare.identity.daemon': '무작위 이름, 노드마다 하나. 파드 {count}개가 대체됨',
  'compare.identity.stable': '고정된 이름 {names}. 파드 {count}개가 같은 이름으로 돌아옴',
  'compare.identity.randomNone': '무작위 이름. 대체된 파드 없음',
  'compare.identity.daemonNone': '무작위 이름, 노드마다 하나. 대체된 파드 없음',
  'compare.identity.stableNone': '고정된 이름 {names}. 다시 만들어진 파드 없음',
  'compare.storage.none': '파드별 스토리지 없음',
  'compare.storage.kept': '파드마다 PVC 하나({claims}). 모든 파드가 자기 볼륨을 유지함',
  'compare.storage.renewed': '파드마다 PVC 하나({claims}). 다시 만들어져 빈 새 볼륨을 받음: {renewed}',
  'compare.network.none': '고정된 이름 없음. 클라이언트는 서비스를 통해 이 파드들에 접근한다',
  'compare.network.daemon': '고정된 이름 없음. 클라이언트는 보통 자기 노드의 파드에 접근한다',
  'compare.network.stable': '헤드리스 서비스({service})를 통한 고정 DNS 이름: {example}, …',
  'compare.network.noService': '파드 이름은 고정되지만 DNS 레코드를 위한 serviceName이 없음',
  'compare.row.clients': '클라이언트가 닿는 길',
  'compare.clients.balanced':
    '서로 바꿔 쓸 수 있는 파드들이 서비스 뒤에 있다. 로드 밸런싱되는 ClusterIP 하나가 요청을 파드들에 나눈다',
  'compare.clients.balancedService':
    '서로 바꿔 쓸 수 있는 파드들이 서비스 {service} 뒤에 있다. 로드 밸런싱되는 ClusterIP가 요청을 파드들에 나눈다',
  'compare.clients.stable':
    '헤드리스 서비스를 통한 고정 DNS 이름(web-0.nginx)으로 파드 하나하나에 바로 닿는다',
  'compare.clients.stableService':
    '헤드리스 서비스 {service}를 통한 고정 DNS 이름으로 파드 하나하나에 바로 닿는다: {example}',
  'compare.clients.daemon': '노드마다: 클라이언트는 자기 노드의 파드에 닿는다(노드 로컬, hostPort 방식)',
  'compare.clients.requests': '응답한 요청: {counts}',
  'compare.notAffected': '영향받은 파드 없음',
  'compare.more': '… 외 {count}개',
  'fate.created': '{pod}: {time}에 {node}에 생성',
  'fate.readyAt': '{time}에 Ready',
  'fate.evicted': '{time}에 축출(evict)됨',
  'fate.deleted': '{time}에 삭제됨',
  'fate.replaced': '{pod} ({node}): {end}. 대신 {byNode}에 새 이름의 파드 {by} 생성',
  'fate.recreated':
    '{pod} ({node}): {end}. 기존 오브젝트가 사라진 뒤({gone}) 같은 이름으로 {byNode}에 다시 생성',
  'fate.claimKept': '자기 볼륨 {claim} 유지',
  'fate.claimNew': '빈 새 볼륨을 받음: {claim}',
  'fate.restarted': '{pod}: {node}에 그대로 남아 {time}에 그 자리에서 다시 시작',
  'fate.keptReady': '{pod}: {node}에 그대로 남음 (Ready)',
  'fate.keptNotReady': '{pod}: {node}에 그대로 남음 (Ready 아님). 축출도 대체도 없음',
  'fate.keptStopped': '{pod}: {node}에 묶인 채 컨테이너가 멈춤. 축출도 대체도 없음',
  'fate.waiting': '{pod} ({node}): {end}. 아직 Terminating 상태라 대체 파드 없음',
  'fate.removed': '{pod} ({node}): {end}. 대신할 파드는 만들어지지 않음',
  'fate.unscheduled': '노드 없음',
};
