/**
 * One entry point for both bargaining models: the Spatial Model of Politics as KTAB `smpc` runs
 * it, and Bueno de Mesquita's 1994 expected utility model as clarified by Scholz, Calbert & Smith
 * (2011). The issue is checked first; the result has positions in the units.
 */
import type { BdmOptions } from './bdm/options.js';
import { runBdm } from './bdm/run.js';
import { assertValidInput } from './input/check-input.js';
import type { SmpOptions } from './smp/options.js';
import { runSmp } from './smp/run.js';
import type { BargainingInput, ForecastResult } from './types.js';

/** Options of `forecast`: the model, and that model's options (see SMP_DEFAULTS, BDM_DEFAULTS). */
export type ForecastOptions =
  | ({ model?: 'smp' } & Partial<SmpOptions>)
  | ({ model: 'bdm' } & Partial<BdmOptions>);

/**
 * Forecasts where a negotiation lands.
 *
 * @example
 * const issue = parseKtabCsv(text, 'dummyData_3Dim.csv');
 * const smp = forecast(issue); // KTAB's SMP: 10 steps, final positions per actor
 * const bdm = forecast(issue, { model: 'bdm', dimension: 0 });
 */
export function forecast(input: BargainingInput, options: ForecastOptions = {}): ForecastResult {
  assertValidInput(input);
  if (options.model === 'bdm') {
    const { model: _, ...rest } = options;
    return runBdm(input, rest);
  }
  const { model: _, ...rest } = options;
  return runSmp(input, rest);
}
