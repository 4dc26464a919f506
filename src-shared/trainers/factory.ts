/** Builds the trainer a configuration asks for. */
import type { RunConfig } from '../config/schema';
import type { Rng } from '../rng/types';
import { FullBatchTrainer } from './fullBatch';
import { GradientFlowTrainer } from './gradientFlow';
import { LimitTrainer } from './limit';
import { SgdTrainer } from './sgd';
import type { Trainer } from './types';
import { VarproTrainer } from './varpro';

export function createTrainer(config: RunConfig, rng: Rng): Trainer {
  switch (config.trainer) {
    case 'sgd':
      return new SgdTrainer(config, rng);
    case 'limit':
      return new LimitTrainer(config, rng);
    case 'gradient-flow':
      return new GradientFlowTrainer(config, rng);
    case 'varpro':
      return new VarproTrainer(config, rng);
    case 'full-batch':
      return new FullBatchTrainer(config, rng);
  }
}
