/** Ported from Kubernetes pkg/controller/deployment/sync_test.go (see cases/sync.ts). */
import { describe } from 'vitest';
import { cases } from './cases/sync.ts';
import { runCases } from './harness.ts';

describe('conformance: sync_test.go', () => runCases(cases));
