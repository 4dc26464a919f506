/**
 * The words a reader sees for a configuration field: the paper's symbol where it has one, with a few plain words,
 * instead of the internal dotted path (`sgd.epsilon`, `duration.tauMax`). Labels, legends, tables and reports use these;
 * the CLI's --set and sweep axes keep the paths, which are what one types.
 */
const LABELS: Readonly<Record<string, string>> = {
  version: 'configuration version',
  trainer: 'trainer',
  seed: 'seed',
  rng: 'random generator',
  'target.positions': 'jump positions v_i',
  'target.values': 'base level and jumps Δ_i',
  'network.m': 'm (neurons)',
  'network.eta': 'η (step width)',
  'network.activation': 'activation',
  'network.positions.kind': 'initial positions u',
  'network.positions.u': 'initial positions u',
  'network.weights.kind': 'initial weights a',
  'network.weights.scale': 'initial weight scale',
  'sgd.h': 'h (outer stepsize)',
  'sgd.epsilon': 'ε (inner / outer stepsize)',
  'sgd.noise': 'label noise',
  'sgd.uGradient': 'gradient in u',
  'sgd.limitBeside': 'limit drawn beside',
  'duration.kind': 'length given as',
  'duration.tauMax': 'τ_max (slow time)',
  'duration.steps': 'SGD steps',
  'checkpoints.kind': 'checkpoints',
  'checkpoints.count': 'checkpoint count',
  'checkpoints.every': 'checkpoint every k steps',
  'checkpoints.cap': 'most checkpoints',
  'ode.integrator': 'integrator',
  'ode.steps': 'integrator steps',
  'ode.rtol': 'relative tolerance',
  'ode.atol': 'absolute tolerance',
  'fullBatch.problem': 'problem',
  'fullBatch.d': 'd (input dimension)',
  'fullBatch.n': 'n (samples)',
  'fullBatch.lrA': 'learning rate of a',
  'fullBatch.lrU': 'learning rate of u',
  'fullBatch.epochs': 'epochs',
};

/** The label of `path`; a path not listed reads as its last key in words ("limitBeside" -> "limit beside"). */
export function fieldLabel(path: string): string {
  return LABELS[path] ?? (path.split('.').at(-1) ?? path).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
