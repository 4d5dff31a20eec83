/**
 * The Deployment mutants not shown by the teaching scenarios (scenarios.test.ts shows
 * rollback-new-replicaset, recreate-overlaps and scale-newest-only): each breaks what the correct
 * controller keeps on the same run. Also the fault kinds that act on a Deployment's controller.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../../src/model/defaults.ts';
import { computeHash } from '../../src/model/hash.ts';
import type { KObject } from '../../src/model/types.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import type { RunResult } from '../../src/run/types.ts';
import { loadScenarioFile, parseScenarioText } from '../../src/scenario/parse.ts';

/** A trace event's parameter by name (events of every code, read alike). */
function param(e: { params: object }, key: string): unknown {
  return (e.params as Readonly<Record<string, unknown>>)[key];
}

const ROOT = join(import.meta.dirname, '..', '..');

interface Spec {
  replicas: number;
  template: { spec: { containers: Array<{ image: string }> } };
}

/** [image, spec.replicas] of the Deployment's ReplicaSets (named web-…), sorted. */
function sets(r: RunResult): Array<[string, number]> {
  return r.final.workloads
    .filter((w) => w.kind === 'ReplicaSet' && w.name.startsWith('web-'))
    .map((w): [string, number] => {
      const spec = w.spec as Spec;
      return [spec.template.spec.containers[0]!.image, spec.replicas];
    })
    .sort();
}

function run(yaml: string, variant = 'correct'): RunResult {
  const s = parseScenarioText(yaml, join(ROOT, 'scenarios', 'inline.yaml'));
  return runScenario({ ...s, controllers: { ...s.controllers, deployment: variant } });
}

const deployment = (replicas: number, image: string, strategy: string) => `
    - apiVersion: apps/v1
      kind: Deployment
      metadata: { name: web }
      spec:
        replicas: ${replicas}
        strategy: ${strategy}
        selector: { matchLabels: { app: web } }
        template:
          metadata: { labels: { app: web } }
          spec: { containers: [{ name: web, image: "${image}" }] }`;

const scenario = (objects: string, events: string, settle = '5m') => `apiVersion: kubeprop/v1
kind: Scenario
metadata: { name: inline }
spec:
  seed: 4
  cluster: { nodes: [{ count: 3 }] }
  objects:${objects}
  events:
${events}
  settle: ${settle}
`;

describe('deployment mutants', () => {
  it('swapped-rounding asks for 12 replicas at most where Kubernetes asks for 13 (25% of 10: surge 3, not 2)', () => {
    const s = loadScenarioFile(join(ROOT, 'scenarios', 'deployment-rolling-update.yaml'));
    const peak = (variant: string) => {
      const r = runScenario({ ...s, controllers: { deployment: variant } });
      const sizes: Record<string, number> = {};
      let max = 0;
      for (const e of r.events) {
        const ref = String(param(e, 'ref') ?? '');
        if (e.code !== 'api.workload' || !ref.startsWith('replicaset/')) continue;
        sizes[ref] = param(e, 'replicas') as number;
        max = Math.max(
          max,
          Object.values(sizes).reduce((a, b) => a + b, 0),
        );
      }
      return max;
    };
    expect(peak('correct')).toBe(13);
    expect(peak('swapped-rounding')).toBe(12);
  });

  it('no-unhealthy-cleanup blocks a rollout away from a never-ready template (kubernetes#16737)', () => {
    const yaml = scenario(
      deployment(
        4,
        'app:v1-never-ready',
        '{ type: RollingUpdate, rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } }',
      ),
      '    - { at: 30s, do: update-template, target: deployment/web, image: "app:v2" }',
    );
    expect(sets(run(yaml))).toEqual([
      ['app:v1-never-ready', 0],
      ['app:v2', 4],
    ]);
    expect(sets(run(yaml, 'no-unhealthy-cleanup'))).toEqual([
      ['app:v1-never-ready', 4],
      ['app:v2', 0],
    ]);
  });

  it('no-collision-count never creates its ReplicaSet when another template holds the name (kubernetes#29735)', () => {
    const d = applyDefaults({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'app:v1' }] },
        },
      },
    }) as KObject;
    const taken = `web-${computeHash(d.spec?.template, 0)}`;
    const squatter = `
    - apiVersion: apps/v1
      kind: ReplicaSet
      metadata: { name: ${taken} }
      spec:
        replicas: 1
        selector: { matchLabels: { app: other } }
        template:
          metadata: { labels: { app: other } }
          spec: { containers: [{ name: other, image: "other:1" }] }`;
    const yaml = scenario(
      `${squatter}${deployment(2, 'app:v1', '{ type: RollingUpdate }')}`,
      '    - { at: 10s, do: scale, target: deployment/web, replicas: 3 }',
      '2m',
    );
    const ok = sets(run(yaml)).filter(([image]) => image === 'app:v1');
    expect(ok).toEqual([['app:v1', 3]]);
    const stuck = run(yaml, 'no-collision-count');
    expect(sets(stuck).filter(([image]) => image === 'app:v1')).toEqual([]);
  });
});

describe('deployment: controller faults', () => {
  it('a restart and a stalled watch of the Deployment controller delay the rollout, not its outcome', () => {
    const yaml = scenario(
      deployment(6, 'app:v1', '{ type: RollingUpdate }'),
      [
        '    - { at: 30s, do: update-template, target: deployment/web, image: "app:v2" }',
        '    - { at: 31s, do: restart-controller, controller: deployment }',
        '    - { at: 40s, do: delay-watch, controller: deployment, for: 20s }',
        '    - { at: 45s, do: pause-rollout, target: deployment/web }',
        '    - { at: 50s, do: scale, target: deployment/web, replicas: 8 }',
        '    - { at: 90s, do: resume-rollout, target: deployment/web }',
      ].join('\n'),
    );
    const r = run(yaml);
    expect(r.outcome).toBe('pass');
    expect(sets(r)).toEqual([
      ['app:v1', 0],
      ['app:v2', 8],
    ]);
  });

  it("a pod fault aimed at a Deployment's pod finds it among its ReplicaSets' pods", () => {
    const yaml = scenario(
      deployment(2, 'app:v1', '{ type: RollingUpdate }'),
      '    - { at: 30s, do: delete-pod, pod: { owner: deployment/web, index: 0 } }',
      '1m',
    );
    const faults = run(yaml).events.filter((e) => e.kind === 'fault' || e.kind === 'skip');
    expect(faults.map((e) => e.code)).toEqual(['fault.applied']);
  });

  it('a Deployment deleted with --cascade=orphan and created again adopts its ReplicaSet: no new pods', () => {
    const manifest =
      '{apiVersion: apps/v1, kind: Deployment, metadata: {name: web}, spec: {replicas: 3, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: "app:v1"}]}}}}';
    const yaml = scenario(
      deployment(3, 'app:v1', '{ type: RollingUpdate }'),
      [
        '    - { at: 30s, do: delete-object, target: deployment/web, propagation: Orphan }',
        `    - { at: 40s, do: create-object, object: ${manifest} }`,
      ].join('\n'),
      '2m',
    );
    const r = run(yaml);
    expect(r.outcome).toBe('pass');
    expect(sets(r)).toEqual([['app:v1', 3]]);
    const created = r.events.filter((e) => e.code === 'api.pod' && param(e, 'verb') === 'create');
    expect(created).toHaveLength(3);
    const claims = r.events.filter(
      (e) => e.code === 'controller.decision' && param(e, 'decision') === 'sync.claims',
    );
    expect(claims.map((e) => param(e, 'adopt'))).toContain(1);
  });

  it('deleting the Deployment takes its ReplicaSets and pods with it (garbage collection)', () => {
    const yaml = scenario(
      deployment(3, 'app:v1', '{ type: RollingUpdate }'),
      '    - { at: 30s, do: delete-object, target: deployment/web }',
      '2m',
    );
    const r = run(yaml);
    expect(r.final.workloads).toEqual([]);
    expect(r.final.pods).toEqual([]);
  });
});
