/**
 * Records trace events and folds each one's canonical line (canonical.ts: code and parameters,
 * never the rendered text) into a running SHA-256 digest, so two runs are byte-for-byte identical
 * exactly when their digests are. Events are kept only when asked: reports and replays need them,
 * the 150,000-pod benchmark does not, and then no text is rendered either. A recorder that neither
 * keeps events nor digests (a campaign's lean pass, a shrink trial: only the verdict is read)
 * records nothing at all: building and hashing the lines was a third of a Deployment run.
 */
import { createHash, type Hash } from 'node:crypto';
import { canonicalLine } from './canonical.ts';
import type { TraceMessage } from './messages.ts';
import { renderMessage } from './render.ts';
import type { TraceEvent, TraceKind } from './types.ts';

/** The canonical one-line form of an event (what the digest and replays compare). */
export function traceLine(e: TraceEvent): string {
  return canonicalLine(e.step, e.atMs, e.kind, e.actor, e.code, e.params);
}

/** What `headed` records first: the line its body returns. */
export interface HeadLine {
  kind: TraceKind;
  actor: string;
  message: TraceMessage;
  objects?: string[];
}

export class TraceRecorder {
  readonly events: TraceEvent[] = [];
  private readonly hash: Hash = createHash('sha256');
  private pending = '';
  private holding = false;
  step = 0;
  now = 0;

  /** @param digesting false: no digest is asked for (digest() returns ''), so lines need not be built. */
  constructor(
    readonly keep: boolean,
    private readonly digesting = true,
  ) {}

  /**
   * Whether record() does anything: false in a lean pass (no events kept, no digest), so callers
   * may skip building messages nobody reads.
   */
  get recording(): boolean {
    return this.keep || this.digesting;
  }

  record(kind: TraceKind, actor: string, message: TraceMessage, objects?: string[]): void {
    if (!this.recording) return;
    // Lines are hashed in chunks: one update per line costs more than the simulation step itself.
    this.pending += `${canonicalLine(this.step, this.now, kind, actor, message.code, message.params)}\n`;
    if (this.pending.length > 65_536 && !this.holding) this.flush();
    if (!this.keep) return;
    const base = { step: this.step, atMs: this.now, kind, actor, text: renderMessage('en', message) };
    const e = { ...base, code: message.code, params: message.params } as TraceEvent;
    if (objects) e.objects = objects;
    this.events.push(e);
  }

  /**
   * Runs `body`, then records the line it returns before every line the body recorded: a fault is
   * read before its effects, though what the line says depends on what happened.
   */
  headed(body: () => HeadLine): void {
    this.flush();
    const at = this.events.length;
    this.holding = true;
    let head: HeadLine;
    try {
      head = body();
    } finally {
      this.holding = false;
    }
    const rest = this.pending;
    const restEvents = this.keep ? this.events.splice(at) : [];
    this.pending = '';
    this.record(head.kind, head.actor, head.message, head.objects);
    this.pending += rest;
    if (this.keep) this.events.push(...restEvents);
  }

  /** The digest of everything recorded so far (call once, at the end); '' when not digesting. */
  digest(): string {
    if (!this.digesting) return '';
    this.flush();
    return this.hash.copy().digest('hex');
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.hash.update(this.pending);
    this.pending = '';
  }
}
