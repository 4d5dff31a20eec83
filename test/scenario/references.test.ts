/**
 * Nothing passes vacuously (issue #10): a workload kind no controller reconciles, and an event that
 * names something the scenario can never hold, are bad input at parse time; a name that exists at
 * some time (added, created or scaled up by another event) is accepted and left to the run.
 */
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';

const registry = vi.hoisted(() => ({ deploymentController: false }));
vi.mock('../../src/scenario/registries.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/scenario/registries.ts')>();
  return {
    ...real,
    // A build without a Deployment controller refuses Deployments; with one, the refusal must end by itself.
    getControllerVariants: (c: string) =>
      c === 'deployment'
        ? registry.deploymentController
          ? ['correct']
          : undefined
        : real.getControllerVariants(c),
  };
});

import { ScenarioError } from '../../src/scenario/errors.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { reconciledKinds } from '../../src/scenario/reconciled.ts';
import { normalTarget } from '../../src/scenario/references.ts';

const FILE = join(import.meta.dirname, 'fixtures', 'refs.yaml');
const HEADER = 'apiVersion: kubeprop/v1\nkind: Scenario\nmetadata: {name: t}\nspec:\n';
const CLUSTER = '  cluster: {nodes: [{count: 2}]}\n';

const template = (app: string) =>
  `selector: {matchLabels: {app: ${app}}}, template: {metadata: {labels: {app: ${app}}}, spec: {containers: [{name: c, image: nginx}]}}`;
const sts = (name: string, extra = '') =>
  `{apiVersion: apps/v1, kind: StatefulSet, metadata: {name: ${name}}, spec: {serviceName: ${name}, replicas: 2, ${extra}${template(name)}}}`;
const rs = (name: string) =>
  `{apiVersion: apps/v1, kind: ReplicaSet, metadata: {name: ${name}}, spec: {replicas: 2, ${template(name)}}}`;
const deploy = `{apiVersion: apps/v1, kind: Deployment, metadata: {name: web}, spec: {${template('web')}}}`;

function parse(body: string, files: Record<string, string> = {}) {
  const readText = (p: string) => {
    const hit = Object.entries(files).find(([name]) => p.endsWith(name));
    if (!hit) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    return hit[1];
  };
  return parseScenarioText(HEADER + CLUSTER + body, FILE, { readText });
}

function errorOf(body: string, files: Record<string, string> = {}): ScenarioError {
  try {
    parse(body, files);
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

describe('scenario: references: unreconciled kinds', () => {
  test('scenario: references: a Deployment inline is refused at its kind', () => {
    const e = errorOf(`  objects:\n    - ${deploy}\n`);
    expect(e.message).toBe(
      'Deployment is not reconciled by kubeprop yet (no Deployment controller); supported workloads: ReplicaSet, DaemonSet, StatefulSet',
    );
    expect([e.line, e.col]).toEqual([7, 35]);
  });

  test('scenario: references: a Deployment in files: is refused at its kind inside that file', () => {
    const manifests = [
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: web}',
      'spec: {selector: {app: web}}',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      `spec: {${template('web')}}`,
    ].join('\n');
    const e = errorOf('  files: [web.yaml]\n', { 'web.yaml': manifests });
    expect(e.file).toMatch(/web\.yaml$/);
    expect(e.message).toMatch(/^Deployment is not reconciled/);
    expect([e.line, e.col]).toEqual([7, 7]);
  });

  test('scenario: references: the refusal follows the controller registry', () => {
    registry.deploymentController = true;
    try {
      expect(reconciledKinds()).toContain('Deployment');
      expect(parse(`  objects:\n    - ${deploy}\n`).objects[0]!.kind).toBe('Deployment');
    } finally {
      registry.deploymentController = false;
    }
    expect(reconciledKinds()).toEqual(['ReplicaSet', 'DaemonSet', 'StatefulSet']);
  });

  test('scenario: references: standalone Pods, Services and PVCs need no controller', () => {
    const pod =
      '{apiVersion: v1, kind: Pod, metadata: {name: solo}, spec: {containers: [{name: c, image: nginx}]}}';
    const svc = '{apiVersion: v1, kind: Service, metadata: {name: solo}, spec: {selector: {app: x}}}';
    const pvc =
      '{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}';
    expect(parse(`  objects:\n    - ${pod}\n    - ${svc}\n    - ${pvc}\n`).objects).toHaveLength(3);
  });
});

describe('scenario: references: events', () => {
  test('scenario: references: a node added by an event, then crashed, is accepted', () => {
    const s = parse(
      '  events:\n    - {at: 2m, do: crash-node, node: node-9}\n    - {at: 1m, do: add-node, node: node-9}\n',
    );
    expect(s.events).toHaveLength(2);
  });

  test('scenario: references: an object created by an event, then scaled, is accepted', () => {
    const s = parse(
      `  events:\n    - {at: 1m, do: create-object, object: ${sts('db')}}\n    - {at: 2m, do: scale, target: statefulset/db, replicas: 4}\n    - {at: 3m, do: crash-pod, pod: db-3}\n`,
    );
    expect(s.events).toHaveLength(3);
  });

  test('scenario: references: kubectl short forms of a target name the same object', () => {
    expect(['sts/web', 'StatefulSet/web', 'statefulsets/web'].map(normalTarget)).toEqual([
      'statefulset/web',
      'statefulset/web',
      'statefulset/web',
    ]);
    expect(normalTarget('deploy/web')).toBe('deployment/web');
  });

  test('scenario: references: a target in kubectl short form is checked like the long one', () => {
    const body = (target: string) =>
      `  objects:\n    - ${sts('web')}\n  events:\n    - {at: 1m, do: scale, target: ${target}, replicas: 4}\n    - {at: 2m, do: crash-pod, pod: web-3}\n`;
    expect(parse(body('sts/web')).events).toHaveLength(2);
    expect(parse(body('StatefulSet/web')).events).toHaveLength(2);
    expect(errorOf(body('sts/wbe')).message).toMatch(/^events\[0\]\.target: sts\/wbe is not an object/);
  });

  test('scenario: references: a controller with no workload to run for', () => {
    const body = (c: string) =>
      `  objects:\n    - ${rs('frontend')}\n  events:\n    - {at: 1m, do: restart-controller, controller: ${c}}\n`;
    expect(parse(body('replicaset')).events).toHaveLength(1);
    expect(errorOf(body('statefulset')).message).toBe(
      'events[0].controller: the statefulset controller does not run in this scenario, which has no statefulset (controllers that run: replicaset)',
    );
  });

  test('scenario: references: StatefulSet pods are <set>-<ordinal> from ordinals.start', () => {
    const body = (pod: string) =>
      `  objects:\n    - ${sts('web', 'ordinals: {start: 5}, ')}\n  events:\n    - {at: 1m, do: crash-pod, pod: ${pod}}\n`;
    expect(parse(body('web-6')).events).toHaveLength(1);
    expect(errorOf(body('web-0')).message).toMatch(
      /^events\[0\]\.pod: web-0 is not a pod this scenario can have \(pods: web-5\.\.web-6;/,
    );
    expect(errorOf(body('web-7')).message).toMatch(/web-7 is not a pod/);
  });

  test('scenario: references: ReplicaSet pods by their generated name, not by a made-up one', () => {
    const body = (pod: string) =>
      `  objects:\n    - ${rs('frontend')}\n  events:\n    - {at: 1m, do: crash-pod, pod: ${pod}}\n`;
    expect(parse(body('frontend-x7k2p')).events).toHaveLength(1);
    expect(errorOf(body('frontend-1')).message).toMatch(/frontend-1 is not a pod .*frontend-<suffix>/);
  });

  test('scenario: references: {owner, node} needs an existing owner and node', () => {
    const body = (node: string) =>
      `  objects:\n    - ${rs('frontend')}\n  events:\n    - {at: 1m, do: crash-pod, pod: {owner: replicaset/frontend, node: ${node}}}\n`;
    expect(parse(body('node-2')).events).toHaveLength(1);
    const e = errorOf(body('node-7'));
    expect(e.message).toBe(
      'events[0].pod.node: node-7 is not a node of this scenario (nodes: node-1, node-2; add-node events: none)',
    );
    expect([e.line, e.col]).toEqual([9, 71]);
  });

  test('scenario: references: PVCs of a volumeClaimTemplate within the ordinals', () => {
    const vct =
      'volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}], ';
    const body = (pvc: string) =>
      `  objects:\n    - ${sts('web', vct)}\n  events:\n    - {at: 1m, do: delete-pvc, pvc: ${pvc}}\n`;
    expect(parse(body('data-web-1')).events).toHaveLength(1);
    expect(errorOf(body('data-web-2')).message).toBe(
      'events[0].pvc: data-web-2 is not a PersistentVolumeClaim this scenario can have (claims: data-web-<ordinal>)',
    );
  });

  test('scenario: references: the index names the event in file order, not time order', () => {
    const e = errorOf(
      '  events:\n    - {at: 2m, do: crash-node, node: node-1}\n    - {at: 1m, do: crash-node, node: nod-2}\n',
    );
    expect(e.message).toMatch(/^events\[1\]\.node: nod-2 is not a node/);
    expect(e.line).toBe(8);
  });
});
