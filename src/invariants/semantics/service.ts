/**
 * The judge's own statement of what a Service's endpoints should be (the EndpointSlice controller's
 * documented behaviour, written apart from controllers/endpointslice/plan.ts so a bug planted there is
 * not copied here), and an address book of pod IPs kept from the API store's writes.
 *
 * A pod is an endpoint of a selector Service in its namespace while it has an IP and is neither
 * Succeeded nor Failed; its endpoint is ready when the pod is Ready and not being deleted, or always
 * when the Service publishes not-ready addresses.
 */
import type { KObject } from '../../model/types.ts';
import type { World } from '../../sim/world.ts';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
export const MAX_ENDPOINTS_PER_SLICE = 100;

/** The selector that gives a Service endpoints: none for an ExternalName Service (a DNS alias). */
export function selectorOf(svc: KObject): Record<string, string> {
  return svc.spec?.type === 'ExternalName' ? {} : (svc.spec?.selector ?? {});
}

export function selectsPod(svc: KObject, pod: KObject): boolean {
  const sel = selectorOf(svc);
  const keys = Object.keys(sel);
  if (keys.length === 0) return false;
  if ((pod.metadata.namespace ?? 'default') !== (svc.metadata.namespace ?? 'default')) return false;
  return keys.every((k) => pod.metadata.labels?.[k] === sel[k]);
}

export function isReady(pod: KObject): boolean {
  return (pod.status?.conditions ?? []).some(
    (c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True',
  );
}

/** Ready and not being deleted: a pod that may take new connections. */
export function takesTraffic(pod: KObject): boolean {
  return isReady(pod) && !pod.metadata.deletionTimestamp;
}

/** Has an IP and is not terminal: the pod belongs among the Service's endpoints. */
export function isEndpointPod(pod: KObject): boolean {
  const phase = pod.status?.phase;
  return !!pod.status?.podIP && phase !== 'Succeeded' && phase !== 'Failed';
}

export function endpointShouldBeReady(svc: KObject, pod: KObject): boolean {
  return svc.spec?.publishNotReadyAddresses === true || takesTraffic(pod);
}

/** The slices the EndpointSlice controller manages for the Service. */
export function managedSlices(world: World, svc: KObject): KObject[] {
  const ns = svc.metadata.namespace ?? 'default';
  const out: KObject[] = [];
  for (const s of world.store.values('EndpointSlice')) {
    const l = s.metadata.labels ?? {};
    if (
      s.metadata.namespace === ns &&
      l[SERVICE_NAME_LABEL] === svc.metadata.name &&
      l[MANAGED_BY_LABEL] === MANAGED_BY
    )
      out.push(s);
  }
  return out.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

/**
 * Who held each pod IP, as the API store's pod writes show it: the pod holding it now (not terminal),
 * and, for an address no pod holds any more, the last pod that did and when it let go. Also when each
 * address last belonged to a pod that took traffic. Kept per world and brought up to date once a step.
 */
export interface AddressBook {
  holder: Map<string, { name: string; uid: string; namespace: string }>;
  released: Map<string, { name: string; atMs: number }>;
  /** Addresses whose pod takes traffic now. */
  serving: Set<string>;
  /** When an address stopped taking traffic (its pod became not Ready, terminating, or went). */
  stoppedServingAtMs: Map<string, number>;
  step: number;
}

const BOOKS = new WeakMap<World, AddressBook>();

export function addressBook(world: World): AddressBook {
  let book = BOOKS.get(world);
  if (!book) {
    book = {
      holder: new Map(),
      released: new Map(),
      serving: new Set(),
      stoppedServingAtMs: new Map(),
      step: -1,
    };
    BOOKS.set(world, book);
  }
  if (book.step === world.stepCount) return book;
  book.step = world.stepCount;
  for (const w of world.stepWrites) {
    if (w.kind !== 'Pod' || !w.after) continue;
    const pod = w.after;
    const before = w.before && isEndpointPod(w.before) ? (w.before.status.podIP as string) : undefined;
    const after = !w.removed && isEndpointPod(pod) ? (pod.status.podIP as string) : undefined;
    if (before && before !== after) {
      book.holder.delete(before);
      book.released.set(before, { name: pod.metadata.name, atMs: world.now });
    }
    if (after) {
      book.holder.set(after, {
        name: pod.metadata.name,
        uid: pod.metadata.uid,
        namespace: pod.metadata.namespace ?? 'default',
      });
      book.released.delete(after);
    }
    const servedBefore = before !== undefined && takesTraffic(w.before!);
    const servesNow = after !== undefined && takesTraffic(pod);
    if (servedBefore && (!servesNow || before !== after)) {
      book.serving.delete(before!);
      book.stoppedServingAtMs.set(before!, world.now);
    }
    if (servesNow) book.serving.add(after!);
  }
  return book;
}

/**
 * How long the EndpointSlice controller may take to reflect a pod change (service.routes-ready,
 * statefulset.stable-network-id): its watch delivers within informerLagMs, its sync then writes the
 * slices one API call each (up to 100 slices for a 10,000-pod Service), and a restarted controller is
 * back after 2 s. A stalled watch (`delay-watch`) extends the window until the stall ends.
 */
export function lagWindowMs(world: World): number {
  return world.sim.informerLagMs[1] + 100 * world.sim.apiLatencyMs[1] + 2_000;
}

/** When the EndpointSlice controller's watch stall (if any) ends. */
export function watchStalledUntilMs(world: World): number {
  return world.controllers.get('endpointslice')?.informer.stalledUntilMs ?? 0;
}
