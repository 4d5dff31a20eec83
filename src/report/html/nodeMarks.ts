/**
 * What the step view shows of each node besides its pods: whether the node exists at that step (a
 * node added at 01:00 is not drawn at 00:30; a removed node is drawn on the step it goes, then no
 * more), and its cordon and NoSchedule/NoExecute taints as badges. Read from the API writes of the
 * trace (`api.node` carries the cordon and the taint effects, `api.removed` the end), never from
 * text.
 */
import type { TraceEvent } from '../../trace/types.ts';
import type { Frame } from '../cluster.ts';

/** Bit flags of a node at one frame. */
export const NODE_MARK = { present: 1, cordoned: 2, noSchedule: 4, noExecute: 8 } as const;

interface NodeState {
  exists: boolean;
  flags: number;
}

/** Applies one event to the node states; returns the node it removed, if any. */
function applyEvent(nodes: Map<string, NodeState>, e: TraceEvent): string | undefined {
  if (e.code === 'api.node') {
    const p = e.params;
    let flags = 0;
    if (p.unschedulable) flags |= NODE_MARK.cordoned;
    // Traces written before the effect counts existed carry none: no taint badge then.
    if ((p.noSchedule ?? 0) > 0) flags |= NODE_MARK.noSchedule;
    if ((p.noExecute ?? 0) > 0) flags |= NODE_MARK.noExecute;
    nodes.set(p.node, { exists: true, flags });
    return undefined;
  }
  if (e.code === 'api.removed' && e.params.ref.startsWith('node/')) {
    const name = e.params.ref.slice('node/'.length);
    nodes.set(name, { exists: false, flags: 0 });
    return name;
  }
  return undefined;
}

/**
 * The marks of every node of `nodes` at every frame (frames × nodes). Nodes of the scenario exist
 * from the start; any other node from its first write; a node is present on the frame it is
 * removed in (its card says so) and absent after.
 */
export function nodeMarks(
  events: readonly TraceEvent[],
  frames: readonly Frame[],
  nodes: readonly string[],
  initialNodes: readonly string[],
): number[][] {
  const state = new Map<string, NodeState>(initialNodes.map((n) => [n, { exists: true, flags: 0 }]));
  return frames.map((f) => {
    const removedNow = new Set<string>();
    for (let i = f.events[0]; i < f.events[1]; i++) {
      const removed = applyEvent(state, events[i]!);
      if (removed !== undefined) removedNow.add(removed);
    }
    return nodes.map((n) => {
      const s = state.get(n);
      if (!s) return 0;
      const present = s.exists || removedNow.has(n);
      return present ? s.flags | NODE_MARK.present : 0;
    });
  });
}
