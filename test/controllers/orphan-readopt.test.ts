/**
 * `kubectl delete <workload> --cascade=orphan`, then `kubectl create` it again: the pods keep
 * running, untouched, and the new object (a new uid) adopts them and the revision history the old
 * one left (StatefulSet: adoptOrphanRevisions; DaemonSet: ClaimControllerRevisions), before it
 * claims pods, and creates nothing: no pod, no claim, no revision, no rolling update.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import type { TraceEvent } from '../../src/trace/types.ts';

const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web }
spec:
  replicas: 3
  serviceName: web
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: app, image: nginx:1.27 }] }
  volumeClaimTemplates:
    - metadata: { name: data }
      spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }`;

const DAEMONSET = `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: logs }
spec:
  selector: { matchLabels: { app: logs } }
  template:
    metadata: { labels: { app: logs } }
    spec: { containers: [{ name: agent, image: fluentd:1 }] }`;

const indent = (text: string, n: number) =>
  text
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');

function scenario(manifest: string, target: string): string {
  return `apiVersion: kubeprop/v1
kind: Scenario
metadata: { name: orphan-readopt }
spec:
  seed: 5
  cluster: { nodes: [{ count: 3 }] }
  objects:
    -
${indent(manifest, 6)}
  events:
    - { at: 2m, do: delete-object, target: ${target}, propagation: Orphan }
    - at: 3m
      do: create-object
      object:
${indent(manifest, 8)}
  settle: 3m
`;
}

const CASES = [
  { target: 'statefulset/web', manifest: STATEFULSET },
  { target: 'daemonset/logs', manifest: DAEMONSET },
];

/** An event as people read it: the English text (traceLine is the canonical code-and-params line). */
const textLine = (e: TraceEvent) => `${e.step} ${e.atMs} ${e.kind} ${e.actor} ${e.text}`;

describe.each(CASES)('$target deleted with --cascade=orphan and created again', ({ target, manifest }) => {
  const result = runScenario(parseScenarioText(scenario(manifest, target), 'orphan-readopt.yaml'), {
    keepTrace: true,
  });
  const lines = result.events.map(textLine);
  const since = lines.slice(lines.findIndex((l) => l.includes(`create-object ${target}`)));

  it('passes every invariant and converges', () => {
    expect(result.outcome).toBe('pass');
  });

  it('creates and deletes nothing after the object comes back, and restarts nothing', () => {
    expect(
      since.filter((l) =>
        / (create|terminate|delete) (pod|persistentvolumeclaim|controllerrevision)\//.test(l),
      ),
    ).toEqual([]);
    expect(result.final.pods).toHaveLength(3);
    for (const p of result.final.pods) expect([p.owner, p.restarts, p.ready]).toEqual([target, 0, true]);
  });

  it('adopts the orphaned revision first, then the pods', () => {
    const adoptRevision = since.findIndex((l) => / patch controllerrevision\//.test(l));
    const adoptPod = since.findIndex((l) => / patch pod\//.test(l));
    expect(since.some((l) => l.includes('adopt 3, release 0, adopt 1 orphaned revision'))).toBe(true);
    expect(adoptRevision).toBeGreaterThan(0);
    expect(adoptPod).toBeGreaterThan(adoptRevision);
  });
});
