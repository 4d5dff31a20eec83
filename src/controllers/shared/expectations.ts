/**
 * ControllerExpectations (pkg/controller/controller_utils.go): per owner key, how many creations
 * and deletions the controller still expects to observe through its informer. While they are
 * pending the controller does not manage replicas, so a lagging cache cannot make it act twice.
 * Records older than 5 minutes count as satisfied, which is how kubernetes#129795 over-creates
 * when a watch lags longer than that. Deletions are tracked by pod key (UIDTrackingExpectations),
 * so each deletion is counted once however often it is observed.
 */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

interface Record {
  add: number;
  del: number;
  timestampMs: number;
  deleteKeys: Set<string>;
}

export class Expectations {
  private readonly records = new Map<string, Record>();

  constructor(private readonly now: () => number) {}

  /** Satisfied when there is no record, both counts are ≤ 0, or the record has expired. */
  satisfied(key: string): boolean {
    const r = this.records.get(key);
    if (!r) return true;
    if (r.add <= 0 && r.del <= 0) return true;
    return this.now() - r.timestampMs > EXPECTATIONS_TIMEOUT_MS;
  }

  expectCreations(key: string, n: number): void {
    this.records.set(key, { add: n, del: 0, timestampMs: this.now(), deleteKeys: new Set() });
  }

  /** Expects the deletion of exactly these pods. */
  expectDeletions(key: string, podKeys: string[]): void {
    this.records.set(key, {
      add: 0,
      del: podKeys.length,
      timestampMs: this.now(),
      deleteKeys: new Set(podKeys),
    });
  }

  /** Creations and deletions at once (the DaemonSet sets both in one sync). */
  setExpectations(key: string, add: number, del: number): void {
    this.records.set(key, { add, del, timestampMs: this.now(), deleteKeys: new Set() });
  }

  creationObserved(key: string): void {
    const r = this.records.get(key);
    if (r) r.add--;
  }

  /**
   * A deletion was observed. With a pod key (UIDTrackingControllerExpectations) only a key that was
   * expected counts, and only once; without one (the DaemonSet) every deletion counts.
   */
  deletionObserved(key: string, podKey?: string): void {
    const r = this.records.get(key);
    if (!r) return;
    if (podKey !== undefined && !r.deleteKeys.delete(podKey)) return;
    r.del--;
  }

  delete(key: string): void {
    this.records.delete(key);
  }

  /** For reports and liveness reasons: what is still expected. */
  pending(key: string): { add: number; del: number } | undefined {
    const r = this.records.get(key);
    return r ? { add: r.add, del: r.del } : undefined;
  }
}
