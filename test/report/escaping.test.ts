import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  escapeMarkdown,
  escapeMarkdownBlock,
  escapeMermaidLabel,
  fenced,
  inlineCode,
  jsonForScript,
} from '../../src/report/escape.ts';
import { renderHtml } from '../../src/report/html.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { fixtureSources, HOSTILE, hostileRun } from './fixtures.ts';

/** Cells of a Markdown table row, split on unescaped pipes. */
function cells(row: string): number {
  return row.split(/(?<!\\)\|/).length;
}

describe('report: escaping', () => {
  it('report: escaping: helpers neutralise markup, Markdown, fences and Mermaid syntax', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\``)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;',
    );
    expect(escapeMarkdown('a|b *c* _d_ [e](f) <g> `h` ~i~ $j$ &k; https://l')).toBe(
      'a\\|b \\*c\\* \\_d\\_ \\[e\\](f) &lt;g> \\`h\\` \\~i\\~ \\$j\\$ &amp;k; https:\\/\\/l',
    );
    expect(escapeMarkdownBlock('# h\n- l\n1. n\n> q')).toBe('\\# h\n\\- l\n1\\. n\n\\> q');
    expect(fenced('a ``` b ```` c', 'yaml')).toBe('`````yaml\na ``` b ```` c\n`````');
    expect(inlineCode('a`b|c', true)).toBe('``a`b\\|c``');
    expect(escapeMermaidLabel('a"b<c>;d:e')).toBe('a#quot;b#lt;c#gt;#59;d#58;e');
    expect(jsonForScript({ s: '</script><!--' })).toBe('{"s":"\\u003c/script\\u003e\\u003c!--"}');
  });

  it('report: escaping: hostile manifest text is inert in HTML', () => {
    const html = renderHtml(hostileRun(), { lang: 'en', sources: fixtureSources });
    expect(html).not.toContain('<script>window');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror="');
    expect(html.match(/<script\b/g)).toHaveLength(2); // the JSON data block and the stepper
    expect(html).toContain(escapeHtml(HOSTILE.node));
    expect(html).toContain(escapeHtml(HOSTILE.sts));
    expect(html).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;/);
  });

  it('report: escaping: hostile manifest text is inert in Markdown', () => {
    for (const lang of ['en', 'ko'] as const) {
      const md = renderMarkdown(hostileRun(), { lang, sources: fixtureSources });
      const outsideFences = md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');
      // Code spans show their content literally on GitHub, so only text outside them can be markup.
      const outsideCode = outsideFences.replace(/(?<![`\\])(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
      expect(outsideCode).not.toMatch(/<script|<img/);
      expect(outsideCode).not.toMatch(/(?<!\\)\]\(javascript:/);
      expect(outsideFences).not.toMatch(/^# Not a heading/m);
      expect(outsideFences).not.toMatch(/^- not a list/m);
      for (const table of outsideFences.split(/\n\n/).filter((b) => b.startsWith('|'))) {
        const rows = table.split('\n').filter((r) => r !== '');
        for (const row of rows) expect(cells(row), row).toBe(cells(rows[0]!));
      }
      expect(md).toContain('\\# Not a heading');
      // The workloads block must survive a ``` inside an annotation: its fence is longer.
      expect(md).toMatch(/^````yaml$/m);
    }
  });
});
