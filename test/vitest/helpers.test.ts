/**
 * kubeprop/vitest (src/vitest): the matchers' failure messages name the invariant, list the events
 * one per line and print the replay command; chaosProperty shrinks to the event that matters.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { arbitraries, runScenario, type ScenarioEvent } from '../../src/index.ts';
import { chaosProperty, configureKubeprop, scenarioTests } from '../../src/vitest/index.ts';
import { chaosPredicate, readable } from '../../src/vitest/property.ts';

const reportDir = mkdtempSync(join(tmpdir(), 'kubeprop-vitest-'));
configureKubeprop({ reportDir });

const MUTANT = 'test/api/fixtures/nested/rs-mutant.yaml';

describe('vitest: matchers', () => {
  test('vitest: toHoldInvariant: passes for a held invariant, fails with invariant, events and replay', () => {
    const good = runScenario('test/api/fixtures/rs-pass.yaml');
    expect(good).toHoldInvariant('replicaset.exact-replicas');
    expect(good).toPassScenario();
    const bad = runScenario(MUTANT);
    let message = '';
    try {
      expect(bad).toHoldInvariant('replicaset.no-overshoot');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^replicaset\.no-overshoot violated at \d\d:\d\d\.\d{3} step \d+/);
    expect(message).toContain('in scenario api-rs-mutant (test/api/fixtures/nested/rs-mutant.yaml) seed=5');
    expect(message).toContain('events (1):\n  00:30.000 scale target=replicaset/frontend replicas=5');
    expect(message).toMatch(/replay: npx kubeprop replay \S+api-rs-mutant\.replay\.json$/);
    expect(bad).not.toHoldInvariant('replicaset.no-overshoot');
    expect(() => expect(bad).toPassScenario()).toThrow(/replicaset\.no-overshoot violated/);
  });

  test('vitest: toHoldInvariant: an unknown id is an error, a claim that did not apply is not a pass', () => {
    const good = runScenario('test/api/fixtures/rs-pass.yaml');
    expect(() => expect(good).toHoldInvariant('replicaset.exact-replica')).toThrow(/did you mean/);
    expect(() => expect(good).toHoldInvariant('statefulset.at-most-one')).toThrow(
      /does not apply|not checked/,
    );
  });
});

/** A mutant ReplicaSet scenario: a scale-up (what breaks it) among pod crashes (noise to shrink away). */
const overshootArb = fc
  .array(
    fc.oneof(
      fc.constant<ScenarioEvent>({ at: 30_000, do: 'scale', target: 'replicaset/web', replicas: 5 }),
      fc.integer({ min: 1, max: 50 }).map<ScenarioEvent>((s) => ({
        at: s * 1000,
        do: 'crash-pod',
        pod: { owner: 'replicaset/web', index: 0 },
      })),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((events) =>
    arbitraries.scenarioOf({
      name: 'overshoot',
      seed: 5,
      nodes: arbitraries.plainNodes(3),
      objects: [arbitraries.replicaSet('web', 2)],
      events: [...events].sort((a, b) => a.at - b.at),
      settleMs: 120_000,
      controllers: { replicaset: 'no-expectations' },
    }),
  );

describe('vitest: chaosProperty', () => {
  test('vitest: chaosProperty: the shrunk failure names the invariant, one event a line, and its replay', () => {
    const out = fc.check(
      fc.property(
        readable(overshootArb),
        chaosPredicate('overshoot', { invariants: ['replicaset.no-overshoot'] }),
      ),
      { seed: 42, numRuns: 50 },
    );
    expect(out.failed).toBe(true);
    const message = (out.errorInstance as Error).message;
    expect(message).toMatch(/^replicaset\.no-overshoot violated/);
    expect(message).toContain('events (1):\n  00:30.000 scale target=replicaset/web replicas=5\n');
    expect(message).toContain(
      `replay: npx kubeprop replay ${join(reportDir, 'properties', 'overshoot.replay.json')}`,
    );
    expect(fc.stringify(out.counterexample)).toContain('scenario overshoot seed=5\nevents (1):');
  });

  chaosProperty(
    'vitest: chaosProperty: the correct ReplicaSet holds under the same plans',
    overshootArb.map((s) => ({ ...s, controllers: { replicaset: 'correct' } })),
    { params: { numRuns: 5, seed: 1 } },
  );
});

describe('vitest: scenarioTests', () => {
  scenarioTests('test/api/fixtures/*.yaml');
});
