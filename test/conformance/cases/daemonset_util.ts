/**
 * pkg/controller/daemon/util/daemonset_util_test.go: how a daemon pod is pinned to its node
 * (`ReplaceDaemonSetPodNodeNameNodeAffinity`, kubeprop's model/affinity.ts `withNodeNameAffinity`)
 * and how the node is read back (`GetTargetNodeName`, `targetNodeNameOf`).
 */

import type { PodSpec } from 'kubernetes-types/core/v1.js';
import { expect } from 'vitest';
import { targetNodeNameOf, withNodeNameAffinity } from '../../../src/model/affinity.ts';
import type { PortedCase, Source } from '../harness.ts';

export const SOURCE: Source = {
  controller: 'DaemonSet',
  file: 'pkg/controller/daemon/util/daemonset_util_test.go',
  version: '008b3652959ca58af8be3fb5b6ecfe9ae7638282',
};

type Req = { key: string; operator: string; values: string[] };
const nameIn = (...values: string[]): Req => ({ key: 'metadata.name', operator: 'In', values });
const hostnameIn = (...values: string[]): Req => ({ key: 'kubernetes.io/hostname', operator: 'In', values });
const required = (...terms: Array<{ matchFields?: Req[]; matchExpressions?: Req[] }>) => ({
  nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
});
const preferred = [{ weight: 1, preference: { matchExpressions: [hostnameIn('host_1')] } }];
const pinned = required({ matchFields: [nameIn('host_1')] });

const REPLACE: Array<{ name: string; affinity?: Record<string, unknown>; want: Record<string, unknown> }> = [
  { name: 'case 0: no affinity', want: pinned },
  {
    name: 'case 1: hostname matchExpressions become metadata.name matchFields',
    affinity: required({ matchExpressions: [hostnameIn('host_1')] }),
    want: pinned,
  },
  {
    name: 'case 2: preferred terms are kept',
    affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred } },
    want: {
      nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred, ...pinned.nodeAffinity },
    },
  },
  {
    name: 'case 3: two names narrow to the node',
    affinity: required({ matchFields: [nameIn('host_1', 'host_2')] }),
    want: pinned,
  },
  { name: 'case 4: nil affinity again', want: pinned },
  {
    name: 'case 5: several terms become one',
    affinity: required(
      { matchExpressions: [{ key: 'hostname', operator: 'In', values: ['host_1'] }] },
      { matchFields: [nameIn('host_2')] },
    ),
    want: pinned,
  },
  {
    name: 'case 6: NotIn is replaced',
    affinity: required({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['host_2'] }] }),
    want: pinned,
  },
  {
    name: 'case 7: an unknown matchFields key is replaced',
    affinity: required({ matchFields: [{ key: 'metadata.foo', operator: 'In', values: ['bar'] }] }),
    want: pinned,
  },
];

const replaceCases: PortedCase[] = REPLACE.map((t) => ({
  source: SOURCE,
  func: 'TestReplaceDaemonSetPodNodeNameNodeAffinity',
  name: t.name,
  run: () => {
    const spec = { containers: [], ...(t.affinity ? { affinity: t.affinity } : {}) } as unknown as PodSpec;
    expect(withNodeNameAffinity(spec, 'host_1').affinity).toEqual(t.want);
  },
}));

const TARGET: Array<{ name: string; spec: Record<string, unknown>; want?: string }> = [
  { name: 'pod1: spec.nodeName', spec: { nodeName: 'node-1' }, want: 'node-1' },
  {
    name: 'pod2: metadata.name In [node-1]',
    spec: { affinity: required({ matchFields: [nameIn('node-1')] }) },
    want: 'node-1',
  },
  {
    name: 'pod3: two names is an error',
    spec: { affinity: required({ matchFields: [nameIn('node-1', 'node-2')] }) },
  },
  { name: 'pod4: neither is an error', spec: {} },
];

const targetCases: PortedCase[] = TARGET.map((t) => ({
  source: SOURCE,
  func: 'TestGetTargetNodeName',
  name: t.name,
  // GetTargetNodeName returns an error where kubeprop returns undefined: both mean "no target".
  run: () => expect(targetNodeNameOf({ containers: [], ...t.spec } as unknown as PodSpec)).toBe(t.want),
}));

export const cases: PortedCase[] = [...replaceCases, ...targetCases];
