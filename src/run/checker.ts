/** Runs the selected invariants: safety after every step, liveness at the end of settle and stability. */
import type { Finding, InvariantDef, LivenessContext } from '../invariants/types.ts';
import type { World } from '../sim/world.ts';
import { extensionNote, settleExtension } from './syncBackoff.ts';
import type { HeldNote, InvariantResult, Violation } from './types.ts';

/** How many violations of one invariant a result keeps (the first ones; the count is in the message). */
const MAX_KEPT = 20;

export class InvariantChecker {
  readonly results: InvariantResult[];
  private readonly active: InvariantDef[];
  private readonly memo = new Map<string, unknown>();

  constructor(selected: InvariantDef[], notApplicable: InvariantDef[]) {
    this.active = selected;
    this.results = [...selected, ...notApplicable]
      .map((inv) => ({
        id: inv.id,
        kind: inv.kind,
        status: (selected.includes(inv) ? 'held' : 'not-applicable') as InvariantResult['status'],
        violations: [] as Violation[],
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  afterStep(world: World): void {
    // A step of client requests writes nothing but is judged too (service.routes-ready).
    if (world.stepWrites.length === 0 && world.stepNoops.length === 0 && world.stepRequests.length === 0)
      return;
    for (const inv of this.active) {
      if (inv.kind !== 'safety') continue;
      const findings = inv.check(world);
      if (findings.length > 0) this.record(world, inv.id, findings);
    }
  }

  liveness(world: World, phase: LivenessContext['phase']): void {
    for (const inv of this.active) {
      if (inv.kind !== 'liveness') continue;
      const notes: Finding[] = [];
      const found = inv.check(world, { phase, memo: this.memo, held: (n) => notes.push(n) });
      const findings = found.filter((f) => !this.heldByBackoff(world, f, notes));
      if (findings.length > 0) this.record(world, inv.id, findings);
      this.recordHeld(world, inv.id, notes);
    }
  }

  /**
   * A ReplicaSet whose controller met rejected calls is retried on the work queue's back-off: within
   * its extended settle window, not converged yet is a wait Kubernetes makes, noted, not a violation.
   */
  private heldByBackoff(world: World, f: Finding, notes: Finding[]): boolean {
    const ext = settleExtension(world, f.objects);
    if (!ext) return false;
    notes.push({ ...extensionNote(ext, f), objects: f.objects });
    return true;
  }

  /**
   * Held-by-design notes of the last look win: a wait seen at the end of settle that is over by the
   * end of the stability window is no longer the reason the claim holds.
   */
  private recordHeld(world: World, id: string, notes: Finding[]): void {
    const r = this.results.find((x) => x.id === id)!;
    if (notes.length === 0) {
      delete r.heldByDesign;
      return;
    }
    r.heldByDesign = notes.slice(0, MAX_KEPT).map((f) => {
      const n: HeldNote = { atMs: world.now, message: f.message, objects: f.objects };
      if (f.messageKo) n.messageKo = f.messageKo;
      return n;
    });
  }

  /** The trace line is the English message; the result keeps the Korean one beside it. */
  private record(world: World, id: string, findings: Finding[]): void {
    const r = this.results.find((x) => x.id === id)!;
    world.trace.now = world.now;
    r.status = 'violated';
    for (const f of findings) {
      world.trace.record(
        'violation',
        id,
        { code: 'invariant.violated', params: { message: f.message } },
        f.objects,
      );
      if (r.violations.length >= MAX_KEPT) continue;
      const v: Violation = { atMs: world.now, step: world.stepCount, message: f.message, objects: f.objects };
      if (f.messageKo) v.messageKo = f.messageKo;
      r.violations.push(v);
    }
  }
}
