/**
 * Escaping for everything that comes from a manifest or a trace (names, labels, annotations,
 * images, messages). Reports treat such text as data: it must never become markup, a script, a
 * Markdown link, a table column or a Mermaid statement.
 */

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Text safe inside HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => HTML_ENTITIES[c]!);
}

/** Characters that carry meaning anywhere in a Markdown line (GitHub flavour, including math). */
const MD_INLINE = /[\\`*_[\]<|~$&]/g;

/**
 * Text safe inline in GitHub Markdown, including table cells: emphasis, code, link, table, math and
 * strikethrough punctuation is backslash-escaped, `<` and `&` become entities (so no HTML and no
 * entity tricks), autolinks are broken up and line breaks become spaces (so no new block starts).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(MD_INLINE, (c) => (c === '<' ? '&lt;' : c === '&' ? '&amp;' : `\\${c}`))
    .replace(/:\/\//g, ':\\/\\/')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, -1)}\\.`);
}

/** Like {@link escapeMarkdown}, for text that starts a line: it cannot start a heading, quote or list. */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdown(text).replace(/^(\s*)([#>+=-]|\d+[.)])/, (_m, space: string, lead: string) =>
    /\d/.test(lead) ? `${space}${lead.slice(0, -1)}\\${lead.slice(-1)}` : `${space}\\${lead}`,
  );
}

/** A multi-line paragraph escaped line by line (blank lines keep paragraphs apart). */
export function escapeMarkdownBlock(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeMarkdownLine(line))
    .join('\n');
}

/**
 * A fenced code block whose fence is longer than any backtick run inside `content`, so the
 * content cannot close it. Inside a fence GitHub shows text literally (no HTML, no Markdown).
 */
export function fenced(content: string, info = ''): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${content.replace(/\n$/, '')}\n${fence}`;
}

/**
 * Inline code that cannot be closed early by backticks in `text` (single line). In a table cell
 * (`inTable`) pipes are escaped too, since GitHub splits cells before it reads code spans.
 */
export function inlineCode(text: string, inTable = false): string {
  let oneLine = text.replace(/\r\n|\r|\n/g, ' ');
  if (inTable) oneLine = oneLine.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${oneLine}${pad}${ticks}`;
}

const MERMAID_ENTITIES: Readonly<Record<string, string>> = {
  '#': '#35;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  ';': '#59;',
  ':': '#58;',
  '`': '#96;',
  '&': '#38;',
  '|': '#124;',
  '{': '#123;',
  '}': '#125;',
  '[': '#91;',
  ']': '#93;',
};

/** A Mermaid label: quotes, angle brackets and statement separators become Mermaid entity codes. */
export function escapeMermaidLabel(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/[#"<>;:`&|{}[\]]/g, (c) => MERMAID_ENTITIES[c]!);
}

/** A Mermaid identifier derived from any string (letters, digits, underscore; unique per input). */
export function mermaidId(text: string, prefix = 's'): string {
  const safe = text.replace(/[^A-Za-z0-9]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`);
  return `${prefix}_${safe}`;
}

/**
 * JSON for a `<script type="application/json">` element: `<`, `>`, `&` and the JavaScript line
 * separators are written as `\u` escapes, so no `</script>` or comment can end the element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
