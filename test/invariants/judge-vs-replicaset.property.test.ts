/**
 * The judge (invariants/semantics/replicaset.ts) and the accused (controllers/replicaset/ranking.ts)
 * state Kubernetes' victim order separately. On generated pairs of pods, the pod the controller
 * deletes first must be one the judge allows first; a disagreement names both answers. The same
 * property fails for every rung mutant, so it can tell them apart from the real thing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { podsToDelete } from '../../src/controllers/replicaset/ranking.ts';
import type { RankingMode } from '../../src/controllers/replicaset/variants.ts';
import { lessWithUid, rankFacts, victimOrder } from '../../src/invariants/semantics/replicaset.ts';
import { formatTimestamp } from '../../src/model/time.ts';
import type { KObject } from '../../src/model/types.ts';

const NOW_MS = 6 * 3_600_000;
const SEED = 20_261_206;

const podArb = fc.record({
  node: fc.constantFrom('', 'node-1', 'node-1', 'node-2'),
  phase: fc.constantFrom('Pending', 'Unknown', 'Running', 'Running'),
  ready: fc.boolean(),
  // Seconds before now: equal values are common (timestamps have second precision).
  readyAgoS: fc.option(fc.constantFrom(1, 5, 30, 31, 600, 700, 3600), { nil: undefined }),
  cost: fc.option(fc.constantFrom('-5', '0', '3', '10', 'x'), { nil: undefined }),
  restarts: fc.constantFrom(0, 0, 1, 4),
  createdAgoS: fc.constantFrom(10, 12, 100, 3000, 5000),
  uid: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
});

type PodShape = typeof podArb extends fc.Arbitrary<infer T> ? T : never;

function pod(s: PodShape, i: number): KObject {
  const conditions =
    s.readyAgoS === undefined && !s.ready
      ? []
      : [
          {
            type: 'Ready',
            status: s.ready ? 'True' : 'False',
            lastTransitionTime: formatTimestamp(NOW_MS - (s.readyAgoS ?? 0) * 1000),
          },
        ];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `p${i}`,
      namespace: 'default',
      uid: `${s.uid}-${i}`,
      generation: 1,
      resourceVersion: '1',
      creationTimestamp: formatTimestamp(NOW_MS - s.createdAgoS * 1000),
      ...(s.cost === undefined
        ? {}
        : { annotations: { 'controller.kubernetes.io/pod-deletion-cost': s.cost } }),
    },
    spec: s.node ? { nodeName: s.node } : {},
    status: { phase: s.phase, conditions, containerStatuses: [{ restartCount: s.restarts }] },
  } as KObject;
}

/** Null when the controller's first victim of `a, b` (among `others`) is one the judge allows. */
function disagreement(shapes: PodShape[], mode: RankingMode): string | null {
  const pods = shapes.map(pod);
  const [a, b] = pods as [KObject, KObject];
  const first = podsToDelete([a, b], pods, 1, NOW_MS, mode)[0]!;
  const [fa, fb] = rankFacts([a, b], pods) as [
    ReturnType<typeof rankFacts>[0],
    ReturnType<typeof rankFacts>[0],
  ];
  const judged = lessWithUid(fa, fb, NOW_MS) ? 'p0' : lessWithUid(fb, fa, NOW_MS) ? 'p1' : 'either';
  if (judged === 'either' || judged === first.metadata.name) return null;
  return `controller deletes ${first.metadata.name} first, judge says ${judged} (${victimOrder(fa, fb, NOW_MS)}): ${JSON.stringify(shapes)}`;
}

const pairArb = fc.array(podArb, { minLength: 2, maxLength: 5 });

describe('judge vs ReplicaSet ranking', () => {
  it(`judge vs ReplicaSet: the correct ranking deletes first what the judge ranks first (seed=${SEED})`, () => {
    fc.assert(
      fc.property(pairArb, (shapes) => {
        const d = disagreement(shapes, 'kubernetes');
        if (d) throw new Error(d);
      }),
      { numRuns: 3000, seed: SEED },
    );
  });

  it.each<RankingMode>(['ignores-deletion-cost', 'ignores-colocation', 'ignores-restarts', 'older-first'])(
    'judge vs ReplicaSet: mutant %s disagrees with the judge',
    (mode) => {
      const out = fc.check(
        fc.property(pairArb, (shapes) => disagreement(shapes, mode) === null),
        { numRuns: 3000, seed: SEED },
      );
      expect(out.failed, `mutant ${mode} agreed with the judge on 3000 pairs`).toBe(true);
    },
  );
});
