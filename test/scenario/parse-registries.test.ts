/**
 * The parser against the real fault, invariant and controller registries (parse.test.ts uses a
 * fixed stand-in catalogue): the same fixtures give the same positions and messages.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getFault } from '../../src/chaos/registry.ts';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { loadScenarioFile, parseScenarioText } from '../../src/scenario/parse.ts';
import { BAD_CASES } from './bad-cases.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');

describe('scenario: real registries', () => {
  test('scenario: real registries: the good fixtures parse', () => {
    expect(loadScenarioFile(join(FIXTURES, 'good.yaml')).events).toHaveLength(4);
    expect(loadScenarioFile(join(FIXTURES, 'pass.yaml')).nodes).toHaveLength(3);
  });

  for (const c of BAD_CASES) {
    test(`scenario: real registries: ${c.file} → ${c.at}`, () => {
      let err: unknown;
      try {
        loadScenarioFile(join(FIXTURES, 'bad', c.file));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ScenarioError);
      const e = err as ScenarioError;
      expect(`${e.line}:${e.col}`).toBe(c.at);
      // The stand-in catalogue lists fewer variants; everything else reads the same.
      if (c.file !== 'unknown-variant.yaml') expect(e.message).toMatch(c.message);
    });
  }

  test('scenario: real registries: every fault kind of design.md §2 is accepted as `do:`', () => {
    const kinds = [
      'add-node',
      'remove-node',
      'crash-node',
      'partition-node',
      'heal-node',
      'cordon-node',
      'uncordon-node',
      'drain-node',
      'label-node',
      'taint-node',
      'untaint-node',
      'crash-pod',
      'fail-pod',
      'delete-pod',
      'unready-pod',
      'relabel-pod',
      'scale',
      'update-template',
      'delete-object',
      'delete-pvc',
      'restart-controller',
      'delay-watch',
      'fail-api',
    ];
    for (const k of kinds) expect(getFault(k), k).toBeDefined();
  });

  test('scenario: real registries: durations inside events are stored in ms', () => {
    const s = parseScenarioText(
      'apiVersion: kubeprop/v1\nkind: Scenario\nmetadata: {name: t}\nspec:\n  objects: [{apiVersion: v1, kind: Pod, metadata: {name: web-0}, spec: {containers: [{name: c, image: nginx}]}}]\n  events:\n    - {at: 1s, do: delete-pod, pod: web-0, grace: 5s}\n    - {at: 2s, do: delay-watch, for: 1m}\n',
      join(FIXTURES, 'inline.yaml'),
    );
    expect(s.events).toEqual([
      { at: 1000, do: 'delete-pod', pod: 'web-0', grace: 5000 },
      { at: 2000, do: 'delay-watch', for: 60_000 },
    ]);
  });
});
