import { podFault } from '../podFault.ts';
import { patchLabels } from '../refs.ts';

/** Changes a pod's labels: it may stop (or start) matching a controller's selector. */
export const relabelPodFault = podFault({
  kind: 'relabel-pod',
  summary: { en: 'change pod labels (null removes)', ko: '파드 레이블을 바꾼다 (null이면 삭제)' },
  extraFields: {
    labels: {
      type: 'labels',
      removable: true,
      required: true,
      doc: 'labels to set; a null value removes one',
    },
  },
  example: '{do: relabel-pod, pod: {owner: replicaset/frontend, index: 0}, labels: {app: debug}}',
  // A relabelled StatefulSet pod keeps its name, so the set can never recreate that identity
  // (AlreadyExists) until someone deletes the orphan: real Kubernetes does not converge there.
  skipKindsInChaos: ['statefulset'],
  describeExtra: (ev) => JSON.stringify(ev.labels),
  act(world, ev, pod) {
    const patch = ev.labels;
    const r = world.store.patch('user', 'Pod', `${pod.metadata.namespace}/${pod.metadata.name}`, (p) => ({
      ...p,
      metadata: { ...p.metadata, labels: patchLabels(p.metadata.labels, patch) },
    }));
    return r.ok
      ? { applied: true, effect: { code: 'pod.relabeled', params: { pod: pod.metadata.name } } }
      : { applied: false, reason: r.message };
  },
  // Flip one of the owner's selector labels, so the pod stops matching (and may match again later).
  generateExtra: (rng, ctx, pod) => {
    const owner = typeof pod === 'string' ? undefined : pod.owner;
    const obj = ctx.scenario.objects.find((o) => `${o.kind.toLowerCase()}/${o.metadata.name}` === owner);
    const keys = Object.keys(obj?.spec?.selector?.matchLabels ?? { app: '' }).sort();
    const key = keys[0] ?? 'app';
    return {
      labels: { [key]: rng.chance(0.5) ? 'quarantine' : (obj?.spec?.selector?.matchLabels?.[key] ?? null) },
    };
  },
});
