// @vitest-environment happy-dom
/** Editing a jump's position re-sorts the table; the focused field moves with its jump instead of landing on another. */
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { mountDesigner } from './designerMount';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the target table', () => {
  it('keeps the focus on the jump being edited when its new position re-sorts the rows', async () => {
    const { get, wrapper } = await mountDesigner();
    await get('paper-target').trigger('click');
    // The paper target: jumps at 0.2, 0.35, 0.5, 0.65, 0.8 with sizes 4, -4, 2, -2, 4.
    // Typing fires input events only; Tab then moves the focus to the size of the same jump, and the position's change
    // event sorts the table.
    const position = get('jump-position-0');
    (position.element as HTMLInputElement).value = '0.7';
    await position.trigger('input');
    (get('jump-value-0').element as HTMLInputElement).focus();
    await position.trigger('change');
    await flushPromises();

    // The jump now sits fourth (0.35, 0.5, 0.65, 0.7, 0.8); the focused field is its size, 4.
    const focused = document.activeElement as HTMLInputElement;
    expect(focused.getAttribute('data-testid')).toBe('jump-value-3');
    expect(focused.value).toBe('4');
    expect((get('jump-position-3').element as HTMLInputElement).value).toBe('0.7');
    wrapper.unmount();
  });
});
