/**
 * deployment.recreate-no-overlap judges the controller's decision as it saw the world: the view
 * recorded in each ReplicaSet write's cause. Hand-built writes for each story the correct
 * controller told (issue #12: seeds 17, 104 and 150 of the standard Deployment run as Recreate),
 * both ways, and those seeds run end to end.
 */
import { describe, expect, it } from 'vitest';
import { standardDeploymentScenario } from '../../bench/deployment.bench.ts';
import { deploymentRecreateNoOverlap } from '../../src/invariants/deployment-recreate-no-overlap.ts';
import type { KObject } from '../../src/model/types.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import type { DeploymentCause, WriteRecord } from '../../src/sim/api/types.ts';
import type { World } from '../../src/sim/world.ts';

const TEMPLATE = (image: string) => ({
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'app', image }] },
});

function deployment(extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'd-1', resourceVersion: '1', generation: 2 },
    spec: {
      replicas: 4,
      selector: { matchLabels: { app: 'web' } },
      template: TEMPLATE('app:v2'),
      strategy: { type: 'Recreate' },
      ...extra,
    },
  } as KObject;
}

const OWNER = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-1', controller: true }];

function rs(name: string, image: string, replicas: number, reported: number): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion: '1',
      ownerReferences: OWNER,
    },
    spec: { replicas, template: TEMPLATE(image) },
    status: { replicas: reported },
  } as KObject;
}

function pod(name: string, owner: string, phase: string, terminating = false): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion: '1',
      ...(terminating ? { deletionTimestamp: '2026-01-01T00:00:01Z' } : {}),
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: `uid-${owner}`, controller: true },
      ],
    },
    status: { phase },
  } as KObject;
}

const OLD = rs('web-old', 'app:v1', 0, 0);
const NEW = rs('web-new', 'app:v2', 0, 0);

/** A write giving the new set 4 replicas, with the view the sync held (sets and cached pods). */
function scaleUp(
  reason: DeploymentCause['reason'],
  view: { sets: KObject[]; pods?: KObject[]; d?: KObject },
): WriteRecord {
  const create = reason === 'create-new';
  return {
    verb: create ? 'create' : 'update',
    kind: 'ReplicaSet',
    key: 'default/web-new',
    actor: 'deployment-controller',
    before: create ? undefined : NEW,
    after: { ...NEW, spec: { ...NEW.spec, replicas: 4 } },
    removed: false,
    cause: {
      controller: 'deployment',
      reason,
      ownerUid: 'd-1',
      observedDeployment: view.d ?? deployment(),
      observedReplicaSets: view.sets,
      newReplicaSet: 'web-new',
      plannedAtMs: 1000,
      ...(view.pods ? { observedPods: view.pods } : {}),
    },
  };
}

/** A world whose store holds `objects` (the old pods really still run there in every case). */
function judge(w: WriteRecord, objects: KObject[] = []): string[] {
  const world = {
    stepWrites: [w],
    now: 3_600_000,
    store: {
      list: (kind: string) => objects.filter((o) => o.kind === kind),
      byUid: (uid: string) => objects.find((o) => o.metadata.uid === uid),
    },
  } as unknown as World;
  return deploymentRecreateNoOverlap.check(world).map((f) => f.message);
}

const RUNNING_OLD = [pod('web-old-a', 'web-old', 'Running'), pod('web-old-b', 'web-old', 'Running')];
const STORE = [rs('web-old', 'app:v1', 0, 2), NEW, ...RUNNING_OLD];

describe('deployment.recreate-no-overlap: the controller judged on its own view', () => {
  it('caught: the new set scaled up while the view showed an old pod still terminating', () => {
    const pods = [pod('web-old-a', 'web-old', 'Running', true), pod('web-old-b', 'web-old', 'Succeeded')];
    const found = judge(scaleUp('recreate-scale-up', { sets: [OLD, NEW], pods }), STORE);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('replicaset/web-new was scaled 0→4');
    expect(found[0]).toContain('pod/web-old-a');
    expect(found[0]).not.toContain('pod/web-old-b');
  });

  it('caught: the new set created with replicas while an old set still reported replicas', () => {
    const found = judge(scaleUp('create-new', { sets: [rs('web-old', 'app:v1', 0, 2)], pods: [] }), STORE);
    expect(found).toEqual([expect.stringContaining('replicaset/web-old')]);
  });

  it('holds: every old pod the view held is terminal', () => {
    const pods = [pod('web-old-a', 'web-old', 'Failed'), pod('web-old-b', 'web-old', 'Succeeded')];
    expect(judge(scaleUp('recreate-scale-up', { sets: [OLD, NEW], pods }))).toEqual([]);
  });

  it('seed 17: a paused Deployment resized by the scale path is not a Recreate step', () => {
    const view = { sets: [rs('web-old', 'app:v1', 0, 2), NEW], pods: RUNNING_OLD };
    expect(judge(scaleUp('proportional', view), STORE)).toEqual([]);
    expect(judge(scaleUp('proportional', { ...view, d: deployment({ paused: true }) }), STORE)).toEqual([]);
  });

  it('seed 104: the cache had not seen the old set the controller had just created', () => {
    expect(judge(scaleUp('create-new', { sets: [], pods: [] }), STORE)).toEqual([]);
  });

  it('seed 150: a stalled watch hid the old pods; the old set showed 0 and reported 0', () => {
    expect(judge(scaleUp('create-new', { sets: [OLD], pods: [] }), STORE)).toEqual([]);
  });
});

describe('deployment.recreate-no-overlap: the standard Deployment run as Recreate', () => {
  function violations(seed: number, controller: string): number {
    const s = standardDeploymentScenario(seed);
    const objects = s.objects.map((o) =>
      o.kind === 'Deployment' ? { ...o, spec: { ...o.spec, strategy: { type: 'Recreate' } } } : o,
    );
    const r = runScenario({ ...s, objects, controllers: { ...s.controllers, deployment: controller } });
    return r.invariants.find((i) => i.id === 'deployment.recreate-no-overlap')?.violations.length ?? 0;
  }

  it.each([17, 104, 150])('seed %i: the correct controller passes', (seed) => {
    expect(violations(seed, 'correct')).toBe(0);
  });

  it('seed 1: the mutant recreate-overlaps is caught', () => {
    expect(violations(1, 'recreate-overlaps')).toBeGreaterThan(0);
  });
});
