/**
 * The examples in examples/ work: the commands of the GitHub Actions matrix and of the Kubernetes
 * Indexed Job, run as written on a small campaign, write shard summaries that `kubeprop merge`
 * combines into the summary of the same campaign run unsharded (issue #17 item 2).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { parse } from 'yaml';
import { fakeRun } from '../cli/fake-run.ts';

// The GitHub Actions commands run in this process on a stand-in runner (instant, always passing):
// what is checked is that the commands, shard numbering and file names fit together.
vi.mock('../../src/cli/runner.ts', () => ({ loadRunner: async () => fakeRun }));

import { withoutWallClock } from '../../src/run/shardSummary.ts';
import { readSummaryFile } from '../../src/run/shardSummaryFile.ts';
import { cli } from '../cli/capture.ts';

const root = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'kubeprop-examples-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A shell command line as argv (the examples quote only whole words). */
const words = (line: string) =>
  line
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/^"(.*)"$/, '$1'));

interface Step {
  name?: string;
  run?: string;
}

describe('examples', () => {
  test("examples: GitHub Actions: each matrix job's chaos command, then the merge command, give the unsharded summary", async () => {
    const wf = parse(readFileSync(join(root, 'examples/github-actions/chaos-shards.yml'), 'utf8'));
    const shards: number[] = wf.jobs.shard.strategy.matrix.shard;
    const chaosLine: string = (wf.jobs.shard.steps as Step[]).find((s) => s.run?.includes('kubeprop chaos'))!
      .run!;
    const mergeLine: string = (wf.jobs.merge.steps as Step[]).find((s) => s.run?.includes('kubeprop merge'))!
      .run!;
    const out = join(tmp, 'gha');
    const argv = (line: string, shard?: number) =>
      words(
        line
          .split('||')[0]!
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow's own expression, replaced as GitHub would.
          .replace('${{ matrix.shard }}', String(shard))
          .replace('"$RUNS"', '9')
          .replace('"$SEED"', '5')
          .replace(/(^|\s)out(\/|\s|$)/g, `$1${out}$2`),
      ).slice(2); // drop `npx kubeprop`
    for (const shard of shards) {
      const r = await cli(...argv(chaosLine, shard));
      expect(r.code).toBe(0);
    }
    const m = await cli(...argv(mergeLine));
    expect(m.code).toBe(0);
    const merged = readSummaryFile(join(out, 'chaos-summary.json'));
    const whole = join(tmp, 'gha-whole.json');
    await cli('chaos', '--runs', '9', '--seed', '5', '--report', join(tmp, 'gha-whole'), '--summary', whole);
    expect(withoutWallClock(merged)).toEqual(withoutWallClock(readSummaryFile(whole)));
    expect(merged.totals.runs).toBe(9);
  });

  test("examples: Kubernetes: shard.sh for each JOB_COMPLETION_INDEX, run again as after an eviction, then the merge Job's args", async () => {
    const job = parse(
      readFileSync(join(root, 'examples/kubernetes/chaos-job.yaml'), 'utf8').split(/^---$/m)[1]!,
    );
    const env = Object.fromEntries(
      (job.spec.template.spec.containers[0].env as Array<{ name: string; value: string }>).map((e) => [
        e.name,
        e.value,
      ]),
    );
    expect(Number(env.SHARDS)).toBe(job.spec.completions);
    const results = join(tmp, 'k8s');
    const shard = (index: number) =>
      execFileSync('sh', [join(root, 'examples/kubernetes/shard.sh')], {
        env: {
          ...process.env,
          JOB_COMPLETION_INDEX: String(index),
          SHARDS: '2',
          RUNS: '4',
          SEED: '3',
          DURATION: env.DURATION,
          WORKERS: '1',
          RESULTS: results,
          KUBEPROP: `${process.execPath} ${join(root, 'bin/kubeprop.js')}`,
        },
        encoding: 'utf8',
      });
    expect(shard(0)).toContain('shard=0/2');
    expect(shard(1)).toContain('shard=1/2');
    // The index started again finds its summary and resumes: nothing is left, nothing runs twice.
    expect(shard(1)).toMatch(/^runs {8}2$/m);
    const mergeJob = parse(readFileSync(join(root, 'examples/kubernetes/merge-job.yaml'), 'utf8'));
    const args: string[] = mergeJob.spec.template.spec.containers[0].args;
    const m = await cli(...args.map((a) => a.replace('/results', results)));
    expect(m.code).toBe(0);
    const merged = readSummaryFile(join(results, 'chaos-summary.json'));
    expect(merged.complete).toBe(true);
    expect(merged.totals.runs).toBe(4);
    expect(merged.campaign).toEqual({
      seed: 3,
      // --controller all: every campaign controller (Deployment joined in cd01a86).
      controllers: ['replicaset', 'daemonset', 'statefulset', 'deployment'],
      runs: 4,
      shrinkRuns: 200,
    });
  });
});
