/**
 * The `complete` failure mode (issue #11): the application exits 0. Under restartPolicy Always,
 * which every workload pod has, a real kubelet restarts the container with the crash back-off, so
 * the pod never ends Succeeded that way (its readiness flaps, restartCount grows). Only a pod with
 * restartPolicy Never or OnFailure is done. The simulator used to end every such pod Succeeded,
 * which made correct workload controllers look at terminal pods Kubernetes never produces.
 */
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/trace/render.ts';
import { bare, node, pod, ready, runTo, worldWith } from './helpers.ts';

const COMPLETE = { 'kubeprop.io/behavior': 'complete' };

function completing(restartPolicy?: string) {
  const w = worldWith([node('node-1')]);
  const p = bare('app', { nodeName: 'node-1', ...(restartPolicy ? { restartPolicy } : {}) });
  w.store.create('user', { ...p, metadata: { ...p.metadata, annotations: COMPLETE } });
  return w;
}

const restarts = (w: ReturnType<typeof worldWith>) =>
  (pod(w, 'app')?.status?.containerStatuses?.[0]?.restartCount ?? 0) as number;

describe('sim: an application that exits 0 (`complete`)', () => {
  it('complete-restarts: under restartPolicy Always it is restarted with back-off, never Succeeded', () => {
    const w = completing();
    let readyFlips = 0;
    let wasReady = false;
    for (let t = 0; t <= 120_000; t += 250) {
      runTo(w, t);
      expect(pod(w, 'app')?.status?.phase).not.toBe('Succeeded');
      if (ready(w, 'app') !== wasReady) readyFlips++;
      wasReady = ready(w, 'app');
    }
    // Starts at 1 s, exits at 2 s; restarts after 10, 20, 40 s of back-off: 3 restarts by 2 min.
    expect(restarts(w)).toBe(3);
    expect(readyFlips).toBeGreaterThanOrEqual(6);
    expect(pod(w, 'app')?.status?.phase).toBe('Running');
    const lines = w.trace.events.map((e) => e.text);
    const exited = 'container of pod/app exited with code 0; restart in 10s';
    expect(lines).toContain(exited);
    const event = w.trace.events.find((e) => e.text === exited)!;
    expect(event).toMatchObject({
      code: 'kubelet.exited',
      params: { pod: 'app', exitZero: true, restartSeconds: 10 },
    });
    expect(renderMessage('ko', event)).toBe(
      'pod/app 파드의 컨테이너가 코드 0으로 끝났다 (restartPolicy Always). 백오프 10초 뒤 다시 시작한다',
    );
  });

  it.each(['Never', 'OnFailure'])('under restartPolicy %s the pod ends Succeeded', (policy) => {
    const w = completing(policy);
    runTo(w, 60_000);
    expect(pod(w, 'app')?.status?.phase).toBe('Succeeded');
    expect(restarts(w)).toBe(0);
  });
});
