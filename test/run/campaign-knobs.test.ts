/**
 * The campaign draws the knobs real manifests set and the episodes real clusters see (issue #11:
 * deletion costs, orphan deletes racing adoption, minReadySeconds, restart counts before a
 * scale-down, short revision histories, a pod deleted on a node that went away), and those draws
 * are what lets a plain campaign catch the mutants hiding behind them: each mutant below fails a
 * run of campaign seed 1 that the correct controller passes.
 */
import { describe, expect, test } from 'vitest';
import { getFault } from '../../src/chaos/registry.ts';
import { validateEvent } from '../../src/chaos/validate.ts';
import type { KObject } from '../../src/model/types.ts';
import { type CampaignController, generateScenario } from '../../src/run/campaign.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import { validateManifest } from '../../src/scenario/manifests.ts';
import type { Scenario, ScenarioEvent } from '../../src/scenario/types.ts';

const RUNS = 300;
const scenarios = (c: CampaignController, seed = 1) =>
  Array.from({ length: RUNS }, (_, i) => generateScenario(c, seed, i));
const count = (ss: Scenario[], p: (s: Scenario) => boolean) => ss.filter(p).length;
const cost = (o: KObject) => o.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'];

/** A crash-pod of the workload followed within 8 s by its scale-down. */
function stormBeforeScale(events: readonly ScenarioEvent[]): boolean {
  return events.some(
    (e, i) =>
      e.do === 'crash-pod' &&
      events.slice(i + 1).some((s) => s.do === 'scale' && s.at - e.at <= 8_500 && s.at >= e.at),
  );
}

describe('campaign: knobs and episodes are drawn', () => {
  const rs = scenarios('replicaset');
  const sts = scenarios('statefulset');

  test('campaign: orphan pods with a pod-deletion-cost are adopted by ReplicaSets', () => {
    expect(
      count(rs, (s) => s.objects.some((o) => o.kind === 'Pod' && cost(o) !== undefined)),
    ).toBeGreaterThan(30);
  });

  test('campaign: minReadySeconds, Orphan deletes, manual pods and restart storms occur', () => {
    expect(count(rs, (s) => s.objects.some((o) => (o.spec?.minReadySeconds ?? 0) > 0))).toBeGreaterThan(50);
    const orphanDeletes = count(rs, (s) =>
      s.events.some((e) => e.do === 'delete-object' && e.propagation === 'Orphan'),
    );
    expect(orphanDeletes).toBeGreaterThan(10);
    expect(count(rs, (s) => stormBeforeScale(s.events))).toBeGreaterThan(50);
  });

  test('campaign: Deployments are deleted and re-created under the same name, orphaning or not', () => {
    const recreated = (propagation: string) =>
      count(scenarios('deployment'), (s) =>
        s.events.some(
          (e, i) =>
            e.do === 'delete-object' &&
            e.target === 'deployment/web' &&
            e.propagation === propagation &&
            s.events
              .slice(i + 1)
              .some(
                (c) =>
                  c.do === 'create-object' &&
                  (c.object as KObject).kind === 'Deployment' &&
                  c.at - e.at <= 3_000,
              ),
        ),
      );
    expect(recreated('Orphan')).toBeGreaterThan(15);
    expect(recreated('Background')).toBeGreaterThan(15);
  });

  test('campaign: manual pods created by chaos are valid create-object events', () => {
    const creates = rs.flatMap((s) =>
      s.events.filter((e) => e.do === 'create-object' && (e.object as KObject).kind === 'Pod'),
    );
    expect(creates.length).toBeGreaterThan(5);
    // What the parser checks of a create-object event: its declared fields, then its manifest as
    // one under spec.objects (src/scenario/parse-events.ts).
    const def = getFault('create-object')!;
    for (const ev of creates) {
      const { at, do: _do, ...fields } = ev;
      expect(validateEvent(def, at, fields)).toEqual({ ok: true, event: ev });
      expect(validateManifest((ev as { object: unknown }).object, { path: 'the event' })).toBeNull();
    }
  });

  test('campaign: StatefulSets draw revisionHistoryLimit 0-2 and stranded pods are deleted', () => {
    const limits = sts.map((s) => s.objects.at(-1)!.spec?.revisionHistoryLimit as number);
    expect(limits.filter((l) => l <= 2).length).toBeGreaterThan(60);
    const stranded = count(sts, (s) =>
      s.events.some((e) => e.do === 'delete-pod' && typeof (e.pod as { node?: string }).node === 'string'),
    );
    expect(stranded).toBeGreaterThan(20);
  });
});

/** The first of the campaign's runs the mutant fails, or -1. */
function firstFailure(c: CampaignController, mutant: string, limit: number): number {
  for (let i = 0; i < limit; i++) {
    const s = generateScenario(c, 1, i);
    const r = runScenario({ ...s, controllers: { [c]: mutant } }, { keepTrace: false });
    if (r.outcome !== 'pass') return i;
  }
  return -1;
}

describe('campaign: the drawn classes catch their mutants (campaign seed 1)', () => {
  test.each<[CampaignController, string, number]>([
    ['replicaset', 'ignores-deletion-cost', 60],
    ['replicaset', 'ignores-restarts', 100],
    ['replicaset', 'no-adopt-recheck', 100],
    ['replicaset', 'stale-available', 300],
    ['statefulset', 'prunes-live-revisions', 200],
    ['statefulset', 'replace-terminating', 40],
  ])('campaign: %s/%s fails within %i runs; the correct controller passes that run', (c, mutant, limit) => {
    const i = firstFailure(c, mutant, limit);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(runScenario(generateScenario(c, 1, i), { keepTrace: false }).outcome).toBe('pass');
  });
});
