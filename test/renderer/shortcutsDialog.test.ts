// @vitest-environment happy-dom
/** `?` opens the list of keyboard shortcuts, except while typing in a field; the list names every command. */
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS, commands } from '#shared/api/commands';
import ShortcutsDialog from '../../src-renderer/src/components/ShortcutsDialog.vue';
import { isHelpKey } from '../../src-renderer/src/lib/shortcutHelp';

const mounted: Array<{ unmount(): void }> = [];
afterEach(() => mounted.splice(0).forEach((wrapper) => wrapper.unmount()));

function mountDialog() {
  const wrapper = mount(ShortcutsDialog, { attachTo: document.body });
  mounted.push(wrapper);
  return { wrapper, dialog: wrapper.get('[data-testid="shortcuts-dialog"]').element as HTMLDialogElement };
}

describe('the shortcut list', () => {
  it('opens on ? and lists every command with its keys, then ? and Esc', () => {
    const { wrapper, dialog } = mountDialog();
    expect(dialog.open).toBe(false);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '?', cancelable: true }));
    expect(dialog.open).toBe(true);
    const text = wrapper.text();
    for (const command of commands) expect(text).toContain(COMMANDS[command].label.replace(/…$/, ''));
    expect(text).toContain('Ctrl+Shift+C');
    expect(text).toContain('Esc');
  });

  it('leaves ? typed in a field alone', () => {
    const input = document.createElement('input');
    expect(isHelpKey({ key: '?', ctrlKey: false, metaKey: false, altKey: false, target: input })).toBe(false);
    expect(isHelpKey({ key: '?', ctrlKey: false, metaKey: false, altKey: false, target: document.body })).toBe(true);
    expect(isHelpKey({ key: '?', ctrlKey: true, metaKey: false, altKey: false, target: document.body })).toBe(false);
  });
});
