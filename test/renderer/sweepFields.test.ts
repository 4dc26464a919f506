/** The sweep builder offers only the fields the chosen trainer reads. */
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '#shared/config/schema';
import { sweepableFields } from '../../src-renderer/src/lib/designerSweep';

const paths = (trainer: 'sgd' | 'full-batch' | 'gradient-flow') =>
  sweepableFields(parseRunConfig({ trainer })).map((field) => field.path);

describe('sweepable fields', () => {
  it('are the SGD fields for an SGD run, with no full-batch or integrator field', () => {
    expect(paths('sgd')).toContain('sgd.epsilon');
    expect(paths('sgd').filter((path) => path.startsWith('fullBatch.') || path.startsWith('ode.'))).toEqual([]);
  });

  it('are the full-batch fields for a full-batch run, with no SGD stepsize', () => {
    expect(paths('full-batch')).toContain('fullBatch.lrU');
    expect(paths('full-batch').filter((path) => path.startsWith('sgd.') || path.startsWith('duration.'))).toEqual([]);
  });

  it('include the integrator for a gradient-flow run', () => {
    expect(paths('gradient-flow')).toContain('ode.steps');
    expect(paths('gradient-flow').filter((path) => path.startsWith('sgd.') || path.startsWith('fullBatch.'))).toEqual(
      [],
    );
  });
});
