/**
 * How the simulated application in a pod behaves. Real images are not run; instead a pod's
 * annotations (usually set in the template) or its image tag choose timings and failure modes:
 *   kubeprop.io/start-delay, kubeprop.io/ready-delay, kubeprop.io/shutdown-delay: durations
 *   kubeprop.io/behavior: crashloop | fail | complete | never-ready
 * An image tag may name a failure mode as a word of the tag, so a rollout can go bad with nothing
 * but `update-template image: ...` (what chaos draws): `broken` or `crashloop` crash-loops,
 * `never-ready` runs but never passes readiness, `fail` is ended Failed by the kubelet (evicted),
 * `complete` exits 0 after a second: restarted with crash back-off under restartPolicy Always (as
 * a real kubelet does; the pod never ends Succeeded that way), Succeeded under Never or OnFailure
 * (e.g. `app:v2-crashloop`, `app:never-ready`, `x:broken`).
 * The annotation wins over the tag. Without knobs: a readiness probe's initialDelaySeconds, else
 * Ready on start.
 */
import { parseDuration } from '../model/time.ts';
import type { KObject } from '../model/types.ts';
import type { Rng } from './prng.ts';

export type Behavior = 'normal' | 'crashloop' | 'fail' | 'complete' | 'never-ready';

/**
 * Image behaviours already read, by image: the kubelet asks on every admit and start (300,000 times
 * at 150,000 pods) about a handful of images. Bounded, like parseTimestamp's cache.
 */
const byImage = new Map<string, Behavior | undefined>();
const BY_IMAGE_LIMIT = 1024;

/** The failure mode an image tag names, if any (see the header). */
export function imageBehavior(image: string): Behavior | undefined {
  if (byImage.has(image)) return byImage.get(image);
  const b = readImageBehavior(image);
  if (byImage.size >= BY_IMAGE_LIMIT) byImage.clear();
  byImage.set(image, b);
  return b;
}

function readImageBehavior(image: string): Behavior | undefined {
  const tag = /:([^/]*)$/.exec(image)?.[1];
  if (!tag) return undefined;
  const mode = /(?:^|[^a-z])(broken|crashloop|never-ready|fail|complete)(?![a-z])/.exec(tag)?.[1];
  if (mode === undefined) return undefined;
  return mode === 'broken' ? 'crashloop' : (mode as Behavior);
}

export interface PodBehavior {
  behavior: Behavior;
  startDelayMs: number;
  readyDelayMs: number;
  shutdownDelayMs: number;
}

function knob(pod: KObject, name: string): number | undefined {
  const raw = pod.metadata.annotations?.[`kubeprop.io/${name}`];
  if (raw === undefined) return undefined;
  const ms = parseDuration(raw);
  return typeof ms === 'number' ? ms : undefined;
}

export function podBehavior(pod: KObject, rng: Rng, startRange: readonly [number, number]): PodBehavior {
  const images = ((pod.spec?.containers ?? []) as Array<{ image?: string }>).map((c) => c.image ?? '');
  const annotated = pod.metadata.annotations?.['kubeprop.io/behavior'] as Behavior | undefined;
  const fromImage = images.map(imageBehavior).find((b) => b !== undefined);
  const probe = (pod.spec?.containers?.[0]?.readinessProbe ?? undefined) as
    | { initialDelaySeconds?: number; periodSeconds?: number }
    | undefined;
  const probeDelay = probe
    ? (probe.initialDelaySeconds ?? 0) * 1000 + rng.int((probe.periodSeconds ?? 10) * 1000)
    : 0;
  const grace = (pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
  return {
    behavior: annotated ?? fromImage ?? 'normal',
    startDelayMs: knob(pod, 'start-delay') ?? rng.between(startRange[0], startRange[1]),
    readyDelayMs: knob(pod, 'ready-delay') ?? probeDelay,
    shutdownDelayMs: Math.min(grace, knob(pod, 'shutdown-delay') ?? 2000),
  };
}
