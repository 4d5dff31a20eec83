/**
 * `kubeprop campaign` ends with one summary whose counts give its exit code (issue #10: a failing
 * scenario once left "violations 0" as the last word of a campaign that exited 1). Fake runner:
 * a scenario running the no-expectations mutant fails, everything else passes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { fakeRun } from './fake-run.ts';

vi.mock('../../src/cli/runner.ts', () => ({ loadRunner: async () => fakeRun }));

import { cli } from './capture.ts';

const tmp = mkdtempSync(join(tmpdir(), 'kubeprop-campaign-'));
const cwd = process.cwd();
afterAll(() => {
  process.chdir(cwd);
  rmSync(tmp, { recursive: true, force: true });
});

const scenario = (name: string, controllers: string) => `apiVersion: kubeprop/v1
kind: Scenario
metadata: {name: ${name}}
spec:
  cluster: {nodes: [{count: 1}]}
  objects:
    - {apiVersion: apps/v1, kind: ReplicaSet, metadata: {name: web}, spec: {replicas: 1, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: nginx}]}}}}
  controllers: ${controllers}
`;

describe('cli: campaign summary', () => {
  test('cli: campaign: a failed scenario and passing chaos runs end with one summary that says exit 1', async () => {
    mkdirSync(join(tmp, 'scenarios'));
    writeFileSync(
      join(tmp, 'scenarios', 'a-fails.yaml'),
      scenario('a-fails', '{replicaset: no-expectations}'),
    );
    writeFileSync(join(tmp, 'scenarios', 'b-passes.yaml'), scenario('b-passes', '{}'));
    process.chdir(tmp);
    const r = await cli('campaign', '--runs', '2', '--report', join(tmp, 'reports'));
    expect(r.code).toBe(1);
    const tail = r.stdout.slice(r.stdout.indexOf('\ncampaign summary\n')).trim().split('\n');
    expect(tail).toEqual([
      'campaign summary',
      '  scenarios   2 runs: 1 passed, 1 failed, 0 errors',
      '  chaos       2 runs: 2 passed, 0 violations, 0 errors',
      '  total       4 runs: 3 passed, 1 failed, 0 errors',
      '  failed scenarios: a-fails',
      expect.stringMatching(/^ {2}chaos slowest run: chaos-\w+-\d {2}seed=\d+ {2}\(.* ms\)$/),
      'exit 1: 1 failed',
    ]);
    // The chaos-only table is not printed on its own any more.
    expect(r.stdout).not.toMatch(/^violations {2}0$/m);
  });
});
