/**
 * The per-node picture a DaemonSet sync plans from, and the controller's incremental copy of it.
 *
 * Kubernetes walks every node on every sync (`getNodesToDaemonPods`, `manage`, `rollingUpdate`,
 * `updateDaemonSetStatus`). On a 5,000-node cluster that is most of the controller's time, and
 * nearly all of it is spent on quiet nodes: one pod of the current template that is neither
 * finished nor terminating, on a node that lets it continue running, and either available or not
 * Ready at all. Such a node gives manage() and the rolling update nothing to do and only adds to
 * counts (status fields, the rolling update's available and unavailable counts). A
 * {@link NodeTable} therefore lists only the nodes that need a look (in node-name order) and sums
 * the quiet ones in a {@link Tally}; an ineligible node without pods adds nothing and is left out.
 * Built from every node ({@link fullTable}) it is the plain Kubernetes walk; {@link DaemonSetViews}
 * keeps it up to date from watch events, so a sync costs O(nodes that changed + nodes not quiet).
 *
 * Quietness is judged against the DaemonSet spec object and current hash and holds until the node
 * or one of its pods changes (an event): a pod that is not Ready stays unavailable, and an available
 * one stays available as time passes. A Ready pod still inside minReadySeconds is re-judged every
 * sync.
 */
import { compileSelector, selectorMatches } from '../../model/labels.ts';
import { isPodReady } from '../../model/pod.ts';
import type { KObject, Pod } from '../../model/types.ts';
import type { WatchEvent } from '../../sim/api/types.ts';
import type { Informer } from '../../sim/informer.ts';
import { controllerRefOf } from '../shared/claim.ts';
import { type Eligibility, type EligibilityRules, NEVER, nodeShouldRunDaemonPod } from './eligibility.ts';
import { available, byAgeAndPhase, isTerminal, podHash, podNode } from './pods.ts';

/** A node (or a vanished node that pods still target) that needs a look this sync. */
export interface NodeEntry {
  name: string;
  /** The cached node, undefined when pods target a node that is gone. */
  node: KObject | undefined;
  /** Eligibility of the DaemonSet on the node (never, when the node is gone). */
  e: Eligibility;
  /** The DaemonSet's pods for the node, oldest first, without finished pods that are being deleted. */
  pods: KObject[];
}

/** What the quiet nodes left out of a table add to the counts. */
export interface Tally {
  /** Status fields over the quiet nodes (numberUnavailable follows from the others). */
  desired: number;
  current: number;
  misscheduled: number;
  ready: number;
  available: number;
  updated: number;
  /** Quiet nodes whose pod is available / unavailable, eligible or not (the rolling update's counts). */
  podsAvailable: number;
  podsUnavailable: number;
}

export interface NodeTable {
  /** Nodes that need a look, sorted by name. */
  entries: readonly NodeEntry[];
  /** What the quiet nodes left out add to the counts. */
  quiet: Tally;
}

export function emptyTally(): Tally {
  return {
    desired: 0,
    current: 0,
    misscheduled: 0,
    ready: 0,
    available: 0,
    updated: 0,
    podsAvailable: 0,
    podsUnavailable: 0,
  };
}

function addTally(into: Tally, t: Tally, sign: 1 | -1): void {
  into.desired += sign * t.desired;
  into.current += sign * t.current;
  into.misscheduled += sign * t.misscheduled;
  into.ready += sign * t.ready;
  into.available += sign * t.available;
  into.updated += sign * t.updated;
  into.podsAvailable += sign * t.podsAvailable;
  into.podsUnavailable += sign * t.podsUnavailable;
}

/**
 * How a node takes part in a sync: `quiet` (nothing to do; adds `tally` to the counts), `idle`
 * (ineligible and empty: nothing at all), `busy` (needs a look), or `waiting` (needs a look, and
 * turns quiet by itself once its Ready pod has been Ready for minReadySeconds).
 */
type NodeState = 'quiet' | 'idle' | 'busy' | 'waiting';

function classify(
  entry: NodeEntry,
  hash: string,
  minReady: number,
  nowMs: number,
): { state: NodeState; tally?: Tally } {
  const { node, e, pods } = entry;
  if (pods.length === 0) return { state: !node || !e.shouldRun ? 'idle' : 'busy' };
  if (!node || !e.shouldContinueRunning || pods.length !== 1) return { state: 'busy' };
  const pod = pods[0]!;
  if (pod.metadata.deletionTimestamp || isTerminal(pod) || podHash(pod) !== hash) return { state: 'busy' };
  const ready = isPodReady(pod as Pod);
  const avail = ready && available(pod, minReady, nowMs);
  if (ready && !avail) return { state: 'waiting' };
  const tally = emptyTally();
  if (e.shouldRun) {
    tally.desired = tally.current = tally.updated = 1;
    if (ready) tally.ready = tally.available = 1;
  } else tally.misscheduled = 1;
  if (avail) tally.podsAvailable = 1;
  else tally.podsUnavailable = 1;
  return { state: 'quiet', tally };
}

/** Pods of one node as planning sees them (`getNodesToDaemonPods`). */
function planPods(pods: Iterable<KObject>): KObject[] {
  const out: KObject[] = [];
  for (const p of pods) if (!(p.metadata.deletionTimestamp && isTerminal(p))) out.push(p);
  if (out.length > 1) out.sort(byAgeAndPhase);
  return out;
}

const byName = (a: NodeEntry, b: NodeEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Every node and every vanished node with pods, as one table (no quiet shortcut). */
export function fullTable(
  ds: KObject,
  nodes: Iterable<KObject>,
  pods: Iterable<KObject>,
  rules: EligibilityRules,
): NodeTable {
  const groups = new Map<string, KObject[]>();
  for (const p of pods) {
    const n = podNode(p);
    if (n === undefined) continue;
    const g = groups.get(n);
    if (g) g.push(p);
    else groups.set(n, [p]);
  }
  const entries: NodeEntry[] = [];
  for (const node of nodes) {
    const name = node.metadata.name;
    entries.push({
      name,
      node,
      e: nodeShouldRunDaemonPod(ds, node, rules),
      pods: planPods(groups.get(name) ?? []),
    });
    groups.delete(name);
  }
  for (const [name, g] of groups) {
    const ps = planPods(g);
    if (ps.length > 0) entries.push({ name, node: undefined, e: NEVER, pods: ps });
  }
  entries.sort(byName);
  return { entries, quiet: emptyTally() };
}

interface Slot {
  name: string;
  node: KObject | undefined;
  pods: Map<string, KObject>;
  state: NodeState;
  entry?: NodeEntry;
  tally?: Tally;
}

/** One DaemonSet's incremental table, valid for one spec object. */
class View {
  readonly slots = new Map<string, Slot>();
  /** Pod key → the node it targets ('' for none). */
  readonly podNode = new Map<string, string>();
  /** Pods we control whose labels no longer match the selector (the sync must release them). */
  readonly nonMatching = new Set<string>();
  /** Nodes that need a look (busy or waiting), and the waiting ones (re-judged every sync). */
  readonly busy = new Set<string>();
  readonly waiting = new Set<string>();
  readonly dirty = new Set<string>();
  /** The busy entries sorted by name, until a busy node changes. */
  sorted: NodeEntry[] | undefined;
  readonly quiet = emptyTally();
  hash = '';
  private readonly sel;

  constructor(
    readonly uid: string,
    readonly spec: unknown,
    selector: unknown,
  ) {
    this.sel = compileSelector(selector as Parameters<typeof compileSelector>[0]);
  }

  slot(name: string): Slot {
    let s = this.slots.get(name);
    if (!s) {
      s = { name, node: undefined, pods: new Map(), state: 'idle' };
      this.slots.set(name, s);
    }
    return s;
  }

  setNode(name: string, node: KObject | undefined): void {
    if (!node && !this.slots.has(name)) return;
    this.slot(name).node = node;
    this.dirty.add(name);
  }

  upsertPod(key: string, pod: KObject): void {
    this.removePod(key);
    const n = podNode(pod) ?? '';
    this.podNode.set(key, n);
    if (!selectorMatches(this.sel, pod.metadata.labels)) this.nonMatching.add(key);
    if (n === '') return;
    this.slot(n).pods.set(key, pod);
    this.dirty.add(n);
  }

  removePod(key: string): void {
    const n = this.podNode.get(key);
    if (n === undefined) return;
    this.podNode.delete(key);
    this.nonMatching.delete(key);
    if (n === '') return;
    this.slots.get(n)?.pods.delete(key);
    this.dirty.add(n);
  }

  /** Re-judges a slot; drops it when neither a node nor a pod is left. */
  refresh(s: Slot, ds: KObject, rules: EligibilityRules, minReady: number, nowMs: number): void {
    const was = s.state;
    if (s.tally) addTally(this.quiet, s.tally, -1);
    s.tally = undefined;
    if (!s.node && s.pods.size === 0) {
      this.slots.delete(s.name);
      s.state = 'idle';
      s.entry = undefined;
    } else {
      const entry: NodeEntry = {
        name: s.name,
        node: s.node,
        e: s.node ? nodeShouldRunDaemonPod(ds, s.node, rules) : NEVER,
        pods: planPods(s.pods.values()),
      };
      const c = classify(entry, this.hash, minReady, nowMs);
      s.state = c.state;
      s.entry = s.state === 'busy' || s.state === 'waiting' ? entry : undefined;
      s.tally = c.tally;
      if (c.tally) addTally(this.quiet, c.tally, 1);
    }
    if (s.entry) this.busy.add(s.name);
    else this.busy.delete(s.name);
    if (s.state === 'waiting') this.waiting.add(s.name);
    else this.waiting.delete(s.name);
    if (s.entry || was === 'busy' || was === 'waiting') this.sorted = undefined;
  }
}

/**
 * The controller's incremental tables, one per DaemonSet uid, fed by every watch event the
 * controller's handlers see. A table is built from the cache on first use (and after a restart,
 * when the handlers may have missed events) and rebuilt when the DaemonSet's spec object changes.
 */
export class DaemonSetViews {
  private readonly views = new Map<string, View>();

  constructor(
    private readonly informer: Informer,
    private readonly rules: EligibilityRules,
  ) {}

  /** Keeps the tables in step with the cache; O(DaemonSets) per event. */
  onEvent(ev: WatchEvent): void {
    if (this.views.size === 0) return;
    if (ev.kind === 'Pod') {
      const owner = ev.type === 'DELETED' ? undefined : controllerRefOf(ev.object)?.uid;
      for (const v of this.views.values()) {
        if (v.uid === owner) v.upsertPod(ev.key, ev.object);
        else v.removePod(ev.key);
      }
    } else if (ev.kind === 'Node') {
      const node = ev.type === 'DELETED' ? undefined : ev.object;
      for (const v of this.views.values()) v.setNode(ev.key, node);
    } else if (ev.kind === 'DaemonSet' && ev.type === 'DELETED') {
      this.views.delete(ev.object.metadata.uid);
    }
  }

  /** Whether the DaemonSet controls pods whose labels no longer match its selector. */
  hasUnmatchedPods(ds: KObject): boolean {
    return this.view(ds).nonMatching.size > 0;
  }

  /**
   * The table for `ds` at `hash`: nodes that need a look plus what the quiet ones add. Undefined when
   * some controlled pods do not match the selector (the caller plans from the full walk).
   */
  table(ds: KObject, hash: string, nowMs: number): NodeTable | undefined {
    const v = this.view(ds);
    if (v.nonMatching.size > 0) return undefined;
    const minReady = ds.spec?.minReadySeconds ?? 0;
    if (v.hash !== hash) {
      v.hash = hash;
      for (const name of v.slots.keys()) v.dirty.add(name);
    }
    for (const name of v.waiting) v.dirty.add(name);
    for (const name of v.dirty) {
      const s = v.slots.get(name);
      if (s) v.refresh(s, ds, this.rules, minReady, nowMs);
    }
    v.dirty.clear();
    if (!v.sorted) {
      v.sorted = [];
      for (const name of v.busy) v.sorted.push(v.slots.get(name)!.entry!);
      v.sorted.sort(byName);
    }
    return { entries: v.sorted, quiet: { ...v.quiet } };
  }

  private view(ds: KObject): View {
    const uid = ds.metadata.uid;
    let v = this.views.get(uid);
    if (v && v.spec === ds.spec) return v;
    v = new View(uid, ds.spec, ds.spec?.selector);
    for (const [name, node] of this.informer.map('Node')) v.setNode(name, node);
    for (const [key, pod] of this.informer.podsOwnedBy(uid)) v.upsertPod(key, pod);
    this.views.set(uid, v);
    return v;
  }
}
