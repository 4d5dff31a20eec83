/**
 * Strict manifest validation against the vendored Kubernetes OpenAPI schema (validate-schema.ts):
 * what `kubectl apply --validate=strict` rejects is rejected at the field, and what it accepts
 * (maps with any keys, quantities, int-or-string, status, nulls) is accepted.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { unmodelledReason, validateManifest } from '../../src/scenario/manifests.ts';
import { makeAjv } from '../../src/scenario/validate-schema.ts';

const where = { path: 'test.yaml' };
const at = (obj: unknown) => validateManifest(obj, where);

function sts(
  spec: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db' },
    spec: {
      selector: { matchLabels: { app: 'db' } },
      template: {
        metadata: { labels: { app: 'db' } },
        spec: { containers: [{ name: 'db', image: 'postgres' }] },
      },
      ...spec,
    },
    ...extra,
  };
}

/** The same StatefulSet with `patch` merged into its first container. */
function container(patch: Record<string, unknown>): Record<string, unknown> {
  return sts({
    template: {
      metadata: { labels: { app: 'db' } },
      spec: { containers: [{ name: 'db', image: 'postgres', ...patch }] },
    },
  });
}

describe('manifest schema: unknown fields', () => {
  test.each<[string, Record<string, unknown>, string, string]>([
    [
      'volumeClaimTemplate',
      sts({ volumeClaimTemplate: [] }),
      'spec.volumeClaimTemplate',
      'volumeClaimTemplates',
    ],
    [
      'podManagmentPolicy',
      sts({ podManagmentPolicy: 'Parallel' }),
      'spec.podManagmentPolicy',
      'podManagementPolicy',
    ],
    ['replicaz', sts({ replicaz: 4 }), 'spec.replicaz', 'replicas'],
    ['a top-level field', sts({}, { specs: {} }), 'specs', 'spec'],
    ['metadata', sts({}, { metadata: { name: 'db', label: { a: 'b' } } }), 'metadata.label', 'labels'],
    ['inside a container', container({ imagePullPolicyy: 'Always' }), '', 'imagePullPolicy'],
    ['a case slip', container({ ImagePullPolicy: 'Always' }), '', 'imagePullPolicy'],
  ])('manifest schema: %s is an unknown field with a suggestion', (_, obj, field, guess) => {
    const err = at(obj);
    if (field !== '') expect(err?.field).toBe(field);
    expect(err?.message).toMatch(
      /^StatefulSet "db" is invalid: [\w.[\]]+: unknown field "\w+"; did you mean "\w+"\?$/,
    );
    expect(err?.message.endsWith(`did you mean "${guess}"?`)).toBe(true);
    expect(err?.key).toBe(true);
  });

  test('manifest schema: a name far from every field lists the known ones (small structs only)', () => {
    const err = at(sts({ ordinals: { begin: 2 } }));
    expect(err?.message).toMatch(/spec\.ordinals\.begin: unknown field "begin" \(known fields: start\)$/);
  });

  test('manifest schema: the first problem in document order is the one reported', () => {
    const err = at(sts({ zzz: 1, replicas: 'three' }));
    expect(err?.field).toBe('spec.zzz');
    const later = at({ ...sts({ replicas: 'three' }), extra: 1 });
    expect(later?.field).toBe('spec.replicas');
  });
});

describe('manifest schema: types, enums and formats', () => {
  test.each<[string, Record<string, unknown>, string, RegExp]>([
    [
      'string for int',
      sts({ replicas: 'three' }),
      'spec.replicas',
      /Invalid value: "three": must be an integer$/,
    ],
    ['fraction for int', sts({ replicas: 1.5 }), 'spec.replicas', /Invalid value: 1.5: must be an integer$/],
    [
      'int32 overflow',
      container({ ports: [{ containerPort: 2 ** 31 }] }),
      'spec.template.spec.containers[0].ports[0].containerPort',
      /must be no more than 2147483647$/,
    ],
    [
      'int32 underflow',
      sts({ minReadySeconds: -(2 ** 31) - 1 }),
      'spec.minReadySeconds',
      /must be at least -2147483648$/,
    ],
    [
      'map for list',
      container({ ports: { http: 80 } }),
      'spec.template.spec.containers[0].ports',
      /must be a list$/,
    ],
    [
      'list for map',
      sts({}, { metadata: { name: 'db', labels: ['a'] } }),
      'metadata.labels',
      /must be an object$/,
    ],
    [
      'number label value',
      sts({}, { metadata: { name: 'db', labels: { a: 1 } } }),
      'metadata.labels.a',
      /must be a string$/,
    ],
    [
      'bool for string',
      container({ image: true }),
      'spec.template.spec.containers[0].image',
      /must be a string$/,
    ],
    [
      'bad enum',
      sts({ podManagementPolicy: 'Sequential' }),
      'spec.podManagementPolicy',
      /Unsupported value: "Sequential": supported values: "OrderedReady", "Parallel"$/,
    ],
    [
      'bad quantity',
      container({ resources: { limits: { memory: '1Gb' } } }),
      'spec.template.spec.containers[0].resources.limits.memory',
      /quantities must match the regular expression/,
    ],
    [
      'int-or-string as a bool',
      sts({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: true } } }),
      'spec.updateStrategy.rollingUpdate.maxUnavailable',
      /must be an integer or a string$/,
    ],
    [
      'int-or-string beyond int32',
      sts({ updateStrategy: { rollingUpdate: { maxUnavailable: 2 ** 31 } } }),
      'spec.updateStrategy.rollingUpdate.maxUnavailable',
      /must be no more than 2147483647$/,
    ],
    [
      'status of the wrong shape',
      sts({}, { status: { replicas: 'x' } }),
      'status.replicas',
      /must be an integer$/,
    ],
    [
      'unknown status field',
      sts({}, { status: { replica: 1 } }),
      'status.replica',
      /unknown field "replica"/,
    ],
  ])('manifest schema: %s', (_, obj, field, message) => {
    const err = at(obj);
    expect(err?.field).toBe(field);
    expect(err?.message).toMatch(message);
    expect(err?.message.startsWith(`StatefulSet "db" is invalid: ${field}: `)).toBe(true);
  });

  test('manifest schema: a long value is cut in the message, which stays one line', () => {
    const err = at(sts({ replicas: { a: 'x'.repeat(500) } }));
    expect(err?.message).toMatch(
      /^StatefulSet "db" is invalid: spec.replicas: Invalid value: \{"a":"x+…: must be an integer$/,
    );
    expect(err!.message.length).toBeLessThan(220);
  });

  test('manifest schema: a required field the semantic checks do not know is still required', () => {
    const err = at(container({ ports: [{ protocol: 'TCP' }] }));
    expect(err?.message).toBe(
      'StatefulSet "db" is invalid: spec.template.spec.containers[0].ports[0].containerPort: Required value',
    );
  });

  test('manifest schema: semantic checks keep their messages for required fields', () => {
    const obj = sts();
    delete (obj.spec as Record<string, unknown>).selector;
    expect(at(obj)?.message).toBe('StatefulSet "db" is invalid: spec.selector: Required value');
  });
});

describe('manifest schema: what kubectl accepts', () => {
  test.each<[string, Record<string, unknown>]>([
    [
      'quantities as numbers and strings',
      container({ resources: { limits: { cpu: 1, memory: '1Gi' }, requests: { cpu: '100m' } } }),
    ],
    [
      'extended resources (any key in a resource map)',
      container({ resources: { limits: { 'nvidia.com/gpu': 1 } } }),
    ],
    ['int-or-string as a percent', sts({ updateStrategy: { rollingUpdate: { maxUnavailable: '25%' } } })],
    ['int-or-string as an int', sts({ updateStrategy: { rollingUpdate: { maxUnavailable: 2 } } })],
    ['a named probe port', container({ readinessProbe: { httpGet: { port: 'http' }, periodSeconds: 5 } })],
    [
      'int64 beyond int32',
      sts({
        template: {
          metadata: { labels: { app: 'db' } },
          spec: { terminationGracePeriodSeconds: 2 ** 32, containers: [{ name: 'db', image: 'x' }] },
        },
      }),
    ],
    ['status', sts({}, { status: { replicas: 3, readyReplicas: 2, availableReplicas: 1 } })],
    ['null meaning unset', sts({ podManagementPolicy: null }, { metadata: { name: 'db', labels: null } })],
    [
      'dotted label and annotation keys',
      sts(
        {},
        {
          metadata: { name: 'db', labels: { 'app.kubernetes.io/name': 'db' }, annotations: { 'x.y/z': 'w' } },
        },
      ),
    ],
    [
      'free-form fieldsV1',
      sts(
        {},
        {
          metadata: {
            name: 'db',
            managedFields: [{ manager: 'kubectl', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }],
          },
        },
      ),
    ],
    [
      'every enum of a pod spec field',
      container({ imagePullPolicy: 'Never', terminationMessagePolicy: 'FallbackToLogsOnError' }),
    ],
  ])('manifest schema: accepts %s', (_, obj) => {
    expect(at(obj)).toBeNull();
  });

  test('manifest schema: Service and PersistentVolumeClaim fields', () => {
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: {
        type: 'ClusterIP',
        ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }],
        selector: { app: 'web' },
      },
    };
    expect(at(svc)).toBeNull();
    // An int-or-string no semantic check looks at: only the schema bounds its integer to int32.
    const bigPort = at({ ...svc, spec: { ...svc.spec, ports: [{ port: 80, targetPort: 2 ** 31 }] } });
    expect(bigPort?.message).toBe(
      'Service "web" is invalid: spec.ports[0].targetPort: Invalid value: 2147483648: must be no more than 2147483647',
    );
    expect(at({ ...svc, spec: { ...svc.spec, type: 'Internal' } })?.message).toMatch(
      /spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"/,
    );
    const pvc = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '1Gi' } },
        storageClassName: 'fast',
      },
    };
    expect(at(pvc)).toBeNull();
    expect(at({ ...pvc, spec: { ...pvc.spec, storageClass: 'fast' } })?.message).toMatch(
      /spec.storageClass: unknown field "storageClass"; did you mean "storageClassName"\?/,
    );
  });
});

describe('manifest schema: kinds', () => {
  test.each<[string, string, string | null]>([
    ['v1', 'ConfigMap', 'kubeprop does not model ConfigMap'],
    ['v1', 'Secret', 'kubeprop does not model Secret'],
    ['networking.k8s.io/v1', 'Ingress', 'kubeprop does not model Ingress'],
    ['rbac.authorization.k8s.io/v1', 'Role', 'kubeprop does not model Role'],
    [
      'monitoring.coreos.com/v1',
      'ServiceMonitor',
      'kubeprop does not model custom resources (monitoring.coreos.com/v1)',
    ],
    ['apps/v1', 'StatefulSet', null],
    ['apps/v1beta1', 'StatefulSet', null],
    ['v1', 'Ingress', null],
    ['apps/v1', 'StatefulSett', null],
    ['v1', 'Widget', null],
    ['example.k8s.io/v1', 'Widget', null],
  ])('manifest schema: %s %s skipped: %s', (apiVersion, kind, reason) => {
    expect(unmodelledReason({ apiVersion, kind, metadata: { name: 'x' } })).toBe(reason);
  });

  test('manifest schema: a misspelt kind is an error with a suggestion; an old apiVersion stays an error', () => {
    expect(at({ apiVersion: 'apps/v1', kind: 'StatefulSett', metadata: { name: 'x' } })?.message).toMatch(
      /^no matches for kind "StatefulSett" in version "apps\/v1"; did you mean "StatefulSet"\? \(kubeprop supports /,
    );
    const old = at({ ...sts(), apiVersion: 'apps/v1beta1' });
    expect(old?.field).toBe('apiVersion');
    expect(old?.message).toMatch(
      /^no matches for kind "StatefulSet" in version "apps\/v1beta1" \(kubeprop supports/,
    );
  });

  test('manifest schema: validateManifest itself refuses an unmodelled kind (create-object, campaigns)', () => {
    expect(at({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } })?.message).toMatch(
      /^kubeprop does not model ConfigMap \(kubeprop supports apps\/v1 ReplicaSet/,
    );
  });
});

describe('manifest schema: the vendored file', () => {
  const schema = JSON.parse(
    readFileSync(new URL('../../src/scenario/openapi/k8s-schema.json', import.meta.url), 'utf8'),
  ) as { 'x-source': Record<string, string>; definitions: Record<string, Record<string, unknown>> };

  test('manifest schema: records its source and Kubernetes version', () => {
    expect(schema['x-source'].from).toMatch(/^kubernetes-models@5\.1\.0 /);
    expect(schema['x-source'].kubernetes).toMatch(/^v1\.36/);
  });

  test('manifest schema: compiles under ajv strict mode with meta-schema validation', () => {
    const ajv = makeAjv(true);
    expect(() => ajv.compile({ $ref: 'k8s#/definitions/io.k8s.api.apps.v1.StatefulSet' })).not.toThrow();
  });

  test('manifest schema: every struct is closed, the maps are open', () => {
    for (const [name, def] of Object.entries(schema.definitions)) {
      if (def.properties !== undefined) expect(def.additionalProperties, name).toBe(false);
    }
    const prop = (def: string, p: string) =>
      (schema.definitions[def]!.properties as Record<string, Record<string, unknown>>)[p];
    const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
    expect(prop(meta, 'labels')).toEqual({ type: 'object', additionalProperties: { type: 'string' } });
    expect(prop(meta, 'annotations')).toEqual({ type: 'object', additionalProperties: { type: 'string' } });
    expect(prop('io.k8s.api.core.v1.PodSpec', 'nodeSelector')).toEqual({
      type: 'object',
      additionalProperties: { type: 'string' },
    });
    expect(prop('io.k8s.api.core.v1.ResourceRequirements', 'limits')).toEqual({
      type: 'object',
      additionalProperties: { $ref: '#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity' },
    });
  });
});
