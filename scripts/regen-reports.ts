/**
 * Regenerates the committed example reports: `npx tsx scripts/regen-reports.ts`.
 *
 * Runs every teaching scenario in scenarios/ and writes reports/examples/<scenario>/{en,ko}/
 * report.{md,html} and the index reports/README.md (src/report/examples.ts builds them). Example
 * folders of scenarios that no longer exist are removed; scenarios whose controller is not
 * registered yet are skipped and named. The README screenshot is a separate step:
 * `npx tsx scripts/regen-reports.ts --screenshot` also retakes reports/examples/screenshot.png
 * with chromium (/usr/bin/chromium).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildExamples, EXAMPLES_DIR } from '../src/report/examples.ts';
import { takeScreenshot } from './screenshot.ts';

const ROOT = resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  const started = performance.now();
  const { files, runs, skipped } = buildExamples(ROOT);
  let changed = 0;
  for (const [rel, text] of files) {
    const abs = join(ROOT, rel);
    if (existsSync(abs) && readFileSync(abs, 'utf8') === text) continue;
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    changed++;
  }
  const keep = new Set(runs.map((r) => r.entry.id));
  const dir = join(ROOT, EXAMPLES_DIR);
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (d.isDirectory() && !keep.has(d.name)) {
      rmSync(join(dir, d.name), { recursive: true, force: true });
      console.log(`removed ${EXAMPLES_DIR}/${d.name} (no such scenario any more)`);
    }
  }
  for (const { entry, result } of runs) {
    console.log(
      `${result.outcome.padEnd(9)} ${entry.rel} (seed ${result.seed}, ${result.events.length} events)`,
    );
  }
  for (const s of skipped)
    console.log(`skipped   ${s.rel}: controller not registered: ${s.missing.join(', ')}`);
  console.log(
    `${files.size} files, ${changed} changed, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  if (process.argv.includes('--screenshot')) {
    const path = await takeScreenshot(ROOT, runs);
    console.log(`screenshot: ${path}`);
  }
}

await main();
