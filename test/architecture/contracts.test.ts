/**
 * Typed contracts at the boundaries (issue #13): an event is what its fault's validation produces,
 * typed by the fields that fault declares; a write's cause is a union per controller and reason.
 * The type assertions are checked by `tsc --noEmit`; the runtime ones here.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parse } from 'yaml';
import { allFaults, type ScenarioEvent } from '../../src/chaos/registry.ts';
import type { PodRef } from '../../src/chaos/types.ts';
import { validateEvent } from '../../src/chaos/validate.ts';
import type { KObject } from '../../src/model/types.ts';
import type { WriteCause } from '../../src/sim/api/types.ts';

type EventOf<K extends ScenarioEvent['do']> = Extract<ScenarioEvent, { do: K }>;

describe('contracts: ScenarioEvent', () => {
  it('contracts: each kind has exactly the fields its fault declares, typed', () => {
    expectTypeOf<EventOf<'scale'>['replicas']>().toEqualTypeOf<number>();
    expectTypeOf<EventOf<'scale'>['target']>().toEqualTypeOf<string>();
    expectTypeOf<EventOf<'delete-object'>['propagation']>().toEqualTypeOf<
      'Background' | 'Foreground' | 'Orphan' | undefined
    >();
    expectTypeOf<EventOf<'crash-pod'>['pod']>().toEqualTypeOf<PodRef>();
    expectTypeOf<EventOf<'label-node'>['labels']>().toEqualTypeOf<Record<string, string | null>>();
    expectTypeOf<EventOf<'add-node'>['labels']>().toEqualTypeOf<Record<string, string> | undefined>();
    expectTypeOf<EventOf<'fail-api'>['verb']>().toEqualTypeOf<'create' | 'update' | 'delete' | 'patch'>();
    // @ts-expect-error: a scale event has no node
    expectTypeOf<EventOf<'scale'>['node']>();
  });

  it.each(allFaults().map((f) => [f.kind, f] as const))(
    'contracts: %s: its documented example passes its own validation and becomes a typed event',
    (kind, fault) => {
      const { do: _do, ...fields } = parse(fault.example ?? '{}') as Record<string, unknown>;
      const checked = validateEvent(fault, 1000, fields);
      expect(checked.ok ? checked.event : checked.error).toMatchObject({ at: 1000, do: kind });
    },
  );

  it('contracts: a field of the wrong type or an unknown field is refused, not cast', () => {
    const scale = allFaults().find((f) => f.kind === 'scale')!;
    expect(validateEvent(scale, 0, { target: 'statefulset/web', replicas: 'five' })).toMatchObject({
      ok: false,
      error: { field: 'replicas' },
    });
    expect(validateEvent(scale, 0, { target: 'statefulset/web', replicas: 2, node: 'x' })).toMatchObject({
      ok: false,
      error: { field: 'node' },
    });
  });
});

describe('contracts: WriteCause', () => {
  it('contracts: narrowing on controller and reason gives the fields that decision recorded', () => {
    const read = (c: WriteCause): number | undefined => {
      if (c.controller === 'replicaset' && c.reason === 'scale-down') {
        expectTypeOf(c.observed).toEqualTypeOf<readonly KObject[]>();
        return c.victims.length;
      }
      if (c.controller === 'statefulset' && c.reason === 'create') return c.ordinal;
      // @ts-expect-error: an adoption records no replicas
      if (c.reason === 'adopt') return c.observedReplicas;
      return undefined;
    };
    const adopt: WriteCause = {
      controller: 'daemonset',
      ownerUid: 'u',
      reason: 'adopt',
      observedTerminating: false,
    };
    expect(read(adopt)).toBeUndefined();
    const victims: WriteCause = {
      controller: 'replicaset',
      reason: 'scale-down',
      ownerUid: 'u',
      observedReplicas: 1,
      victims: ['a', 'b'],
      observed: [],
      relatedObserved: [],
      decidedAtMs: 0,
    };
    expect(read(victims)).toBe(2);
  });
});
