import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { fixtureSources, longRun, statefulSetPartitionRun, statefulSetPassRun } from './fixtures.ts';

describe('report: markdown', () => {
  const md = renderMarkdown(statefulSetPartitionRun(), { lang: 'en', sources: fixtureSources });

  it('report: markdown: shows the verdict, replay commands and the invariant table', () => {
    expect(md).toContain('# ❌ kubeprop report: hotel-statefulset-partition');
    expect(md).toContain('npx kubeprop run scenarios/statefulset-partition.yaml --seed 42');
    expect(md).toContain('npx kubeprop replay hotel-statefulset-partition.replay.json');
    expect(md).toMatch(/\| `statefulset\.at-most-one` \| safety \| ❌ violated \| step 38 at 06:41\.523 \|/);
    expect(md).toContain('| `replicaset.exact-replicas` | liveness | ➖ not applicable |');
  });

  it('report: markdown: explains the first violation from the events that led to it', () => {
    expect(md).toContain('First broken at step 38, simulated time 06:41.523.');
    expect(md).toContain('a fault hit: delete-pod web-0 force');
    expect(md).toContain('two guests held the key to the same room');
    expect(md).toContain('[StatefulSet: a hotel with numbered rooms](#concept-statefulset)');
  });

  it('report: markdown: draws the visited part of the state machine, and coverage', () => {
    expect(md).toContain('```mermaid\nstateDiagram-v2');
    expect(md).toContain(
      'class s_idle,s_creatingPod,s_waitingForReady,s_waitingForDeletion,s_writingStatus visited',
    );
    expect(md).not.toContain('s_claimingPods');
    expect(md).not.toContain('s_deletingPod');
    expect(md).toContain('States not visited: claimingPods, deletingPod');
    expect(md).toContain('Coverage: 5 of 7 states, 7 of 13 transitions.');
  });

  it('report: markdown: workloads as YAML without aliases; timeline marks faults', () => {
    expect(md).toContain('```yaml\napiVersion: apps/v1\nkind: StatefulSet');
    expect(md).not.toMatch(/&a1|\*a1/);
    expect(md).toMatch(/00:30\.000 #26 +⚡ user: partition-node node-a/);
  });

  it('report: markdown: a pass has no replay-file command and no violation section', () => {
    const pass = renderMarkdown(statefulSetPassRun(), { lang: 'en', sources: fixtureSources });
    expect(pass).toContain('PASS: every checked invariant held.');
    expect(pass).not.toContain('kubeprop replay');
    expect(pass).not.toContain('What went wrong');
  });

  it('report: markdown: a long run keeps faults, decisions and violations and counts the rest', () => {
    const run = longRun(600);
    const long = renderMarkdown(run, { lang: 'en', sources: fixtureSources });
    expect(long).toContain(`This run has ${run.events.length} events`);
    const counts = [...long.matchAll(/… (\d+) more event\(s\)/g)].map((m) => Number(m[1]));
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(600);
    expect(long.split('\n').length).toBeLessThan(run.events.length / 2);
    expect(long).toContain('⚡ user: partition-node node-a');
  });

  it('report: markdown: Korean uses the course analogies and the glossary terms (docs/glossary-ko.md)', () => {
    const ko = renderMarkdown(statefulSetPartitionRun(), { lang: 'ko', sources: fixtureSources });
    expect(ko).toContain('스테이트풀셋: 방 번호가 있는 호텔');
    expect(ko).toContain('같은 방의 열쇠를 두 투숙객이 동시에');
    expect(ko).toContain('커버리지: 상태 7개 중 5개, 전이 13개 중 7개.');
  });

  it('report: markdown: without a machine registry it says the machine is unavailable', () => {
    const bare = renderMarkdown(statefulSetPartitionRun(), { lang: 'en' });
    expect(bare).toContain('The state machine of statefulset is not available in this build.');
  });

  it('report: markdown: is deterministic', () => {
    expect(renderMarkdown(statefulSetPartitionRun(), { lang: 'en', sources: fixtureSources })).toBe(md);
  });
});
