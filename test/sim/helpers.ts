/** Builds small worlds for simulator tests: nodes, no controllers, steps until a time. */
import type { NewObject } from '../../src/model/types.ts';
import { DEFAULT_SIM_OPTIONS, type NodeSpec } from '../../src/scenario/types.ts';
import { World } from '../../src/sim/world.ts';

export function node(name: string, labels: Record<string, string> = {}): NodeSpec {
  return { name, labels, taints: [], unschedulable: false, podCapacity: 110 };
}

export function worldWith(nodes: NodeSpec[], seed = 1): World {
  const w = new World({
    seed,
    sim: { ...DEFAULT_SIM_OPTIONS, podStartMs: [1000, 1000] },
    freezeObjects: true,
  });
  for (const n of nodes) w.addNode(n);
  return w;
}

export function runTo(w: World, ms: number): void {
  for (let due = w.clock.peekDue(); due !== undefined && due <= ms; due = w.clock.peekDue()) w.step();
  w.clock.advanceTo(ms);
}

export function bare(name: string, extra: Record<string, unknown> = {}): NewObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'app', image: 'app:v1' }], terminationGracePeriodSeconds: 30, ...extra },
  };
}

export function pod(w: World, name: string) {
  return w.store.get('Pod', `default/${name}`);
}

export function ready(w: World, name: string): boolean {
  return (pod(w, name)?.status?.conditions ?? []).some(
    (c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True',
  );
}
