/**
 * Per-node back-off for deleting Failed daemon pods (`failedPodsBackoff`, client-go flowcontrol
 * Backoff: 1 s doubling to 15 min). Without it, a pod the kubelet keeps rejecting would be deleted
 * and recreated in a hot loop. Keys are `<ds uid>/<observedGeneration>/<node>`, so a new template
 * starts with a clean slate. Times are simulated ms.
 */
export const BACKOFF_INITIAL_MS = 1_000;
export const BACKOFF_MAX_MS = 15 * 60_000;

interface Entry {
  delayMs: number;
  lastUpdateMs: number;
}

export class FailedPodBackoff {
  private readonly entries = new Map<string, Entry>();

  /** True while the last deletion for this key is more recent than its current delay. */
  inBackoff(key: string, nowMs: number): boolean {
    const e = this.entries.get(key);
    return !!e && nowMs - e.lastUpdateMs < e.delayMs;
  }

  /** The delay still to wait (for a requeue), 0 when not in back-off. */
  remaining(key: string, nowMs: number): number {
    const e = this.entries.get(key);
    return e ? Math.max(0, e.lastUpdateMs + e.delayMs - nowMs) : 0;
  }

  /** Records one more deletion: the delay doubles, or starts again after a long quiet spell. */
  next(key: string, nowMs: number): void {
    const e = this.entries.get(key);
    if (!e || nowMs - e.lastUpdateMs > 2 * BACKOFF_MAX_MS) {
      this.entries.set(key, { delayMs: BACKOFF_INITIAL_MS, lastUpdateMs: nowMs });
      return;
    }
    e.delayMs = Math.min(2 * e.delayMs, BACKOFF_MAX_MS);
    e.lastUpdateMs = nowMs;
  }
}

export function backoffKey(
  ds: { metadata: { uid: string }; status?: { observedGeneration?: number } },
  node: string,
): string {
  return `${ds.metadata.uid}/${ds.status?.observedGeneration ?? 0}/${node}`;
}
