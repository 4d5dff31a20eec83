/**
 * "Why this broke" (src/report/why.ts): the causal slice of a violation over the structured trace,
 * and the banner of a run that uses a mutant controller, on the mutant scenario of the teaching set
 * (scenarios/statefulset-mutant-second-copy.yaml: a StatefulSet controller that replaces a pod
 * stuck Terminating, so two web-1 run at once).
 */
import { describe, expect, it } from 'vitest';
import { defaultSources } from '../../src/report/defaultSources.ts';
import { renderHtml } from '../../src/report/html.ts';
import { toJsonReport } from '../../src/report/json.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { causalSlice, mutantsOf } from '../../src/report/why.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import { loadScenarioFile } from '../../src/scenario/parse.ts';

const mutant = runScenario(loadScenarioFile('scenarios/statefulset-mutant-second-copy.yaml'));
const correct = runScenario(loadScenarioFile('scenarios/statefulset-partition-no-second-copy.yaml'));
const violation = mutant.invariants.find((i) => i.id === 'statefulset.at-most-one')!.violations[0]!;

describe('report: why this broke', () => {
  it('why: the slice ends with the writes to the violating pod, the controller create among them, with its decision', () => {
    const slice = causalSlice(mutant.events, violation);
    expect(slice.length).toBeGreaterThan(0);
    for (const { write } of slice) {
      expect(write.step).toBeLessThanOrEqual(violation.step);
      expect(write.code.startsWith('api.')).toBe(true);
    }
    const create = slice.find(
      (w) => w.write.code === 'api.pod' && w.write.params.verb === 'create' && w.write.params.pod === 'web-1',
    )!;
    expect(create.write.actor).toBe('statefulset-controller');
    expect(create.decision).toMatchObject({
      actor: 'statefulset-controller',
      code: 'controller.decision',
      params: { decision: 'statefulset.intent', intent: 'create', pod: 'web-1' },
    });
    expect(create.decision!.step).toBeLessThanOrEqual(create.write.step);
  });

  it('why: markdown says the slice with this run’s names, in English and Korean', () => {
    const create = causalSlice(mutant.events, violation).find(
      (w) => w.write.code === 'api.pod' && w.write.params.verb === 'create',
    )!;
    const en = renderMarkdown(mutant, { lang: 'en', sources: defaultSources });
    expect(en).toContain('**The last writes to these objects before the violation**');
    expect(en).toContain(`- step ${create.write.step} statefulset controller: create pod/web-1`);
    expect(en).toContain(`  - decided at step ${create.decision!.step}: idle → creatingPod`);
    const ko = renderMarkdown(mutant, { lang: 'ko', sources: defaultSources });
    expect(ko).toContain(`- 스텝 ${create.write.step}, statefulset 컨트롤러: pod/web-1 파드를 만들었다`);
    expect(ko).toContain(`  - 스텝 ${create.decision!.step}의 결정:`);
  });

  it('why: a mutant run names its controller and bug in a banner (markdown, HTML, JSON); a correct run has none', () => {
    expect(mutantsOf(mutant)).toEqual([{ controller: 'statefulset', variant: 'replace-terminating' }]);
    const description = defaultSources.mutant!('statefulset', 'replace-terminating')!;
    expect(description.length).toBeGreaterThan(10);
    expect(renderMarkdown(mutant, { lang: 'en', sources: defaultSources })).toContain(
      `> ⚠️ This run uses a mutant controller: statefulset ‘replace-terminating’. ${description}`,
    );
    expect(renderMarkdown(mutant, { lang: 'ko', sources: defaultSources })).toContain(
      '> ⚠️ 이 실행은 뮤턴트 컨트롤러를 쓴다: statefulset ‘replace-terminating’.',
    );
    expect(renderHtml(mutant, { lang: 'en', sources: defaultSources })).toContain(
      'class="verdict error mutant"',
    );
    const json = toJsonReport(mutant) as {
      mutants?: unknown;
      why?: Array<{ invariant: string; writes: unknown[] }>;
    };
    expect(json.mutants).toEqual([{ controller: 'statefulset', variant: 'replace-terminating' }]);
    expect(json.why?.find((w) => w.invariant === 'statefulset.at-most-one')?.writes.length).toBeGreaterThan(
      0,
    );
    expect(mutantsOf(correct)).toEqual([]);
    expect(renderMarkdown(correct, { lang: 'en', sources: defaultSources })).not.toContain(
      'mutant controller',
    );
    expect(toJsonReport(correct)).not.toHaveProperty('mutants');
  });
});
