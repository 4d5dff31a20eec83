/**
 * Invariants: every violation of a claim with Korean messages says what the checker saw in Korean
 * too (invariants/types.ts, Finding), while the English message and the trace line stay as they
 * were. Runs the teaching scenarios that demonstrate those violations, and small hand-made
 * scenarios for the ReplicaSet mutants the teaching set does not show.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orphanPod, replicaSet, scenarioOf } from '../../properties/arbitraries.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import type { RunResult } from '../../src/run/types.ts';
import { loadScenarioFile } from '../../src/scenario/parse.ts';
import type { ScenarioEvent } from '../../src/scenario/types.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The invariants whose findings carry Korean (src/invariants/ files other than statefulset-*, daemonset-*). */
const BILINGUAL = [
  'replicaset.exact-replicas',
  'replicaset.no-overshoot',
  'replicaset.deletion-ranking',
  'ownership.single-controller',
  'ownership.release-unmatched',
  'workload.converges',
  'status.consistent',
];

const HANGUL = /[\uac00-\ud7a3]/;

/** Every kept violation of a bilingual invariant, with where it came from. */
function bilingualViolations(r: RunResult) {
  return r.invariants
    .filter((i) => BILINGUAL.includes(i.id))
    .flatMap((i) => i.violations.map((v) => ({ id: i.id, ...v })));
}

/** workload.converges of a kind whose reason is still English-only has no Korean yet, by design. */
function englishOnlyReason(id: string, objects: string[]): boolean {
  return id === 'workload.converges' && !objects.some((o) => o.startsWith('replicaset/'));
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

  it('invariants: messages: an orphan and a correct controller: no violation, nothing to translate', () => {
    const r = mutantRun('correct', [replicaSet('frontend', 2), orphanPod('stray')], []);
    expect(bilingualViolations(r)).toEqual([]);
  });
});
