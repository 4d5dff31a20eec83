/**
 * The simulated API server's storage: the single source of truth. Objects are immutable values:
 * every write stores a new object, so an informer cache that lags simply holds older values.
 * Writes bump a global resourceVersion, enforce optimistic concurrency, run graceful deletion and
 * finalizers, keep indexes (uid, dependents, pods by node) and fan out watch events.
 */

import { extend } from '../../model/objects.ts';
import { formatTimestamp } from '../../model/time.ts';
import type { Kind, KObject, NewObject, StoredMeta } from '../../model/types.ts';
import type { TraceRecorder } from '../../trace/recorder.ts';
import type { SimClock } from '../clock.ts';
import type { Rng } from '../prng.ts';
import { ApiFaults } from './faults.ts';
import { StoreIndexes } from './indexes.ts';
import { sameValue } from './sameObject.ts';
import { writeMessage } from './summary.ts';
import {
  type ApiResult,
  CLUSTER_SCOPED,
  type DeleteOptions,
  keyOf,
  refOf,
  type Verb,
  type WatchEvent,
  type WatchType,
  type WriteCause,
  type WriteOptions,
  type WriteRecord,
} from './types.ts';

export type WatchListener = (ev: WatchEvent) => void;
/** Mutating admission: returns the object to store (e.g. default tolerations, PVC protection). */
export type AdmissionHook = (obj: KObject) => KObject;

const FOREGROUND = 'foregroundDeletion';
const ORPHAN = 'orphan';
/** How long the store remembers when an object was removed (removedAtMs): longer than any lag window. */
export const REMOVED_KEPT_MS = 5 * 60_000;

export class ApiStore {
  private readonly objects = new Map<Kind, Map<string, KObject>>();
  private readonly listeners: WatchListener[] = [];
  private readonly admission = new Map<Kind, AdmissionHook[]>();
  readonly index = new StoreIndexes();
  readonly faults = new ApiFaults();
  /** Successful writes of the current step; the world clears it before each step. */
  stepWrites: WriteRecord[] = [];
  /**
   * Writes of the current step that changed nothing: the API server drops them (no new
   * resourceVersion, no watch event), so they are kept here instead, for judging needless writes.
   */
  stepNoops: WriteRecord[] = [];
  /**
   * No-op writes since the start, by kind, key, then actor (see noopCount): nested maps, so a
   * lookup (the stability judge asks for every pod) builds no string.
   */
  private readonly noops = new Map<Kind, Map<string, Map<string, number>>>();
  /** When each actor's last call on each object (`<actor> <kind>/<name>`) was rejected. */
  private readonly rejectedAt = new Map<string, number>();
  /** Rejected calls by actor about a workload (`<actor> <uid>`): the object's own uid or its controller's. */
  private readonly rejectedFor = new Map<string, { count: number; lastMs: number }>();
  /**
   * Simulated time of each stored object's last write, by kind then key (see lastWrittenAt). Not one
   * map by `<kind> <key>`: that string, built and hashed anew on every write, was a visible share of
   * the 150,000-pod run (issue #17); the key itself is the caller's string, hashed once.
   */
  private readonly writtenAt = new Map<Kind, Map<string, number>>();
  /**
   * When each object removed in the last REMOVED_KEPT_MS was removed, by uid (a name is reused by a
   * StatefulSet's next pod). Judges read it to tell a change still in flight from a stale one; old
   * entries are dropped in removal order so a long churning run does not grow it without end.
   */
  private readonly removedAt = new Map<string, number>();
  private rv = 0;

  constructor(
    private readonly clock: SimClock,
    private readonly trace: TraceRecorder,
    private readonly uids: Rng,
    private readonly names: Rng,
    private readonly freeze = false,
  ) {}

  get resourceVersion(): number {
    return this.rv;
  }

  watch(listener: WatchListener): void {
    this.listeners.push(listener);
  }

  addAdmission(kind: Kind, hook: AdmissionHook): void {
    const hooks = this.admission.get(kind) ?? [];
    hooks.push(hook);
    this.admission.set(kind, hooks);
  }

  get<T extends KObject = KObject>(kind: Kind, key: string): T | undefined {
    return this.objects.get(kind)?.get(key) as T | undefined;
  }

  byUid(uid: string): KObject | undefined {
    return this.index.byUid.get(uid);
  }

  /** All objects of a kind, sorted by key (a defined order; never insertion order). */
  list<T extends KObject = KObject>(kind: Kind): T[] {
    const m = this.objects.get(kind);
    if (!m) return [];
    return [...m.keys()].sort().map((k) => m.get(k) as T);
  }

  /**
   * Objects of a kind in storage order: only for aggregations whose result does not depend on
   * order (counting, sums). Anything that decides or lists uses list().
   */
  values(kind: Kind): IterableIterator<KObject> {
    return (this.objects.get(kind) ?? new Map<string, KObject>()).values();
  }

  /** Number of stored objects of a kind. */
  count(kind: Kind): number {
    return this.objects.get(kind)?.size ?? 0;
  }

  create(actor: string, input: NewObject, opts: WriteOptions = {}): ApiResult {
    const injected = this.faults.take('create', actor);
    if (injected)
      return this.reject(
        actor,
        'create',
        {
          kind: input.kind,
          metadata: {
            name: input.metadata.name ?? input.metadata.generateName ?? '',
            ownerReferences: input.metadata.ownerReferences,
          },
        },
        'InternalError',
        injected,
        opts.cause?.ownerUid,
      );
    let obj = input as KObject;
    const hooks = this.admission.get(input.kind);
    if (hooks !== undefined) for (const hook of hooks) obj = hook(obj);
    const named = this.namedMetadata(obj);
    const key = keyOf(obj.kind, named);
    if (this.objects.get(obj.kind)?.has(key)) {
      return this.reject(
        actor,
        'create',
        obj,
        'AlreadyExists',
        `${refOf(obj)} already exists`,
        opts.cause?.ownerUid,
      );
    }
    named.uid = this.newUid();
    named.resourceVersion = String(++this.rv);
    named.generation = 1;
    named.creationTimestamp = formatTimestamp(this.clock.now);
    // One sized copy of the input's metadata with the new fields (same keys, same order as
    // spreading it and assigning them): a spread copy has no room for them, so each assignment
    // moved its fields to a property array that grew (a third of create's own time).
    const meta = extend(obj.metadata, named);
    if ('deletionTimestamp' in meta) delete (meta as { deletionTimestamp?: string }).deletionTimestamp;
    const stored = this.seal(extend(obj, { metadata: meta }));
    this.put(stored, key, undefined);
    this.emit('ADDED', 'create', actor, key, undefined, stored, opts.cause);
    return { ok: true, obj: stored };
  }

  /** Full update with optimistic concurrency: a stale resourceVersion is a conflict. */
  update<T extends KObject>(actor: string, obj: T, opts: WriteOptions = {}): ApiResult<T> {
    const key = keyOf(obj.kind, obj.metadata);
    return this.write(actor, 'update', obj.kind, key, opts, GUARDED, (cur) => {
      if (cur.metadata.resourceVersion !== obj.metadata.resourceVersion) return 'conflict';
      return { ...obj, status: cur.status };
    }) as ApiResult<T>;
  }

  /** The status subresource: only status changes; generation never moves. */
  updateStatus<T extends KObject>(actor: string, obj: T, opts: WriteOptions = {}): ApiResult<T> {
    const key = keyOf(obj.kind, obj.metadata);
    return this.write(actor, 'status', obj.kind, key, opts, GUARDED, (cur) => {
      if (cur.metadata.resourceVersion !== obj.metadata.resourceVersion) return 'conflict';
      return { status: obj.status };
    }) as ApiResult<T>;
  }

  /** A patch: applied to the current object, no resourceVersion check (strategic-merge style). */
  patch<T extends KObject>(
    actor: string,
    kind: Kind,
    key: string,
    mutate: (cur: T) => T,
    opts: WriteOptions & { status?: boolean } = {},
  ): ApiResult<T> {
    if (opts.status)
      return this.patchStatus(actor, kind, key, (cur) => mutate(cur as T).status, opts) as ApiResult<T>;
    return this.write(actor, 'patch', kind, key, opts, false, (cur) => mutate(cur as T)) as ApiResult<T>;
  }

  /**
   * A patch of the status subresource: `status` gets the current object and returns its new status
   * (the rest of the object stays as stored). The kubelet's reports take this path: the stored
   * object is copied once, with its new status, instead of once by the caller and again here.
   */
  patchStatus(
    actor: string,
    kind: Kind,
    key: string,
    status: (cur: KObject) => KObject['status'],
    opts: WriteOptions = {},
  ): ApiResult {
    return this.write(actor, 'status', kind, key, opts, false, (cur) => ({ status: status(cur) }));
  }

  delete(actor: string, kind: Kind, key: string, opts: DeleteOptions = {}): ApiResult {
    const injected = this.faults.take('delete', actor);
    const cur = this.get(kind, key);
    if (injected)
      return this.reject(
        actor,
        'delete',
        cur ?? { kind, metadata: { name: key } },
        'InternalError',
        injected,
        opts.cause?.ownerUid,
      );
    if (!cur)
      return this.reject(
        actor,
        'delete',
        { kind, metadata: { name: key } },
        'NotFound',
        `${kind} ${key} not found`,
        opts.cause?.ownerUid,
      );
    if (opts.uid !== undefined && opts.uid !== cur.metadata.uid) {
      return this.reject(
        actor,
        'delete',
        cur,
        'Conflict',
        `precondition failed: uid of ${refOf(cur)} changed`,
        opts.cause?.ownerUid,
      );
    }
    return kind === 'Pod' ? this.deletePod(actor, cur, key, opts) : this.deleteOther(actor, cur, key, opts);
  }

  private deletePod(actor: string, pod: KObject, key: string, opts: DeleteOptions): ApiResult {
    let grace = opts.gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
    const phase = pod.status?.phase;
    // An unscheduled or finished pod has no kubelet to wait for: the API deletes it at once.
    if (!pod.spec?.nodeName || phase === 'Succeeded' || phase === 'Failed') grace = 0;
    if (pod.metadata.deletionTimestamp && grace > 0) return { ok: true, obj: pod };
    if (grace > 0 || (pod.metadata.finalizers?.length ?? 0) > 0) {
      return this.markDeleting(actor, pod, key, grace, [], opts.cause);
    }
    return this.remove(actor, pod, key, opts.cause);
  }

  private deleteOther(actor: string, obj: KObject, key: string, opts: DeleteOptions): ApiResult {
    if (obj.metadata.deletionTimestamp) return { ok: true, obj };
    const policy = opts.propagationPolicy ?? 'Background';
    const extra = policy === 'Foreground' ? [FOREGROUND] : policy === 'Orphan' ? [ORPHAN] : [];
    if (extra.length > 0 || (obj.metadata.finalizers?.length ?? 0) > 0) {
      return this.markDeleting(actor, obj, key, 0, extra, opts.cause);
    }
    return this.remove(actor, obj, key, opts.cause);
  }

  private markDeleting(
    actor: string,
    obj: KObject,
    key: string,
    grace: number,
    addFinalizers: string[],
    cause?: WriteCause,
  ): ApiResult {
    const finalizers = [...(obj.metadata.finalizers ?? [])];
    for (const f of addFinalizers) if (!finalizers.includes(f)) finalizers.push(f);
    // Deleting again what is already being deleted, with the same grace and finalizers, changes nothing.
    const unchanged =
      obj.metadata.deletionTimestamp !== undefined &&
      obj.metadata.deletionGracePeriodSeconds === grace &&
      finalizers.length === (obj.metadata.finalizers?.length ?? 0);
    if (unchanged) return this.noop(actor, 'delete', obj.kind, key, obj, cause, false);
    const metadata = {
      ...obj.metadata,
      deletionTimestamp: obj.metadata.deletionTimestamp ?? formatTimestamp(this.clock.now + grace * 1000),
      deletionGracePeriodSeconds: grace,
      resourceVersion: String(++this.rv),
      ...(finalizers.length > 0 ? { finalizers } : {}),
    };
    const next = this.seal({ ...obj, metadata });
    this.put(next, key, obj);
    this.emit('MODIFIED', 'delete', actor, key, obj, next, cause);
    return { ok: true, obj: next };
  }

  private remove(actor: string, obj: KObject, key: string, cause?: WriteCause): ApiResult {
    // Unindex what the indexes hold: a write that drops the last finalizer passes its new object,
    // and the uid index (the GC's "is the owner gone?") would otherwise keep the old one for ever.
    const indexed = this.objects.get(obj.kind)?.get(key) ?? obj;
    this.objects.get(obj.kind)?.delete(key);
    this.index.remove(indexed, key);
    this.writtenAt.get(obj.kind)?.delete(key);
    this.noteRemoved(obj.metadata.uid);
    this.rv++;
    this.emit('DELETED', 'delete', actor, key, obj, obj, cause, true);
    return { ok: true, obj, removed: true };
  }

  /**
   * Shared path of update, status and patch writes. `guarded`: the write carried the writer's
   * resourceVersion (update, updateStatus).
   */
  private write(
    actor: string,
    verb: Verb | 'status',
    kind: Kind,
    key: string,
    opts: WriteOptions,
    guarded: boolean,
    next: (cur: KObject) => KObject | StatusOnly | 'conflict',
  ): ApiResult {
    const injected = this.faults.take(verb === 'status' ? 'update' : verb, actor);
    const cur = this.get(kind, key);
    if (injected)
      return this.reject(
        actor,
        verb,
        cur ?? ghostOf(kind, key),
        'InternalError',
        injected,
        opts.cause?.ownerUid,
      );
    if (!cur)
      return this.reject(
        actor,
        verb,
        ghostOf(kind, key),
        'NotFound',
        `${kind} ${key} not found`,
        opts.cause?.ownerUid,
      );
    if (opts.uid !== undefined && opts.uid !== cur.metadata.uid) {
      return this.reject(
        actor,
        verb,
        cur,
        'Conflict',
        `precondition failed: uid of ${refOf(cur)} changed`,
        opts.cause?.ownerUid,
      );
    }
    const result = next(cur);
    if (result === 'conflict') {
      return this.reject(
        actor,
        verb,
        cur,
        'Conflict',
        `the object ${refOf(cur)} has been modified`,
        opts.cause?.ownerUid,
      );
    }
    // A status write proposes the stored object with its new status, copied once (below).
    const proposed = verb === 'status' ? cur : (result as KObject);
    if (hasTwoControllers(proposed)) {
      // API validation: metadata.ownerReferences may name only one controller.
      return this.reject(
        actor,
        verb,
        cur,
        'Invalid',
        'Only one reference can have Controller set to true',
        opts.cause?.ownerUid,
      );
    }
    const metadata = extend(proposed.metadata, {
      uid: cur.metadata.uid,
      name: cur.metadata.name,
      creationTimestamp: cur.metadata.creationTimestamp,
      deletionTimestamp: cur.metadata.deletionTimestamp,
      resourceVersion: cur.metadata.resourceVersion,
      generation: cur.metadata.generation + (specChanged(cur, proposed) ? 1 : 0),
    });
    if (!metadata.deletionTimestamp) delete metadata.deletionTimestamp;
    const candidate =
      verb === 'status'
        ? extend(cur, { metadata, status: (result as StatusOnly).status })
        : extend(proposed, { metadata });
    // The API server compares the new object with the stored one and drops an unchanged write.
    if (sameValue(candidate, cur)) return this.noop(actor, verb, kind, key, cur, opts.cause, guarded);
    metadata.resourceVersion = String(++this.rv);
    const stored = this.seal(candidate);
    if (stored.metadata.deletionTimestamp && (stored.metadata.finalizers?.length ?? 0) === 0) {
      // The last finalizer went away (or a deleting object was written): it may now leave the store.
      if ((stored.metadata.deletionGracePeriodSeconds ?? 0) === 0)
        return this.remove(actor, stored, key, opts.cause);
    }
    this.put(stored, key, cur);
    this.emit('MODIFIED', verb, actor, key, cur, stored, opts.cause);
    return { ok: true, obj: stored };
  }

  /** How many writes by `actor` to this object changed nothing (and were dropped). */
  noopCount(actor: string, kind: Kind, key: string): number {
    return this.noops.get(kind)?.get(key)?.get(actor) ?? 0;
  }

  private noop(
    actor: string,
    verb: Verb | 'status',
    kind: Kind,
    key: string,
    cur: KObject,
    cause: WriteCause | undefined,
    guarded: boolean,
  ): ApiResult {
    const record: WriteRecord = { verb, kind, key, actor, before: cur, after: cur, removed: false };
    if (cause) record.cause = cause;
    if (guarded) record.guarded = true;
    this.stepNoops.push(record);
    let byKey = this.noops.get(kind);
    if (!byKey) {
      byKey = new Map();
      this.noops.set(kind, byKey);
    }
    let byActor = byKey.get(key);
    if (!byActor) {
      byActor = new Map();
      byKey.set(key, byActor);
    }
    byActor.set(actor, (byActor.get(actor) ?? 0) + 1);
    return { ok: true, obj: cur };
  }

  /** Stores `obj` in place of `before`, the stored object the caller already holds (none: new). */
  private put(obj: KObject, key: string, before: KObject | undefined): void {
    let m = this.objects.get(obj.kind);
    if (!m) {
      m = new Map();
      this.objects.set(obj.kind, m);
    }
    m.set(key, obj);
    this.index.put(before, obj, key);
    let written = this.writtenAt.get(obj.kind);
    if (!written) {
      written = new Map();
      this.writtenAt.set(obj.kind, written);
    }
    written.set(key, this.clock.now);
  }

  private noteRemoved(uid: string): void {
    const now = this.clock.now;
    for (const [u, at] of this.removedAt) {
      if (now - at <= REMOVED_KEPT_MS) break;
      this.removedAt.delete(u);
    }
    this.removedAt.set(uid, now);
  }

  /** When the object with this uid was removed (simulated ms), if that was in the last REMOVED_KEPT_MS. */
  removedAtMs(uid: string): number | undefined {
    return this.removedAt.get(uid);
  }

  /** When the stored object was last written (simulated ms), if it exists. */
  lastWrittenAt(kind: Kind, key: string): number | undefined {
    return this.writtenAt.get(kind)?.get(key);
  }

  private emit(
    type: WatchType,
    verb: Verb | 'status',
    actor: string,
    key: string,
    before: KObject | undefined,
    after: KObject,
    cause: WriteCause | undefined,
    removed = false,
  ): void {
    const record: WriteRecord = { verb, kind: after.kind, key, actor, before, after, removed };
    if (cause) record.cause = cause;
    this.stepWrites.push(record);
    // A lean pass records nothing: its message is not built either.
    if (this.trace.recording) this.traceWrite(verb, actor, after, removed);
    const ev: WatchEvent = { type, kind: after.kind, key, object: after, resourceVersion: this.rv };
    if (before) ev.old = before;
    for (const l of this.listeners) l(ev);
  }

  private traceWrite(verb: Verb | 'status', actor: string, after: KObject, removed: boolean): void {
    const word = verb === 'delete' ? 'terminate' : verb;
    const traceKind = removed
      ? 'delete'
      : verb === 'status'
        ? 'status'
        : verb === 'create'
          ? 'create'
          : 'update';
    // The objects list is kept only with the events; a pod's message names it without the ref.
    const objects = this.trace.keep ? [refOf(after)] : undefined;
    this.trace.record(traceKind, actor, writeMessage(after, word, removed), objects);
  }

  private reject(
    actor: string,
    verb: Verb | 'status',
    obj: { kind: string; metadata: Partial<Pick<KObject['metadata'], 'name' | 'uid' | 'ownerReferences'>> },
    code: 'Conflict' | 'NotFound' | 'AlreadyExists' | 'Invalid' | 'InternalError',
    message: string,
    /** The workload the call was for (its cause's ownerUid), when the caller said. */
    ownerUid?: string,
  ): ApiResult {
    this.trace.record(
      'api-error',
      actor,
      { code: 'api.rejected', params: { verb, ref: refOf(obj), reason: code, message } },
      [refOf(obj)],
    );
    this.rejectedAt.set(`${actor} ${refOf(obj)}`, this.trace.now);
    const owner = obj.metadata.ownerReferences?.find((r) => r.controller)?.uid;
    for (const uid of new Set([obj.metadata.uid, owner, ownerUid])) {
      if (uid === undefined) continue;
      const r = this.rejectedFor.get(`${actor} ${uid}`);
      this.rejectedFor.set(`${actor} ${uid}`, { count: (r?.count ?? 0) + 1, lastMs: this.trace.now });
    }
    return { ok: false, code, message };
  }

  /**
   * How many of `actor`'s calls about the object with this uid (on it, or on an object it controls)
   * the API server rejected, and when the last was; judges read it (a failed sync is retried with
   * back-off).
   */
  rejectionsFor(actor: string, uid: string): { count: number; lastMs: number } | undefined {
    return this.rejectedFor.get(`${actor} ${uid}`);
  }

  /** When `actor`'s last call on `ref` (`pod/db-2`) was rejected, if one was (judges read it). */
  lastRejectedAtMs(actor: string, ref: string): number | undefined {
    return this.rejectedAt.get(`${actor} ${ref}`);
  }

  /**
   * A uid as Kubernetes prints one (8-4-4-4-12 hex digits), one digit a draw. Built from character
   * codes into one flat string: concatenated, it was a tree of ten strings (about 130 bytes instead
   * of 56) that every pod and its ownerReferences kept for life, and more for the GC to mark.
   */
  private newUid(): string {
    const codes = UID_CODES;
    for (let i = 0; i < codes.length; i++) {
      if (codes[i] !== DASH) codes[i] = HEX_CODES[this.uids.int(16)]!;
    }
    return String.fromCharCode.apply(null, codes);
  }

  /**
   * The name and namespace a create fills in (generateName plus a random suffix; the default
   * namespace), in the order they are added; the other created fields follow.
   */
  private namedMetadata(obj: KObject): Partial<StoredMeta> {
    const named: Partial<StoredMeta> = {};
    const meta = obj.metadata;
    if (!meta.name && meta.generateName) named.name = this.generatedName(meta.generateName);
    else if (meta.name !== undefined) named.name = meta.name;
    if (!CLUSTER_SCOPED.has(obj.kind) && !meta.namespace) named.namespace = 'default';
    else if (meta.namespace !== undefined) named.namespace = meta.namespace;
    return named;
  }

  /**
   * generateName plus five random characters, built from character codes into one flat string:
   * concatenated, a name of 13 characters or more was a string tree (prefix, suffix and a node
   * over them) held for life by the pod.
   */
  private generatedName(prefix: string): string {
    const codes: number[] = [];
    for (let i = 0; i < prefix.length; i++) codes.push(prefix.charCodeAt(i));
    for (let i = 0; i < 5; i++) codes.push(SUFFIX_CODES[this.names.int(SUFFIX_CODES.length)]!);
    return String.fromCharCode.apply(null, codes);
  }

  private seal(obj: KObject): KObject {
    return this.freeze ? deepFreeze(obj) : obj;
  }
}

/** The characters of a generated name's suffix (Kubernetes' utilrand alphabet: no vowels, no 0, 1, 3). */
const SUFFIX_CODES = Array.from('bcdfghjklmnpqrstvwxz2456789', (c) => c.charCodeAt(0));
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const DASH = '-'.charCodeAt(0);
/** The character codes of the uid being built (dashes stay where they are); reused by every newUid. */
const UID_CODES: number[] = Array.from('xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', (c) => c.charCodeAt(0));

/** Kinds whose controllers compare status.observedGeneration with metadata.generation. */
const GENERATION_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  'ReplicaSet',
  'DaemonSet',
  'StatefulSet',
  'Deployment',
]);

/**
 * Generation moves when the spec changes (by value; an unchanged spec keeps its reference). Only
 * workloads are compared: nothing reads a pod's or a claim's generation, and comparing specs by
 * value on every kubelet and scheduler write would cost more than the rest of the write.
 */
function specChanged(a: KObject, b: KObject): boolean {
  if (a.spec === b.spec || !GENERATION_KINDS.has(a.kind)) return false;
  const x = (a.spec ?? {}) as Record<string, unknown>;
  const y = (b.spec ?? {}) as Record<string, unknown>;
  // Field by field: a patch copies the spec but keeps the fields it does not touch (the template).
  for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
    if (x[k] !== y[k] && JSON.stringify(x[k]) !== JSON.stringify(y[k])) return true;
  }
  return false;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/** What a rejection names when the object is not there (built only then: writes are the hot path). */
function ghostOf(kind: Kind, key: string): { kind: Kind; metadata: { name: string } } {
  return { kind, metadata: { name: key.slice(key.indexOf('/') + 1) } };
}

/** What a status write proposes: the new status only (see write). */
interface StatusOnly {
  status: KObject['status'];
}

/** Marks a write that carried the writer's resourceVersion (update, updateStatus). */
const GUARDED = true;

/** Whether more than one owner reference names a controller (counted, not filtered: every write asks). */
function hasTwoControllers(obj: KObject): boolean {
  let n = 0;
  for (const r of obj.metadata.ownerReferences ?? []) if (r.controller === true && ++n > 1) return true;
  return false;
}
