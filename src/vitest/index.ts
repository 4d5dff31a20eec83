/**
 * `kubeprop/vitest`: vitest helpers for kubeprop scenarios (docs/api.md). Importing it registers the
 * matchers `toHoldInvariant(id)` and `toPassScenario()` on vitest's `expect`.
 */
import { installMatchers } from './matchers.ts';

installMatchers();

export { eventLine, failureMessage } from '../api/failure.ts';
export { configureKubeprop } from './config.ts';
export { type KubepropMatchers, toHoldInvariant, toPassScenario } from './matchers.ts';
export { type ChaosPropertyOptions, chaosProperty } from './property.ts';
export { type ScenarioTestOptions, scenarioTests } from './scenarios.ts';
