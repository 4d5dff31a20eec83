/**
 * A workload kind that no controller of this build reconciles (today: Deployment) is refused at its
 * manifest's `kind:` (issue #10: nothing passes vacuously): the run would otherwise pass with nothing
 * reconciling it. The list follows the controller registry (through registries.ts, the parser's one
 * seam to the simulator), so the refusal ends by itself when the controller arrives. Pods, Services
 * and PVCs need no controller here: the scheduler, kubelets and volume binder give them meaning.
 */
import { dirname, relative, resolve } from 'node:path';
import type { KObject } from '../model/types.ts';
import { isMap } from './fields.ts';
import type { ReadText } from './parse-objects.ts';
import { getControllerVariants } from './registries.ts';
import { type Path, parseSources, type SourceDoc } from './source.ts';
import type { Scenario } from './types.ts';

/** Workload kinds that mean something only while their controller runs, and that controller. */
const CONTROLLER_OF_KIND: Readonly<Record<string, string>> = {
  ReplicaSet: 'replicaset',
  DaemonSet: 'daemonset',
  StatefulSet: 'statefulset',
  Deployment: 'deployment',
};

/** The workload kinds this build runs a controller for, in registry order. */
export function reconciledKinds(): string[] {
  return Object.keys(CONTROLLER_OF_KIND).filter(
    (k) => getControllerVariants(CONTROLLER_OF_KIND[k]!) !== undefined,
  );
}

/** null when `kind` is reconciled or needs no controller (Pod, Service, PVC), else the refusal. */
export function unreconciledKind(kind: string): string | null {
  const controller = CONTROLLER_OF_KIND[kind];
  if (controller === undefined || getControllerVariants(controller) !== undefined) return null;
  return (
    `${kind} is not reconciled by kubeprop yet (no ${kind} controller); ` +
    `supported workloads: ${reconciledKinds().join(', ')}`
  );
}

/**
 * Refuses manifests of unreconciled kinds, inline, in `files:` or in create-object events.
 * @throws ScenarioError at the manifest's `kind:`.
 */
export function checkReconciled(
  src: SourceDoc,
  spec: Record<string, unknown>,
  scenario: Pick<Scenario, 'objects'>,
  readText: ReadText,
): void {
  const inline = Array.isArray(spec.objects) ? spec.objects : [];
  for (const [i, o] of inline.entries()) refuseKind(src, ['spec', 'objects', i, 'kind'], o);
  const events = Array.isArray(spec.events) ? spec.events : [];
  events.forEach((ev, i) => {
    if (isMap(ev) && ev.do === 'create-object')
      refuseKind(src, ['spec', 'events', i, 'object', 'kind'], ev.object);
  });
  const bad = scenario.objects.find((o) => unreconciledKind(o.kind) !== null);
  if (bad !== undefined) throw locateInFiles(src, spec, bad, readText);
}

function refuseKind(src: SourceDoc, at: Path, manifest: unknown): void {
  const kind = isMap(manifest) ? manifest.kind : undefined;
  const why = typeof kind === 'string' ? unreconciledKind(kind) : null;
  if (why !== null) throw src.error(at, why);
}

/** The error at the `kind:` of `obj` inside a `files:` manifest (at the entry if it cannot be found). */
function locateInFiles(src: SourceDoc, spec: Record<string, unknown>, obj: KObject, readText: ReadText) {
  const why = unreconciledKind(obj.kind)!;
  const files = Array.isArray(spec.files) ? spec.files : [];
  for (const [i, rel] of files.entries()) {
    if (typeof rel !== 'string') continue;
    const full = resolve(dirname(resolve(src.file)), rel);
    let docs: SourceDoc[];
    try {
      docs = parseSources(readText(full), relative(process.cwd(), full) || full);
    } catch {
      return src.error(['spec', 'files', i], why);
    }
    for (const doc of docs) {
      const m = doc.toJS() as { kind?: unknown; metadata?: { name?: unknown } } | null;
      if (m?.kind === obj.kind && m.metadata?.name === obj.metadata.name) return doc.error(['kind'], why);
    }
  }
  return src.error(['spec', 'objects'], why);
}
