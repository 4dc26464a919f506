// @vitest-environment happy-dom
/** The designer's stepsize warnings (docs/MODEL.md section 7): shown under the fields as the user types, never blocking. */
import { describe, expect, it } from 'vitest';
import { mountDesigner } from './designerMount';

describe('stepsize warnings in the designer', () => {
  it('warns on h and on epsilon beyond their limits, with a stable value, and still lets the run start', async () => {
    const { get, exists, startDisabled, wrapper } = await mountDesigner();
    expect(exists('stepsize-warnings')).toBe(false);

    await get('field-h').setValue('0.5');
    const h = wrapper.get('[data-testid="stepsize-warnings"] [data-field="sgd.h"]');
    expect(h.text()).toMatch(
      /^Warning: h = 0\.5 may make the weights diverge: SGD diverges from about h = \S+ \(1\/tr G at this initialisation\); h ≤ 0\.04762 is stable\.$/,
    );
    expect(startDisabled()).toBe(false);

    await get('field-h').setValue('0.001');
    expect(exists('stepsize-warnings')).toBe(false);
    await get('field-epsilon').setValue('1');
    const epsilon = wrapper.get('[data-testid="stepsize-warnings"] [data-field="sgd.epsilon"]');
    expect(epsilon.text()).toContain('ε = 1 throws the neurons out of [0, 1]');
    expect(epsilon.text()).toContain('ε ≤ 0.025 is stable');
    expect(wrapper.findAll('[data-testid="stepsize-warnings"] li')).toHaveLength(1);

    // The other trainers have no SGD stepsizes to warn about.
    await get('trainer-varpro').trigger('click');
    expect(exists('stepsize-warnings')).toBe(false);
  });
});
