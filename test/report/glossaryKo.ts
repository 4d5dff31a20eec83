/**
 * The Korean voice checker behind test/report/glossary-ko.test.ts: reads docs/glossary-ko.md (its
 * "용어" table's "쓰지 않을 말" column) and finds, in Korean text, a word the glossary says not to use,
 * an ASCII `;`, or a polite ending where the glossary chose the plain -다 register. Korean text is
 * every string with a Hangul syllable: string and template literals of TypeScript files (read with
 * the compiler's parser, so code around them is never mistaken for text), string values of JSON
 * and YAML files, and lines of Markdown files.
 */
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';

/** One row of the glossary's term table. */
export interface GlossaryTerm {
  readonly en: string;
  /** The words to use (the "쓸 말" cell split on commas). */
  readonly use: readonly string[];
  /** The words not to use. */
  readonly avoid: readonly string[];
}

export interface Glossary {
  readonly terms: readonly GlossaryTerm[];
}

/** A Korean string and where it was found (`file:line`). */
export interface KoText {
  readonly where: string;
  readonly text: string;
}

/** A problem found in a Korean string. */
export interface Finding extends KoText {
  readonly problem: string;
}

const HANGUL = /[\uac00-\ud7a3]/;

/** Does `text` contain a Hangul syllable? */
export function isKorean(text: string): boolean {
  return HANGUL.test(text);
}

/** The terms table of the glossary (the table whose header has "쓰지 않을 말"). */
export function parseGlossary(markdown: string): Glossary {
  const lines = markdown.split('\n');
  const head = lines.findIndex((l) => l.startsWith('|') && l.includes('쓰지 않을 말'));
  if (head < 0) throw new Error('glossary: no table with a "쓰지 않을 말" column');
  const cols = cells(lines[head]!);
  const [enCol, useCol, avoidCol] = ['English', '쓸 말', '쓰지 않을 말'].map((c) => cols.indexOf(c));
  if (enCol! < 0 || useCol! < 0 || avoidCol! < 0) throw new Error('glossary: table columns missing');
  const terms: GlossaryTerm[] = [];
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith('|')) break;
    const row = cells(line);
    terms.push({
      en: row[enCol!]!,
      use: row[useCol!]!.split(/,\s*/).map((w) => w.replace(/\s*\(.*\)$/, '').trim()),
      avoid: [...row[avoidCol!]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
    });
  }
  return { terms };
}

function cells(line: string): string[] {
  return line
    .replace(/^\|/, '')
    .replace(/\|\s*$/, '')
    .split('|')
    .map((c) => c.trim());
}

/** Characters that make an English word part of an identifier (`pod/web-0`, `spec.partition`, `x=1`). */
const IDENT = 'A-Za-z0-9_/=$\\-';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A matcher for one word not to use: English words only outside identifiers, any case. */
function avoidPattern(word: string): RegExp {
  const w = escapeRegExp(word);
  if (/^[\x20-\x7e]+$/.test(word)) {
    return new RegExp(`(?<![${IDENT}]|[A-Za-z]\\.)${w}(?![${IDENT}]|\\.[A-Za-z])`, 'i');
  }
  return new RegExp(w);
}

/**
 * `text` without what the glossary allows English in: code spans (`` `spec.replicas` ``), message
 * placeholders (`{pod}`) and a gloss right after a Korean word (`파드(Pod)`, `활성(liveness)`).
 */
export function proseOf(text: string): string {
  return text
    .replace(/`[^`]*`/g, ' ')
    .replace(/\{[A-Za-z][A-Za-z0-9]*\}/g, ' ')
    .replace(/(?<=[\uac00-\ud7a3])\([A-Za-z][A-Za-z -]*\)/g, '');
}

/** The words of the glossary's "do not use" column that `text` uses. */
export function forbiddenIn(text: string, g: Glossary): string[] {
  const prose = proseOf(text);
  const found: string[] = [];
  for (const term of g.terms) {
    for (const word of term.avoid) {
      if (avoidPattern(word).test(prose)) found.push(`${word} (→ ${term.use.join(', ')})`);
    }
  }
  return found;
}

/** Polite endings other than -ㅂ니다/-습니다: -세요, -십시오, -어요/-에요, ... */
const POLITE_OTHER = /(?:세요|십시오|[어아에예해]요)(?=$|[\s.!?:;,)"'…」])/;
/** A sentence that ends in the plain -다 register. */
const PLAIN = /다[.!?]?["'」)]*$/;

/** Does `text` use a polite ending? -니다 counts after 습 or a syllable ending in ㅂ (합니다, 입니다), not in 아니다. */
export function isPolite(text: string): boolean {
  if (POLITE_OTHER.test(text)) return true;
  for (const m of text.matchAll(/(.)니다(?=$|[\s.!?:;,)"'…」])/g)) {
    const code = m[1]!.charCodeAt(0) - 0xac00;
    if (m[1] === '습' || (code >= 0 && code < 11172 && code % 28 === 17)) return true;
  }
  return false;
}

/** The registers the sentences of `text` end in. */
export function registersOf(text: string): Set<'plain' | 'polite'> {
  const found = new Set<'plain' | 'polite'>();
  const prose = proseOf(text);
  if (isPolite(prose)) found.add('polite');
  for (const sentence of prose.split(/(?<=[.!?])\s+|\n+/)) {
    const s = sentence.trim().replace(/(\s*\([^()]*\))+$/, '');
    if (isKorean(s) && PLAIN.test(s) && !isPolite(s)) found.add('plain');
  }
  return found;
}

/** Particles whose form follows the last sound of the word before: [after a consonant, after a vowel]. */
const PARTICLE_PAIRS: readonly (readonly [string, string])[] = [
  ['을', '를'],
  ['이', '가'],
  ['은', '는'],
  ['과', '와'],
  ['으로', '로'],
];

/** The final consonant of a Hangul syllable: 0 for none, 8 for ㄹ (which takes 로, not 으로). */
function finalConsonant(syllable: string): number {
  return (syllable.charCodeAt(0) - 0xac00) % 28;
}

/**
 * Glossary words followed by the wrong form of a particle (`식별자과`, `파드을`): the trap of
 * replacing a term whose last sound differs (정체성 → 식별자). Only a particle that ends the word counts.
 */
export function particleMistakes(text: string, g: Glossary): string[] {
  const words = new Set(g.terms.flatMap((t) => t.use).filter((w) => /[\uac00-\ud7a3]$/.test(w)));
  const found: string[] = [];
  for (const word of words) {
    const last = finalConsonant(word.slice(-1));
    for (const [afterConsonant, afterVowel] of PARTICLE_PAIRS) {
      let wrong = last === 0 ? afterConsonant : afterVowel;
      if (afterConsonant === '으로') wrong = last === 0 || last === 8 ? '으로' : '로';
      const re = new RegExp(`(?<![\\uac00-\\ud7a3])${word}${wrong}(?![\\uac00-\\ud7a3])`);
      if (re.test(text)) found.push(`${word}${wrong}`);
    }
  }
  return found;
}

/** Everything wrong with one Korean string (the glossary's register is plain -다). */
export function checkText(t: KoText, g: Glossary): Finding[] {
  const out: Finding[] = [];
  for (const word of forbiddenIn(t.text, g)) out.push({ ...t, problem: `do not use ${word}` });
  for (const m of particleMistakes(t.text, g)) out.push({ ...t, problem: `wrong particle: ${m}` });
  if (proseOf(t.text).includes(';')) out.push({ ...t, problem: 'ASCII ";" inside Korean text' });
  if (registersOf(t.text).has('polite')) out.push({ ...t, problem: 'polite ending (the register is -다)' });
  return out;
}

/**
 * Everything wrong with one list of Korean strings (a catalog, a file): each string's findings,
 * and the list itself when its strings end in both registers.
 */
export function checkList(where: string, texts: readonly KoText[], g: Glossary): Finding[] {
  const out = texts.flatMap((t) => checkText(t, g));
  const registers = new Set(texts.flatMap((t) => [...registersOf(t.text)]));
  if (registers.size > 1) {
    out.push({ where, text: '', problem: 'mixed registers (plain -다 and polite -니다) in one list' });
  }
  return out;
}

/**
 * Korean string and template literals of a TypeScript source; `${…}` reads as `{}`, CSS comments as a
 * space. In a Korean catalog (`catalog`) every message is Korean text, Hangul or not (an untranslated
 * `'Node'` is a finding too); only import paths and property names are code there.
 */
export function koTextsOfTs(file: string, source: string, catalog = false): KoText[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const out: KoText[] = [];
  const add = (node: ts.Node, literal: string) => {
    // A CSS comment inside a style sheet literal is code, not text a reader sees.
    const text = literal.replace(/\/\*[\s\S]*?\*\//g, ' ');
    if (!isKorean(text) && !(catalog && isMessage(node))) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    out.push({ where: `${file}:${line}`, text });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) add(node, node.text);
    else if (ts.isTemplateExpression(node)) {
      add(node, node.head.text + node.templateSpans.map((s) => `{}${s.literal.text}`).join(''));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Is this literal a message of a catalog, not an import path or a property name? */
function isMessage(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return false;
  return !(ts.isPropertyAssignment(parent) && parent.name === node);
}

/** Korean string values of a YAML (or JSON) source, each with the line it starts on. */
export function koTextsOfYaml(file: string, source: string): KoText[] {
  const out: KoText[] = [];
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const n = node as { value?: unknown; items?: unknown[]; range?: number[] };
    if (typeof n.value === 'string' && isKorean(n.value)) {
      out.push({ where: `${file}:${lineOf(n.range?.[0] ?? 0)}`, text: n.value });
    }
    if (Array.isArray(n.items)) n.items.forEach(visit);
    if (n.value !== null && typeof n.value === 'object') visit(n.value);
    visit((node as { key?: unknown }).key);
  };
  for (const doc of parseAllDocuments(source)) visit(doc.contents);
  return out;
}

/** Korean lines of a Markdown source, outside fenced code blocks. */
export function koTextsOfMarkdown(file: string, source: string): KoText[] {
  const out: KoText[] = [];
  let fenced = false;
  source.split('\n').forEach((line, i) => {
    if (line.startsWith('```')) fenced = !fenced;
    else if (!fenced && isKorean(line)) out.push({ where: `${file}:${i + 1}`, text: line });
  });
  return out;
}
