/**
 * CONFORMANCE.md must not go stale: its table of ported Kubernetes tests is recomputed here from the
 * case modules (cases per source file, how many answer as Kubernetes does, how many are documented
 * deviations) and from scenarios/conformance/, and compared with the table in the file. Every
 * deviation reason used by a case must also be written in CONFORMANCE.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as controllerUtils from './cases/controller_utils.ts';
import * as daemonController from './cases/daemon_controller.ts';
import * as daemonUpdate from './cases/daemon_update.ts';
import * as daemonsetUtil from './cases/daemonset_util.ts';
import * as deploymentUtil from './cases/deployment_util.ts';
import * as endpointsliceController from './cases/endpointslice_controller.ts';
import * as endpointsliceReconciler from './cases/endpointslice_reconciler.ts';
import * as endpointsliceUtils from './cases/endpointslice_utils.ts';
import * as replicaSet from './cases/replica_set.ts';
import * as rolling from './cases/rolling.ts';
import * as statefulSetControl from './cases/stateful_set_control.ts';
import * as statefulSetUtils from './cases/stateful_set_utils.ts';
import * as sync from './cases/sync.ts';
import type { PortedCase, Source } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DOC = readFileSync(join(ROOT, 'CONFORMANCE.md'), 'utf8');

const MODULES: Array<{ SOURCE: Source; cases: PortedCase[] }> = [
  controllerUtils,
  replicaSet,
  daemonController,
  daemonUpdate,
  daemonsetUtil,
  statefulSetUtils,
  statefulSetControl,
  deploymentUtil,
  rolling,
  sync,
  endpointsliceReconciler,
  endpointsliceUtils,
  endpointsliceController,
];

/** The rows between two markers, as trimmed cell arrays (header and rule rows dropped). */
function tableRows(name: string): string[][] {
  const m = new RegExp(`<!-- ${name}:start -->([\\s\\S]*?)<!-- ${name}:end -->`).exec(DOC);
  if (!m) throw new Error(`CONFORMANCE.md has no <!-- ${name}:start --> ... <!-- ${name}:end --> table`);
  return m[1]!
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2)
    .map((l) =>
      l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim().replace(/`/g, '')),
    );
}

function computedPorted(): string[][] {
  const rows = MODULES.map(({ SOURCE, cases }) => {
    const deviations = cases.filter((c) => c.deviation).length;
    return [
      SOURCE.controller,
      SOURCE.file,
      String(cases.length),
      String(cases.length - deviations),
      String(deviations),
    ];
  });
  const total = MODULES.reduce((n, m) => n + m.cases.length, 0);
  const dev = MODULES.reduce((n, m) => n + m.cases.filter((c) => c.deviation).length, 0);
  rows.push(['total', '', String(total), String(total - dev), String(dev)]);
  return rows;
}

function computedScenarios(): string[][] {
  const dir = join(ROOT, 'scenarios', 'conformance');
  const byController = new Map<string, number>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
    const controller = f.split('-')[0]!;
    byController.set(controller, (byController.get(controller) ?? 0) + 1);
  }
  return [...byController.entries()].sort().map(([c, n]) => [c, String(n)]);
}

describe('conformance: CONFORMANCE.md', () => {
  it('conformance: the ported-cases table matches the cases in test/conformance/', () => {
    const doc = tableRows('conformance-ported').map((r) => [r[0], r[1], r[3], r[4], r[5]]);
    expect(doc).toEqual(computedPorted());
  });

  it('conformance: every source file names the version it was read at', () => {
    const doc = tableRows('conformance-ported');
    for (const { SOURCE } of MODULES) {
      const row = doc.find((r) => r[1] === SOURCE.file);
      expect(row?.[2]).toBe(SOURCE.version);
    }
  });

  it('conformance: the e2e scenario table matches scenarios/conformance/', () => {
    expect(tableRows('conformance-e2e').map((r) => [r[0], r[1]])).toEqual(computedScenarios());
  });

  it('conformance: every deviation a case declares is written down in CONFORMANCE.md', () => {
    const reasons = new Set(
      MODULES.flatMap((m) => m.cases.flatMap((c) => (c.deviation ? [c.deviation] : []))),
    );
    for (const reason of reasons) expect(DOC).toContain(reason);
  });
});
