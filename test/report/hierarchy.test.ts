/**
 * The Deployment hierarchy in reports (issue #12): Pods coloured by their ReplicaSet's revision in
 * the step view's data and the nodes × time picture, the ReplicaSets with their sizes at each step
 * (HTML and Markdown), from a real run of scenarios/deployment-rolling-update.yaml; a run without a
 * Deployment shows none of it.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterFrames } from '../../src/report/cluster.ts';
import { REVISION_COLORS, revisionColor } from '../../src/report/html/revisions.ts';
import { renderHtml } from '../../src/report/html.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import { loadScenarioFile } from '../../src/scenario/parse.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const run = (file: string) => runScenario(loadScenarioFile(join(ROOT, 'scenarios', file)));

describe('report: deployment hierarchy', () => {
  const rollout = run('deployment-rolling-update.yaml');
  const frames = clusterFrames(rollout);

  it('report: hierarchy: every Pod of the rollout has its ReplicaSet’s revision, and both revisions run at once mid-rollout', () => {
    const last = frames.at(-1)!;
    expect(last.replicaSets?.map((rs) => rs.revision)).toContain(2);
    const newRs = last.replicaSets!.find((rs) => rs.revision === 2)!;
    for (const p of last.pods.filter((p) => p.phase !== 'Ghost')) {
      expect(p.revision, p.name).toBe(p.name.startsWith(`${newRs.name}-`) ? 2 : 1);
    }
    const mixed = frames.find((f) => new Set(f.pods.map((p) => p.revision)).size === 2);
    expect(mixed?.replicaSets).toHaveLength(2);
  });

  it('report: hierarchy: the HTML picture stripes each bar in its revision colour, with a legend and the step view’s ReplicaSet table', () => {
    const html = renderHtml(rollout, { lang: 'en' });
    expect(html).toContain(`class="rev" data-revision="1"`);
    expect(html).toMatch(new RegExp(`class="rev" data-revision="2"[^>]*fill="${revisionColor(2)}"`));
    expect(html).toContain(
      `<span class="sw" style="background:${revisionColor(1)}"></span>revision 1</span>`,
    );
    expect(html).toContain('<tbody id="replicasets-now"></tbody>');
    const data = JSON.parse(
      /<script type="application\/json" id="stepper-data">(.*?)<\/script>/s.exec(html)![1]!,
    );
    expect(data.revColors).toEqual({ 1: REVISION_COLORS[0], 2: REVISION_COLORS[1] });
    expect(data.labels.revision).toBe('revision {revision}');
    // The ReplicaSets at the last step, rebuilt from the per-frame deltas as the script does.
    let sets: unknown[] = [];
    for (const f of data.frames) if (f.q) sets = f.q;
    expect(sets).toEqual(
      frames.at(-1)!.replicaSets!.map((rs) => [rs.name, rs.revision, rs.replicas, rs.ready]),
    );
  });

  it('report: hierarchy: the Markdown lists the ReplicaSets with their sizes at each step they changed, in English and Korean', () => {
    const md = renderMarkdown(rollout, { lang: 'en' });
    const section = md.slice(md.indexOf('## The Deployment’s ReplicaSets, step by step'));
    const [oldRs, newRs] = [...frames.at(-1)!.replicaSets!].sort((a, b) => a.revision - b.revision);
    expect(section).toContain(`\`${oldRs!.name}\` (revision 1): 10 desired, 0 Ready`);
    expect(section).toContain(
      `\`${newRs!.name}\` (revision 2): ${newRs!.replicas} desired, ${newRs!.ready} Ready`,
    );
    const ko = renderMarkdown(rollout, { lang: 'ko' });
    expect(ko).toContain('## 디플로이먼트의 레플리카셋, 스텝별로');
    expect(ko).toContain(
      `\`${newRs!.name}\` (리비전 2): 레플리카 ${newRs!.replicas}개, Ready ${newRs!.ready}개`,
    );
  });

  it('report: hierarchy: a run without a Deployment has no revisions, no ReplicaSet table and no hierarchy section', () => {
    const plain = run('replicaset-self-healing.yaml');
    expect(
      clusterFrames(plain).some((f) => f.replicaSets !== undefined || f.pods.some((p) => p.revision)),
    ).toBe(false);
    const html = renderHtml(plain, { lang: 'en' });
    expect(html).not.toContain('id="replicasets-now"');
    expect(html).not.toContain('class="rev"');
    expect(html).not.toContain('"revColors"');
    expect(renderMarkdown(plain, { lang: 'en' })).not.toContain('ReplicaSets, step by step');
  });
});
