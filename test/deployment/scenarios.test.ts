/**
 * The Deployment teaching scenarios, run end to end: the ReplicaSet sizes they pass through, what
 * the Deployment reports, and the mutants that break what the correct controller keeps.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { RunResult } from '../../src/run/types.ts';
import { loadScenarioFile } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/types.ts';

/** A trace event's parameter by name (events of every code, read alike). */
function param(e: { params: object }, key: string): unknown {
  return (e.params as Readonly<Record<string, unknown>>)[key];
}

const ROOT = join(import.meta.dirname, '..', '..');
const load = (name: string): Scenario => loadScenarioFile(join(ROOT, 'scenarios', `${name}.yaml`));

/** spec.replicas of each ReplicaSet, after every write of the run, with the time. */
function rsSizes(r: RunResult): Array<{ atMs: number; sizes: Record<string, number> }> {
  const sizes: Record<string, number> = {};
  const out: Array<{ atMs: number; sizes: Record<string, number> }> = [];
  for (const e of r.events) {
    const ref = param(e, 'ref');
    if (e.code === 'api.removed' && typeof ref === 'string' && ref.startsWith('replicaset/'))
      delete sizes[ref.slice('replicaset/'.length)];
    if (e.code !== 'api.workload' || typeof ref !== 'string' || !ref.startsWith('replicaset/')) continue;
    sizes[ref.slice('replicaset/'.length)] = param(e, 'replicas') as number;
    out.push({ atMs: e.atMs, sizes: { ...sizes } });
  }
  return out;
}

interface WorkloadSpec {
  replicas: number;
  selector: { matchLabels: Record<string, string> };
  template: { metadata: { labels: Record<string, string> }; spec: { containers: Array<{ image: string }> } };
}

interface DeploymentStatus {
  replicas: number;
  updatedReplicas: number;
  availableReplicas: number;
  conditions: Array<{ type: string; status: string; reason: string }>;
}

function replicaSets(r: RunResult): Array<{ name: string; spec: WorkloadSpec }> {
  return r.final.workloads
    .filter((w) => w.kind === 'ReplicaSet')
    .map((w) => ({ name: w.name, spec: w.spec as WorkloadSpec }));
}

function finalSets(r: RunResult) {
  return replicaSets(r).map((w) => ({
    name: w.name,
    replicas: w.spec.replicas,
    image: w.spec.template.spec.containers[0]!.image,
  }));
}

function deploymentStatus(r: RunResult, name = 'web'): DeploymentStatus {
  return r.final.workloads.find((w) => w.kind === 'Deployment' && w.name === name)!
    .status as DeploymentStatus;
}

const sum = (s: Record<string, number>) => Object.values(s).reduce((a, b) => a + b, 0);

describe('deployment: rolling update through a node crash', () => {
  const r = runScenario(load('deployment-rolling-update'));

  it('ends with the new ReplicaSet holding every replica and the old one none', () => {
    expect(r.outcome).toBe('pass');
    const sets = finalSets(r);
    expect(sets.map((s) => [s.image, s.replicas]).sort()).toEqual([
      ['nginx:1.27', 0],
      ['nginx:1.28', 10],
    ]);
    const status = deploymentStatus(r);
    expect([status.replicas, status.updatedReplicas, status.availableReplicas]).toEqual([10, 10, 10]);
    expect(status.conditions.find((c) => c.type === 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
  });

  it('never asks for more than replicas + maxSurge (10 + 3) across its ReplicaSets', () => {
    const totals = rsSizes(r).map((s) => sum(s.sizes));
    expect(Math.max(...totals)).toBe(13);
  });

  it('names each ReplicaSet <deployment>-<pod-template-hash>, the hash on selector and template', () => {
    for (const w of replicaSets(r)) {
      const hash = w.name.slice('web-'.length);
      expect(w.spec.selector.matchLabels['pod-template-hash']).toBe(hash);
      expect(w.spec.template.metadata.labels['pod-template-hash']).toBe(hash);
    }
  });
});

describe('deployment: a broken image, the progress deadline, rollout undo', () => {
  it('holds the rollout and says ProgressDeadlineExceeded (no undo)', () => {
    const s = load('deployment-rollback');
    const r = runScenario({ ...s, events: s.events.filter((e) => e.do !== 'rollout-undo') });
    const progressing = deploymentStatus(r).conditions.find((c) => c.type === 'Progressing')!;
    expect([progressing.status, progressing.reason]).toEqual(['False', 'ProgressDeadlineExceeded']);
    // One surge pod of the new template, one old pod gone: three old ones keep serving.
    expect(
      finalSets(r)
        .map((x) => [x.image, x.replicas])
        .sort(),
    ).toEqual([
      ['nginx:1.27', 3],
      ['nginx:1.28-never-ready', 2],
    ]);
    expect(deploymentStatus(r).availableReplicas).toBe(3);
  });

  it('reuses the ReplicaSet of revision 1 on undo: no third ReplicaSet, the broken one at zero', () => {
    const r = runScenario(load('deployment-rollback'));
    expect(r.outcome).toBe('pass');
    expect(
      finalSets(r)
        .map((x) => [x.image, x.replicas])
        .sort(),
    ).toEqual([
      ['nginx:1.27', 4],
      ['nginx:1.28-never-ready', 0],
    ]);
  });

  it('with the mutant rollback-new-replicaset, undo makes a second ReplicaSet of the same template', () => {
    const s = load('deployment-rollback');
    const r = runScenario({ ...s, controllers: { ...s.controllers, deployment: 'rollback-new-replicaset' } });
    const images = finalSets(r).map((x) => x.image);
    expect(images.filter((i) => i === 'nginx:1.27')).toHaveLength(2);
  });
});

describe('deployment: Recreate', () => {
  /** Pods of the new template alive while a pod of the old one is not yet gone, from the trace. */
  function overlaps(r: RunResult): number {
    const alive = new Map<string, string>();
    let n = 0;
    for (const e of r.events) {
      const pod = param(e, 'pod');
      if (e.code === 'api.pod' && typeof pod === 'string') {
        const phase = param(e, 'phase');
        if (phase === 'Succeeded' || phase === 'Failed') alive.delete(pod);
        else alive.set(pod, pod.slice(0, pod.lastIndexOf('-')));
      }
      const ref = param(e, 'ref');
      if (e.code === 'api.removed' && typeof ref === 'string' && ref.startsWith('pod/'))
        alive.delete(ref.slice(4));
      if (new Set(alive.values()).size > 1) n++;
    }
    return n;
  }

  it('starts no new pod while an old one runs, and ends with all four on the new template', () => {
    const r = runScenario(load('deployment-recreate'));
    expect(r.outcome).toBe('pass');
    expect(overlaps(r)).toBe(0);
    expect(
      finalSets(r)
        .map((x) => [x.image, x.replicas])
        .sort(),
    ).toEqual([
      ['nginx:1.27', 0],
      ['nginx:1.28', 4],
    ]);
  });

  it('the mutant recreate-overlaps starts new pods while old ones still terminate', () => {
    const s = load('deployment-recreate');
    const r = runScenario({ ...s, controllers: { ...s.controllers, deployment: 'recreate-overlaps' } });
    expect(overlaps(r)).toBeGreaterThan(0);
  });
});

describe('deployment: proportional scaling during a held rollout', () => {
  /** The sizes just before the fix at 2m (the scale at 1m has been carried out). */
  const before2m = (r: RunResult) =>
    rsSizes(r)
      .filter((s) => s.atMs < 120_000)
      .at(-1)!.sizes;

  it('splits a scale from 10 to 20 as Kubernetes does: old 8 → 14, new 5 → 9 (23 = 20 + maxSurge)', () => {
    const r = runScenario(load('deployment-proportional-scaling'));
    expect(r.outcome).toBe('pass');
    const sizes = before2m(r);
    expect(Object.values(sizes).sort((a, b) => a - b)).toEqual([9, 14]);
    expect(
      finalSets(r)
        .map((x) => [x.image, x.replicas])
        .sort(),
    ).toEqual([
      ['nginx:1.27', 0],
      ['nginx:1.28-never-ready', 0],
      ['nginx:1.29', 20],
    ]);
  });

  it('the mutant scale-newest-only gives all ten to the broken ReplicaSet', () => {
    const s = load('deployment-proportional-scaling');
    const r = runScenario({ ...s, controllers: { ...s.controllers, deployment: 'scale-newest-only' } });
    expect(Object.values(before2m(r)).sort((a, b) => a - b)).toEqual([8, 15]);
  });
});

describe('deployment vs ReplicaSet: the same template change', () => {
  it('the ReplicaSet keeps its old pods; the Deployment rolls all three', () => {
    const r = runScenario(load('deployment-vs-replicaset'));
    expect(r.outcome).toBe('pass');
    const created = (prefix: string) =>
      r.events.filter(
        (e) =>
          e.code === 'api.pod' && param(e, 'verb') === 'create' && String(param(e, 'pod')).startsWith(prefix),
      ).length;
    expect(created('plain-')).toBe(3);
    expect(created('rolled-')).toBe(6);
    const rolled = finalSets(r).filter((x) => x.name.startsWith('rolled-'));
    expect(rolled.map((x) => [x.image, x.replicas]).sort()).toEqual([
      ['nginx:1.27', 0],
      ['nginx:1.28', 3],
    ]);
  });
});

describe('deployment: determinism', () => {
  it('the same seed gives the same trace, with chaos drawn for the Deployment', () => {
    const s = load('deployment-rolling-update');
    const chaotic = { ...s, chaos: { count: 20, between: [0, 300_000] as [number, number] } };
    const a = runScenario(chaotic);
    const b = runScenario(chaotic);
    expect(a.traceDigest).toBe(b.traceDigest);
    expect(a.events.length).toBe(b.events.length);
    expect(runScenario({ ...chaotic, seed: 8 }).traceDigest).not.toBe(a.traceDigest);
  });
});
