import { stableStringify } from '../../model/hash.ts';
import type { KObject } from '../../model/types.ts';
import type { World } from '../../sim/world.ts';
import { resolveTarget } from '../refs.ts';
import { defineFault } from '../types.ts';

const REVISION = 'deployment.kubernetes.io/revision';
const HASH_LABEL = 'pod-template-hash';

/**
 * `kubectl rollout undo deployment/<name> [--to-revision=N]`, as kubectl does it
 * (polymorphichelpers/rollback.go): find the ReplicaSet of that revision (by default the one before
 * the latest) and patch the Deployment's template to its template without the pod-template-hash
 * label. The controller then sees a template change; it reuses that ReplicaSet rather than create one.
 */
export const rolloutUndoFault = defineFault({
  kind: 'rollout-undo',
  summary: {
    en: "roll a Deployment back to an earlier revision's template",
    ko: '디플로이먼트를 이전 리비전의 템플릿으로 롤백한다',
  },
  appliesTo: ['deployment'],
  fields: {
    target: { type: 'target', kinds: ['deployment'], required: true, doc: 'the Deployment' },
    toRevision: {
      type: 'int',
      min: 1,
      max: 1_000_000,
      doc: 'the revision to go back to (default: the one before the latest)',
    },
  },
  example: '{do: rollout-undo, target: deployment/web, toRevision: 1}',
  describe: (ev) =>
    `rollout-undo ${ev.target}${ev.toRevision !== undefined ? ` to-revision=${ev.toRevision}` : ''}`,
  apply(world, ev) {
    const d = resolveTarget(world, ev.target);
    if (!d) return { applied: false, reason: `${ev.target} does not exist` };
    if (d.spec?.paused)
      return {
        applied: false,
        reason:
          "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
      };
    const found = replicaSetForRevision(world, d, ev.toRevision);
    if (typeof found === 'string') return { applied: false, reason: found };
    const { rs, revision } = found;
    const template = withoutHash(rs.spec?.template);
    if (stableStringify(template) === stableStringify(withoutHash(d.spec?.template)))
      return {
        applied: false,
        reason: `skipped rollback (current template already matches revision ${revision})`,
      };
    const r = world.store.patch('user', 'Deployment', `default/${d.metadata.name}`, (o) => ({
      ...o,
      spec: { ...o.spec, template },
    }));
    return r.ok
      ? { applied: true, effect: { code: 'workload.rolled-back', params: { ref: ev.target, revision } } }
      : { applied: false, reason: r.message };
  },
  generate(ctx, rng) {
    const deployments = ctx.targets.filter((t) => t.startsWith('deployment/'));
    if (deployments.length === 0) return null;
    const target = rng.pick(deployments);
    return rng.chance(0.3)
      ? { at: ctx.at, do: 'rollout-undo', target, toRevision: 1 + rng.int(3) }
      : { at: ctx.at, do: 'rollout-undo', target };
  },
});

function revisionOf(rs: KObject): number {
  const n = Number(rs.metadata.annotations?.[REVISION] ?? 0);
  return Number.isInteger(n) ? n : 0;
}

/** The ReplicaSet of `toRevision`, or of the revision before the latest; an error line as kubectl words it. */
function replicaSetForRevision(
  world: World,
  d: KObject,
  toRevision: number | undefined,
): { rs: KObject; revision: number } | string {
  const sets = world.store
    .list('ReplicaSet')
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
  if (toRevision !== undefined) {
    const rs = sets.find((s) => revisionOf(s) === toRevision);
    return rs ? { rs, revision: toRevision } : `unable to find specified revision ${toRevision} in history`;
  }
  const byRevision = [...sets].sort((a, b) => revisionOf(b) - revisionOf(a));
  const previous = byRevision[1];
  return previous
    ? { rs: previous, revision: revisionOf(previous) }
    : `no rollout history found for deployment "${d.metadata.name}"`;
}

function withoutHash(template: unknown): Record<string, unknown> {
  const t = (template ?? {}) as { metadata?: { labels?: Record<string, string> } };
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[HASH_LABEL];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}
