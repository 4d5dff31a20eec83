/**
 * Stand-ins for the chaos, invariant and controller registries, so scenario parsing is tested on
 * its own contract (known kinds, field validation hooks) independent of the simulator's contents.
 */
import { createObjectFault } from '../../src/chaos/faults/create-object.ts';
import type { EventBase, FaultDef } from '../../src/chaos/types.ts';

const FAKE_FIELDS = ['node', 'pod', 'for', 'target', 'replicas', 'verb', 'count', 'controller', 'grace'];

/** A stand-in whose events are untyped maps: its own hook below decides what is valid. */
type FakeEvent = EventBase & Record<string, unknown>;

function fault(kind: string, required: string[], generate = true): FaultDef<FakeEvent> {
  return {
    kind,
    summary: { en: kind, ko: kind },
    appliesTo: ['replicaset', 'daemonset', 'statefulset'],
    // Declared without types so this stand-in's own hook below decides what is valid.
    fields: Object.fromEntries(
      FAKE_FIELDS.map((f) => [f, { type: f === 'for' || f === 'grace' ? 'duration' : 'manifest', doc: f }]),
    ),
    validate(ev) {
      for (const f of required) if (ev[f] === undefined) return { field: f, message: 'Required value' };
      if ('replicas' in ev && (typeof ev.replicas !== 'number' || ev.replicas < 0)) {
        return { field: 'replicas', message: 'must be a non-negative integer' };
      }
      return null;
    },
    describe: () => kind,
    apply: () => ({ applied: false, reason: 'fake' }),
    ...(generate ? { generate: () => null } : {}),
  };
}

const FAULTS = [
  fault('crash-node', ['node']),
  fault('add-node', ['node']),
  fault('crash-pod', ['pod']),
  fault('unready-pod', ['pod', 'for']),
  fault('scale', ['target', 'replicas']),
  fault('fail-api', ['verb', 'count'], false),
  // The real one: its validation is the manifest validation, with positions inside `object`.
  createObjectFault,
];

const IDS = [
  'replicaset.exact-replicas',
  'replicaset.no-overshoot',
  'ownership.single-controller',
  'workload.converges',
];

/** A stand-in for src/scenario/registries.ts: `vi.mock('.../registries.ts', () => import('./fakes.ts'))`. */
export const getFault = (kind: string): FaultDef | undefined => FAULTS.find((f) => f.kind === kind);
export const faultKinds = (): string[] => FAULTS.map((f) => f.kind);
function invariant(id: string) {
  return {
    id,
    kind: id.endsWith('exact-replicas') || id.endsWith('converges') ? 'liveness' : 'safety',
    claim: { en: `claim of ${id}`, ko: `${id} 주장` },
    explain: { en: `why ${id} matters`, ko: `${id} 설명` },
  };
}
export const allInvariants = () => IDS.map(invariant);
export const getInvariant = (id: string) => (IDS.includes(id) ? invariant(id) : undefined);
export const getControllerVariants = (c: string): string[] | undefined =>
  c === 'replicaset' ? ['correct', 'no-expectations'] : c === 'deployment' ? undefined : ['correct'];
