import { describe, expect, it } from 'vitest';
import { defaultSources } from '../../src/report/defaultSources.ts';
import { eventText } from '../../src/report/eventText.ts';
import { renderHtml } from '../../src/report/html.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

const fault = (text: string) => ({ kind: 'fault' as const, text });

describe('report: trace lines in the report language', () => {
  it('report: eventText: a Korean report says what a fault does from the chaos registry, keeping its command', () => {
    expect(
      eventText(
        'ko',
        fault(
          'partition-node node-2: machine node-2 is cut off from the control plane; its containers keep running',
        ),
        defaultSources,
      ),
    ).toBe('partition-node node-2: 컨트롤 플레인과 연결이 끊긴다. 파드는 그 노드에서 계속 실행된다');
    // The pod an {owner, index} reference resolved to is kept; one the command names is not repeated.
    expect(
      eventText(
        'ko',
        fault('crash-pod replicaset/frontend pod #0: container of pod/frontend-cjfvw crashed'),
        defaultSources,
      ),
    ).toBe(
      'crash-pod replicaset/frontend pod #0: 컨테이너가 종료되고 kubelet이 백오프 후 재시작한다 (pod/frontend-cjfvw)',
    );
    expect(eventText('ko', fault('crash-pod web-0: container of pod/web-0 crashed'), defaultSources)).toBe(
      'crash-pod web-0: 컨테이너가 종료되고 kubelet이 백오프 후 재시작한다',
    );
    expect(
      eventText(
        'ko',
        { kind: 'skip', text: 'delete-pod web-9: skipped (pod web-9 does not exist)' },
        defaultSources,
      ),
    ).toBe('delete-pod web-9: 건너뜀 (pod web-9 does not exist)');
  });

  it('report: eventText: English reports, unknown lines, unknown faults and missing sources show the trace as is', () => {
    const line = 'crash-node node-1: machine node-1 lost power: its containers stopped';
    expect(eventText('en', fault(line), defaultSources)).toBe(line);
    expect(eventText('ko', fault(line), {})).toBe(line);
    expect(eventText('ko', fault('no-such-fault x: did something'), defaultSources)).toBe(
      'no-such-fault x: did something',
    );
    const kubelet = { kind: 'kubelet' as const, text: 'started pod/web-1 (restarts 0)' };
    expect(eventText('en', kubelet, defaultSources)).toBe(kubelet.text);
    const unknown = { kind: 'kubelet' as const, text: 'pulled image nginx:1.27 for pod/web-1' };
    expect(eventText('ko', unknown, defaultSources)).toBe(unknown.text);
  });

  it('report: eventText: a Korean report says the other trace lines in Korean (src/report/i18n/traceKo.ts)', () => {
    expect(eventText('ko', { kind: 'kubelet', text: 'started pod/web-1 (restarts 0)' }, defaultSources)).toBe(
      'pod/web-1 시작 (재시작 0회)',
    );
    expect(
      eventText(
        'ko',
        {
          kind: 'controller',
          actor: 'statefulset-controller',
          text: 'idle → creatingPod on SYNC: default/web: create web-1',
        },
        defaultSources,
      ),
    ).toBe('idle → creatingPod (SYNC 이벤트): default/web: web-1 생성');
  });

  it('report: a Korean report of a real run shows fault lines in Korean in the timeline, the causes and the stepper', () => {
    const scenario = parseScenarioText(
      [
        'apiVersion: kubeprop/v1',
        'kind: Scenario',
        'metadata: {name: replicaset-crash}',
        'spec:',
        '  cluster: {nodes: [{count: 2}]}',
        '  objects:',
        '    - apiVersion: apps/v1',
        '      kind: ReplicaSet',
        '      metadata: {name: frontend}',
        '      spec:',
        '        replicas: 2',
        '        selector: {matchLabels: {app: frontend}}',
        '        template:',
        '          metadata: {labels: {app: frontend}}',
        '          spec: {containers: [{name: web, image: nginx}]}',
        '  events: [{at: 10s, do: crash-node, node: node-1}]',
        '  settle: 2m',
      ].join('\n'),
      'inline.yaml',
    );
    const result = runScenario(scenario);
    const ko = renderMarkdown(result, { lang: 'ko', sources: defaultSources });
    expect(ko).toContain('⚡ user: crash-node node-1: 머신이 멈춘다');
    expect(ko).not.toContain('lost power');
    expect(renderMarkdown(result, { lang: 'en', sources: defaultSources })).toContain(
      '⚡ user: crash-node node-1: machine node-1 lost power',
    );
    const html = renderHtml(result, { lang: 'ko', sources: defaultSources });
    expect(html).not.toContain('lost power');
    expect(html).toContain('crash-node node-1: 머신이 멈춘다');
  });
});
