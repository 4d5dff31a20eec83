/**
 * DaemonSet benchmarks: one DaemonSet on 5,000 nodes (the Kubernetes cluster-size limit) with 500
 * node joins and failures over 30 simulated minutes, and the same on 500 nodes, to show that the
 * cost grows linearly with the cluster (design.md §7: 10× the cluster ≤ 12× the time).
 *
 * The controller's share is small: a sync looks only at nodes that changed or are not quiet
 * (nodeTable.ts), so its cost follows the events, not the cluster. `build_ms` times the same cluster
 * without the DaemonSet and without events (what the runner does before the first event), so the
 * simulator's own cost of a large cluster is visible next to the total.
 */

import { plainNodes } from '../properties/arbitraries.ts';
import { runScenario } from '../src/run/runScenario.ts';
import { applyDefaults } from '../src/scenario/manifests.ts';
import {
  DEFAULT_SIM_OPTIONS,
  type NodeSpec,
  type Scenario,
  type ScenarioEvent,
} from '../src/scenario/types.ts';
import { type BenchResult, measurePeak, round } from './util.ts';

const MINUTE = 60_000;

const nodes = (n: number): NodeSpec[] => plainNodes(n);

/** 500 events over the first 25 minutes: every other one a new node joins, else a node crashes. */
function churn(nodeCount: number, events: number): ScenarioEvent[] {
  const out: ScenarioEvent[] = [];
  for (let i = 0; i < events; i++) {
    const at = Math.floor(((i + 1) * 25 * MINUTE) / (events + 1));
    if (i % 2 === 0) out.push({ at, do: 'add-node', node: `node-x${i}` });
    else out.push({ at, do: 'crash-node', node: `node-${1 + ((i * 7919) % nodeCount)}` });
  }
  return out;
}

export function daemonSetScaleScenario(nodeCount: number, events = 500): Scenario {
  const ds = applyDefaults({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'node-agent' },
    spec: {
      selector: { matchLabels: { app: 'node-agent' } },
      template: {
        metadata: { labels: { app: 'node-agent' } },
        spec: { containers: [{ name: 'agent', image: 'registry.local/agent:v1' }] },
      },
    },
  });
  return {
    name: `bench-daemonset-${nodeCount}`,
    description: '',
    seed: 1,
    nodes: nodes(nodeCount),
    objects: [ds],
    events: churn(nodeCount, events),
    settleMs: 5 * MINUTE,
    controllers: {},
    sim: { ...DEFAULT_SIM_OPTIONS, stabilityMs: 0, keepTrace: false },
  };
}

function one(nodeCount: number): { ms: number; peakMb: number; outcome: string; steps: number } {
  let outcome = '';
  let steps = 0;
  const m = measurePeak((sample) => {
    const r = runScenario(daemonSetScaleScenario(nodeCount), { keepTrace: false });
    sample();
    outcome = r.outcome;
    steps = r.steps;
  });
  return { ...m, outcome, steps };
}

/** Wall ms to build the cluster alone: the nodes, no DaemonSet, no events, no settle time. */
function build(nodeCount: number): number {
  const s = daemonSetScaleScenario(nodeCount, 0);
  const t0 = performance.now();
  runScenario({ ...s, objects: [], events: [], settleMs: 0 }, { keepTrace: false });
  return performance.now() - t0;
}

export async function benchDaemonSet(): Promise<BenchResult[]> {
  one(200); // warm-up
  const small = one(500);
  const large = one(5_000);
  const buildSmall = build(500);
  const buildLarge = build(5_000);
  const detail = (r: typeof small) =>
    `${r.steps} steps, outcome ${r.outcome}, 500 joins/crashes over 30 simulated min`;
  return [
    { name: 'daemonset.nodes500.ms', value: round(small.ms), unit: 'ms', detail: detail(small) },
    { name: 'daemonset.nodes500.peak_heap', value: round(small.peakMb), unit: 'MB' },
    {
      name: 'daemonset.nodes500.build_ms',
      value: round(buildSmall),
      unit: 'ms',
      detail: 'the 500 nodes alone (no DaemonSet, no events)',
    },
    { name: 'daemonset.nodes5000.ms', value: round(large.ms), unit: 'ms', detail: detail(large) },
    { name: 'daemonset.nodes5000.peak_heap', value: round(large.peakMb), unit: 'MB' },
    {
      name: 'daemonset.nodes5000.build_ms',
      value: round(buildLarge),
      unit: 'ms',
      detail: 'the 5,000 nodes alone (no DaemonSet, no events)',
    },
    {
      name: 'daemonset.scale_ratio_10x',
      value: round(large.ms / small.ms),
      unit: 'x',
      detail: 'wall time of 5,000 nodes / 500 nodes (linear ≤ 12)',
    },
  ];
}
