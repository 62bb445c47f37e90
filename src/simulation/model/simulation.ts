/**
 * One trajectory, stepped by hand: `createSimulation(world, {start}).step(12)`. No Monte Carlo, no
 * twin, no display; parameters are the defaults (or overrides), initial ties the observed values.
 * Useful for exploring the dynamics, tests and teaching; scenarios use `runScenario`.
 */
import { InvalidInputError } from '../../domain/errors.js';
import { addMonths } from '../../domain/time.js';
import type { World } from '../../domain/world.js';
import { Engine } from './engine.js';
import { ENGINE_DEFAULTS, type EngineParams } from './engine-params.js';
import { MECHANISMS } from './mechanisms/index.js';
import type { Params } from './mechanisms/types.js';
import { runStream, StepNoise } from './step-noise.js';
import { compileWorld, type WorldModel, type WorldModelOptions } from './world-model.js';

export interface SimulationOptions {
  start: string;
  step: 'month' | 'year';
  /** Parameter overrides per mechanism id; `false` switches a mechanism off. */
  mechanisms: Record<string, false | Record<string, number | boolean>>;
  engine: Partial<EngineParams>;
  /** Seed of the noise stream; noise 0 in `engine` gives a deterministic path. */
  seed: number;
  model: Partial<WorldModelOptions>;
}

export const SIMULATION_DEFAULTS: Readonly<Omit<SimulationOptions, 'start'>> = Object.freeze({
  step: 'month',
  mechanisms: {},
  engine: {},
  seed: 1,
  model: { includeIsolates: true },
});

export class Simulation {
  readonly model: WorldModel;
  readonly engine: Engine;
  private readonly index: Map<string, number>;
  private readonly noise: StepNoise;
  private readonly months: number;
  private steps = 0;

  constructor(world: World, options: Partial<SimulationOptions> & { start: string }) {
    const opts = { ...SIMULATION_DEFAULTS, ...options };
    this.model = compileWorld(world, opts.start, opts.model);
    const { n } = this.model;
    this.index = new Map(this.model.ids.map((id, i) => [id, i]));
    const mechanisms = MECHANISMS.filter((m) => opts.mechanisms[m.id] !== false);
    const params: Params[] = mechanisms.map((m) => ({ ...m.defaults, ...(opts.mechanisms[m.id] || {}) }));
    const engineParams = { ...ENGINE_DEFAULTS, ...opts.engine };
    const dt = opts.step === 'year' ? 1 : 1 / 12;
    this.months = opts.step === 'year' ? 12 : 1;
    this.engine = new Engine(n, dt, this.model.prox, this.model.observed, mechanisms);
    this.engine.reset(this.model.ties, this.model.capabilities, params, engineParams);
    // The noise a Monte Carlo run 0 of the same seed would draw.
    this.noise = new StepNoise(n, this.model.observed);
    this.noise.reset(runStream(opts.seed, 0, 'noise'), engineParams.noise, dt);
  }

  /** Date of the current state. */
  get date(): string {
    return addMonths(this.model.at, this.steps * this.months);
  }

  private at(id: string): number {
    const i = this.index.get(id);
    if (i === undefined) throw new InvalidInputError({ field: 'actor', message: `unknown actor '${id}'` });
    return i;
  }

  /**
   * Advances `k` steps (default 1) and returns this simulation.
   *
   * @example
   * const sim = createSimulation(openWorld('eurasia'), { start: '2021-12' });
   * sim.shiftTie('A', 'B', 0.5).step(12).tie('C', 'D');
   */
  step(k = 1): this {
    for (let t = 0; t < k; t++) {
      this.engine.evaluate();
      this.engine.commit(this.noise.draw());
      this.steps++;
    }
    return this;
  }

  /** Current composite tie between two actors. */
  tie(a: string, b: string): number {
    return this.engine.s.W[this.at(a) * this.model.n + this.at(b)]!;
  }

  /** Current capability of an actor. */
  capability(a: string): number {
    return this.engine.s.c[this.at(a)]!;
  }

  /**
   * Changes a running mechanism from now on: new values for some of its parameters, or
   * `enabled: false` to stop it (`true` starts it again).
   *
   * @example
   * sim.switchMechanism('baitAndBite', { params: { veto: true } }).step(12);
   */
  switchMechanism(id: string, change: { params?: Params; enabled?: boolean }): this {
    const m = this.engine.mechanisms.findIndex((x) => x.id === id);
    if (m < 0) {
      throw new InvalidInputError({
        field: 'mechanism',
        message: `mechanism '${id}' does not run in this simulation`,
        hint: `running: ${this.engine.mechanisms.map((x) => x.id).join(', ')}`,
      });
    }
    const specs = this.engine.mechanisms[m]!.params;
    for (const key of Object.keys(change.params ?? {})) {
      if (!(key in specs)) {
        throw new InvalidInputError({
          field: `${id}.${key}`,
          message: `mechanism '${id}' has no parameter '${key}'`,
          hint: `parameters: ${Object.keys(specs).join(', ')}`,
        });
      }
    }
    this.engine.switchMechanism(m, change);
    return this;
  }

  /** Adds `delta` to a tie (a lasting change unless `persist` is false). */
  shiftTie(a: string, b: string, delta: number, persist = true): this {
    this.engine.shiftTie(this.at(a), this.at(b), delta, persist);
    return this;
  }

  /** Multiplies an actor's capability by `factor`. */
  scaleCapability(a: string, factor: number): this {
    this.engine.scaleCapability(this.at(a), factor);
    return this;
  }
}

/** A hand-stepped simulation of `world` from `options.start`. */
export function createSimulation(
  world: World,
  options: Partial<SimulationOptions> & { start: string },
): Simulation {
  return new Simulation(world, options);
}
