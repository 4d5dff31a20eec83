/**
 * The @kubernetes/client-node adapter (issue #15 item 4): the names an operator imports from
 * @kubernetes/client-node — KubeConfig, CoreV1Api, AppsV1Api, makeInformer, ApiException — served
 * by the simulated cluster, with no network. A test maps the module '@kubernetes/client-node' to
 * this one (vi.mock, or a bundler alias) and starts the operator with runOperator(): its code runs
 * unchanged, under chaos, deterministically. docs/controllers.md says what is covered.
 */
export { ApiException, AppsV1Api, CoreV1Api, KubeConfig, makeInformer } from './api.ts';
export { type OperatorOptions, runOperator } from './run.ts';
