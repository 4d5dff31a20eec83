/**
 * The Deployment hierarchy in the Markdown report (issue #12): the Deployment's ReplicaSets with
 * their revision, spec.replicas and Ready Pods at every step where one of them changed, read from
 * the cluster frames (cluster.ts), which take them from the trace's `api.workload` writes carrying
 * a revision. Empty for runs without a Deployment.
 */
import { clusterFrames } from './cluster.ts';
import { inlineCode } from './escape.ts';
import { formatTime } from './format.ts';
import { type MdContext, mdTable } from './mdParts.ts';

export function hierarchySection(c: MdContext): string {
  const rows: string[][] = [];
  let last = '';
  for (const f of clusterFrames(c.result)) {
    if (f.replicaSets === undefined) continue;
    const cells = f.replicaSets.map(
      (rs) =>
        `${inlineCode(rs.name, true)} (${c.m('hierarchy.revision', { revision: rs.revision })}): ${c.m('hierarchy.size', { replicas: rs.replicas, ready: rs.ready })}`,
    );
    const key = cells.join('\n');
    if (key === last) continue;
    last = key;
    rows.push([String(f.step), formatTime(f.atMs), cells.join('<br>')]);
  }
  if (rows.length === 0) return '';
  return [
    `## ${c.m('hierarchy.heading')}`,
    '',
    c.m('hierarchy.intro'),
    '',
    mdTable([c.m('hierarchy.col.step'), c.m('hierarchy.col.time'), c.m('hierarchy.col.replicaSets')], rows),
  ].join('\n');
}
