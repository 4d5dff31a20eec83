/**
 * ownership.single-controller judges an adoption against the pod as the controller's cache showed
 * it. Shrunk from `kubeprop chaos --controller replicaset --runs 1000 --seed 2` run 283: replicaset/web
 * is deleted with Orphan propagation and recreated at once; a drain evicts one of its orphans a few
 * milliseconds before the new set adopts it. The cache has not seen the eviction yet, and the
 * adoption patch (AdoptPod) carries only a uid precondition, so a real controller patches the
 * terminating pod too. The claim used to read the store's copy and failed the correct controller.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ownershipSingleController } from '../../src/invariants/ownership-single-controller.ts';
import type { KObject } from '../../src/model/types.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import type { WriteRecord } from '../../src/sim/api/types.ts';
import type { World } from '../../src/sim/world.ts';

const scenario = JSON.parse(
  readFileSync(new URL('./fixtures/adoption-races-eviction.scenario.json', import.meta.url), 'utf8'),
) as Scenario;

const owner = { uid: 'rs-1', kind: 'ReplicaSet', name: 'web', apiVersion: 'apps/v1', controller: true };
const pod = (terminating: boolean, owned: boolean): KObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-a',
      namespace: 'default',
      uid: 'pod-1',
      ...(terminating ? { deletionTimestamp: '1970-01-01T00:02:32Z' } : {}),
      ...(owned ? { ownerReferences: [owner] } : {}),
    },
  }) as KObject;

/** One adoption write, the pod terminating in the store, and what the cause says the cache showed. */
function judge(observedTerminating: boolean | undefined): string[] {
  const write: WriteRecord = {
    verb: 'patch',
    kind: 'Pod',
    key: 'default/web-a',
    actor: 'replicaset-controller',
    before: pod(true, false),
    after: pod(true, true),
    removed: false,
    // No view recorded: a write without a cause (the judge falls back to the store's copy).
    ...(observedTerminating === undefined
      ? {}
      : { cause: { controller: 'replicaset', ownerUid: 'rs-1', reason: 'adopt', observedTerminating } }),
  };
  const rs = { kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default', uid: 'rs-1' } };
  const world = { stepWrites: [write], store: { byUid: () => rs } } as unknown as World;
  return ownershipSingleController.check(world).map((f) => f.message);
}

describe('ReplicaSet: an adoption races an eviction (chaos replicaset seed 2 run 283)', () => {
  it('passes: the cache still showed the orphan alive when the set adopted it', () => {
    const r = runScenario(scenario, { keepTrace: true });
    const adoption = r.events.find((e) => /web-kl2q7/.test(e.text) && e.actor === 'replicaset-controller');
    expect(adoption, 'the recreated set adopts pod/web-kl2q7').toBeDefined();
    expect(r.invariants.find((i) => i.id === 'ownership.single-controller')?.status).not.toBe('violated');
    expect(r.outcome).toBe('pass');
  });

  it('fails an adoption of a pod the cache already showed terminating', () => {
    expect(judge(true)).toEqual(['replicaset/web adopted pod/web-a although it was terminating']);
  });

  it('does not blame an adoption whose cache had not seen the deletion yet', () => {
    expect(judge(false)).toEqual([]);
  });

  it("falls back to the store's copy when the write records no view", () => {
    expect(judge(undefined)).toHaveLength(1);
  });
});
