/**
 * The simulated client a user's controller reconciles with: reads from its informer cache, writes
 * through the API store after a simulated round trip. Each write returns a promise that the host
 * settles from a timer on the simulated clock, so promises settle in simulated order.
 */
import { compileSelector, selectorMatches } from '../model/labels.ts';
import type { Kind, KObject, NewObject } from '../model/types.ts';
import type { ApiResult, WriteCause } from '../sim/api/types.ts';
import type { Informer } from '../sim/informer.ts';
import type { World } from '../sim/world.ts';
import {
  type AnyKind,
  ApiError,
  type Client,
  type DeleteOptions,
  type ListOptions,
  type ObjectInput,
} from './types.ts';

/** What the client needs from its host: the world, the cache, and a way to land calls. */
export interface ClientHost {
  readonly world: World;
  readonly informer: Informer;
  readonly actor: string;
  /** Runs `call` after one API round trip (unless the process restarted meanwhile). */
  afterApi(label: string, call: () => void): void;
}

export function newClient(host: ClientHost): Client {
  const { world, informer, actor } = host;
  const land = <T>(label: string, call: () => ApiResult, map: (r: ApiResult & { ok: true }) => T) =>
    new Promise<T>((resolve, reject) => {
      host.afterApi(label, () => {
        const r = call();
        if (r.ok) resolve(map(r));
        else reject(new ApiError(r.code, r.message));
      });
    });
  const obj = (r: ApiResult & { ok: true }) => r.obj;
  return {
    get now() {
      return world.now;
    },
    get: (kind, key) => informer.get(kind as Kind, key),
    list: (kind, options) => listCached(informer, kind as Kind, options),
    create: (manifest: ObjectInput) => {
      const input = manifest as NewObject;
      // The cause is decided now, from the cache, as the built-in controllers decide theirs.
      const cause = createCause((kind, key) => informer.get(kind, key), input);
      const opts = cause ? { cause } : {};
      return land(`create ${input.kind}`, () => world.store.create(actor, input, opts), obj);
    },
    update: (o) => land(`update ${o.kind}`, () => world.store.update(actor, o), obj),
    updateStatus: (o) => land(`update ${o.kind} status`, () => world.store.updateStatus(actor, o), obj),
    patch: (kind, key, mutate) =>
      land(`patch ${kind}`, () => world.store.patch(actor, kind as Kind, key, mutate), obj),
    delete: (kind: AnyKind, key: string, options: DeleteOptions = {}) =>
      land(
        `delete ${kind}`,
        () => world.store.delete(actor, kind as Kind, key, options),
        () => undefined,
      ),
  };
}

function listCached(informer: Informer, kind: Kind, options: ListOptions = {}): KObject[] {
  const sel = options.labelSelector ? compileSelector(options.labelSelector) : undefined;
  return informer
    .list(kind)
    .filter(
      (o) =>
        (options.namespace === undefined || (o.metadata.namespace ?? 'default') === options.namespace) &&
        (sel === undefined || selectorMatches(sel, o.metadata.labels ?? {})),
    );
}

/**
 * A pod created for a ReplicaSet carries the cause replicaset.no-overshoot judges: the
 * spec.replicas of the owner as this controller's cache held it when it asked.
 */
export function createCause(
  cached: (kind: Kind, key: string) => KObject | undefined,
  input: NewObject,
): WriteCause | undefined {
  const ref = input.metadata.ownerReferences?.find((r) => r.controller === true);
  if (input.kind !== 'Pod' || ref?.kind !== 'ReplicaSet') return undefined;
  const owner = cached('ReplicaSet', `${input.metadata.namespace ?? 'default'}/${ref.name}`);
  if (!owner || owner.metadata.uid !== ref.uid) return undefined;
  return {
    controller: 'replicaset',
    reason: 'create',
    ownerUid: ref.uid,
    observedResourceVersion: owner.metadata.resourceVersion,
    observedReplicas: owner.spec?.replicas ?? 1,
  };
}
