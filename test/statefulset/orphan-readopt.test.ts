/**
 * `kubectl delete statefulset web --cascade=orphan`, then `kubectl create` it again: the pods keep
 * running, untouched, and the new set adopts them and the revision history the old one left
 * (adoptOrphanRevisions before the pods are claimed), creating nothing new.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { traceLine } from '../../src/trace/recorder.ts';

const SET = `
      apiVersion: apps/v1
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

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((l) => (l.trim() ? by + l.slice(6) : l))
    .join('\n');

const SCENARIO = `apiVersion: kubeprop/v1
kind: Scenario
metadata: { name: orphan-readopt }
spec:
  seed: 5
  cluster: { nodes: [{ count: 3 }] }
  objects:
    -${indent(SET, '      ').replace(/^\n\s+/, ' ')}
  events:
    - { at: 2m, do: delete-object, target: statefulset/web, propagation: Orphan }
    - at: 3m
      do: create-object
      object:${indent(SET, '        ')}
  settle: 3m
`;

describe('StatefulSet deleted with --cascade=orphan and created again', () => {
  const result = runScenario(parseScenarioText(SCENARIO, 'orphan-readopt.yaml'), { keepTrace: true });
  const lines = result.events.map(traceLine);
  const linesFrom = (text: string) => lines.slice(lines.findIndex((l) => l.includes(text)));

  it('passes every invariant and converges', () => {
    expect(result.outcome).toBe('pass');
    const set = result.final.workloads.find((w) => w.name === 'web');
    expect(set?.status).toMatchObject({ replicas: 3, readyReplicas: 3 });
  });

  it('creates no pod, claim or revision after the set comes back, and restarts nothing', () => {
    const since = linesFrom('create-object statefulset/web');
    expect(since.filter((l) => / create (pod|persistentvolumeclaim|controllerrevision)\//.test(l))).toEqual(
      [],
    );
    expect(result.final.pods.map((p) => [p.name, p.owner, p.restarts])).toEqual([
      ['web-0', 'statefulset/web', 0],
      ['web-1', 'statefulset/web', 0],
      ['web-2', 'statefulset/web', 0],
    ]);
  });

  it('adopts the orphaned revision first, then the pods', () => {
    const since = linesFrom('create-object statefulset/web');
    const adoptRevision = since.findIndex((l) => / patch controllerrevision\/web-/.test(l));
    const adoptPod = since.findIndex((l) => / patch pod\/web-0/.test(l));
    expect(since.some((l) => l.includes('adopt 3, release 0, adopt 1 orphaned revision'))).toBe(true);
    expect(adoptRevision).toBeGreaterThan(0);
    expect(adoptPod).toBeGreaterThan(adoptRevision);
  });
});
