/**
 * The taint-eviction controller (NoExecute taint manager): a pod on a node with NoExecute taints it
 * does not tolerate is deleted at once; one that tolerates them for tolerationSeconds is deleted when
 * that time has passed since the taint was added; tolerations without seconds never expire. The
 * deletion is graceful, so on an unreachable node the pod only becomes Terminating.
 */
import { tolerationSecondsForTaints } from '../model/taints.ts';
import { parseTimestamp } from '../model/time.ts';
import type { KObject, Taint, Toleration } from '../model/types.ts';
import type { WatchEvent } from './api/types.ts';
import type { Timer } from './clock.ts';
import { nodeTaints } from './nodes.ts';
import type { World } from './world.ts';

const ACTOR = 'taint-eviction-controller';

export class TaintEviction {
  private readonly timers = new Map<string, Timer>();
  /**
   * Names of the stored nodes with a NoExecute taint, kept from the store's Node events (it emits
   * every write, synchronously): a pod bound while none has one needs no node lookup.
   */
  private readonly noExecuteNodes = new Set<string>();

  constructor(private readonly world: World) {
    world.store.watch((ev) => this.onEvent(ev));
  }

  private onEvent(ev: WatchEvent): void {
    if (ev.kind === 'Node') {
      const name = ev.object.metadata.name;
      if (ev.type !== 'DELETED' && noExecuteKey(ev.object) !== '') this.noExecuteNodes.add(name);
      else this.noExecuteNodes.delete(name);
      if (ev.type === 'DELETED' || noExecuteKey(ev.old) === noExecuteKey(ev.object)) return;
      // React on a later step: watchers never write inside the write that notified them.
      this.world.clock.after(1, `${ACTOR}: taints of ${name} changed`, () => {
        for (const pod of this.world.podsOnNode(name)) this.consider(pod);
      });
    } else if (
      ev.kind === 'Pod' &&
      ev.type !== 'DELETED' &&
      ev.object.spec?.nodeName &&
      !ev.old?.spec?.nodeName
    ) {
      // Most nodes carry no NoExecute taint: then there is nothing to consider (a taint added
      // later reaches this pod through the node's own event).
      if (this.noExecuteNodes.size === 0 || !this.noExecuteNodes.has(ev.object.spec.nodeName)) return;
      const key = ev.key;
      this.world.clock.after(1, `${ACTOR}: pod ${ev.object.metadata.name} bound`, () => {
        const pod = this.world.store.get('Pod', key);
        if (pod) this.consider(pod);
      });
    }
  }

  private consider(pod: KObject): void {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    this.world.clock.cancel(this.timers.get(key));
    this.timers.delete(key);
    if (pod.metadata.deletionTimestamp) return;
    const node = this.world.store.get('Node', pod.spec?.nodeName);
    if (!node) return;
    const taints = nodeTaints(node).filter((t) => t.effect === 'NoExecute');
    if (taints.length === 0) return;
    const seconds = tolerationSecondsForTaints(pod.spec?.tolerations as Toleration[] | undefined, taints);
    if (seconds === null) return;
    const since = Math.max(...taints.map(addedAt));
    const due = seconds === 'none' ? this.world.now : Math.max(this.world.now, since + seconds * 1000);
    const uid = pod.metadata.uid;
    this.timers.set(
      key,
      this.world.clock.at(due, `${ACTOR}: evict ${pod.metadata.name}`, () => {
        this.timers.delete(key);
        const cur = this.world.store.get('Pod', key);
        if (!cur || cur.metadata.uid !== uid || cur.metadata.deletionTimestamp) return;
        const still = nodeTaints(this.world.store.get('Node', cur.spec?.nodeName) ?? ({} as KObject)).filter(
          (t) => t.effect === 'NoExecute',
        );
        if (still.length === 0) return;
        this.world.note(
          'node',
          ACTOR,
          { code: 'node.evicting', params: { pod: cur.metadata.name, node: cur.spec?.nodeName } },
          [`pod/${cur.metadata.name}`],
        );
        this.world.store.delete(ACTOR, 'Pod', key, { uid });
      }),
    );
  }
}

function addedAt(t: Taint): number {
  return t.timeAdded ? parseTimestamp(t.timeAdded) : 0;
}

const NO_EXECUTE_KEYS = new WeakMap<KObject, string>();

/**
 * The node's NoExecute taints as one comparable string ('' for none). Asked on every pod binding and
 * twice on every node write, so kept per Node object (stored objects are immutable values).
 */
function noExecuteKey(node: KObject | undefined): string {
  if (!node) return '';
  const taints = nodeTaints(node);
  if (taints.length === 0) return '';
  let key = NO_EXECUTE_KEYS.get(node);
  if (key === undefined) {
    key = taints
      .filter((t) => t.effect === 'NoExecute')
      .map((t) => `${t.key}=${t.value ?? ''}`)
      .sort()
      .join(',');
    NO_EXECUTE_KEYS.set(node, key);
  }
  return key;
}
