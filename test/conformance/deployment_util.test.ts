/** Ported from Kubernetes pkg/controller/deployment/util/deployment_util_test.go (see cases/deployment_util.ts). */
import { describe } from 'vitest';
import { cases } from './cases/deployment_util.ts';
import { runCases } from './harness.ts';

describe('conformance: deployment_util_test.go', () => runCases(cases));
