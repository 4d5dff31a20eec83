/** Ported from Kubernetes pkg/controller/deployment/rolling_test.go (see cases/rolling.ts). */
import { describe } from 'vitest';
import { cases } from './cases/rolling.ts';
import { runCases } from './harness.ts';

describe('conformance: rolling_test.go', () => runCases(cases));
