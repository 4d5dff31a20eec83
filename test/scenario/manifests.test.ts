import { describe, expect, test } from 'vitest';
import { applyDefaults, findDuplicateObject, validateManifest } from '../../src/scenario/manifests.ts';

const where = { path: 'test.yaml' };

function rs(spec: Record<string, unknown> = {}, kind = 'ReplicaSet'): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx' }] },
      },
      ...spec,
    },
  };
}

const at = (obj: unknown) => validateManifest(obj, where);

describe('manifests: validateManifest', () => {
  test.each(['ReplicaSet', 'Deployment', 'DaemonSet', 'StatefulSet'])(
    'manifests: a minimal %s is valid',
    (kind) => {
      expect(at(rs({}, kind))).toBeNull();
    },
  );

  test('manifests: pod, service, pvc', () => {
    expect(
      at({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: { containers: [{ name: 'c', image: 'i' }] },
      }),
    ).toBeNull();
    expect(
      at({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { clusterIP: 'None' } }),
    ).toBeNull();
    expect(at({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } })).toBeNull();
    const pvc = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    };
    expect(at(pvc)).toBeNull();
  });

  test.each<[string, unknown, string, RegExp]>([
    ['not a map', [1], '', /must be a map/],
    ['no apiVersion', { kind: 'Pod' }, 'apiVersion', /Required value/],
    ['no kind', { apiVersion: 'v1' }, 'kind', /Required value/],
    [
      'unknown kind',
      { apiVersion: 'apps/v1', kind: 'CronJob' },
      'kind',
      /no matches for kind "CronJob" in version "apps\/v1"/,
    ],
    [
      'wrong apiVersion',
      { ...rs(), apiVersion: 'extensions/v1beta1' },
      'apiVersion',
      /no matches for kind "ReplicaSet" in version "extensions\/v1beta1"/,
    ],
    ['no metadata', { apiVersion: 'v1', kind: 'Pod' }, 'metadata.name', /name or generateName is required/],
    [
      'no name',
      { ...rs(), metadata: {} },
      'metadata.name',
      /^ReplicaSet "" is invalid: metadata.name: Required value/,
    ],
    [
      'bad name',
      { ...rs(), metadata: { name: 'Web' } },
      'metadata.name',
      /Invalid value: "Web": a lowercase RFC 1123 subdomain/,
    ],
    [
      'dotted sts name',
      { ...rs({}, 'StatefulSet'), metadata: { name: 'web.x' } },
      'metadata.name',
      /RFC 1123 label/,
    ],
    [
      'service name starts with digit',
      { apiVersion: 'v1', kind: 'Service', metadata: { name: '1web' } },
      'metadata.name',
      /RFC 1035|DNS-1035/,
    ],
    [
      'bad namespace',
      { ...rs(), metadata: { name: 'web', namespace: 'A' } },
      'metadata.namespace',
      /Invalid value: "A"/,
    ],
    [
      'bad label key',
      { ...rs(), metadata: { name: 'web', labels: { '-x': 'y' } } },
      'metadata.labels.-x',
      /name part must consist/,
    ],
    [
      'bad label value',
      { ...rs(), metadata: { name: 'web', labels: { x: 'y y' } } },
      'metadata.labels.x',
      /a valid label must be/,
    ],
    [
      'no spec',
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' } },
      'spec',
      /spec: Required value/,
    ],
    [
      'negative replicas',
      rs({ replicas: -1 }),
      'spec.replicas',
      /Invalid value: -1: must be greater than or equal to 0/,
    ],
    [
      'string replicas',
      rs({ replicas: 'three' }),
      'spec.replicas',
      /Invalid value: "three": must be an integer/,
    ],
    ['no selector', rs({ selector: undefined }), 'spec.selector', /spec.selector: Required value/],
    ['empty selector', rs({ selector: {} }), 'spec.selector', /empty selector is invalid for replicaset/],
    [
      'bad selector op',
      rs({ selector: { matchExpressions: [{ key: 'app', operator: 'Like', values: ['x'] }] } }),
      'spec.selector.matchExpressions[0].operator',
      /not a valid selector operator/,
    ],
    ['no template', rs({ template: undefined }), 'spec.template', /spec.template: Required value/],
    [
      'no containers',
      rs({ template: { metadata: { labels: { app: 'web' } }, spec: {} } }),
      'spec.template.spec.containers',
      /Required value/,
    ],
    [
      'no image',
      rs({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c' }] } } }),
      'spec.template.spec.containers[0].image',
      /Required value/,
    ],
    [
      'dup containers',
      rs({
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [
              { name: 'c', image: 'i' },
              { name: 'c', image: 'i' },
            ],
          },
        },
      }),
      'spec.template.spec.containers[1].name',
      /Duplicate value: "c"/,
    ],
    [
      'restartPolicy Never',
      rs({
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'i' }] },
        },
      }),
      'spec.template.spec.restartPolicy',
      /Unsupported value: "Never": supported values: "Always"/,
    ],
    [
      'selector mismatch',
      rs({ selector: { matchLabels: { app: 'api' } } }),
      'spec.template.metadata.labels',
      /Invalid value: \{"app":"web"\}: `selector` does not match template `labels`/,
    ],
    [
      'bad toleration',
      rs({
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'c', image: 'i' }], tolerations: [{ operator: 'Equal' }] },
        },
      }),
      'spec.template.spec.tolerations[0].operator',
      /operator must be Exists when `key` is empty/,
    ],
    [
      'bad nodeSelector',
      rs({
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'c', image: 'i' }], nodeSelector: { zone: 'a b' } },
        },
      }),
      'spec.template.spec.nodeSelector.zone',
      /a valid label must be/,
    ],
  ])('manifests: rejects %s', (_name, obj, field, message) => {
    const err = at(obj);
    expect(err).not.toBeNull();
    expect(err!.field).toBe(field);
    expect(err!.message).toMatch(message);
  });

  test.each<[string, Record<string, unknown>, string, RegExp]>([
    [
      'Deployment',
      { strategy: { type: 'Blue' } },
      'spec.strategy.type',
      /Unsupported value: "Blue": supported values: "Recreate", "RollingUpdate"/,
    ],
    [
      'Deployment',
      { strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } },
      'spec.strategy.rollingUpdate',
      /Forbidden: may not be specified when strategy `type` is 'Recreate'/,
    ],
    [
      'Deployment',
      { strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } } },
      'spec.strategy.rollingUpdate.maxUnavailable',
      /may not be 0 when `maxSurge` is 0/,
    ],
    [
      'Deployment',
      { strategy: { rollingUpdate: { maxUnavailable: '150%' } } },
      'spec.strategy.rollingUpdate.maxUnavailable',
      /must not be greater than 100%/,
    ],
    [
      'Deployment',
      { strategy: { rollingUpdate: { maxSurge: 'lots' } } },
      'spec.strategy.rollingUpdate.maxSurge',
      /a valid percent string/,
    ],
    [
      'Deployment',
      { progressDeadlineSeconds: 5, minReadySeconds: 10 },
      'spec.progressDeadlineSeconds',
      /must be greater than minReadySeconds/,
    ],
    [
      'DaemonSet',
      { replicas: 3 },
      'spec.replicas',
      /unknown field "replicas" \(a DaemonSet runs one pod per eligible node\)/,
    ],
    [
      'DaemonSet',
      { updateStrategy: { rollingUpdate: { maxUnavailable: 0 } } },
      'spec.updateStrategy.rollingUpdate.maxUnavailable',
      /may not be 0 when `maxSurge` is 0/,
    ],
    ['DaemonSet', { updateStrategy: { type: 'Sometimes' } }, 'spec.updateStrategy.type', /Unsupported value/],
    [
      'StatefulSet',
      { podManagementPolicy: 'Random' },
      'spec.podManagementPolicy',
      /supported values: "OrderedReady", "Parallel"/,
    ],
    [
      'StatefulSet',
      { updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } } },
      'spec.updateStrategy.rollingUpdate',
      /only allowed for updateStrategy 'RollingUpdate'/,
    ],
    [
      'StatefulSet',
      { updateStrategy: { rollingUpdate: { partition: -1 } } },
      'spec.updateStrategy.rollingUpdate.partition',
      /must be greater than or equal to 0/,
    ],
    [
      'StatefulSet',
      { updateStrategy: { rollingUpdate: { maxUnavailable: 0 } } },
      'spec.updateStrategy.rollingUpdate.maxUnavailable',
      /must be greater than 0/,
    ],
    [
      'StatefulSet',
      { volumeClaimTemplates: [{ spec: {} }] },
      'spec.volumeClaimTemplates[0].metadata.name',
      /Required value/,
    ],
    [
      'StatefulSet',
      { volumeClaimTemplates: [{ metadata: { name: 'd' } }, { metadata: { name: 'd' } }] },
      'spec.volumeClaimTemplates[1].metadata.name',
      /Duplicate value/,
    ],
    [
      'StatefulSet',
      { persistentVolumeClaimRetentionPolicy: { whenScaled: 'Keep' } },
      'spec.persistentVolumeClaimRetentionPolicy.whenScaled',
      /supported values: "Retain", "Delete"/,
    ],
    ['StatefulSet', { ordinals: { start: -1 } }, 'spec.ordinals.start', /greater than or equal to 0/],
    ['StatefulSet', { minReadySeconds: -3 }, 'spec.minReadySeconds', /greater than or equal to 0/],
  ])('manifests: %s rejects %j', (kind, spec, field, message) => {
    const err = at(rs(spec, kind));
    expect(err?.field).toBe(field);
    expect(err?.message).toMatch(message);
    expect(err?.message.startsWith(`${kind} "web" is invalid: ${field}: `)).toBe(true);
  });

  test('manifests: pvc needs access modes and a storage request', () => {
    const pvc = (spec: unknown) =>
      at({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'd' }, spec });
    expect(pvc({})?.field).toBe('spec.accessModes');
    expect(pvc({ accessModes: ['ReadWriteSometimes'] })?.field).toBe('spec.accessModes[0]');
    expect(pvc({ accessModes: ['ReadWriteOnce'] })?.message).toMatch(
      /spec.resources\[storage\]: Required value/,
    );
  });

  test('manifests: service ports', () => {
    const svc = (ports: unknown) =>
      at({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports } });
    expect(svc([{ port: 80 }])).toBeNull();
    expect(svc([{ port: 70000 }])?.field).toBe('spec.ports[0].port');
    expect(svc([{ name: 'x' }])?.message).toMatch(/Required value/);
  });
});

describe('manifests: applyDefaults', () => {
  test('manifests: ReplicaSet defaults', () => {
    const out = applyDefaults(rs());
    expect(out.metadata.namespace).toBe('default');
    expect(out.spec.replicas).toBe(1);
    expect(out.spec.minReadySeconds).toBe(0);
    expect(out.spec.template.spec).toMatchObject({
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
    });
  });

  test('manifests: Deployment defaults', () => {
    const out = applyDefaults(rs({}, 'Deployment'));
    expect(out.spec).toMatchObject({
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      minReadySeconds: 0,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    });
    const recreate = applyDefaults(rs({ strategy: { type: 'Recreate' } }, 'Deployment'));
    expect(recreate.spec.strategy).toEqual({ type: 'Recreate' });
  });

  test('manifests: DaemonSet defaults', () => {
    const out = applyDefaults(rs({}, 'DaemonSet'));
    expect(out.spec.replicas).toBeUndefined();
    expect(out.spec).toMatchObject({
      revisionHistoryLimit: 10,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    });
  });

  test('manifests: StatefulSet defaults', () => {
    const out = applyDefaults(
      rs(
        { volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }] },
        'StatefulSet',
      ),
    );
    expect(out.spec).toMatchObject({
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      revisionHistoryLimit: 10,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      ordinals: { start: 0 },
    });
    expect(out.spec.volumeClaimTemplates[0]).toMatchObject({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      spec: { volumeMode: 'Filesystem' },
    });
  });

  test('manifests: explicit values win and the input is not modified', () => {
    const input = rs({ replicas: 0 }, 'StatefulSet');
    const before = structuredClone(input);
    const out = applyDefaults(Object.freeze(input));
    expect(out.spec.replicas).toBe(0);
    expect(input).toEqual(before);
    expect(out).not.toBe(input);
  });

  test('manifests: Pod and Service defaults', () => {
    const pod = applyDefaults({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'ns' },
      spec: { containers: [] },
    });
    expect(pod.metadata.namespace).toBe('ns');
    expect(pod.spec.restartPolicy).toBe('Always');
    const svc = applyDefaults({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } });
    expect(svc.spec).toEqual({ type: 'ClusterIP', sessionAffinity: 'None' });
  });

  test('manifests: applyDefaults is idempotent', () => {
    const once = applyDefaults(rs({}, 'StatefulSet'));
    expect(applyDefaults(once)).toEqual(once);
  });
});

describe('manifests: findDuplicateObject', () => {
  test('manifests: same kind and name in one namespace is a duplicate; other kinds are not', () => {
    const a = applyDefaults(rs());
    const svc = applyDefaults({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } });
    const other = applyDefaults({ ...rs(), metadata: { name: 'web', namespace: 'other' } });
    expect(findDuplicateObject([a, svc, other])).toBeNull();
    expect(findDuplicateObject([a, svc, applyDefaults(rs())])).toEqual({
      index: 2,
      message: 'ReplicaSet "web" already exists in namespace "default"',
    });
  });
});
