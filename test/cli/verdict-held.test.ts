/**
 * Held by design, end to end (design §5 "Verdicts"): a tiny liveness invariant that calls
 * `ctx.held()` makes the PASS line, report.json, the Markdown and the HTML report say which wait
 * Kubernetes made on purpose, en and ko. Remove any link of the plumbing and this fails.
 */
import { describe, expect, test, vi } from 'vitest';
import type { LivenessInvariant } from '../../src/invariants/types.ts';

vi.mock('../../src/invariants/registry.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/invariants/registry.ts')>();
  const waits: LivenessInvariant = {
    id: 'test.waits-on-purpose',
    kind: 'liveness',
    concept: 'replicaset',
    claim: { en: 'the test workload converges', ko: '테스트 워크로드가 수렴한다' },
    explain: { en: 'a stand-in', ko: '대역' },
    appliesTo: (s) => s.objects.some((o) => o.kind === 'ReplicaSet'),
    check(_world, ctx) {
      ctx.held({
        message: 'replicaset/web waits for node-2 on purpose',
        messageKo: 'replicaset/web: node-2를 일부러 기다린다',
        objects: ['replicaset/web'],
      });
      if (ctx.phase === 'stable')
        ctx.held({ message: 'a second wait', messageKo: '두 번째 대기', objects: [] });
      return [];
    },
  };
  const all = [...real.allInvariants(), waits];
  return { allInvariants: () => all, getInvariant: (id: string) => all.find((i) => i.id === id) };
});

import { verdictLine } from '../../src/cli/verdict.ts';
import { renderHtml } from '../../src/report/html.ts';
import { renderJson } from '../../src/report/json.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

const RS =
  '{apiVersion: apps/v1, kind: ReplicaSet, metadata: {name: web}, spec: {replicas: 2, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: nginx}]}}}}';
const SCENARIO = `apiVersion: kubeprop/v1\nkind: Scenario\nmetadata: {name: t}\nspec:\n  settle: 1m\n  cluster: {nodes: [{count: 2}]}\n  objects: [${RS}]\n`;

describe('verdict: held by design', () => {
  const r = runScenario(parseScenarioText(SCENARIO, 'held.yaml'));
  const held = r.invariants.find((i) => i.id === 'test.waits-on-purpose')!;

  test('verdict: held by design: the result carries the notes of the last look', () => {
    expect(held.status).toBe('held');
    expect(held.heldByDesign?.map((n) => n.message)).toEqual([
      'replicaset/web waits for node-2 on purpose',
      'a second wait',
    ]);
  });

  test('verdict: held by design: the PASS line names the first note, en and ko', () => {
    expect(verdictLine(r, 1)).toMatch(
      /^PASS {2}t {2}seed=1 {2}\d+ invariants held; held by design: replicaset\/web waits for node-2 on purpose \(\+1 more\) {2}\(1\.0 ms\)$/,
    );
    expect(verdictLine(r, 1, 'ko')).toMatch(
      /설계상 대기: replicaset\/web: node-2를 일부러 기다린다 \(외 1개\)/,
    );
  });

  test('verdict: held by design: report.json keeps the notes after violations, keys in order', () => {
    const json = JSON.parse(renderJson(r));
    const inv = json.invariants.find((i: { id: string }) => i.id === 'test.waits-on-purpose');
    expect(Object.keys(inv)).toEqual(['id', 'kind', 'status', 'violations', 'heldByDesign']);
    expect(Object.keys(inv.heldByDesign[0])).toEqual(['atMs', 'message', 'messageKo', 'objects']);
    const other = json.invariants.find((i: { id: string }) => i.id === 'replicaset.exact-replicas');
    expect('heldByDesign' in other).toBe(false);
  });

  test('verdict: held by design: Markdown and HTML show a section, en and ko', () => {
    expect(renderMarkdown(r, { lang: 'en' })).toContain(
      '### Held by design\n\nThese claims hold only because Kubernetes waits on purpose',
    );
    expect(renderMarkdown(r, { lang: 'en' })).toMatch(
      /- `test\.waits-on-purpose` \(\d\d:\d\d\.\d{3}\): replicaset\/web waits/,
    );
    expect(renderMarkdown(r, { lang: 'ko' })).toContain('### 설계상 대기');
    expect(renderMarkdown(r, { lang: 'ko' })).toContain('node-2를 일부러 기다린다');
    const html = renderHtml(r, { lang: 'ko' });
    expect(html).toContain('<h3 id="held-by-design">설계상 대기</h3>');
    expect(html).toMatch(/<li data-invariant="test\.waits-on-purpose"><code>test\.waits-on-purpose<\/code>/);
  });
});
