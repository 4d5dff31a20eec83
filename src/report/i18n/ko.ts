/**
 * 한국어 메시지 카탈로그. 학습자를 위해 쓰며, Kubernetes 용어(Pod, ReplicaSet, DaemonSet,
 * StatefulSet, Node, PVC, ...)는 한국어 문서처럼 영어로 둔다. 비유는 강의 노트를 따른다:
 * ReplicaSet = 아파트 관리 사무소, DaemonSet = 가로등, StatefulSet = 호텔.
 */
import type { MessageKey } from './en.ts';

export const ko: Record<MessageKey, string> = {
  // 문서
  'doc.title': 'kubeprop 리포트: {scenario}',
  'doc.generatedBy':
    '이 리포트는 kubeprop {version}에서 생성되었습니다. 시간은 실제 시간이 아닌 시뮬레이션 시간입니다.',
  'doc.toc': '목차',
  'doc.langSwitch': '이 리포트의 영어판: {file}',

  // 판정
  'verdict.pass': '통과: 검사한 모든 불변 조건(invariant)이 지켜졌습니다.',
  'verdict.violation': '위반: 불변 조건 {count}개가 깨졌습니다.',
  'verdict.error': '오류: 도구 내부 오류로 실행이 멈췄습니다: {error}',
  'verdict.expectMet': '시나리오가 기대한 결과(expect)와 일치합니다.',
  'verdict.expectNotMet': '시나리오가 기대한 결과(expect)와 다릅니다:',
  'verdict.nothingChecked': '검사한 것이 없습니다: {why}',
  'verdict.heldCount': '불변 조건 {count}개 지켜짐',
  'verdict.heldByDesign': '설계상 대기: {note}',
  'verdict.more': '(외 {count}개)',
  'verdict.skipped': '이벤트 {count}개 건너뜀: {first}',
  'skip.gone.node': '{name}: {time}에 제거됨',
  'skip.gone.object': '{name}: {time}에 삭제됨',
  'skip.later.node': '{name}: {time}에야 합류함',
  'skip.later.object': '{name}: {time}에야 생성됨',
  'skip.other': '{time}의 {event}: {reason}',
  'held.heading': '설계상 대기',
  'held.intro':
    '아래 주장은 Kubernetes가 일부러 기다리기 때문에 지켜진 것입니다. 실제 클러스터도 똑같이 기다리므로 위반이 아닙니다.',

  // 요약
  'summary.heading': '요약',
  'summary.seed': '시드(seed)',
  'summary.version': '도구 버전',
  'summary.digest': '트레이스 다이제스트',
  'summary.duration': '시뮬레이션 시간',
  'summary.steps': '스텝 수',
  'summary.events': '트레이스 이벤트 수',
  'summary.outcome': '결과',

  // 시나리오
  'scenario.heading': '시나리오',
  'scenario.noDescription': '이 시나리오에는 설명이 없습니다.',
  'scenario.settle': '마지막 이벤트 후 {settle} 안에 라이브니스(liveness) 조건이 성립해야 합니다.',
  'scenario.plannedEvents': '예정된 이벤트 (스크립트와 카오스)',
  'scenario.noEvents': '이벤트가 없습니다. 클러스터가 방해 없이 동작합니다.',
  'scenario.eventAt': '시각',
  'scenario.eventDo': '이벤트',
  'scenario.eventFields': '세부 내용',

  // 클러스터
  'cluster.heading': '클러스터',
  'cluster.node': 'Node',
  'cluster.labels': '라벨',
  'cluster.taints': 'Taint',
  'cluster.unschedulable': '스케줄 불가',
  'cluster.capacity': 'Pod 수용량',
  'cluster.none': '없음',
  'cluster.yes': '예',
  'cluster.no': '아니요',

  // 워크로드
  'workloads.heading': '워크로드',
  'workloads.intro': '시뮬레이터가 받은 그대로의 매니페스트입니다 (Kubernetes 기본값 적용).',

  // 개념
  'concept.heading': '이 리포트의 개념',
  'concept.replicaset.title': 'ReplicaSet: 아파트 관리 사무소',
  'concept.replicaset.body':
    'ReplicaSet은 Pod 복제본을 정확히 N개 유지하는 컨트롤러입니다. 아파트 관리 사무소를 떠올려 보세요. 정해진 수만큼 입주자가 있는지 확인하고, 빈 집이 생기면 곧바로 새로운 입주자를 찾습니다. 관리 사무소는 라벨(라벨 셀렉터)로 자기 입주자를 알아보고, 새 Pod는 언제나 같은 설계도(Pod 템플릿)로 만듭니다.',
  'concept.daemonset.title': 'DaemonSet: 모든 길에 가로등 하나씩',
  'concept.daemonset.body':
    'DaemonSet은 조건에 맞는 모든 Node에 Pod를 정확히 하나씩 실행합니다. 가로등과 같습니다. 모든 길(Node)마다 가로등이 하나씩 있고, 새 길이 생기면 가로등이 자동으로 설치되며, 길이 없어지면 그 가로등도 함께 사라집니다. Pod가 실행될 수 없는 Node(taint, node selector)에는 설치하지 않습니다.',
  'concept.statefulset.title': 'StatefulSet: 방 번호가 있는 호텔',
  'concept.statefulset.body':
    'StatefulSet은 각 Pod에 안정적인 정체성을 줍니다. 호텔과 같습니다. 방마다 번호가 있고(web-0, web-1, web-2), 투숙객은 언제나 같은 방으로 돌아오며, 방에 둔 물건은 그대로 남아 있습니다(Pod마다 자기 PVC와 볼륨을 유지). 방은 0번부터 순서대로 채우고, 비울 때는 가장 높은 번호부터 비웁니다. 같은 방의 열쇠를 두 투숙객이 동시에 가져서는 안 됩니다.',
  'concept.ownership.title': '소유권: 누가 어떤 Pod를 관리하는가',
  'concept.ownership.body':
    '각 Pod의 관리자(controller owner)는 많아야 하나이며, ownerReferences에 기록됩니다. 컨트롤러는 자기 라벨 셀렉터에 맞는 주인 없는 Pod만 입양(adopt)합니다. 다른 컨트롤러의 Pod, 이미 삭제 중인 Pod는 입양하지 않고, 자신이 삭제되는 중에도 입양하지 않습니다.',
  'concept.workload.title': '수렴: 컨트롤러 패턴',
  'concept.workload.body':
    '모든 컨트롤러는 같은 루프를 반복합니다. 원하는 상태(Desired State)를 읽고, 현재 상태(Current State)를 관찰하고, 차이를 인지해 조정합니다. 수렴이란 장애가 멈춘 뒤 현재 상태가 원하는 상태에 도달하고 그대로 머무르는 것입니다. 선언적 관리의 자가 치유가 바로 이것입니다.',
  'concept.status.title': 'Status: 컨트롤러의 보고',
  'concept.status.body':
    '워크로드의 status(replicas, readyReplicas, availableReplicas, ...)는 컨트롤러가 관찰한 내용을 보고한 것입니다. 클러스터가 안정된 뒤에는 이 숫자들이 API에 있는 오브젝트를 새로 센 값과 같아야 합니다.',

  // 재현
  'replay.heading': '직접 실행해 보기',
  'replay.rerun': '같은 시드로 이 시나리오를 다시 실행합니다 (같은 시드, 같은 트레이스):',
  'replay.replay': '리플레이 파일로 이 실패한 실행을 그대로 재현합니다:',
  'replay.digest': '재현이 일치하면 “replayed exactly”가 출력됩니다. 기대하는 트레이스 다이제스트: {digest}',
  'replay.noSource': '시나리오 파일 경로를 알 수 없습니다. 여러분의 시나리오 파일 경로를 사용하세요.',

  // 불변 조건
  'inv.heading': '불변 조건',
  'inv.intro':
    '불변 조건(invariant)은 항상 참이어야 하는 주장입니다. 안전성(safety) 조건은 매 스텝마다, 라이브니스(liveness) 조건은 마지막 장애 이후 안정화 시간 안에 검사합니다.',
  'inv.col.id': '불변 조건',
  'inv.col.kind': '종류',
  'inv.col.status': '결과',
  'inv.col.first': '첫 위반',
  'inv.col.claim': '주장',
  'inv.none': '검사한 불변 조건이 없습니다.',
  'kind.safety': '안전성',
  'kind.liveness': '라이브니스',
  'status.held': '지켜짐',
  'status.violated': '위반됨',
  'status.not-applicable': '해당 없음',
  'inv.firstAt': '스텝 {step}, {time}',

  // 위반
  'viol.heading': '무엇이 잘못되었나',
  'viol.title': '{id} 위반',
  'viol.firstStep': '스텝 {step}, 시뮬레이션 시간 {time}에 처음 깨졌습니다.',
  'viol.count': '이 실행에서 {count}번 깨졌습니다. 여기서는 첫 번째 위반을 설명합니다.',
  'viol.objects': '관련 오브젝트',
  'viol.message': '검사기가 본 것',
  'viol.protects': '이 불변 조건이 지키는 것',
  'viol.why': '왜 이 순서가 조건을 깨뜨렸나',
  'viol.concept': '더 읽기: {concept}',
  'viol.jump': '첫 위반으로 이동',

  // 원인 설명
  'why.intro': '스텝 {step} 직전에 같은 오브젝트를 건드린 이벤트들입니다:',
  'why.none':
    '직전에 이 오브젝트를 건드린 장애나 컨트롤러 동작이 없습니다. 원인은 타임라인의 더 앞쪽에 있습니다.',
  'why.ev.fault': '{time}에 장애가 발생했습니다: {text}.',
  'why.ev.controller': '{time}에 {actor}의 결정: {text}.',
  'why.ev.create': '{time}에 {actor}의 오브젝트 생성: {text}.',
  'why.ev.update': '{time}에 {actor}의 오브젝트 변경: {text}.',
  'why.ev.status': '{time}에 {actor}의 상태 보고: {text}.',
  'why.ev.delete': '{time}에 {actor}의 오브젝트 삭제: {text}.',
  'why.ev.node': '{time}에 {actor}(Node 생명주기)의 감지: {text}.',
  'why.ev.kubelet': '{time}에 {actor}의 보고: {text}.',
  'why.ev.schedule': '{time}에 스케줄러가 동작했습니다: {text}.',
  'why.ev.gc': '{time}에 가비지 컬렉터가 동작했습니다: {text}.',
  'why.ev.api-error': '{time}에 API가 쓰기를 거부했습니다: {text}.',
  'why.ev.other': '{time}에 {actor}: {text}.',
  'why.then': '그리고 스텝 {step}에서: {message}.',
  'why.hint.generic': '이 단계들이 겹치면서 클러스터가 이 주장이 금지하는 상태가 되었습니다.',
  'why.hint.replicaset.exact-replicas':
    '장애가 멈춘 뒤 관리 사무소는 빈 집을 모두 다시 채웠어야 했지만, 안정화 시간이 지나도 Ready 상태인 입주자 수가 spec.replicas와 달랐습니다.',
  'why.hint.replicaset.no-overshoot':
    '늦게 갱신된 캐시 때문에 관리 사무소는 빈 집이 있다고 착각해 입주자를 너무 많이 들였습니다. expectations는 바로 이것을 막기 위한 장치입니다. 컨트롤러는 자신이 만든 Pod를 캐시에서 확인할 때까지 기다려야 합니다.',
  'why.hint.ownership.single-controller':
    '한 Pod에 관리자가 둘이 되었거나, 컨트롤러가 손대지 말아야 할 Pod(다른 관리자의 Pod, 종료 중인 Pod, 또는 자신이 삭제되는 중)를 가져갔습니다.',
  'why.hint.daemonset.one-per-node':
    '한 길에 가로등이 두 개 생겼습니다. 같은 DaemonSet의 Pod 두 개가 한 Node에 있었습니다(종료 중인 Pod도 셉니다).',
  'why.hint.daemonset.placement':
    '설치하면 안 되는 곳에 가로등이 세워졌거나, 철거 사유가 아닌 이유(NoSchedule 전용 taint, 연결이 끊긴 Node)로 가로등이 철거되었습니다.',
  'why.hint.daemonset.coverage':
    '장애가 멈춘 뒤에도 조건에 맞는 어떤 길에는 켜진 가로등이 없었거나, 조건에 맞지 않는 길에 가로등이 남아 있었습니다.',
  'why.hint.statefulset.ordered-ready':
    '방은 순서대로 채워야 합니다. 더 낮은 번호의 Pod가 아직 Running이면서 Ready가 아닌데 다음 Pod가 만들어졌습니다(또는 축소가 가장 높은 번호부터 시작하지 않았습니다).',
  'why.hint.statefulset.at-most-one':
    '네트워크가 분리된 Node는 control plane이 더 이상 볼 수 없어도 자기 Pod를 계속 실행합니다. 기존 Pod 오브젝트가 지워지고 같은 이름의 대체 Pod가 다른 곳에서 시작되자, 같은 방의 열쇠를 두 투숙객이 동시에 갖게 되었습니다.',
  'why.hint.statefulset.stable-identity':
    '방 번호와 투숙객이 맞지 않게 되었습니다. Pod의 이름, hostname, DNS 이름, 인덱스 라벨 중 하나가 ordinal과 달랐습니다.',
  'why.hint.statefulset.volume-retention':
    '투숙객이 돌아왔는데 방의 물건이 사라졌거나 바뀌었습니다. Pod가 자기 PVC와 볼륨을 받지 못했거나, 보존 정책과 다르게 PVC가 삭제되었습니다.',
  'why.hint.statefulset.partition':
    '롤아웃 partition보다 낮은 번호의 Pod가 새 revision으로 바뀌었습니다. partition을 둔 RollingUpdate에서는 허용되지 않습니다.',
  'why.hint.workload.converges':
    '장애가 멈춘 뒤에도 워크로드가 안정화 시간 안에 원하는 상태에 도달하지 못했거나, 도달한 뒤 그 상태에 머무르지 못했습니다.',
  'why.hint.status.consistent':
    '클러스터가 안정된 뒤, 컨트롤러가 보고한 status가 API의 오브젝트를 새로 센 값과 달랐습니다.',

  // 상태 머신
  'machine.heading': '컨트롤러 상태 머신',
  'machine.intro':
    '각 컨트롤러는 상태 머신으로 동작합니다. 강조된 상태와 전이는 이번 실행에서 지나간 것입니다.',
  'machine.title': '{controller} 컨트롤러',
  'machine.coverage':
    '커버리지: 상태 {states}개 중 {statesVisited}개, 전이 {transitions}개 중 {transVisited}개.',
  'machine.unavailable': '이 빌드에서는 {controller}의 상태 머신을 볼 수 없습니다.',
  'machine.col.from': '출발 상태',
  'machine.col.event': '이벤트',
  'machine.col.to': '도착 상태',
  'machine.col.count': '횟수',
  'machine.none': '이 시나리오에서는 컨트롤러 상태 머신이 실행되지 않았습니다.',
  'machine.legendVisited': '지나감',
  'machine.legendUnvisited': '지나가지 않음 (화살표에 마우스를 올리면 이벤트가 보임)',
  'machine.edgeTitle': '{from} → {to} ({event} 이벤트)',

  // 타임라인
  'timeline.heading': '타임라인',
  'timeline.intro': '시뮬레이션 시간(mm:ss.mmm) 순으로 이벤트 하나당 한 줄입니다.',
  'timeline.legend': '범례',
  'timeline.elided': '… 이벤트 {count}개 생략 (Pod와 Node 변경) …',
  'timeline.elidedNote':
    '이 실행에는 이벤트가 {total}개 있습니다. 타임라인에는 장애, 컨트롤러의 결정, 위반만 보여 주고 나머지는 개수만 셉니다.',
  'timeline.empty': '트레이스가 비어 있습니다 (트레이스를 보관하지 않고 실행했습니다).',
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
  'legend.node': 'Node 생명주기',
  'legend.kubelet': 'kubelet',
  'legend.schedule': '스케줄러',
  'legend.gc': '가비지 컬렉터',
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
  'phase.legendGhost': 'API 오브젝트가 지워진 뒤에도 연결이 끊긴 Node에서 계속 실행 중',

  // 그림과 스텝 이동 (HTML)
  'picture.heading': '시간에 따른 Node',
  'picture.intro':
    '행은 Node, 오른쪽으로 갈수록 시간이 흐릅니다. 막대 하나가 Pod 하나이며 단계(phase)별로 색이 다릅니다. 번개 표시는 장애입니다.',
  'picture.compressed':
    '시간 축은 압축되어 있습니다. 조용한 구간은 바쁜 구간보다 짧게 그립니다. 막대 위에 마우스를 올리면 정확한 시각이 보입니다.',
  'picture.unscheduled': '(스케줄되지 않음)',
  'stepper.heading': '스텝별로 따라가기',
  'stepper.prev': '이전',
  'stepper.next': '다음',
  'stepper.position': '스텝 {step} / {last}, 시뮬레이션 시간 {time}',
  'stepper.events': '이 스텝의 이벤트',
  'stepper.noPods': 'Pod 없음',
  'stepper.nodeUp': '정상',
  'stepper.nodeCrashed': '중단됨',
  'stepper.nodePartitioned': '네트워크 분리됨',
  'stepper.nodeRemoved': '제거됨',
  'stepper.noScript': '스텝 이동 기능은 JavaScript가 필요합니다. 나머지는 JavaScript 없이도 볼 수 있습니다.',

  // 최종 상태
  'final.heading': '최종 상태',
  'final.pods': 'Pod',
  'final.pvcs': 'PersistentVolumeClaim',
  'final.nodes': 'Node',
  'final.col.name': '이름',
  'final.col.node': 'Node',
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
    '이 시나리오의 모든 워크로드가 같은 장애를 겪었습니다. 열 하나가 워크로드 하나이고, 행 하나가 장애 하나입니다. 각 칸은 그 장애를 맞은 Pod가 어떻게 되었는지 트레이스에서 읽어 낸 것입니다. Pod는 다음 장애를 맞을 때까지 계속 따라가므로, Node가 돌아온 뒤에야 일어나는 복구도 피해를 일으킨 장애의 행에 적혀 있습니다.',
  'compare.glance': '한눈에 보기',
  'compare.atFaults': '장애별로 보기',
  'compare.col.aspect': '항목',
  'compare.col.fault': '장애',
  'compare.row.start': '시작 (첫 장애 전)',
  'compare.row.how': 'Node를 잃었을 때',
  'compare.row.placement': '마지막 배치',
  'compare.row.scaling': '복제본 수',
  'compare.row.identity': '정체성 (Pod 이름)',
  'compare.row.storage': '스토리지',
  'compare.row.network': '네트워크 정체성',
  'compare.how.ReplicaSet':
    'Pod 수를 셉니다. 잃어버린 Pod 대신 새 이름의 새 Pod를 자리가 있는 아무 Node에나 만듭니다.',
  'compare.how.Deployment':
    'ReplicaSet을 통해 Pod 수를 셉니다. 잃어버린 Pod 대신 새 이름의 새 Pod를 자리가 있는 아무 Node에나 만듭니다.',
  'compare.how.DaemonSet':
    'Pod를 옮기지 않습니다. Node마다 자기 Pod가 있습니다. 연결이 끊긴 Node의 Pod는 축출(evict)되지 않고 Node가 돌아오기를 기다립니다.',
  'compare.how.StatefulSet':
    '기존 Pod 오브젝트가 완전히 사라질 때까지 기다린 뒤 같은 이름으로 Pod를 다시 만듭니다. 새 Pod는 자기 PVC를 그대로 다시 찾습니다.',
  'compare.placement.onePerNode': 'Node마다 Pod 하나',
  'compare.placement.none': 'Pod 없음',
  'compare.scaling.replicas': 'Pod {desired}개 중 {ready}개 Ready',
  'compare.scaling.daemon': 'Node 수를 따름: 조건에 맞는 Node {desired}개에 {ready}개 Ready',
  'compare.scaling.unknown': 'Pod {pods}개 중 {ready}개 Ready',
  'compare.identity.random': '무작위 이름. Pod {count}개가 새 이름으로 대체됨',
  'compare.identity.daemon': '무작위 이름, Node마다 하나. Pod {count}개가 대체됨',
  'compare.identity.stable': '고정된 이름 {names}. Pod {count}개가 같은 이름으로 돌아옴',
  'compare.identity.randomNone': '무작위 이름. 대체된 Pod 없음',
  'compare.identity.daemonNone': '무작위 이름, Node마다 하나. 대체된 Pod 없음',
  'compare.identity.stableNone': '고정된 이름 {names}. 다시 만들어진 Pod 없음',
  'compare.storage.none': 'Pod별 스토리지 없음',
  'compare.storage.kept': 'Pod마다 PVC 하나({claims}). 모든 Pod가 자기 볼륨을 유지함',
  'compare.storage.renewed': 'Pod마다 PVC 하나({claims}). 다시 만들어져 빈 새 볼륨을 받음: {renewed}',
  'compare.network.none': '고정된 이름 없음. 클라이언트는 Service를 통해 이 Pod들에 접근합니다',
  'compare.network.daemon': '고정된 이름 없음. 클라이언트는 보통 자기 Node의 Pod에 접근합니다',
  'compare.network.stable': 'headless Service({service})를 통한 고정 DNS 이름: {example}, …',
  'compare.network.noService': 'Pod 이름은 고정되지만 DNS 레코드를 위한 serviceName이 없음',
  'compare.notAffected': '영향받은 Pod 없음',
  'compare.more': '… 외 {count}개',
  'fate.created': '{pod}: {time}에 {node}에 생성',
  'fate.readyAt': '{time}에 Ready',
  'fate.evicted': '{time}에 축출(evict)됨',
  'fate.deleted': '{time}에 삭제됨',
  'fate.replaced': '{pod} ({node}): {end}. 대신 {byNode}에 새 이름의 Pod {by} 생성',
  'fate.recreated':
    '{pod} ({node}): {end}. 기존 오브젝트가 사라진 뒤({gone}) 같은 이름으로 {byNode}에 다시 생성',
  'fate.claimKept': '자기 볼륨 {claim} 유지',
  'fate.claimNew': '빈 새 볼륨을 받음: {claim}',
  'fate.restarted': '{pod}: {node}에 그대로 남아 {time}에 그 자리에서 다시 시작',
  'fate.keptReady': '{pod}: {node}에 그대로 남음 (Ready)',
  'fate.keptNotReady': '{pod}: {node}에 그대로 남음 (Ready 아님). 축출도 대체도 없음',
  'fate.keptStopped': '{pod}: {node}에 묶인 채 컨테이너가 멈춤. 축출도 대체도 없음',
  'fate.waiting': '{pod} ({node}): {end}. 아직 Terminating 상태라 대체 Pod 없음',
  'fate.removed': '{pod} ({node}): {end}. 대신할 Pod는 만들어지지 않음',
  'fate.unscheduled': 'Node 없음',
};
