/**
 * pkg/controller/statefulset/stateful_set_utils_test.go: pod identity and storage
 * (statefulset/identity.ts, model/ordinal.ts), claim retention owner references
 * (statefulset/retention.ts), readiness helpers and revisions (shared/history.ts).
 */
import { expect } from 'vitest';
import { newRevision, type RevisionObject, revisionsEqual } from '../../../src/controllers/shared/history.ts';
import {
  claimsFor,
  identityMatches,
  isMember,
  isRunningAndReady,
  newPod,
  POD_NAME_LABEL,
  repairedPod,
  storageMatches,
} from '../../../src/controllers/statefulset/identity.ts';
import {
  claimIsForeign,
  claimIsStale,
  claimOwnerRefs,
  claimOwnersMatch,
  retentionPolicy,
} from '../../../src/controllers/statefulset/retention.ts';
import { templateOf } from '../../../src/controllers/statefulset/revisions.ts';
import { parseOrdinal, pvcNameFor } from '../../../src/model/ordinal.ts';
import type { KObject, OwnerReference } from '../../../src/model/types.ts';
import type { PortedCase, Source } from '../harness.ts';

export const SOURCE: Source = {
  controller: 'StatefulSet',
  file: 'pkg/controller/statefulset/stateful_set_utils_test.go',
  // The store named no commit for this version (found by content, not by path); it is the one
  // with TestIsClaimOwnerUpToDate, TestClaimOwnerUpToDateEdgeCases and
  // TestGetStatefulSetMaxUnavailable: claims carry controller owner references.
  version: 'store copy without a commit, with TestClaimOwnerUpToDateEdgeCases (52,098 bytes)',
};

/** `newStatefulSet(replicas)`: set foo, a datadir claim template and a home hostPath volume. */
export function newStatefulSet(replicas: number, name = 'foo'): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: 'default', uid: 'test' },
    spec: {
      replicas,
      selector: { matchLabels: { foo: 'bar' } },
      serviceName: 'governingsvc',
      updateStrategy: { type: 'RollingUpdate' },
      persistentVolumeClaimRetentionPolicy: { whenScaled: 'Retain', whenDeleted: 'Retain' },
      revisionHistoryLimit: 2,
      template: {
        metadata: { labels: { foo: 'bar' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'nginx',
              volumeMounts: [
                { name: 'datadir', mountPath: '/tmp/zookeeper' },
                { name: 'home', mountPath: '/home' },
              ],
            },
          ],
          volumes: [{ name: 'home', hostPath: { path: '/tmp/home' } }],
        },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'datadir', namespace: 'default' },
          spec: { resources: { requests: { storage: 1 } } },
        },
      ],
    },
    status: {},
  } as unknown as KObject;
}

/** `newStatefulSetPod(set, ordinal)`. */
function setPod(set: KObject, ordinal: number): KObject {
  const p = newPod(set, set.spec?.template, ordinal, 'r1') as unknown as KObject;
  return { ...p, metadata: { ...p.metadata, uid: `pod-${ordinal}` }, status: { phase: 'Pending' } };
}

type Mutate = (p: KObject) => KObject;
const meta = (p: KObject, m: Record<string, unknown>): KObject => ({
  ...p,
  metadata: { ...p.metadata, ...m },
});
const volumes = (p: KObject, f: (v: Array<Record<string, unknown>>) => unknown): KObject => ({
  ...p,
  spec: { ...p.spec, volumes: f((p.spec?.volumes ?? []) as Array<Record<string, unknown>>) },
});
const dropPodNameLabel: Mutate = (p) => {
  const { [POD_NAME_LABEL]: _, ...rest } = p.metadata.labels ?? {};
  return meta(p, { labels: rest });
};
const noVolumes: Mutate = (p) => volumes(p, () => undefined);
const noClaims: Mutate = (p) => volumes(p, (v) => v.map(({ persistentVolumeClaim: _, ...r }) => r));
const claimFoo: Mutate = (p) =>
  volumes(p, (v) =>
    v.map((x) => (x.persistentVolumeClaim ? { ...x, persistentVolumeClaim: { claimName: 'foo' } } : x)),
  );

function identityCases(): PortedCase[] {
  const c = (func: string, name: string, run: () => void): PortedCase => ({
    source: SOURCE,
    func,
    name,
    run,
  });
  const set = () => newStatefulSet(3);
  return [
    c('TestGetParentNameAndOrdinal', 'member pod foo-1', () =>
      expect(parseOrdinal('foo-1')).toEqual({ parent: 'foo', ordinal: 1 }),
    ),
    c('TestGetParentNameAndOrdinal', 'non-member pod 1-bar', () => expect(parseOrdinal('1-bar')).toBeNull()),
    c('TestGetClaimPodName', 'volume-my-set-2', () =>
      expect(pvcNameFor('volume', 'my-set', 2)).toBe('volume-my-set-2'),
    ),
    c('TestGetClaimPodName', 'long-volume-my-set-20', () =>
      expect(pvcNameFor('long-volume', 'my-set', 20)).toBe('long-volume-my-set-20'),
    ),
    c('TestIsMemberOf', 'member of foo, not of foo2', () => {
      expect(isMember(set(), 'foo-1')).toBe(true);
      expect(isMember(newStatefulSet(3, 'foo2'), 'foo-1')).toBe(false);
    }),
    c('TestIdentityMatches', 'newly created pod', () =>
      expect(identityMatches(set(), setPod(set(), 1))).toBe(true),
    ),
    c('TestIdentityMatches', 'wrong name', () =>
      expect(identityMatches(set(), meta(setPod(set(), 1), { name: 'foo' }))).toBe(false),
    ),
    c('TestIdentityMatches', 'wrong namespace', () =>
      expect(identityMatches(set(), meta(setPod(set(), 1), { namespace: '' }))).toBe(false),
    ),
    c('TestIdentityMatches', 'missing pod-name label', () =>
      expect(identityMatches(set(), dropPodNameLabel(setPod(set(), 1)))).toBe(false),
    ),
    c('TestStorageMatches', 'newly created pod', () =>
      expect(storageMatches(set(), setPod(set(), 1))).toBe(true),
    ),
    c('TestStorageMatches', 'nil volumes', () =>
      expect(storageMatches(set(), noVolumes(setPod(set(), 1)))).toBe(false),
    ),
    c('TestStorageMatches', 'volumes without claims', () =>
      expect(storageMatches(set(), noClaims(setPod(set(), 1)))).toBe(false),
    ),
    c('TestStorageMatches', 'wrong claim name', () =>
      expect(storageMatches(set(), claimFoo(setPod(set(), 1)))).toBe(false),
    ),
    c('TestStorageMatches', 'invalid ordinal', () =>
      expect(storageMatches(set(), meta(setPod(set(), 1), { name: 'bar' }))).toBe(false),
    ),
    c('TestUpdateIdentity', 'restores the namespace', () => {
      const broken = meta(setPod(set(), 1), { namespace: '' });
      expect(identityMatches(set(), repairedPod(set(), broken))).toBe(true);
    }),
    c('TestUpdateIdentity', 'restores the pod-name label', () => {
      const broken = dropPodNameLabel(setPod(set(), 1));
      expect(identityMatches(set(), repairedPod(set(), broken))).toBe(true);
    }),
    c('TestUpdateStorage', 'recreates volumes', () =>
      expect(storageMatches(set(), repairedPod(set(), noVolumes(setPod(set(), 1))))).toBe(true),
    ),
    c('TestUpdateStorage', 'recreates volume claims', () =>
      expect(storageMatches(set(), repairedPod(set(), noClaims(setPod(set(), 1))))).toBe(true),
    ),
    c('TestUpdateStorage', 'recreates volume claim names', () =>
      expect(storageMatches(set(), repairedPod(set(), claimFoo(setPod(set(), 1))))).toBe(true),
    ),
    c('TestIsRunningAndReady', 'Pending is not running', () =>
      expect(isRunningAndReady(setPod(set(), 1))).toBe(false),
    ),
    c('TestIsRunningAndReady', 'Running without Ready is not ready', () =>
      expect(isRunningAndReady({ ...setPod(set(), 1), status: { phase: 'Running' } })).toBe(false),
    ),
    c('TestIsRunningAndReady', 'Running and Ready', () =>
      expect(
        isRunningAndReady({
          ...setPod(set(), 1),
          status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
        }),
      ).toBe(true),
    ),
    c('TestNewPodControllerRef', 'a new pod is controlled by its set', () => {
      const ref = setPod(newStatefulSet(1), 0).metadata.ownerReferences?.find((r) => r.controller);
      expect(ref).toMatchObject({
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        name: 'foo',
        uid: 'test',
        controller: true,
      });
    }),
  ];
}

const RETAIN = { whenScaled: 'Retain', whenDeleted: 'Retain' };
const SCALEDOWN = { whenScaled: 'Delete', whenDeleted: 'Retain' };

function policyCases(): PortedCase[] {
  const withPolicy = (p: unknown) => {
    const s = newStatefulSet(1);
    return { ...s, spec: { ...s.spec, persistentVolumeClaimRetentionPolicy: p } } as KObject;
  };
  return [
    { name: 'retain policy', policy: RETAIN, want: { whenScaled: 'Retain', whenDeleted: 'Retain' } },
    { name: 'scaledown policy', policy: SCALEDOWN, want: { whenScaled: 'Delete', whenDeleted: 'Retain' } },
  ].map((t) => ({
    source: SOURCE,
    func: 'TestGetPersistentVolumeClaimRetentionPolicy',
    name: t.name,
    run: () => expect(retentionPolicy(withPolicy(t.policy))).toEqual(t.want),
  }));
}

type Kind = 'Retain' | 'Delete';

function retentionSet(name: string, uid: string, replicas: number, scaled: Kind, deleted: Kind): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: 'default', uid },
    spec: { replicas, persistentVolumeClaimRetentionPolicy: { whenScaled: scaled, whenDeleted: deleted } },
  } as unknown as KObject;
}

function bare(kind: string, name: string, uid: string): KObject {
  return {
    apiVersion: kind === 'Pod' ? 'v1' : 'apps/v1',
    kind,
    metadata: { name, namespace: 'default', uid },
  } as unknown as KObject;
}

function claimWith(refs: OwnerReference[]): KObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'target-claim', uid: 'c', ownerReferences: refs },
  } as unknown as KObject;
}

const ctrlRef = (o: KObject): OwnerReference => ({
  apiVersion: o.apiVersion,
  kind: o.kind,
  name: o.metadata.name,
  uid: o.metadata.uid,
  controller: true,
});

/** getOrdinal parses any `<name>-<n>`: `pod-2` is ordinal 2; condemned when at or beyond replicas. */
const condemnedOf = (pod: KObject, replicas: number) =>
  (parseOrdinal(pod.metadata.name)?.ordinal ?? -1) >= replicas;

const UP_TO_DATE: Array<{
  name: string;
  scaled: Kind;
  deleted: Kind;
  pod: boolean;
  set: boolean;
  replicas: number;
  ordinal: number;
}> = [
  { name: 'retain', scaled: 'Retain', deleted: 'Retain', pod: false, set: false, replicas: 0, ordinal: 0 },
  {
    name: 'on SS delete',
    scaled: 'Retain',
    deleted: 'Delete',
    pod: false,
    set: true,
    replicas: 0,
    ordinal: 0,
  },
  {
    name: 'on scaledown only, condemned',
    scaled: 'Delete',
    deleted: 'Retain',
    pod: true,
    set: false,
    replicas: 2,
    ordinal: 2,
  },
  {
    name: 'on scaledown only, remains',
    scaled: 'Delete',
    deleted: 'Retain',
    pod: false,
    set: false,
    replicas: 2,
    ordinal: 1,
  },
  {
    name: 'on both, condemned',
    scaled: 'Delete',
    deleted: 'Delete',
    pod: true,
    set: false,
    replicas: 2,
    ordinal: 2,
  },
  {
    name: 'on both, remains',
    scaled: 'Delete',
    deleted: 'Delete',
    pod: false,
    set: true,
    replicas: 2,
    ordinal: 1,
  },
];

function upToDateCases(): PortedCase[] {
  return UP_TO_DATE.map((t) => ({
    source: SOURCE,
    func: 'TestIsClaimOwnerUpToDate',
    name: t.name,
    run: () => {
      const set = retentionSet('stateful-set', 'ss-456', t.replicas, t.scaled, t.deleted);
      const pod = bare('Pod', `pod-${t.ordinal}`, 'pod-123');
      for (const others of [false, true])
        for (const podRef of [false, true])
          for (const setRef of [false, true]) {
            const refs: OwnerReference[] = [];
            if (podRef) refs.push(ctrlRef(pod));
            if (setRef) refs.push(ctrlRef(set));
            if (others)
              refs.push(
                { apiVersion: 'v1', kind: 'Pod', name: 'rand1', uid: 'rand1-uid' },
                { apiVersion: 'v1', kind: 'Pod', name: 'rand2', uid: 'rand2-uid' },
              );
            const want = podRef === t.pod && setRef === t.set;
            const got = claimOwnersMatch(claimWith(refs), set, pod, condemnedOf(pod, t.replicas));
            expect({ others, podRef, setRef, got }).toEqual({ others, podRef, setRef, got: want });
          }
    },
  }));
}

export const CLAIM_REFS_DEVIATION =
  'kubeprop writes claim owner references as plain references and matches them by uid; the Kubernetes version read writes controller references and treats a non-controller, stale-uid or second controller reference as out of date';

interface EdgeCase {
  name: string;
  refs: OwnerReference[];
  policy: [Kind, Kind];
  k8s: boolean;
  /** kubeprop's answer when it differs: `claimOwnersMatch`, or for a foreign controller `claimIsForeign`. */
  kubeprop?: { match?: boolean; foreign?: boolean };
}

const podRef = (uid: string, controller?: boolean): OwnerReference => ({
  apiVersion: 'v1',
  kind: 'Pod',
  name: 'pod-1',
  uid,
  ...(controller === undefined ? {} : { controller }),
});
const setRefOf = (uid: string, controller?: boolean, apiVersion = 'apps/v1'): OwnerReference => ({
  apiVersion,
  kind: 'StatefulSet',
  name: 'stateful-set',
  uid,
  ...(controller === undefined ? {} : { controller }),
});

const EDGE: EdgeCase[] = [
  {
    name: 'normal controller, pod',
    refs: [podRef('pod-123', true)],
    policy: ['Delete', 'Delete'],
    k8s: true,
  },
  {
    name: 'non-controller causes policy mismatch, pod',
    refs: [podRef('pod-123')],
    policy: ['Delete', 'Delete'],
    k8s: false,
    kubeprop: { match: true },
  },
  {
    name: 'stale controller does not affect policy, pod',
    refs: [podRef('pod-stale', true)],
    policy: ['Delete', 'Delete'],
    k8s: true,
    kubeprop: { match: false },
  },
  {
    name: 'unexpected controller causes policy mismatch, pod',
    refs: [
      podRef('pod-123', true),
      { apiVersion: 'v1', kind: 'Pod', name: 'Random', uid: 'random', controller: true },
    ],
    policy: ['Delete', 'Delete'],
    k8s: false,
    kubeprop: { foreign: true },
  },
  {
    name: 'normal controller, set',
    refs: [setRefOf('ss-456', true)],
    policy: ['Retain', 'Delete'],
    k8s: true,
  },
  {
    name: 'non-controller causes policy mismatch, set',
    refs: [setRefOf('ss-456', undefined, 'appsv1')],
    policy: ['Retain', 'Delete'],
    k8s: false,
    kubeprop: { match: true },
  },
  {
    name: 'stale controller ignored, set',
    refs: [setRefOf('set-stale', true)],
    policy: ['Retain', 'Delete'],
    k8s: true,
    kubeprop: { match: false },
  },
  {
    name: 'unexpected controller causes policy mismatch, set',
    refs: [
      setRefOf('ss-456', true),
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'Random', uid: 'random', controller: true },
    ],
    policy: ['Retain', 'Delete'],
    k8s: false,
    kubeprop: { foreign: true },
  },
];

function edgeCases(): PortedCase[] {
  return EDGE.map((t) => ({
    source: SOURCE,
    func: 'TestClaimOwnerUpToDateEdgeCases',
    name: t.name,
    deviation: t.kubeprop ? CLAIM_REFS_DEVIATION : undefined,
    run: () => {
      const set = retentionSet('stateful-set', 'ss-456', 1, t.policy[0], t.policy[1]);
      const pod = bare('Pod', 'pod-1', 'pod-123');
      const claim = claimWith(t.refs);
      if (t.kubeprop?.foreign !== undefined) {
        // kubeprop keeps its hands off a claim another controller owns, instead of rewriting it.
        expect(claimIsForeign(claim, set)).toBe(t.kubeprop.foreign);
        return;
      }
      const want = t.kubeprop?.match ?? t.k8s;
      expect(claimOwnersMatch(claim, set, pod, condemnedOf(pod, 1))).toBe(want);
    },
  }));
}

const UPDATE_REFS: Array<{
  name: string;
  scaled: Kind;
  deleted: Kind;
  condemned: boolean;
  pod: boolean;
  set: boolean;
}> = [
  { name: 'retain', scaled: 'Retain', deleted: 'Retain', condemned: false, pod: false, set: false },
  { name: 'delete with set', scaled: 'Retain', deleted: 'Delete', condemned: false, pod: false, set: true },
  {
    name: 'delete with scaledown, not condemned',
    scaled: 'Delete',
    deleted: 'Retain',
    condemned: false,
    pod: false,
    set: false,
  },
  {
    name: 'delete on scaledown, condemned',
    scaled: 'Delete',
    deleted: 'Retain',
    condemned: true,
    pod: true,
    set: false,
  },
  {
    name: 'delete on both, not condemned',
    scaled: 'Delete',
    deleted: 'Delete',
    condemned: false,
    pod: false,
    set: true,
  },
  {
    name: 'delete on both, condemned',
    scaled: 'Delete',
    deleted: 'Delete',
    condemned: true,
    pod: true,
    set: false,
  },
];

/** The Go check: a reference with the owner's uid that is a controller reference. */
const controlledBy = (refs: OwnerReference[] | undefined, uid: string) =>
  (refs ?? []).some((r) => r.uid === uid && r.controller === true);
const referencedBy = (refs: OwnerReference[] | undefined, uid: string) =>
  (refs ?? []).some((r) => r.uid === uid);

function updateRefCases(): PortedCase[] {
  return UPDATE_REFS.map((t) => ({
    source: SOURCE,
    func: 'TestUpdateClaimOwnerRefForSetAndPod',
    name: t.name,
    deviation: t.pod || t.set ? CLAIM_REFS_DEVIATION : undefined,
    run: () => {
      const set = retentionSet('ss', 'ss-123', 5, t.scaled, t.deleted);
      const pod = bare('Pod', t.condemned ? 'pod-8' : 'pod-1', 'pod-456');
      for (let variations = 0; variations < 8; variations++) {
        const refs: OwnerReference[] = [];
        if (variations & 1) refs.push(ctrlRef(pod));
        if (variations & 2) refs.push(ctrlRef(set));
        if (variations & 3)
          refs.push({ apiVersion: 'custom/v1', kind: 'random', name: 'random', uid: 'abc' });
        const out = claimOwnerRefs(claimWith(refs), set, pod, condemnedOf(pod, 5), retentionPolicy(set));
        // Kubernetes checks for a controller reference; kubeprop's are plain ones (the deviation),
        // so presence by uid is what is compared, and no controller reference of ours remains.
        const has = t.pod || t.set ? referencedBy : controlledBy;
        expect({ variations, pod: has(out, 'pod-456'), set: has(out, 'ss-123') }).toEqual({
          variations,
          pod: t.pod,
          set: t.set,
        });
        expect(referencedBy(out, 'abc')).toBe((variations & 3) !== 0);
      }
    },
  }));
}

const STALE: Array<{ name: string; owner: string; uid: string; k8s: boolean; kubeprop?: boolean }> = [
  { name: 'ownerA should not be stale', owner: 'bob', uid: '123', k8s: false, kubeprop: true },
  { name: 'ownerB should be stale', owner: 'shirley', uid: '789', k8s: true },
  { name: 'ownerC should not be stale', owner: 'yvonne', uid: '345', k8s: false, kubeprop: true },
];

const STALE_DEVIATION =
  "kubeprop asks only of a pod's own claim whether any Pod reference has another uid (a claim only ever names its own pod); Kubernetes matches the reference by the pod's name first";

function staleCases(): PortedCase[] {
  return STALE.map((t) => ({
    source: SOURCE,
    func: 'TestHasStaleOwnerRef',
    name: t.name,
    deviation: t.kubeprop === undefined ? undefined : STALE_DEVIATION,
    run: () => {
      const claim = claimWith([
        { name: 'bob', uid: '123', apiVersion: 'v1', kind: 'Pod' },
        { name: 'shirley', uid: '456', apiVersion: 'v1', kind: 'Pod' },
      ]);
      expect(claimIsStale(claim, t.uid)).toBe(t.kubeprop ?? t.k8s);
    },
  }));
}

function revisionCases(): PortedCase[] {
  const asRevision = (o: unknown) => o as RevisionObject;
  return [
    {
      source: SOURCE,
      func: 'TestCreateApplyRevision',
      name: 'a revision restores the template it was made from',
      run: () => {
        const set = newStatefulSet(1);
        const revision = asRevision(newRevision(set, 1, 0));
        const changed = {
          ...set,
          metadata: { ...set.metadata, annotations: { foo: 'bar' } },
          spec: { ...set.spec, template: { ...set.spec?.template, spec: { containers: [{ name: 'foo' }] } } },
        } as KObject;
        const restored = { ...changed, spec: { ...changed.spec, template: templateOf(revision) } } as KObject;
        expect(revisionsEqual(revision, asRevision(newRevision(restored, 2, 0)))).toBe(true);
        expect(restored.metadata.annotations?.foo).toBe('bar');
      },
    },
    {
      source: SOURCE,
      func: 'TestRollingUpdateApplyRevision',
      name: 'current and update revisions restore their own templates',
      run: () => {
        const set = newStatefulSet(1);
        const current = asRevision(newRevision(set, 1, 0));
        const tmpl = set.spec?.template as { spec: { containers: Array<Record<string, unknown>> } };
        const updated = {
          ...set,
          spec: {
            ...set.spec,
            template: {
              ...tmpl,
              spec: {
                ...tmpl.spec,
                containers: [{ ...tmpl.spec.containers[0], env: [{ name: 'foo', value: 'bar' }] }],
              },
            },
          },
        } as KObject;
        const update = asRevision(newRevision(updated, 2, 0));
        expect(templateOf(current)).toEqual(set.spec?.template);
        expect(templateOf(update)).toEqual(updated.spec?.template);
      },
    },
  ];
}

function claimLabelCases(): PortedCase[] {
  const cases: Array<{
    name: string;
    selector?: Record<string, string>;
    template?: Record<string, string>;
    want: Record<string, string>;
  }> = [
    { name: 'nil selector labels: the claim has none', want: {} },
    { name: 'selector labels are inherited', selector: { test: 'test' }, want: { test: 'test' } },
    {
      name: 'non-overlapping labels are merged',
      selector: { name: 'foo' },
      template: { test: 'test' },
      want: { test: 'test', name: 'foo' },
    },
    {
      name: 'overlapping labels: the set selector wins',
      selector: { test: 'foo' },
      template: { test: 'test' },
      want: { test: 'foo' },
    },
  ];
  return cases.map((t) => ({
    source: SOURCE,
    func: 'TestGetPersistentVolumeClaims',
    name: t.name,
    run: () => {
      const base = newStatefulSet(1);
      const set = {
        ...base,
        spec: {
          ...base.spec,
          selector: { matchLabels: t.selector },
          volumeClaimTemplates: [{ metadata: { name: 'datadir', labels: t.template }, spec: {} }],
        },
      } as KObject;
      const [claim] = claimsFor(set, 0);
      expect(claim?.metadata.name).toBe('datadir-foo-0');
      expect(claim?.metadata.labels ?? {}).toEqual(t.want);
    },
  }));
}

export const cases: PortedCase[] = [
  ...identityCases(),
  ...policyCases(),
  ...upToDateCases(),
  ...edgeCases(),
  ...updateRefCases(),
  ...staleCases(),
  ...revisionCases(),
  ...claimLabelCases(),
];
