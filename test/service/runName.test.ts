import { describe, expect, it } from 'vitest';
import { findPreset } from '#shared/config/presets';
import { parseRunConfig } from '#shared/config/schema';
import { defaultRunName } from '../../src-main/service/runName';

describe('default run names', () => {
  it("uses the preset's name for a preset's configuration", () => {
    const preset = findPreset('paper-same-stepsizes');
    if (preset?.kind !== 'run') throw new Error('missing preset');
    expect(defaultRunName(parseRunConfig(JSON.parse(JSON.stringify(preset.config))))).toBe('paper-same-stepsizes');
  });

  it('names other runs by trainer and key parameters', () => {
    expect(defaultRunName(parseRunConfig({ sgd: { h: 1e-3, epsilon: 2e-5 }, seed: 7 }))).toBe(
      'sgd m=20 eta=0.004 h=0.001 epsilon=0.00002 seed=7',
    );
    expect(defaultRunName(parseRunConfig({ trainer: 'limit', network: { m: 50 } }))).toBe(
      'limit m=50 eta=0.004 euler-snap seed=42',
    );
    expect(
      defaultRunName(parseRunConfig({ trainer: 'full-batch', fullBatch: { problem: 'relu', d: 1, lrU: 0.01 } })),
    ).toBe('full-batch relu d=1 m=20 lrU=0.01 seed=42');
  });
});
