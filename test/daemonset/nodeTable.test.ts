/**
 * The incremental node table (nodeTable.ts) stands in for Kubernetes' walk over every node. Under
 * generated chaos — joins, removals, crashes, partitions, label flips, taints, pod failures and
 * relabels, rollouts with and without surge, minReadySeconds, orphans to adopt, restarts and stalled
 * watches — every sync of the correct controller and of each mutant plans both ways, and the
 * decisions must be identical (the controller throws otherwise, which fails the run).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daemonSetScaleScenario } from '../../bench/daemonset.bench.ts';
import { describePlan, orphanPod, scenarioOf } from '../../properties/arbitraries.ts';
import { DAEMONSET_VARIANTS } from '../../src/controllers/daemonset/variants.ts';
import type { KObject } from '../../src/model/types.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import { applyDefaults } from '../../src/scenario/manifests.ts';
import type { NodeSpec, Scenario, ScenarioEvent } from '../../src/scenario/types.ts';

const SECOND = 1000;
const TARGET = 'daemonset/agent';
const at = fc.integer({ min: 0, max: 36 }).map((t) => t * 5 * SECOND);

function daemonSet(strategy: object, edgeOnly: boolean, minReadySeconds: number): KObject {
  return applyDefaults({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      minReadySeconds,
      updateStrategy: strategy,
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: {
          ...(edgeOnly ? { nodeSelector: { tier: 'edge' } } : {}),
          containers: [{ name: 'agent', image: 'registry.local/agent:v1' }],
        },
      },
    },
  });
}

function eventsArb(nodes: string[]): fc.Arbitrary<ScenarioEvent[]> {
  const node = fc.constantFrom(...nodes, 'node-6');
  const ev = <T extends object>(kind: string, fields: fc.Arbitrary<T>) =>
    fc.tuple(at, fields).map(([t, f]) => ({ at: t, do: kind, ...f }) as ScenarioEvent);
  const taint = fc.record({
    key: fc.constantFrom('example.com/dedicated', 'example.com/maintenance'),
    effect: fc.constantFrom('NoSchedule', 'NoExecute'),
  });
  const pod = fc.record({ owner: fc.constant(TARGET), node: fc.constantFrom(...nodes) });
  const one = fc.oneof(
    ev(
      'add-node',
      fc.record({ node: fc.constantFrom('node-6', 'node-7'), labels: fc.constantFrom({}, { tier: 'edge' }) }),
    ),
    ev('remove-node', fc.record({ node })),
    ev('crash-node', fc.record({ node })),
    ev('partition-node', fc.record({ node })),
    ev('heal-node', fc.record({ node })),
    ev('cordon-node', fc.record({ node })),
    ev('drain-node', fc.record({ node })),
    ev('label-node', fc.record({ node, labels: fc.constantFrom({ tier: 'edge' }, { tier: null }) })),
    ev('taint-node', fc.record({ node, taint })),
    ev('untaint-node', fc.record({ node, taint })),
    ev('crash-pod', fc.record({ pod })),
    ev('fail-pod', fc.record({ pod })),
    ev('delete-pod', fc.record({ pod })),
    ev('relabel-pod', fc.record({ pod, labels: fc.constantFrom({ app: 'quarantine' }, { app: 'agent' }) })),
    ev(
      'update-template',
      fc.record({
        target: fc.constant(TARGET),
        image: fc.constantFrom('registry.local/agent:v2', 'registry.local/agent:v1'),
      }),
    ),
    ev('restart-controller', fc.record({ controller: fc.constant('daemonset') })),
    ev(
      'delay-watch',
      fc.record({
        controller: fc.constant('daemonset'),
        for: fc.integer({ min: 1, max: 60 }).map((s) => `${s}s`),
      }),
    ),
  );
  return fc.array(one, { maxLength: 10 }).map((es) => [...es].sort((a, b) => a.at - b.at));
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    nodeCount: fc.integer({ min: 1, max: 5 }),
    strategy: fc.oneof(
      fc.constant({ type: 'OnDelete' }),
      fc
        .constantFrom<[number | string, number | string]>([1, 0], ['50%', 0], [0, 1], [0, '50%'], [1, 1])
        .map(([maxUnavailable, maxSurge]) => ({
          type: 'RollingUpdate',
          rollingUpdate: { maxUnavailable, maxSurge },
        })),
    ),
    edgeOnly: fc.boolean(),
    minReadySeconds: fc.constantFrom(0, 0, 5, 20),
    orphan: fc.boolean(),
    // Mutants too: they bend eligibility and manage(), and must still plan the same both ways.
    variant: fc.constantFrom(...Object.keys(DAEMONSET_VARIANTS)),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .chain((b) => {
    const nodes: NodeSpec[] = Array.from({ length: b.nodeCount }, (_, i) => ({
      name: `node-${i + 1}`,
      labels: (i % 2 === 0 ? { tier: 'edge' } : {}) as Record<string, string>,
      taints: [],
      unschedulable: false,
      podCapacity: 110,
    }));
    return eventsArb(nodes.map((n) => n.name)).map((events) => {
      const objects = [daemonSet(b.strategy, b.edgeOnly, b.minReadySeconds)];
      if (b.orphan) objects.push(orphanPod('stray', 'agent'));
      const s = scenarioOf({
        name: 'daemonset-node-table',
        seed: b.seed,
        nodes,
        objects,
        events,
        settleMs: 300 * SECOND,
        controllers: { daemonset: b.variant },
      });
      return { ...s, sim: { ...s.sim, keepTrace: false } };
    });
  });

describe('DaemonSet: incremental node table', () => {
  it('plans exactly as the full walk of every node, under chaos', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = runScenario(s, { crossCheckNodeTable: true });
        if (r.error) throw new Error(`${r.error}\nseed=${s.seed}\n${describePlan(s.events)}`);
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('plans exactly as the full walk on the benchmark churn (60 nodes, 80 joins and crashes)', () => {
    const r = runScenario(daemonSetScaleScenario(60, 80), { crossCheckNodeTable: true });
    expect(r.error).toBeUndefined();
    expect(r.outcome).toBe('pass');
  });
});
