/**
 * Fuzzing (issue #10 item 7): the parser and `kubeprop run`, fed random and mutated versions of the
 * committed scenarios and bad-input fixtures, fail only the documented way. The parser returns a
 * scenario or throws a ScenarioError whose message is one line; the CLI exits 0, 1 or 2 (never 3),
 * prints no stack trace, prints exactly one line for exit 2 and then writes nothing. Inputs are at
 * most 64 KB, which bounds each run; slow parses are the bench's to report (bench/fuzz.bench.ts),
 * as tests make no timed assertions.
 * The runner is a fake (test/cli/fake-run.ts): what is fuzzed is input handling, not the simulator.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

vi.mock('../../src/cli/runner.ts', async () => {
  const { fakeRun } = await import('../cli/fake-run.ts');
  return { loadRunner: async () => fakeRun };
});

import { ScenarioError } from '../../src/scenario/errors.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { cli } from '../cli/capture.ts';
import { MAX_INPUT_CHARS, mutate, SEED_FILES, SEED_TEXTS, scenarioText } from './fuzz-inputs.ts';

const SIM_KEYS = 'informerLagMs, apiLatencyMs, podStartMs, stabilityMs, keepTrace';
const tmp = mkdtempSync(join(tmpdir(), 'kubeprop-fuzz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `files:` reads go nowhere real: a fuzzed path must not read the machine's files. */
const readText = (p: string): string => {
  throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
};

/** What parsing `text` did: a scenario, or a ScenarioError; anything else is a defect. */
function parseOutcome(text: string): 'ok' | ScenarioError {
  try {
    parseScenarioText(text, join(tmp, 'fuzz.yaml'), { readText });
    return 'ok';
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw new Error(`not a ScenarioError: ${(e as Error)?.stack ?? String(e)}`);
  }
}

// The first manifest validated compiles schemas; that one-time cost is not a hang.
beforeAll(() => {
  for (const text of SEED_TEXTS) parseOutcome(text);
});

describe('fuzz: scenario parser', () => {
  test('fuzz: a map key that is a collection is one error line, with no Node warning printed', async () => {
    // The YAML library reports such a key as a process warning, which Node prints on stderr a tick
    // later as several lines: none may be raised.
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const file = join(tmp, 'collection-key.yaml');
      writeFileSync(
        file,
        'apiVersion: kubeprop/v1\nkind: Scenario\nmetadata: {name: x}\nspec:\n  sim: {[a]: 1}\n',
      );
      const r = await cli('run', file, '--report', join(tmp, 'key-reports'));
      await new Promise((done) => setImmediate(done));
      expect(r.errLines).toEqual([`${file}:5:8: unknown field "[ a ]" in spec.sim (known: ${SIM_KEYS})`]);
      expect(r.code).toBe(2);
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  test('fuzz: a map key spanning lines gives a one-line message (found with FC_SEED=99)', async () => {
    const file = join(tmp, 'multiline-key.yaml');
    // The YAML library writes a long collection key in flow style over several lines.
    const key = Array.from({ length: 12 }, (_, i) => `    - selector-key-${i}`).join('\n');
    writeFileSync(
      file,
      `apiVersion: kubeprop/v1\nkind: Scenario\nmetadata: {name: x}\nspec:\n  ?\n${key}\n  : 1\n`,
    );
    const r = await cli('run', file, '--report', join(tmp, 'multiline-reports'));
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    expect(r.errLines[0]).toMatch(/unknown field ".*\\n.*" in spec/);
  });

  test('fuzz: the mutator is deterministic and bounded', () => {
    expect(SEED_FILES.length).toBeGreaterThan(30);
    expect(mutate(SEED_TEXTS[0]!, 5, 42)).toBe(mutate(SEED_TEXTS[0]!, 5, 42));
    for (let seed = 1; seed <= 10; seed++)
      expect(mutate(SEED_TEXTS[seed % SEED_TEXTS.length]!, 6, seed).length).toBeLessThanOrEqual(
        MAX_INPUT_CHARS,
      );
  });

  test('fuzz: parsing a mutated scenario returns it or throws one located ScenarioError line', () => {
    fc.assert(
      fc.property(scenarioText, (text) => {
        const outcome = parseOutcome(text);
        if (outcome === 'ok') return;
        expect(outcome.message).not.toMatch(/[\r\n]/);
        expect(outcome.message).not.toMatch(/\bat .+:\d+:\d+\)?$/m);
        expect(outcome.line).toBeGreaterThanOrEqual(1);
        expect(outcome.col).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });
});

describe('fuzz: kubeprop run', () => {
  let n = 0;
  test('fuzz: kubeprop run on a mutated scenario exits 0, 1 or 2; exit 2 is one line and writes nothing', async () => {
    // A process warning would reach stderr a tick later as several lines.
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    await fc
      .assert(
        fc.asyncProperty(scenarioText, async (text) => {
          const file = join(tmp, `case-${++n}.yaml`);
          const reports = join(tmp, `reports-${n}`);
          writeFileSync(file, text);
          const r = await cli('run', file, '--report', reports, '--format', 'json');
          await new Promise((done) => setImmediate(done));
          expect(warnings).toEqual([]);
          expect([0, 1, 2]).toContain(r.code);
          expect(r.stderr).not.toMatch(/\n\s+at /);
          if (r.code === 2) {
            expect(r.errLines, r.stderr).toHaveLength(1);
            expect(r.errLines[0]!.startsWith(`${file}:`)).toBe(true);
            expect(r.stdout).toBe('');
            expect(existsSync(reports)).toBe(false);
          }
        }),
        { numRuns: 60 },
      )
      .finally(() => process.off('warning', onWarning));
  });
});
