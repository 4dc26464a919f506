import { beforeEach, describe, expect, it, vi } from 'vitest';
import { methodNames } from '#shared/api/contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL, MENU_CHANNEL } from '../../src-main/electron/channels';
import { commands as menuCommands } from '#shared/api/commands';

type Listener = (event: unknown, ...args: unknown[]) => void;
const bridge = vi.hoisted(() => ({
  exposed: new Map<string, Record<string, unknown>>(),
  /** Listeners per IPC channel. */
  listeners: new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>(),
  invoke: vi.fn(),
}));
const listenersOf = (channel: string) =>
  bridge.listeners.get(channel) ?? bridge.listeners.set(channel, new Set()).get(channel)!;

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => bridge.exposed.set(key, api) },
  ipcRenderer: {
    invoke: bridge.invoke,
    on: (channel: string, listener: Listener) => listenersOf(channel).add(listener),
    removeListener: (channel: string, listener: Listener) => listenersOf(channel).delete(listener),
  },
}));

await import('../../src-main/preload/index');
const lab = bridge.exposed.get('lab') as Record<string, (...args: unknown[]) => unknown>;
const push = (channel: string, ...args: unknown[]) => listenersOf(channel).forEach((listener) => listener({}, ...args));
const pushEvent = (name: string, payload: unknown) => push(EVENT_CHANNEL, name, payload);

beforeEach(() => bridge.invoke.mockReset());

describe('the preload bridge', () => {
  it('exposes exactly the contract: one function per method, plus on and onMenuCommand', () => {
    expect([...bridge.exposed.keys()]).toEqual(['lab']);
    expect(Object.keys(lab).sort()).toEqual([...methodNames, 'on', 'onMenuCommand'].sort());
    for (const key of Object.keys(lab)) expect(typeof lab[key]).toBe('function');
    expect(Object.values(lab)).not.toContain(bridge.invoke);
  });

  it('sends each method over lab:invoke and resolves with the result', async () => {
    const series = { a: Float64Array.of(1, 2) };
    bridge.invoke.mockResolvedValue({ ok: true, result: series });
    await expect(lab.getCheckpoints({ runId: 'r1' })).resolves.toBe(series);
    expect(bridge.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'getCheckpoints', { runId: 'r1' });
    for (const method of methodNames) {
      await lab[method]({});
      expect(bridge.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNEL, method, {});
    }
  });

  it('rejects with the remote error message and name', async () => {
    bridge.invoke.mockResolvedValue({ ok: false, error: { name: 'NotFoundError', message: 'no run r9' } });
    await expect(lab.getRun({ runId: 'r9' })).rejects.toMatchObject({ name: 'NotFoundError', message: 'no run r9' });
  });

  it('delivers only the subscribed event, until unsubscribed', () => {
    const progress = vi.fn();
    const unsubscribe = lab.on('run:progress', progress) as () => void;
    pushEvent('run:status', { runId: 'r1' });
    pushEvent('run:progress', { runId: 'r1', step: 5 });
    expect(progress.mock.calls).toEqual([[{ runId: 'r1', step: 5 }]]);
    unsubscribe();
    pushEvent('run:progress', { runId: 'r1', step: 6 });
    expect(progress).toHaveBeenCalledTimes(1);
    expect(listenersOf(EVENT_CHANNEL).size).toBe(0);
  });

  it('passes menu commands to the page, only known ones, until unsubscribed', () => {
    const commands = vi.fn();
    const unsubscribe = lab.onMenuCommand(commands) as () => void;
    for (const command of menuCommands) push(MENU_CHANNEL, command);
    push(MENU_CHANNEL, 'rm -rf');
    push(MENU_CHANNEL, { command: 'run' });
    push(EVENT_CHANNEL, 'run');
    expect(commands.mock.calls.map(([command]) => command)).toEqual([...menuCommands]);
    unsubscribe();
    push(MENU_CHANNEL, 'run');
    expect(commands).toHaveBeenCalledTimes(menuCommands.length);
    expect(listenersOf(MENU_CHANNEL).size).toBe(0);
  });
});
