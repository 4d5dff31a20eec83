/**
 * Zone disruption states of the node lifecycle controller (ComputeZoneState): Normal, Partial
 * (more than 2 not-ready nodes and ≥ 55 % of the zone) and Full (no ready node). They set the
 * rate at which unreachable nodes get their NoExecute taint.
 */
import { nodeReadyStatus, nodeZone } from './nodes.ts';
import type { World } from './world.ts';

const PRIMARY_QPS = 0.1;
const SECONDARY_QPS = 0.01;
const LARGE_CLUSTER = 50;
const UNHEALTHY_THRESHOLD = 0.55;

type ZoneState = 'Normal' | 'PartialDisruption' | 'FullDisruption';

function zoneCounts(world: World): Map<string, { ready: number; notReady: number }> {
  const out = new Map<string, { ready: number; notReady: number }>();
  // Counting only: storage order cannot change the result, so skip list()'s sort.
  for (const node of world.store.values('Node')) {
    const zone = nodeZone(node);
    const c = out.get(zone) ?? { ready: 0, notReady: 0 };
    if (nodeReadyStatus(node) === 'True') c.ready++;
    else c.notReady++;
    out.set(zone, c);
  }
  return out;
}

function stateOf(c: { ready: number; notReady: number }): ZoneState {
  if (c.ready === 0 && c.notReady > 0) return 'FullDisruption';
  if (c.notReady > 2 && c.notReady / (c.ready + c.notReady) >= UNHEALTHY_THRESHOLD)
    return 'PartialDisruption';
  return 'Normal';
}

/** Nodes per second that may get the NoExecute taint in `zone` right now. */
export function zoneEvictionRate(world: World, zone: string): number {
  const counts = zoneCounts(world);
  const states = [...counts.values()].map(stateOf);
  // Every zone fully disrupted: the control plane assumes its own network is at fault and stops.
  if (states.length > 0 && states.every((s) => s === 'FullDisruption')) return 0;
  const c = counts.get(zone);
  if (!c) return PRIMARY_QPS;
  const state = stateOf(c);
  if (state === 'PartialDisruption') return c.ready + c.notReady > LARGE_CLUSTER ? SECONDARY_QPS : 0;
  return PRIMARY_QPS;
}
