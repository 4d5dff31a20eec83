/** The comparison's "how clients reach it" row (issue #16): the path per kind, the run's Service and requests. */
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../src/model/types.ts';
import { renderHtml } from '../../src/report/html.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import type { RunResult } from '../../src/run/types.ts';
import type { TraceEvent } from '../../src/trace/types.ts';
import { compareRun } from './compareFixture.ts';
import { fixtureSources } from './fixtures.ts';

const service = (name: string, app: string, headless: boolean): KObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: {
    name,
    namespace: 'default',
    uid: `uid-${name}`,
    resourceVersion: '1',
    generation: 1,
    creationTimestamp: '1970-01-01T00:00:00Z',
  },
  spec: { selector: { app }, ...(headless ? { clusterIP: 'None' } : {}) },
});

/** The fixture run with a Service over the ReplicaSet's Pods, a headless one for db, and three requests. */
function withServices(): RunResult {
  const run = compareRun();
  const answered = (pod: string, i: number): TraceEvent => ({
    step: 9000 + i,
    atMs: 700_000,
    kind: 'info',
    actor: 'client',
    text: `request to front answered by pod/${pod}`,
    code: 'request.answered',
    params: { to: 'front', ip: '10.0.0.1', pod, node: 'node-2' },
  });
  const scenario = {
    ...run.scenario,
    objects: [...run.scenario.objects, service('front', 'front', false), service('db', 'db', true)],
  };
  return {
    ...run,
    scenario,
    events: [
      ...run.events,
      answered('front-bbbbb', 0),
      answered('front-ccccc', 1),
      answered('front-bbbbb', 2),
    ],
  };
}

describe('report: compare: how clients reach it', () => {
  it('report: compare: each kind says how clients reach it, in English and Korean, without a Service', () => {
    const md = renderMarkdown(compareRun(), { lang: 'en', sources: fixtureSources });
    const line = md.split('\n').find((l) => l.startsWith('| **How clients reach it**'));
    expect(line).toBeDefined();
    expect(line).toContain('interchangeable Pods behind a Service: one load-balanced ClusterIP');
    expect(line).toContain(
      'per Node: a client reaches the copy on its own Node (node-local, hostPort style)',
    );
    const ko = renderMarkdown(compareRun(), { lang: 'ko', sources: fixtureSources });
    const koLine = ko.split('\n').find((l) => l.startsWith('| **클라이언트가 닿는 길**'));
    expect(koLine).toContain('로드 밸런싱되는 ClusterIP');
    expect(koLine).toContain('노드 로컬, hostPort 방식');
  });

  it('report: compare: the run’s Services and requests per Pod are named', () => {
    const md = renderMarkdown(withServices(), { lang: 'en', sources: fixtureSources });
    const line = md.split('\n').find((l) => l.startsWith('| **How clients reach it**'))!;
    expect(line).toContain('behind the Service `front`');
    expect(line).toContain('requests answered: `front-bbbbb` ×2, `front-ccccc` ×1');
    expect(line).toContain('through the headless Service `db`: `db-0.db`');
    const html = renderHtml(withServices(), { lang: 'ko', sources: fixtureSources });
    expect(html).toContain('<th scope="row">클라이언트가 닿는 길</th>');
    expect(html).toContain('서비스 <code>front</code> 뒤에 있다');
    expect(html).toContain('응답한 요청: <code>front-bbbbb</code> ×2, <code>front-ccccc</code> ×1');
  });
});
