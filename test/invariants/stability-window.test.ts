/**
 * workload.converges compares what a workload runs at the end of settle with what it runs after
 * the stability window. The DaemonSet fingerprint leaves out, for a while, nodes whose pod failed
 * lately (their replacement waits for the failed-pod back-off): when that while ends in a quiet
 * window the node's pod joins the fingerprint, and that was taken for a replacement. A replacement
 * removes a pod; a pod that only joins is not one. Found by chaos --seed 11 (daemonset runs 4, 5,
 * 38, 153 and 13 more, all with kubelet admission rejections or pods ending on their own).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const fixture = (name: string): Scenario =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as Scenario;

describe('workload.converges: stability window', () => {
  for (const run of ['153', '4']) {
    it(`workload.converges: chaos --seed 11 daemonset run ${run}: a node back from its failed-pod back-off is not a replacement`, () => {
      const r = runScenario(fixture(`stability-daemonset-${run}`), { keepTrace: false });
      const converges = r.invariants.find((i) => i.id === 'workload.converges');
      expect(converges?.violations.map((v) => v.message)).toEqual([]);
    });
  }
});
