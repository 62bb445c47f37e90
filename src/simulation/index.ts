/**
 * The simulation engine's public API: what-if scenarios against a paired baseline
 * (`runScenario`), hand-stepped single trajectories (`createSimulation`), explanations, and the
 * mechanisms themselves; backtests against history (`runBacktest`) and fitted rates as priors.
 */

export {
  BACKTEST_DEFAULTS,
  type BacktestOptions,
  type BacktestResult,
  MODELS,
  runBacktest,
  type ScoreRow,
} from './backtest/backtest.js';
export { FIT_DEFAULTS, type FittedRates, fitRates } from './backtest/fit-rates.js';
export { forecastParameters, paramsFile, parseParamsFile, readParameters } from './backtest/fitted-params.js';
export { explainMeasures } from './measures/explain-measures.js';
export { MEASURE_KINDS, type MeasureKind } from './measures/index.js';
export { Engine } from './model/engine.js';
export { ENGINE_DEFAULTS, ENGINE_PARAMS, type EngineParams } from './model/engine-params.js';
export { MECHANISM_IDS, MECHANISMS } from './model/mechanisms/index.js';
export type { Contribution, Mechanism, ParamSpec, Params } from './model/mechanisms/types.js';
export { describePrior, type ParameterSource, type Prior } from './model/priors.js';
export { createSimulation, Simulation, type SimulationOptions } from './model/simulation.js';
export { type StepState, stepStateFrom } from './model/step-state.js';
export { describeMechanisms, type MechanismDescription } from './scenarios/describe.js';
export { type Explanation, explainPair } from './scenarios/explain.js';
export {
  type Check,
  RUN_DEFAULTS,
  type RunScenarioOptions,
  runScenario,
  type ScenarioResult,
} from './scenarios/run-scenario.js';
export {
  bundledScenarioIds,
  checkScenario,
  loadScenario,
  parseScenario,
  SCENARIO_LIMITS,
  type Scenario,
  type ScenarioDocument,
  ScenarioSchema,
  scenarioFromObject,
} from './scenarios/scenario.js';
export type {
  CapabilityEffect,
  Channel,
  Effect,
  MeasureEffect,
  MeasureOutcome,
  MeasureStep,
  TrajectoryPoint,
} from './scenarios/summary.js';
