/**
 * The consumer test (issue #14): kubeprop as a platform team gets it. `npm pack` (which builds
 * dist/), install the tarball into a fresh project with its own vitest and TypeScript, type-check
 * a test that imports `kubeprop` and `kubeprop/vitest` under `strict` (no skipLibCheck: kubeprop's
 * .d.ts are checked too), run it, read a failing test's message, and run `npx kubeprop` there.
 *
 * Minutes, not seconds, so it is not part of `npm test`: `npm run test:consumer` (.ci/run runs it).
 * The project's files are test/consumer/project/*.tmpl (kept from the repository's own vitest and tsc).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const TEMPLATE = join(ROOT, 'test/consumer/project');
const work = mkdtempSync(join(tmpdir(), 'kubeprop-consumer-'));
const project = join(work, 'project');

interface Ran {
  status: number | null;
  out: string;
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Ran {
  const r = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function copyProject(tarball: string): void {
  mkdirSync(join(project, 'scenarios'), { recursive: true });
  for (const f of readdirSync(TEMPLATE)) {
    if (!f.endsWith('.tmpl')) continue;
    const text = readFileSync(join(TEMPLATE, f), 'utf8').replace('KUBEPROP_TARBALL', tarball);
    writeFileSync(join(project, f.slice(0, -'.tmpl'.length)), text);
  }
  for (const f of readdirSync(join(TEMPLATE, 'scenarios')))
    copyFileSync(join(TEMPLATE, 'scenarios', f), join(project, 'scenarios', f));
}

let tarball = '';

beforeAll(() => {
  // `npm pack` runs `prepare`, which builds dist/ (JavaScript, .d.ts, source maps).
  execFileSync('npm', ['pack', '--pack-destination', work, '--loglevel=error'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  copyProject(tarball);
  const install = run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    project,
  );
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.out}`);
}, 600_000);

// KUBEPROP_KEEP_CONSUMER=1 keeps the project (its path is in the temporary folder) to look into.
afterAll(() => {
  if (!process.env.KUBEPROP_KEEP_CONSUMER) rmSync(work, { recursive: true, force: true });
});

describe('consumer: kubeprop installed from its tarball', () => {
  test('consumer: the tarball holds the build and docs, no tests, benchmarks, CI or reports', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/vitest.js');
    expect(files).toContain('package/dist/cli.js');
    expect(files).toContain('package/dist/types/src/index.d.ts');
    expect(files).toContain('package/schema/scenario.schema.json');
    expect(files).toContain('package/bin/kubeprop.js');
    const unwanted = files.filter((f) =>
      /^package\/(src|test|bench|properties|reports|scripts|\.ci|node_modules)\//.test(f),
    );
    expect(unwanted).toEqual([]);
  });

  test('consumer: tsc --strict type-checks a test importing kubeprop and kubeprop/vitest', () => {
    const tsc = run('npx', ['tsc', '-p', '.'], project);
    expect(tsc.out).toBe('');
    expect(tsc.status).toBe(0);
  });

  test('consumer: its vitest runs scenarioTests, the matchers and a chaos property', () => {
    const r = run('npx', ['vitest', 'run', '--reporter=verbose'], project);
    expect(r.out).toContain('scenario: scenarios/web.yaml');
    expect(r.out).toContain('consumer: the ReplicaSet controller under random faults');
    expect(r.status, r.out).toBe(0);
  });

  test('consumer: a broken claim names the invariant, lists the events and prints the replay command', () => {
    const r = run('npx', ['vitest', 'run'], project, { CONSUMER_FAILING: '1' });
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/replicaset\.no-overshoot violated at \d\d:\d\d\.\d{3} step \d+/);
    expect(r.out).toContain('events (1):');
    expect(r.out).toContain('00:20.000 crash-pod pod={"owner":"replicaset/web","index":0}');
    const replay = /replay: (npx kubeprop replay [\w./-]+\.replay\.json)/.exec(r.out)?.[1];
    expect(replay).toBeDefined();
    const again = run('npx', replay!.split(' ').slice(1), project);
    expect(again.out).toContain('replayed exactly');
  });

  test('consumer: npx kubeprop run and its JUnit report', () => {
    expect(run('npx', ['kubeprop', '--help'], project).status).toBe(0);
    const r = run(
      'npx',
      [
        'kubeprop',
        'run',
        'scenarios/',
        '--report',
        'out',
        '--reporter',
        'junit',
        '--output-file',
        'out/junit.xml',
      ],
      project,
    );
    expect(r.out).toMatch(/^PASS {2}consumer-web {2}seed=3/m);
    expect(r.status).toBe(0);
    expect(readFileSync(join(project, 'out/junit.xml'), 'utf8')).toContain('tests="1" failures="0"');
  });
});
