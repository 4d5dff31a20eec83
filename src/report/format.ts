/** Small formatting helpers shared by the Markdown and HTML reporters. */
import type { Scenario } from '../scenario/types.ts';
import type { TraceKind } from '../trace/types.ts';
import type { Lang } from './i18n/index.ts';

/** Simulated time as `mm:ss.mmm` (minutes keep counting past 59, e.g. `75:00.000`). */
export function formatTime(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  const minutes = Math.floor(whole / 60_000);
  const seconds = Math.floor((whole % 60_000) / 1000);
  const millis = whole % 1000;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}.${String(millis).padStart(3, '0')}`;
}

/** A duration the way scenario files write it: `500ms`, `30s`, `5m`, `1m30s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000 || ms % 1000 !== 0) return `${ms}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? `${m}m` : `${m}m${rest}s`;
}

/**
 * The scenario's description as a report in `lang` shows it, trimmed: a Korean report shows
 * `metadata.descriptionKo` when the scenario has one, else the English `description` ('' for none).
 */
export function scenarioDescription(lang: Lang, s: Pick<Scenario, 'description' | 'descriptionKo'>): string {
  const ko = lang === 'ko' ? s.descriptionKo?.trim() : undefined;
  return ko || s.description.trim();
}

/** One glyph per trace kind for timelines; faults are the lightning bolt. */
export const KIND_GLYPH: Readonly<Record<TraceKind, string>> = {
  fault: '⚡',
  skip: '⏭',
  create: '➕',
  update: '✏️',
  status: '📋',
  delete: '🗑',
  'api-error': '⛔',
  controller: '🧠',
  node: '🖥',
  kubelet: '⚙',
  schedule: '📌',
  gc: '♻',
  violation: '❌',
  info: 'ℹ',
};

/**
 * Glyphs for the HTML report: symbols that common text fonts (DejaVu, Liberation, Noto) carry, so
 * they show without an emoji font (headless browsers and many Linux desktops have none).
 */
export const HTML_GLYPH: Readonly<Record<TraceKind, string>> = {
  fault: '⚡',
  skip: '↷',
  create: '+',
  update: '✎',
  status: '•',
  delete: '−',
  'api-error': '⊘',
  controller: '◆',
  node: '▣',
  kubelet: '⚙',
  schedule: '→',
  gc: '♻',
  violation: '✖',
  info: 'ℹ',
};

/** Trace kinds in legend order. */
export const TRACE_KINDS: readonly TraceKind[] = Object.keys(KIND_GLYPH) as TraceKind[];

/** A compact one-line rendering of an arbitrary value (event fields, labels): `k=v, k2=v2`. */
export function formatFields(fields: Readonly<Record<string, unknown>>): string {
  return Object.keys(fields)
    .sort()
    .map((k) => `${k}=${typeof fields[k] === 'string' ? fields[k] : JSON.stringify(fields[k])}`)
    .join(', ');
}

/** The controller name a workload kind is run by (`StatefulSet` → `statefulset`). */
export function controllerOfKind(kind: string): string {
  return kind.toLowerCase();
}
