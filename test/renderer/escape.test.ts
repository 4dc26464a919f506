// @vitest-environment happy-dom
/** Escape closes a screen's side panel, but not while a modal dialog above it takes the key. */
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { useEscape } from '../../src-renderer/src/composables/useEscape';

let closed = 0;
const Panel = defineComponent({
  setup() {
    useEscape(() => closed++);
    return () => h('aside');
  },
});

afterEach(() => {
  closed = 0;
  document.body.innerHTML = '';
});

const escape = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', cancelable: true }));

describe('useEscape', () => {
  it('closes on Escape while mounted, and stops listening once unmounted', () => {
    const wrapper = mount(Panel, { attachTo: document.body });
    escape();
    expect(closed).toBe(1);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(closed).toBe(1);
    wrapper.unmount();
    escape();
    expect(closed).toBe(1);
  });

  it('leaves Escape to an open modal dialog', () => {
    const wrapper = mount(Panel, { attachTo: document.body });
    const dialog = document.createElement('dialog');
    document.body.append(dialog);
    dialog.showModal();
    escape();
    expect(closed).toBe(0);
    wrapper.unmount();
  });
});
