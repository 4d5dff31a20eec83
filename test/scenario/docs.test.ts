/**
 * The format is documented where users are (issue #10 item 5): docs/scenarios.md carries the
 * generated event reference of the current fault kinds and names every key the parser accepts,
 * docs/cli.md every command-line option, and the README links only files in the repository and
 * shows the schema line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HELP } from '../../src/cli/help.ts';
import { withEventReference } from '../../src/scenario/eventDocs.ts';
import * as keys from '../../src/scenario/keys.ts';
import { DEFAULT_SIM_OPTIONS } from '../../src/scenario/types.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');
const SCENARIOS_MD = read('docs/scenarios.md');
const CLI_MD = read('docs/cli.md');
const README = read('README.md');

/** Relative link targets of a Markdown file (no URLs, no in-page anchors). */
function localLinks(md: string): string[] {
  return [...md.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!.split('#')[0]!)
    .filter((l) => l !== '' && !/^[a-z]+:/.test(l));
}

describe('docs', () => {
  test('docs: the event reference in docs/scenarios.md is current (npx tsx scripts/gen-scenario-schema.ts)', () => {
    expect(SCENARIOS_MD).toBe(withEventReference(SCENARIOS_MD));
  });

  const defs = [
    keys.TOP_FIELDS,
    keys.METADATA_FIELDS,
    keys.SPEC_FIELDS,
    keys.CLUSTER_FIELDS,
    keys.NAMED_NODE_FIELDS,
    keys.NODE_TEMPLATE_FIELDS,
    keys.CHAOS_FIELDS,
    keys.EXPECT_FIELDS,
    keys.CONTROLLER_FIELDS,
    DEFAULT_SIM_OPTIONS,
  ];
  const allKeys = [...new Set(defs.flatMap((d) => Object.keys(d)))].sort();
  test.each(allKeys)('docs: docs/scenarios.md documents the key %s', (key) => {
    expect(SCENARIOS_MD).toContain(`\`${key}\``);
  });

  const options = [...new Set(Object.values(HELP).flatMap((h) => h.match(/--[a-z][a-z-]+/g) ?? []))].sort();
  test.each(options)('docs: docs/cli.md documents %s', (option) => {
    expect(CLI_MD).toContain(option);
  });

  test.each([
    ['README.md', README],
    ['docs/scenarios.md', SCENARIOS_MD],
    ['docs/cli.md', CLI_MD],
  ])('docs: %s links only files inside the repository that exist', (file, md) => {
    for (const link of localLinks(md)) {
      const target = resolve(dirname(join(ROOT, file)), link);
      expect(relative(ROOT, target).startsWith('..'), `${file} → ${link}`).toBe(false);
      expect(existsSync(target), `${file} → ${link}`).toBe(true);
    }
  });

  test('docs: the README points at the docs and shows the schema line', () => {
    expect(README).toContain('(docs/scenarios.md)');
    expect(README).toContain('(docs/cli.md)');
    expect(README).toContain('# yaml-language-server: $schema=../schema/scenario.schema.json');
    expect(README).not.toContain('shared/design.md');
  });
});
