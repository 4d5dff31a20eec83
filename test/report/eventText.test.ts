import { describe, expect, it } from 'vitest';
import { defaultSources } from '../../src/report/defaultSources.ts';
import { eventText } from '../../src/report/eventText.ts';
import { renderHtml } from '../../src/report/html.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { faultApplied, transition } from '../../src/trace/messages.ts';

const crash = {
  text: 'crash-pod replicaset/frontend pod #0: container of pod/frontend-cjfvw crashed',
  ...faultApplied('crash-pod replicaset/frontend pod #0', {
    code: 'pod.crashed',
    params: { pod: 'frontend-cjfvw' },
  }),
};

describe('report: trace lines in the report language', () => {
  it('report: eventText: a Korean report says what the fault did, with every name the English names, keeping its command', () => {
    expect(eventText('ko', crash)).toBe(
      'crash-pod replicaset/frontend pod #0: pod/frontend-cjfvw 파드의 컨테이너가 비정상 종료했다',
    );
    expect(
      eventText('ko', {
        text: 'delete-pod web-9: skipped (no pod web-9 exists now)',
        code: 'fault.skipped',
        params: { command: 'delete-pod web-9', reason: 'no pod web-9 exists now' },
      }),
    ).toBe('delete-pod web-9: 건너뛰었다 (no pod web-9 exists now)');
  });

  it('report: eventText: an English report shows the text the run recorded', () => {
    expect(eventText('en', crash)).toBe(crash.text);
    expect(eventText('en', { ...crash, text: 'as recorded' })).toBe('as recorded');
  });

  it('report: eventText: a Korean report renders the code and params, never the English text', () => {
    const started = {
      text: 'started pod/web-1 (restarts 0)',
      code: 'kubelet.started',
      params: { pod: 'web-1', restarts: 0 },
    } as const;
    expect(eventText('ko', started)).toBe('pod/web-1 파드의 컨테이너를 시작했다 (재시작 0회)');
    expect(eventText('ko', { ...started, text: 'anything at all' })).toBe(eventText('ko', started));
    expect(
      eventText('ko', {
        text: 'idle → creatingPod on CREATE_POD: default/web: create web-1',
        ...transition('idle', 'creatingPod', 'CREATE_POD', {
          code: 'statefulset.intent',
          params: { key: 'default/web', intent: 'create', pod: 'web-1' },
        }),
      }),
    ).toBe('idle → creatingPod (CREATE_POD 이벤트): default/web: web-1 파드를 만든다');
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
    expect(ko).toContain('⚡ user: crash-node node-1: 머신 node-1: 전원이 꺼져 컨테이너가 모두 멈췄다');
    expect(ko).not.toContain('lost power');
    expect(renderMarkdown(result, { lang: 'en', sources: defaultSources })).toContain(
      '⚡ user: crash-node node-1: machine node-1 lost power',
    );
    const html = renderHtml(result, { lang: 'ko', sources: defaultSources });
    expect(html).not.toContain('lost power');
    expect(html).toContain('crash-node node-1: 머신 node-1: 전원이 꺼져 컨테이너가 모두 멈췄다');
  });
});
