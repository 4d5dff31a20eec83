/**
 * Every trace line of the teaching scenarios reads in Korean in a Korean report. Each scenario in
 * scenarios/ runs as `kubeprop run` runs it (loadScenarioFile, runScenario); every line other than
 * faults, skipped events and violations (eventText's own cases, tested in eventText.test.ts and
 * violationMessage.test.ts) must come out different from the English and contain Hangul. A line a
 * new phrasing left untranslated is named in the failure, with its scenario. English reports show
 * every line exactly as the trace has it.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSources } from '../../src/report/defaultSources.ts';
import { eventText } from '../../src/report/eventText.ts';
import { teachingScenarios } from '../../src/report/examples.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import type { RunResult } from '../../src/run/types.ts';
import { loadScenarioFile } from '../../src/scenario/parse.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const HANGUL = /[\uac00-\ud7a3]/;
/** Lines eventText says in Korean by other means (the chaos registry, the invariants' messages). */
const OWN_CASES = new Set(['fault', 'skip', 'violation']);

describe('report: every trace line of the teaching scenarios in Korean', () => {
  const runs: Array<{ id: string; result: RunResult }> = teachingScenarios(ROOT)
    .filter((s) => s.missing.length === 0)
    .map((s) => ({ id: s.id, result: runScenario(loadScenarioFile(join(ROOT, s.rel))) }));

  it('report: traceKo: the teaching scenarios ran', () => {
    expect(runs.length).toBeGreaterThanOrEqual(14);
  });

  it('report: traceKo: every controller, kubelet, node, API and runner line is translated', () => {
    const untranslated = new Set<string>();
    let checked = 0;
    for (const { id, result } of runs) {
      for (const e of result.events) {
        if (OWN_CASES.has(e.kind)) continue;
        checked++;
        const ko = eventText('ko', e, defaultSources, result.invariants);
        if (ko === e.text || !HANGUL.test(ko)) untranslated.add(`${id}: [${e.kind}] ${e.actor}: ${e.text}`);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect([...untranslated], 'trace lines without Korean text (add a rule in src/report/i18n/)').toEqual([]);
  });

  it('report: traceKo: controller and kubelet lines keep their state names, events and objects', () => {
    for (const { result } of runs) {
      for (const e of result.events.filter((x) => x.kind === 'controller' || x.kind === 'kubelet')) {
        const ko = eventText('ko', e, defaultSources, result.invariants);
        const transition = /^(\S+ → \S+) on (\w+)/.exec(e.text);
        if (transition) expect(ko).toContain(`${transition[1]} (${transition[2]} `);
        for (const ref of e.objects ?? []) if (e.text.includes(ref)) expect(ko).toContain(ref);
      }
    }
  });

  it('report: traceKo: an English report shows every line exactly as the trace has it', () => {
    for (const { result } of runs)
      for (const e of result.events)
        expect(eventText('en', e, defaultSources, result.invariants)).toBe(e.text);
  });
});
