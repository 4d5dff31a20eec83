/**
 * The teaching scenario set (scenarios/): every scenario file runs through the same code path as
 * `kubeprop run` (loadScenarioFile, then runScenario, then the CLI's verdict) and must pass: its
 * `expect` is met and no invariant it does not name in `expect.violates` is violated.
 *
 * A scenario whose controller (or a named invariant) is not registered yet is reported by a passing
 * test titled "pending: <what is missing>", which checks the file's shape; the same file runs for
 * real as soon as the registry has what it needs, with no change here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { judge, unexpectedViolations } from '../src/cli/verdict.ts';
import { CONTROLLERS } from '../src/controllers/registry.ts';
import { getInvariant } from '../src/invariants/registry.ts';
import { runScenario } from '../src/run/runScenario.ts';
import { loadScenarioFile } from '../src/scenario/parse.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIR = join(ROOT, 'scenarios');

/** Workload kinds and the controller that runs each (the name used in `spec.controllers`). */
const KIND_CONTROLLER: Record<string, string> = {
  ReplicaSet: 'replicaset',
  DaemonSet: 'daemonset',
  StatefulSet: 'statefulset',
  Deployment: 'deployment',
};

interface RawScenario {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; description?: string };
  spec?: {
    objects?: Array<{ kind?: string }>;
    files?: string[];
    controllers?: Record<string, string>;
    check?: string[];
    expect?: { holds?: string[]; violates?: string[] };
  };
}

interface ScenarioFile {
  /** Path relative to the repository, as a user types it (`scenarios/x.yaml`). */
  rel: string;
  abs: string;
  raw: RawScenario;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.ya?ml$/.test(d.name))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

/** Scenario files (kind: Scenario) under scenarios/; manifests used through `files:` are skipped. */
function scenarioFiles(): ScenarioFile[] {
  return yamlFiles(DIR)
    .map((abs) => ({
      rel: relative(ROOT, abs),
      abs,
      raw: parseYaml(readFileSync(abs, 'utf8')) as RawScenario,
    }))
    .filter((f) => f.raw?.kind === 'Scenario');
}

/** Workload kinds a scenario creates, from its inline objects and its `files:` manifests. */
function workloadKinds(f: ScenarioFile): string[] {
  const kinds = (f.raw.spec?.objects ?? []).map((o) => o?.kind ?? '');
  for (const p of f.raw.spec?.files ?? []) {
    const text = readFileSync(join(dirname(f.abs), p), 'utf8');
    for (const m of text.matchAll(/^kind:\s*(\w+)/gm)) kinds.push(m[1]!);
  }
  return [...new Set(kinds.filter((k) => k in KIND_CONTROLLER))].sort();
}

/** What the registries lack for this scenario to run (empty: it runs). */
function missing(f: ScenarioFile): string[] {
  const registered = new Set(CONTROLLERS.map((c) => c.name as string));
  const controllers = new Set([
    ...workloadKinds(f).map((k) => KIND_CONTROLLER[k]!),
    ...Object.keys(f.raw.spec?.controllers ?? {}),
  ]);
  const out = [...controllers]
    .sort()
    .filter((c) => !registered.has(c))
    .map((c) => `${c} controller not registered`);
  const named = [
    ...(f.raw.spec?.check ?? []),
    ...(f.raw.spec?.expect?.holds ?? []),
    ...(f.raw.spec?.expect?.violates ?? []),
  ];
  for (const id of [...new Set(named)].sort()) {
    if (getInvariant(id) === undefined) out.push(`invariant ${id} not registered`);
  }
  return out;
}

const FILES = scenarioFiles();

describe('scenarios: the teaching set', () => {
  it('scenarios/ holds the teaching set: ReplicaSet ×3+, DaemonSet ×3+, StatefulSet ×4+, a mutant, a comparison', () => {
    const byPrefix = (p: string) => FILES.filter((f) => basename(f.rel).startsWith(`${p}-`)).length;
    expect(byPrefix('replicaset')).toBeGreaterThanOrEqual(3);
    expect(byPrefix('daemonset')).toBeGreaterThanOrEqual(3);
    expect(byPrefix('statefulset')).toBeGreaterThanOrEqual(4);
    const mutant = FILES.filter(
      (f) =>
        (f.raw.spec?.expect?.violates ?? []).length > 0 &&
        Object.values(f.raw.spec?.controllers ?? {}).some((v) => v !== 'correct'),
    );
    expect(mutant.length, 'a scenario that teaches an invariant through a mutant').toBeGreaterThan(0);
    const compare = FILES.filter((f) => basename(f.rel).startsWith('compare-'));
    expect(compare.length).toBeGreaterThan(0);
    for (const f of compare) expect(workloadKinds(f)).toEqual(['DaemonSet', 'ReplicaSet', 'StatefulSet']);
  });

  it('scenarios/: every file is named <controller>-<story>.yaml after its metadata.name, with a description and an expect', () => {
    const names = new Set<string>();
    for (const f of FILES) {
      const name = f.raw.metadata?.name ?? '';
      expect(basename(f.rel), `${f.rel}: file name = metadata.name`).toBe(`${name}.yaml`);
      expect(name, f.rel).toMatch(
        /^(replicaset|daemonset|statefulset|deployment|service|compare)-[a-z0-9-]+$/,
      );
      expect(names.has(name), `${f.rel}: duplicate name`).toBe(false);
      names.add(name);
      expect((f.raw.metadata?.description ?? '').length, `${f.rel}: description`).toBeGreaterThan(80);
      const ex = f.raw.spec?.expect;
      expect((ex?.holds?.length ?? 0) + (ex?.violates?.length ?? 0), `${f.rel}: expect`).toBeGreaterThan(0);
    }
  });

  for (const f of FILES) {
    const gaps = missing(f);
    if (gaps.length > 0) {
      // Reported, not skipped: the title says what is missing; the file's shape is still checked.
      it(`${f.rel}: pending: ${gaps.join(', ')}`, () => {
        expect(f.raw.apiVersion).toBe('kubeprop/v1');
        expect(f.raw.metadata?.name).toBeTruthy();
        let err: unknown;
        try {
          loadScenarioFile(f.abs);
        } catch (e) {
          err = e;
        }
        // Either it already parses, or the parser rejects exactly what is not registered yet.
        if (err !== undefined) expect(String(err)).toMatch(/unknown invariant|not available|variant/);
      });
      continue;
    }
    it(`${f.rel}: expect met and no unexpected violation`, () => {
      const scenario = loadScenarioFile(f.abs);
      const result = runScenario(scenario);
      expect(result.error, `${f.rel}: internal error`).toBeUndefined();
      expect(result.expectProblems, `${f.rel}: expect`).toEqual([]);
      const unexpected = unexpectedViolations(result).map((id) => {
        const v = result.invariants.find((i) => i.id === id)!.violations[0]!;
        return `${id} at ${v.atMs}ms step ${v.step}: ${v.message}`;
      });
      expect(unexpected, `${f.rel}: unexpected violations`).toEqual([]);
      // Every invariant the scenario promises is one that applies to it (not silently not-applicable).
      for (const id of scenario.expect?.holds ?? []) {
        expect(result.invariants.find((i) => i.id === id)?.status, `${f.rel}: ${id}`).toBe('held');
      }
      expect(judge(result)).toBe('pass');
    });
  }
});

describe('scenarios: the CLI', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kubeprop-scenarios-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const runnable = FILES.filter((f) => missing(f).length === 0);

  it('kubeprop run scenarios/*.yaml: one PASS verdict line per scenario, exit 0', () => {
    const r = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/kubeprop.js'),
        'run',
        ...runnable.map((f) => f.rel),
        '--report',
        tmp,
        '--format',
        'json',
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(runnable.length);
    runnable.forEach((f, i) => {
      expect(lines[i]).toMatch(new RegExp(`^PASS  ${f.raw.metadata!.name}  seed=\\d+  `));
    });
    expect(r.status).toBe(0);
  });
});
