/** The build's pure parts (scripts/build.ts) and the glob matcher behind `kubeprop run 'x/**'`. */
import { describe, expect, test } from 'vitest';
import { rewriteTsSpecifiers } from '../../scripts/build.ts';
import { globRegExp } from '../../src/api/files.ts';

describe('build', () => {
  test('build: .d.ts relative .ts specifiers become .js; packages and other text stay', () => {
    const dts = [
      "import type { Scenario } from '../scenario/types.ts';",
      'export { runScenario } from "./api/run.ts";',
      "export type X = import('./a.ts').A;",
      "import fc from 'fast-check';",
      "import type { V1Pod } from 'kubernetes-types/core/v1.js';",
      "/** see 'notes.ts' */",
    ].join('\n');
    expect(rewriteTsSpecifiers(dts).split('\n')).toEqual([
      "import type { Scenario } from '../scenario/types.js';",
      'export { runScenario } from "./api/run.js";',
      "export type X = import('./a.js').A;",
      "import fc from 'fast-check';",
      "import type { V1Pod } from 'kubernetes-types/core/v1.js';",
      "/** see 'notes.ts' */",
    ]);
  });
});

describe('glob', () => {
  test.each([
    ['**/*.yaml', 'a.yaml', true],
    ['**/*.yaml', 'x/y/a.yaml', true],
    ['**/*.yaml', 'a.yml', false],
    ['*.yaml', 'x/a.yaml', false],
    ['x/**/a.yaml', 'x/a.yaml', true],
    ['x/**/a.yaml', 'x/p/q/a.yaml', true],
    ['{a,b}.yaml', 'b.yaml', true],
    ['{a,b}.yaml', 'c.yaml', false],
    ['[ab]?.yaml', 'a1.yaml', true],
    ['[!ab]?.yaml', 'a1.yaml', false],
    ['a.b.yaml', 'aXb.yaml', false],
    ['(x)+.yaml', '(x)+.yaml', true],
  ])('glob: %s matches %s: %s', (glob, path, expected) => {
    expect(globRegExp(glob).test(path)).toBe(expected);
  });
});
