/**
 * kube-scheduler, reduced to what workload controllers rely on: filter nodes by nodeSelector,
 * required node affinity, taints (NoSchedule/NoExecute), spec.unschedulable, pod capacity and host
 * ports; score by spreading pods of the same owner, then by load; break ties with the seeded PRNG.
 * Large clusters are sampled like percentageOfNodesToScore (feasibleNodesToFind: at least 100
 * feasible nodes, from a rotating start) so a 5,000-node cluster costs the same per pod as a small
 * one. The start moves one node per pod; kube-scheduler moves it past every node it examined
 * (CONFORMANCE.md: which of the equally good nodes wins may differ, how many are scored does not).
 */
import { podMatchesNodeSelectorAndAffinity, targetNodeNameOf } from '../model/affinity.ts';
import { extend } from '../model/objects.ts';
import { getControllerOf } from '../model/pod.ts';
import { findUntoleratedTaint } from '../model/taints.ts';
import { formatTimestamp } from '../model/time.ts';
import type { KObject, Node, Taint, Toleration } from '../model/types.ts';
import type { WatchEvent } from './api/types.ts';
import type { Timer } from './clock.ts';
import { nodeTaints, podCapacity } from './nodes.ts';
import { type Condition, sharedCondition, sharedConditions } from './sharedStatusParts.ts';
import type { World } from './world.ts';

const SCHEDULE_DELAY_MS = 5;
const RETRY_DELAY_MS = 1_000;
const MIN_FEASIBLE = 100;
const INT32_MAX = 2 ** 31 - 1;

export class Scheduler {
  private active: string[] = [];
  private readonly queued = new Set<string>();
  private readonly unschedulable = new Set<string>();
  private timer: Timer | undefined;
  /** The nodes the sampling loop walks; rebuilt lazily after a node joins or leaves. */
  private readonly table = new NodeTable();
  private nodesStale = false;
  private rotate = 0;
  /** Pods counted on each node, by node name; one object per name for the scheduler's life. */
  private readonly loads = new Map<string, NodeLoad>();
  /** Pods counted per controller uid and node (spreading). */
  private readonly placed = new Map<string, Spread>();

  constructor(private readonly world: World) {
    world.store.watch((ev) => this.onEvent(ev));
  }

  private onEvent(ev: WatchEvent): void {
    if (ev.kind === 'Node') {
      // Rebuilt lazily: a cluster of 5,000 nodes joining one by one must not sort 5,000 times.
      if (ev.type !== 'MODIFIED') this.nodesStale = true;
      else if (!this.nodesStale) {
        // Kept exact: a write of a node (taint, cordon, condition) replaces its facts at once.
        this.table.replace(factsOf(ev.object));
      }
      this.retryUnschedulable();
      return;
    }
    if (ev.kind !== 'Pod') return;
    if (!sameAccount(ev.old, ev.object) || ev.type === 'DELETED') {
      this.account(ev.old, -1);
      if (ev.type !== 'DELETED') this.account(ev.object, +1);
    }
    const pod = ev.object;
    if (ev.type !== 'DELETED' && !pod.spec?.nodeName && !pod.metadata.deletionTimestamp)
      this.enqueue(ev.key, 0);
    if (ev.type === 'DELETED' || (ev.old && counted(ev.old) && !counted(ev.object)))
      this.retryUnschedulable();
  }

  private account(pod: KObject | undefined, delta: number): void {
    if (!pod || !counted(pod)) return;
    const load = this.loadOf(pod.spec.nodeName as string);
    load.pods += delta;
    this.table.loadChanged(load);
    const owner = getControllerOf(pod)?.uid;
    if (!owner) return;
    let spread = this.placed.get(owner);
    if (!spread) {
      spread = new Spread();
      this.placed.set(owner, spread);
    }
    if (spread.add(load, delta) === 0) this.placed.delete(owner);
  }

  private loadOf(node: string): NodeLoad {
    let l = this.loads.get(node);
    if (!l) {
      l = { pods: 0, at: -1 };
      this.loads.set(node, l);
    }
    return l;
  }

  private enqueue(key: string, delayMs: number): void {
    if (!this.queued.has(key)) {
      this.queued.add(key);
      this.active.push(key);
    }
    if (!this.timer)
      this.timer = this.world.clock.after(
        delayMs + SCHEDULE_DELAY_MS,
        'scheduler: schedule pending pods',
        () => this.run(),
      );
  }

  private retryUnschedulable(): void {
    if (this.unschedulable.size === 0) return;
    const keys = [...this.unschedulable].sort();
    this.unschedulable.clear();
    for (const k of keys) this.enqueue(k, RETRY_DELAY_MS);
  }

  private run(): void {
    this.timer = undefined;
    const batch = this.active;
    this.active = [];
    this.queued.clear();
    for (const key of batch) {
      const pod = this.world.store.get('Pod', key);
      if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp) continue;
      const node = this.pickNode(pod);
      if (node) this.bind(key, pod, node);
      else this.markUnschedulable(key, pod);
    }
  }

  private pickNode(pod: KObject): string | undefined {
    const target = targetNodeNameOf(pod.spec);
    if (target !== undefined) return this.fits(pod, target) ? target : undefined;
    if (this.nodesStale) {
      this.table.rebuild(this.world.store.list('Node').map(factsOf), (name) => this.loadOf(name));
      this.nodesStale = false;
    }
    const t = this.table;
    const count = t.facts.length;
    const want = feasibleNodesToFind(count);
    const owner = getControllerOf(pod)?.uid;
    const mine = owner === undefined ? undefined : this.placed.get(owner);
    const needs = needsOf(pod);
    if (needs.plain && t.blocked === 0 && count > 0 && (mine === undefined || mine.size < want)) {
      const at = t.pickEvenly(this.rotate % count, Math.min(want, count), mine, (ties) =>
        this.world.streams.stream('scheduler').int(ties),
      );
      if (at >= 0) {
        this.rotate = (this.rotate + 1) % count;
        return t.facts[at]!.name;
      }
    }
    // A small owner's counts are marked on the table before the loop, so the ~500 nodes a pod
    // samples on a large cluster are scored without a map lookup each; a large owner is looked up.
    const marked = mine !== undefined && mine.size < want ? t.mark(mine, true) : undefined;
    const lookUp = marked === undefined ? mine : undefined;
    const plain = needs.plain;
    const { pods, limit, same, best } = t;
    let ties = 0;
    let bestScore = Number.POSITIVE_INFINITY;
    let found = 0;
    // rotate may exceed the length after nodes left: the first index the modulo would give.
    let at = count > 0 ? this.rotate % count : 0;
    for (let i = 0; i < count && found < want; i++, at = at + 1 === count ? 0 : at + 1) {
      // A plain pod on an open node is filtered by capacity alone (what fitsNode would decide).
      const lim = limit[at]!;
      const load = pods[at]!;
      if (plain && lim >= 0 ? load >= lim : !this.fitsNode(needs, t.facts[at]!, t.loads[at]!)) continue;
      found++;
      const n = lookUp === undefined ? same[at]! : lookUp.countOn(t.loads[at]!);
      const score = n * 1_000_000 + load;
      if (score < bestScore) {
        bestScore = score;
        ties = 0;
      }
      if (score === bestScore) best[ties++] = at;
    }
    if (marked) t.mark(marked, false);
    if (count > 0) this.rotate = (this.rotate + 1) % count;
    if (ties === 0) return undefined;
    // The draw Rng.pick makes on an array of the ties: an index below their count.
    return t.facts[best[ties === 1 ? 0 : this.world.streams.stream('scheduler').int(ties)]!]!.name;
  }

  /** The Filter phase for one node, by name. */
  private fits(pod: KObject, nodeName: string): boolean {
    const node = this.world.store.get('Node', nodeName);
    return !!node && this.fitsNode(needsOf(pod), factsOf(node), this.loadOf(nodeName));
  }

  /** The Filter phase for one node (the sampling loop runs it ~500 times a pod on 5,000 nodes). */
  private fitsNode(needs: PodNeeds, facts: NodeFacts, load: NodeLoad): boolean {
    if (facts.deleting) return false;
    if (facts.taints.length > 0 && findUntoleratedTaint(facts.taints, needs.tolerations, NO_SCHEDULE_EFFECTS))
      return false;
    if (facts.unschedulable && !needs.toleratesUnschedulable) return false;
    if (load.pods >= facts.capacity) return false;
    if (
      needs.constrained &&
      !podMatchesNodeSelectorAndAffinity(needs.pod.spec, facts.node as unknown as Node)
    )
      return false;
    return needs.ports.length === 0 || !this.hostPortConflict(needs.ports, facts.name);
  }

  private hostPortConflict(ports: readonly number[], nodeName: string): boolean {
    for (const other of this.world.podsOnNode(nodeName)) {
      if (!counted(other)) continue;
      if (hostPorts(other).some((p) => ports.includes(p))) return true;
    }
    return false;
  }

  private bind(key: string, pod: KObject, node: string): void {
    const now = this.world.now;
    this.world.store.patch(
      'scheduler',
      'Pod',
      key,
      (p) =>
        extend(p, {
          spec: extend(p.spec, { nodeName: node }),
          status: extend(p.status, { conditions: boundConditions(p, now) }),
        }),
      { uid: pod.metadata.uid },
    );
  }

  private markUnschedulable(key: string, pod: KObject): void {
    this.unschedulable.add(key);
    const cur = (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'PodScheduled');
    if (cur?.status === 'False') return;
    this.world.store.patch(
      'scheduler',
      'Pod',
      key,
      (p) => ({ ...p, status: { ...p.status, conditions: scheduledCondition(p, 'False', this.world.now) } }),
      {
        status: true,
        uid: pod.metadata.uid,
      },
    );
  }
}

/**
 * How many feasible nodes a pod is scored against (kube-scheduler's numFeasibleNodesToFind with the
 * default adaptive percentageOfNodesToScore): all of them below 100, else 50 % less 1 % per 125
 * nodes, at least 5 %, at least 100 nodes, in Go's integer arithmetic (1,550 nodes: 38 %, 589).
 */
export function feasibleNodesToFind(count: number): number {
  if (count < MIN_FEASIBLE) return count;
  const percentage = Math.max(5, 50 - Math.trunc(count / 125));
  return Math.max(MIN_FEASIBLE, Math.trunc((count * percentage) / 100));
}

const NO_SCHEDULE_EFFECTS = ['NoSchedule', 'NoExecute'] as const;

/** What the filter reads of a Node object, computed once per object (nodes are immutable once stored). */
interface NodeFacts {
  name: string;
  node: KObject;
  deleting: boolean;
  taints: Taint[];
  unschedulable: boolean;
  capacity: number;
  /** Not deleting, untainted and schedulable: only capacity can turn a plain pod away. */
  open: boolean;
}

/** What the filter reads of the pod, computed once per scheduling attempt rather than per node. */
interface PodNeeds {
  pod: KObject;
  tolerations: Toleration[];
  toleratesUnschedulable: boolean;
  constrained: boolean;
  ports: readonly number[];
  /** No node selector, affinity or host port: an open node fits it while it has room. */
  plain: boolean;
}

function needsOf(pod: KObject): PodNeeds {
  const tolerations = (pod.spec?.tolerations ?? []) as Toleration[];
  const constrained = hasNodeConstraints(pod);
  const ports = computeHostPorts(pod);
  return {
    pod,
    tolerations,
    toleratesUnschedulable: tolerations.some(
      (t) => t.key === 'node.kubernetes.io/unschedulable' || (t.operator === 'Exists' && !t.key),
    ),
    constrained,
    ports,
    plain: !constrained && ports.length === 0,
  };
}

/** What is bound to one node (by name, whether or not the node exists now). */
interface NodeLoad {
  pods: number;
  /** The node's index in the NodeTable, -1 while it is not there. */
  at: number;
}

/**
 * The nodes the sampling loop walks, sorted by name, with what it reads of each in flat arrays by
 * index: ~500 nodes a pod on 5,000 nodes read from a few contiguous arrays, not from two objects
 * scattered over the heap each.
 */
class NodeTable {
  facts: NodeFacts[] = [];
  loads: NodeLoad[] = [];
  /** `loads[i].pods`, kept in step by loadChanged. */
  pods = new Int32Array(0);
  /** An open node's capacity; -1 for a node only the full filter can judge (or a capacity that is no int32). */
  limit = new Int32Array(0);
  /** The scheduling pod's owner's pods on node i while one pod is placed (see mark); else 0. */
  same = new Int32Array(0);
  /** The best-scoring indexes of the pod being placed, its first `ties` entries in use. */
  best = new Int32Array(0);
  /** pickEvenly's working space: the owner's nodes it skips. */
  private scratch = new Int32Array(0);
  /** Moves on at every rebuild, when node indexes change (Spread.atsFor). */
  version = 0;
  /** Nodes a plain pod may not fit: not open, full, or of a capacity the scores cannot hold. */
  blocked = 0;
  private readonly byLoad = new LoadBuckets();
  private index = new Map<string, number>();

  rebuild(facts: NodeFacts[], loadOf: (name: string) => NodeLoad): void {
    for (const l of this.loads) l.at = -1;
    this.version++;
    this.facts = facts;
    this.loads = facts.map((f, i) => {
      const load = loadOf(f.name);
      load.at = i;
      return load;
    });
    this.index = new Map(facts.map((f, i) => [f.name, i]));
    this.pods = Int32Array.from(this.loads, (l) => l.pods);
    this.limit = Int32Array.from(facts, limitOf);
    this.same = new Int32Array(facts.length);
    this.best = new Int32Array(facts.length);
    this.scratch = new Int32Array(facts.length);
    this.byLoad.reset(this.pods);
    this.blocked = 0;
    for (let i = 0; i < facts.length; i++) if (this.isBlocked(i)) this.blocked++;
  }

  /** A node's object was written: its new facts replace the old at once. */
  replace(facts: NodeFacts): void {
    const i = this.index.get(facts.name);
    if (i === undefined) return;
    const was = this.isBlocked(i);
    this.facts[i] = facts;
    this.limit[i] = limitOf(facts);
    this.blocked += +this.isBlocked(i) - +was;
  }

  loadChanged(load: NodeLoad): void {
    const i = load.at;
    if (i < 0) return;
    const was = this.isBlocked(i);
    this.byLoad.move(i, this.pods[i]!, load.pods);
    this.pods[i] = load.pods;
    this.blocked += +this.isBlocked(i) - +was;
  }

  private isBlocked(i: number): boolean {
    const lim = this.limit[i]!;
    return lim < 0 || lim > MAX_EVEN_LIMIT || this.pods[i]! >= lim;
  }

  /**
   * The sampling loop's pick for a plain pod while every node is open with room (no node
   * blocked): the first `window` nodes from `start` are the ones it samples, and among them the
   * lowest score is the least loaded node holding none of the owner's pods, ties in scan order.
   * Answers from the per-load node sets instead of reading every sampled node; -1 when the
   * owner has pods on every least loaded node there (the loop decides then).
   */
  pickEvenly(
    start: number,
    window: number,
    mine: Spread | undefined,
    draw: (ties: number) => number,
  ): number {
    const buckets = this.byLoad;
    for (let load = buckets.lowest(); load < buckets.sizes.length; load++) {
      const all = buckets.countIn(load, start, window);
      if (all === 0) continue;
      const skipped = mine === undefined ? 0 : this.ownedInWindow(mine, load, start, window);
      if (skipped < 0) return -1;
      if (all === skipped) continue;
      const ties = all - skipped;
      // The ties' order is the scan's (best[]), so the draw names the same node.
      let k = ties === 1 ? 0 : draw(ties);
      if (skipped > 0) {
        const ranks = this.scratch.subarray(0, skipped);
        for (let i = 0; i < skipped; i++) ranks[i] = buckets.offsetRank(load, start, ranks[i]!);
        ranks.sort();
        for (const r of ranks) if (r <= k) k++;
      }
      return buckets.nth(load, start, k);
    }
    return -1;
  }

  /**
   * Writes to `scratch` the owner's nodes holding `load` pods among the `window` nodes from
   * `start` and returns how many there are; -1 for an owner count below 1 (the loop decides then).
   */
  private ownedInWindow(mine: Spread, load: number, start: number, window: number): number {
    const count = this.pods.length;
    const ats = mine.atsFor(this);
    const counts = mine.counts;
    let n = 0;
    for (let i = 0; i < ats.length; i++) {
      if (counts[i]! < 1) return -1;
      const at = ats[i]!;
      if (at < 0 || this.pods[at] !== load) continue;
      if ((at >= start ? at - start : at + count - start) < window) this.scratch[n++] = at;
    }
    return n;
  }

  /**
   * Writes one owner's per-node pod counts onto `same` (on) or puts them back to 0 (off); returns
   * the spread. Between two picks `same` is all 0, so the loop reads it without a check.
   */
  mark(spread: Spread, on: boolean): Spread {
    const ats = spread.atsFor(this);
    const counts = spread.counts;
    for (let i = 0; i < ats.length; i++) {
      const at = ats[i]!;
      if (at >= 0) this.same[at] = on ? counts[i]! : 0;
    }
    return spread;
  }
}

/**
 * One controller's pods per node, in parallel arrays: marking them for each of its pods reads two
 * short arrays, not a map entry and a scattered load object per node (issue #17: marking was two
 * fifths of pickNode at 5,000 nodes).
 */
class Spread {
  private readonly slots = new Map<NodeLoad, number>();
  private readonly loads: NodeLoad[] = [];
  /** Pods on `loads[i]` (never 0: a node the owner leaves is dropped). */
  readonly counts: number[] = [];
  /** `loads[i].at` as of the table version `version`. */
  private ats: number[] = [];
  private version = -1;

  get size(): number {
    return this.loads.length;
  }

  /** Counts `delta` more pods on the node; returns how many nodes the owner has pods on. */
  add(load: NodeLoad, delta: number): number {
    const slot = this.slots.get(load);
    if (slot === undefined) {
      this.slots.set(load, this.loads.length);
      this.loads.push(load);
      this.counts.push(delta);
      this.ats.push(load.at);
      return this.loads.length;
    }
    const n = this.counts[slot]! + delta;
    if (n !== 0) this.counts[slot] = n;
    else this.drop(load, slot);
    return this.loads.length;
  }

  countOn(load: NodeLoad): number {
    const slot = this.slots.get(load);
    return slot === undefined ? 0 : this.counts[slot]!;
  }

  /** The table index of each node, re-read after the table was rebuilt. */
  atsFor(table: NodeTable): readonly number[] {
    if (this.version !== table.version) {
      this.ats = this.loads.map((l) => l.at);
      this.version = table.version;
    }
    return this.ats;
  }

  /** Removes a slot by moving the last one into it (order within a spread is never read). */
  private drop(load: NodeLoad, slot: number): void {
    const last = this.loads.length - 1;
    if (slot !== last) {
      const moved = this.loads[last]!;
      this.loads[slot] = moved;
      this.counts[slot] = this.counts[last]!;
      this.ats[slot] = this.ats[last]!;
      this.slots.set(moved, slot);
    }
    this.loads.pop();
    this.counts.pop();
    this.ats.pop();
    this.slots.delete(load);
  }
}

/** Scores are `ownerPods * 1_000_000 + load`: above this capacity a load could outscore a spread. */
const MAX_EVEN_LIMIT = 999_999;

/**
 * The table's nodes grouped by how many pods they hold: for each load a Fenwick tree over node
 * indexes, so the nodes of one load within a range of the table are counted, and the k-th of them
 * found, in log(nodes) steps. Trees exist only for loads some node holds.
 */
export class LoadBuckets {
  /** Nodes holding each load. */
  sizes: number[] = [];
  private trees: Array<Int32Array | undefined> = [];
  private n = 0;
  private low = 0;

  reset(pods: Int32Array): void {
    this.n = pods.length;
    this.sizes = [];
    this.trees = [];
    this.low = 0;
    for (let i = 0; i < pods.length; i++) this.add(pods[i]!, i, 1);
  }

  move(i: number, from: number, to: number): void {
    if (from === to) return;
    this.add(from, i, -1);
    this.add(to, i, 1);
  }

  /** No node holds fewer pods than this. */
  lowest(): number {
    while (this.low < this.sizes.length && !this.sizes[this.low]) this.low++;
    return this.low;
  }

  /** Nodes holding `load` among the `window` indexes from `start` (wrapping at the end). */
  countIn(load: number, start: number, window: number): number {
    if (!this.sizes[load]) return 0;
    const end = start + window;
    if (end <= this.n) return this.rank(load, end) - this.rank(load, start);
    return this.sizes[load]! - this.rank(load, start) + this.rank(load, end - this.n);
  }

  /** How many nodes holding `load` come before index `at` in scan order from `start`. */
  offsetRank(load: number, start: number, at: number): number {
    const before = this.rank(load, start);
    return at >= start ? this.rank(load, at) - before : this.sizes[load]! - before + this.rank(load, at);
  }

  /** The index of the k-th (from 0) node holding `load` in scan order from `start`. */
  nth(load: number, start: number, k: number): number {
    const before = this.rank(load, start);
    const after = this.sizes[load]! - before;
    return this.select(load, k < after ? before + k : k - after);
  }

  private add(load: number, i: number, delta: number): void {
    if (load < 0) return;
    const size = (this.sizes[load] ?? 0) + delta;
    this.sizes[load] = size;
    if (size === 0) {
      // A load no node holds any more: its tree goes (loads only climb while pods converge).
      this.trees[load] = undefined;
      return;
    }
    if (load < this.low) this.low = load;
    let tree = this.trees[load];
    if (tree === undefined) {
      tree = new Int32Array(this.n + 1);
      this.trees[load] = tree;
    }
    for (let x = i + 1; x <= this.n; x += x & -x) tree[x]! += delta;
  }

  /** Nodes holding `load` at indexes below `i`. */
  private rank(load: number, i: number): number {
    const tree = this.trees[load];
    let sum = 0;
    if (tree !== undefined) for (let x = i; x > 0; x -= x & -x) sum += tree[x]!;
    return sum;
  }

  /** The index of the node holding `load` with `k` such nodes below it. */
  private select(load: number, k: number): number {
    const tree = this.trees[load]!;
    let pos = 0;
    let rest = k;
    for (let step = 1 << (31 - Math.clz32(this.n)); step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= this.n && tree[next]! <= rest) {
        pos = next;
        rest -= tree[next]!;
      }
    }
    return pos;
  }
}

function limitOf(f: NodeFacts): number {
  const c = f.capacity;
  return f.open && Number.isInteger(c) && c >= 0 && c <= INT32_MAX ? c : -1;
}

const FACTS = new WeakMap<KObject, NodeFacts>();

function factsOf(node: KObject): NodeFacts {
  let f = FACTS.get(node);
  if (!f) {
    const deleting = !!node.metadata.deletionTimestamp;
    const taints = nodeTaints(node);
    const unschedulable = !!node.spec?.unschedulable;
    f = {
      name: node.metadata.name,
      node,
      deleting,
      taints,
      unschedulable,
      capacity: podCapacity(node),
      open: !deleting && taints.length === 0 && !unschedulable,
    };
    FACTS.set(node, f);
  }
  return f;
}

/** Most pods name no node at all: skip the selector machinery for them (a hot path at scale). */
function hasNodeConstraints(pod: KObject): boolean {
  const spec = pod.spec ?? {};
  return !!spec.nodeSelector || !!spec.affinity?.nodeAffinity;
}

/** The last conditions list a bind built for a pod with none: `[PodScheduled True]` at `atMs`. */
let scheduledOnly: { atMs: number; list: readonly Condition[] } | undefined;

/**
 * A bound pod's conditions. A pod with none yet (a controller's new pod) gets the shared, frozen
 * `[PodScheduled True]` of this millisecond: pods bound in one scheduling pass hold one list, and
 * the kubelet's first report finds its input already shared.
 */
function boundConditions(pod: KObject, nowMs: number): readonly object[] {
  const conds = pod.status?.conditions as readonly Condition[] | undefined;
  if (conds !== undefined && conds.length > 0) return scheduledCondition(pod, 'True', nowMs);
  if (scheduledOnly?.atMs !== nowMs) {
    const cond = sharedCondition('PodScheduled', 'True', formatTimestamp(nowMs));
    scheduledOnly = { atMs: nowMs, list: sharedConditions([cond]) };
  }
  return scheduledOnly.list;
}

function scheduledCondition(pod: KObject, status: 'True' | 'False', nowMs: number) {
  const others = ((pod.status?.conditions ?? []) as Array<{ type: string }>).filter(
    (c) => c.type !== 'PodScheduled',
  );
  const lastTransitionTime = formatTimestamp(nowMs);
  const cond =
    status === 'True'
      ? { type: 'PodScheduled', status, lastTransitionTime }
      : {
          type: 'PodScheduled',
          status,
          lastTransitionTime,
          reason: 'Unschedulable',
          message: '0 nodes are available',
        };
  return [...others, cond];
}

/**
 * Whether two versions of a pod count the same: both bound to the same node and not finished, under
 * the same controller (then -1 and +1 would cancel). Most pod writes are a kubelet's status reports.
 */
function sameAccount(a: KObject | undefined, b: KObject): boolean {
  if (!a || a.spec?.nodeName !== b.spec?.nodeName || counted(a) !== counted(b)) return false;
  const ra = a.metadata.ownerReferences;
  return ra === b.metadata.ownerReferences || getControllerOf(a)?.uid === getControllerOf(b)?.uid;
}

/** Pods that occupy a node's capacity: bound and not finished. */
function counted(pod: KObject): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

const HOST_PORTS = new WeakMap<KObject, number[]>();

/** Host ports a pod claims (memoized per pod object: objects are immutable values). */
function hostPorts(pod: KObject): number[] {
  let ports = HOST_PORTS.get(pod);
  if (!ports) {
    ports = computeHostPorts(pod);
    HOST_PORTS.set(pod, ports);
  }
  return ports;
}

function computeHostPorts(pod: KObject): number[] {
  const out: number[] = [];
  for (const c of (pod.spec?.containers ?? []) as Array<{ ports?: Array<{ hostPort?: number }> }>) {
    for (const p of c.ports ?? []) if (p.hostPort) out.push(p.hostPort);
  }
  return out;
}
