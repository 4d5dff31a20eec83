/**
 * Parts of pod status that many pods hold with equal values, built once and shared: conditions by
 * (type, status, lastTransitionTime), the conditions list by its elements, container states by start
 * time and containerStatuses by the pod's containers. Everything handed out is frozen, so a caller
 * that mutated one would fail loudly instead of changing other pods. The caches are bounded and only
 * ever decide which equal object is returned, never a value, so they cannot affect a run.
 */

export interface Condition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
}

export type ContainerState =
  | { running: { startedAt: string } }
  | { waiting: { reason: string } }
  | { terminated: { reason: string; exitCode: number } };

/** Entries a cache holds before it starts again (a few seconds of a large run). */
const CACHE_LIMIT = 4096;

/** Shared conditions: type → status → lastTransitionTime → the condition. */
let conditions = new Map<string, Map<string, Map<string, Condition>>>();
let conditionCount = 0;

/** The shared `{ type, status, lastTransitionTime }` with these values. */
export function sharedCondition(type: string, status: string, lastTransitionTime: string): Condition {
  const byTime = childOf(childOf(conditions, type), status);
  let cond = byTime.get(lastTransitionTime);
  if (!cond) {
    if (++conditionCount > CACHE_LIMIT) {
      conditions = new Map();
      conditionCount = 0;
      lists = { list: undefined, next: undefined };
      listCount = 0;
      return sharedCondition(type, status, lastTransitionTime);
    }
    cond = Object.freeze({ type, status, lastTransitionTime });
    byTime.set(lastTransitionTime, cond);
  }
  return cond;
}

/** The map under `key`, created empty when missing. */
function childOf<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let child = map.get(key);
  if (!child) {
    child = new Map();
    map.set(key, child);
  }
  return child;
}

/**
 * The shared equal of a condition that has exactly the keys type, status and lastTransitionTime
 * (in that order: the shared one must serialise the same); any other condition is returned as is.
 */
export function shareCondition(c: Condition): Condition {
  let i = 0;
  for (const k in c) if (k !== PLAIN_CONDITION_KEYS[i++]) return c;
  if (i !== 3 || c.lastTransitionTime === undefined) return c;
  return sharedCondition(c.type, c.status, c.lastTransitionTime);
}

const PLAIN_CONDITION_KEYS = ['type', 'status', 'lastTransitionTime'];

/** A trie over condition identities whose nodes hold the shared list of that path. */
interface ListNode {
  list: readonly Condition[] | undefined;
  next: Map<Condition, ListNode> | undefined;
}
let lists: ListNode = { list: undefined, next: undefined };
let listCount = 0;

/**
 * The shared list with the same elements (by identity) as `conds`, or `conds` itself, frozen, when it
 * is the first such list. Lists holding an unshared condition are returned as they are.
 */
export function sharedConditions(conds: Condition[]): Condition[] {
  let node = lists;
  for (const c of conds) {
    if (!Object.isFrozen(c)) return conds;
    node.next ??= new Map();
    let n = node.next.get(c);
    if (!n) {
      n = { list: undefined, next: undefined };
      node.next.set(c, n);
    }
    node = n;
  }
  if (node.list) return node.list as Condition[];
  if (++listCount > CACHE_LIMIT) {
    lists = { list: undefined, next: undefined };
    listCount = 0;
  }
  node.list = Object.freeze(conds);
  return conds;
}

/** Running states by startedAt. */
let running = new Map<string, ContainerState>();

/** The shared `{ running: { startedAt } }`. */
export function runningState(startedAt: string): ContainerState {
  let state = running.get(startedAt);
  if (!state) {
    if (running.size >= CACHE_LIMIT) running = new Map();
    state = Object.freeze({ running: Object.freeze({ startedAt }) });
    running.set(startedAt, state);
  }
  return state;
}

interface ContainerSpec {
  name: string;
  image?: string;
}

interface ContainerStatus {
  name: string;
  image?: string;
  ready: boolean;
  restartCount: number;
  started: boolean;
  state: ContainerState;
}

/** What a pod without containers in its spec reports (one container named app). */
const DEFAULT_CONTAINERS: readonly ContainerSpec[] = Object.freeze([
  Object.freeze({ name: 'app', image: 'app' }),
]);

/** The last statuses built for a containers list (pods of one template share the list). */
interface StatusesMemo {
  ready: boolean;
  restartCount: number;
  started: boolean;
  state: ContainerState;
  statuses: readonly ContainerStatus[];
}
const lastStatuses = new WeakMap<object, StatusesMemo>();

/**
 * `status.containerStatuses` for the spec's containers: every container reports the same
 * readiness, restart count and state (the simulated pod runs one process). Shared with the last pod
 * of the same containers list that reported the same.
 */
export function containerStatusesFor(
  specContainers: readonly ContainerSpec[] | undefined,
  ready: boolean,
  c: { restartCount: number; running: boolean },
  state: ContainerState,
): ContainerStatus[] {
  const containers = specContainers ?? DEFAULT_CONTAINERS;
  const { restartCount, running: started } = c;
  const memo = lastStatuses.get(containers);
  if (
    memo &&
    memo.ready === ready &&
    memo.restartCount === restartCount &&
    memo.started === started &&
    memo.state === state
  )
    return memo.statuses as ContainerStatus[];
  const statuses = Object.freeze(
    containers.map((ct) =>
      Object.freeze({ name: ct.name, image: ct.image, ready, restartCount, started, state }),
    ),
  );
  lastStatuses.set(containers, { ready, restartCount, started, state, statuses });
  return statuses as ContainerStatus[];
}
