/** A --config file that leaves sections out is told which defaults it took and how long the run will be. */
import { describe, expect, it } from 'vitest';
import { defaultedSections, describeDefaults } from '../../src-main/cli/configDefaults';
import { parseRunConfig, totalSteps } from '#shared/config/schema';
import { formatCount } from '#shared/base/format';

describe('describeDefaults', () => {
  it('names every section a file of only {"trainer":"sgd"} leaves out, and the steps they give', () => {
    const raw = { trainer: 'sgd' };
    const config = parseRunConfig(raw);
    expect(defaultedSections(raw, config)).toEqual([
      'target',
      'network',
      'sgd',
      'duration',
      'checkpoints',
      'seed',
      'rng',
    ]);
    const line = describeDefaults('only-trainer.json', raw, config);
    expect(line).toContain('only-trainer.json does not set target, network, sgd, duration');
    expect(line).toContain(`${formatCount(totalSteps(config))} steps`);
  });

  it('leaves out what the trainer does not read', () => {
    expect(defaultedSections({ trainer: 'full-batch' }, parseRunConfig({ trainer: 'full-batch' }))).toEqual([
      'network',
      'checkpoints',
      'fullBatch',
      'seed',
      'rng',
    ]);
  });

  it('says nothing when the file sets every section', () => {
    const config = parseRunConfig({});
    const complete = JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
    expect(describeDefaults('complete.json', complete, config)).toBeNull();
  });
});
