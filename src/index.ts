/**
 * kubeprop's public API (docs/api.md): load scenarios, run them, run chaos campaigns, replay and
 * shrink failures, list and explain invariants, write reports, and build your own properties from
 * kubeprop's fast-check arbitraries. Everything exported here follows semantic versioning; modules
 * reached by a deeper path are internal.
 */
export * as arbitraries from './api/arbitraries.ts';
export {
  type CampaignController,
  type CampaignOptions,
  type CampaignOutcome,
  type CampaignRun,
  type CampaignSummary,
  runCampaign,
} from './api/campaign.ts';
export {
  type AnyKind,
  ApiError,
  type Client,
  type Controller,
  type ControllerEvent,
  type ControllerReportOptions,
  type DeleteOptions,
  defineController,
  defineInvariant,
  type Invariant,
  type KObject,
  type ListOptions,
  type NewObject,
  type ObjectInput,
  type ReconcileResult,
  runScenarioFile,
  runWithControllers,
  type ScenarioFileOptions,
  type StoreView,
  type UserFinding,
  type UserRunOptions,
  writeControllerReports,
} from './api/controllers.ts';
export { isScenarioError, OptionError, ScenarioError } from './api/errors.ts';
export { expandScenarioPaths } from './api/files.ts';
export {
  type Concept,
  type Explanation,
  explainInvariant,
  type InvariantInfo,
  type InvariantKind,
  listInvariants,
} from './api/invariants.ts';
export {
  type ReplayFile,
  type ReplayOutcome,
  readReplayFile,
  replayCommand,
  replayFile,
  type ShrinkOutcome,
  shrink,
  writeReplayFile,
} from './api/replay.ts';
export {
  type Lang,
  REPORT_FORMATS,
  type ReportFormat,
  type ReportOptions,
  renderReport,
  writeReports,
} from './api/reports.ts';
export {
  exitCodeOf,
  type RunScenarioOptions,
  runScenario,
  type Verdict,
  verdictOf,
} from './api/run.ts';
export { type LoadOptions, loadScenario, parseScenario, type ScenarioDocument } from './api/scenario.ts';
export type {
  FinalState,
  HeldNote,
  InvariantResult,
  InvariantStatus,
  RunResult,
  SkippedEvent,
  Violation,
} from './run/types.ts';
export type {
  ChaosSpec,
  ControllerSelection,
  ExpectSpec,
  NodeSpec,
  Scenario,
  ScenarioEvent,
  SimOptions,
} from './scenario/types.ts';
export { TOOLKIT_VERSION as version } from './version.ts';
