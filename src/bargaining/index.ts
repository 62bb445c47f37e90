/**
 * Stakeholder bargaining forecasts: the Spatial Model of Politics as KAPSARC's KTAB `smpc` runs it,
 * and Bueno de Mesquita's expected utility model (1994) as clarified by Scholz, Calbert & Smith
 * (2011), behind `forecast`; readers for KTAB CSV and YAML issues; text views for people.
 */
export { BDM_DEFAULTS, type BdmOptions, type CompromiseRule } from './bdm/options.js';
export { type ForecastOptions, forecast } from './forecast.js';
export { forecastPoint, weightedMedian } from './forecast-point.js';
export { assertValidInput, checkInput, type InputIssue } from './input/check-input.js';
export { type CapabilitySource, type IssueOptions, parseIssueYaml } from './input/issue-yaml.js';
export { parseKtabCsv } from './input/ktab-csv.js';
export { bundledIssueNames, bundledIssuePath, loadBargainingInput, resolveIssueRef } from './input/load.js';
export { inputBasisLines, readingGuide } from './reading-guide.js';
export { explainActor, forecastChart, sensitivityLines } from './report.js';
export {
  forecastSensitivity,
  SENSITIVITY_DEFAULTS,
  type SensitivityBand,
  type SensitivityOptions,
  type SensitivityResult,
  type SensitivitySwing,
} from './sensitivity.js';
export { type RiskAdjust, SMP_DEFAULTS, type SmpOptions, type ThirdPartyCommit } from './smp/options.js';
export type * from './types.js';
