/**
 * Determinism: the same scenario and seed give the same run, byte for byte, whatever process runs
 * it. (a) 200 seeds twice in one process give the same trace digest; (b) two `kubeprop run`
 * processes write byte-identical report.json whose digest is the in-process one; (c) for random
 * scenarios, two runs give the same digest and the same trace lines; (d) the simulation sources
 * never read wall time, real timers or Math.random.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { KObject } from '../src/model/types.ts';
import { generateScenario } from '../src/run/campaign.ts';
import { runScenario } from '../src/run/runScenario.ts';
import { applyDefaults } from '../src/scenario/manifests.ts';
import { loadScenarioFile } from '../src/scenario/parse.ts';
import { DEFAULT_SIM_OPTIONS, type Scenario } from '../src/scenario/types.ts';
import { traceLine } from '../src/trace/recorder.ts';
import {
  clusterArb,
  eventArbs,
  faultPlanArb,
  plainNodes,
  registryKinds,
  replicaSet,
  scenarioOf,
} from './arbitraries.ts';

const ROOT = resolve(import.meta.dirname, '..');

const nodes = (n: number): Scenario['nodes'] => plainNodes(n);

/**
 * A small ReplicaSet scenario whose faults come from `chaos:` (so the seed chooses them too). Only
 * the two ReplicaSet claims are checked: the digest covers every step of the simulation either way,
 * and a run stays a few milliseconds.
 */
const SMALL: Scenario = {
  name: 'determinism-small',
  description: 'a ReplicaSet under four random faults',
  seed: 1,
  nodes: nodes(2),
  objects: [replicaSet('web', 2)],
  events: [],
  chaos: { count: 4, between: [0, 20_000] },
  settleMs: 20_000,
  check: ['replicaset.exact-replicas', 'replicaset.no-overshoot'],
  controllers: {},
  sim: { ...DEFAULT_SIM_OPTIONS, stabilityMs: 2_000, keepTrace: false },
};

describe('determinism: one process', () => {
  it('determinism: 200 seeds, each run twice, give the same trace digest (and different seeds differ)', () => {
    const digests = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) {
      const a = runScenario(SMALL, { seed, keepTrace: false });
      const b = runScenario(SMALL, { seed, keepTrace: false });
      expect(a.error, `seed ${seed}`).toBeUndefined();
      expect(b.traceDigest, `seed ${seed}`).toBe(a.traceDigest);
      expect(b.steps, `seed ${seed}`).toBe(a.steps);
      digests.add(a.traceDigest);
    }
    // The seed really drives the run: 200 seeds give (nearly) 200 different traces.
    expect(digests.size).toBeGreaterThan(190);
  });

  it('determinism: keeping the trace lines does not change the digest', () => {
    for (const seed of [3, 77, 4_000_000_000]) {
      const kept = runScenario(SMALL, { seed, keepTrace: true });
      const dropped = runScenario(SMALL, { seed, keepTrace: false });
      expect(dropped.traceDigest).toBe(kept.traceDigest);
      expect(kept.events.length).toBeGreaterThan(0);
    }
  });
});

/** StatefulSet `web` with a volume claim template, `replicas` pods. */
function statefulSet(replicas: number): KObject {
  return applyDefaults({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db' },
    spec: {
      replicas,
      serviceName: 'db',
      selector: { matchLabels: { app: 'db' } },
      template: {
        metadata: { labels: { app: 'db' } },
        spec: { containers: [{ name: 'db', image: 'registry.local/db:v1' }] },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      ],
    },
  });
}

function daemonSet(): KObject {
  return applyDefaults({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: { containers: [{ name: 'agent', image: 'registry.local/agent:v1' }] },
      },
    },
  });
}

/** The registry's faults for the three controllers, less those the shared generators do not draw. */
const KINDS = [
  ...new Set(
    ['replicaset', 'daemonset', 'statefulset'].flatMap((c) =>
      registryKinds(c, {
        'label-node':
          'the shared generators draw no node labels (the DaemonSet suite does, with its selector)',
        'delete-object': 'the suites draw it with the create-object that brings the workload back',
        'set-partition': 'a StatefulSet knob the StatefulSet suite draws',
        'delete-pvc': 'a StatefulSet fault the StatefulSet suite draws',
      }),
    ),
  ),
];

/** Random scenarios over the three controllers: cluster, workloads, fault plan and seed. */
const randomScenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    nodes: clusterArb,
    rs: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    ds: fc.boolean(),
    sts: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  })
  .chain((p) => {
    const objects = [
      ...(p.rs === undefined ? [] : [replicaSet('web', p.rs)]),
      ...(p.ds ? [daemonSet()] : []),
      ...(p.sts === undefined ? [] : [statefulSet(p.sts)]),
    ];
    if (objects.length === 0) objects.push(replicaSet('web', 2));
    const targets = objects.map((o) => `${o.kind.toLowerCase()}/${o.metadata.name}`);
    const arbs = eventArbs(
      p.nodes.map((n) => n.name),
      targets,
      60_000,
    );
    return faultPlanArb(arbs, KINDS, 6).map((events) =>
      scenarioOf({
        name: 'determinism-random',
        seed: p.seed,
        nodes: p.nodes,
        objects,
        events,
        settleMs: 60_000,
      }),
    );
  });

describe('determinism: random scenarios', () => {
  it('determinism: for random scenarios, two runs (one with frozen objects) give identical digests and trace lines', () => {
    fc.assert(
      fc.property(randomScenarioArb, (scenario) => {
        const a = runScenario(scenario);
        // The second run deep-freezes stored objects: a controller that mutates its cache would
        // throw (or diverge) here instead of silently depending on shared state.
        const b = runScenario(scenario, { freezeObjects: true });
        expect(a.error).toBeUndefined();
        expect(b.error).toBeUndefined();
        expect(b.traceDigest).toBe(a.traceDigest);
        expect(b.events.map(traceLine)).toEqual(a.events.map(traceLine));
        expect(b.invariants).toEqual(a.invariants);
      }),
      { numRuns: 25 },
    );
  });
});

describe('determinism: chaos expansion', () => {
  // Coupled faults, recreate pairs, finalizer releases and rollout fixes draw from their own named
  // streams: the same campaign seed must still give the same events, and they must be met.
  it('determinism: the same campaign seed expands to the same events, coupled faults included', () => {
    let coupled = 0;
    let recreated = 0;
    for (const controller of ['replicaset', 'daemonset', 'statefulset'] as const) {
      for (let i = 0; i < 40; i++) {
        const a = generateScenario(controller, 7, i).events;
        expect(generateScenario(controller, 7, i).events).toEqual(a);
        for (let j = 1; j < a.length; j++) {
          const trigger = ['add-node', 'update-template', 'create-object'].includes(a[j - 1]!.do);
          if (trigger && a[j]!.at - a[j - 1]!.at <= 100) coupled++;
        }
        recreated += a.filter((e) => e.do === 'create-object').length;
      }
    }
    expect(coupled).toBeGreaterThan(5);
    expect(recreated).toBeGreaterThan(5);
  });
});

describe('determinism: across processes', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kubeprop-determinism-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const FILE = 'test/determinism/mixed-chaos.yaml';
  const SEED = 20_261_128;

  function kubeprop(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/kubeprop.js'), ...args], { cwd: ROOT });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('error', fail);
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
  }

  it('determinism: kubeprop run --seed N in two processes writes byte-identical report.json with the in-process digest', async () => {
    const dirs = [join(tmp, 'a'), join(tmp, 'b')];
    const runs = await Promise.all(
      dirs.map((d) => kubeprop(['run', FILE, '--seed', String(SEED), '--report', d, '--format', 'json'])),
    );
    for (const r of runs) {
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(`determinism-mixed-chaos  seed=${SEED}`);
    }
    expect(runs[1]!.code).toBe(runs[0]!.code);
    const runDir = (d: string) => join(d, 'determinism-mixed-chaos', String(SEED));
    const reports = dirs.map((d) => readFileSync(join(runDir(d), 'report.json')));
    expect(reports[0]!.length).toBeGreaterThan(1000);
    expect(reports[1]!.equals(reports[0]!), 'report.json differs between two processes').toBe(true);
    // A failing run also writes a replay file: it must be identical too.
    const replays = dirs.map((d) => readdirSync(runDir(d)).filter((f) => f.endsWith('.replay.json')));
    expect(replays[1]).toEqual(replays[0]);
    for (const f of replays[0]!) {
      const [x, y] = dirs.map((d) => readFileSync(join(runDir(d), f)));
      expect(y!.equals(x!), `${f} differs between two processes`).toBe(true);
    }

    const inProcess = runScenario(loadScenarioFile(join(ROOT, FILE)), { seed: SEED });
    const report = JSON.parse(reports[0]!.toString('utf8')) as { traceDigest: string; seed: number };
    expect(report.seed).toBe(SEED);
    expect(report.traceDigest).toBe(inProcess.traceDigest);
  });
});

describe('determinism: no wall time or real randomness in the simulation', () => {
  const FORBIDDEN: Array<[RegExp, string]> = [
    [/\bMath\.random\b/, 'Math.random'],
    [/\bDate\.now\b/, 'Date.now'],
    [/\bnew Date\(/, 'new Date('],
    [/\bsetTimeout\b/, 'setTimeout'],
    [/\bsetInterval\b/, 'setInterval'],
    [/\bsetImmediate\b/, 'setImmediate'],
    [/\bperformance\.now\b/, 'performance.now'],
  ];
  const DIRS = ['src/sim', 'src/controllers', 'src/chaos'];

  function sources(dir: string): string[] {
    return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
      .filter((d) => d.isFile() && /\.(ts|js|mjs|cjs|mts|cts)$/.test(d.name))
      .map((d) => join(d.parentPath, d.name))
      .sort();
  }

  it('determinism: the scan finds the simulation sources', () => {
    for (const dir of DIRS) expect(sources(dir).length, dir).toBeGreaterThan(0);
  });

  it('determinism: src/sim, src/controllers and src/chaos never mention Math.random, Date.now, new Date(, setTimeout, setInterval, setImmediate or performance.now', () => {
    const found: string[] = [];
    for (const dir of DIRS) {
      for (const file of sources(dir)) {
        const lines = readFileSync(file, 'utf8').split('\n');
        lines.forEach((line, i) => {
          for (const [re, what] of FORBIDDEN) {
            if (re.test(line)) found.push(`${relative(ROOT, file)}:${i + 1}: ${what}`);
          }
        });
      }
    }
    expect(found).toEqual([]);
  });
});
