/**
 * The V8 tuning of src/cli/v8Tuning.ts applies only when a campaign's worker threads take every
 * core: with a core to spare the optimising compiler's threads cost the runs nothing.
 */
import { describe, expect, test } from 'vitest';
import { tuneForWorkers } from '../../src/cli/v8Tuning.ts';

describe('cli: v8 tuning', () => {
  test('cli: v8 tuning: not for --workers 1, nor for fewer workers than cores', () => {
    expect(tuneForWorkers(1, 2)).toBe(false);
    expect(tuneForWorkers(1, 1)).toBe(false);
    expect(tuneForWorkers(2, 4)).toBe(false);
  });

  test('cli: v8 tuning: for workers on every core, unless node was given an inlining flag', () => {
    expect(tuneForWorkers(2, 2)).toBe(true);
    expect(tuneForWorkers(8, 4)).toBe(true);
    const argv = process.execArgv;
    process.execArgv = [...argv, '--max-inlined-bytecode-size-cumulative=920'];
    try {
      expect(tuneForWorkers(2, 2)).toBe(false);
    } finally {
      process.execArgv = argv;
    }
  });
});
