/**
 * A lean pass (a campaign's passing runs, shrink trials) skips the trace digest; nothing else about
 * the run may change: same steps, same verdicts, same violations.
 */
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_CONTROLLERS, scenarioFor } from '../../src/run/campaign.ts';
import { runScenario } from '../../src/run/runScenario.ts';

const opts = { controllers: CAMPAIGN_CONTROLLERS, runs: 24, seed: 11 };

describe('runScenario with traceDigest: false', () => {
  it('runs exactly the run with the digest, and says it computed none', () => {
    for (let i = 0; i < opts.runs; i++) {
      const scenario = scenarioFor(opts, i);
      const full = runScenario(scenario, { keepTrace: false });
      const lean = runScenario(scenario, { keepTrace: false, traceDigest: false });
      expect(full.traceDigest).toMatch(/^[0-9a-f]{64}$/);
      expect(lean.traceDigest).toBe('');
      expect({ ...lean, traceDigest: full.traceDigest }).toEqual(full);
    }
  });
});
