/**
 * The JSON Schema shipped for editors (schema/scenario.schema.json) is what the generator makes from
 * the parser's own definitions, every committed scenario satisfies it, and it is not vacuous: what
 * the parser refuses for an unknown key, a missing field or a bare-number duration, it refuses too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { allFaults } from '../../src/chaos/registry.ts';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { SPEC_FIELDS } from '../../src/scenario/keys.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { scenarioSchema, scenarioSchemaText } from '../../src/scenario/schema.ts';
import { mutate } from './fuzz-inputs.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SCHEMA_FILE = join(ROOT, 'schema', 'scenario.schema.json');

const validate = new Ajv({ strict: true, allErrors: true }).compile(scenarioSchema());

/** The scenarios the project commits as valid: scenarios/*.yaml and the good test fixtures. */
const GOOD = [
  ...readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(ROOT, 'scenarios', f)),
  join(ROOT, 'test', 'scenario', 'fixtures', 'good.yaml'),
  join(ROOT, 'test', 'scenario', 'fixtures', 'pass.yaml'),
  join(ROOT, 'test', 'determinism', 'mixed-chaos.yaml'),
].sort();

function errorsOf(doc: unknown): string {
  return validate(doc) ? '' : JSON.stringify(validate.errors?.slice(0, 3));
}

describe('scenario schema', () => {
  test('schema/scenario.schema.json is what scripts/gen-scenario-schema.ts writes (rerun it)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(scenarioSchemaText());
  });

  test.each(GOOD.map((f) => [f.slice(ROOT.length + 1), f]))('scenario schema: %s validates', (_, file) => {
    expect(errorsOf(parse(readFileSync(file, 'utf8')))).toBe('');
  });

  test.each(allFaults().map((f) => [f.kind, f.example]))(
    'scenario schema: the docs example of %s validates',
    (kind, example) => {
      expect(example, `${kind} needs an example`).toBeDefined();
      const doc = parse(readFileSync(GOOD[0]!, 'utf8'));
      doc.spec.events = [{ at: '1s', ...parse(String(example).replace('{...}', '{}')) }];
      expect(errorsOf(doc)).toBe('');
    },
  );

  const base = () => parse(readFileSync(join(ROOT, 'test', 'scenario', 'fixtures', 'good.yaml'), 'utf8'));
  // biome-ignore lint/suspicious/noExplicitAny: mutating parsed YAML of a known shape.
  test.each<[string, (d: Record<string, any>) => void]>([
    ['an unknown spec key', (d) => (d.spec.seeds = 1)],
    ['an unknown event field', (d) => (d.spec.events[0].replica = 5)],
    ['an event without its required field', (d) => delete d.spec.events[1].node],
    ['a bare-number duration', (d) => (d.spec.events[0].at = 30)],
    ['an unknown event kind', (d) => (d.spec.events[1].do = 'crash-nodes')],
    ['a target with an unknown kind', (d) => (d.spec.events[0].target = 'job/x')],
    ['a node template without count', (d) => delete d.spec.cluster.nodes[1].count],
    ['an unknown sim knob', (d) => (d.spec.sim.lag = '1s')],
  ])('scenario schema: refuses %s', (_, mutate) => {
    const doc = base();
    mutate(doc);
    expect(validate(doc)).toBe(false);
  });

  test('scenario schema: accepts kubectl short names in targets', () => {
    const doc = base();
    for (const t of ['rs/frontend', 'ReplicaSet/frontend', 'replicasets.apps/frontend']) {
      doc.spec.events[0].target = t;
      expect(errorsOf(doc)).toBe('');
    }
  });

  test.each(
    Object.entries(SPEC_FIELDS)
      .filter(([, d]) => 'nullable' in d && d.nullable)
      .map(([k]) => k),
  )('scenario schema: spec.%s: null is absent to the parser and allowed by the schema', (key) => {
    const file = join(ROOT, 'test', 'scenario', 'fixtures', 'pass.yaml');
    const doc = parse(readFileSync(file, 'utf8'));
    doc.spec[key] = null;
    // Without objects or events nothing is left to check: only bad input would be an error here.
    const text = stringify(doc);
    try {
      parseScenarioText(text, file);
    } catch (e) {
      expect((e as Error).message).not.toMatch(new RegExp(`\\b${key}\\b.*(must|null)`));
    }
    expect(errorsOf(doc)).toBe('');
  });

  // One mutation of a good scenario, parsed where it lives (so `files:` resolve): often still valid.
  const mutatedGood = fc
    .record({ file: fc.constantFrom(...GOOD), seed: fc.integer({ min: 1, max: 0x7fffffff }) })
    .map(({ file, seed }) => ({ file, text: mutate(readFileSync(file, 'utf8'), 1, seed) }));

  test('scenario schema: never refuses what the parser accepts (mutated good scenarios)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(mutatedGood, ({ file, text }) => {
        try {
          parseScenarioText(text, file);
        } catch (e) {
          if (e instanceof ScenarioError) return;
          throw e;
        }
        accepted++;
        expect(errorsOf(parse(text)), text).toBe('');
      }),
      { numRuns: 150 },
    );
    expect(accepted).toBeGreaterThan(20);
  });
});
