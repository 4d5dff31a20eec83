/**
 * The client-node surface over the simulated cluster. API calls land after a simulated round trip
 * and read or write the API store itself (a GET is a consistent read, as on a real API server);
 * informers are kubeprop informers (lagging caches) that call the operator's handlers. Everything
 * binds to the operator host that is starting, so only code run from runOperator's start may call it.
 */
import type { Kind, KObject, NewObject } from '../model/types.ts';
import { type ApiErrorCode, type ApiResult, CLUSTER_SCOPED, keyOf } from '../sim/api/types.ts';
import type { Informer as SimInformer } from '../sim/informer.ts';
import type { OperatorHost } from './host.ts';

let starting: OperatorHost | undefined;

/** Binds new KubeConfigs and informers to `host` while `fn` runs (the operator's start). */
export function withHost<T>(host: OperatorHost, fn: () => T): T {
  const before = starting;
  starting = host;
  try {
    return fn();
  } finally {
    starting = before;
  }
}

function currentHost(what: string): OperatorHost {
  if (!starting)
    throw new Error(`${what}: kubeprop's client-node adapter works only inside runOperator's start()`);
  return starting;
}

const HTTP: Record<ApiErrorCode, number> = {
  Conflict: 409,
  AlreadyExists: 409,
  NotFound: 404,
  Invalid: 422,
  InternalError: 500,
};

/** client-node's error: `code` is the HTTP status. */
export class ApiException<T = unknown> extends Error {
  headers: Record<string, string> = {};
  constructor(
    readonly code: number,
    message: string,
    readonly body: T,
  ) {
    super(message);
    this.name = 'ApiException';
  }
}

export class KubeConfig {
  /** The simulated cluster this configuration reaches. */
  readonly host: OperatorHost = currentHost('new KubeConfig()');
  loadFromDefault(): void {}
  loadFromCluster(): void {}
  makeApiClient<T>(api: new (kc: KubeConfig) => T): T {
    return new api(this);
  }
}

type Req = {
  name?: string;
  namespace?: string;
  body?: unknown;
  gracePeriodSeconds?: number;
  propagationPolicy?: string;
};

/** Kinds by the plural client-node's method names use. */
const KIND_OF_RESOURCE: Record<string, Kind> = {
  Pod: 'Pod',
  Service: 'Service',
  Node: 'Node',
  PersistentVolumeClaim: 'PersistentVolumeClaim',
  ReplicaSet: 'ReplicaSet',
  StatefulSet: 'StatefulSet',
  DaemonSet: 'DaemonSet',
  Deployment: 'Deployment',
};

const METHOD = /^(list|read|create|replace|patch|delete)(Namespaced)?([A-Z][A-Za-z]*?)(Status)?$/;

/** One group's API: every method client-node names <verb>Namespaced<Kind>[Status] works on the store. */
function groupApi(kc: KubeConfig): object {
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (typeof prop !== 'string') return undefined;
        const m = METHOD.exec(prop);
        const kind = m ? KIND_OF_RESOURCE[m[3]!] : undefined;
        if (!m || !kind) return undefined;
        return (req: Req = {}) => call(kc.host, m[1]!, kind, m[4] === 'Status', req);
      },
    },
  );
}

export class CoreV1Api {
  constructor(kc: KubeConfig) {
    // biome-ignore lint/correctness/noConstructorReturn: the API object is a proxy over the store.
    return groupApi(kc) as CoreV1Api;
  }
}

export class AppsV1Api {
  constructor(kc: KubeConfig) {
    // biome-ignore lint/correctness/noConstructorReturn: the API object is a proxy over the store.
    return groupApi(kc) as AppsV1Api;
  }
}

function call(host: OperatorHost, verb: string, kind: Kind, status: boolean, req: Req): Promise<unknown> {
  const store = host.world.store;
  const actor = host.actor;
  const key = CLUSTER_SCOPED.has(kind) ? (req.name ?? '') : `${req.namespace ?? 'default'}/${req.name ?? ''}`;
  const body = req.body as KObject;
  // The cause of a create is decided when the call is made, from what the operator's caches hold.
  const cause = verb === 'create' ? host.createCause(body as NewObject) : undefined;
  return new Promise((resolve, reject) => {
    host.afterApi(`${verb} ${kind}`, () => {
      if (verb === 'list') {
        const items = store
          .list(kind)
          .filter((o) => !req.namespace || (o.metadata.namespace ?? 'default') === req.namespace);
        resolve({
          apiVersion: 'v1',
          kind: `${kind}List`,
          metadata: { resourceVersion: String(store.resourceVersion) },
          items,
        });
        return;
      }
      if (verb === 'read') {
        const obj = store.get(kind, key);
        if (obj) resolve(obj);
        else reject(new ApiException(404, `${kind} ${key} not found`, { reason: 'NotFound' }));
        return;
      }
      const r = write(host, verb, kind, key, status, req, cause);
      if (r.ok) resolve(r.obj);
      else reject(new ApiException(HTTP[r.code], r.message, { reason: r.code, message: r.message }));
    });
  });

  function write(
    h: OperatorHost,
    v: string,
    k: Kind,
    ky: string,
    st: boolean,
    rq: Req,
    c: ReturnType<OperatorHost['createCause']>,
  ): ApiResult {
    if (v === 'create') {
      const input = {
        ...body,
        metadata: { ...body.metadata, namespace: rq.namespace ?? body.metadata?.namespace },
      } as NewObject;
      return store.create(actor, input, c ? { cause: c } : {});
    }
    if (v === 'replace') return st ? store.updateStatus(actor, body) : store.update(actor, body);
    if (v === 'patch')
      return store.patch(actor, k, ky, (cur) => mergePatch(cur, body) as KObject, st ? { status: true } : {});
    const opts = {
      ...(rq.gracePeriodSeconds !== undefined && { gracePeriodSeconds: rq.gracePeriodSeconds }),
      ...(rq.propagationPolicy !== undefined && { propagationPolicy: rq.propagationPolicy as 'Background' }),
    };
    void h;
    return store.delete(actor, k, ky, opts);
  }
}

/** RFC 7386 JSON merge patch: objects merge, null removes, anything else replaces. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** What the operator's handlers are told: `add`, `update`, `delete` (and `change` for all three). */
type Verb = 'add' | 'update' | 'delete' | 'change' | 'error' | 'connect';
type Callback = (obj: KObject) => void;

/** A path client-node's informers take: /api/v1/namespaces/<ns>/pods, /apis/apps/v1/replicasets… */
const PATH = /^\/apis?\/(?:[a-z0-9.]+\/)?v1(?:\/namespaces\/([^/]+))?\/([a-z]+)$/;
const KIND_OF_PLURAL: Record<string, Kind> = {
  pods: 'Pod',
  services: 'Service',
  nodes: 'Node',
  persistentvolumeclaims: 'PersistentVolumeClaim',
  replicasets: 'ReplicaSet',
  statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet',
  deployments: 'Deployment',
};

export function makeInformer(
  kc: KubeConfig,
  path: string,
  _list: () => Promise<unknown>,
  labelSelector?: string,
) {
  const m = PATH.exec(path);
  const kind = m ? KIND_OF_PLURAL[m[2]!] : undefined;
  if (!m || !kind) throw new Error(`makeInformer: kubeprop's adapter does not serve the path ${path}`);
  if (labelSelector)
    throw new Error("makeInformer: label selectors are not supported by kubeprop's adapter yet");
  return new ListWatchInformer(kc.host, kind, m[1]);
}

class ListWatchInformer {
  private readonly handlers = new Map<Verb, Callback[]>();
  private cache: SimInformer | undefined;

  constructor(
    private readonly host: OperatorHost,
    private readonly kind: Kind,
    private readonly namespace: string | undefined,
  ) {}

  on(verb: Verb, cb: Callback): void {
    this.handlers.set(verb, [...(this.handlers.get(verb) ?? []), cb]);
  }

  off(verb: Verb, cb: Callback): void {
    this.handlers.set(
      verb,
      (this.handlers.get(verb) ?? []).filter((h) => h !== cb),
    );
  }

  /** Lists and watches: the cache fills through the lagging watch, each event calls the handlers. */
  start(): Promise<void> {
    this.cache = this.host.informerFor(this.kind, (type, obj) => {
      if (this.namespace && (obj.metadata.namespace ?? 'default') !== this.namespace) return;
      this.emit(type === 'ADDED' ? 'add' : type === 'MODIFIED' ? 'update' : 'delete', obj);
    });
    // A cache already filled (a restarted operator's, relisted) answers the LIST with what it holds.
    if (this.list().length > 0)
      this.host.afterApi(`list ${this.kind}`, () => {
        for (const obj of this.list()) this.emit('add', obj);
      });
    return Promise.resolve();
  }

  private emit(verb: Verb, obj: KObject): void {
    for (const cb of [...(this.handlers.get(verb) ?? []), ...(this.handlers.get('change') ?? [])]) cb(obj);
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  get(name: string, namespace?: string): KObject | undefined {
    return this.cache?.get(
      this.kind,
      keyOf(this.kind, { name, namespace: namespace ?? this.namespace ?? 'default' }),
    );
  }

  list(namespace?: string): readonly KObject[] {
    const ns = namespace ?? this.namespace;
    return (this.cache?.list(this.kind) ?? []).filter(
      (o) => !ns || (o.metadata.namespace ?? 'default') === ns,
    );
  }
}
