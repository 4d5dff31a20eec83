import { describe, expect, it } from 'vitest';
import { computeHash } from '../../model/hash.ts';
import type { KObject } from '../../model/types.ts';
import {
  claimRevisions,
  newRevision,
  nextRevisionNumber,
  onCreateConflict,
  planCurrentRevision,
  REVISION_HASH_LABEL,
  type RevisionObject,
  revisionName,
  revisionsToPrune,
  templateHash,
} from './history.ts';

function owner(image: string, collisionCount = 0, uid = 'ds-uid'): KObject {
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

/** A stored revision of `owner(image)` with a given number (as the store would return it). */
function stored(image: string, revision: number, extra: Partial<KObject['metadata']> = {}): RevisionObject {
  const o = newRevision(owner(image), revision);
  return {
    ...o,
    metadata: {
      ...o.metadata,
      name: o.metadata.name!,
      uid: `rev-${image}`,
      resourceVersion: '2',
      generation: 1,
      creationTimestamp: '',
      ...extra,
    },
  } as RevisionObject;
}

describe('history: names and objects', () => {
  it('names a revision <owner>-<computeHash(template, collisionCount)>', () => {
    const ds = owner('v1');
    const hash = computeHash(ds.spec.template, 0);
    expect(templateHash(ds)).toBe(hash);
    expect(revisionName('agent', hash)).toBe(`agent-${hash}`);
    expect(newRevision(ds, 3).metadata.name).toBe(`agent-${hash}`);
  });

  it('a collision count changes the hash', () => {
    expect(templateHash(owner('v1', 1))).not.toBe(templateHash(owner('v1', 0)));
  });

  it('carries template labels + hash label, a controllerRef and the template', () => {
    const rev = newRevision(owner('v1'), 7) as unknown as RevisionObject;
    expect(rev.metadata.labels).toEqual({ app: 'agent', [REVISION_HASH_LABEL]: templateHash(owner('v1')) });
    expect(rev.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        name: 'agent',
        uid: 'ds-uid',
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(rev.data).toEqual({ spec: { template: owner('v1').spec.template } });
    expect(rev.revision).toBe(7);
  });
});

describe('history: claim', () => {
  it('keeps ours, adopts matching orphans, ignores foreign ones', () => {
    const ours = stored('v1', 1);
    const orphan = stored('v2', 2, { ownerReferences: [] });
    const foreign = stored('v3', 3, {
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'x', uid: 'other', controller: true },
      ],
    });
    const plan = claimRevisions(owner('v1'), [ours, orphan, foreign]);
    expect(plan.owned.map((r) => r.revision)).toEqual([1]);
    expect(plan.adopt.map((r) => r.revision)).toEqual([2]);
    expect(plan.release).toEqual([]);
  });
});

describe('history: current revision', () => {
  it.each<[string, string, RevisionObject[], string]>([
    ['no revisions: create revision 1', 'v1', [], 'create:1'],
    ['new template: create max+1', 'v3', [stored('v1', 1), stored('v2', 2)], 'create:3'],
    ['template equals the newest: use it', 'v2', [stored('v1', 1), stored('v2', 2)], 'use:2'],
    ['rollback to an older template: raise it', 'v1', [stored('v1', 1), stored('v2', 2)], 'raise:1->3'],
  ])('%s', (_title, image, owned, expected) => {
    const plan = planCurrentRevision(owner(image), owned);
    const got =
      plan.type === 'create'
        ? `create:${(plan.object as unknown as RevisionObject).revision}`
        : plan.type === 'use'
          ? `use:${plan.revision.revision}`
          : `raise:${plan.revision.revision}->${plan.to}`;
    expect(got).toBe(expected);
  });

  it('duplicates keep the highest revision', () => {
    const a = stored('v1', 1, { name: 'agent-a' });
    const b = stored('v1', 4, { name: 'agent-b' });
    const plan = planCurrentRevision(owner('v1'), [a, b, stored('v2', 2)]);
    expect(plan.type).toBe('use');
    if (plan.type !== 'create') expect(plan.duplicates.map((r) => r.metadata.name)).toEqual(['agent-a']);
  });

  it('nextRevisionNumber is max + 1', () => {
    expect(nextRevisionNumber([])).toBe(1);
    expect(nextRevisionNumber([stored('a', 4), stored('b', 2)])).toBe(5);
  });
});

describe('history: create conflicts', () => {
  it('the same template under our name is re-used', () => {
    const existing = stored('v1', 1);
    const r = onCreateConflict(owner('v1'), existing, newRevision(owner('v1'), 2));
    expect(r.type).toBe('use');
  });

  it('a different template under that name is a collision: collisionCount + 1', () => {
    const impostor = { ...stored('v9', 1), metadata: { ...stored('v9', 1).metadata, name: 'agent-x' } };
    const withSameHash = {
      ...impostor,
      metadata: { ...impostor.metadata, labels: { [REVISION_HASH_LABEL]: templateHash(owner('v1')) } },
    };
    expect(onCreateConflict(owner('v1', 2), withSameHash, newRevision(owner('v1', 2), 2))).toEqual({
      type: 'collision',
      collisionCount: 3,
    });
  });
});

describe('history: pruning', () => {
  const revs = [1, 2, 3, 4, 5].map((n) => stored(`v${n}`, n));
  const hashOf = (n: number) => templateHash(owner(`v${n}`));
  const names = (rs: RevisionObject[]) => rs.map((r) => r.revision);

  it.each<[string, number, number[], number | undefined, number[]]>([
    ['StatefulSet: keep 2 non-live, current v5 live', 2, [5], undefined, [1, 2]],
    ['StatefulSet: live hashes are never pruned', 1, [5, 1], undefined, [2, 3]],
    ['StatefulSet: under the limit prunes nothing', 10, [5], undefined, []],
    ['DaemonSet: live ones count against the limit', 1, [5, 1], 5, [2, 3, 4].slice(0, 3)],
    ['DaemonSet: limit 0 prunes every non-live old revision', 0, [5, 2], 5, [1, 3, 4]],
  ])('%s', (_t, limit, live, current, expected) => {
    const liveSet = new Set(live.map(hashOf));
    const cur = current === undefined ? undefined : revs[current - 1]!.metadata.name;
    expect(names(revisionsToPrune(revs, limit, liveSet, cur))).toEqual(expected);
  });

  it('DaemonSet: live old revisions reduce how many are deleted', () => {
    // 4 old revisions, limit 2 ⇒ toKill 2; v1 is live ⇒ v2, v3 are deleted.
    const live = new Set([hashOf(1), hashOf(5)]);
    expect(names(revisionsToPrune(revs, 2, live, revs[4]!.metadata.name))).toEqual([2, 3]);
  });
});
