/** Ported from Kubernetes pkg/controller/daemon/util/daemonset_util_test.go (see cases/daemonset_util.ts). */
import { describe } from 'vitest';
import { cases } from './cases/daemonset_util.ts';
import { runCases } from './harness.ts';

describe('conformance: daemonset_util_test.go', () => runCases(cases));
