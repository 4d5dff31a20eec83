/**
 * StatefulSet benchmarks: the standard scenario of design.md §7 (a set of 5 with two claim
 * templates on 3 nodes, 20 faults, 10 simulated minutes; median ms per run over many seeds) and a
 * Parallel scale from 0 to 1,000 pods and back (wall time, peak resident set).
 */

import { plainNodes } from '../properties/arbitraries.ts';
import { runScenario } from '../src/run/runScenario.ts';
import { applyDefaults } from '../src/scenario/manifests.ts';
import { DEFAULT_SIM_OPTIONS, type Scenario } from '../src/scenario/types.ts';
import { type BenchResult, inChildProcess, round, standardScenarioResults } from './util.ts';

export type { BenchResult };

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

const nodes = (n: number) => plainNodes(n, 1_000);

/**
 * The standard set, defaulted once: `applyDefaults` deep-clones (structuredClone), which cost about
 * a tenth of a run; the store never mutates what it is given, so every run can share it.
 */
let standardSet: ReturnType<typeof webSet> | undefined;

export function standardStatefulSetScenario(seed: number): Scenario {
  standardSet ??= webSet(5, 'OrderedReady', ['data', 'logs']);
  return {
    name: 'statefulset-standard',
    description: '',
    seed,
    nodes: nodes(3),
    objects: [standardSet],
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

export async function benchStatefulSet(): Promise<BenchResult[]> {
  // In a process of its own: its peak resident set must not be another suite's high-water mark.
  const scale = inChildProcess('statefulset.bench.ts', 'scaleParallel');
  return [...standardScenarioResults('statefulset', standardStatefulSetScenario), ...scale];
}

/** Parallel 0 → 1,000 → 0, through runScenario with two scale events (run by bench/child.ts). */
export function scaleParallel(): BenchResult[] {
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
  // A timer cannot sample the heap during a synchronous run (it never fires), so the peak is the
  // process's resident-set high-water mark, which the kernel keeps: read before and after the run.
  const rssBefore = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  const r = runScenario(scenario, { keepTrace: false });
  const wall = performance.now() - t0;
  const rssAfter = process.resourceUsage().maxRSS;
  return [
    {
      name: 'statefulset.parallel_scale_1000.wall_ms',
      value: round(wall),
      unit: 'ms',
      detail: `${r.steps} steps, outcome ${r.outcome}`,
    },
    {
      name: 'statefulset.parallel_scale_1000.peak_rss_mb',
      value: round(rssAfter / 1024),
      unit: 'MB',
      detail: `peak resident set of a process that ran only this; ${round(rssBefore / 1024)} MB before the run (Node, tsx and the modules)`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchStatefulSet()) console.log(r.name, r.value, r.unit, r.detail ?? '');
}
