/**
 * The verdict line in Korean (`run --lang ko`) says every part in Korean, in the glossary's voice
 * (docs/glossary-ko.md): no English "violated at … step …", "violated as expected", "expect not
 * met" or "internal error", and no ASCII ';' between clauses. The English line does not change.
 */
import { describe, expect, it } from 'vitest';
import { verdictLine } from '../../src/cli/verdict.ts';
import type { RunResult } from '../../src/run/types.ts';
import { statefulSetPartitionRun } from '../report/fixtures.ts';

const ENGLISH = /violated|expect not met|internal error|see the report|;/;

function expecting(r: RunResult, violates: string[]): RunResult {
  return { ...r, scenario: { ...r.scenario, expect: { holds: [], violates } } };
}

describe('verdict: the line in Korean', () => {
  it('verdict-ko: a violation names the claim, the time and the step in Korean', () => {
    const r = statefulSetPartitionRun();
    expect(verdictLine(r, 1)).toMatch(
      /^FAIL .* statefulset\.at-most-one violated at \d\d:\d\d\.\d{3} step \d+ /,
    );
    const ko = verdictLine(r, 1, 'ko');
    expect(ko).toMatch(/^FAIL .* statefulset\.at-most-one 위반: \d\d:\d\d\.\d{3}, 스텝 \d+ /);
    expect(ko).not.toMatch(ENGLISH);
  });

  it('verdict-ko: an expected violation and the claims that held', () => {
    const r = expecting(statefulSetPartitionRun(), ['statefulset.at-most-one']);
    expect(verdictLine(r, 1)).toMatch(/statefulset\.at-most-one violated as expected, \d+ invariants? held/);
    const ko = verdictLine(r, 1, 'ko');
    expect(ko).toMatch(/statefulset\.at-most-one 위반 \(시나리오가 기대한 대로\), 불변 조건 \d+개 지켜짐/);
    expect(ko).not.toMatch(ENGLISH);
  });

  it('verdict-ko: unmet expectations and an internal error', () => {
    const unmet = { ...statefulSetPartitionRun(), invariants: [], expectMet: false, expectProblems: [] };
    expect(verdictLine(unmet, 1)).toContain('expect not met: see the report');
    expect(verdictLine(unmet, 1, 'ko')).toContain('기대한 결과와 다르다: 리포트 참고');
    const broken: RunResult = { ...statefulSetPartitionRun(), outcome: 'error', error: 'boom\nstack' };
    expect(verdictLine(broken, 1)).toContain('internal error: boom  (');
    expect(verdictLine(broken, 1, 'ko')).toContain('내부 오류: boom  (');
  });
});
