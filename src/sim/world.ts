/**
 * The deterministic world of one run: clock, named PRNG streams, API store, the simulated machines
 * and the control-plane components (scheduler, kubelets, node lifecycle, garbage collectors).
 * Controllers are attached by the runner. One timer firing is one step.
 */
import { extend } from '../model/objects.ts';
import { addDefaultTolerations } from '../model/taints.ts';
import type { Kind, KObject } from '../model/types.ts';
import type { TraceMessage } from '../trace/messages.ts';
import { TraceRecorder } from '../trace/recorder.ts';
import { ApiStore } from './api/store.ts';
import type { WriteRecord } from './api/types.ts';
import { SimClock } from './clock.ts';
import { GarbageCollector } from './gc.ts';
import { Informer } from './informer.ts';
import { Kubelet } from './kubelet.ts';
import type { Machine } from './machine.ts';
import { NodeLifecycle } from './nodeLifecycle.ts';
import { newNodeObject } from './nodes.ts';
import type { NodeSpec, SimOptions } from './options.ts';
import { PodIPs } from './podIPs.ts';
import { Streams } from './prng.ts';
import { Scheduler } from './scheduler.ts';
import { TaintEviction } from './taintEviction.ts';
import type { RequestRecord } from './traffic.ts';
import { Volumes } from './volumes.ts';

export interface WorldOptions {
  seed: number;
  sim: SimOptions;
  /** Deep-freeze stored objects, so a controller that mutates its cache fails loudly (tests). */
  freezeObjects?: boolean;
  /**
   * Self-checks of controllers' optimisations, for tests (never the CLI): the DaemonSet controller
   * plans every sync from its incremental node table and from the full walk, and throws when they differ.
   */
  crossCheckNodeTable?: boolean;
  /** False: no trace digest is computed (lean passes that read only the verdict). Default true. */
  traceDigest?: boolean;
}

/** Something in the world that a run can restart or inspect by name (controllers, mostly). */
export interface Restartable {
  readonly name: string;
  restart(): void;
  /** The informer whose watch `delay-watch` stalls. */
  readonly informer: Informer;
}

export class World {
  readonly clock = new SimClock();
  readonly streams: Streams;
  readonly trace: TraceRecorder;
  readonly store: ApiStore;
  readonly machines = new Map<string, Machine>();
  readonly kubelet: Kubelet;
  readonly scheduler: Scheduler;
  readonly lifecycle: NodeLifecycle;
  readonly gc: GarbageCollector;
  readonly taintEviction: TaintEviction;
  readonly volumes: Volumes;
  /** Pod CIDRs per node and Service ClusterIPs. */
  readonly podIPs = new PodIPs();
  /** Client requests sent in the step that just ran (`request` events), for the judge. */
  stepRequests: RequestRecord[] = [];
  readonly controllers = new Map<string, Restartable>();
  private readonly informers: Informer[] = [];
  stepCount = 0;

  constructor(readonly options: WorldOptions) {
    this.streams = new Streams(options.seed);
    this.trace = new TraceRecorder(options.sim.keepTrace, options.traceDigest ?? true);
    this.store = new ApiStore(
      this.clock,
      this.trace,
      this.streams.stream('uids'),
      this.streams.stream('names'),
      options.freezeObjects ?? false,
    );
    this.store.watch((ev) => {
      for (const inf of this.informers) inf.observe(ev);
    });
    // Pod admission: DefaultTolerationSeconds (not-ready/unreachable tolerated for 300 s), and the
    // API server's PrepareForCreate, which sets status.phase to Pending.
    this.store.addAdmission('Pod', (pod) =>
      extend(pod, {
        spec: extend(pod.spec, { tolerations: addDefaultTolerations(pod.spec?.tolerations) }),
        status: extend({ phase: 'Pending' }, pod.status ?? {}),
      }),
    );
    this.admitServices();
    this.kubelet = new Kubelet(this);
    this.scheduler = new Scheduler(this);
    this.lifecycle = new NodeLifecycle(this);
    this.gc = new GarbageCollector(this);
    this.taintEviction = new TaintEviction(this);
    this.volumes = new Volumes(this);
  }

  get now(): number {
    return this.clock.now;
  }

  get sim(): SimOptions {
    return this.options.sim;
  }

  /** Writes of the step that just ran. */
  get stepWrites(): readonly WriteRecord[] {
    return this.store.stepWrites;
  }

  /** Writes of the step that just ran that changed nothing (the API server dropped them). */
  get stepNoops(): readonly WriteRecord[] {
    return this.store.stepNoops;
  }

  /** A new informer for a controller; it sees every write from now on. */
  newInformer(name: string, kinds: Kind[]): Informer {
    const inf = new Informer(
      name,
      new Set(kinds),
      this.clock,
      this.streams.stream(`informer/${name}`),
      this.sim.informerLagMs,
    );
    // A new informer starts with a LIST: replay the current store into it, in key order.
    for (const kind of kinds) {
      for (const obj of this.store.list(kind)) inf.observe(listEvent(obj));
    }
    this.informers.push(inf);
    return inf;
  }

  /**
   * A node joins: the machine boots, its kubelet registers the Node and reports Ready, then runs
   * the pods already bound to its name.
   */
  addNode(spec: NodeSpec): void {
    const machine: Machine = {
      name: spec.name,
      up: true,
      reachable: true,
      heartbeatOffsetMs: this.streams.stream('heartbeats').int(10_000),
      stoppedReportingAtMs: undefined,
      containers: new Map(),
      removed: false,
    };
    this.machines.set(spec.name, machine);
    this.podIPs.addNode(spec.name, spec.podCapacity);
    this.store.create(`kubelet/${spec.name}`, newNodeObject(spec, this.now));
    // A node re-added under a removed node's name finds pods still bound to it (pod GC waits out
    // a quarantine first); its kubelet lists pods by spec.nodeName on start and runs them.
    if (this.podsOnNode(spec.name).length > 0) this.kubelet.join(machine);
  }

  /**
   * The Service REST storage allocates a ClusterIP at create, unless the Service is headless
   * (`clusterIP: None`) or asks for one; the IP returns to the range when the Service is removed.
   */
  private admitServices(): void {
    this.store.addAdmission('Service', (svc) => {
      if (svc.spec?.clusterIP) return svc;
      const ip = this.podIPs.allocateClusterIP();
      if (!ip) return svc;
      return extend(svc, { spec: extend(svc.spec ?? {}, { clusterIP: ip, clusterIPs: [ip] }) });
    });
    this.store.watch((ev) => {
      const ip = ev.object.spec?.clusterIP;
      if (ev.kind === 'Service' && ev.type === 'DELETED' && typeof ip === 'string' && ip !== 'None')
        this.podIPs.releaseClusterIP(ip);
    });
  }

  /** Runs the next timer. Returns false when nothing is left to do. */
  step(): boolean {
    const timer = this.clock.pop();
    if (!timer) return false;
    this.stepCount++;
    this.trace.step = this.stepCount;
    this.trace.now = this.clock.now;
    this.store.stepWrites = [];
    this.store.stepNoops = [];
    if (this.stepRequests.length > 0) this.stepRequests = [];
    timer.run();
    return true;
  }

  /** Records a message in the trace at the current step. */
  note(
    kind: 'info' | 'controller' | 'node' | 'kubelet' | 'schedule' | 'gc',
    actor: string,
    message: TraceMessage,
    objects?: string[],
  ): void {
    this.trace.record(kind, actor, message, objects);
  }

  /** Pods bound to a node, from the store, sorted by key. */
  podsOnNode(node: string): KObject[] {
    const keys = this.store.index.podsByNode.get(node);
    if (!keys) return [];
    return [...keys]
      .sort()
      .map((k) => this.store.get('Pod', k)!)
      .filter(Boolean);
  }
}

function listEvent(obj: KObject) {
  return {
    type: 'ADDED' as const,
    kind: obj.kind,
    key:
      obj.kind === 'Node' || obj.kind === 'PersistentVolume'
        ? obj.metadata.name
        : `${obj.metadata.namespace ?? 'default'}/${obj.metadata.name}`,
    object: obj,
    resourceVersion: Number(obj.metadata.resourceVersion),
  };
}
