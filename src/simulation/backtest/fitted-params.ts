/**
 * Fitted rates as an input: the parameters file `backtest -o` writes, and what a forecast draws
 * from it. Each fitted rate becomes a normal prior with its bootstrap standard error (clamped to
 * the parameter's valid range when drawn), the engine's noise likewise, and the chosen
 * `steadyStart` a fixed engine setting.
 */
import { z } from 'zod';
import { InvalidInputError } from '../../domain/errors.js';
import { readTextFile } from '../../worlds/read-text-file.js';
import { MECHANISMS } from '../model/mechanisms/index.js';
import { normal, type ParameterSource, type Prior } from '../model/priors.js';
import type { Estimate, FittedRates } from './fit-rates.js';

export const PARAMS_FORMAT = 'counterbalance-fitted-params';

const EstimateSchema = z.object({
  value: z.number(),
  sd: z.number().nonnegative(),
  low: z.number(),
  high: z.number(),
});

export const ParamsFileSchema = z.object({
  format: z.literal(PARAMS_FORMAT),
  version: z.literal(1),
  world: z.string(),
  method: z.string(),
  fit: z.tuple([z.number().int(), z.number().int()]),
  cells: z.number().int(),
  steadyStart: z.boolean(),
  noise: EstimateSchema,
  mechanisms: z.record(z.string(), z.record(z.string(), EstimateSchema.extend({ identified: z.boolean() }))),
  sse: z.object({ persistence: z.number(), defaults: z.number(), fitted: z.number() }),
  rejected: z.object({ steadyStart: z.boolean(), sse: z.number() }),
});

export type ParamsFile = z.infer<typeof ParamsFileSchema>;

/** The parameters file of a fit on `world`. */
export function paramsFile(world: string, fitted: FittedRates): ParamsFile {
  return { format: PARAMS_FORMAT, version: 1, world, ...fitted };
}

function priorOf(e: Estimate): Prior | number {
  return e.sd > 0 ? normal(e.value, e.sd) : e.value;
}

/**
 * What a forecast draws from fitted rates.
 *
 * @example
 * const parameters = forecastParameters(fitRates(panel, 1990, 2005));
 */
export function forecastParameters(
  fitted: Pick<FittedRates, 'mechanisms' | 'noise' | 'steadyStart'>,
): ParameterSource {
  const overrides: ParameterSource['overrides'] = { engine: { steadyStart: fitted.steadyStart } };
  const priors: ParameterSource['priors'] = { engine: {} };
  const noise = priorOf(fitted.noise);
  if (typeof noise === 'number') overrides.engine!.noise = noise;
  else priors.engine!.noise = noise;
  for (const [id, params] of Object.entries(fitted.mechanisms)) {
    for (const [key, e] of Object.entries(params)) {
      // What the data could not see keeps its documented prior.
      if (!e.identified) continue;
      const p = priorOf(e);
      if (typeof p === 'number') overrides[id] = { ...overrides[id], [key]: p };
      else priors[id] = { ...priors[id], [key]: p };
    }
  }
  return { overrides, priors };
}

/**
 * Reads and checks a parameters file's text: its shape, and that every mechanism and parameter it
 * names exists (a file from another version fails here, not as a silent default).
 */
export function parseParamsFile(text: string, file: string): ParamsFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new InvalidInputError({
      file,
      message: `is not JSON (${(err as Error).message})`,
      hint: 'pass the file `counterbalance backtest … -o params.json` wrote',
    });
  }
  const parsed = ParamsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInputError({
      file,
      field: issue.path.join('.') || '(file)',
      message: issue.message,
      hint: 'pass the file `counterbalance backtest … -o params.json` wrote',
    });
  }
  const byId = new Map(MECHANISMS.map((m) => [m.id, m]));
  for (const [id, params] of Object.entries(parsed.data.mechanisms)) {
    const m = byId.get(id);
    for (const key of Object.keys(params)) {
      if (!m || !(key in m.params)) {
        throw new InvalidInputError({
          file,
          field: `mechanisms.${id}.${key}`,
          message: m ? `mechanism '${id}' has no parameter '${key}'` : `no mechanism '${id}'`,
          hint: `mechanisms: ${[...byId.keys()].join(', ')}; refit with this version`,
        });
      }
    }
  }
  return parsed.data;
}

/**
 * Reads a parameters file for a run: what its runs draw, and a label saying where it came from.
 *
 * @example
 * runScenario(doc, { parameters: readParameters('params.json') });
 */
export function readParameters(path: string): ParameterSource & { label: string } {
  const file = parseParamsFile(readTextFile(path), path);
  return { ...forecastParameters(file), label: `fitted on ${file.world} ${file.fit[0]}–${file.fit[1]}` };
}
