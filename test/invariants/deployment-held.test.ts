/**
 * A rollout held by a template that never becomes Ready is Kubernetes holding it
 * (ProgressDeadlineExceeded), reported as a held-by-design verdict with its reason, en and ko; a
 * rollout blocked by the controller with a healthy template (mutant no-unhealthy-cleanup) is a
 * violation, even though it also passes its progress deadline. A ReplicaSet whose application cannot
 * run is held only while Kubernetes still waits on its pods (spec.replicas > 0).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import { loadScenarioFile, parseScenarioText } from '../../src/scenario/parse.ts';

const scenario = (image: string, update: string, variant = 'correct') => `apiVersion: kubeprop/v1
kind: Scenario
metadata: { name: held }
spec:
  seed: 3
  cluster: { nodes: [{ count: 3 }] }
  objects:
    - apiVersion: apps/v1
      kind: Deployment
      metadata: { name: web }
      spec:
        replicas: 4
        progressDeadlineSeconds: 60
        strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } }
        selector: { matchLabels: { app: web } }
        template:
          metadata: { labels: { app: web } }
          spec: { containers: [{ name: web, image: "${image}" }] }
  events:
    - { at: 30s, do: update-template, target: deployment/web, image: "${update}" }
  settle: 4m
  controllers: { deployment: ${variant} }
`;

const converges = (text: string) =>
  runScenario(parseScenarioText(text, 'held.yaml'), { keepTrace: false }).invariants.find(
    (i) => i.id === 'workload.converges',
  )!;

describe('deployment: held rollouts', () => {
  it('a rollout to a never-ready image is held by Kubernetes, with the reason and the deadline in the verdict', () => {
    const v = converges(scenario('app:v1', 'app:v2-never-ready'));
    expect(v.status).toBe('held');
    const note = v.heldByDesign?.find((n) => n.message.startsWith('deployment/web'));
    expect(note?.message).toContain('Kubernetes holds the rollout: its new template never becomes Ready');
    expect(note?.message).toContain('progressDeadlineSeconds=60');
    expect(note?.message).toContain('ProgressDeadlineExceeded');
    expect(note?.messageKo).toContain('쿠버네티스가 롤아웃을 멈추고 있다');
  });

  it('a rollout away from a never-ready image completes with the correct controller', () => {
    const v = converges(scenario('app:v1-never-ready', 'app:v2'));
    expect(v.status).toBe('held');
    expect(v.heldByDesign?.some((n) => n.message.includes('holds the rollout')) ?? false).toBe(false);
  });

  it('a never-ready ReplicaSet is held while Kubernetes waits on its pods, not once it is scaled to 0', () => {
    const held = (text: string) =>
      (converges(text).heldByDesign ?? []).filter((n) => n.message.startsWith('replicaset/'));
    expect(held(scenario('app:v1', 'app:v2-never-ready'))).toHaveLength(1);
    expect(held(scenario('app:v1-never-ready', 'app:v2'))).toEqual([]);
  });

  it.each(['deployment-rollback', 'deployment-proportional-scaling'])(
    '%s: the broken ReplicaSet ends with 0 replicas, so no note calls it held by design',
    (name) => {
      const s = loadScenarioFile(join(import.meta.dirname, '..', '..', 'scenarios', `${name}.yaml`));
      const r = runScenario(s, { keepTrace: false });
      expect(r.outcome).toBe('pass');
      const notes = r.invariants.flatMap((i) => i.heldByDesign ?? []);
      expect(notes.filter((n) => n.message.startsWith('replicaset/'))).toEqual([]);
    },
  );

  it('the same rollout blocked by mutant no-unhealthy-cleanup is a violation, not a hold', () => {
    const v = converges(scenario('app:v1-never-ready', 'app:v2', 'no-unhealthy-cleanup'));
    expect(v.status).toBe('violated');
    expect(v.violations[0]?.message).toMatch(
      /^deployment\/web has not converged within the settle time: new replicaset\/web-\w+ has spec.replicas=0 of 4/,
    );
  });
});
