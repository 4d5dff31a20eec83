/**
 * Deployment benchmarks (issue #12): the standard scenario (a Deployment of 10 replicas on 3 nodes,
 * a rollout, 20 faults, 10 simulated minutes; median ms per run over many seeds) and a rollout of
 * 1,000 replicas on 100 nodes (wall time, steps, peak resident set).
 */

import { plainNodes } from '../properties/arbitraries.ts';
import { runScenario } from '../src/run/runScenario.ts';
import { applyDefaults } from '../src/scenario/manifests.ts';
import { DEFAULT_SIM_OPTIONS, type Scenario } from '../src/scenario/types.ts';
import { type BenchResult, inChildProcess, round, standardScenarioResults } from './util.ts';

export type { BenchResult };

function web(replicas: number) {
  return applyDefaults({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'app', image: 'app:v1' }] },
      },
    },
  });
}

/** Defaulted once: applyDefaults deep-clones, and the store never mutates what it is given. */
let standard: ReturnType<typeof web> | undefined;

export function standardDeploymentScenario(seed: number): Scenario {
  standard ??= web(10);
  return {
    name: 'deployment-standard',
    description: '',
    seed,
    nodes: plainNodes(3, 1_000),
    objects: [standard],
    events: [{ at: 30_000, do: 'update-template', target: 'deployment/web', image: 'app:v2' }],
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
        'rollout-undo',
        'pause-rollout',
        'resume-rollout',
        'restart-controller',
        'delay-watch',
        'add-node',
      ],
    },
    settleMs: 300_000,
    controllers: {},
    sim: DEFAULT_SIM_OPTIONS,
  };
}

export async function benchDeployment(): Promise<BenchResult[]> {
  // In a process of its own: its peak resident set must not be another suite's high-water mark.
  const large = inChildProcess('deployment.bench.ts', 'rollout1000');
  return [...standardScenarioResults('deployment', standardDeploymentScenario), ...large];
}

/** 1,000 replicas on 100 nodes rolled to a new template, through runScenario (run by bench/child.ts). */
export function rollout1000(): BenchResult[] {
  const scenario: Scenario = {
    name: 'deployment-rollout-1000',
    description: '',
    seed: 1,
    nodes: plainNodes(100, 1_000),
    objects: [web(1_000)],
    events: [{ at: 120_000, do: 'update-template', target: 'deployment/web', image: 'app:v2' }],
    settleMs: 600_000,
    controllers: {},
    sim: { ...DEFAULT_SIM_OPTIONS, stabilityMs: 1_000 },
  };
  const rssBefore = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  const r = runScenario(scenario, { keepTrace: false });
  const wall = performance.now() - t0;
  const rssAfter = process.resourceUsage().maxRSS;
  const rolled = r.final.workloads.filter(
    (w) => w.kind === 'ReplicaSet' && (w.spec as { replicas: number }).replicas === 1_000,
  ).length;
  return [
    {
      name: 'deployment.rollout_1000_on_100_nodes.wall_ms',
      value: round(wall),
      unit: 'ms',
      detail: `${r.steps} steps, ${round(r.endMs / 60_000, 1)} simulated minutes, outcome ${r.outcome}${rolled === 1 ? ', rolled' : ', NOT rolled'}`,
    },
    {
      name: 'deployment.rollout_1000_on_100_nodes.steps',
      value: r.steps,
      unit: 'steps',
    },
    {
      name: 'deployment.rollout_1000_on_100_nodes.peak_rss_mb',
      value: round(rssAfter / 1024),
      unit: 'MB',
      detail: `peak resident set of a process that ran only this; ${round(rssBefore / 1024)} MB before the run`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchDeployment()) console.log(r.name, r.value, r.unit, r.detail ?? '');
}
