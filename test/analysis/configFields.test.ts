import { describe, expect, it } from 'vitest';
import {
  differenceLabels,
  differingFields,
  flattenConfig,
  runLabels,
  shortFieldNames,
} from '#shared/analysis/configFields';
import { parseRunConfig } from '#shared/config/schema';

describe('configuration fields', () => {
  it('flattens a configuration into dotted leaves, arrays as JSON text', () => {
    const fields = flattenConfig(parseRunConfig({ sgd: { epsilon: 0.1 } }));
    expect(fields.get('sgd.epsilon')).toBe(0.1);
    expect(fields.get('network.positions.kind')).toBe('uniform');
    expect(fields.get('target.positions')).toBe('[0.2,0.35,0.5,0.65,0.8]');
    expect(fields.get('seed')).toBe(42);
    expect([...fields.keys()].every((path) => !path.endsWith('.'))).toBe(true);
  });

  it('finds the fields that differ and names runs by them', () => {
    const configs = [parseRunConfig({ sgd: { epsilon: 2e-5 } }), parseRunConfig({ sgd: { epsilon: 1 }, seed: 3 })];
    expect(differingFields(configs)).toEqual(['sgd.epsilon', 'seed']);
    expect(differenceLabels(configs, ['a', 'b'])).toEqual(['epsilon=2e-5, seed=42', 'epsilon=1, seed=3']);
    expect(differenceLabels([configs[0], configs[0]], ['first', 'second'])).toEqual(['first', 'second']);
  });

  it('shortens paths to their shortest unambiguous ending', () => {
    expect(shortFieldNames(['sgd.h', 'network.positions.kind', 'network.weights.kind', 'duration.kind'])).toEqual([
      'h',
      'positions.kind',
      'weights.kind',
      'duration.kind',
    ]);
  });
});

describe('runLabels', () => {
  it('names compared runs by their names, adding what differs only where two share a name', () => {
    const configs = [1, 2, 3].map((seed) => parseRunConfig({ seed }));
    expect(runLabels(configs, ['first', 'second', 'third'])).toEqual(['first', 'second', 'third']);
    expect(runLabels(configs, ['probe', 'probe', 'other'])).toEqual(['probe (seed=1)', 'probe (seed=2)', 'other']);
  });
});
