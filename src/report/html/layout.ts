/**
 * The page shell: one self-contained document. A Content-Security-Policy forbids every network
 * request and allows only the one inline script whose hash it names, so even a manifest string
 * that slipped past escaping could neither load anything nor run.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from '../escape.ts';
import type { Lang } from '../i18n/index.ts';
import { STEPPER_SCRIPT } from './stepper.ts';
import { STYLES } from './styles.ts';

/** The CSP source expression allowing exactly `script`. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/** The Content-Security-Policy of every report. */
export const REPORT_CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${scriptHash(STEPPER_SCRIPT)}; base-uri 'none'; form-action 'none'`;

/** A table-of-contents entry: anchor id and its (escaped) label. */
export type TocEntry = [id: string, label: string];

/** The full document around already-rendered sections. */
export function pageHtml(lang: Lang, title: string, toc: TocEntry[], tocLabel: string, body: string): string {
  const nav = `<nav class="toc" aria-label="${tocLabel}">${toc.map(([id, label]) => `<a href="#${id}">${label}</a>`).join('')}</nav>`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
${nav}
${body}
</main>
<script>${STEPPER_SCRIPT}</script>
</body>
</html>
`;
}
