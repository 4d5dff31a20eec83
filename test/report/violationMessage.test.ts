/**
 * Report: a violation's message in the report's language. Korean reports show the Korean message
 * an invariant wrote (Finding.messageKo) and fall back to the English one when there is none; the
 * JSON report keeps `message` and adds `messageKo` only when it exists.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSources } from '../../src/report/defaultSources.ts';
import { eventText } from '../../src/report/eventText.ts';
import { renderHtml } from '../../src/report/html.ts';
import { toJsonReport } from '../../src/report/json.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { violationMessage } from '../../src/report/story.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import type { RunResult } from '../../src/run/types.ts';
import { loadScenarioFile } from '../../src/scenario/parse.ts';
import { fixtureSources, statefulSetPartitionRun } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const EN = 'web-0 runs on node-a (unreachable) and node-b';
const KO = 'web-0의 두 번째 복사본이 node-b에서 실행 중이다 <b>';

/** The partition run whose violation carries a Korean message. */
function bilingualRun(): RunResult {
  const r = statefulSetPartitionRun();
  const inv = r.invariants.find((i) => i.status === 'violated')!;
  inv.violations[0] = { ...inv.violations[0]!, messageKo: KO };
  return r;
}

function jsonViolation(r: RunResult): Record<string, unknown> {
  const report = toJsonReport(r) as { invariants: Array<{ violations: Array<Record<string, unknown>> }> };
  return report.invariants.find((i) => i.violations.length > 0)!.violations[0]!;
}

describe('report: violation message', () => {
  it('report: violation message: Korean when written, English otherwise', () => {
    expect(violationMessage('ko', { message: EN, messageKo: KO })).toBe(KO);
    expect(violationMessage('en', { message: EN, messageKo: KO })).toBe(EN);
    expect(violationMessage('ko', { message: EN })).toBe(EN);
    expect(violationMessage('ko', { message: EN, messageKo: '' })).toBe(EN);
  });

  it('report: violation message: a finding without Korean falls back to English in a Korean report', () => {
    const run = statefulSetPartitionRun();
    expect(run.invariants.flatMap((i) => i.violations).every((v) => v.messageKo === undefined)).toBe(true);
    const md = renderMarkdown(run, { lang: 'ko', sources: fixtureSources });
    expect(md).toContain(`- **검사기가 본 것:** ${EN}`);
    expect(md).toMatch(new RegExp(`그리고 스텝 \\d+에서: ${EN.replace(/[()]/g, '\\$&')}\\.`));
    const html = renderHtml(run, { lang: 'ko', sources: fixtureSources });
    expect(html).toContain(`<strong>검사기가 본 것:</strong> ${EN}</p>`);
  });

  it('report: violation message: Korean reports show the Korean message, escaped; English ones the English', () => {
    const run = bilingualRun();
    const md = renderMarkdown(run, { lang: 'ko', sources: fixtureSources });
    expect(md).toContain('- **검사기가 본 것:** web-0의 두 번째 복사본이 node-b에서 실행 중이다 &lt;b>');
    expect(md).toMatch(/그리고 스텝 \d+에서: web-0의 두 번째 복사본이 node-b에서 실행 중이다 &lt;b>\./);
    expect(md).not.toContain('실행 중이다 <b>');
    expect(md).not.toContain(`**검사기가 본 것:** ${EN}`);
    const html = renderHtml(run, { lang: 'ko', sources: fixtureSources });
    expect(html).toContain(
      '<strong>검사기가 본 것:</strong> web-0의 두 번째 복사본이 node-b에서 실행 중이다 &lt;b&gt;</p>',
    );
    expect(html).not.toContain('실행 중이다 <b>');
    const en = renderMarkdown(run, { lang: 'en', sources: fixtureSources });
    expect(en).not.toContain('복사본');
    expect(en).toContain(EN);
  });

  it('report: violation message: violation lines of the timeline and stepper follow the same rule', () => {
    const line = (lang: 'en' | 'ko', invariants: RunResult['invariants']) =>
      eventText(
        lang,
        {
          actor: 'statefulset.at-most-one',
          text: EN,
          code: 'invariant.violated',
          params: { message: EN },
        },
        invariants,
      );
    const run = bilingualRun();
    expect(line('ko', run.invariants)).toBe(KO);
    expect(line('en', run.invariants)).toBe(EN);
    expect(line('ko', statefulSetPartitionRun().invariants)).toBe(EN);
    expect(line('ko', [])).toBe(EN);
  });

  it('report: violation message: violation lines of a real run are Korean in the Korean timeline and stepper', () => {
    const run = runScenario(loadScenarioFile(join(ROOT, 'scenarios/replicaset-mutant-no-expectations.yaml')));
    const v = run.invariants.find((i) => i.id === 'replicaset.no-overshoot')!.violations[0]!;
    expect(v.messageKo).toBeTruthy();
    const line = `replicaset.no-overshoot: ${v.messageKo}`;
    const md = renderMarkdown(run, { lang: 'ko', sources: defaultSources });
    expect(md).toContain(line);
    expect(md).not.toContain(`replicaset.no-overshoot: ${v.message}`);
    const html = renderHtml(run, { lang: 'ko', sources: defaultSources });
    expect(html).toContain(`replicaset.no-overshoot:</span> ${v.messageKo}</td>`);
    expect(html).toContain(JSON.stringify(v.messageKo)); // the stepper's data
    expect(renderMarkdown(run, { lang: 'en', sources: defaultSources })).toContain(
      `replicaset.no-overshoot: ${v.message}`,
    );
  });

  it('report: violation message: JSON adds messageKo after message only when there is one', () => {
    expect(Object.keys(jsonViolation(statefulSetPartitionRun()))).toEqual([
      'atMs',
      'step',
      'message',
      'objects',
    ]);
    const v = jsonViolation(bilingualRun());
    expect(Object.keys(v)).toEqual(['atMs', 'step', 'message', 'messageKo', 'objects']);
    expect(v.message).toBe(EN);
    expect(v.messageKo).toBe(KO);
  });
});
