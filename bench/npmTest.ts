/**
 * Which mutants the default `npm test` catches. The property suites name each mutant in a test
 * title ("ReplicaSet: mutant no-expectations: caught by replicaset.no-overshoot", "DaemonSet:
 * mutant ignores-taints: caught by the same property") and the test passes only when the mutant
 * was caught, so one vitest JSON run of properties/ answers for the whole catalogue. That run is
 * minutes of CPU: `KUBEPROP_VITEST_JSON=<file>` reuses an earlier report instead (for instance
 * one written by `npx vitest run properties --reporter=json --outputFile=<file>`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface VitestJson {
  testResults: Array<{ assertionResults: Array<{ fullName: string; status: string }> }>;
}

export interface NpmTestVerdicts {
  /** Where the verdicts came from (the report file). */
  source: string;
  get(controller: string, mutant: string): { caught: boolean; detail: string };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs the property suites once (at low priority) unless a report is given; returns the report path. */
function propertyReport(): string {
  const given = process.env.KUBEPROP_VITEST_JSON;
  if (given !== undefined && existsSync(given)) return given;
  const file = join(root, 'reports/bench/vitest-properties.json');
  mkdirSync(dirname(file), { recursive: true });
  const vitest = join(root, 'node_modules/.bin/vitest');
  try {
    execFileSync(
      'nice',
      ['-n', '10', vitest, 'run', 'properties', '--reporter=json', `--outputFile=${file}`],
      {
        cwd: root,
        stdio: 'ignore',
      },
    );
  } catch {
    // A failing test exits 1; its verdict is in the report all the same.
  }
  return file;
}

/** The mutant verdicts of a vitest JSON report (tests are matched by title, case-insensitively). */
export function verdictsFrom(report: VitestJson, source: string): NpmTestVerdicts {
  const tests = report.testResults.flatMap((f) => f.assertionResults);
  return {
    source,
    get(controller, mutant) {
      const needle = `${controller}: mutant ${mutant}:`.toLowerCase();
      const t = tests.find((x) => x.fullName.toLowerCase().includes(needle));
      if (t === undefined) return { caught: false, detail: 'no property suite test names this mutant' };
      return { caught: t.status === 'passed', detail: `${t.status}: ${t.fullName}` };
    },
  };
}

export function npmTestVerdicts(): NpmTestVerdicts {
  const file = propertyReport();
  if (!existsSync(file)) return verdictsFrom({ testResults: [] }, `${file} (not written)`);
  return verdictsFrom(JSON.parse(readFileSync(file, 'utf8')) as VitestJson, file);
}
