/**
 * The Deployment-only events, as kubectl does them: rollout-undo (to the previous revision or
 * --to-revision, with kubectl's refusals), pause-rollout and resume-rollout.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { RunResult } from '../../src/run/types.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function run(events: string[]): RunResult {
  const yaml = `apiVersion: kubeprop/v1
kind: Scenario
metadata: { name: inline }
spec:
  seed: 9
  cluster: { nodes: [{ count: 2 }] }
  objects:
    - apiVersion: apps/v1
      kind: Deployment
      metadata: { name: web }
      spec:
        replicas: 2
        selector: { matchLabels: { app: web } }
        template:
          metadata: { labels: { app: web } }
          spec: { containers: [{ name: web, image: "app:v1" }] }
  events:
${events.map((e) => `    - ${e}`).join('\n')}
  settle: 2m
`;
  return runScenario(parseScenarioText(yaml, join(ROOT, 'scenarios', 'inline.yaml')));
}

/** What each event did: its effect, or why it was skipped. */
function outcomes(r: RunResult): string[] {
  return r.events
    .filter((e) => e.kind === 'fault' || e.kind === 'skip')
    .map((e) => {
      const p = e.params as Readonly<Record<string, unknown>>;
      return e.code === 'fault.applied' ? String(p.effect) : `skipped: ${String(p.reason)}`;
    });
}

function images(r: RunResult): Array<[string, number]> {
  return r.final.workloads
    .filter((w) => w.kind === 'ReplicaSet')
    .map((w): [string, number] => {
      const spec = w.spec as {
        replicas: number;
        template: { spec: { containers: Array<{ image: string }> } };
      };
      return [spec.template.spec.containers[0]!.image, spec.replicas];
    })
    .sort();
}

describe('rollout-undo, pause-rollout, resume-rollout', () => {
  it('undo goes back to the previous revision, reusing its ReplicaSet', () => {
    const r = run([
      '{ at: 20s, do: update-template, target: deployment/web, image: "app:v2" }',
      '{ at: 40s, do: rollout-undo, target: deployment/web }',
    ]);
    expect(outcomes(r)).toEqual(['workload.template-changed', 'workload.rolled-back']);
    expect(images(r)).toEqual([
      ['app:v1', 2],
      ['app:v2', 0],
    ]);
  });

  it('--to-revision picks that revision; an unknown one and the current template are refused as kubectl does', () => {
    const r = run([
      '{ at: 20s, do: update-template, target: deployment/web, image: "app:v2" }',
      '{ at: 40s, do: update-template, target: deployment/web, image: "app:v3" }',
      '{ at: 60s, do: rollout-undo, target: deployment/web, toRevision: 9 }',
      '{ at: 61s, do: rollout-undo, target: deployment/web, toRevision: 3 }',
      '{ at: 62s, do: rollout-undo, target: deployment/web, toRevision: 1 }',
    ]);
    expect(outcomes(r)).toEqual([
      'workload.template-changed',
      'workload.template-changed',
      'skipped: unable to find specified revision 9 in history',
      'skipped: skipped rollback (current template already matches revision 3)',
      'workload.rolled-back',
    ]);
    expect(images(r)).toEqual([
      ['app:v1', 2],
      ['app:v2', 0],
      ['app:v3', 0],
    ]);
  });

  it('a paused Deployment is not rolled back, not paused twice, and rolls once resumed', () => {
    const r = run([
      '{ at: 20s, do: pause-rollout, target: deployment/web }',
      '{ at: 21s, do: pause-rollout, target: deployment/web }',
      '{ at: 22s, do: update-template, target: deployment/web, image: "app:v2" }',
      '{ at: 23s, do: rollout-undo, target: deployment/web }',
      '{ at: 60s, do: resume-rollout, target: deployment/web }',
      '{ at: 61s, do: resume-rollout, target: deployment/web }',
    ]);
    expect(outcomes(r)).toEqual([
      'workload.paused',
      'skipped: deployments.apps "web" is already paused',
      'workload.template-changed',
      "skipped: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
      'workload.resumed',
      'skipped: deployments.apps "web" is not paused',
    ]);
    expect(images(r)).toEqual([
      ['app:v1', 0],
      ['app:v2', 2],
    ]);
  });

  it('undo with no earlier revision is refused', () => {
    const r = run(['{ at: 20s, do: rollout-undo, target: deployment/web }']);
    expect(outcomes(r)).toEqual(['skipped: no rollout history found for deployment "web"']);
  });
});
