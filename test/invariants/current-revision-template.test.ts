/**
 * workload.converges excuses churn of a StatefulSet whose pods come back at a failing build. The
 * build may be the current revision's rather than the spec's (pods below a partition, OnDelete), and
 * a ControllerRevision holds it as `data: {spec: {template}}`: reading `data` itself as the template
 * found no containers there, so a failing current revision was never seen (issue #11 leftover).
 */
import { describe, expect, it } from 'vitest';
import { appCannotRun } from '../../src/invariants/stability.ts';
import type { KObject } from '../../src/model/types.ts';
import { DEFAULT_SIM_OPTIONS } from '../../src/sim/options.ts';
import { World } from '../../src/sim/world.ts';

const template = (image: string) => ({
  metadata: { labels: { app: 'db' } },
  spec: { containers: [{ name: 'app', image }] },
});

/** A StatefulSet at spec image `specImage` whose status names a revision made from `revisionImage`. */
function statefulSet(specImage: string, revisionImage: string): { world: World; sts: KObject } {
  const world = new World({ seed: 1, sim: { ...DEFAULT_SIM_OPTIONS, keepTrace: false } });
  world.store.create('test', {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { name: 'db-old' },
    data: { spec: { template: template(revisionImage) } },
    revision: 1,
  } as unknown as KObject);
  const created = world.store.create('test', {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db' },
    spec: { replicas: 1, selector: { matchLabels: { app: 'db' } }, template: template(specImage) },
    status: { currentRevision: 'db-old' },
  } as unknown as KObject);
  if (!created.ok) throw new Error(created.message);
  return { world, sts: created.obj };
}

describe('workload.converges: the current revision template', () => {
  it('a StatefulSet whose current revision is a failing build cannot run its application', () => {
    const { world, sts } = statefulSet('db:v2', 'db:broken');
    expect(appCannotRun(world, sts)).toBe(true);
  });

  it('one whose current revision and template are both sound can', () => {
    const { world, sts } = statefulSet('db:v2', 'db:v1');
    expect(appCannotRun(world, sts)).toBe(false);
  });
});
