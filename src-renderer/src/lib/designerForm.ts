/**
 * The experiment designer's state and its two-way mapping to a run configuration: every choice as a value, every
 * number as the text typed, the target as rows. `candidateConfig` builds what the schema judges; `issueKey` says
 * beside which input each of the schema's messages goes. Pure (no Vue).
 */
import { CONFIG_VERSION, type RunConfig } from '#shared/config/schema';
import { rowsFromTarget, targetFromRows, type TargetRows } from './designerTarget';
import { FIELDS, formatExact, parseField, parseList, type FieldKey, type FieldSpec } from './runForm';

type Network = RunConfig['network'];

export interface DesignerState {
  trainer: RunConfig['trainer'];
  positions: Network['positions']['kind'];
  weights: Network['weights']['kind'];
  uGradient: RunConfig['sgd']['uGradient'];
  limitBeside: boolean;
  duration: RunConfig['duration']['kind'];
  /** ratio: type h and epsilon; inner: type h and the inner stepsize h·epsilon. */
  stepsizes: 'ratio' | 'inner';
  checkpoints: RunConfig['checkpoints']['kind'];
  integrator: RunConfig['ode']['integrator'];
  problem: RunConfig['fullBatch']['problem'];
  rng: RunConfig['rng'];
  /** Text of every numeric input, by field key. */
  texts: Record<string, string>;
  /** Text of the listed positions u (network.positions.u). */
  positionsList: string;
  target: TargetRows;
}

/** Text of evenly spaced positions (j + 1/2) / m, the starting point of a typed list. */
export function evenPositionsText(m: number): string {
  return Array.from({ length: Math.max(0, Math.min(m, 10_000)) }, (_, j) =>
    formatExact(Number(((j + 0.5) / m).toPrecision(6))),
  ).join(', ');
}

export function stateFromConfig(config: RunConfig): DesignerState {
  const { network, sgd, duration, checkpoints, ode, fullBatch } = config;
  const steps = duration.kind === 'steps' ? duration.steps : Math.floor(duration.tauMax / (sgd.h * sgd.epsilon));
  const tau = duration.kind === 'tau' ? duration.tauMax : duration.steps * sgd.h * sgd.epsilon;
  const numbers: Record<FieldKey, number> = {
    m: network.m,
    eta: network.eta,
    weightScale: network.weights.kind === 'uniform' ? network.weights.scale : 3,
    h: sgd.h,
    epsilon: sgd.epsilon,
    hInner: Number((sgd.h * sgd.epsilon).toPrecision(12)),
    noise: sgd.noise,
    tauMax: Number(tau.toPrecision(12)),
    steps,
    checkpointCount: checkpoints.count,
    checkpointEvery: checkpoints.every,
    checkpointCap: checkpoints.cap,
    odeSteps: ode.steps,
    rtol: ode.rtol,
    atol: ode.atol,
    d: fullBatch.d,
    n: fullBatch.n,
    lrA: fullBatch.lrA,
    lrU: fullBatch.lrU,
    epochs: fullBatch.epochs,
    seed: config.seed,
  };
  const texts = Object.fromEntries(Object.entries(numbers).map(([key, value]) => [key, formatExact(value)]));
  return {
    trainer: config.trainer,
    positions: network.positions.kind,
    weights: network.weights.kind,
    uGradient: sgd.uGradient,
    limitBeside: sgd.limitBeside,
    duration: duration.kind,
    stepsizes: 'ratio',
    checkpoints: checkpoints.kind,
    integrator: ode.integrator,
    problem: fullBatch.problem,
    rng: config.rng,
    texts,
    positionsList:
      network.positions.kind === 'list'
        ? network.positions.u.map(formatExact).join(', ')
        : evenPositionsText(network.m),
    target: rowsFromTarget(config.target),
  };
}

/** SGD alone takes a step budget; the other trainers run to tau_max (ODEs) or for a number of epochs (full batch). */
export const durationKind = (state: DesignerState): DesignerState['duration'] =>
  state.trainer === 'sgd' ? state.duration : 'tau';

/** SGD's inner stepsize typed directly: epsilon = h_inner / h. */
const innerTyped = (state: DesignerState): boolean => state.trainer === 'sgd' && state.stepsizes === 'inner';

/** The activation is not a free choice: the 1-D trainers train the smoothed step, the ReLU problem ReLU units. */
export const activationOf = (state: DesignerState): Network['activation'] =>
  state.trainer === 'full-batch' && state.problem === 'relu' ? 'relu' : 'cubic';

/** The configuration the state describes, for the schema to judge (unreadable numbers are NaN). */
export function candidateConfig(state: DesignerState): unknown {
  const n = (key: FieldKey) => parseField(state.texts[key]);
  const h = n('h');
  return {
    version: CONFIG_VERSION,
    trainer: state.trainer,
    target: targetFromRows(state.target),
    network: {
      m: n('m'),
      eta: n('eta'),
      activation: activationOf(state),
      positions:
        state.positions === 'list' ? { kind: 'list', u: parseList(state.positionsList) } : { kind: state.positions },
      weights: state.weights === 'uniform' ? { kind: 'uniform', scale: n('weightScale') } : { kind: 'zero' },
    },
    sgd: {
      h,
      epsilon: innerTyped(state) ? n('hInner') / h : n('epsilon'),
      noise: n('noise'),
      uGradient: state.uGradient,
      limitBeside: state.limitBeside,
    },
    duration:
      durationKind(state) === 'tau' ? { kind: 'tau', tauMax: n('tauMax') } : { kind: 'steps', steps: n('steps') },
    checkpoints: {
      kind: state.checkpoints,
      count: n('checkpointCount'),
      every: n('checkpointEvery'),
      cap: n('checkpointCap'),
    },
    ode: { integrator: state.integrator, steps: n('odeSteps'), rtol: n('rtol'), atol: n('atol') },
    fullBatch: { problem: state.problem, d: n('d'), n: n('n'), lrA: n('lrA'), lrU: n('lrU'), epochs: n('epochs') },
    seed: n('seed'),
    rng: state.rng,
  };
}

/**
 * The input a schema issue belongs to: a numeric field key, `positionsList`, `target-base`, `jump-<i>-position`,
 * `jump-<i>-jump` or `target`; null when no input owns it.
 */
export function issueKey(path: readonly PropertyKey[], state: DesignerState): string | null {
  const [head, second, third] = path.map(String);
  if (head === 'target') {
    if (second === 'positions' && third !== undefined) return `jump-${third}-position`;
    if (second === 'values' && third !== undefined)
      return third === '0' ? 'target-base' : `jump-${Number(third) - 1}-jump`;
    return 'target';
  }
  if (head === 'network' && second === 'positions') return 'positionsList';
  if (head === 'duration') return durationKind(state) === 'tau' ? 'tauMax' : 'steps';
  const dotted = path.map(String).join('.');
  if (dotted === FIELDS.epsilon.path && innerTyped(state)) return 'hInner';
  const owner = (Object.values(FIELDS) as FieldSpec[]).find((spec) => spec.path === dotted && spec.key !== 'hInner');
  return owner?.key ?? null;
}

/** The numeric inputs shown for the state, by section of the designer. */
export function visibleFields(state: DesignerState): {
  problem: FieldSpec[];
  network: FieldSpec[];
  trainer: FieldSpec[];
  checkpoints: FieldSpec[];
} {
  const f = FIELDS;
  const network = [
    f.m,
    ...(state.trainer === 'full-batch' && state.problem === 'relu' ? [] : [f.eta]),
    ...(state.weights === 'uniform' && hasWeightInit(state) ? [f.weightScale] : []),
  ];
  const stepsize = innerTyped(state) ? f.hInner : f.epsilon;
  const limitSteps = state.limitBeside ? [f.odeSteps] : [];
  const trainer: Record<DesignerState['trainer'], FieldSpec[]> = {
    sgd: [f.h, stepsize, f.noise, durationKind(state) === 'tau' ? f.tauMax : f.steps, ...limitSteps],
    limit: [f.tauMax, f.odeSteps],
    'gradient-flow': [f.epsilon, f.tauMax, f.odeSteps, f.rtol, f.atol],
    varpro: [f.tauMax, f.odeSteps, f.rtol, f.atol],
    'full-batch': [f.lrA, f.lrU, f.epochs],
  };
  const schedule = state.checkpoints === 'every' ? f.checkpointEvery : f.checkpointCount;
  return {
    problem: [f.d, f.n],
    network,
    trainer: trainer[state.trainer],
    checkpoints: [schedule, f.checkpointCap, f.seed],
  };
}

/** The limit and the exact outer solve compute the weights a themselves: their initialisation does not matter. */
export const hasWeightInit = (state: DesignerState): boolean => state.trainer !== 'limit' && state.trainer !== 'varpro';
