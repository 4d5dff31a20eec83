/**
 * The kubelets of every machine. A kubelet watches pods bound to its node (only while the machine is
 * up and reachable), starts their containers after a start delay, reports readiness, restarts
 * crashed containers in place with back-off (10 s doubling to 5 min), stops containers within the
 * grace period when a pod is deleted and then removes the object. A partitioned kubelet keeps running
 * its containers and re-syncs with the API when it can reach it again.
 */
import type { KObject } from '../model/types.ts';
import type { ClaimWait, TraceMessage } from '../trace/messages.ts';
import type { WatchEvent } from './api/types.ts';
import { type Container, ContainerRecord, isReporting, type Machine } from './machine.ts';
import { podBehavior } from './podBehavior.ts';
import { kubeletPodStatus, withCondition } from './podStatus.ts';
import type { World } from './world.ts';

/** An admission check: wait (retry later, pod stays Pending) or reject (pod Failed), or null to admit. */
/** A claim the pod needs and why it holds the start (the volume manager's admission). */
export interface ClaimWaitReason {
  claim: string;
  wait: ClaimWait;
}
export type AdmitCheck = (
  pod: KObject,
  node: string,
) => { wait: ClaimWaitReason } | { reject: string } | null;
/** Called each time a container (re)starts: the simulated application begins running. */
export type StartHook = (pod: KObject, node: string, c: Container) => void;

const REACTION_MS = 20;
const ADMIT_RETRY_MS = 2_000;
const BACKOFF_START_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
const BACKOFF_RESET_AFTER_MS = 600_000;

/** Why a kubelet rejects pods at admission (`reject-pods`): the reasons real kubelets report. */
export type RejectReason = 'OutOfcpu' | 'OutOfmemory' | 'OutOfpods' | 'UnexpectedAdmissionError';

/** A node's kubelet rejecting every pod it is asked to admit, until a time or for a count. */
interface Rejection {
  untilMs: number;
  remaining: number;
  reason: RejectReason;
}

const SHUTDOWN_MESSAGE = 'Pod was terminated in response to imminent node shutdown.';

export class Kubelet {
  readonly admitChecks: AdmitCheck[] = [];
  readonly onStart: StartHook[] = [];
  /** Admission rejections by node name (looked up, never iterated). */
  private readonly rejections = new Map<string, Rejection>();
  /** Actor strings by node name (see actorOf). */
  private readonly actors = new Map<string, string>();

  constructor(private readonly world: World) {
    world.store.watch((ev) => {
      if (ev.kind === 'Pod') this.onPodEvent(ev);
    });
  }

  private get rng() {
    return this.world.streams.stream('kubelet');
  }

  private onPodEvent(ev: WatchEvent): void {
    const node = (ev.object.spec?.nodeName ?? ev.old?.spec?.nodeName) as string | undefined;
    if (!node) return;
    const m = this.world.machines.get(node);
    if (!m || !isReporting(m)) return;
    const wasBound = ev.old?.spec?.nodeName === node;
    const relevant =
      ev.type === 'DELETED' ||
      (ev.type === 'ADDED' && !!ev.object.spec?.nodeName) ||
      (ev.type === 'MODIFIED' &&
        (!wasBound || (!ev.old?.metadata.deletionTimestamp && !!ev.object.metadata.deletionTimestamp)));
    if (!relevant) return;
    // The timer keeps the key, uid and name, not the event: that would hold both pod versions alive.
    const { key } = ev;
    const { uid, name } = ev.object.metadata;
    this.world.clock.after(
      REACTION_MS,
      () => `kubelet/${node}: sync pod ${name}`,
      () => this.syncPod(m, key, uid),
    );
  }

  /** Brings one pod's containers in line with its API object. */
  private syncPod(m: Machine, key: string, uid: string): void {
    if (!isReporting(m)) return;
    const pod = this.world.store.get('Pod', key);
    const c = m.containers.get(uid);
    if (!pod || pod.metadata.uid !== uid || pod.spec?.nodeName !== m.name) {
      if (c) this.kill(m, c);
      return;
    }
    if (pod.metadata.deletionTimestamp) return this.beginTermination(m, pod, c);
    if (!c && !isTerminalPhase(pod)) this.admit(m, pod, key);
  }

  /**
   * From now on this node's kubelet rejects the pods it admits (they end Failed with `reason`, as
   * a kubelet whose resources ran out or whose device plugin failed does), for `forMs` or for the
   * next `count` pods, whichever is given. Pods already running are not touched.
   */
  rejectPods(node: string, reason: RejectReason, limit: { forMs?: number; count?: number }): void {
    this.rejections.set(node, {
      untilMs: limit.forMs === undefined ? Number.POSITIVE_INFINITY : this.world.now + limit.forMs,
      remaining: limit.count ?? Number.POSITIVE_INFINITY,
      reason,
    });
  }

  /** The rejection in force on this node now, if any (one pod's worth is used up). */
  private takeRejection(node: string): RejectReason | undefined {
    const r = this.rejections.get(node);
    if (!r) return undefined;
    if (this.world.now >= r.untilMs || r.remaining <= 0) {
      this.rejections.delete(node);
      return undefined;
    }
    r.remaining--;
    return r.reason;
  }

  /** `key` is the store's key string for the pod: the container keeps it rather than a copy. */
  private admit(m: Machine, pod: KObject, key: string): void {
    const rejected = this.takeRejection(m.name);
    if (rejected) return this.rejectPod(m, pod, rejectionMessage(rejected), rejected);
    for (const check of this.admitChecks) {
      const verdict = check(pod, m.name);
      if (!verdict) continue;
      if ('reject' in verdict) return this.rejectPod(m, pod, verdict.reject);
      const uid = pod.metadata.uid;
      if (this.tracing)
        this.note(
          m,
          { code: 'kubelet.waiting', params: { pod: pod.metadata.name, ...verdict.wait } },
          pod.metadata.name,
        );
      this.world.clock.after(
        ADMIT_RETRY_MS,
        () => `kubelet/${m.name}: retry admit ${pod.metadata.name}`,
        () => this.syncPod(m, key, uid),
      );
      return;
    }
    const b = podBehavior(pod, this.rng, this.world.sim.podStartMs);
    // The pod sandbox comes first: its network namespace gets the pod's IP (CNI host-local).
    const podIP = this.world.podIPs.allocate(m.name);
    const c = new ContainerRecord(key, pod.metadata.uid, podIP, BACKOFF_START_MS);
    m.containers.set(c.podUid, c);
    this.post(m, c);
    this.later(m, c, b.startDelayMs, 'start', () => this.start(m, c));
  }

  private rejectPod(m: Machine, pod: KObject, message: string, reason: RejectReason = 'OutOfpods'): void {
    if (this.tracing)
      this.note(
        m,
        { code: 'kubelet.rejected', params: { pod: pod.metadata.name, reason, message } },
        pod.metadata.name,
      );
    this.world.store.patchStatus(
      this.actorOf(m),
      'Pod',
      podKey(pod),
      (p) => ({ ...p.status, phase: 'Failed', reason, message }),
      { uid: pod.metadata.uid },
    );
  }

  /**
   * Graceful node shutdown (GracefulNodeShutdown): the kubelet stops every pod it runs and reports
   * it terminal before the machine goes down: Failed, or since 1.27 Succeeded when the containers
   * exit 0 on SIGTERM (kubernetes#115331), with reason Terminated and a DisruptionTarget
   * condition. Pods being deleted just stop; their deletion completes after the reboot.
   * Returns how many pods it ended.
   */
  shutdown(m: Machine, phase: 'Failed' | 'Succeeded'): number {
    let ended = 0;
    for (const c of [...m.containers.values()].sort((a, b) => a.podKey.localeCompare(b.podKey))) {
      if (c.phase === 'Failed' || c.phase === 'Succeeded' || c.terminating) continue;
      this.world.clock.cancel(c.timer);
      c.timer = undefined;
      c.running = false;
      c.ready = false;
      c.phase = phase;
      ended++;
      if (this.tracing)
        this.note(m, { code: 'kubelet.shutdown', params: { pod: c.podName, phase } }, c.podName);
      this.world.store.patchStatus(
        this.actorOf(m),
        'Pod',
        c.podKey,
        (p) => {
          const status = kubeletPodStatus(p, c, this.world.now);
          const conditions = withCondition(
            status?.conditions ?? [],
            'DisruptionTarget',
            'True',
            this.world.now,
            'TerminationByKubelet',
          );
          return { ...status, conditions, reason: 'Terminated', message: SHUTDOWN_MESSAGE };
        },
        { uid: c.podUid },
      );
    }
    return ended;
  }

  /** The container process starts (first start or restart after a crash or reboot). */
  private start(m: Machine, c: Container): void {
    const pod = this.world.store.get('Pod', c.podKey);
    if (!pod || pod.metadata.uid !== c.podUid) return this.kill(m, c);
    const b = podBehavior(pod, this.rng, this.world.sim.podStartMs);
    c.running = true;
    c.phase = 'Running';
    c.startedAtMs = this.world.now;
    c.ready = b.readyDelayMs === 0 && b.behavior !== 'never-ready';
    if (this.tracing)
      this.note(
        m,
        { code: 'kubelet.started', params: { pod: c.podName, restarts: c.restartCount } },
        c.podName,
      );
    for (const hook of this.onStart) hook(pod, m.name, c);
    this.post(m, c);
    if (b.behavior === 'crashloop')
      return this.later(m, c, 1_000 + this.rng.int(2_000), 'exits', () => this.crash(m, c));
    if (b.behavior === 'fail') return this.later(m, c, 1_000, 'exits', () => this.finish(m, c, 'Failed'));
    if (b.behavior === 'complete') return this.later(m, c, 1_000, 'exits', () => this.exitZero(m, c, pod));
    if (!c.ready && b.behavior !== 'never-ready') {
      this.later(m, c, b.readyDelayMs, 'ready', () => {
        c.ready = true;
        this.post(m, c);
      });
    }
  }

  /**
   * The container exits 0. Under restartPolicy Always (every workload pod) the kubelet restarts
   * it with the same back-off as a crash, so the pod never ends Succeeded this way; only a pod
   * with restartPolicy Never or OnFailure is done (kuberuntime computePodActions).
   */
  private exitZero(m: Machine, c: Container, pod: KObject): void {
    const policy = (pod.spec?.restartPolicy as string | undefined) ?? 'Always';
    if (policy === 'Always') this.crash(m, c, true);
    else this.finish(m, c, 'Succeeded');
  }

  /** The container exits unexpectedly; restartPolicy Always brings it back after back-off. */
  crash(m: Machine, c: Container, exitZero = false): void {
    if (!c.running || c.terminating) return;
    if (this.world.now - c.startedAtMs >= BACKOFF_RESET_AFTER_MS) c.backoffMs = BACKOFF_START_MS;
    c.running = false;
    c.ready = false;
    const delay = c.backoffMs;
    c.backoffMs = Math.min(BACKOFF_MAX_MS, c.backoffMs * 2);
    if (this.tracing)
      this.note(
        m,
        { code: 'kubelet.exited', params: { pod: c.podName, exitZero, restartSeconds: delay / 1000 } },
        c.podName,
      );
    this.post(m, c);
    this.later(m, c, delay, 'restart', () => {
      c.restartCount++;
      this.start(m, c);
    });
  }

  /** The pod ends in a terminal phase (its process finished, or it was evicted). */
  finish(m: Machine, c: Container, phase: 'Failed' | 'Succeeded'): void {
    this.world.clock.cancel(c.timer);
    c.running = false;
    c.ready = false;
    c.phase = phase;
    if (this.tracing)
      this.note(m, { code: 'kubelet.finished', params: { pod: c.podName, phase } }, c.podName);
    this.post(m, c);
  }

  /** Readiness fails for `forMs` (a failing readiness probe). */
  unready(m: Machine, c: Container, forMs: number): void {
    c.unreadyUntilMs = Math.max(c.unreadyUntilMs, this.world.now + forMs);
    this.post(m, c);
    this.world.clock.at(
      c.unreadyUntilMs,
      () => `kubelet/${m.name}: probe of ${c.podName} passes again`,
      () => {
        if (m.containers.get(c.podUid) === c) this.post(m, c);
      },
    );
  }

  private beginTermination(m: Machine, pod: KObject, c: Container | undefined): void {
    // A stop already under way finishes by itself; one cut short by a power loss is finished here.
    if (c?.terminating && c.running) return;
    if (!c?.running) {
      if (c) {
        this.world.clock.cancel(c.timer);
        this.removeSandbox(m, c);
      }
      return this.finalizeDelete(m, podKey(pod), pod.metadata.uid);
    }
    c.terminating = true;
    const b = podBehavior(pod, this.rng, this.world.sim.podStartMs);
    this.later(m, c, b.shutdownDelayMs, 'stopped', () => {
      c.running = false;
      c.ready = false;
      this.removeSandbox(m, c);
      if (this.tracing) this.note(m, { code: 'kubelet.stopped', params: { pod: c.podName } }, c.podName);
      this.finalizeDelete(m, c.podKey, c.podUid);
    });
  }

  /** The kubelet confirms termination: delete with grace 0 (the object then leaves the store). */
  private finalizeDelete(m: Machine, key: string, uid: string): void {
    if (!isReporting(m)) return;
    this.world.store.delete(this.actorOf(m), 'Pod', key, { gracePeriodSeconds: 0, uid });
  }

  /** Kills a container whose pod object no longer exists (force-deleted, or GC'd with its node). */
  private kill(m: Machine, c: Container): void {
    this.world.clock.cancel(c.timer);
    c.running = false;
    c.ready = false;
    this.removeSandbox(m, c);
    if (this.tracing) this.note(m, { code: 'kubelet.killed', params: { pod: c.podName } }, c.podName);
  }

  /** The pod's sandbox is torn down: the container is forgotten and its IP goes back to the node's CIDR. */
  private removeSandbox(m: Machine, c: Container): void {
    m.containers.delete(c.podUid);
    if (c.podIP) this.world.podIPs.release(m.name, c.podIP);
  }

  /** Machine power loss: every container stops at once; nothing reaches the API. */
  powerOff(m: Machine): void {
    for (const c of [...m.containers.values()].sort((a, b) => a.podKey.localeCompare(b.podKey))) {
      this.world.clock.cancel(c.timer);
      // A pending restart dies with the machine; the reboot's resync starts the container again.
      c.timer = undefined;
      if (c.running && this.tracing)
        this.note(m, { code: 'kubelet.power-lost', params: { pod: c.podName } }, c.podName);
      c.running = false;
      c.ready = false;
    }
  }

  /**
   * A new machine's kubelet starts: its first LIST of pods with spec.nodeName equal to its name
   * finds pods bound before it joined (a node removed and re-added under the same name) and runs
   * them, as after a reboot.
   */
  join(m: Machine): void {
    this.world.clock.after(REACTION_MS, `kubelet/${m.name}: list pods bound to the node`, () =>
      this.resync(m),
    );
  }

  /** After a reboot or a healed partition: reconcile every container with the API. */
  resync(m: Machine): void {
    if (!isReporting(m)) return;
    const pods = this.world.podsOnNode(m.name);
    const live = new Set(pods.map((p) => p.metadata.uid));
    for (const c of [...m.containers.values()].sort((a, b) => a.podKey.localeCompare(b.podKey))) {
      if (!live.has(c.podUid)) this.kill(m, c);
    }
    for (const pod of pods) {
      const c = m.containers.get(pod.metadata.uid);
      if (pod.metadata.deletionTimestamp) this.beginTermination(m, pod, c);
      else if (!c) {
        if (!isTerminalPhase(pod)) this.admit(m, pod, podKey(pod));
      } else if (!c.running && !c.timer && (c.phase === 'Running' || c.phase === 'Pending')) {
        // After a reboot: a container that had run comes back as a restart; one that never
        // started (the machine died during its start delay) starts for the first time.
        const restart = c.phase === 'Running';
        const b = podBehavior(pod, this.rng, this.world.sim.podStartMs);
        this.later(m, c, b.startDelayMs, restart ? 'restart after reboot' : 'start after reboot', () => {
          if (restart) c.restartCount++;
          this.start(m, c);
        });
        this.post(m, c);
      } else this.post(m, c);
    }
  }

  /** Posts the container's state as pod status (only when the API can be reached). */
  private post(m: Machine, c: Container): void {
    if (!isReporting(m)) return;
    this.world.store.patchStatus(
      this.actorOf(m),
      'Pod',
      c.podKey,
      (p) => kubeletPodStatus(p, c, this.world.now),
      { uid: c.podUid },
    );
  }

  /** `kubelet/<node>`: the actor of this kubelet's writes and trace lines, one string per node. */
  private actorOf(m: Machine): string {
    let actor = this.actors.get(m.name);
    if (actor === undefined) {
      actor = `kubelet/${m.name}`;
      this.actors.set(m.name, actor);
    }
    return actor;
  }

  /**
   * Whether trace lines are recorded: a lean pass records none, so callers do not build their
   * messages (nor a pod's name from its key).
   */
  private get tracing(): boolean {
    return this.world.trace.recording;
  }

  /** A trace line about one pod; its `pod/<name>` reference is built only when events are kept. */
  private note(m: Machine, message: TraceMessage, podName: string): void {
    const objects = this.world.trace.keep ? [`pod/${podName}`] : undefined;
    this.world.note('kubelet', this.actorOf(m), message, objects);
  }

  /** One pending timer per container: a new one replaces the old. */
  private later(m: Machine, c: Container, delayMs: number, what: string, run: () => void): void {
    this.world.clock.cancel(c.timer);
    const timer = this.world.clock.after(
      delayMs,
      () => `kubelet/${m.name}: ${c.podName} ${what}`,
      () => {
        if (c.timer === timer) c.timer = undefined;
        if (m.up && m.containers.get(c.podUid) === c) run();
      },
    );
    c.timer = timer;
  }
}

function rejectionMessage(reason: RejectReason): string {
  if (reason === 'UnexpectedAdmissionError')
    return 'Allocate failed due to the device plugin being unavailable, which is unexpected';
  const resource = reason.slice('OutOf'.length);
  return `Pod was rejected: Node didn't have enough resource: ${resource}`;
}

export function podKey(pod: KObject): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
}

function isTerminalPhase(pod: KObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}
