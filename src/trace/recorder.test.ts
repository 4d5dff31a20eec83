import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TraceRecorder, traceLine } from './recorder.ts';

/** A few steps of lines, one fault line headed before the effects it caused. */
function record(r: TraceRecorder): void {
  r.record('info', 'runner', 'kubeprop scenario=x seed=1');
  r.step = 3;
  r.now = 1_500;
  r.headed(() => {
    r.record('update', 'user', 'terminate pod/web-1 node=node-1 phase=Running ready=true terminating', [
      'pod/web-1',
    ]);
    return {
      kind: 'fault',
      actor: 'user',
      text: 'delete-pod web-1: pod/web-1 deleted',
      objects: ['pod/web-1'],
    };
  });
  r.step = 4;
  r.now = 1_520;
  r.record('controller', 'statefulset-controller', 'idle → waitingForTermination on SYNC: default/web');
}

describe('TraceRecorder', () => {
  it('digests the canonical lines, in order, whether or not it keeps the events', () => {
    const kept = new TraceRecorder(true);
    const lean = new TraceRecorder(false);
    record(kept);
    record(lean);
    const lines = kept.events.map(traceLine);
    expect(lines[1]).toBe('3 1500 fault user delete-pod web-1: pod/web-1 deleted');
    expect(lines[2]).toMatch(/^3 1500 update user terminate pod\/web-1/);
    const expected = createHash('sha256')
      .update(lines.map((l) => `${l}\n`).join(''))
      .digest('hex');
    expect(kept.digest()).toBe(expected);
    expect(lean.digest()).toBe(expected);
    expect(lean.events).toEqual([]);
  });
});
