/**
 * A scenario's `metadata.descriptionKo` (an optional extension of design.md §2): Korean Markdown and
 * HTML reports show it in the scenario section, English reports and Korean reports of a scenario
 * without one show the English `description`, and the JSON report (whose `scenario` is the name)
 * is unchanged. Every teaching scenario in scenarios/ has one.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { teachingScenarios } from '../../src/report/examples.ts';
import { scenarioDescription } from '../../src/report/format.ts';
import { renderHtml } from '../../src/report/html.ts';
import { renderJson } from '../../src/report/json.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import type { RunResult } from '../../src/run/types.ts';
import { loadScenarioFile } from '../../src/scenario/parse.ts';
import { fixtureSources, statefulSetPassRun } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const EN = 'The hotel opens its rooms in order.';
const KO = '호텔은 방을 <순서대로> 연다.';

function run(descriptionKo?: string): RunResult {
  const r = statefulSetPassRun();
  r.scenario = { ...r.scenario, description: EN };
  if (descriptionKo !== undefined) r.scenario.descriptionKo = descriptionKo;
  return r;
}

describe('report: scenario description in the report language', () => {
  it('report: descriptionKo: Korean reports show it, English reports the English description', () => {
    const r = run(KO);
    const ko = { lang: 'ko', sources: fixtureSources } as const;
    const en = { lang: 'en', sources: fixtureSources } as const;
    expect(renderMarkdown(r, ko)).toContain('호텔은 방을 &lt;순서대로> 연다.');
    expect(renderMarkdown(r, ko)).not.toContain(EN);
    expect(renderHtml(r, ko)).toContain('<p>호텔은 방을 &lt;순서대로&gt; 연다.</p>');
    expect(renderMarkdown(r, en)).toContain(EN);
    expect(renderMarkdown(r, en)).not.toContain('호텔은');
    expect(renderHtml(r, en)).not.toContain('호텔은');
  });

  it('report: descriptionKo: without one (or with only blanks) a Korean report shows the English description', () => {
    expect(scenarioDescription('ko', { description: ` ${EN}\n` })).toBe(EN);
    expect(scenarioDescription('ko', { description: EN, descriptionKo: '  \n' })).toBe(EN);
    expect(scenarioDescription('ko', { description: EN, descriptionKo: ` ${KO} ` })).toBe(KO);
    expect(scenarioDescription('en', { description: EN, descriptionKo: KO })).toBe(EN);
    expect(renderMarkdown(run(), { lang: 'ko', sources: fixtureSources })).toContain(EN);
  });

  it('report: descriptionKo: the JSON report does not change (its scenario is the name)', () => {
    expect(renderJson(run(KO))).toBe(renderJson(run()));
  });

  it('report: descriptionKo: every teaching scenario has a Korean description', () => {
    const missing = teachingScenarios(ROOT)
      .map((e) => ({ rel: e.rel, s: loadScenarioFile(join(ROOT, e.rel)) }))
      .filter(({ s }) => !/[\uac00-\ud7a3]/.test(s.descriptionKo ?? ''))
      .map(({ rel }) => rel);
    expect(missing).toEqual([]);
  });
});
