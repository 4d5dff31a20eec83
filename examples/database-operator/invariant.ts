/**
 * The Database's own claim, judged on the API store: after settle, each Database has a headless
 * Service and a StatefulSet of its name that it controls, with its replicas, all of them ready.
 */
import { defineInvariant, type KObject } from '../../src/index.ts';

const controlledBy = (obj: KObject | undefined, owner: KObject) =>
  obj?.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid) ?? false;

export const databaseServed = defineInvariant({
  id: 'database.served',
  when: 'settled',
  claim: {
    en: 'After settle, each Database has its headless Service and its StatefulSet with spec.replicas ready instances.',
    ko: '안정화 후 각 Database에는 헤드리스 Service와 spec.replicas개의 Ready 인스턴스를 가진 스테이트풀셋이 있다.',
  },
  check(store) {
    const findings = [];
    for (const db of store.list('Database')) {
      const key = `${db.metadata.namespace ?? 'default'}/${db.metadata.name}`;
      const ref = `database/${db.metadata.name}`;
      const svc = store.get('Service', key);
      const sts = store.get('StatefulSet', key);
      if (!controlledBy(svc, db) || svc?.spec?.clusterIP !== 'None')
        findings.push({ message: `${ref} has no headless Service of its own`, objects: [ref] });
      else if (!controlledBy(sts, db) || sts?.spec?.serviceName !== db.metadata.name)
        findings.push({
          message: `${ref} has no StatefulSet of its own governed by its Service`,
          objects: [ref],
        });
      else if (
        sts.spec.replicas !== db.spec.replicas ||
        (sts.status?.readyReplicas ?? 0) !== db.spec.replicas
      )
        findings.push({
          message: `${ref} wants ${db.spec.replicas} instances, its StatefulSet has ${sts.spec.replicas} (${sts.status?.readyReplicas ?? 0} ready)`,
          objects: [ref, `statefulset/${db.metadata.name}`],
        });
    }
    return findings;
  },
});
