import type { KObject } from '../model/types.ts';
import type { World } from '../sim/world.ts';
import { controlledSets, isRecreate, templateKey } from './semantics/deployment.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { controlledPods, hasKind } from './util.ts';

/** Running as Recreate counts it: every pod not yet Succeeded or Failed, terminating ones included. */
function running(p: KObject): boolean {
  const phase = p.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

function controllerOf(world: World, o: KObject): KObject | undefined {
  const ref = o.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? world.store.byUid(ref.uid) : undefined;
}

/** The pods of the Deployment's other ReplicaSets that still run beside a new pod of `rs`. */
function oldRunning(world: World, d: KObject, rs: KObject): KObject[] {
  return (
    controlledSets(world.store.list('ReplicaSet'), d)
      // A set of the same template (adopted after a same-name recreate) runs the same version.
      .filter((s) => templateKey(s.spec?.template) !== templateKey(rs.spec?.template))
      .flatMap((s) => controlledPods(world, s.metadata.uid).filter(running))
  );
}

/**
 * With the Recreate strategy no pod of the Deployment's template is created while a pod of one of
 * its older ReplicaSets still runs. Judged in the API store on each pod create of a ReplicaSet
 * that a Recreate Deployment controls and whose template is the Deployment's.
 */
export const deploymentRecreateNoOverlap: SafetyInvariant = {
  id: 'deployment.recreate-no-overlap',
  kind: 'safety',
  concept: 'replicaset',
  claim: {
    en: "Recreate: no pod of the Deployment's new template runs while a pod of an old one still runs.",
    ko: 'Recreate: 이전 템플릿의 파드가 아직 실행 중인 동안에는 디플로이먼트의 새 템플릿 파드가 실행되지 않는다.',
  },
  explain: {
    en: "Some applications cannot run two versions side by side (a schema migration, a single writer). Recreate promises exactly that: every old pod is stopped, and only when none of them still runs, terminating ones included, does the new ReplicaSet get its replicas. A controller that scales the new set up as soon as the old ones are at zero lets both versions run together for the old pods' grace period.",
    ko: '두 버전을 나란히 실행할 수 없는 애플리케이션이 있다 (스키마 마이그레이션, 단일 기록자). Recreate는 바로 그것을 약속한다. 이전 파드를 모두 멈추고, 종료 중인 파드까지 하나도 실행되지 않을 때에만 새 레플리카셋에 레플리카를 준다. 이전 레플리카셋이 0이 되자마자 새 레플리카셋을 늘리는 컨트롤러는 이전 파드의 유예 시간 동안 두 버전이 함께 실행되게 한다.',
  },
  appliesTo: (s) => hasKind(s, 'Deployment'),
  check(world) {
    const findings: Finding[] = [];
    for (const w of world.stepWrites) {
      if (w.kind !== 'Pod' || w.verb !== 'create' || !w.after) continue;
      const rs = controllerOf(world, w.after);
      const d = rs?.kind === 'ReplicaSet' ? controllerOf(world, rs) : undefined;
      if (!rs || d?.kind !== 'Deployment' || !isRecreate(d)) continue;
      if (templateKey(rs.spec?.template) !== templateKey(d.spec?.template)) continue;
      const old = oldRunning(world, d, rs);
      if (old.length === 0) continue;
      const pod = w.after.metadata.name;
      const names = old.map((p) => `pod/${p.metadata.name}`);
      findings.push({
        message: `deployment/${d.metadata.name} (Recreate): new pod/${pod} of replicaset/${rs.metadata.name} was created while ${old.length} old pod${old.length === 1 ? '' : 's'} still run (${names.join(', ')})`,
        messageKo: `deployment/${d.metadata.name} (Recreate): 이전 파드 ${old.length}개(${names.join(', ')})가 아직 실행 중인데 replicaset/${rs.metadata.name}의 새 pod/${pod}가 생성되었다`,
        objects: [`deployment/${d.metadata.name}`, `pod/${pod}`, ...names],
      });
    }
    return findings;
  },
};
