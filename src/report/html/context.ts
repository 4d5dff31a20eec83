/** The HTML render context: escaped messages and small element helpers. */
import type { RunResult } from '../../run/types.ts';
import { escapeHtml } from '../escape.ts';
import { type Lang, type MessageKey, type MessageParams, t } from '../i18n/index.ts';
import type { ReportSources } from '../sources.ts';

/** What every HTML section needs. */
export interface HtmlContext {
  result: RunResult;
  lang: Lang;
  sources: ReportSources;
  /** A message, HTML-escaped (template and parameters are plain text). */
  m(key: MessageKey, params?: MessageParams): string;
  /** A message whose `{name}` placeholder becomes trusted `html` (e.g. a link built from escaped parts). */
  mWith(key: MessageKey, name: string, html: string, params?: MessageParams): string;
}

/** A context for `result` in `lang`. */
export function htmlContext(result: RunResult, lang: Lang, sources: ReportSources): HtmlContext {
  const m = (key: MessageKey, params: MessageParams = {}) => escapeHtml(t(lang, key, params));
  const mWith = (key: MessageKey, name: string, html: string, params: MessageParams = {}) => {
    const marker = `\u0000${name}\u0000`;
    return escapeHtml(t(lang, key, { ...params, [name]: marker })).replace(marker, html);
  };
  return { result, lang, sources, m, mWith };
}

/** An HTML table; header and cells must already be escaped HTML. */
export function htmlTable(headers: string[], rows: string[][], rowAttrs: string[] = []): string {
  const head = `<tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr>`;
  const body = rows
    .map((r, i) => `<tr${rowAttrs[i] ?? ''}>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/** `<code>` around escaped text. */
export function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}
