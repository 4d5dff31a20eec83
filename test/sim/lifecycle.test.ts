import { describe, expect, it } from 'vitest';
import { crashNode, healNode, partitionNode, removeNode } from '../../src/sim/nodeOps.ts';
import { nodeReadyStatus } from '../../src/sim/nodes.ts';
import { bare, node, pod, ready, runTo, worldWith } from './helpers.ts';

describe('simulator: scheduler and kubelet', () => {
  it('binds a pod, starts it after the start delay, and reports it Ready', () => {
    const w = worldWith([node('node-a')]);
    w.store.create('user', bare('p'));
    runTo(w, 500);
    expect(pod(w, 'p')?.spec.nodeName).toBe('node-a');
    expect(pod(w, 'p')?.status.phase).toBe('Pending');
    runTo(w, 2_000);
    expect(pod(w, 'p')?.status.phase).toBe('Running');
    expect(ready(w, 'p')).toBe(true);
    expect(pod(w, 'p')?.spec.tolerations).toContainEqual({
      key: 'node.kubernetes.io/unreachable',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 300,
    });
  });

  it('keeps a pod Pending (Unschedulable) when no node fits its nodeSelector, and places it when one joins', () => {
    const w = worldWith([node('node-a')]);
    w.store.create('user', bare('p', { nodeSelector: { disk: 'ssd' } }));
    runTo(w, 5_000);
    expect(pod(w, 'p')?.status.conditions).toContainEqual(
      expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }),
    );
    w.addNode(node('node-b', { disk: 'ssd' }));
    runTo(w, 10_000);
    expect(pod(w, 'p')?.spec.nodeName).toBe('node-b');
  });

  it('restarts a crashed container in place with back-off 10 s, then 20 s', () => {
    const w = worldWith([node('node-a')]);
    w.store.create('user', bare('p'));
    runTo(w, 2_000);
    const m = w.machines.get('node-a')!;
    const c = [...m.containers.values()][0]!;
    w.kubelet.crash(m, c);
    runTo(w, 2_100);
    expect(ready(w, 'p')).toBe(false);
    runTo(w, 12_100);
    expect(c.running).toBe(true);
    expect(c.restartCount).toBe(1);
    w.kubelet.crash(m, c);
    runTo(w, 25_000);
    expect(c.running).toBe(false);
    runTo(w, 33_000);
    expect(c.running).toBe(true);
  });
});

describe('simulator: node lifecycle', () => {
  it('a crashed node turns Unknown after the 50 s grace, then its pods are evicted after 300 s and stay Terminating', () => {
    const w = worldWith([node('node-a'), node('node-b'), node('node-c')]);
    w.store.create('user', bare('p', { nodeName: 'node-a' }));
    runTo(w, 2_000);
    crashNode(w, 'node-a');
    runTo(w, 40_000);
    expect(nodeReadyStatus(w.store.get('Node', 'node-a')!)).toBe('True');
    runTo(w, 66_000);
    expect(nodeReadyStatus(w.store.get('Node', 'node-a')!)).toBe('Unknown');
    expect(ready(w, 'p')).toBe(false);
    const taints = w.store
      .get('Node', 'node-a')!
      .spec.taints.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`);
    expect(taints).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
    runTo(w, 340_000);
    expect(pod(w, 'p')?.metadata.deletionTimestamp).toBeUndefined();
    runTo(w, 380_000);
    expect(pod(w, 'p')?.metadata.deletionTimestamp).toBeDefined();
    runTo(w, 900_000);
    expect(pod(w, 'p')).toBeDefined();
    healNode(w, 'node-a');
    runTo(w, 920_000);
    expect(pod(w, 'p')).toBeUndefined();
  });

  it('a partitioned node keeps running its containers: the simulator knows what the API does not', () => {
    const w = worldWith([node('node-a'), node('node-b'), node('node-c')]);
    w.store.create('user', bare('p', { nodeName: 'node-a' }));
    runTo(w, 2_000);
    partitionNode(w, 'node-a');
    runTo(w, 400_000);
    expect(pod(w, 'p')?.metadata.deletionTimestamp).toBeDefined();
    const c = [...w.machines.get('node-a')!.containers.values()][0]!;
    expect(c.running).toBe(true);
  });

  it('when every node is down (full disruption) nothing is evicted', () => {
    const w = worldWith([node('node-a'), node('node-b')]);
    w.store.create('user', bare('p', { nodeName: 'node-a' }));
    runTo(w, 2_000);
    crashNode(w, 'node-a');
    crashNode(w, 'node-b');
    runTo(w, 800_000);
    expect(pod(w, 'p')?.metadata.deletionTimestamp).toBeUndefined();
    expect(
      (w.store.get('Node', 'node-a')!.spec.taints ?? []).some(
        (t: { effect: string }) => t.effect === 'NoExecute',
      ),
    ).toBe(false);
  });

  it('removing a node lets pod GC force-delete its pods', () => {
    const w = worldWith([node('node-a'), node('node-b')]);
    w.store.create('user', bare('p', { nodeName: 'node-a' }));
    runTo(w, 2_000);
    removeNode(w, 'node-a');
    runTo(w, 50_000);
    expect(pod(w, 'p')).toBeUndefined();
  });
});
