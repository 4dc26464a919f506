/** Default names of new runs: the preset's name when the configuration is a preset's, else the trainer and its key parameters. */
import { presets } from '#shared/config/presets';
import type { RunConfig } from '#shared/config/schema';

const short = (value: number) => String(Number(value.toPrecision(3)));

function keyParameters(config: RunConfig): string[] {
  const { m, eta } = config.network;
  switch (config.trainer) {
    case 'sgd':
      return [`m=${m}`, `eta=${short(eta)}`, `h=${short(config.sgd.h)}`, `epsilon=${short(config.sgd.epsilon)}`];
    case 'full-batch':
      return [config.fullBatch.problem, `d=${config.fullBatch.d}`, `m=${m}`, `lrU=${short(config.fullBatch.lrU)}`];
    default:
      return [`m=${m}`, `eta=${short(eta)}`, config.ode.integrator];
  }
}

export function defaultRunName(config: RunConfig): string {
  const text = JSON.stringify(config);
  const preset = presets.find((p) => p.kind === 'run' && JSON.stringify(p.config) === text);
  if (preset) return preset.name;
  return [config.trainer, ...keyParameters(config), `seed=${config.seed}`].join(' ');
}
