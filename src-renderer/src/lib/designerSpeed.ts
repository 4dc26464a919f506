/**
 * How long a run will take, from a speed model of the trainers measured on the reference machine (one core each):
 * `npx tsx bench/run.ts sgd` gives about 62 ns per SGD step at m = 20 and 1.3 M steps/s at m = 10,000, and
 * `npx tsx bench/run.ts estimate` runs every trainer kind in the lab's pool and prints estimate / measured (target:
 * within 2x either way), from which the other trainers' costs per step are set. An estimate to plan with, not a
 * promise: adaptive integrators (gradient flow, varpro) vary with the stiffness of the run.
 */
import { totalSteps, type RunConfig } from '#shared/config/schema';

/** Handing the run to a warm trainer process and storing it: paid once per run. */
const RUN_OVERHEAD_SECONDS = 0.02;
/** Below this m the dense SGD engine runs (the trainer's TREE_ENGINE_MIN_NEURONS). */
const TREE_ENGINE_MIN_NEURONS = 64;

/** Seconds per SGD step: O(m) scan for small m; O(log m) plus the m·η neurons near x for the Fenwick-tree engine. */
function sgdStepSeconds(m: number, eta: number): number {
  const ns = m < TREE_ENGINE_MIN_NEURONS ? 28 + 1.7 * m : 60 + 12 * Math.log2(m) + 14 * m * eta;
  return ns * 1e-9;
}

/** Seconds per step of each trainer at m neurons (ODE trainers per output step, full batch per epoch). */
export function stepSeconds(config: RunConfig): number {
  const { m, eta } = config.network;
  const scale = m / 20;
  switch (config.trainer) {
    case 'sgd':
      return sgdStepSeconds(m, eta);
    case 'limit':
      return 3e-6 * scale;
    case 'varpro':
      return 1.7e-4 * scale ** 0.4;
    case 'gradient-flow':
      return 0.9e-3 * scale ** 2;
    case 'full-batch':
      // One epoch reads every sample once per coordinate and neuron: about 1.4 ns each, plus a fixed cost.
      return 4e-6 + 1.4e-9 * config.fullBatch.d * config.fullBatch.n * m;
  }
}

/** Estimated wall time of a run in seconds: start-up, the trainer's steps, and the limit integrated beside SGD. */
export function estimateSeconds(config: RunConfig): number {
  const main = totalSteps(config) * stepSeconds(config);
  const beside =
    config.trainer === 'sgd' && config.sgd.limitBeside
      ? config.ode.steps * stepSeconds({ ...config, trainer: 'limit' })
      : 0;
  return RUN_OVERHEAD_SECONDS + main + beside;
}

/** Wall time of several runs sharing `workers` trainer processes, each run on one of them. */
export function estimateBatchSeconds(runs: readonly RunConfig[], workers: number): number {
  const load = new Float64Array(Math.max(1, workers));
  // Runs start in order, each on the worker that frees up first.
  for (const config of runs) {
    let next = 0;
    for (let w = 1; w < load.length; w++) if (load[w] < load[next]) next = w;
    load[next] += estimateSeconds(config);
  }
  return Math.max(...load);
}
