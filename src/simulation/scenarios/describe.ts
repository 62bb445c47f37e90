/** The mechanisms and engine parameters as data: for `scenario mechanisms`, the API and docs. */
import { ENGINE_PARAMS } from '../model/engine-params.js';
import { MECHANISMS } from '../model/mechanisms/index.js';
import type { ParamSpec } from '../model/mechanisms/types.js';
import { describePrior } from '../model/priors.js';

export interface ParamDescription {
  name: string;
  default: number | boolean;
  min?: number;
  max?: number;
  prior?: string;
  unit: string;
  doc: string;
}

export interface MechanismDescription {
  id: string;
  title: string;
  theory: string;
  lasting: boolean;
  params: ParamDescription[];
}

function params(specs: Readonly<Record<string, ParamSpec>>): ParamDescription[] {
  return Object.entries(specs).map(([name, s]) => ({
    name,
    default: s.default,
    ...(s.min !== undefined && { min: s.min }),
    ...(s.max !== undefined && { max: s.max }),
    ...(s.prior && { prior: describePrior(s.prior) }),
    unit: s.unit,
    doc: s.doc,
  }));
}

/**
 * Every mechanism (in engine order) plus the engine's own parameters (id `engine`).
 *
 * @example
 * describeMechanisms().find((m) => m.id === 'baitAndBite')?.params[0]?.prior; // 'log-normal(median 0.6, σ 0.3)'
 */
export function describeMechanisms(): MechanismDescription[] {
  return [
    ...MECHANISMS.map((m) => ({
      id: m.id,
      title: m.title,
      theory: m.theory,
      lasting: m.lasting,
      params: params(m.params),
    })),
    {
      id: 'engine',
      title: 'engine',
      theory: 'noise, memory, neutral band and initial-tie spread (engine-params.ts)',
      lasting: false,
      params: params(ENGINE_PARAMS),
    },
  ];
}
