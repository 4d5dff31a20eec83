/**
 * Honest verdicts (issue #10): a run in which no invariant applied is not a PASS (exit 1, "nothing
 * was checked: …"); events skipped because what they named was gone are counted on the verdict
 * line with why; a campaign's one summary agrees with its exit code.
 */
import { describe, expect, test } from 'vitest';
import { campaignSummary } from '../../src/cli/cmd-campaign.ts';
import { EXIT_CODE, judge, verdictLine } from '../../src/cli/verdict.ts';
import { toJsonReport } from '../../src/report/json.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

const HEADER =
  'apiVersion: kubeprop/v1\nkind: Scenario\nmetadata: {name: t}\nspec:\n  settle: 1m\n  cluster: {nodes: [{count: 3}]}\n';
const POD =
  '{apiVersion: v1, kind: Pod, metadata: {name: solo}, spec: {containers: [{name: c, image: nginx}]}}';
const RS =
  '{apiVersion: apps/v1, kind: ReplicaSet, metadata: {name: web}, spec: {replicas: 2, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: nginx}]}}}}';

const run = (body: string) => runScenario(parseScenarioText(HEADER + body, 'verdict.yaml'));

describe('verdict: nothing checked', () => {
  test('verdict: nothing checked: only a standalone Pod is exit 1 with the reason', () => {
    const r = run(`  objects: [${POD}]\n`);
    expect(r.outcome).toBe('pass');
    expect(r.nothingChecked?.en).toMatch(/^no workload to judge \(only Pod\)/);
    expect(judge(r)).toBe('fail');
    expect(EXIT_CODE[judge(r)]).toBe(1);
    expect(verdictLine(r, 1)).toMatch(
      /^FAIL {2}t {2}seed=1 {2}nothing was checked: no workload to judge \(only Pod\)/,
    );
    expect(verdictLine(r, 1, 'ko')).toMatch(/검사한 것이 없다: 판단할 워크로드가 없다/);
    expect(toJsonReport(r)).toMatchObject({ outcome: 'pass', nothingChecked: r.nothingChecked });
    expect(renderMarkdown(r, { lang: 'en' })).toMatch(/^# ⚠️ .*\n\n\*\*nothing was checked: no workload/);
  });

  test('verdict: nothing checked: check: naming only invariants that do not apply', () => {
    const r = run(`  objects: [${RS}]\n  check: [statefulset.at-most-one]\n`);
    expect(r.nothingChecked?.en).toBe(
      'check: names only invariants that do not apply to this scenario (statefulset.at-most-one)',
    );
    expect(judge(r)).toBe('fail');
  });

  test('verdict: nothing checked: a workload run is judged as before', () => {
    const r = run(`  objects: [${RS}, ${POD}]\n`);
    expect(r.nothingChecked).toBeUndefined();
    expect('nothingChecked' in toJsonReport(r)).toBe(false);
    expect(judge(r)).toBe('pass');
    expect(verdictLine(r, 1)).toMatch(/^PASS {2}t {2}seed=1 {2}\d+ invariants held {2}\(1\.0 ms\)$/);
  });
});

describe('verdict: skipped events', () => {
  test('verdict: skipped events: counted on the PASS line with what removed the node', () => {
    const r = run(
      `  objects: [${RS}]\n  events:\n    - {at: 30s, do: remove-node, node: node-3}\n    - {at: 40s, do: crash-node, node: node-3}\n    - {at: 50s, do: cordon-node, node: node-3}\n`,
    );
    expect(judge(r)).toBe('pass');
    expect(r.skippedEvents).toHaveLength(2);
    expect(verdictLine(r, 1)).toMatch(
      /^PASS {2}t {2}seed=1 {2}\d+ invariants held; 2 events skipped: node-3 was removed at 00:30\.000 {2}\(1\.0 ms\)$/,
    );
    expect(verdictLine(r, 1, 'ko')).toMatch(
      /불변 조건 \d+개 지켜짐 \/ 이벤트 2개 건너뜀: node-3: 00:30\.000에 제거됨/,
    );
  });

  test('verdict: skipped events: a node that joins later, and a workload deleted earlier', () => {
    const r = run(
      `  objects: [${RS}]\n  events:\n    - {at: 10s, do: crash-node, node: node-9}\n    - {at: 20s, do: add-node, node: node-9}\n    - {at: 30s, do: delete-object, target: replicaset/web}\n    - {at: 40s, do: scale, target: replicaset/web, replicas: 3}\n`,
    );
    expect(r.skippedEvents?.map((s) => s.gone)).toEqual([
      { ref: 'node/node-9', how: 'later', atMs: 20_000 },
      { ref: 'replicaset/web', how: 'gone', atMs: 30_000 },
    ]);
    expect(verdictLine(r, 1)).toMatch(/2 events skipped: node-9 joins only at 00:20\.000/);
  });
});

describe('verdict: campaign summary', () => {
  const chaos = { runs: 30, passes: 30, violations: 0, errors: 0, violationsById: {} };
  const tally = { runs: 3, passed: 2, failed: ['replicaset-x'], errors: [], pending: 1, code: 1 };

  test('verdict: campaign summary: a failed scenario and clean chaos runs exit 1 and say so', () => {
    const s = campaignSummary(tally, chaos, 1);
    expect(s.code).toBe(1);
    expect(s.lines).toContain('  scenarios   3 runs: 2 passed, 1 failed, 0 errors (1 pending)');
    expect(s.lines).toContain('  total       33 runs: 32 passed, 1 failed, 0 errors');
    expect(s.lines.at(-1)).toBe('exit 1: 1 failed');
    const slow = { ...chaos, slowest: { name: 'chaos-replicaset-4', seed: 9, wallMs: 12.34 } };
    expect(campaignSummary(tally, slow, 1).lines).toContain(
      '  chaos slowest run: chaos-replicaset-4  seed=9  (12.3 ms)',
    );
  });

  test('verdict: campaign summary: counts alone give the exit code', () => {
    const clean = { ...tally, passed: 3, failed: [], code: 0 };
    expect(campaignSummary(clean, chaos, 0).code).toBe(0);
    expect(campaignSummary(clean, { ...chaos, passes: 29, violations: 1 }, 0).code).toBe(1);
    expect(campaignSummary(clean, { ...chaos, passes: 29, errors: 1 }, 0).lines.at(-1)).toBe(
      'exit 3: 1 internal errors',
    );
  });
});
