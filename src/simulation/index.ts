/**
 * The simulation engine's public API: what-if scenarios against a paired baseline
 * (`runScenario`), hand-stepped single trajectories (`createSimulation`), explanations, and the
 * mechanisms themselves.
 */

export { describeMechanisms, type MechanismDescription } from './describe.js';
export { Engine } from './engine.js';
export { ENGINE_DEFAULTS, ENGINE_PARAMS, type EngineParams } from './engine-params.js';
export { type Explanation, explainPair } from './explain.js';
export { explainMeasures } from './measures/explain-measures.js';
export { MEASURE_KINDS, type MeasureKind } from './measures/index.js';
export { MECHANISM_IDS, MECHANISMS } from './mechanisms/index.js';
export type { Contribution, Mechanism, ParamSpec, Params } from './mechanisms/types.js';
export { describePrior, type Prior } from './priors.js';
export {
  type Check,
  RUN_DEFAULTS,
  type RunScenarioOptions,
  runScenario,
  type ScenarioResult,
} from './run-scenario.js';
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
} from './scenario.js';
export { createSimulation, Simulation, type SimulationOptions } from './simulation.js';
export { type StepState, stepStateFrom } from './step-state.js';
export type {
  CapabilityEffect,
  Channel,
  Effect,
  MeasureEffect,
  MeasureOutcome,
  MeasureStep,
  TrajectoryPoint,
} from './summary.js';
