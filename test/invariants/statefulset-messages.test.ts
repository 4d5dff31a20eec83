/**
 * Invariants: the StatefulSet findings in Korean (invariants/types.ts, Finding). Every violation of
 * a statefulset.* claim, and workload.converges about a StatefulSet (its notConverged returns
 * `{ en, ko }`), carries a Hangul `messageKo` that attaches no sound-dependent particle to a name or
 * number, while the English message and the trace line stay as they were. Runs the teaching
 * scenario that demonstrates a StatefulSet violation and one small scenario per mutant of
 * src/controllers/statefulset/variants.ts; the correct controller under the same faults gives none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainNodes, scenarioOf } from '../../properties/arbitraries.ts';
import { type SetShape, statefulSet } from '../../properties/statefulset.arbitraries.ts';
import { STATEFULSET_VARIANTS } from '../../src/controllers/statefulset/variants.ts';
import { identityProblem } from '../../src/invariants/statefulset-stable-identity.ts';
import type { KObject } from '../../src/model/types.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import type { RunResult } from '../../src/run/types.ts';
import { loadScenarioFile } from '../../src/scenario/parse.ts';
import type { ScenarioEvent } from '../../src/scenario/types.ts';

const ROOT = resolve(import.meta.dirname, '../..');

const STS_IDS = [
  'statefulset.ordered-ready',
  'statefulset.at-most-one',
  'statefulset.stable-identity',
  'statefulset.volume-retention',
  'statefulset.partition',
  'statefulset.rollout-budget',
  'statefulset.replaces-terminal',
  'statefulset.revision-history',
];

/** Claims about any workload, kept when they are about a StatefulSet. */
const WORKLOAD_IDS = ['workload.converges', 'status.consistent'];

const HANGUL = /[\uac00-\ud7a3]/;

/**
 * A name or number (an ASCII token with a digit or a hyphen: web-1, data-web-1, node-2, 3) followed
 * at once by a particle whose form depends on its last sound: the Finding TSDoc's particle rule.
 */
const NAME_PARTICLE = /[\w./=-]*[\d-][\w./=-]*(?:으로|을|를|이(?![다었])|가|은|는|와|과|로|였)/;

/** Every kept violation of a StatefulSet claim, or of workload.converges about a StatefulSet. */
function stsViolations(r: RunResult) {
  return r.invariants
    .filter((i) => STS_IDS.includes(i.id) || WORKLOAD_IDS.includes(i.id))
    .flatMap((i) => i.violations.map((v) => ({ id: i.id, ...v })))
    .filter((v) => !WORKLOAD_IDS.includes(v.id) || v.objects.some((o) => o.startsWith('statefulset/')));
}

function expectKoreanText(ko: string | undefined, context: string): void {
  expect(ko, context).toBeTruthy();
  expect(ko!.trim(), context).not.toBe('');
  expect(ko, context).toMatch(HANGUL);
  expect(ko, `${context}: a particle attached to a name or number`).not.toMatch(NAME_PARTICLE);
  expect(ko!.endsWith('.'), `${context}: the report adds the full stop`).toBe(false);
}

function expectKorean(r: RunResult, ids: string[]): void {
  const seen = stsViolations(r);
  for (const id of ids)
    expect(
      seen.map((v) => v.id),
      `${r.scenario.name} violates ${id}`,
    ).toContain(id);
  for (const v of seen) {
    expectKoreanText(v.messageKo, `${v.id}: ${v.message}`);
    // The English message is the trace line, unchanged.
    expect(
      r.events.some(
        (e) => e.kind === 'violation' && e.actor === v.id && e.step === v.step && e.text === v.message,
      ),
    ).toBe(true);
  }
}

/** Teaching scenarios whose expect.violates names a StatefulSet claim. */
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
        .filter((id) => STS_IDS.includes(id));
      return ids.length > 0 ? [{ rel: `scenarios/${f}`, ids }] : [];
    });
}

const BASE: SetShape = {
  replicas: 3,
  policy: 'OrderedReady',
  whenDeleted: 'Retain',
  whenScaled: 'Retain',
  partition: 0,
  start: 0,
  onDelete: false,
  templates: 1,
};

function stsRun(variant: string, shape: Partial<SetShape>, events: ScenarioEvent[]): RunResult {
  return runScenario(
    scenarioOf({
      name: `messages-sts-${variant}`,
      seed: 7,
      nodes: plainNodes(3),
      objects: [statefulSet({ ...BASE, ...shape })],
      events,
      settleMs: 180_000,
      controllers: { statefulset: variant },
    }),
  );
}

const WEB = 'statefulset/web';

/** Each StatefulSet mutant on a small scenario that shows its bug, and the claims it must break. */
interface MutantCase {
  variant: string;
  shape: Partial<SetShape>;
  events: ScenarioEvent[];
  ids: string[];
}

const STS_MUTANT_CASES = [
  { variant: 'ordered-as-parallel', shape: {}, events: [], ids: ['statefulset.ordered-ready'] },
  {
    variant: 'scale-down-lowest-first',
    shape: {},
    events: [{ at: 60_000, do: 'scale', target: WEB, replicas: 1 }],
    ids: ['statefulset.ordered-ready'],
  },
  {
    variant: 'pvc-deleted-with-pod',
    shape: { replicas: 2 },
    events: [{ at: 60_000, do: 'delete-pod', pod: 'web-1' }],
    ids: ['statefulset.volume-retention'],
  },
  {
    variant: 'fresh-pvc-on-recreate',
    shape: { replicas: 2 },
    events: [{ at: 60_000, do: 'delete-pod', pod: 'web-1' }],
    ids: ['statefulset.volume-retention'],
  },
  {
    // The pod on the cut-off node is force-deleted and replaced while it still runs there.
    variant: 'replace-terminating',
    shape: { replicas: 2 },
    events: [
      { at: 60_000, do: 'partition-node', node: 'node-2' },
      { at: 720_000, do: 'heal-node', node: 'node-2' },
    ],
    ids: ['statefulset.at-most-one'],
  },
  {
    // web-2 stays unready, so the mutant never restores the deleted web-0 (kubernetes#38418).
    variant: 'wait-for-successors',
    shape: {},
    events: [
      { at: 60_000, do: 'unready-pod', pod: 'web-2', for: '40m' },
      { at: 70_000, do: 'delete-pod', pod: 'web-0' },
    ],
    ids: ['workload.converges'],
  },
  {
    // start 3, partition 2: web-3 and web-4 must keep the current revision (kubernetes#128529).
    variant: 'partition-from-zero',
    shape: { start: 3, partition: 2 },
    events: [{ at: 60_000, do: 'update-template', target: WEB, image: 'registry.local/db:v2' }],
    ids: ['statefulset.partition'],
  },
  {
    // Parallel: the mutant deletes web-1 while the new web-2 is not yet Running and Ready.
    variant: 'ignores-unhealthy-rollout',
    shape: { policy: 'Parallel' },
    events: [{ at: 60_000, do: 'update-template', target: WEB, image: 'registry.local/db:v2' }],
    ids: ['statefulset.rollout-budget'],
  },
  {
    // Graceful shutdowns end the pods Succeeded (restartPolicy Always pods end so only through
    // their node); after the reboot the mutant keeps them.
    variant: 'keeps-succeeded',
    shape: { replicas: 2 },
    events: ['node-1', 'node-2', 'node-3'].flatMap((node) => [
      { at: 60_000, do: 'shutdown-node', node, phase: 'Succeeded' },
      { at: 90_000, do: 'heal-node', node },
    ]),
    ids: ['statefulset.replaces-terminal'],
  },
  {
    // minReadySeconds 10: nothing looks again once web-0 is available, so web-1 never comes.
    variant: 'stale-available',
    shape: { minReadySeconds: 10 },
    events: [],
    ids: ['workload.converges'],
  },
  {
    // data-web-1 is deleted (kept by pvc-protection while web-1 exists), then web-1: the mutant
    // recreates web-1 on the claim being deleted.
    variant: 'ignores-terminating-claim',
    shape: { replicas: 2 },
    events: [
      { at: 60_000, do: 'delete-pvc', pvc: 'data-web-1' },
      { at: 61_000, do: 'delete-pod', pod: 'web-1' },
    ],
    ids: ['statefulset.volume-retention'],
  },
  {
    // The rollout finishes, but status.currentRevision stays at the old revision.
    variant: 'never-completes-rollout',
    shape: {},
    events: [{ at: 60_000, do: 'update-template', target: WEB, image: 'registry.local/db:v2' }],
    ids: ['status.consistent'],
  },
  {
    // OnDelete, no history kept: web-2 is recreated at v2, then v3 comes; v2 is pruned under web-2.
    variant: 'prunes-live-revisions',
    shape: { onDelete: true, revisionHistoryLimit: 0 },
    events: [
      { at: 60_000, do: 'update-template', target: WEB, image: 'registry.local/db:v2' },
      { at: 70_000, do: 'delete-pod', pod: 'web-2' },
      { at: 120_000, do: 'update-template', target: WEB, image: 'registry.local/db:v3' },
    ],
    ids: ['statefulset.revision-history'],
  },
] as MutantCase[];

/** A StatefulSet pod `web-1` as the controller makes it, to break one identity field at a time. */
function webPod(patch: (p: KObject) => void): KObject {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-1',
      namespace: 'default',
      uid: 'u-web-1',
      labels: {
        app: 'web',
        'statefulset.kubernetes.io/pod-name': 'web-1',
        'apps.kubernetes.io/pod-index': '1',
      },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'u-web', controller: true },
      ],
    },
    spec: {
      hostname: 'web-1',
      subdomain: 'web',
      containers: [{ name: 'app', image: 'registry.local/db:v1' }],
    },
  } as unknown as KObject;
  patch(pod);
  return pod;
}

describe('invariants: StatefulSet messages', () => {
  const scenarios = teachingScenarios();

  it('invariants: StatefulSet messages: the teaching set demonstrates a StatefulSet violation', () => {
    expect(scenarios.map((s) => s.rel)).toContain('scenarios/statefulset-mutant-second-copy.yaml');
  });

  it.each(scenarios)(
    'invariants: StatefulSet messages: $rel: every violation of $ids has a Korean message',
    ({ rel, ids }) => {
      const r = runScenario(loadScenarioFile(join(ROOT, rel)));
      expectKorean(r, ids);
    },
  );

  it('invariants: StatefulSet messages: the particle check tells a fixed particle from one chosen by a name', () => {
    for (const bad of ['web-1를 지웠다', 'node-2이 아니라', 'slot 3은', 'data-web-1로'])
      expect(bad).toMatch(NAME_PARTICLE);
    for (const ok of ['web-1 파드를 지웠다', 'spec.replicas=2이다', 'slot=1에 해당하여', '스테이트풀셋이'])
      expect(ok).not.toMatch(NAME_PARTICLE);
  });

  it('invariants: StatefulSet messages: every StatefulSet mutant has a case', () => {
    expect(STS_MUTANT_CASES.map((c) => c.variant).sort()).toEqual(
      Object.keys(STATEFULSET_VARIANTS)
        .filter((v) => v !== 'correct')
        .sort(),
    );
  });

  it.each(STS_MUTANT_CASES)(
    'invariants: StatefulSet messages: mutant $variant: $ids in Korean',
    ({ variant, shape, events, ids }) => {
      expectKorean(stsRun(variant, shape, events), ids);
    },
  );

  it('invariants: StatefulSet messages: a correct StatefulSet under the same faults: no violation, nothing to translate', () => {
    for (const c of STS_MUTANT_CASES)
      expect(stsViolations(stsRun('correct', c.shape, c.events)), c.variant).toEqual([]);
  });

  it('invariants: StatefulSet messages: the Korean says what the English says, with the same names and numbers', () => {
    const partition = STS_MUTANT_CASES.find((c) => c.variant === 'partition-from-zero')!;
    const p = stsViolations(stsRun(partition.variant, partition.shape, partition.events)).find(
      (v) => v.id === 'statefulset.partition' && v.message.startsWith('deleted '),
    )!;
    const slot = /slot (\d+)/.exec(p.message)![1];
    expect(p.messageKo).toContain(`ordinals.start=3부터 세면 slot=${slot}에 해당하여 partition=2보다 아래`);

    const second = STS_MUTANT_CASES.find((c) => c.variant === 'replace-terminating')!;
    const copy = stsViolations(stsRun(second.variant, second.shape, second.events)).find(
      (v) => v.id === 'statefulset.at-most-one',
    )!;
    const [, n, name, a, b] = /^(\d+) copies of (\S+) are running at once, on (\S+) and (\S+)$/.exec(
      copy.message,
    )!;
    expect(copy.messageKo).toContain(`${name} 파드가 ${n}개 동시에 실행되고 있다 (노드 ${a}, ${b})`);

    const wait = STS_MUTANT_CASES.find((c) => c.variant === 'wait-for-successors')!;
    const conv = stsViolations(stsRun(wait.variant, wait.shape, wait.events)).find(
      (v) => v.id === 'workload.converges',
    )!;
    expect(conv.message).toContain('web-0 is missing');
    expect(conv.messageKo).toContain('web-0 파드가 없다');
  });

  it('invariants: StatefulSet messages: every identity problem has a Korean reason', () => {
    const set = statefulSet(BASE);
    const broken: Array<(p: KObject) => void> = [
      (p) => {
        p.metadata.name = 'db-1';
      },
      (p) => {
        delete p.metadata.labels!['statefulset.kubernetes.io/pod-name'];
      },
      (p) => {
        p.metadata.labels!['statefulset.kubernetes.io/pod-name'] = 'web-7';
      },
      (p) => {
        delete p.metadata.labels!['apps.kubernetes.io/pod-index'];
      },
      (p) => {
        p.metadata.labels!['apps.kubernetes.io/pod-index'] = '2';
      },
      (p) => {
        delete p.spec!.hostname;
      },
      (p) => {
        p.spec!.hostname = 'web-2';
      },
      (p) => {
        delete p.spec!.subdomain;
      },
      (p) => {
        p.spec!.subdomain = 'db';
      },
    ];
    expect(
      identityProblem(
        webPod(() => {}),
        set,
      ),
    ).toBeNull();
    const reasons = broken.map((b) => identityProblem(webPod(b), set)!);
    for (const r of reasons) {
      expect(r.en).toBeTruthy();
      expectKoreanText(r.ko, r.en);
    }
    // English as it always was (trace lines and digests are made of it).
    expect(reasons.map((r) => r.en)).toEqual([
      'its name is not web-<ordinal>',
      'label statefulset.kubernetes.io/pod-name is missing',
      'label statefulset.kubernetes.io/pod-name is web-7',
      'label apps.kubernetes.io/pod-index is missing, not 1',
      'label apps.kubernetes.io/pod-index is 2, not 1',
      'hostname is unset',
      'hostname is web-2',
      'subdomain is unset, so its DNS name is not web-1.web.default.svc.cluster.local',
      'subdomain is db, so its DNS name is not web-1.web.default.svc.cluster.local',
    ]);
    expect(reasons[4]!.ko).toContain('(레이블: 2, 서수: 1)');
    expect(reasons[8]!.ko).toContain('web-1.web.default.svc.cluster.local 이름으로');
  });
});
