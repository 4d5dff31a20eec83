/**
 * Korean trace lines (src/report/i18n/traceKo.ts): representative lines of every writer, as the
 * simulator writes them, and the Korean a report shows. State and event names, object references
 * and field summaries stay as written; the words around them are Korean. A line no rule knows
 * gives undefined, so the report shows the English.
 */
import { describe, expect, it } from 'vitest';
import { traceKo } from '../../src/report/i18n/traceKo.ts';
import type { TraceKind } from '../../src/trace/types.ts';

type Row = readonly [kind: TraceKind, actor: string, english: string, korean: string];

const CONTROLLER_BASE: readonly Row[] = [
  [
    'controller',
    'replicaset-controller',
    'process restarted: work queue and expectations lost',
    '프로세스 재시작: work queue와 expectations를 잃음',
  ],
  [
    'controller',
    'replicaset-controller',
    'writingStatus → idle on STATUS_WRITTEN',
    'writingStatus → idle (STATUS_WRITTEN 이벤트)',
  ],
  [
    'controller',
    'statefulset-controller',
    'creatingPod → writingStatus on DONE: default/web',
    'creatingPod → writingStatus (DONE 이벤트): default/web',
  ],
  [
    'controller',
    'replicaset-controller',
    'idle → idle on SYNC: default/frontend is gone',
    'idle → idle (SYNC 이벤트): default/frontend: 더 이상 없음 (삭제됨)',
  ],
];

const REPLICASET: readonly Row[] = [
  [
    'controller',
    'replicaset-controller',
    'idle → creatingPods on SYNC: default/frontend: 2/5 pods, create 3',
    'idle → creatingPods (SYNC 이벤트): default/frontend: Pod 2개 (목표 5개), 3개 생성',
  ],
  [
    'controller',
    'replicaset-controller',
    'idle → deletingPods on SYNC: default/frontend: 3/2 pods, delete frontend-4hjk5',
    'idle → deletingPods (SYNC 이벤트): default/frontend: Pod 3개 (목표 2개), frontend-4hjk5 삭제',
  ],
  [
    'controller',
    'replicaset-controller',
    'idle → writingStatus on SYNC: default/frontend: 3/3 pods',
    'idle → writingStatus (SYNC 이벤트): default/frontend: Pod 3개 (목표 3개)',
  ],
  [
    'controller',
    'replicaset-controller',
    'idle → claimingPods on SYNC: default/frontend: adopt 1, release 0',
    'idle → claimingPods (SYNC 이벤트): default/frontend: Pod 1개 입양(adopt), 0개 놓아줌(release)',
  ],
  [
    'controller',
    'replicaset-controller',
    'idle → waitingForExpectations on SYNC: default/frontend: expectations pending {"add":1,"del":0}',
    'idle → waitingForExpectations (SYNC 이벤트): default/frontend: expectations 대기 중 {"add":1,"del":0}: 앞서 요청한 생성·삭제를 캐시에서 아직 보지 못함',
  ],
  [
    'controller',
    'replicaset-controller',
    "claimingPods → idle on CLAIMED: default/frontend: can't adopt pods: default/frontend is being deleted or gone",
    'claimingPods → idle (CLAIMED 이벤트): default/frontend: Pod를 입양할 수 없음: default/frontend 삭제 중이거나 없음',
  ],
  [
    'controller',
    'replicaset-controller',
    'claimingPods → idle on CLAIMED: default/web: injected patch failure',
    'claimingPods → idle (CLAIMED 이벤트): default/web: 주입된 patch 실패 (fail-api)',
  ],
];

const DAEMONSET: readonly Row[] = [
  [
    'controller',
    'daemonset-controller',
    'idle → writingStatus on SYNC: default/agent: hash 565b8fcd9d',
    'idle → writingStatus (SYNC 이벤트): default/agent: 템플릿 hash 565b8fcd9d',
  ],
  [
    'controller',
    'daemonset-controller',
    'idle → recordingRevision on SYNC: default/agent: hash 565b8fcd9d, create on node-1, node-2, node-3, node-4, node-5 and 2 more',
    'idle → recordingRevision (SYNC 이벤트): default/agent: 템플릿 hash 565b8fcd9d, Pod를 만들 Node: node-1, node-2, node-3, node-4, node-5 외 2개',
  ],
  [
    'controller',
    'daemonset-controller',
    'idle → waitingForExpectations on SYNC: default/agent: hash 565b8fcd9d, expectations pending',
    'idle → waitingForExpectations (SYNC 이벤트): default/agent: 템플릿 hash 565b8fcd9d, expectations 대기 중',
  ],
  [
    'controller',
    'daemonset-controller',
    'claimingPods → placingPods on CLAIMED: default/agent: hash 855cbfc8b9, create on node-3, delete agent-w2224 (failed), agent-x (misscheduled)',
    'claimingPods → placingPods (CLAIMED 이벤트): default/agent: 템플릿 hash 855cbfc8b9, Pod를 만들 Node: node-3, 삭제: agent-w2224 (Failed), agent-x (배치 조건에 맞지 않음)',
  ],
  [
    'controller',
    'daemonset-controller',
    'idle → rollingNodes on SYNC: default/agent: hash 78bdb8b874, delete agent-r5zt7 (rolling-update), rolling node (maxSurge 0, maxUnavailable 1)',
    'idle → rollingNodes (SYNC 이벤트): default/agent: 템플릿 hash 78bdb8b874, 삭제: agent-r5zt7 (롤링 업데이트), Node를 새 템플릿으로 교체 (maxSurge 0, maxUnavailable 1)',
  ],
  [
    'controller',
    'daemonset-controller',
    'idle → idle on SYNC: default/agent is being deleted',
    'idle → idle (SYNC 이벤트): default/agent: 삭제되는 중이라 Pod도 status도 건드리지 않음',
  ],
  [
    'controller',
    'daemonset-controller',
    'idle → idle on SYNC: default/agent: empty selector selects no pods',
    'idle → idle (SYNC 이벤트): default/agent: 셀렉터가 비어 있어 어떤 Pod도 선택하지 않음',
  ],
  [
    'controller',
    'daemonset-controller',
    'recordingRevision → idle on REVISION_RECORDED: default/agent: injected create failure',
    'recordingRevision → idle (REVISION_RECORDED 이벤트): default/agent: 주입된 create 실패 (fail-api)',
  ],
];

const STATEFULSET: readonly Row[] = [
  [
    'controller',
    'statefulset-controller',
    'idle → claimingPods on SYNC: default/web: adopt 3, release 0, adopt 2 orphaned revisions',
    'idle → claimingPods (SYNC 이벤트): default/web: Pod 3개 입양(adopt), 0개 놓아줌(release), 주인 없는 revision 2개 입양',
  ],
  [
    'controller',
    'statefulset-controller',
    'idle → waitingForReady on SYNC: default/web: waiting for web-0 to become Running and Ready',
    'idle → waitingForReady (SYNC 이벤트): default/web: web-0 Pod가 Running이고 Ready가 되기를 기다림',
  ],
  [
    'controller',
    'statefulset-controller',
    'idle → waitingForTermination on SYNC: default/web: waiting for web-1 to go away',
    'idle → waitingForTermination (SYNC 이벤트): default/web: web-1 Pod가 완전히 사라지기를 기다림',
  ],
  [
    'controller',
    'statefulset-controller',
    'syncingRevisions → creatingPod on REVISION_READY: default/web: create web-0',
    'syncingRevisions → creatingPod (REVISION_READY 이벤트): default/web: web-0 생성',
  ],
  [
    'controller',
    'statefulset-controller',
    'idle → deletingCondemned on SYNC: default/web: deleteCondemned web-4',
    'idle → deletingCondemned (SYNC 이벤트): default/web: 축소 대상 web-4 삭제',
  ],
  [
    'controller',
    'statefulset-controller',
    'idle → deletingFailedPod on SYNC: default/web: deleteTerminal web-1',
    'idle → deletingFailedPod (SYNC 이벤트): default/web: Failed 또는 Succeeded 단계인 web-1 삭제',
  ],
  [
    'controller',
    'statefulset-controller',
    'idle → creatingClaims on SYNC: default/db: createClaims db-2',
    'idle → creatingClaims (SYNC 이벤트): default/db: db-2의 PVC 생성',
  ],
  [
    'controller',
    'statefulset-controller',
    'idle → repairingPod on SYNC: default/db: repair db-0',
    'idle → repairingPod (SYNC 이벤트): default/db: db-0의 정체성과 PVC 연결 복구',
  ],
  [
    'controller',
    'statefulset-controller',
    'idle → updatingPod on SYNC: default/db: updateDelete db-1',
    'idle → updatingPod (SYNC 이벤트): default/db: 새 revision으로 바꾸려고 db-1 삭제',
  ],
  [
    'controller',
    'statefulset-controller',
    'idle → idle on SYNC: default/web: nothing to do',
    'idle → idle (SYNC 이벤트): default/web: 할 일 없음',
  ],
  [
    'controller',
    'statefulset-controller',
    'creatingPod → writingStatus on DONE: default/web: create Pod web-1 failed: pod/web-1 already exists',
    'creatingPod → writingStatus (DONE 이벤트): default/web: Pod web-1 생성 실패: pod/web-1 이미 있음',
  ],
  [
    'controller',
    'statefulset-controller',
    'creatingPod → writingStatus on DONE: default/db: failed to create PVC data-db-0: injected create failure',
    'creatingPod → writingStatus (DONE 이벤트): default/db: PVC data-db-0 생성 실패: 주입된 create 실패 (fail-api)',
  ],
  [
    'controller',
    'statefulset-controller',
    'creatingPod → writingStatus on DONE: default/db: pvc data-db-1 is being deleted',
    'creatingPod → writingStatus (DONE 이벤트): default/db: PVC data-db-1 삭제 중',
  ],
  [
    'controller',
    'statefulset-controller',
    'syncingRevisions → writingStatus on REVISION_READY: default/web: too many revision name collisions',
    'syncingRevisions → writingStatus (REVISION_READY 이벤트): default/web: revision 이름 충돌이 너무 많음',
  ],
];

const KUBELET: readonly Row[] = [
  [
    'kubelet',
    'kubelet/node-2',
    'waiting to start pod/web-0: persistentvolumeclaim "data-web-0" is not bound yet',
    'pod/web-0 시작 대기: persistentvolumeclaim "data-web-0" 아직 바인딩되지 않음',
  ],
  [
    'kubelet',
    'kubelet/node-2',
    'waiting to start pod/db-0: persistentvolumeclaim "data-db-0" is being deleted',
    'pod/db-0 시작 대기: persistentvolumeclaim "data-db-0" 삭제 중',
  ],
  [
    'kubelet',
    'kubelet/node-2',
    'waiting to start pod/db-0: persistentvolumeclaim "data-db-0" not found',
    'pod/db-0 시작 대기: persistentvolumeclaim "data-db-0" 없음',
  ],
  ['kubelet', 'kubelet/node-2', 'started pod/web-0 (restarts 0)', 'pod/web-0 시작 (재시작 0회)'],
  [
    'kubelet',
    'kubelet/node-1',
    'container of pod/web-3 exited; restart in 10s',
    'pod/web-3의 컨테이너 종료됨, back-off 10s 후 재시작',
  ],
  ['kubelet', 'kubelet/node-1', 'pod/web-1 Failed', 'pod/web-1: Failed 단계로 끝남'],
  ['kubelet', 'kubelet/node-1', 'stopped pod/web-1', 'pod/web-1 컨테이너 정상 종료'],
  ['kubelet', 'kubelet/node-1', 'stopped pod/web-0: power loss', 'pod/web-0 컨테이너 멈춤: 머신 전원이 꺼짐'],
  [
    'kubelet',
    'kubelet/node-2',
    'killed pod/web-1: pod object is gone',
    'pod/web-1 컨테이너 강제 종료: Pod 오브젝트가 사라짐',
  ],
  ['kubelet', 'kubelet/node-2', 'rejected pod/web-1: too many pods', 'pod/web-1 거부: too many pods'],
];

const OTHERS: readonly Row[] = [
  [
    'node',
    'taint-eviction-controller',
    'evicting pod/web-0: node node-2 has NoExecute taints',
    'pod/web-0 축출(evict): Node node-2에 NoExecute taint가 있음',
  ],
  [
    'create',
    'statefulset-controller',
    'create pod/web-0 node=- phase=Pending ready=false',
    'pod/web-0 생성 (node=- phase=Pending ready=false)',
  ],
  ['create', 'user', 'create service/web', 'service/web 생성'],
  [
    'update',
    'scheduler',
    'patch pod/web-0 node=node-2 phase=Pending ready=false',
    'pod/web-0 Node에 배치 (node=node-2 phase=Pending ready=false)',
  ],
  [
    'update',
    'persistentvolume-binder',
    'patch persistentvolumeclaim/data-web-0 phase=Pending volume=pvc-1',
    'persistentvolumeclaim/data-web-0 PV에 바인딩 (phase=Pending volume=pvc-1)',
  ],
  [
    'update',
    'node-lifecycle-controller',
    'patch node/node-2 ready=Unknown taints=1',
    'node/node-2 패치 (ready=Unknown taints=1)',
  ],
  [
    'update',
    'user',
    'update statefulset/web replicas=3 ready=3',
    'statefulset/web 변경 (replicas=3 ready=3)',
  ],
  [
    'update',
    'taint-eviction-controller',
    'terminate pod/web-0 node=node-2 phase=Running ready=false terminating',
    'pod/web-0 종료 시작 (node=node-2 phase=Running ready=false terminating)',
  ],
  [
    'status',
    'kubelet/node-2',
    'status pod/web-0 node=node-2 phase=Running ready=true',
    'pod/web-0 상태 보고 (node=node-2 phase=Running ready=true)',
  ],
  ['delete', 'pod-gc', 'delete pod/log-agent-ddzc5', 'pod/log-agent-ddzc5 삭제'],
  [
    'api-error',
    'replicaset-controller',
    'status replicaset/frontend failed: Conflict: the object replicaset/frontend has been modified',
    'replicaset/frontend status 쓰기 실패: Conflict: replicaset/frontend 오브젝트가 그사이 다른 쓰기로 바뀜',
  ],
  [
    'api-error',
    'replicaset-controller',
    'delete pod/default/frontend-2tdkg failed: NotFound: Pod default/frontend-2tdkg not found',
    'pod/default/frontend-2tdkg 삭제 실패: NotFound: Pod default/frontend-2tdkg 없음',
  ],
  [
    'api-error',
    'statefulset-controller',
    'patch pod/web-0 failed: Conflict: precondition failed: uid of pod/web-0 changed',
    'pod/web-0 패치 실패: Conflict: 전제 조건 실패: pod/web-0의 uid가 바뀜',
  ],
  [
    'api-error',
    'replicaset-controller',
    'patch pod/x failed: Invalid: Only one reference can have Controller set to true',
    'pod/x 패치 실패: Invalid: controller: true인 ownerReference는 하나만 둘 수 있음',
  ],
  [
    'info',
    'runner',
    "replicaset controller runs mutant 'no-expectations'",
    "replicaset 컨트롤러: mutant 'no-expectations' 버전으로 실행",
  ],
  [
    'info',
    'runner',
    'kubeprop 0.1.0 scenario=x seed=7 events=3',
    'kubeprop 0.1.0 실행 시작: scenario=x seed=7 events=3',
  ],
];

const TABLES = { CONTROLLER_BASE, REPLICASET, DAEMONSET, STATEFULSET, KUBELET, OTHERS };

describe('report: trace lines in Korean', () => {
  for (const [writer, rows] of Object.entries(TABLES)) {
    it.each(rows)(`report: traceKo: ${writer}: %s %s: %s`, (kind, actor, english, korean) => {
      expect(traceKo({ kind, actor, text: english })).toBe(korean);
    });
  }

  it.each([
    ['controller', 'idle → idle on SYNC: default/web: something new happened'],
    ['controller', 'not a transition at all'],
    ['kubelet', 'pulled image nginx for pod/web-0'],
    ['node', 'node node-1 is on fire'],
    ['update', 'frobnicate pod/web-0'],
    ['api-error', 'create pod/web-0 failed'],
    ['schedule', 'bound pod/web-0 to node-1'],
  ] as const)(
    'report: traceKo: an unknown %s line gives undefined (the report shows the English): %s',
    (kind, text) => {
      expect(traceKo({ kind, actor: 'x', text })).toBeUndefined();
    },
  );

  it('report: traceKo: an API message it does not know is quoted as the API wrote it', () => {
    expect(
      traceKo({ kind: 'api-error', actor: 'x', text: 'create pod/web-0 failed: InternalError: disk full' }),
    ).toBe('pod/web-0 생성 실패: InternalError: disk full');
  });
});
