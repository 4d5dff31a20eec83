/**
 * Kubernetes' apps e2e behaviours as kubeprop scenarios (scenarios/conformance/). Each scenario runs
 * as `kubeprop run` runs it; the test asserts its verdict (expect met, nothing else violated) and
 * the behaviour the e2e test checks, read off the trace and the final state: the order pods were
 * created or removed, what halted and until when, which revision each pod ends on.
 *
 * These files also run in properties/scenarios.test.ts (it walks scenarios/ recursively); they are
 * not teaching scenarios (src/report/examples.ts reads only the top level), so they carry no Korean
 * description and no committed example report.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { RunResult } from '../../src/run/types.ts';
import { loadScenarioFile } from '../../src/scenario/parse.ts';

const DIR = resolve(import.meta.dirname, '../../scenarios/conformance');

interface PodEvent {
  pod: string;
  atMs: number;
  actor: string;
}

/** Pods as a controller created them (the API create; not the scenario's own objects), in trace order. */
function creates(r: RunResult, from = 0): PodEvent[] {
  return podEvents(r, 'create').filter((e) => e.atMs >= from && e.actor !== 'user');
}

/** Pod objects as they left the API (the final delete after any grace period), in trace order. */
function removals(r: RunResult, from = 0): PodEvent[] {
  return podEvents(r, 'delete').filter((e) => e.atMs >= from);
}

function podEvents(r: RunResult, kind: 'create' | 'delete'): PodEvent[] {
  const out: PodEvent[] = [];
  for (const e of r.events) {
    if (e.kind !== kind) continue;
    const pod = (e.objects ?? []).find((o) => o.startsWith('pod/'));
    if (pod) out.push({ pod: pod.slice(4), atMs: e.atMs, actor: e.actor });
  }
  return out;
}

const names = (es: PodEvent[]) => es.map((e) => e.pod);
const revisions = (r: RunResult) => r.final.pods.map((p) => p.revision);
const revisionOf = (r: RunResult, pod: string) => r.final.pods.find((p) => p.name === pod)?.revision;
/**
 * The first ControllerRevision the run created (the first template), as its pods carry it in
 * controller-revision-hash: a StatefulSet pod carries the revision's name, a daemon pod its hash.
 */
function firstRevisionHash(r: RunResult): string {
  const e = r.events.find(
    (x) => x.kind === 'create' && (x.objects ?? [])[0]?.startsWith('controllerrevision/'),
  );
  const name = (e?.objects?.[0] ?? '').slice('controllerrevision/'.length);
  const daemon = r.final.pods.some((p) => p.owner?.startsWith('daemonset/'));
  return daemon ? name.slice(name.lastIndexOf('-') + 1) : name;
}
const allReady = (r: RunResult, n: number) => {
  expect(r.final.pods).toHaveLength(n);
  for (const p of r.final.pods)
    expect({ pod: p.name, phase: p.phase, ready: p.ready }).toEqual({
      pod: p.name,
      phase: 'Running',
      ready: true,
    });
};

interface E2ECase {
  file: string;
  /** The Kubernetes e2e test the scenario expresses. */
  e2e: string;
  check: (r: RunResult) => void;
}

const STATEFULSET: E2ECase[] = [
  {
    file: 'statefulset-predictable-order.yaml',
    e2e: 'Scaling should happen in predictable order and halt if any stateful pod is unhealthy',
    check: (r) => {
      const c = creates(r);
      expect(names(c)).toEqual(['web-0', 'web-1', 'web-2']);
      // Each waits for its predecessor to start (2s) and pass readiness (3s more).
      expect(c[1]!.atMs - c[0]!.atMs).toBeGreaterThanOrEqual(5000);
      expect(c[2]!.atMs - c[1]!.atMs).toBeGreaterThanOrEqual(5000);
    },
  },
  {
    file: 'statefulset-halt-scale-up-on-unhealthy.yaml',
    e2e: 'Scaling should happen in predictable order and halt if any stateful pod is unhealthy',
    check: (r) => {
      const c = creates(r);
      expect(names(c)).toEqual(['web-0', 'web-1', 'web-2']);
      expect(c[1]!.atMs).toBeGreaterThanOrEqual(90_000);
    },
  },
  {
    file: 'statefulset-halt-scale-down-on-unhealthy.yaml',
    e2e: 'Scaling should happen in predictable order and halt if any stateful pod is unhealthy',
    check: (r) => {
      const gone = removals(r);
      expect(names(gone)).toEqual(['web-2', 'web-1', 'web-0']);
      expect(gone[0]!.atMs).toBeGreaterThanOrEqual(120_000);
    },
  },
  {
    file: 'statefulset-burst-scaling.yaml',
    e2e: 'Burst scaling should run to completion even with unhealthy pods',
    check: (r) => {
      const up = creates(r, 40_000);
      expect(names(up).sort()).toEqual(['web-1', 'web-2']);
      // Parallel: both at once, while web-0 is still unready (until 3m30s).
      for (const e of up) expect(e.atMs).toBeLessThan(45_000);
      const gone = removals(r, 100_000);
      expect(names(gone).sort()).toEqual(['web-0', 'web-1', 'web-2']);
      for (const e of gone) expect(e.atMs).toBeLessThan(210_000);
    },
  },
  {
    file: 'statefulset-no-deadlock-predecessor-fails.yaml',
    e2e: "should not deadlock when a pod's predecessor fails",
    check: (r) => {
      const again = creates(r, 40_000);
      expect(names(again)).toEqual(['web-0']);
      // Recreated while web-1 is still unready (until 2m30s).
      expect(again[0]!.atMs).toBeLessThan(150_000);
      allReady(r, 2);
    },
  },
  {
    file: 'statefulset-rolling-update.yaml',
    e2e: 'should perform rolling updates and roll backs of template modifications',
    check: (r) => {
      expect(names(removals(r, 60_000))).toEqual(['web-2', 'web-1', 'web-0']);
      expect(new Set(revisions(r)).size).toBe(1);
      expect(revisions(r)[0]).not.toBe(firstRevisionHash(r));
      allReady(r, 3);
    },
  },
  {
    file: 'statefulset-rollback.yaml',
    e2e: 'should perform rolling updates and roll backs of template modifications',
    check: (r) => {
      expect(names(removals(r, 240_000))).toEqual(['web-2', 'web-1', 'web-0']);
      expect(revisions(r)).toEqual([firstRevisionHash(r), firstRevisionHash(r), firstRevisionHash(r)]);
      allReady(r, 3);
    },
  },
  {
    file: 'statefulset-canary-and-phased-update.yaml',
    e2e: 'should perform canary updates and phased rolling updates of template modifications',
    check: (r) => {
      const gone = removals(r, 60_000);
      const between = (a: number, b: number) => names(gone.filter((e) => e.atMs >= a && e.atMs < b));
      expect(between(60_000, 120_000)).toEqual([]);
      expect(between(120_000, 240_000)).toEqual(['web-2']);
      expect(between(240_000, 360_000)).toEqual(['web-1']);
      expect(between(360_000, Number.POSITIVE_INFINITY)).toEqual(['web-0']);
      expect(new Set(revisions(r)).size).toBe(1);
    },
  },
  {
    file: 'statefulset-ondelete.yaml',
    e2e: 'should implement legacy replacement when the update strategy is OnDelete',
    check: (r) => {
      expect(names(removals(r, 60_000))).toEqual(['web-1']);
      expect(revisionOf(r, 'web-0')).toBe(firstRevisionHash(r));
      expect(revisionOf(r, 'web-2')).toBe(firstRevisionHash(r));
      expect(revisionOf(r, 'web-1')).not.toBe(firstRevisionHash(r));
    },
  },
  {
    file: 'statefulset-basic-identity.yaml',
    e2e: 'should provide basic identity',
    check: (r) => {
      expect(names(creates(r)).sort()).toEqual(['web-0', 'web-0', 'web-1', 'web-1', 'web-2', 'web-2']);
      expect(r.final.pvcs.map((p) => [p.name, p.phase])).toEqual([
        ['data-web-0', 'Bound'],
        ['data-web-1', 'Bound'],
        ['data-web-2', 'Bound'],
      ]);
      allReady(r, 3);
    },
  },
  {
    file: 'statefulset-adopt-and-release.yaml',
    e2e: 'should adopt matching orphans and release non-matching pods',
    check: (r) => {
      expect(names(creates(r))).toEqual(['web-0']);
      expect(r.final.pods.map((p) => [p.name, p.owner])).toEqual([['web-0', 'statefulset/web']]);
    },
  },
  {
    file: 'statefulset-recreate-evicted.yaml',
    e2e: 'Should recreate evicted statefulset',
    check: (r) => {
      expect(names(creates(r))).toEqual(['web-0', 'web-0']);
      allReady(r, 1);
    },
  },
  {
    file: 'statefulset-pvc-delete-on-scaledown.yaml',
    e2e: 'should delete PVCs with a OnScaledown policy',
    check: (r) => expect(r.final.pvcs.map((p) => p.name)).toEqual(['data-web-0']),
  },
  {
    file: 'statefulset-pvc-delete-on-set-delete.yaml',
    e2e: 'should delete PVCs with a WhenDeleted policy',
    check: (r) => {
      expect(r.final.pods).toEqual([]);
      expect(r.final.pvcs).toEqual([]);
    },
  },
];

const DAEMONSET: E2ECase[] = [
  {
    file: 'daemonset-simple-daemon.yaml',
    e2e: 'should run and stop simple daemon',
    check: (r) => {
      expect(removals(r, 60_000)).toHaveLength(1);
      expect(creates(r, 60_000)).toHaveLength(1);
      allReady(r, 3);
    },
  },
  {
    file: 'daemonset-complex-daemon-node-selector.yaml',
    e2e: 'should run and stop complex daemon',
    check: (r) => {
      const c = creates(r);
      expect(c).toHaveLength(1);
      expect(c[0]!.atMs).toBeGreaterThanOrEqual(30_000);
      expect(removals(r, 120_000)).toHaveLength(1);
      expect(r.final.pods).toEqual([]);
    },
  },
  {
    file: 'daemonset-complex-daemon-node-affinity.yaml',
    e2e: 'should run and stop complex daemon with node affinity',
    check: (r) => {
      expect(creates(r)).toHaveLength(1);
      expect(removals(r, 120_000)).toHaveLength(1);
      expect(r.final.pods).toEqual([]);
    },
  },
  {
    file: 'daemonset-retry-failed-pod.yaml',
    e2e: 'should retry creating failed daemon pods',
    check: (r) => {
      expect(creates(r, 60_000)).toHaveLength(1);
      allReady(r, 3);
    },
  },
  {
    file: 'daemonset-rolling-update.yaml',
    e2e: 'should update pod when spec was updated and update strategy is RollingUpdate',
    check: (r) => {
      expect(removals(r, 60_000)).toHaveLength(3);
      expect(new Set(revisions(r)).size).toBe(1);
      expect(revisions(r)[0]).not.toBe(firstRevisionHash(r));
      allReady(r, 3);
    },
  },
  {
    file: 'daemonset-ondelete-no-update.yaml',
    e2e: 'should not update pod when spec was updated and update strategy is OnDelete',
    check: (r) => {
      expect(removals(r)).toEqual([]);
      expect(revisions(r)).toEqual([firstRevisionHash(r), firstRevisionHash(r), firstRevisionHash(r)]);
    },
  },
  {
    file: 'daemonset-rollback-without-restarts.yaml',
    e2e: 'should rollback without unnecessary restarts',
    check: (r) => {
      const first = names(creates(r)).slice(0, 3);
      // One node got the bad pod, then the restored one; the two untouched pods are never removed.
      expect(creates(r, 60_000)).toHaveLength(2);
      expect(first.filter((p) => r.final.pods.some((f) => f.name === p))).toHaveLength(2);
      expect(revisions(r)).toEqual([firstRevisionHash(r), firstRevisionHash(r), firstRevisionHash(r)]);
      allReady(r, 3);
    },
  },
  {
    file: 'daemonset-surge-update.yaml',
    e2e: 'should surge pods onto nodes when spec was updated and update strategy is RollingUpdate',
    check: (r) => {
      const made = creates(r, 60_000);
      const gone = removals(r, 60_000);
      expect(made).toHaveLength(3);
      expect(gone).toHaveLength(3);
      // Every old pod leaves only after its replacement exists: at each removal, at least as many
      // new pods were created as old ones removed.
      gone.forEach((g, i) => {
        expect(made.filter((m) => m.atMs <= g.atMs).length).toBeGreaterThanOrEqual(i + 1);
      });
      allReady(r, 3);
    },
  },
];

const REPLICASET: E2ECase[] = [
  {
    file: 'replicaset-serve-basic-image.yaml',
    e2e: 'should serve a basic image on each replica with a public image',
    check: (r) => allReady(r, 3),
  },
  {
    file: 'replicaset-adopt-and-release-e2e.yaml',
    e2e: 'should adopt matching pods on creation and release no longer matching pods',
    check: (r) => {
      expect(creates(r).filter((e) => e.atMs < 60_000)).toHaveLength(0);
      expect(creates(r, 60_000)).toHaveLength(1);
      expect(r.final.pods.find((p) => p.name === 'pod-adoption-release')?.owner).toBeNull();
      expect(r.final.pods.filter((p) => p.owner === 'replicaset/frontend')).toHaveLength(1);
    },
  },
  {
    file: 'replicaset-scale.yaml',
    e2e: 'Replicaset should have a working scale subresource',
    check: (r) => {
      expect(creates(r).filter((e) => e.atMs < 60_000)).toHaveLength(1);
      expect(creates(r, 60_000)).toHaveLength(1);
      allReady(r, 2);
    },
  },
  {
    file: 'replicaset-failure-condition.yaml',
    e2e: 'should surface a failure condition on a common issue like exceeded quota',
    check: (r) => {
      expect(r.events.some((e) => e.kind === 'api-error' && e.atMs >= 40_000)).toBe(true);
      const status = r.final.workloads[0]?.status as { conditions?: unknown[] };
      expect(status.conditions ?? []).toEqual([]);
      allReady(r, 2);
    },
  },
  {
    file: 'replicaset-failure-condition-persists.yaml',
    e2e: 'should surface a failure condition on a common issue like exceeded quota',
    check: (r) => {
      const status = r.final.workloads[0]?.status as { conditions?: Array<Record<string, string>> };
      expect(status.conditions).toEqual([
        expect.objectContaining({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' }),
      ]);
    },
  },
];

/** Each ReplicaSet's spec.replicas at the end of the run, by name. */
function rsSizes(r: RunResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const w of r.final.workloads)
    if (w.kind === 'ReplicaSet') out[w.name] = (w.spec as { replicas?: number }).replicas ?? 0;
  return out;
}

const fromSet = (es: PodEvent[], prefix: string) => es.filter((e) => e.pod.startsWith(prefix));

const DEPLOYMENT: E2ECase[] = [
  {
    file: 'deployment-rolling-update-delete-old-pods.yaml',
    e2e: 'RollingUpdateDeployment should delete old pods and create new ones',
    check: (r) => {
      const sizes = rsSizes(r);
      // The adopted ReplicaSet is the old revision, scaled to 0; one new ReplicaSet holds the replica.
      expect(sizes['test-rolling-update-controller']).toBe(0);
      expect(Object.keys(sizes)).toHaveLength(2);
      expect(fromSet(removals(r), 'test-rolling-update-controller-')).toHaveLength(1);
      allReady(r, 1);
      expect(r.final.pods[0]?.owner).toMatch(/^replicaset\/test-rolling-update-deployment-/);
    },
  },
  {
    file: 'deployment-recreate-delete-old-pods.yaml',
    e2e: 'RecreateDeployment should delete old pods and create new ones',
    check: (r) => {
      const gone = removals(r, 60_000);
      const made = creates(r, 60_000);
      expect(gone).toHaveLength(3);
      expect(made).toHaveLength(3);
      // No new pod is created while an old one still exists.
      const lastGone = Math.max(...gone.map((e) => e.atMs));
      for (const m of made) expect(m.atMs).toBeGreaterThan(lastGone);
      allReady(r, 3);
      expect(new Set(r.final.pods.map((p) => p.owner)).size).toBe(1);
    },
  },
  {
    file: 'deployment-rollover.yaml',
    e2e: 'deployment should support rollover',
    check: (r) => {
      const sizes = rsSizes(r);
      expect(Object.keys(sizes)).toHaveLength(3);
      expect(sizes['test-rollover-controller']).toBe(0);
      expect(Object.values(sizes).sort()).toEqual([0, 0, 1]);
      // The stuck intermediate ReplicaSet made one pod before the rollover, and it is gone.
      const stuck = Object.keys(sizes).find((n) => n !== 'test-rollover-controller' && sizes[n] === 0)!;
      expect(fromSet(creates(r), `${stuck}-`).filter((e) => e.atMs < 60_000)).toHaveLength(1);
      expect(fromSet(removals(r), `${stuck}-`)).toHaveLength(1);
      allReady(r, 1);
    },
  },
  {
    file: 'deployment-proportional-scaling-e2e.yaml',
    e2e: 'deployment should support proportional scaling',
    check: (r) => {
      const ready = r.final.pods.find((p) => p.ready)!.owner!.slice('replicaset/'.length);
      const broken = Object.keys(rsSizes(r)).find((n) => n !== ready)!;
      // Held rollout before the scale: old 10 -> 8, new 5.
      expect(fromSet(creates(r, 30_000), `${broken}-`).filter((e) => e.atMs < 90_000)).toHaveLength(5);
      expect(fromSet(removals(r, 30_000), `${ready}-`).filter((e) => e.atMs < 90_000)).toHaveLength(2);
      // After the scale to 30: old 20, new 13.
      expect(rsSizes(r)).toEqual({ [ready]: 20, [broken]: 13 });
    },
  },
];

const E2E_CASES: readonly E2ECase[] = [...STATEFULSET, ...DAEMONSET, ...REPLICASET, ...DEPLOYMENT];

describe('conformance: e2e behaviours as scenarios (scenarios/conformance/)', () => {
  it('conformance: every scenario file in scenarios/conformance/ has a check, and none is missing', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    expect([...E2E_CASES.map((c) => c.file)].sort()).toEqual(files);
  });

  for (const c of E2E_CASES) {
    it(`conformance: ${c.file}: ${c.e2e}`, () => {
      const scenario = loadScenarioFile(join(DIR, c.file));
      expect(scenario.description).toContain(c.e2e);
      const r = runScenario(scenario);
      expect(r.error).toBeUndefined();
      expect(r.expectProblems).toEqual([]);
      const allowed = new Set(scenario.expect?.violates ?? []);
      const violated = r.invariants.filter((i) => i.status === 'violated').map((i) => i.id);
      expect(violated.filter((id) => !allowed.has(id))).toEqual([]);
      c.check(r);
    });
  }
});
