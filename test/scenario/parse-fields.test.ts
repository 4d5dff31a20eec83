/**
 * Event fields are checked from each fault kind's declared `fields` (the real registry here): unknown
 * fields, required ones, types and ranges, kubectl short names in targets normalised, and
 * "did you mean" for kinds, keys, invariant ids and mutant names.
 */
import { describe, expect, test } from 'vitest';
import { checkFields } from '../../src/chaos/fieldCheck.ts';
import { canonicalTarget } from '../../src/chaos/refs.ts';
import { allFaults } from '../../src/chaos/registry.ts';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

const BASE = `apiVersion: kubeprop/v1
kind: Scenario
metadata: {name: t}
spec:
  cluster: {nodes: [{name: node-a}, {count: 2}]}
  objects:
    - apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: web}
      spec:
        replicas: 2
        serviceName: web
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: nginx}]}
    - apiVersion: apps/v1
      kind: ReplicaSet
      metadata: {name: frontend}
      spec:
        replicas: 2
        selector: {matchLabels: {app: frontend}}
        template:
          metadata: {labels: {app: frontend}}
          spec: {containers: [{name: web, image: nginx}]}
`;

const withEvent = (ev: string, extra = '') => `${BASE}  events: [${ev}]\n${extra}`;
const parse = (text: string) => parseScenarioText(text, 'f.yaml');

function messageOf(text: string): string {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

describe('scenario: event fields from declarations', () => {
  test.each([
    ['sts/web', 'statefulset/web'],
    ['StatefulSet/web', 'statefulset/web'],
    ['statefulsets.apps/web', 'statefulset/web'],
    ['rs/frontend', 'replicaset/frontend'],
    ['ds/agent', 'daemonset/agent'],
    ['deploy/web', 'deployment/web'],
    ['statefulset/web', 'statefulset/web'],
  ])('scenario: target %s is %s', (given, canonical) => {
    expect(canonicalTarget(given)).toBe(canonical);
  });

  test.each(['job/x', 'sts/', 'sts/Web', 'web', 'sts/web/x'])(
    'scenario: target %s names no workload',
    (t) => {
      expect(canonicalTarget(t)).toBeUndefined();
    },
  );

  test('scenario: short names in targets and pod owners are stored canonical', () => {
    const s = parse(
      withEvent(
        '{at: 1s, do: scale, target: sts/web, replicas: 3}, {at: 2s, do: crash-pod, pod: {owner: RS/frontend, index: 0}}',
      ),
    );
    expect(s.events[0]).toMatchObject({ target: 'statefulset/web' });
    expect(s.events[1]).toMatchObject({ pod: { owner: 'replicaset/frontend', index: 0 } });
  });

  test.each<[string, RegExp]>([
    [
      '{at: 1s, do: scale, target: sts/web, replicas: 3, replica: 1}',
      /^scale: unknown field `replica`; did you mean `replicas`\? \(allowed: target, replicas\)/,
    ],
    ['{at: 1s, do: scale, target: sts/web}', /^scale: `replicas` is required$/],
    ['{at: 1s, do: scale, target: sts/web, replicas: "3"}', /^scale: `replicas` must be an integer$/],
    [
      '{at: 1s, do: scale, target: sts/web, replicas: 300000}',
      /^scale: `replicas` must be between 0 and 200000$/,
    ],
    [
      '{at: 1s, do: scale, target: job/x, replicas: 1}',
      /^scale: `target` must be <kind>\/<name> with kind replicaset, daemonset, statefulset or deployment$/,
    ],
    [
      '{at: 1s, do: set-partition, target: rs/frontend, partition: 1}',
      /^set-partition: `target` must be statefulset\/<name>$/,
    ],
    [
      '{at: 1s, do: delete-object, target: sts/web, propagation: orphan}',
      /^delete-object: `propagation` must be one of Background, Foreground, Orphan, not "orphan"; did you mean "Orphan"\?$/,
    ],
    ['{at: 1s, do: delete-pod, pod: web-0, force: yes}', /^delete-pod: `force` must be true or false$/],
    ['{at: 1s, do: unready-pod, pod: web-0}', /^unready-pod: `for` is required/],
    ['{at: 1s, do: crash-pod, pod: {owner: sts/web}}', /needs `index`/],
    [
      '{at: 1s, do: crash-pod, pod: {owner: sts/web, index: 0, ordinal: 1}}',
      /unknown field `ordinal` in `pod`/,
    ],
    [
      '{at: 1s, do: taint-node, node: node-a, taint: {key: a, effect: NoSchedule, value: 1}}',
      /taint.value must be a string/,
    ],
    ['{at: 1s, do: add-node, node: node-x, taints: {key: a}}', /^add-node: `taints` must be a list$/],
    ['{at: 1s, do: add-node, node: node-x, labels: {a: 1}}', /label 'a' must be a string/],
    [
      '{at: 1s, do: fail-api, verb: get, count: 1}',
      /^fail-api: `verb` must be one of create, update, delete, patch$/,
    ],
    [
      '{at: 1s, do: restart-controller, controller: cronjob}',
      /`controller` must be one of replicaset, daemonset, statefulset, deployment, endpointslice$/,
    ],
    [
      '{at: 1s, do: restart-controller, controller: replicasets}',
      /`controller` must be one of replicaset, daemonset, statefulset, deployment, endpointslice, not "replicasets"; did you mean "replicaset"\?$/,
    ],
    ['{at: 1s, do: update-template, target: sts/web}', /give `image` or `patch`/],
    [
      '{at: 1s, do: update-template, target: sts/web, patch: [1]}',
      /`patch` must be a map merged into spec.template/,
    ],
    ['{at: 30, do: crash-node, node: node-a}', /^at: 30 has no unit; did you mean 30s\?/],
    ['{at: 1s, do: unready-pod, pod: web-0, for: 20}', /^for: 20 has no unit; did you mean 20s\?/],
  ])('scenario: event %s is refused', (ev, message) => {
    expect(messageOf(withEvent(ev))).toMatch(message);
  });

  test.each<[string, RegExp]>([
    [
      '  events: [{at: 1s, do: crash-nod, node: node-a}]\n',
      /^unknown event kind "crash-nod"; did you mean "crash-node"\?/,
    ],
    [
      '  chaos: {count: 1, kinds: [crash-pods]}\n',
      /^unknown event kind "crash-pods"; did you mean "crash-pod"\?/,
    ],
    ['  settel: 1m\n', /^unknown field "settel" in spec; did you mean "settle"\?/],
    [
      '  check: [statefulset.at-most-on]\n',
      /^check: unknown invariant "statefulset.at-most-on"; did you mean "statefulset.at-most-one"\?/,
    ],
    ['  expect: {holds: [replicaset.exact-replica]}\n', /did you mean "replicaset.exact-replicas"\?/],
    [
      '  controllers: {statefulsets: correct}\n',
      /^unknown field "statefulsets" in spec.controllers; did you mean "statefulset"\?/,
    ],
    [
      '  controllers: {replicaset: no-expectation}\n',
      /^unknown replicaset variant "no-expectation"; did you mean "no-expectations"\?/,
    ],
  ])('scenario: did you mean: %s', (spec, message) => {
    expect(messageOf(BASE + spec)).toMatch(message);
  });

  test('scenario: every fault kind declares its fields with a doc line, and an example', () => {
    for (const f of allFaults()) {
      expect(Object.keys(f.fields).length, f.kind).toBeGreaterThan(0);
      for (const [name, spec] of Object.entries(f.fields)) expect(spec.doc, `${f.kind}.${name}`).not.toBe('');
      expect(f.example, f.kind).toMatch(new RegExp(`^\\{do: ${f.kind}[,}]`));
    }
  });

  test('scenario: checkFields checks unknown fields before declared ones', () => {
    const specs = { node: { type: 'string', required: true, doc: 'n' } } as const;
    expect(checkFields(specs, { nod: 'a' })).toEqual({
      field: 'nod',
      message: 'unknown field `nod`; did you mean `node`? (allowed: node)',
    });
    expect(checkFields(specs, {})?.message).toMatch(/`node` is required/);
    expect(checkFields(specs, { node: 'a' })).toBeNull();
  });
});
