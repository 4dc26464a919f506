/** Every experiment of `ttlab reproduce`, in the order they run and print. */
import type { Experiment } from '../types';
import { relu, tenDimensional, twoDimensional } from './fullBatchSetups';
import { replaySameStepsizes } from './replaySameStepsizes';
import { replayTwoTimescale } from './replayTwoTimescale';
import { sameStepsizes } from './sameStepsizes';
import { twoTimescale } from './twoTimescale';
import { varyingEpsilon } from './varyingEpsilon';

export const experiments: readonly Experiment[] = [
  replayTwoTimescale,
  replaySameStepsizes,
  twoTimescale,
  sameStepsizes,
  varyingEpsilon,
  twoDimensional,
  tenDimensional,
  relu,
];

export const experimentNames = experiments.map((experiment) => experiment.name);
