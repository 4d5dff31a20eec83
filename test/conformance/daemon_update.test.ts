/** Ported from Kubernetes pkg/controller/daemon/update_test.go (see cases/daemon_update.ts). */
import { describe } from 'vitest';
import { cases } from './cases/daemon_update.ts';
import { runCases } from './harness.ts';

describe('conformance: update_test.go', () => runCases(cases));
