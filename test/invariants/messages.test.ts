/**
 * Invariants: every violation of a claim with Korean messages says what the checker saw in Korean
 * too (invariants/types.ts, Finding), while the English message and the trace line stay as they
 * were. Runs the teaching scenarios that demonstrate those violations, and small hand-made
 * scenarios for the ReplicaSet and DaemonSet mutants the teaching set does not show.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orphanPod, replicaSet, scenarioOf } from '../../properties/arbitraries.ts';
import { DAEMONSET_VARIANTS } from '../../src/controllers/daemonset/variants.ts';
import { allInvariants } from '../../src/invariants/registry.ts';
import type { KObject } from '../../src/model/types.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import type { RunResult } from '../../src/run/types.ts';
import { applyDefaults } from '../../src/scenario/manifests.ts';
import { loadScenarioFile } from '../../src/scenario/parse.ts';
import type { NodeSpec, ScenarioEvent } from '../../src/scenario/types.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The invariants whose findings carry Korean: every invariant in the registry. */
const BILINGUAL = [
  'statefulset.ordered-ready',
  'statefulset.at-most-one',
  'statefulset.stable-identity',
  'statefulset.volume-retention',
  'statefulset.partition',
  'statefulset.rollout-budget',
  'statefulset.replaces-terminal',
  'statefulset.revision-history',
  'replicaset.exact-replicas',
  'replicaset.no-overshoot',
  'replicaset.deletion-ranking',
  'daemonset.one-per-node',
  'daemonset.placement',
  'daemonset.coverage',
  'daemonset.rollout-budget',
  'daemonset.failed-pod-backoff',
  'daemonset.replaces-terminal',
  'deployment.surge-bounds',
  'deployment.availability-bounds',
  'deployment.recreate-no-overlap',
  'deployment.proportional-scaling',
  'deployment.rollback',
  'deployment.history-limit',
  'ownership.single-controller',
  'ownership.release-unmatched',
  'workload.converges',
  'workload.no-needless-writes',
  'status.consistent',
  'service.routes-ready',
  'service.endpoints-converge',
  'statefulset.stable-network-id',
];

it('every registered invariant is covered by the bilingual check', () => {
  expect([...BILINGUAL].sort()).toEqual(
    allInvariants()
      .map((i) => i.id)
      .sort(),
  );
});

const HANGUL = /[\uac00-\ud7a3]/;

/** Every kept violation of a bilingual invariant, with where it came from. */
function bilingualViolations(r: RunResult) {
  return r.invariants
    .filter((i) => BILINGUAL.includes(i.id))
    .flatMap((i) => i.violations.map((v) => ({ id: i.id, ...v })));
}

/** Every kind's convergence reason is bilingual now; kept as the one place to excuse a future kind. */
function englishOnlyReason(_id: string, _objects: readonly string[]): boolean {
  return false;
}

function expectKorean(r: RunResult, ids: string[]): void {
  const seen = bilingualViolations(r);
  for (const id of ids)
    expect(
      seen.map((v) => v.id),
      `${r.scenario.name} violates ${id}`,
    ).toContain(id);
  for (const v of seen) {
    if (englishOnlyReason(v.id, v.objects)) continue;
    expect(v.messageKo, `${v.id}: ${v.message}`).toBeTruthy();
    expect(v.messageKo!.trim()).not.toBe('');
    expect(v.messageKo, `${v.id}: ${v.messageKo}`).toMatch(HANGUL);
    // The English message is the trace line, unchanged.
    expect(
      r.events.some(
        (e) => e.kind === 'violation' && e.actor === v.id && e.step === v.step && e.text === v.message,
      ),
    ).toBe(true);
  }
}

/** Teaching scenarios whose expect.violates names a bilingual invariant. */
function teachingScenarios(): Array<{ rel: string; ids: string[] }> {
  return readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => {
      const text = readFileSync(join(ROOT, 'scenarios', f), 'utf8');
      const m = /^\s*violates:\s*\[([^\]]*)\]/m.exec(text);
      const ids = (m?.[1] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((id) => BILINGUAL.includes(id));
      return ids.length > 0 ? [{ rel: `scenarios/${f}`, ids }] : [];
    });
}

const NODES = ['node-1', 'node-2'].map((name) => ({
  name,
  labels: {},
  taints: [],
  unschedulable: false,
  podCapacity: 110,
}));

function mutantRun(
  variant: string,
  objects: ReturnType<typeof replicaSet>[],
  events: ScenarioEvent[],
): RunResult {
  return runScenario(
    scenarioOf({
      name: `messages-${variant}`,
      seed: 7,
      nodes: NODES,
      objects,
      events,
      settleMs: 120_000,
      controllers: { replicaset: variant },
    }),
  );
}

/** A small cluster for the DaemonSet mutants: plain nodes, some with taints. */
function dsNodes(n: number, taints: Record<string, NodeSpec['taints']> = {}): NodeSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `node-${i + 1}`,
    labels: {},
    taints: taints[`node-${i + 1}`] ?? [],
    unschedulable: false,
    podCapacity: 110,
  }));
}

/** A DaemonSet manifest (RollingUpdate, maxSurge 0 unless `strategy`) with Kubernetes defaults applied. */
function daemonSet(name = 'agent', strategy?: object): KObject {
  return applyDefaults({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name },
    spec: {
      ...(strategy ? { updateStrategy: strategy } : {}),
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image: `registry.local/${name}:v1` }] },
      },
    },
  });
}

function dsMutantRun(
  variant: string,
  nodes: NodeSpec[],
  events: ScenarioEvent[],
  settleMs = 120_000,
  strategy?: object,
): RunResult {
  return runScenario(
    scenarioOf({
      name: `messages-ds-${variant}`,
      seed: 7,
      nodes,
      objects: [daemonSet('agent', strategy)],
      events,
      settleMs,
      controllers: { daemonset: variant },
    }),
  );
}

const AGENT = 'daemonset/agent';
const BEHAVIOR = (b: string) => ({ metadata: { annotations: { 'kubeprop.io/behavior': b } } });

/**
 * Each DaemonSet mutant on a small scenario that shows its bug, and the bilingual invariants it
 * must then violate (with Korean messages).
 */
const DS_MUTANT_CASES: Array<{
  variant: string;
  nodes: NodeSpec[];
  events: ScenarioEvent[];
  settleMs?: number;
  strategy?: object;
  ids: string[];
}> = [
  {
    // A pod on a node whose NoExecute taint it does not tolerate: created there, and never removed.
    variant: 'ignores-taints',
    nodes: dsNodes(2, { 'node-2': [{ key: 'dedicated', value: 'ml', effect: 'NoExecute' }] }),
    events: [],
    ids: ['daemonset.placement', 'daemonset.coverage', 'workload.converges', 'status.consistent'],
  },
  {
    // Six streets built later get no light: more than five problems, so the summary says how many more.
    variant: 'initial-nodes-only',
    nodes: dsNodes(2),
    events: [3, 4, 5, 6, 7, 8].map((i) => ({ at: 20_000, do: 'add-node', node: `node-${i}` })),
    ids: ['daemonset.coverage', 'workload.converges'],
  },
  {
    variant: 'replaces-terminating',
    nodes: dsNodes(2),
    events: [{ at: 20_000, do: 'delete-pod', pod: { owner: AGENT, node: 'node-1' } }],
    ids: ['daemonset.one-per-node'],
  },
  {
    // The unreachable taint evicts the pod once the default 300 s toleration runs out.
    variant: 'no-auto-tolerations',
    nodes: dsNodes(2),
    events: [{ at: 20_000, do: 'partition-node', node: 'node-1' }],
    settleMs: 420_000,
    ids: ['daemonset.placement'],
  },
  {
    variant: 'noschedule-evicts',
    nodes: dsNodes(2),
    events: [
      {
        at: 20_000,
        do: 'taint-node',
        node: 'node-1',
        taint: { key: 'example.com/maintenance', effect: 'NoSchedule' },
      },
    ],
    ids: ['daemonset.placement'],
  },
  {
    // kubernetes#54096: the watch stalls just after the pod for the new node was created, then a restart.
    variant: 'stale-restart',
    nodes: dsNodes(2),
    events: [
      { at: 20_000, do: 'add-node', node: 'node-5' },
      { at: 20_020, do: 'delay-watch', controller: 'daemonset', for: '60s' },
      { at: 30_000, do: 'restart-controller', controller: 'daemonset' },
    ],
    ids: ['daemonset.one-per-node'],
  },
  {
    variant: 'ignores-max-unavailable',
    nodes: dsNodes(3),
    events: [{ at: 20_000, do: 'update-template', target: AGENT, image: 'registry.local/agent:v2' }],
    ids: ['daemonset.rollout-budget'],
  },
  {
    variant: 'ignores-max-surge',
    nodes: dsNodes(3),
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
    events: [{ at: 20_000, do: 'update-template', target: AGENT, image: 'registry.local/agent:v2' }],
    ids: ['daemonset.rollout-budget'],
  },
  {
    // A graceful node shutdown ends node-1's pod Succeeded (restartPolicy Always pods end so only
    // through their node); after the reboot the mutant keeps it, so the node runs nothing.
    variant: 'keeps-succeeded',
    nodes: dsNodes(2),
    events: [
      { at: 20_000, do: 'shutdown-node', node: 'node-1', phase: 'Succeeded' },
      { at: 40_000, do: 'heal-node', node: 'node-1' },
    ],
    ids: ['daemonset.replaces-terminal'],
  },
  {
    // A new template whose pods fail at once: the mutant deletes and recreates them in a hot loop.
    variant: 'no-failed-backoff',
    nodes: dsNodes(2),
    events: [{ at: 20_000, do: 'update-template', target: AGENT, patch: BEHAVIOR('fail') }],
    ids: ['daemonset.failed-pod-backoff'],
  },
];

describe('invariants: messages', () => {
  const scenarios = teachingScenarios();

  it('invariants: messages: the teaching set demonstrates ReplicaSet violations', () => {
    expect(scenarios.map((s) => s.rel)).toContain('scenarios/replicaset-mutant-no-expectations.yaml');
  });

  it.each(scenarios)(
    'invariants: messages: $rel: every violation of $ids has a Korean message',
    ({ rel, ids }) => {
      const r = runScenario(loadScenarioFile(join(ROOT, rel)));
      expectKorean(r, ids);
    },
  );

  it('invariants: messages: mutant adopts-foreign: ownership.single-controller in Korean', () => {
    const r = mutantRun('adopts-foreign', [replicaSet('frontend', 2), replicaSet('canary', 1)], []);
    expectKorean(r, ['ownership.single-controller']);
  });

  it('invariants: messages: mutant no-release: ownership.release-unmatched in Korean', () => {
    const r = mutantRun('no-release', [replicaSet('frontend', 2)], [
      {
        at: 20_000,
        do: 'relabel-pod',
        pod: { owner: 'replicaset/frontend', index: 0 },
        labels: { app: 'quarantine' },
      },
    ] as ScenarioEvent[]);
    expectKorean(r, ['ownership.release-unmatched']);
  });

  it('invariants: messages: mutant ignores-ranking: replicaset.deletion-ranking in Korean', () => {
    const r = mutantRun('ignores-ranking', [replicaSet('frontend', 3)], [
      { at: 20_000, do: 'unready-pod', pod: { owner: 'replicaset/frontend', index: 0 }, for: 60_000 },
      { at: 21_000, do: 'scale', target: 'replicaset/frontend', replicas: 1 },
    ] as ScenarioEvent[]);
    expectKorean(r, ['replicaset.deletion-ranking']);
  });

  it('invariants: messages: every DaemonSet mutant has a case', () => {
    expect(DS_MUTANT_CASES.map((c) => c.variant).sort()).toEqual(
      Object.keys(DAEMONSET_VARIANTS)
        .filter((v) => v !== 'correct')
        .sort(),
    );
  });

  it.each(DS_MUTANT_CASES)(
    'invariants: messages: DaemonSet mutant $variant: $ids in Korean',
    ({ variant, nodes, events, settleMs, strategy, ids }) => {
      const r = dsMutantRun(variant, nodes, events, settleMs, strategy);
      expectKorean(r, ids);
    },
  );

  it('invariants: messages: DaemonSet coverage past five problems says how many more, in both languages', () => {
    const c = DS_MUTANT_CASES.find((x) => x.variant === 'initial-nodes-only')!;
    const r = dsMutantRun(c.variant, c.nodes, c.events);
    const v = bilingualViolations(r).find((x) => x.id === 'daemonset.coverage')!;
    expect(v.message).toMatch(/; and 1 more$/);
    expect(v.messageKo).toMatch(/ \/ 노드 node-7에 파드가 없다 \(1개 있어야 한다\) 외 1건$/);
    // The Korean names each node with a fixed particle, never one chosen by the name's last sound.
    expect(v.messageKo).toContain('노드 node-3에 파드가 없다');
  });

  it('invariants: messages: a correct DaemonSet under the same faults: no violation, nothing to translate', () => {
    for (const c of DS_MUTANT_CASES) {
      const r = dsMutantRun('correct', c.nodes, c.events, c.settleMs, c.strategy);
      expect(bilingualViolations(r), c.variant).toEqual([]);
    }
  });

  it('invariants: messages: an orphan and a correct controller: no violation, nothing to translate', () => {
    const r = mutantRun('correct', [replicaSet('frontend', 2), orphanPod('stray')], []);
    expect(bilingualViolations(r)).toEqual([]);
  });
});
