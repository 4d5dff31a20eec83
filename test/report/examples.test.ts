/**
 * The committed example reports are not stale: every teaching scenario is run again and its reports
 * rendered in memory (src/report/examples.ts, the same code scripts/regen-reports.ts writes with),
 * then compared byte for byte with reports/examples/ and reports/README.md. All scenarios together
 * take a few seconds, so no digests are needed. Fix a failure with `npx tsx scripts/regen-reports.ts`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExamples, EXAMPLES_DIR, firstSentence, teachingScenarios } from '../../src/report/examples.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const HINT = 'stale: run `npx tsx scripts/regen-reports.ts` and commit reports/';

describe('report: examples', () => {
  const examples = buildExamples(ROOT);

  it('report: examples: every committed example and the index match a fresh regeneration byte for byte', () => {
    const stale: string[] = [];
    for (const [rel, text] of examples.files) {
      const abs = join(ROOT, rel);
      if (!existsSync(abs)) stale.push(`${rel} (missing)`);
      else if (readFileSync(abs, 'utf8') !== text) stale.push(`${rel} (differs)`);
    }
    expect(stale, HINT).toEqual([]);
  });

  it('report: examples: no example folder is left for a scenario that no longer runs', () => {
    const ids = new Set(examples.runs.map((r) => r.entry.id));
    const dirs = readdirSync(join(ROOT, EXAMPLES_DIR), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(
      dirs.filter((d) => !ids.has(d)),
      HINT,
    ).toEqual([]);
  });

  it('report: examples: covers every teaching scenario whose controller is registered, and names the rest', () => {
    const all = teachingScenarios(ROOT);
    expect(all.length).toBeGreaterThan(0);
    expect(examples.runs.length + examples.skipped.length).toBe(all.length);
    const index = examples.files.get('reports/README.md')!;
    for (const s of examples.skipped) expect(index).toContain(s.rel);
    for (const r of examples.runs) {
      expect(index).toContain(`examples/${r.entry.id}/ko/report.html`);
      expect(examples.files.has(`${EXAMPLES_DIR}/${r.entry.id}/en/report.md`)).toBe(true);
    }
  });

  it('report: examples: a scenario that runs several kinds of workload gets the side-by-side section', () => {
    const compare = examples.runs.find((r) => r.entry.id.startsWith('compare-'));
    if (!compare) return;
    const md = examples.files.get(`${EXAMPLES_DIR}/${compare.entry.id}/en/report.md`)!;
    expect(md).toContain('## Side by side: how each workload reacted');
    const ko = examples.files.get(`${EXAMPLES_DIR}/${compare.entry.id}/ko/report.html`)!;
    expect(ko).toContain('나란히 보기');
  });

  it('report: examples: the index shows the first sentence of each description (two for a short teaser)', () => {
    expect(firstSentence('Three buildings, one power cut.  An apartment\noffice.')).toBe(
      'Three buildings, one power cut. An apartment office.',
    );
    expect(firstSentence(`${'A long first sentence about a hotel, its rooms and its guests.'} Second.`)).toBe(
      'A long first sentence about a hotel, its rooms and its guests.',
    );
    expect(firstSentence('no full stop')).toBe('no full stop');
    expect(firstSentence('What the statefulset.at-most-one invariant catches: two guests. More.')).toBe(
      'What the statefulset.at-most-one invariant catches: two guests.',
    );
  });
});
