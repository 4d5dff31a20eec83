/**
 * A scripted event that names a node, object, pod, PVC or controller the scenario can never hold
 * (not in the cluster, not created by any event, not a pod any workload can own, a controller with
 * no workload to run for) is bad input, refused at that field with the names it could have meant
 * (issue #10: a typo must not pass as a skipped event). One that exists at some time but not at its
 * event's moment stays a skipped event (design §2), so times are ignored here: only "ever". Chaos
 * events are drawn from existing things and are not checked. Events are read raw, in file order,
 * so `events[3]` is the fourth event of the file.
 */
import { canonicalTarget } from '../chaos/refs.ts';
import type { KObject } from '../model/types.ts';
import { isMap } from './fields.ts';
import type { Path, SourceDoc } from './source.ts';
import type { NodeSpec } from './types.ts';

/**
 * `sts/web`, `StatefulSet/web` → `statefulset/web`, by the normaliser the faults use (so the check
 * and the run agree on what a target names); a target it does not know stays as written.
 */
export function normalTarget(target: string): string {
  return canonicalTarget(target) ?? target;
}

type Raw = Record<string, unknown>;

const WORKLOADS: readonly string[] = ['ReplicaSet', 'DaemonSet', 'StatefulSet', 'Deployment'];

/** A StatefulSet's pods as ordinals: every `ordinals.start` it was ever defined with, and its most replicas. */
interface SetRange {
  starts: Set<number>;
  max: number;
  claims: string[];
}

/** Everything the scenario can ever hold, whatever the time. */
interface Universe {
  nodes: string[];
  addedNodes: string[];
  /** `<kind>/<name>` of objects in spec.objects/files, and of create-object events. */
  objects: string[];
  created: string[];
  sets: Map<string, SetRange>;
  /** ReplicaSets and DaemonSets: their pods are `<name>-<5-letter suffix>` (generateName). */
  generated: string[];
  pods: string[];
  pvcs: string[];
  /** Controllers that run: one per workload kind the scenario brings (runScenario starts no others). */
  controllers: string[];
}

/**
 * Checks every node, target, pod and pvc reference of the raw `spec.events`.
 * @throws ScenarioError at the first reference that can never resolve.
 */
export function checkEventReferences(
  src: SourceDoc,
  rawEvents: unknown,
  nodes: readonly NodeSpec[],
  objects: readonly KObject[],
): void {
  if (!Array.isArray(rawEvents)) return;
  const events = rawEvents.filter(isMap) as Raw[];
  const u = universe(events, nodes, objects);
  rawEvents.forEach((ev, i) => {
    if (isMap(ev)) checkEvent(src, ['spec', 'events', i], `events[${i}]`, ev, u);
  });
}

function checkEvent(src: SourceDoc, at: Path, label: string, ev: Raw, u: Universe): void {
  const fail = (field: Path, message: string) => {
    throw src.error([...at, ...field], `${label}.${field.join('.')}: ${message}`);
  };
  if (typeof ev.node === 'string' && ev.do !== 'add-node') {
    const why = nodeProblem(ev.node, u);
    if (why) fail(['node'], why);
  }
  if (typeof ev.target === 'string') {
    const why = targetProblem(ev.target, u);
    if (why) fail(['target'], why);
  }
  if (typeof ev.pvc === 'string' && !pvcExists(ev.pvc, u)) fail(['pvc'], pvcProblem(ev.pvc, u));
  if (typeof ev.controller === 'string' && !u.controllers.includes(ev.controller))
    fail(['controller'], controllerProblem(ev.controller, u));
  if (typeof ev.pod === 'string' && !podExists(ev.pod, u)) fail(['pod'], podProblem(ev.pod, u));
  if (isMap(ev.pod)) {
    const owner = typeof ev.pod.owner === 'string' ? targetProblem(ev.pod.owner, u) : null;
    if (owner) fail(['pod', 'owner'], owner);
    const node = typeof ev.pod.node === 'string' ? nodeProblem(ev.pod.node, u) : null;
    if (node) fail(['pod', 'node'], node);
  }
}

function universe(events: Raw[], nodes: readonly NodeSpec[], objects: readonly KObject[]): Universe {
  const created = events
    .filter((e) => e.do === 'create-object' && isMap(e.object))
    .map((e) => e.object as unknown as KObject);
  const all = [...objects, ...created];
  const u: Universe = {
    nodes: nodes.map((n) => n.name),
    addedNodes: events.filter((e) => e.do === 'add-node').map((e) => String(e.node)),
    objects: objects.map(refOf),
    created: created.map(refOf),
    sets: new Map(),
    generated: all
      .filter((o) => o.kind === 'ReplicaSet' || o.kind === 'DaemonSet')
      .map((o) => o.metadata.name),
    pods: all.filter((o) => o.kind === 'Pod').map((o) => o.metadata.name),
    pvcs: all.filter((o) => o.kind === 'PersistentVolumeClaim').map((o) => o.metadata.name),
    controllers: [
      ...new Set(all.filter((o) => WORKLOADS.includes(o.kind)).map((o) => o.kind.toLowerCase())),
      // A Service brings the EndpointSlice controller.
      ...(all.some((o) => o.kind === 'Service') ? ['endpointslice'] : []),
    ],
  };
  for (const o of all) if (o.kind === 'StatefulSet') addSet(u, o);
  for (const e of events) {
    if (e.do !== 'scale' || typeof e.target !== 'string' || typeof e.replicas !== 'number') continue;
    const t = normalTarget(e.target);
    const set = t.startsWith('statefulset/') ? u.sets.get(t.slice('statefulset/'.length)) : undefined;
    if (set) set.max = Math.max(set.max, e.replicas);
  }
  return u;
}

function refOf(o: { kind?: unknown; metadata?: { name?: unknown } }): string {
  return `${String(o.kind).toLowerCase()}/${String(o.metadata?.name)}`;
}

function addSet(u: Universe, o: KObject): void {
  const spec = (o.spec ?? {}) as {
    replicas?: number;
    ordinals?: { start?: number };
    volumeClaimTemplates?: Array<{ metadata?: { name?: string } }>;
  };
  const set = u.sets.get(o.metadata.name) ?? { starts: new Set<number>(), max: 0, claims: [] };
  set.starts.add(spec.ordinals?.start ?? 0);
  set.max = Math.max(set.max, spec.replicas ?? 1);
  for (const t of spec.volumeClaimTemplates ?? []) if (t.metadata?.name) set.claims.push(t.metadata.name);
  u.sets.set(o.metadata.name, set);
}

const listed = (names: readonly string[]) => (names.length === 0 ? 'none' : names.join(', '));

function nodeProblem(node: string, u: Universe): string | null {
  if (u.nodes.includes(node) || u.addedNodes.includes(node)) return null;
  return `${node} is not a node of this scenario (nodes: ${listed(u.nodes)}; add-node events: ${listed(u.addedNodes)})`;
}

function targetProblem(target: string, u: Universe): string | null {
  const t = normalTarget(target);
  if (u.objects.includes(t) || u.created.includes(t)) return null;
  const workloads = (refs: string[]) => refs.filter((r) => !/^(pod|service|persistentvolumeclaim)\//.test(r));
  return `${target} is not an object of this scenario (objects: ${listed(workloads(u.objects))}; create-object events: ${listed(workloads(u.created))})`;
}

/** The ordinal of `name` as a pod of set `set` (`web-3` → 3), or undefined. */
function ordinalOf(name: string, prefix: string): number | undefined {
  if (!name.startsWith(`${prefix}-`)) return undefined;
  const rest = name.slice(prefix.length + 1);
  return /^(0|[1-9][0-9]*)$/.test(rest) ? Number(rest) : undefined;
}

function inRange(ordinal: number | undefined, set: SetRange): boolean {
  return ordinal !== undefined && [...set.starts].some((s) => ordinal >= s && ordinal < s + set.max);
}

/** The generateName suffix alphabet of the API store (five letters, no vowels). */
const GENERATED_SUFFIX = /^[bcdfghjklmnpqrstvwxz2456789]{5}$/;

function podExists(pod: string, u: Universe): boolean {
  if (u.pods.includes(pod)) return true;
  if (u.generated.some((g) => pod.startsWith(`${g}-`) && GENERATED_SUFFIX.test(pod.slice(g.length + 1))))
    return true;
  return [...u.sets].some(([name, set]) => inRange(ordinalOf(pod, name), set));
}

function setPods(u: Universe): string[] {
  return [...u.sets].map(([name, set]) =>
    [...set.starts]
      .map((s) => (set.max <= 1 ? `${name}-${s}` : `${name}-${s}..${name}-${s + set.max - 1}`))
      .join(', '),
  );
}

function podProblem(pod: string, u: Universe): string {
  const known = [...u.pods, ...setPods(u), ...u.generated.map((g) => `${g}-<suffix>`)];
  return `${pod} is not a pod this scenario can have (pods: ${listed(known)}; or {owner: <kind>/<name>, index: N})`;
}

function pvcExists(pvc: string, u: Universe): boolean {
  if (u.pvcs.includes(pvc)) return true;
  return [...u.sets].some(([name, set]) =>
    set.claims.some((c) => inRange(ordinalOf(pvc, `${c}-${name}`), set)),
  );
}

function pvcProblem(pvc: string, u: Universe): string {
  const claims = [...u.sets].flatMap(([name, set]) => set.claims.map((c) => `${c}-${name}-<ordinal>`));
  return `${pvc} is not a PersistentVolumeClaim this scenario can have (claims: ${listed([...u.pvcs, ...claims])})`;
}

function controllerProblem(controller: string, u: Universe): string {
  return `the ${controller} controller does not run in this scenario, which has no ${controller} (controllers that run: ${listed(u.controllers)})`;
}
