// @vitest-environment happy-dom
/** Menu commands and keyboard shortcuts: which key is which command, who acts on it, and what is left to the browser. */
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { accelerator, COMMANDS } from '#shared/api/commands';
import {
  commandOfKey,
  commands,
  listenForCommands,
  onCommand,
  runCommand,
  shortcutText,
  useCommand,
  type Command,
} from '../../src-renderer/src/composables/useCommands';

vi.mock('electron', () => ({}));

const key = (
  key: string,
  modifiers: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>> = { ctrlKey: true },
) => new KeyboardEvent('keydown', { key, cancelable: true, ...modifiers });

let stops: Array<() => void> = [];
afterEach(() => {
  stops.forEach((stop) => stop());
  stops = [];
  delete window.lab;
});

describe('the commands', () => {
  it("name the same keys as the desktop menu's accelerators", () => {
    for (const command of commands) {
      expect(accelerator(command), command).toBe(`CmdOrCtrl+${shortcutText(command, false).replace(/^Ctrl\+/, '')}`);
    }
    expect(accelerator('compare')).toBe('CmdOrCtrl+Shift+C');
    expect(accelerator('run')).toBe('CmdOrCtrl+Enter');
  });

  it('maps Ctrl or Cmd with the exact Shift state to a command, and nothing else', () => {
    expect(commandOfKey(key('n'))).toBe('new-run');
    expect(commandOfKey(key('N', { metaKey: true }))).toBe('new-run');
    expect(commandOfKey(key('Enter'))).toBe('run');
    expect(commandOfKey(key('.'))).toBe('cancel');
    expect(commandOfKey(key('C', { ctrlKey: true, shiftKey: true }))).toBe('compare');
    expect(commandOfKey(key('c'))).toBeNull(); // Ctrl+C copies
    expect(commandOfKey(key('e'))).toBe('export');
    expect(commandOfKey(key('f'))).toBe('search');
    expect(commandOfKey(key('L', { ctrlKey: true, shiftKey: true }))).toBe('toggle-theme');
    expect(commandOfKey(key('l'))).toBeNull(); // Ctrl+L: the address bar
    expect(commandOfKey(key('n', {}))).toBeNull();
    expect(commandOfKey(key('n', { ctrlKey: true, altKey: true }))).toBeNull();
    for (const command of commands) {
      const { key: name, shift } = COMMANDS[command];
      expect(commandOfKey(key(name, { metaKey: true, shiftKey: shift }))).toBe(command);
    }
  });

  it('writes shortcuts for tooltips', () => {
    expect(shortcutText('compare', false)).toBe('Ctrl+Shift+C');
    expect(shortcutText('run', false)).toBe('Ctrl+Enter');
    expect(shortcutText('compare', true)).toBe('⌘⇧C');
    expect(shortcutText('cancel', true)).toBe('⌘.');
  });
});

describe('subscribers', () => {
  it('the latest subscriber acts; unsubscribing hands the command back', () => {
    const first = vi.fn();
    const second = vi.fn();
    stops.push(onCommand('export', first));
    const stopSecond = onCommand('export', second);
    expect(runCommand('export')).toBe(true);
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
    stopSecond();
    runCommand('export');
    expect(first).toHaveBeenCalledTimes(1);
    expect(runCommand('compare')).toBe(false);
  });

  it('a component subscribes while it is mounted', () => {
    const handler = vi.fn();
    const wrapper = mount(defineComponent({ setup: () => (useCommand('search', handler), () => h('div')) }));
    runCommand('search');
    wrapper.unmount();
    expect(runCommand('search')).toBe(false);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

describe('listenForCommands', () => {
  it('in a browser: runs the shortcut of a subscribed command and keeps the key from the browser', () => {
    const search = vi.fn();
    stops.push(onCommand('search', search), listenForCommands(window));
    const press = key('f');
    window.dispatchEvent(press);
    expect(search).toHaveBeenCalledTimes(1);
    expect(press.defaultPrevented).toBe(true);
    const held = new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, repeat: true, cancelable: true });
    window.dispatchEvent(held);
    expect(search).toHaveBeenCalledTimes(1);
    expect(held.defaultPrevented).toBe(true);
  });

  it('leaves a shortcut nobody subscribes to to the browser (Ctrl+F finds in the page)', () => {
    stops.push(listenForCommands(window));
    const press = key('f');
    window.dispatchEvent(press);
    expect(press.defaultPrevented).toBe(false);
  });

  it('in the desktop app: follows the menu and leaves the keys to its accelerators', () => {
    let menuListener: ((command: Command) => void) | null = null;
    const stopMenu = vi.fn();
    window.lab = {
      onMenuCommand: (listener: (command: Command) => void) => {
        menuListener = listener;
        return stopMenu;
      },
    } as unknown as NonNullable<Window['lab']>;
    const theme = vi.fn();
    stops.push(onCommand('toggle-theme', theme));
    const stop = listenForCommands(window);
    window.dispatchEvent(key('L', { ctrlKey: true, shiftKey: true }));
    expect(theme).not.toHaveBeenCalled();
    menuListener!('toggle-theme');
    expect(theme).toHaveBeenCalledTimes(1);
    stop();
    expect(stopMenu).toHaveBeenCalled();
  });
});
