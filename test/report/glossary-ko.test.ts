/**
 * Korean that reads as one voice (issue #13 item 6): every Korean string kubeprop shows — the report
 * catalog, trace message catalogs, invariant claims, explanations and messages, fault summaries,
 * scenario descriptions and Korean lines of the docs — uses the terms of docs/glossary-ko.md (none
 * of its "쓰지 않을 말"), no ASCII `;`, and the one register the glossary chose (plain -다).
 * Files are discovered, not listed, so a new catalog is checked the day it lands.
 * The checker itself is tested first, on planted bad strings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkList,
  checkText,
  type Finding,
  forbiddenIn,
  type Glossary,
  type KoText,
  koTextsOfMarkdown,
  koTextsOfTs,
  koTextsOfYaml,
  parseGlossary,
  particleMistakes,
  registersOf,
} from './glossaryKo.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const GLOSSARY_FILE = 'docs/glossary-ko.md';
const glossary = parseGlossary(readFileSync(join(ROOT, GLOSSARY_FILE), 'utf8'));

/** Files under `dir` (relative to the root) whose names pass `keep`, sorted. */
function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const path = join(abs, e.name);
      if (e.isDirectory()) walk(path);
      else if (keep(e.name)) out.push(relative(ROOT, path));
    }
  };
  walk(join(ROOT, dir));
  return out.sort();
}

/** A Korean message catalog: `ko.ts` in an `i18n` folder (the report's and the trace's). */
const isKoCatalog = (file: string) => /\/i18n\/ko\.ts$/.test(file);

/** Korean strings of one file, by its kind. */
function koTexts(file: string): KoText[] {
  const source = readFileSync(join(ROOT, file), 'utf8');
  if (file.endsWith('.ts')) return koTextsOfTs(file, source, isKoCatalog(file));
  if (/\.(ya?ml|json)$/.test(file)) return koTextsOfYaml(file, source);
  return koTextsOfMarkdown(file, source);
}

/** Every file that may hold Korean a user reads: src, scenarios, docs, labs, README (tests and the glossary excluded). */
function koFiles(): string[] {
  const src = filesUnder('src', (n) => /\.(ts|json|ya?ml)$/.test(n) && !n.endsWith('.test.ts'));
  const scenarios = filesUnder('scenarios', (n) => /\.ya?ml$/.test(n));
  const docs = filesUnder('docs', (n) => n.endsWith('.md')).filter((f) => f !== GLOSSARY_FILE);
  const labs = filesUnder('labs', (n) => /\.(ts|md|ya?ml)$/.test(n) && !n.endsWith('.test.ts'));
  return [...src, ...scenarios, ...docs, ...labs, 'README.md'];
}

function show(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.where}: ${f.problem}${f.text ? `: ${f.text.slice(0, 120)}` : ''}`);
}

const at = (text: string): KoText => ({ where: 'planted.ts:1', text });

describe('glossary-ko: the checker', () => {
  it('glossary-ko: reads the terms table of docs/glossary-ko.md', () => {
    const pod = glossary.terms.find((t) => t.en === 'Pod');
    expect(pod?.use).toEqual(['파드']);
    expect(pod?.avoid).toContain('Pod');
    expect(glossary.terms.find((t) => t.en.startsWith('identity'))?.avoid).toEqual(['정체성']);
    expect(glossary.terms.length).toBeGreaterThan(40);
  });

  it('glossary-ko: finds a word not to use, English or Korean', () => {
    expect(forbiddenIn('Node node-1에 Pod가 없다.', glossary)).toEqual(['Pod (→ 파드)', 'Node (→ 노드)']);
    expect(forbiddenIn('파드의 정체성이 올바르지 않다.', glossary)).toEqual(['정체성 (→ 식별자, 고유성)']);
    expect(forbiddenIn('NoExecute taint 때문에', glossary)).toEqual(['taint (→ 테인트)']);
    expect(forbiddenIn('컨트롤러가 control plane에 보고한다.', glossary)).toHaveLength(1);
  });

  it('glossary-ko: leaves identifiers, code spans and glosses alone', () => {
    const ok = [
      'pod/web-0이 node-1에서 Ready가 되었다.',
      '파드(Pod)는 가장 작은 단위이다.',
      '`kind: Pod` 매니페스트를 적용한다.',
      'spec.partition=2, nodeSelector, ownerReferences, ControllerRevision, daemonset/agent',
      '활성(liveness) 조건을 검사한다.',
    ];
    for (const text of ok) expect(forbiddenIn(text, glossary), text).toEqual([]);
  });

  it('glossary-ko: finds a particle that does not fit the last sound of a glossary word', () => {
    expect(particleMistakes('사본은 식별자과 볼륨을 함께 쓴다. 파드을 지운다.', glossary)).toEqual([
      '파드을',
      '식별자과',
    ]);
    expect(
      particleMistakes('식별자와 볼륨, 파드를 지운다. 레이블로, 리비전으로, 노드로 간다.', glossary),
    ).toEqual([]);
    expect(particleMistakes('레플리카셋을 만든다. 노드마다 파드가 있다.', glossary)).toEqual([]);
  });

  it('glossary-ko: tells polite endings from plain ones', () => {
    expect([...registersOf('불변 조건 2개가 깨졌습니다.')]).toEqual(['polite']);
    expect([...registersOf('파일 경로를 사용하세요')]).toEqual(['polite']);
    expect([...registersOf('불변 조건 2개가 깨졌다.')]).toEqual(['plain']);
    expect([...registersOf('길을 돌아다니다.')]).toEqual(['plain']);
    expect([...registersOf('종료 중')]).toEqual([]);
  });

  it('glossary-ko: a planted bad string fails, a good one passes', () => {
    expect(
      checkText(at('Pod가 Node에서 지워졌습니다; 다시 만든다.'), glossary).map((f) => f.problem),
    ).toEqual([
      'do not use Pod (→ 파드)',
      'do not use Node (→ 노드)',
      'ASCII ";" inside Korean text',
      'polite ending (the register is -다)',
    ]);
    expect(checkText(at('파드가 노드에서 지워졌다. 컨트롤러가 다시 만든다.'), glossary)).toEqual([]);
  });

  it('glossary-ko: a list whose strings end in both registers is mixed', () => {
    const list = [at('파드가 지워졌다.'), at('파드가 지워졌습니다.')];
    expect(checkList('planted.ts', list, glossary).map((f) => f.problem)).toContain(
      'mixed registers (plain -다 and polite -니다) in one list',
    );
    expect(checkList('planted.ts', [at('파드가 지워졌다.'), at('종료 중')], glossary)).toEqual([]);
  });

  it('glossary-ko: reads Korean from TypeScript literals, YAML values and Markdown lines', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source read as data
    const ts = "const a = { ko: `${n} Pod가 있다`, en: 'a pod', b: '종료 중' };\n";
    expect(koTextsOfTs('x.ts', ts)).toEqual([
      { where: 'x.ts:1', text: '{} Pod가 있다' },
      { where: 'x.ts:1', text: '종료 중' },
    ]);
    const catalog = "import { x } from './en.ts';\nexport const ko = { 'a.b': 'Node', c: '노드' };\n";
    expect(koTextsOfTs('ko.ts', catalog, true).map((t) => t.text)).toEqual(['Node', '노드']);
    expect(koTextsOfTs('x.ts', catalog).map((t) => t.text)).toEqual(['노드']);
    expect(
      koTextsOfTs('s.ts', 'const css = `/* 한국어는 "지/켜짐"처럼 끊지 않는다; Pod */ p { x: 1; }`;'),
    ).toEqual([]);
    const yaml = 'metadata:\n  description: en\n  descriptionKo: >-\n    파드가 있다.\n';
    expect(koTextsOfYaml('x.yaml', yaml)).toEqual([{ where: 'x.yaml:3', text: '파드가 있다.' }]);
    expect(koTextsOfMarkdown('x.md', 'en\n```\n파드\n```\n노드이다.\n')).toEqual([
      { where: 'x.md:5', text: '노드이다.' },
    ]);
  });
});

describe('glossary-ko: every Korean string kubeprop shows', () => {
  const files = koFiles().filter((f) => koTexts(f).length > 0);

  it('glossary-ko: finds the catalogs it must check', () => {
    expect(files).toContain('src/report/i18n/ko.ts');
    expect(files.filter(isKoCatalog).length).toBeGreaterThan(0);
    expect(files.some((f) => f.startsWith('src/invariants/'))).toBe(true);
    expect(files.some((f) => f.startsWith('scenarios/'))).toBe(true);
  });

  it.each(files)('glossary-ko: %s uses the glossary, no ";" and the -다 register', (file) => {
    const g: Glossary = glossary;
    expect(show(checkList(file, koTexts(file), g))).toEqual([]);
  });
});
