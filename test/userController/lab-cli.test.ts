import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const kubeprop = (...args: string[]) =>
  spawnSync('node', ['bin/kubeprop.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, KUBEPROP_RUN_FROM: 'src' },
  });

describe('kubeprop lab', () => {
  it('grades the naive ReplicaSet: the violated invariant, why, the shrunk events and the report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeprop-lab-'));
    const r = kubeprop('lab', 'replicaset', 'labs/replicaset/solution-naive.ts', '--report-dir', dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/replicaset\.(no-overshoot|exact-replicas) violated/);
    expect(r.stdout).toMatch(/why it matters: /);
    const events = r.stdout.split('\n').filter((l) => /^ {4}at /.test(l));
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThanOrEqual(4);
    expect(r.stdout).toContain(`report: ${dir}`);
  }, 60_000);

  it('refuses a file that is not a controller in one line, exit 2', () => {
    const r = kubeprop('lab', 'replicaset', 'no-such-file.ts');
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('kubeprop lab: no-such-file.ts: no such file');
  }, 60_000);
});
