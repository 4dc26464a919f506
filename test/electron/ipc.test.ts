import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { eventNames } from '#shared/api/contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../src-main/electron/channels';
import { forwardLabEvents, isTrustedSender, registerLabIpc } from '../../src-main/electron/ipc';
import { createStubLab } from '../host/stubLab';

vi.mock('electron', () => ({}));

const rendererUrl = 'file:///opt/lab/out/renderer/index.html';
const frame = (url: string, parent: unknown = null) => ({ url, parent }) as unknown as WebFrameMain;

describe('isTrustedSender', () => {
  it('trusts the top frame of our page, whatever its hash or query', () => {
    expect(isTrustedSender(frame(rendererUrl), rendererUrl)).toBe(true);
    expect(isTrustedSender(frame(`${rendererUrl}#/runs/r1`), rendererUrl)).toBe(true);
    expect(isTrustedSender(frame(`${rendererUrl}?view=compare`), rendererUrl)).toBe(true);
  });

  it('refuses other pages, subframes, missing frames and unparsable URLs', () => {
    expect(isTrustedSender(frame('file:///tmp/evil.html'), rendererUrl)).toBe(false);
    expect(isTrustedSender(frame('file:///opt/lab/out/renderer/index.html.evil'), rendererUrl)).toBe(false);
    expect(isTrustedSender(frame('https://evil.example/opt/lab/out/renderer/index.html'), rendererUrl)).toBe(false);
    expect(isTrustedSender(frame(rendererUrl, frame(rendererUrl)), rendererUrl)).toBe(false);
    expect(isTrustedSender(null, rendererUrl)).toBe(false);
    expect(isTrustedSender(undefined, rendererUrl)).toBe(false);
    expect(isTrustedSender(frame('not a url'), rendererUrl)).toBe(false);
  });
});

describe('registerLabIpc', () => {
  function register() {
    const lab = createStubLab();
    const handle = vi.fn();
    registerLabIpc({ handle } as unknown as IpcMain, lab, rendererUrl);
    expect(handle).toHaveBeenCalledTimes(1);
    expect(handle.mock.calls[0][0]).toBe(INVOKE_CHANNEL);
    const invoke = handle.mock.calls[0][1] as (
      event: Partial<IpcMainInvokeEvent>,
      method: unknown,
      params: unknown,
    ) => Promise<unknown>;
    return { lab, invoke };
  }

  it('dispatches requests from our renderer, errors included', async () => {
    const { lab, invoke } = register();
    const reply = (await invoke({ senderFrame: frame(rendererUrl) }, 'getCheckpoints', { runId: 'r1' })) as {
      ok: boolean;
      result: { a: Float64Array };
    };
    expect(reply.ok).toBe(true);
    expect(reply.result.a).toBeInstanceOf(Float64Array);
    expect(lab.calls).toEqual([{ method: 'getCheckpoints', params: { runId: 'r1' } }]);
    expect(await invoke({ senderFrame: frame(rendererUrl) }, 'getCheckpoints', { runId: 'zz' })).toEqual({
      ok: false,
      error: { name: 'NotFoundError', message: 'no run zz' },
    });
    expect(await invoke({ senderFrame: frame(rendererUrl) }, 'dropTables', {})).toMatchObject({
      ok: false,
      error: { name: 'UnknownMethodError' },
    });
  });

  it('refuses any other sender without calling the lab', async () => {
    const { lab, invoke } = register();
    for (const senderFrame of [frame('https://evil.example/'), frame(rendererUrl, frame(rendererUrl)), null]) {
      expect(await invoke({ senderFrame } as Partial<IpcMainInvokeEvent>, 'cancelRun', { runId: 'r1' })).toMatchObject({
        ok: false,
        error: { name: 'ForbiddenError' },
      });
    }
    expect(lab.calls).toEqual([]);
  });
});

describe('forwardLabEvents', () => {
  it('sends every lab event to the window until stopped, skipping a destroyed one', () => {
    const lab = createStubLab();
    const contents = { send: vi.fn(), isDestroyed: vi.fn(() => false) };
    const stop = forwardLabEvents(lab, contents as unknown as WebContents);
    expect(lab.listenerCount()).toBe(eventNames.length);
    lab.emit('run:status', { runId: 'r1', status: 'running', error: null });
    expect(contents.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'run:status', {
      runId: 'r1',
      status: 'running',
      error: null,
    });
    contents.isDestroyed.mockReturnValue(true);
    lab.emit('run:status', { runId: 'r1', status: 'done', error: null });
    expect(contents.send).toHaveBeenCalledTimes(1);
    stop();
    expect(lab.listenerCount()).toBe(0);
  });
});
