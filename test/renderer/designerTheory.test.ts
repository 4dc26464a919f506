// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PAPER_TARGET } from '#shared/config/schema';
import { uniformInitValidProbability } from '#shared/theory/subdivision';
import { mountDesigner } from './designerMount';

describe('theory at a glance', () => {
  it('gives the probability of a valid uniform init, the verdict for the seed, floor, spacing and smallest jump', async () => {
    const { get } = await mountDesigner();
    const expected = (100 * uniformInitValidProbability(PAPER_TARGET, 20)!).toPrecision(3);
    expect(get('theory-probability').text()).toContain(`${expected} %`);
    expect(get('theory-probability').text()).toContain('m = 20');
    // docs/MODEL.md: seed 42 with the numpy generator passes.
    expect(get('theory-init-verdict').text()).toBe('this seed: passes');
    expect(get('theory-floor').text()).toContain('0.008');
    expect(get('theory-spacing').text()).toContain('0.15');
    expect(get('theory-jump').text()).toContain('at v = 0.5');
  });

  it('follows the form: more neurons, an evenly spaced init, a failing one, a tighter target', async () => {
    const { get, exists } = await mountDesigner();
    await get('field-m').setValue('40');
    const at40 = (100 * uniformInitValidProbability(PAPER_TARGET, 40)!).toPrecision(3);
    expect(get('theory-probability').text()).toContain(`${at40} %`);
    await get('positions-even').trigger('click');
    expect(exists('theory-probability')).toBe(false);
    expect(get('theory-init-verdict').text()).toBe('yes, the limit is defined');
    await get('field-m').setValue('8');
    expect(get('theory-init-verdict').text()).toContain('[0.2, 0.35] holds 1 neuron');
    await get('jump-position-4').setValue('0.97');
    expect(get('theory-spacing').text()).toContain('0.03');
    expect(get('theory-spacing').text()).toContain('between 0.97 and 1');
    await get('jump-value-2').setValue('0.5');
    expect(get('theory-jump').text()).toContain('0.5');
    await get('field-eta').setValue('0.05');
    expect(get('theory-spacing').text()).toContain('η is wider than this');
    await get('field-eta').setValue('-1');
    expect(get('theory-panel').text()).toContain('Fix the highlighted fields');
  });
});
