import { describe, expect, it } from 'vitest';
import { compileSelector } from '../../model/labels.ts';
import type { KObject } from '../../model/types.ts';
import { planClaims, sameControllerRef, withAdoption, withRelease } from './claim.ts';

const ref = (uid: string) => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  name: uid,
  uid,
  controller: true,
});
const pod = (name: string, labels: Record<string, string>, owner?: string, deleting = false): KObject =>
  ({
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name,
      uid: name,
      labels,
      ...(owner ? { ownerReferences: [ref(owner)] } : {}),
      ...(deleting ? { deletionTimestamp: 'x' } : {}),
    },
  }) as KObject;

const selector = compileSelector({ matchLabels: { app: 'web' } });

describe('claim / adopt / release', () => {
  const pods = [
    pod('mine', { app: 'web' }, 'me'),
    pod('strayed', { app: 'other' }, 'me'),
    pod('orphan', { app: 'web' }),
    pod('foreign', { app: 'web' }, 'them'),
    pod('dying-orphan', { app: 'web' }, undefined, true),
    pod('unrelated', { app: 'db' }),
  ];

  it('keeps matching own pods, releases strays, adopts live matching orphans, ignores the rest', () => {
    const plan = planClaims(pods, { ownerUid: 'me', ownerDeleting: false, selector });
    expect(plan.owned.map((p) => p.metadata.name)).toEqual(['mine']);
    expect(plan.release.map((p) => p.metadata.name)).toEqual(['strayed']);
    expect(plan.adopt.map((p) => p.metadata.name)).toEqual(['orphan']);
  });

  it('an owner being deleted neither adopts nor releases', () => {
    const plan = planClaims(pods, { ownerUid: 'me', ownerDeleting: true, selector });
    expect(plan.adopt).toEqual([]);
    expect(plan.release).toEqual([]);
  });

  it('mutants: adopt foreign pods, keep strays', () => {
    expect(
      planClaims(pods, { ownerUid: 'me', ownerDeleting: false, selector, adoptForeign: true }).adopt.map(
        (p) => p.metadata.name,
      ),
    ).toEqual(['orphan', 'foreign']);
    expect(
      planClaims(pods, { ownerUid: 'me', ownerDeleting: false, selector, releaseUnmatched: false }).owned.map(
        (p) => p.metadata.name,
      ),
    ).toEqual(['mine', 'strayed']);
  });

  it('adoption adds our controllerRef; release removes it', () => {
    const adopted = withAdoption(pod('o', {}), ref('me'), false);
    expect(adopted.metadata.ownerReferences).toEqual([ref('me')]);
    expect(withRelease(adopted, 'me').metadata.ownerReferences).toBeUndefined();
    expect(withAdoption(pod('f', {}, 'them'), ref('me'), true).metadata.ownerReferences).toEqual([ref('me')]);
  });
});

describe('sameControllerRef', () => {
  it('is DeepEqual of the two references', () => {
    expect(sameControllerRef(undefined, undefined)).toBe(true);
    expect(sameControllerRef(ref('a'), ref('a'))).toBe(true);
    expect(sameControllerRef(ref('a'), undefined)).toBe(false);
    expect(sameControllerRef(ref('a'), ref('b'))).toBe(false);
    expect(sameControllerRef(ref('a'), { ...ref('a'), blockOwnerDeletion: true })).toBe(false);
  });
});
