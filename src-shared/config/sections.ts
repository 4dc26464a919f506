/**
 * Which top-level sections of a run configuration its trainer reads. The others keep their defaults unused: reports,
 * the sweep builder and the CLI's note on defaults leave them out rather than show fields that change nothing.
 */
import type { RunConfig } from './schema';

export function sectionsRead(config: Pick<RunConfig, 'trainer' | 'sgd'>): string[] {
  const common = ['trainer', 'seed', 'rng', 'checkpoints'];
  // Full-batch runs draw their own problem (additive steps or the ReLU teacher) and last `fullBatch.epochs`.
  if (config.trainer === 'full-batch') return [...common, 'network', 'fullBatch'];
  if (config.trainer === 'sgd')
    return [...common, 'duration', 'target', 'network', 'sgd', ...(config.sgd.limitBeside ? ['ode'] : [])];
  return [...common, 'duration', 'target', 'network', 'ode'];
}

/** Whether `path` (dotted) lies in a section the configuration's trainer reads. */
export const isRead = (config: Pick<RunConfig, 'trainer' | 'sgd'>, path: string): boolean =>
  sectionsRead(config).includes(path.split('.')[0]);
