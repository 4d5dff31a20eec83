import { describe, expect, it } from 'vitest';
import { renderJson, toJsonReport } from '../../src/report/json.ts';
import { statefulSetPartitionRun } from './fixtures.ts';

describe('report: json', () => {
  it('report: json: has exactly the design.md §4 keys in order', () => {
    const report = toJsonReport(statefulSetPartitionRun()) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual([
      'scenario',
      'seed',
      'toolkitVersion',
      'traceDigest',
      'outcome',
      'invariants',
      'events',
      'final',
      // Extension (issue #13): the causal slice of each violated invariant's first violation.
      'why',
    ]);
    expect(report.scenario).toBe('hotel-statefulset-partition');
    // Events keep design.md's fields and add the message they render (code, params).
    const ev = (report.events as Array<Record<string, unknown>>).find((e) => 'objects' in e)!;
    expect(Object.keys(ev)).toEqual(['step', 'atMs', 'kind', 'actor', 'text', 'code', 'params', 'objects']);
    expect(report.outcome).toBe('violation');
    const inv = (report.invariants as Array<Record<string, unknown>>)[0]!;
    expect(Object.keys(inv)).toEqual(['id', 'kind', 'status', 'violations']);
    const v = (inv.violations as Array<Record<string, unknown>>)[0]!;
    expect(Object.keys(v)).toEqual(['atMs', 'step', 'message', 'objects']);
    expect(Object.keys(report.final as object)).toEqual(['nodes', 'pods', 'workloads', 'pvcs']);
  });

  it('report: json: same RunResult gives byte-identical text, whatever the key order of free-form values', () => {
    const a = statefulSetPartitionRun();
    const b = statefulSetPartitionRun();
    const w = b.final.workloads[0]!;
    const spec = w.spec as Record<string, unknown>;
    w.spec = Object.fromEntries(Object.entries(spec).reverse());
    expect(renderJson(b)).toBe(renderJson(a));
    expect(renderJson(a)).toBe(renderJson(statefulSetPartitionRun()));
    expect(JSON.parse(renderJson(a))).toEqual(toJsonReport(a));
  });

  it('report: json: adds error only for the error outcome', () => {
    const r = { ...statefulSetPartitionRun(), outcome: 'error' as const, error: 'boom' };
    expect((toJsonReport(r) as Record<string, unknown>).error).toBe('boom');
    expect('error' in toJsonReport(statefulSetPartitionRun())).toBe(false);
  });
});
