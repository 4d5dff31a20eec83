/**
 * Records trace events and folds each one's line into a running SHA-256 digest, so two runs are
 * byte-for-byte identical exactly when their digests are. Lines are kept only when asked: reports
 * and replays need them, the 150,000-pod benchmark does not.
 */
import { createHash, type Hash } from 'node:crypto';
import type { TraceEvent, TraceKind } from './types.ts';

/** The canonical one-line form of an event (what the digest and replays compare). */
export function traceLine(e: TraceEvent): string {
  return lineOf(e.step, e.atMs, e.kind, e.actor, e.text);
}

function lineOf(step: number, atMs: number, kind: TraceKind, actor: string, text: string): string {
  return `${step} ${atMs} ${kind} ${actor} ${text}`;
}

export class TraceRecorder {
  readonly events: TraceEvent[] = [];
  private readonly hash: Hash = createHash('sha256');
  private pending = '';
  private holding = false;
  step = 0;
  now = 0;

  constructor(readonly keep: boolean) {}

  record(kind: TraceKind, actor: string, text: string, objects?: string[]): void {
    // Lines are hashed in chunks: one update per line costs more than the simulation step itself.
    // Built without the event object: most runs keep no events.
    this.pending += `${lineOf(this.step, this.now, kind, actor, text)}\n`;
    if (this.pending.length > 65_536 && !this.holding) this.flush();
    if (!this.keep) return;
    const e: TraceEvent = objects
      ? { step: this.step, atMs: this.now, kind, actor, text, objects }
      : { step: this.step, atMs: this.now, kind, actor, text };
    this.events.push(e);
  }

  /**
   * Runs `body`, then records the line it returns before every line the body recorded: a fault is
   * read before its effects, though what the line says depends on what happened.
   */
  headed(body: () => { kind: TraceKind; actor: string; text: string; objects?: string[] }): void {
    this.flush();
    const at = this.events.length;
    this.holding = true;
    let head: ReturnType<typeof body>;
    try {
      head = body();
    } finally {
      this.holding = false;
    }
    const rest = this.pending;
    const restEvents = this.keep ? this.events.splice(at) : [];
    this.pending = '';
    this.record(head.kind, head.actor, head.text, head.objects);
    this.pending += rest;
    if (this.keep) this.events.push(...restEvents);
  }

  /** The digest of everything recorded so far (call once, at the end). */
  digest(): string {
    this.flush();
    return this.hash.copy().digest('hex');
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.hash.update(this.pending);
    this.pending = '';
  }
}
