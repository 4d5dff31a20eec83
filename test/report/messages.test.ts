/**
 * Trace messages (src/trace/messages.ts) in every language, from the catalogs (src/trace/i18n/):
 * each code has a message in English and Korean naming the same parameters, so a Korean report
 * carries every fact the English one does; the teaching scenarios' events all render in Korean;
 * and no report module reads the English text of the trace to find out what happened.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import { loadScenarioFile } from '../../src/scenario/parse.ts';
import type { MessageCode } from '../../src/trace/i18n/catalog.ts';
import { EN } from '../../src/trace/i18n/en.ts';
import { KO } from '../../src/trace/i18n/ko.ts';
import { renderMessage } from '../../src/trace/render.ts';

type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }> };

/** Every argument a message names, nested plural and select branches included. */
function argumentsOf(source: string): string[] {
  const out = new Set<string>();
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.type !== 0 && n.type !== 7 && n.value !== undefined) out.add(n.value);
      for (const o of Object.values(n.options ?? {})) walk(o.value);
    }
  };
  walk(new IntlMessageFormat(source, 'en').getAst() as Node[]);
  return [...out].sort();
}

describe('report: trace message catalogs', () => {
  const codes = Object.keys(EN) as MessageCode[];

  it('report: messages: English and Korean have the same codes', () => {
    expect(Object.keys(KO).sort()).toEqual([...codes].sort());
  });

  it.each(codes)('report: messages: %s names the same parameters in English and Korean', (code) => {
    expect(argumentsOf(KO[code])).toEqual(argumentsOf(EN[code]));
  });

  it('report: messages: counts of pods are ICU plurals in English ("1 pod", "2 pods")', () => {
    const drained = (evicted: number) =>
      renderMessage('en', {
        code: 'fault.applied',
        params: { command: 'drain-node node-1', effect: 'node.drained', node: 'node-1', evicted },
      });
    expect(drained(1)).toBe('drain-node node-1: node node-1 drained: 1 pod evicted');
    expect(drained(2)).toBe('drain-node node-1: node node-1 drained: 2 pods evicted');
    expect(
      renderMessage('ko', {
        code: 'fault.applied',
        params: { command: 'drain-node node-1', effect: 'node.drained', node: 'node-1', evicted: 1 },
      }),
    ).toBe('drain-node node-1: node/node-1 노드를 드레인했다: 파드 1개를 축출했다');
  });
});

const SCENARIOS = 'scenarios';

describe('report: every event of the teaching scenarios in Korean', () => {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));
  const events = files.flatMap((f) => runScenario(loadScenarioFile(join(SCENARIOS, f))).events);

  it('report: messages: the teaching scenarios ran', () => {
    expect(events.length).toBeGreaterThan(500);
  });

  it('report: messages: a Korean line names every pod, node and object its English line names', () => {
    for (const e of events) {
      if (e.code === 'invariant.violated') continue;
      const ko = renderMessage('ko', e);
      expect(ko, e.text).not.toBe(e.text);
      for (const [k, v] of Object.entries(e.params)) {
        if (typeof v === 'string' && ['pod', 'node', 'ref', 'pvc', 'key', 'claim'].includes(k) && v !== '-')
          expect(ko, `${e.text} → ${ko}`).toContain(v);
        if (typeof v === 'number' && e.text.includes(String(v)))
          expect(ko, `${e.text} → ${ko}`).toContain(String(v));
      }
    }
  });
});

/** Modules that once translated English trace lines with regular expressions. */
const GONE = ['traceKo.ts', 'controllerKo.ts', 'apiKo.ts', 'daemonPlanKo.ts', 'rules.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

describe('report: no regular expression over trace text', () => {
  it('report: messages: the regex translation modules are gone', () => {
    const i18n = readdirSync('src/report/i18n');
    for (const f of GONE) expect(i18n).not.toContain(f);
  });

  it('report: messages: no report module matches a pattern against an event text', () => {
    // `.text` of an event fed to a RegExp method, or a string search over it.
    const overText = [
      /\.(exec|test)\(\s*[\w.!?[\]]*\.text\b/,
      /\.text\s*\.\s*(match|matchAll|replace|search|split|startsWith|endsWith|includes|indexOf)\(/,
      /parseTokens|\/\^create pod|\/\^started|\/\^evicting/,
    ];
    for (const file of sources('src/report')) {
      const text = readFileSync(file, 'utf8');
      for (const re of overText) expect(re.test(text), `${file} matches ${re}`).toBe(false);
    }
  });
});
