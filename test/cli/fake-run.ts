/**
 * Hand-built RunResults for CLI and replay tests, so they do not depend on the simulator's
 * behaviour: a "run" is a pure function of the scenario and seed.
 */
import type { RunResult } from '../../src/run/types.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { DEFAULT_SIM_OPTIONS } from '../../src/scenario/types.ts';
import type { TraceEvent } from '../../src/trace/types.ts';
import { TOOLKIT_VERSION } from '../../src/version.ts';

export function scenario(name = 'demo', extra: Partial<Scenario> = {}): Scenario {
  return {
    name,
    description: '',
    seed: 7,
    nodes: [{ name: 'node-1', labels: {}, taints: [], unschedulable: false, podCapacity: 110 }],
    objects: [],
    events: [{ at: 1000, do: 'crash-node', node: 'node-1' }],
    settleMs: 600_000,
    controllers: {},
    sim: structuredClone(DEFAULT_SIM_OPTIONS),
    ...extra,
  };
}

/** A deterministic fake runner: the trace depends on the scenario's events and the seed. */
export function fakeRun(s: Scenario, opts: { seed?: number } = {}): RunResult {
  const seed = opts.seed ?? s.seed;
  const events: TraceEvent[] = s.events.map((e, i) => ({
    step: i + 1,
    atMs: e.at,
    kind: 'fault',
    actor: 'user',
    text: `${e.do} seed=${seed}`,
    code: 'fault.skipped' as const,
    params: { command: e.do, reason: `seed=${seed}` },
  }));
  const violated = s.controllers.replicaset === 'no-expectations';
  return {
    scenario: s,
    seed,
    toolkitVersion: TOOLKIT_VERSION,
    traceDigest: `digest-${seed}-${events.map((e) => e.text).join('|')}`,
    outcome: violated ? 'violation' : 'pass',
    invariants: [
      {
        id: 'replicaset.no-overshoot',
        kind: 'safety',
        status: violated ? 'violated' : 'held',
        violations: violated
          ? [{ atMs: 42_130, step: 311, message: 'too many pods', objects: ['replicaset/web'] }]
          : [],
      },
      { id: 'replicaset.exact-replicas', kind: 'liveness', status: 'held', violations: [] },
    ],
    events,
    final: { nodes: [], pods: [], workloads: [], pvcs: [] },
    machines: [],
    expectMet: true,
    expectProblems: [],
    endMs: 600_000,
    steps: events.length,
  };
}
