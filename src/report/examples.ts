/**
 * The committed example reports (reports/examples/): every teaching scenario in scenarios/ rendered
 * in English and Korean, Markdown and HTML, plus the index reports/README.md. One function builds
 * them all in memory, so the regeneration script (scripts/regen-reports.ts) writes exactly what the
 * staleness test (test/report/examples.test.ts) compares.
 *
 * A scenario whose workload kind has no registered controller yet (src/controllers/registry.ts) is
 * skipped and named in the index, and appears as soon as its controller is registered.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CONTROLLERS } from '../controllers/registry.ts';
import { runScenario } from '../run/runScenario.ts';
import type { RunResult } from '../run/types.ts';
import { loadScenarioFile } from '../scenario/parse.ts';
import { isComparison } from './compare.ts';
import { defaultSources } from './defaultSources.ts';
import { renderHtml } from './html.ts';
import type { Lang } from './i18n/index.ts';
import { replayFileFor } from './index.ts';
import { renderMarkdown } from './markdown.ts';

/** Where examples go, relative to the repository root. */
export const EXAMPLES_DIR = 'reports/examples';
/** The index, relative to the repository root. */
export const INDEX_FILE = 'reports/README.md';
/** The README screenshot, relative to the repository root. */
export const SCREENSHOT_FILE = 'reports/examples/screenshot.png';

const LANGS: readonly Lang[] = ['en', 'ko'];
const KIND_CONTROLLER: Readonly<Record<string, string>> = {
  ReplicaSet: 'replicaset',
  DaemonSet: 'daemonset',
  StatefulSet: 'statefulset',
  Deployment: 'deployment',
};

/** One teaching scenario file. */
export interface ScenarioEntry {
  /** `scenarios/<file>.yaml`, as a user types it. */
  rel: string;
  /** The example's folder name: the file name without `.yaml`. */
  id: string;
  /** Controllers it needs that are not registered (empty: it runs). */
  missing: string[];
}

/** An example that ran. */
export interface ExampleRun {
  entry: ScenarioEntry;
  result: RunResult;
}

/** Every file of the examples, by path relative to the repository root, plus what ran and what not. */
export interface Examples {
  files: Map<string, string>;
  runs: ExampleRun[];
  skipped: ScenarioEntry[];
}

interface RawScenario {
  kind?: string;
  spec?: { objects?: Array<{ kind?: string }>; files?: string[] };
}

/** Workload kinds a scenario file creates (inline objects and `files:` manifests). */
function workloadKinds(abs: string, raw: RawScenario): string[] {
  const kinds = (raw.spec?.objects ?? []).map((o) => o?.kind ?? '');
  for (const p of raw.spec?.files ?? []) {
    const text = readFileSync(join(dirname(abs), p), 'utf8');
    for (const m of text.matchAll(/^kind:\s*(\w+)/gm)) kinds.push(m[1]!);
  }
  return [...new Set(kinds.filter((k) => k in KIND_CONTROLLER))].sort();
}

/** The scenario files (kind: Scenario) directly under `<root>/scenarios`, sorted by name. */
export function teachingScenarios(root: string): ScenarioEntry[] {
  const dir = join(root, 'scenarios');
  const registered = new Set<string>(CONTROLLERS.map((c) => c.name));
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && /\.ya?ml$/.test(d.name))
    .map((d) => d.name)
    .sort()
    .flatMap((name) => {
      const abs = join(dir, name);
      const raw = parseYaml(readFileSync(abs, 'utf8')) as RawScenario | null;
      if (raw?.kind !== 'Scenario') return [];
      const missing = workloadKinds(abs, raw)
        .map((k) => KIND_CONTROLLER[k]!)
        .filter((c) => !registered.has(c));
      return [{ rel: relative(root, abs), id: basename(name).replace(/\.ya?ml$/, ''), missing }];
    });
}

/** Path of one example report, relative to the repository root. */
export function examplePath(id: string, lang: Lang, ext: 'md' | 'html'): string {
  return `${EXAMPLES_DIR}/${id}/${lang}/report.${ext}`;
}

/** The first sentence of a description, on one line (the first two when the first is a short teaser). */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // A sentence ends at . ! or ? followed by a space or the end, so `statefulset.at-most-one` is one word.
  const sentences = flat.match(/\S.*?[.!?]+(?=\s|$)/g) ?? [flat];
  const first = sentences[0]!.trim();
  const second = sentences[1]?.trim();
  if (first.length < 60 && second !== undefined && first.length + second.length <= 220)
    return `${first} ${second}`;
  return first || '-';
}

/** A Markdown link label or table cell: no pipes, brackets or line breaks that could break it. */
function cell(text: string): string {
  return text.replace(/[|[\]\\<>`*_]/g, (c) => `\\${c}`);
}

function indexMarkdown(runs: readonly ExampleRun[], skipped: readonly ScenarioEntry[]): string {
  const icon = (r: RunResult) => (r.outcome === 'pass' ? '✅' : r.outcome === 'violation' ? '❌' : '💥');
  const rows = runs.map(({ entry, result }) => {
    const links = LANGS.map(
      (lang) =>
        `[${lang} md](examples/${entry.id}/${lang}/report.md) · [${lang} html](examples/${entry.id}/${lang}/report.html)`,
    ).join(' · ');
    const kinds = [...new Set(result.scenario.objects.map((o) => o.kind))].filter((k) => k.endsWith('Set'));
    const compare = isComparison(result) ? ` ${kinds.join(', ')} side by side.` : '';
    return `| ${icon(result)} \`${entry.id}\` | ${cell(firstSentence(result.scenario.description))}${compare} | ${links} |`;
  });
  const out = [
    '# Example reports',
    '',
    'Reports that kubeprop wrote for its teaching scenarios ([scenarios/](../scenarios)), in English',
    'and Korean, as Markdown (renders on GitHub, with Mermaid state diagrams) and as one',
    'self-contained HTML file (open it in a browser: step through the run, see each node over',
    'time). ✅ every invariant held; ❌ the scenario demonstrates a violation on purpose (a mutant',
    'controller or a fault that real Kubernetes also cannot survive).',
    '',
    '![A kubeprop HTML report](examples/screenshot.png)',
    '',
    '| Scenario | What it shows | Reports |',
    '| --- | --- | --- |',
    ...rows,
  ];
  if (skipped.length > 0) {
    out.push(
      '',
      'Not generated yet, because their controller is not registered in',
      '`src/controllers/registry.ts`:',
      '',
      ...skipped.map((s) => `- \`${s.rel}\` (needs ${s.missing.join(', ')})`),
    );
  }
  out.push(
    '',
    '## Regenerate',
    '',
    '```sh',
    'npx tsx scripts/regen-reports.ts',
    '```',
    '',
    'The script runs every scenario in `scenarios/` with its own seed and rewrites',
    '`reports/examples/<scenario>/{en,ko}/report.{md,html}` and this index.',
    '`test/report/examples.test.ts` regenerates them in memory and fails when a committed file',
    'differs byte for byte, so run the script after changing a reporter, a controller, the',
    'simulator or a scenario, and commit the result.',
    '',
    'To make a report of your own run, use the CLI:',
    '',
    '```sh',
    'npx kubeprop run scenarios/compare-node-crash.yaml --report reports --format md,html --lang ko',
    '```',
    '',
  );
  return out.join('\n');
}

/**
 * Runs every teaching scenario under `root` (with its own seed) and renders all example files.
 * Deterministic: the same checkout gives the same bytes.
 */
export function buildExamples(root: string): Examples {
  const files = new Map<string, string>();
  const runs: ExampleRun[] = [];
  const skipped: ScenarioEntry[] = [];
  for (const entry of teachingScenarios(root)) {
    if (entry.missing.length > 0) {
      skipped.push(entry);
      continue;
    }
    const scenario = loadScenarioFile(join(root, entry.rel));
    scenario.source = entry.rel;
    const result = runScenario(scenario);
    runs.push({ entry, result });
    const replayFile = replayFileFor('reports', result);
    for (const lang of LANGS) {
      const options = { lang, sources: defaultSources, replayFile };
      files.set(examplePath(entry.id, lang, 'md'), renderMarkdown(result, options));
      files.set(examplePath(entry.id, lang, 'html'), renderHtml(result, options));
    }
  }
  files.set(INDEX_FILE, indexMarkdown(runs, skipped));
  return { files, runs, skipped };
}
