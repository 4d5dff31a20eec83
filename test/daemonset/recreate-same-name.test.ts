/**
 * A DaemonSet deleted (Background) and created again under the same name with the same template,
 * while the garbage collector has not yet removed the old one's ControllerRevision. Shrunk from the
 * false-alarm bench (issue #11): seed 1018 run 35 (drain-node, delete, create: status.consistent
 * "updatedNumberScheduled=2 (expected 0)"; also seeds 1020/200, 1023/131) and seed 1028 run 209
 * (crash-pod, delete, create: workload.no-needless-writes; also seed 1027/74).
 *
 * Kubernetes' `snapshot` re-uses a revision found under its name when its data equals the template
 * (`Match`), whoever owns it, and bumps collisionCount only for a different template, and only when
 * the count it hashed with is not stale. Pods and status follow the current revision's hash label,
 * which need not be hash(template, collisionCount).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newRevision, onCreateConflict, type RevisionObject } from '../../src/controllers/shared/history.ts';
import { currentHash, daemonStatus, podsPerNode } from '../../src/invariants/semantics/daemonset.ts';
import { computeHash } from '../../src/model/hash.ts';
import type { KObject } from '../../src/model/types.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.scenario.json`, import.meta.url), 'utf8')) as Scenario;

function ds(uid: string, image: string, collisionCount = 0): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      name: 'agent',
      namespace: 'default',
      uid,
      resourceVersion: '1',
      generation: 1,
      creationTimestamp: '',
    },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'c', image }] } },
    },
    status: { collisionCount },
  };
}

function stored(owner: KObject, revision: number, collisionCount?: number): RevisionObject {
  const o = newRevision(owner, revision, collisionCount);
  return {
    ...o,
    metadata: { ...o.metadata, uid: `rev-${revision}`, resourceVersion: '1', creationTimestamp: '' },
  } as RevisionObject;
}

describe('DaemonSet: same-name delete and re-create while GC runs', () => {
  it('status.consistent passes and no collision is counted (seed 1018 run 35)', () => {
    const r = runScenario(fixture('recreate-same-name-status'), { keepTrace: true });
    expect(r.invariants.find((i) => i.id === 'status.consistent')?.status).not.toBe('violated');
    expect(r.outcome).toBe('pass');
    const agent = r.final.workloads.find((w) => w.name === 'agent');
    expect((agent?.status as { collisionCount?: number } | undefined)?.collisionCount ?? 0).toBe(0);
    expect(r.events.some((e) => /hash collision/.test(e.text))).toBe(false);
  });

  it('workload.no-needless-writes passes: no collisionCount written from a stale cache (seed 1028 run 209)', () => {
    const r = runScenario(fixture('recreate-same-name-needless-write'), { keepTrace: true });
    expect(r.invariants.find((i) => i.id === 'workload.no-needless-writes')?.status).not.toBe('violated');
    expect(r.outcome).toBe('pass');
  });

  it("re-uses the old owner's revision when it stores the same template; a different one collides", () => {
    const old = ds('old-uid', 'v1');
    const fresh = ds('new-uid', 'v1');
    const existing = stored(old, 1);
    expect(onCreateConflict(fresh, existing, newRevision(fresh, 1)).type).toBe('use');
    const other = stored(ds('old-uid', 'v2'), 1);
    const impostor = { ...other, metadata: { ...other.metadata, name: existing.metadata.name } };
    expect(onCreateConflict(fresh, impostor, newRevision(fresh, 1))).toEqual({
      type: 'collision',
      collisionCount: 1,
    });
  });

  it('the judge counts pods at the current revision as updated, not at hash(template, collisionCount)', () => {
    const owner = ds('u', 'v1', 1);
    const rev = stored(owner, 3, 0); // created before a collision bump, kept by a rollback
    const h0 = computeHash(owner.spec?.template ?? {}, 0);
    expect(currentHash(owner)).not.toBe(h0);
    expect(currentHash(owner, [rev])).toBe(h0);
    expect(currentHash(owner, [stored(ds('someone-else', 'v1'), 4, 0)])).toBe(currentHash(owner));
    const node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n1', labels: {} },
      spec: {},
      status: {},
    };
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'agent-a',
        namespace: 'default',
        uid: 'p',
        creationTimestamp: '',
        labels: { app: 'agent', 'controller-revision-hash': h0 },
      },
      spec: { nodeName: 'n1' },
      status: { phase: 'Running' },
    } as unknown as KObject;
    const byNode = podsPerNode([pod]);
    expect(
      daemonStatus(owner, [node as unknown as KObject], byNode, 0, currentHash(owner, [rev]))
        .updatedNumberScheduled,
    ).toBe(1);
    expect(daemonStatus(owner, [node as unknown as KObject], byNode, 0).updatedNumberScheduled).toBe(0);
  });
});
