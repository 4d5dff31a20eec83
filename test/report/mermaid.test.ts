/**
 * A small syntax check of the Mermaid blocks the Markdown reports contain (GitHub renders them):
 * every line of a `stateDiagram-v2` is one of the statements the reporter writes, ids are declared
 * before use, and labels carry no character that would end a statement or a label early.
 * Checked on the committed example reports and on a run with hostile names.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeMermaidLabel } from '../../src/report/escape.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { fixtureSources, hostileRun, STS_GRAPH } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The ```mermaid blocks of a Markdown text. */
function mermaidBlocks(md: string): string[] {
  return [...md.matchAll(/^(`{3,})mermaid\n([\s\S]*?)\n\1$/gm)].map((m) => m[2]!);
}

const ID = '[A-Za-z_][A-Za-z0-9_]*';
/** Label text: no statement separators, quotes, colons, angle brackets or braces (entities instead). */
const LABEL = '(?:[^";:<>{}\\n#]|#[a-z0-9]+;)+';

/** Problems of one stateDiagram-v2 source; empty when it parses. */
function mermaidProblems(src: string): string[] {
  const lines = src.split('\n');
  const problems: string[] = [];
  if (lines[0] !== 'stateDiagram-v2') problems.push(`first line is not stateDiagram-v2: ${lines[0]}`);
  const declared = new Set<string>();
  const classes = new Set<string>();
  const use = (id: string, n: number) => {
    if (!declared.has(id)) problems.push(`line ${n + 1}: ${id} used before it is declared`);
  };
  const statements: Array<[RegExp, (m: RegExpExecArray, n: number) => void]> = [
    [/^direction (LR|TB)$/, () => {}],
    [new RegExp(`^state "(${LABEL})" as (${ID})$`), (m) => declared.add(m[2]!)],
    [new RegExp(`^\\[\\*\\] --> (${ID})$`), (m, n) => use(m[1]!, n)],
    [
      new RegExp(`^(${ID}) --> (${ID}) : (${LABEL})$`),
      (m, n) => {
        use(m[1]!, n);
        use(m[2]!, n);
      },
    ],
    [new RegExp(`^classDef (${ID}) ([a-z-]+:[#\\w.-]+(,[a-z-]+:[#\\w.-]+)*)$`), (m) => classes.add(m[1]!)],
    [
      new RegExp(`^class (${ID}(?:,${ID})*) (${ID})$`),
      (m, n) => {
        for (const id of m[1]!.split(',')) use(id, n);
        if (!classes.has(m[2]!)) problems.push(`line ${n + 1}: class ${m[2]} is not defined`);
      },
    ],
  ];
  lines.slice(1).forEach((raw, i) => {
    const line = raw.trim();
    const hit = statements.find(([re]) => re.test(line));
    if (hit) hit[1](hit[0].exec(line)!, i + 1);
    else problems.push(`line ${i + 2}: not a statement: ${line}`);
  });
  return problems;
}

function committedReports(): string[] {
  const dir = join(ROOT, 'reports/examples');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => ['en', 'ko'].map((lang) => join(dir, d.name, lang, 'report.md')))
    .filter((p) => existsSync(p));
}

describe('report: mermaid', () => {
  it('report: mermaid: the checker rejects what would break a diagram', () => {
    expect(mermaidProblems('stateDiagram-v2\n  state "a" as s_a\n  [*] --> s_a')).toEqual([]);
    expect(mermaidProblems('stateDiagram-v2\n  s_a --> s_b : x')).toHaveLength(2);
    expect(mermaidProblems('stateDiagram-v2\n  state "a" as s_a\n  s_a --> s_a : x: y')).toHaveLength(1);
    expect(mermaidProblems('stateDiagram-v2\n  state "a"b" as s_a')).toHaveLength(1);
  });

  it('report: mermaid: every diagram of the committed example reports is valid', () => {
    const files = committedReports();
    expect(files.length).toBeGreaterThan(0);
    let blocks = 0;
    for (const f of files) {
      for (const b of mermaidBlocks(readFileSync(f, 'utf8'))) {
        blocks++;
        expect(mermaidProblems(b), f).toEqual([]);
      }
    }
    expect(blocks).toBeGreaterThanOrEqual(files.length);
  });

  it('report: mermaid: hostile state and event names stay inside their labels', () => {
    const graph = {
      ...STS_GRAPH,
      states: [...STS_GRAPH.states, 'x"; click s_idle call alert(1) %%'],
      transitions: [
        ...STS_GRAPH.transitions,
        { from: 'idle', event: 'A: B; <b>{c}</b> #1', to: 'x"; click s_idle call alert(1) %%' },
      ],
    };
    // Diagrams draw the transitions a run took: the run takes the hostile one.
    const run = hostileRun();
    const hostile = graph.transitions[graph.transitions.length - 1]!;
    run.machines.push({ controller: 'statefulset', ...hostile, count: 1 });
    const md = renderMarkdown(run, {
      lang: 'en',
      sources: { ...fixtureSources, machineGraph: () => graph },
    });
    const blocks = mermaidBlocks(md);
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.join('\n')).toContain(`: ${escapeMermaidLabel(hostile.event)} ×1`);
    for (const b of blocks) expect(mermaidProblems(b)).toEqual([]);
  });
});
