import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { faultApplied, transition } from './messages.ts';
import { TraceRecorder, traceLine } from './recorder.ts';

/** A few steps of messages, one fault headed before the effects it caused. */
function record(r: TraceRecorder): void {
  r.record('info', 'runner', {
    code: 'run.started',
    params: { version: '0.1.0', scenario: 'x', seed: 1, events: 1 },
  });
  r.step = 3;
  r.now = 1_500;
  r.headed(() => {
    r.record(
      'update',
      'user',
      {
        code: 'api.pod',
        params: {
          verb: 'terminate',
          pod: 'web-1',
          node: 'node-1',
          phase: 'Running',
          ready: true,
          terminating: true,
        },
      },
      ['pod/web-1'],
    );
    return {
      kind: 'fault',
      actor: 'user',
      message: faultApplied('delete-pod web-1', {
        code: 'pod.deleted',
        params: { pod: 'web-1', force: false },
      }),
      objects: ['pod/web-1'],
    };
  });
  r.step = 4;
  r.now = 1_520;
  r.record(
    'controller',
    'statefulset-controller',
    transition('idle', 'waitingForTermination', 'SYNC', { code: 'sync.key', params: { key: 'default/web' } }),
  );
}

describe('TraceRecorder', () => {
  it('digests the canonical lines, in order, whether or not it keeps the events', () => {
    const kept = new TraceRecorder(true);
    const lean = new TraceRecorder(false);
    record(kept);
    record(lean);
    const lines = kept.events.map(traceLine);
    expect(lines[1]).toBe(
      '3 1500 fault user fault.applied command="delete-pod web-1" effect="pod.deleted" force=false pod="web-1"',
    );
    expect(lines[2]).toMatch(/^3 1500 update user api\.pod node="node-1" phase="Running" pod="web-1"/);
    const expected = createHash('sha256')
      .update(lines.map((l) => `${l}\n`).join(''))
      .digest('hex');
    expect(kept.digest()).toBe(expected);
    expect(lean.digest()).toBe(expected);
    expect(lean.events).toEqual([]);
  });

  it('without a digest to compute and nothing to keep, records nothing, but still keeps events when asked', () => {
    const idle = new TraceRecorder(false, false);
    record(idle);
    expect(idle.digest()).toBe('');
    expect(idle.recording).toBe(false);
    expect(new TraceRecorder(false).recording).toBe(true);
    expect(idle.events).toEqual([]);
    const kept = new TraceRecorder(true, false);
    const digesting = new TraceRecorder(true);
    record(kept);
    record(digesting);
    expect(kept.digest()).toBe('');
    expect(kept.events).toEqual(digesting.events);
  });

  it('keeps the English rendering as text, and the code and params beside it', () => {
    const kept = new TraceRecorder(true);
    record(kept);
    expect(kept.events.map((e) => e.text)).toEqual([
      'kubeprop 0.1.0 scenario=x seed=1 events=1',
      'delete-pod web-1: pod/web-1 deleted',
      'terminate pod/web-1 node=node-1 phase=Running ready=true terminating',
      'idle → waitingForTermination on SYNC: default/web',
    ]);
    expect(kept.events[1]).toMatchObject({
      code: 'fault.applied',
      params: { effect: 'pod.deleted', pod: 'web-1' },
    });
  });

  it('digests the message, not its wording: the same params give the same line whatever the text says', () => {
    const a = new TraceRecorder(true);
    a.record('node', 'taint-eviction-controller', { code: 'node.evicting', params: { pod: 'p', node: 'n' } });
    const e = a.events[0]!;
    expect(traceLine({ ...e, text: 'reworded' })).toBe(traceLine(e));
    expect(traceLine({ ...e, params: { node: 'n', pod: 'p' } } as typeof e)).toBe(traceLine(e));
  });
});
