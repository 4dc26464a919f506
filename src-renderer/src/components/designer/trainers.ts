/** The trainers the designer offers, each with the one line that says what it computes. */
import type { TrainerKind } from '#shared/config/schema';

export const trainerChoices: Array<{ value: TrainerKind; label: string; hint: string }> = [
  {
    value: 'sgd',
    label: 'SGD',
    hint: 'Online SGD, one fresh sample per step, stepsize h for the weights a and h·ε for the positions u (the paper’s runs).',
  },
  {
    value: 'limit',
    label: 'Limit',
    hint: 'The two-timescale limit (ε, η → 0): the two neurons flanking each jump slide towards it in slow time τ.',
  },
  {
    value: 'gradient-flow',
    label: 'Gradient flow',
    hint: 'Population gradient flow at finite ε with exact integrals (the object of the theorem); stiff for small ε.',
  },
  {
    value: 'varpro',
    label: 'Exact outer solve',
    hint: 'ε = 0 at finite η: the weights are always optimal, a = a*(u), and u descends L(a*(u), u).',
  },
  {
    value: 'full-batch',
    label: 'Full batch',
    hint: 'Gradient descent on a fixed sample with one learning rate per layer (the 2-D, 10-D and ReLU experiments).',
  },
];
