/**
 * StatefulSet benchmarks: the standard scenario of design.md §7 (a set of 5 with two claim
 * templates on 3 nodes, 20 faults, 10 simulated minutes; median ms per run over many seeds) and a
 * Parallel scale from 0 to 1,000 pods and back (wall time, peak heap sampled after every step).
 */

import { runScenario } from '../src/run/runScenario.ts';
import { applyDefaults } from '../src/scenario/manifests.ts';
import { DEFAULT_SIM_OPTIONS, type Scenario } from '../src/scenario/types.ts';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  detail?: string;
}

function webSet(replicas: number, policy: 'OrderedReady' | 'Parallel', templates: string[]) {
  return applyDefaults({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      replicas,
      serviceName: 'web',
      podManagementPolicy: policy,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'app', image: 'db:v1' }] },
      },
      volumeClaimTemplates: templates.map((name) => ({
        metadata: { name },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      })),
    },
  });
}

function nodes(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    name: `node-${i + 1}`,
    labels: {},
    taints: [],
    unschedulable: false,
    podCapacity: 1_000,
  }));
}

export function standardStatefulSetScenario(seed: number): Scenario {
  return {
    name: 'statefulset-standard',
    description: '',
    seed,
    nodes: nodes(3),
    objects: [webSet(5, 'OrderedReady', ['data', 'logs'])],
    events: [],
    chaos: {
      count: 20,
      between: [0, 300_000],
      kinds: [
        'crash-pod',
        'fail-pod',
        'delete-pod',
        'unready-pod',
        'scale',
        'update-template',
        'restart-controller',
        'delay-watch',
        'delete-pvc',
        'add-node',
      ],
    },
    settleMs: 300_000,
    controllers: {},
    sim: DEFAULT_SIM_OPTIONS,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchStatefulSet(): Promise<BenchResult[]> {
  const times: number[] = [];
  let steps = 0;
  for (let seed = 1; seed <= 60; seed++) {
    const t0 = performance.now();
    const r = runScenario(standardStatefulSetScenario(seed), { keepTrace: false });
    times.push(performance.now() - t0);
    steps += r.steps;
  }
  const results: BenchResult[] = [
    {
      name: 'statefulset.standard.ms_per_run',
      value: round(median(times.slice(10))),
      unit: 'ms',
      detail: `median of 50 runs after 10 warm-up; ${Math.round(steps / 60)} steps a run`,
    },
  ];
  results.push(...scaleParallel());
  return results;
}

/** Parallel 0 → 1,000 → 0, through runScenario with two scale events. */
function scaleParallel(): BenchResult[] {
  const scenario: Scenario = {
    name: 'statefulset-scale',
    description: '',
    seed: 1,
    nodes: nodes(10),
    objects: [webSet(0, 'Parallel', ['data'])],
    events: [
      { at: 1_000, do: 'scale', target: 'statefulset/web', replicas: 1_000 },
      { at: 300_000, do: 'scale', target: 'statefulset/web', replicas: 0 },
    ],
    settleMs: 300_000,
    controllers: {},
    sim: { ...DEFAULT_SIM_OPTIONS, stabilityMs: 1_000 },
  };
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  const base = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const r = runScenario(scenario, { keepTrace: false });
  const wall = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return [
    {
      name: 'statefulset.parallel_scale_1000.wall_ms',
      value: round(wall),
      unit: 'ms',
      detail: `${r.steps} steps, outcome ${r.outcome}`,
    },
    {
      name: 'statefulset.parallel_scale_1000.peak_heap_mb',
      value: round((peak - Math.min(base, peak)) / 2 ** 20),
      unit: 'MB',
      detail:
        'heap growth over the run (sampled every 5 ms; the run is synchronous, so the last sample bounds it)',
    },
  ];
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchStatefulSet()) console.log(r.name, r.value, r.unit, r.detail ?? '');
}
