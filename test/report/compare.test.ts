import { describe, expect, it } from 'vitest';
import { compareWorkloads, isComparison } from '../../src/report/compare.ts';
import { renderHtml } from '../../src/report/html.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { compareRun } from './compareFixture.ts';
import { fixtureSources, statefulSetPartitionRun } from './fixtures.ts';

describe('report: compare', () => {
  const run = compareRun();
  const cmp = compareWorkloads(run);
  const row = (prefix: string) => cmp.rows.find((r) => (r.fault?.event.text ?? 'start').startsWith(prefix))!;

  it('report: compare: only scenarios with more than one kind of workload are compared', () => {
    expect(isComparison(run)).toBe(true);
    expect(isComparison(statefulSetPartitionRun())).toBe(false);
    expect(renderMarkdown(statefulSetPartitionRun(), { lang: 'en', sources: fixtureSources })).not.toContain(
      'Side by side',
    );
  });

  it('report: compare: the start row lists each workload’s Pods as they were created', () => {
    expect(row('start').cells['statefulset/db']!.map((f) => [f.type, f.pod, f.node])).toEqual([
      ['created', 'db-0', 'node-1'],
      ['created', 'db-1', 'node-2'],
    ]);
  });

  it('report: compare: a lost Node: the ReplicaSet replaces under a new name, the DaemonSet restarts in place, the StatefulSet recreates the same name with its volume', () => {
    const crash = row('crash-node').cells;
    expect(crash['replicaset/front']).toEqual([
      {
        type: 'replaced',
        pod: 'front-aaaaa',
        node: 'node-1',
        by: 'front-ccccc',
        byNode: 'node-3',
        endMs: 410_000,
        evicted: true,
        readyMs: 412_040,
      },
    ]);
    expect(crash['daemonset/agent']).toEqual([
      { type: 'restarted', pod: 'agent-xxxxx', node: 'node-1', atMs: 490_000 },
    ]);
    expect(crash['statefulset/db']).toEqual([
      {
        type: 'recreated',
        pod: 'db-0',
        node: 'node-1',
        byNode: 'node-3',
        endMs: 410_001,
        goneMs: 487_000,
        evicted: true,
        createdMs: 487_040,
        readyMs: 489_040,
        claims: [{ claim: 'data-db-0', volume: 'kept' }],
      },
    ]);
    // The replacements are told once, not again as new Pods after the heal.
    expect(row('heal-node').cells['statefulset/db']).toEqual([]);
    expect(row('heal-node').cells['replicaset/front']).toEqual([]);
  });

  it('report: compare: scale-down removes the top Pod; a new Node gets its daemon Pod', () => {
    expect(row('scale').cells['statefulset/db']!.map((f) => [f.type, f.pod])).toEqual([
      ['kept', 'db-0'],
      ['removed', 'db-1'],
    ]);
    expect(row('scale').cells['daemonset/agent']).toEqual([]);
    expect(row('add-node').cells['daemonset/agent']!.map((f) => [f.type, f.pod, f.node])).toEqual([
      ['created', 'agent-zzzzz', 'node-4'],
    ]);
  });

  it('report: compare: summaries tell placement, scaling, identity, storage and network identity', () => {
    const [rs, ds, sts] = cmp.summaries;
    expect(rs!.placement).toEqual([
      { node: 'node-2', pods: ['front-bbbbb'] },
      { node: 'node-3', pods: ['front-ccccc'] },
    ]);
    expect([rs!.desired, rs!.ready, rs!.replacedCount]).toEqual([2, 2, 1]);
    expect([ds!.onePerNode, ds!.desired, ds!.replacedCount]).toEqual([true, 3, 0]);
    expect(sts!.names).toEqual(['db-0', 'db-1']);
    expect(sts!.recreatedCount).toBe(1);
    expect(sts!.claims).toEqual([
      { claim: 'data-db-0', creates: 1, volume: 'pv-data-db-0' },
      { claim: 'data-db-1', creates: 1, volume: 'pv-data-db-1' },
    ]);
    expect(sts!.dnsNames[0]).toBe('db-0.db.default.svc.cluster.local');
  });

  it('report: compare: Markdown and HTML show one column per workload, in both languages', () => {
    const md = renderMarkdown(run, { lang: 'en', sources: fixtureSources });
    expect(md).toContain('| Fault | `replicaset/front` | `daemonset/agent` | `statefulset/db` |');
    expect(md).toContain(
      '`front-aaaaa` on `node-1`: evicted at 06:50.000; replaced by a new Pod `front-ccccc` on `node-3` (Ready at 06:52.040)',
    );
    expect(md).toContain('`agent-xxxxx` stayed on `node-1` and started again there at 08:10.000');
    expect(md).toContain('kept its volume `data-db-0`');
    const ko = renderMarkdown(run, { lang: 'ko', sources: fixtureSources });
    expect(ko).toContain('## 나란히 보기: 워크로드마다 어떻게 반응했나');
    expect(ko).toContain('자기 볼륨 `data-db-0` 유지');
    const html = renderHtml(run, { lang: 'en', sources: fixtureSources });
    expect(html).toContain('<h2 id="compare">');
    expect(html).toContain('<a href="#compare">');
    expect(html.match(/<td[^>]*data-workload="statefulset\/db"/g)!.length).toBe(cmp.rows.length);
  });

  it('report: compare: hostile Pod names stay inert in both formats', () => {
    const r = compareRun();
    const evil = 'front-<img src=x onerror=alert(1)>|`x`';
    for (const e of r.events) {
      e.text = e.text.replaceAll('front-aaaaa', evil);
      const params = e.params as Record<string, unknown>;
      for (const [k, v] of Object.entries(params))
        if (typeof v === 'string') params[k] = v.replaceAll('front-aaaaa', evil);
    }
    for (const e of r.events)
      if (e.objects) e.objects = e.objects.map((o) => o.replaceAll('front-aaaaa', evil));
    const html = renderHtml(r, { lang: 'en', sources: fixtureSources });
    expect(html).not.toContain('<img');
    const md = renderMarkdown(r, { lang: 'en', sources: fixtureSources });
    const line = md.split('\n').find((l) => l.includes('onerror') && l.startsWith('| 01:00.000'))!;
    // Inside a code span GitHub shows the name literally; the pipe is escaped for the table.
    expect(line).toContain('`` front-<img src=x onerror=alert(1)>\\|`x` ``');
    // Pipes inside names do not add table columns.
    expect(line.split(/(?<!\\)\|/).length).toBe(6);
  });
});
