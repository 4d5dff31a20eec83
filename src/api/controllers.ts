/**
 * Your own controller under kubeprop's chaos (issue #15, docs/controllers.md): the controller and
 * invariant API, and the run that puts them in the simulated cluster.
 */
export {
  defineInvariant,
  type Invariant,
  type StoreView,
  type UserFinding,
} from '../userController/invariant.ts';
export { type ControllerReportOptions, writeControllerReports } from '../userController/reports.ts';
export { runWithControllers, type UserRunOptions } from '../userController/run.ts';
export { runScenarioFile, type ScenarioFileOptions } from '../userController/scenarioFile.ts';
export {
  type AnyKind,
  ApiError,
  type Client,
  type Controller,
  type ControllerEvent,
  type DeleteOptions,
  defineController,
  type KObject,
  type ListOptions,
  type NewObject,
  type ObjectInput,
  type ReconcileResult,
} from '../userController/types.ts';
