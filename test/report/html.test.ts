import { describe, expect, it } from 'vitest';
import { clusterFrames } from '../../src/report/cluster.ts';
import { renderHtml } from '../../src/report/html.ts';
import { fixtureSources, statefulSetPartitionRun, statefulSetPassRun } from './fixtures.ts';

describe('report: html', () => {
  const html = renderHtml(statefulSetPartitionRun(), { lang: 'en', sources: fixtureSources });

  it('report: html: is self-contained (no network: no src, no external href, no @import, no url())', () => {
    expect(html).not.toMatch(/\ssrc=/);
    expect(html).not.toMatch(/href="(?!#)/);
    expect(html).not.toMatch(/@import|url\((?!#)/);
    expect(html).toMatch(/^<!DOCTYPE html>/);
  });

  it('report: html: has the verdict, invariant table, violation story, replay commands', () => {
    expect(html).toContain(
      '<div class="verdict violation" id="verdict">VIOLATION: 1 invariant(s) broke.</div>',
    );
    expect(html).toMatch(/<tr class="violated" data-invariant="statefulset.at-most-one">/);
    expect(html).toContain('two guests held the key to the same room');
    expect(html).toContain(
      '<pre id="cmd-run">npx kubeprop run scenarios/statefulset-partition.yaml --seed 42</pre>',
    );
    expect(html).toContain(
      '<pre id="cmd-replay">npx kubeprop replay hotel-statefulset-partition.replay.json</pre>',
    );
  });

  it('report: html: draws the picture, the machine with coverage and embeds the stepper data', () => {
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" id="picture"');
    expect(html).toContain('url(#ghost-hatch)');
    expect(html).toMatch(/<g class="state visited" data-state="waitingForDeletion">/);
    expect(html).toMatch(/<g class="state" data-state="deletingPod">/);
    expect(html).toContain('Coverage: 5 of 7 states, 7 of 13 transitions.');
    expect(html).toContain('<script type="application/json" id="stepper-data">');
  });

  it('report: html: the cluster at the violation shows web-0 twice: a ghost on node-a and a new pod on node-b', () => {
    const r = statefulSetPartitionRun();
    const step = r.invariants[0]!.violations[0]!.step;
    const frame = clusterFrames(r).find((f) => f.step === step)!;
    expect(frame.pods.filter((p) => p.name === 'web-0')).toEqual([
      { name: 'web-0', node: 'node-b', phase: 'Running' },
      { name: 'web-0', node: 'node-a', phase: 'Ghost' },
    ]);
    expect(frame.nodes).toContainEqual(['node-a', 'partitioned']);
  });

  it('report: html: a pass has no jump button; Korean uses the course analogies; output is deterministic', () => {
    const pass = renderHtml(statefulSetPassRun(), { lang: 'en', sources: fixtureSources });
    expect(pass).not.toMatch(/<button[^>]*data-jump-violation/);
    const ko = renderHtml(statefulSetPartitionRun(), { lang: 'ko', sources: fixtureSources });
    expect(ko).toContain('<html lang="ko">');
    expect(ko).toContain('스테이트풀셋: 방 번호가 있는 호텔');
    expect(renderHtml(statefulSetPartitionRun(), { lang: 'en', sources: fixtureSources })).toBe(html);
  });
});
